"""Per-address rate limits (django-ratelimit), answered with a page in the visitor's language."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited


def limit_per_address(
    group: str, setting: str, *, key: str = "ip", method: object = ALL
) -> Callable:
    """Refuse with 429 a view asked for more often from one address than the rate in
    `settings.<setting>` (e.g. "30/m"); every view of `group` shares one count. `key="user_or_ip"`
    counts a signed-in person's requests as theirs, wherever they come from; `method="POST"` counts
    only submissions, so that reading the page writes nothing."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            rate = getattr(settings, setting)
            if is_ratelimited(
                request, group=group, key=key, rate=rate, method=method, increment=True
            ):
                return render(request, "429.html", status=429)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
