"""WSGI entry point for production servers (gunicorn siyasa.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
application = get_wsgi_application()
