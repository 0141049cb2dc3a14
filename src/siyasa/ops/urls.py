"""The URLs outside every language and organisation: `/healthz`."""

from django.urls import path

from siyasa.ops import views

urlpatterns = [path("healthz", views.healthz, name="healthz")]
