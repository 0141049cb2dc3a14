from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "siyasa.audit"
    label = "audit"
