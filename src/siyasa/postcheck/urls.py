from django.urls import path

from siyasa.postcheck import views

urlpatterns = [
    path("check/", views.check_post, name="check_post"),
    path("check/terms/", views.LexiconFormView.as_view(), name="check_terms"),
]
