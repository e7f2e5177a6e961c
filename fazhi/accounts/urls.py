from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("otp/", views.OtpVerifyView.as_view(), name="otp_verify"),
    path("otp/enrol/", views.OtpEnrolView.as_view(), name="otp_enrol"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("tokens/", views.TokenListView.as_view(), name="tokens"),
]
