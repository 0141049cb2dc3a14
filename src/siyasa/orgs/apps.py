from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "siyasa.orgs"
    label = "orgs"
    verbose_name = "Organisations"
