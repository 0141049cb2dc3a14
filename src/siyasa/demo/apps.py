from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "siyasa.demo"
    label = "demo"
