from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "siyasa.transfer"
    label = "transfer"
