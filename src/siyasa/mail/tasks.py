"""The job decorator every e-mail job uses, wherever the tasks framework comes from."""

try:  # Django 6 ships the tasks framework; on 5.2 the django-tasks package provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

__all__ = ["task"]
