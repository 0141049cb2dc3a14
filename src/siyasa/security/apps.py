from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "siyasa.security"
    label = "security"
