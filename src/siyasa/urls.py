"""Every URL but the admin carries the language: /ar/… (the default) and /en/…."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from siyasa.core import account_views
from siyasa.orgs import views as org_views

org_patterns = [
    path("", include("siyasa.orgs.urls")),
    path("", include("siyasa.registry.urls")),
    path("", include("siyasa.policy.urls")),
    path("", include("siyasa.crisis.urls")),
    path("", include("siyasa.doctor.urls")),
    path("", include("siyasa.notify.urls")),
    path("", include("siyasa.security.urls")),
    path("", include("siyasa.audit.urls")),
    path("", include("siyasa.transfer.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("", org_views.home, name="home"),
        path("accounts/login/", org_views.SignInView.as_view(), name="login"),
        path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
        path("accounts/two-factor/", account_views.two_factor_setup, name="two_factor_setup"),
        path(
            "accounts/two-factor/verify/",
            account_views.two_factor_verify,
            name="two_factor_verify",
        ),
        path(
            "accounts/password/reset/",
            account_views.PasswordResetView.as_view(),
            name="password_reset",
        ),
        path(
            "accounts/password/reset/sent/",
            account_views.PasswordResetDoneView.as_view(),
            name="password_reset_done",
        ),
        path(
            "accounts/password/reset/done/",
            account_views.PasswordResetCompleteView.as_view(),
            name="password_reset_complete",
        ),
        path(
            "accounts/password/reset/<uidb64>/<token>/",
            account_views.PasswordResetConfirmView.as_view(),
            name="password_reset_confirm",
        ),
        path(
            "accounts/password/change/",
            account_views.PasswordChangeView.as_view(),
            name="password_change",
        ),
        path(
            "accounts/password/change/done/",
            account_views.PasswordChangeDoneView.as_view(),
            name="password_change_done",
        ),
        path("new/", org_views.organization_new, name="organization_new"),
        path("o/<slug:slug>/", include(org_patterns)),
    ),
]
