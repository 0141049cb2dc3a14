from django.urls import path

from siyasa.audit import views

urlpatterns = [
    path("history/", views.history, name="audit_history"),
    path("history.csv", views.history_csv, name="audit_history_csv"),
    path("history/purge/", views.history_purge, name="audit_history_purge"),
]
