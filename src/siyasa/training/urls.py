from django.urls import path

from siyasa.training import views

urlpatterns = [
    path("training/", views.training_home, name="training"),
    path("training/start/", views.start, name="training_start"),
    path("training/attempts/<int:pk>/", views.attempt, name="training_attempt"),
    path("training/attempts/<int:pk>/certificate/", views.certificate, name="training_certificate"),
    path("training/results/", views.results, name="training_results"),
    path("training/results.csv", views.results_csv, name="training_results_csv"),
    path("training/questions/", views.question_list, name="training_questions"),
    path("training/questions/new/", views.QuestionFormView.as_view(), name="training_question_new"),
    path(
        "training/questions/<int:pk>/",
        views.QuestionFormView.as_view(),
        name="training_question_edit",
    ),
    path(
        "training/questions/<int:pk>/delete/",
        views.QuestionDeleteView.as_view(),
        name="training_question_delete",
    ),
    path("training/settings/", views.settings_edit, name="training_settings"),
]
