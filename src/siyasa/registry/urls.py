from django.urls import path

from siyasa.registry import views

urlpatterns = [
    path("accounts/", views.account_list, name="account_list"),
    path("accounts/new/", views.AccountFormView.as_view(), name="account_new"),
    path("accounts/requests/", views.account_request_list, name="account_request_list"),
    path("accounts/requests/new/", views.account_request_new, name="account_request_new"),
    path(
        "accounts/requests/<int:pk>/decide/",
        views.account_request_decide,
        name="account_request_decide",
    ),
    path("accounts/<int:pk>/", views.account_detail, name="account_detail"),
    path("accounts/<int:pk>/edit/", views.AccountFormView.as_view(), name="account_edit"),
    path("accounts/<int:pk>/delete/", views.AccountDeleteView.as_view(), name="account_delete"),
    path("accounts/<int:pk>/activity/", views.account_activity, name="account_activity"),
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
    path(
        "accounts/<int:account_pk>/apps/new/",
        views.ConnectedAppFormView.as_view(),
        name="connection_new",
    ),
    path(
        "accounts/<int:account_pk>/apps/<int:pk>/",
        views.ConnectedAppFormView.as_view(),
        name="connection_edit",
    ),
    path(
        "accounts/<int:account_pk>/apps/<int:pk>/delete/",
        views.ConnectedAppDeleteView.as_view(),
        name="connection_delete",
    ),
    path("moderation/", views.moderation_list, name="moderation_list"),
    path("moderation/new/", views.ModerationFormView.as_view(), name="moderation_new"),
    path("moderation/<int:pk>/", views.ModerationFormView.as_view(), name="moderation_edit"),
    path(
        "moderation/<int:pk>/delete/",
        views.ModerationDeleteView.as_view(),
        name="moderation_delete",
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
