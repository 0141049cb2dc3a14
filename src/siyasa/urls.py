"""Every URL but the admin carries the language: /ar/… (the default) and /en/…."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from siyasa.orgs import views as org_views

org_patterns = [
    path("", include("siyasa.orgs.urls")),
    path("", include("siyasa.registry.urls")),
    path("", include("siyasa.policy.urls")),
    path("", include("siyasa.crisis.urls")),
    path("", include("siyasa.doctor.urls")),
    path("", include("siyasa.notify.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("", org_views.home, name="home"),
        path("accounts/login/", org_views.SignInView.as_view(), name="login"),
        path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
        path("new/", org_views.organization_new, name="organization_new"),
        path("o/<slug:slug>/", include(org_patterns)),
    ),
]
