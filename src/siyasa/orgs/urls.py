from django.urls import path

from siyasa.orgs import views

urlpatterns = [
    path("people/", views.person_list, name="person_list"),
    path("people/new/", views.PersonFormView.as_view(), name="person_new"),
    path("people/<int:pk>/", views.PersonFormView.as_view(), name="person_edit"),
    path("people/<int:pk>/delete/", views.PersonDeleteView.as_view(), name="person_delete"),
    path("members/", views.member_list, name="member_list"),
    path("members/<int:pk>/", views.member_change, name="member_change"),
    path("settings/", views.org_settings, name="org_settings"),
]
