from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "siyasa.policy"
    label = "policy"
