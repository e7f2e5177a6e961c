from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError

from . import lockout, otp


class LoginForm(AuthenticationForm):
    """The sign-in form: says how many tries are left, or until when the account is locked."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            username = self.cleaned_data.get("username")
            if not username or not self.cleaned_data.get("password"):
                raise
            # authenticate() has already counted this failure (user_login_failed).
            raise ValidationError(
                lockout.refusal_message(username, self.request), code="invalid_login"
            ) from None


class OtpForm(forms.Form):
    code = forms.CharField(
        label="动态口令",
        min_length=6,
        max_length=6,
        help_text="打开手机上的身份验证器应用，输入显示的6位数字。",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, user, request, **kwargs):
        self.user, self.request = user, request
        super().__init__(*args, **kwargs)

    def check(self, code: str) -> bool:
        return otp.verify(self.user, code)

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise ValidationError("动态口令是6位数字，请重新输入。")
        if not self.check(code):
            current = lockout.register_failure(self.user.get_username(), self.request, reason="otp")
            if current.locked:
                raise ValidationError(lockout.lock_message(current.locked_until), code="locked")
            raise ValidationError(
                f"动态口令错误或已使用，请输入验证器上当前显示的口令（还可尝试{current.remaining}次）。",
                code="wrong_otp",
            )
        return code


class OtpEnrolForm(OtpForm):
    def check(self, code: str) -> bool:
        return otp.confirm_enrolment(self.user, code)


class FazhiPasswordChangeForm(PasswordChangeForm):
    def clean_new_password1(self):
        password = self.cleaned_data.get("new_password1")
        if password and self.user.check_password(password):
            raise ValidationError("新密码不能与当前密码相同，请另设一个密码。", code="password_unchanged")
        return password
