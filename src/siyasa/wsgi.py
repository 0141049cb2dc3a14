"""WSGI entry point for production servers (gunicorn siyasa.wsgi)."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
application = get_wsgi_application()
if not settings.SECRET_KEY:  # never serve with an empty key
    raise ImproperlyConfigured("SECRET_KEY is not set. Set SECRET_KEY (or DEBUG=1 for local use).")
