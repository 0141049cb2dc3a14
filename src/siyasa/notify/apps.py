from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "siyasa.notify"
    label = "notify"
