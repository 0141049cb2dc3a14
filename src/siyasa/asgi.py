"""ASGI entry point for production servers."""

import os

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
application = get_asgi_application()
if not settings.SECRET_KEY:  # never serve with an empty key
    raise ImproperlyConfigured("SECRET_KEY is not set. Set SECRET_KEY (or DEBUG=1 for local use).")
