from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "siyasa.crisis"
    label = "crisis"
