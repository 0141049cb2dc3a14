from django.urls import path

from siyasa.registry import views

urlpatterns = [
    path("accounts/", views.account_list, name="account_list"),
    path("accounts/new/", views.AccountFormView.as_view(), name="account_new"),
    path("accounts/<int:pk>/", views.account_detail, name="account_detail"),
    path("accounts/<int:pk>/edit/", views.AccountFormView.as_view(), name="account_edit"),
    path("accounts/<int:pk>/delete/", views.AccountDeleteView.as_view(), name="account_delete"),
    path("accounts/<int:account_pk>/grants/new/", views.GrantFormView.as_view(), name="grant_new"),
    path(
        "accounts/<int:account_pk>/grants/<int:pk>/",
        views.GrantFormView.as_view(),
        name="grant_edit",
    ),
    path(
        "accounts/<int:account_pk>/grants/<int:pk>/delete/",
        views.GrantDeleteView.as_view(),
        name="grant_delete",
    ),
    path(
        "accounts/<int:account_pk>/custody/", views.CustodyFormView.as_view(), name="custody_edit"
    ),
    path("responsibilities/", views.responsibility_list, name="responsibility_list"),
    path(
        "responsibilities/new/", views.ResponsibilityFormView.as_view(), name="responsibility_new"
    ),
    path(
        "responsibilities/<int:pk>/",
        views.ResponsibilityFormView.as_view(),
        name="responsibility_edit",
    ),
    path(
        "responsibilities/<int:pk>/delete/",
        views.ResponsibilityDeleteView.as_view(),
        name="responsibility_delete",
    ),
    path("devices/", views.device_list, name="device_list"),
    path("devices/new/", views.DeviceFormView.as_view(), name="device_new"),
    path("devices/<int:pk>/", views.DeviceFormView.as_view(), name="device_edit"),
    path("devices/<int:pk>/delete/", views.DeviceDeleteView.as_view(), name="device_delete"),
]
