from django.urls import path

from siyasa.intake import views

urlpatterns = [
    path("policy/analyse/", views.upload, name="policy_intake"),
    path("policy/analyse/<int:pk>/", views.report, name="policy_intake_report"),
    path("policy/analyse/<int:pk>/pdf/", views.report_pdf, name="policy_intake_pdf"),
    path("policy/analyse/<int:pk>/add/", views.add_default, name="policy_intake_add"),
    path("policy/analyse/<int:pk>/use/", views.use_as_draft, name="policy_intake_use"),
    path("policy/analyse/<int:pk>/next/", views.started, name="policy_intake_started"),
    path("policy/analyse/<int:pk>/delete/", views.delete, name="policy_intake_delete"),
]
