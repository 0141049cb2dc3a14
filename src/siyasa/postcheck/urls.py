from django.urls import path

from siyasa.postcheck import views

urlpatterns = [
    path("check/", views.check_post, name="check_post"),
    path("check/terms/", views.LexiconFormView.as_view(), name="check_terms"),
    path("check/reviews/", views.review_list, name="post_review_list"),
    path("check/reviews/ask/", views.ask_review, name="post_review_ask"),
    path("check/reviews/<int:pk>/", views.review_detail, name="post_review_detail"),
    path("check/reviews/<int:pk>/decide/", views.review_decide, name="post_review_decide"),
    path("check/reviews/<int:pk>/withdraw/", views.review_withdraw, name="post_review_withdraw"),
    path("check/reviews/<int:pk>/delete/", views.review_delete, name="post_review_delete"),
]
