"""The banner that tells owners and policy admins, on every page, that e-mail is not leaving."""

from functools import cache

from siyasa.orgs.selectors import delivery_warning as warning_for


def delivery_warning(request):
    """`delivery_warning`: a callable the template calls once — the delivery state when it is
    stalled and the visitor watches it (`orgs.selectors.delivery_warning`), else None."""
    if not getattr(getattr(request, "user", None), "is_authenticated", False):
        return {}
    return {"delivery_warning": cache(lambda: warning_for(request))}
