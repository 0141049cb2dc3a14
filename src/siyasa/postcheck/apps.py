from django.apps import AppConfig


class PostcheckConfig(AppConfig):
    name = "siyasa.postcheck"
    label = "postcheck"
