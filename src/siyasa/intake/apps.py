from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "siyasa.intake"
    label = "intake"
