from django.urls import path

from siyasa.crisis import views

urlpatterns = [
    path("crisis/", views.plan, name="crisis_plan"),
    path("crisis/contacts/new/", views.ContactFormView.as_view(), name="contact_new"),
    path("crisis/contacts/<int:pk>/", views.ContactFormView.as_view(), name="contact_edit"),
    path(
        "crisis/contacts/<int:pk>/delete/", views.ContactDeleteView.as_view(), name="contact_delete"
    ),
    path("crisis/levels/new/", views.LevelFormView.as_view(), name="level_new"),
    path("crisis/levels/<int:pk>/", views.LevelFormView.as_view(), name="level_edit"),
    path("crisis/levels/<int:pk>/delete/", views.LevelDeleteView.as_view(), name="level_delete"),
]
