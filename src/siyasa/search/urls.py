from django.urls import path

from siyasa.search import views

# Under /o/<slug>/.
urlpatterns = [
    path("search/", views.search, name="search"),
    path("help/<slug:area>/", views.help_page, name="help"),
]
