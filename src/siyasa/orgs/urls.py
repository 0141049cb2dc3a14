from django.urls import path

from siyasa.orgs import views

urlpatterns = [
    path("people/", views.person_list, name="person_list"),
    path("people/new/", views.PersonFormView.as_view(), name="person_new"),
    path("people/<int:pk>/", views.PersonFormView.as_view(), name="person_edit"),
    path("people/<int:pk>/delete/", views.PersonDeleteView.as_view(), name="person_delete"),
    path("people/<int:pk>/invite/", views.person_invite, name="person_invite"),
    path("members/", views.member_list, name="member_list"),
    path("members/<int:pk>/", views.member_change, name="member_change"),
    path(
        "members/invitations/<int:pk>/resend/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "members/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("settings/", views.org_settings, name="org_settings"),
]

# Outside /o/<slug>/: whoever opens an invitation link is not a member yet.
