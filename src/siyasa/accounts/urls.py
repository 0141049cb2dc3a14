"""Sign-up, sign-in, two-factor and password pages under /<lang>/accounts/: django-allauth's,
with Siyasa's own where it needs more."""

from allauth.account import views as allauth_views
from django.urls import include, path

from siyasa.accounts import views

urlpatterns = [
    # The names the rest of Siyasa uses for allauth's pages.
    path("login/", allauth_views.login, name="login"),
    path("logout/", allauth_views.logout, name="logout"),
    path("password/reset/", allauth_views.password_reset, name="password_reset"),
    path("password/change/", allauth_views.password_change, name="password_change"),
    # allauth's pages that keep `next` through two-factor set-up (same paths and names).
    path("2fa/totp/activate/", views.ActivateTOTPView.as_view(), name="mfa_activate_totp"),
    path("2fa/recovery-codes/", views.RecoveryCodesView.as_view(), name="mfa_view_recovery_codes"),
    path("", include("allauth.urls")),
]
