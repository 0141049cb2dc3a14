from django.urls import path

from siyasa.policy import views

urlpatterns = [
    path("policy/", views.policy_page, name="policy"),
    path("policy/texts/", views.text_list, name="policy_texts"),
    path("policy/texts/<str:key>/", views.text_edit, name="policy_text_edit"),
    path("policy/settings/", views.settings_edit, name="policy_settings"),
]
