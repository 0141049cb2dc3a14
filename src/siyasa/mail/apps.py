from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "siyasa.mail"
    label = "mail"
