from django.urls import path

from siyasa.doctor import views

urlpatterns = [
    path("health/", views.health, name="health"),
]
