from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "siyasa.archive"
    label = "archive"
