from django.urls import path

from siyasa.archive import views

urlpatterns = [
    path("settings/export.json", views.org_export, name="org_export"),
]
