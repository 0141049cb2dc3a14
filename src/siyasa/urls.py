"""Every URL but the admin and `/healthz` carries the language: /ar/… (the default) and /en/…."""

from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from siyasa.accounts import views as account_views
from siyasa.workspace import urls as workspace_urls

org_patterns = [
    *workspace_urls.org_urlpatterns,
    path("", include("siyasa.orgs.urls")),
    path("", include("siyasa.registry.urls")),
    path("", include("siyasa.consent.urls")),
    path("", include("siyasa.postcheck.urls")),
    path("", include("siyasa.policy.urls")),
    path("", include("siyasa.crisis.urls")),
    path("", include("siyasa.doctor.urls")),
    path("", include("siyasa.intake.urls")),
    path("", include("siyasa.notify.urls")),
    path("", include("siyasa.security.urls")),
    path("", include("siyasa.training.urls")),
    path("", include("siyasa.audit.urls")),
    path("", include("siyasa.transfer.urls")),
    path("", include("siyasa.search.urls")),
    path("", include("siyasa.archive.urls")),
]

# The admin signs in through allauth's page, with its lockout and second factor.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]  # wrapping on purpose

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("siyasa.ops.urls")),
    *i18n_patterns(
        path("", include(workspace_urls.urlpatterns)),
        path("invitations/<str:token>/", account_views.invitation, name="invitation"),
        path("accounts/", include("siyasa.accounts.urls")),
        path("o/<slug:slug>/", include(org_patterns)),
    ),
]
