from django.urls import path

from siyasa.crisis import views

INCIDENT = "crisis/incidents/<int:number>/"

urlpatterns = [
    path("crisis/", views.room, name="crisis_plan"),
    path("crisis/declare/", views.declare, name="incident_declare"),
    path(INCIDENT, views.incident_detail, name="incident_detail"),
    path(f"{INCIDENT}timeline/", views.incident_entry, name="incident_entry"),
    path(f"{INCIDENT}level/", views.incident_level, name="incident_level"),
    path(f"{INCIDENT}lead/", views.incident_lead, name="incident_lead"),
    path(f"{INCIDENT}close/", views.incident_close, name="incident_close"),
    path(f"{INCIDENT}tasks/", views.task_add, name="task_add"),
    path(f"{INCIDENT}tasks/<int:pk>/done/", views.task_done, name="task_done"),
    path(f"{INCIDENT}statements/", views.statement_add, name="statement_add"),
    path(f"{INCIDENT}statements/<int:pk>/", views.statement_edit, name="statement_edit"),
    path(
        f"{INCIDENT}statements/<int:pk>/decide/",
        views.statement_decide,
        name="statement_decide",
    ),
    path("crisis/playbooks/new/", views.PlaybookFormView.as_view(), name="playbook_new"),
    path("crisis/playbooks/<int:pk>/", views.PlaybookFormView.as_view(), name="playbook_edit"),
    path("crisis/contacts/new/", views.ContactFormView.as_view(), name="contact_new"),
    path("crisis/contacts/<int:pk>/", views.ContactFormView.as_view(), name="contact_edit"),
    path(
        "crisis/contacts/<int:pk>/delete/", views.ContactDeleteView.as_view(), name="contact_delete"
    ),
    path("crisis/levels/new/", views.LevelFormView.as_view(), name="level_new"),
    path("crisis/levels/<int:pk>/", views.LevelFormView.as_view(), name="level_edit"),
    path("crisis/levels/<int:pk>/delete/", views.LevelDeleteView.as_view(), name="level_delete"),
]
