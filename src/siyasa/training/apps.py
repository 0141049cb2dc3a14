from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "siyasa.training"
    label = "training"
