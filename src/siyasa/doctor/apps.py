from django.apps import AppConfig


class DoctorConfig(AppConfig):
    name = "siyasa.doctor"
    label = "doctor"
