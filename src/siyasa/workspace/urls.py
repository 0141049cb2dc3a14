from django.urls import path

from siyasa.workspace import views

# Under /o/<slug>/.
org_urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("policy/me/", views.me, name="policy_me"),
    path("policy/draft/", views.policy_draft, name="policy_draft"),
    path("policy/publish/", views.policy_publish, name="policy_publish"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("welcome/", views.after_sign_in, name="after_sign_in"),
    path("new/", views.organization_new, name="organization_new"),
]
