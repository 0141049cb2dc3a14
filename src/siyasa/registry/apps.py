from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "siyasa.registry"
    label = "registry"
