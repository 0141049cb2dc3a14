from django.urls import path

from siyasa.security import views

urlpatterns = [
    path("security/", views.overview, name="security_overview"),
    path("accounts/<int:account_pk>/rotations/", views.account_rotations, name="account_rotations"),
    path("people/<int:pk>/offboard/", views.offboarding_start, name="offboarding_start"),
    path("offboarding/<int:pk>/", views.offboarding_detail, name="offboarding_detail"),
    path(
        "offboarding/<int:pk>/items/<int:item_pk>/", views.offboarding_item, name="offboarding_item"
    ),
    path("offboarding/<int:pk>/archive/", views.offboarding_archive, name="offboarding_archive"),
    path("people/<int:pk>/onboard/", views.onboarding_start, name="onboarding_start"),
    path("onboarding/<int:pk>/", views.onboarding_tick, name="onboarding_tick"),
]
