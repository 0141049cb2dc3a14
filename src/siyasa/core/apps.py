from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "siyasa.core"
    label = "core"
