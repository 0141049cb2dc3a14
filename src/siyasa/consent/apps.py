from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "siyasa.consent"
    label = "consent"
