from django.urls import path

from siyasa.policy import export_views, reader_views, views

urlpatterns = [
    path("policy/", views.policy_page, name="policy"),
    path("policy/draft/", views.draft, name="policy_draft"),
    path("policy/publish/", views.publish, name="policy_publish"),
    path("policy/versions/", views.history, name="policy_versions"),
    path("policy/versions/<int:number>/", views.version_detail, name="policy_version"),
    path("policy/compare/", views.compare, name="policy_compare"),
    path("policy/acknowledge/", views.acknowledge, name="policy_acknowledge"),
    path("policy/acknowledgements/", views.acknowledgements, name="policy_acknowledgements"),
    path("policy/pdf/", export_views.policy_pdf, name="policy_pdf"),
    path("policy/docx/", export_views.policy_docx, name="policy_docx"),
    path("policy/me/", reader_views.new_employee, name="policy_me"),
    path("policy/at-a-glance/", reader_views.manager, name="policy_manager"),
    path("policy/crisis-card/", reader_views.crisis_card, name="policy_crisis_card"),
    path("policy/texts/", views.text_list, name="policy_texts"),
    path("policy/texts/<str:key>/", views.text_edit, name="policy_text_edit"),
    path("policy/settings/", views.settings_edit, name="policy_settings"),
]
