from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView, View

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.ids import record_id

from . import lockout, otp, tokens
from .forms import FazhiPasswordChangeForm, LoginForm, OtpEnrolForm, OtpForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "lockout_failures": settings.FAZHI_LOCKOUT_FAILURES,
            "lockout_minutes": settings.FAZHI_LOCKOUT_MINUTES,
        }


class LogoutView(auth_views.LogoutView):
    pass


@method_decorator(login_required, name="dispatch")
class _SecondFactorView(FormView):
    def dispatch(self, request, *args, **kwargs):
        if not otp.needs_second_factor(request.user) or otp.is_verified(request):
            return redirect(self.next_url())
        return self.end_if_locked() or super().dispatch(request, *args, **kwargs)

    def end_if_locked(self):
        """Too many wrong codes lock the account and end the session, as a locked password sign-in would."""
        current = lockout.status(self.request.user.get_username())
        if not current.locked:
            return None
        logout(self.request)
        messages.error(self.request, lockout.lock_message(current.locked_until))
        return redirect(settings.LOGIN_URL)

    def next_url(self) -> str:
        candidate = self.request.POST.get("next") or self.request.GET.get("next")
        allowed = url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        )
        return candidate if candidate and allowed else resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "request": self.request}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": self.next_url()}

    def form_valid(self, form):
        user = self.request.user
        otp.mark_verified(self.request)
        lockout.register_success(user.get_username(), self.request)
        record(Action.LOGIN, actor=user, target=user, changes={"factor": [None, "密码+动态口令"]})
        return redirect(self.next_url())

    def form_invalid(self, form):
        return self.end_if_locked() or super().form_invalid(form)


class OtpVerifyView(_SecondFactorView):
    template_name = "accounts/otp_verify.html"
    form_class = OtpForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.totp_confirmed:
            return redirect("accounts:otp_enrol")
        return super().dispatch(request, *args, **kwargs)


class OtpEnrolView(_SecondFactorView):
    template_name = "accounts/otp_enrol.html"
    form_class = OtpEnrolForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.totp_confirmed:
            return redirect("accounts:otp_verify")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        secret = otp.start_enrolment(self.request.user)
        uri = otp.provisioning_uri(self.request.user, secret)
        return {
            **super().get_context_data(**kwargs),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr_code": otp.qr_data_uri(uri),
        }


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = FazhiPasswordChangeForm

    def get_success_url(self):
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["expired"] = self.request.user.password_expired
        context["max_age_days"] = settings.FAZHI_PASSWORD_MAX_AGE_DAYS
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "密码已修改。")
        return response


@method_decorator(login_required, name="dispatch")
class TokenListView(View):
    """A person's own API tokens: name, lifetime, last use; each can be revoked. Keys are never shown."""

    def get(self, request):
        rows = request.user.api_tokens.all()
        return render(
            request, "accounts/tokens.html", {"tokens": rows, "lifetime_days": settings.FAZHI_API_TOKEN_DAYS}
        )

    def post(self, request):
        token = get_object_or_404(request.user.api_tokens, pk=record_id(request.POST.get("revoke")))
        if tokens.revoke(token, actor=request.user, reason="本人撤销"):
            messages.success(request, f"令牌“{token.name or '未命名'}”已撤销。")
        return redirect("accounts:tokens")
