from django.urls import path

from siyasa.consent import views

urlpatterns = [
    path("consents/", views.consent_list, name="consent_list"),
    path("consents/new/", views.ConsentFormView.as_view(), name="consent_new"),
    path("consents/<int:pk>/", views.ConsentFormView.as_view(), name="consent_edit"),
    path("consents/<int:pk>/delete/", views.ConsentDeleteView.as_view(), name="consent_delete"),
    path("consents/<int:pk>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("takedowns/", views.takedown_list, name="takedown_list"),
    path("takedowns/<int:pk>/done/", views.takedown_done, name="takedown_done"),
]
