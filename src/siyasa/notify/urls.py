from django.urls import path

from siyasa.notify import views

urlpatterns = [
    path("notifications/", views.notification_log, name="notification_log"),
]
