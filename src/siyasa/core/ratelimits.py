"""Per-address rate limits (django-ratelimit), answered with a page in the visitor's language."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited


def limit_per_address(group: str, setting: str) -> Callable:
    """Refuse with 429 a view asked for more often from one address than the rate in
    `settings.<setting>` (e.g. "30/m"); every view of `group` shares one count."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            rate = getattr(settings, setting)
            if is_ratelimited(request, group=group, key="ip", rate=rate, increment=True):
                return render(request, "429.html", status=429)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
