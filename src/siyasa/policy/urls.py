from django.urls import path

from siyasa.policy.views import exports, readers, versions

# `policy/draft/` and `policy/publish/` are in workspace.urls: the page shows what the publication
# carries from the apps above policy (the quiz's changes).
urlpatterns = [
    path("policy/", versions.policy_page, name="policy"),
    path("policy/versions/", versions.history, name="policy_versions"),
    path("policy/versions/<int:number>/", versions.version_detail, name="policy_version"),
    path("policy/compare/", versions.compare, name="policy_compare"),
    path("policy/acknowledge/", versions.acknowledge, name="policy_acknowledge"),
    path("policy/acknowledgements/", versions.acknowledgements, name="policy_acknowledgements"),
    path("policy/pdf/", exports.policy_pdf, name="policy_pdf"),
    path("policy/docx/", exports.policy_docx, name="policy_docx"),
    path("policy/at-a-glance/", readers.manager, name="policy_manager"),
    path("policy/crisis-card/", readers.crisis_card, name="policy_crisis_card"),
    path("policy/texts/", versions.text_list, name="policy_texts"),
    path("policy/texts/<str:key>/", versions.text_edit, name="policy_text_edit"),
    path("policy/settings/", versions.settings_edit, name="policy_settings"),
]
