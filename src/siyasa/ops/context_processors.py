"""The banner that tells owners and policy admins, on every page, that e-mail is not leaving."""

from functools import cache

from siyasa.core.permissions import DELIVERY_WATCHER_ROLES, can_watch_delivery
from siyasa.mail import health
from siyasa.orgs.models import Membership


def delivery_warning(request):
    """`delivery_warning`: a callable the template calls once — the delivery state when it is
    stalled and the visitor watches it, else None. On an organisation's page the membership is
    already known (no query for the rest); elsewhere one query asks whether they watch any."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def warning():
        ctx = getattr(request, "org_ctx", None)
        if ctx is not None:
            watches = can_watch_delivery(ctx.membership)
        else:
            watches = Membership.objects.filter(user=user, role__in=DELIVERY_WATCHER_ROLES).exists()
        if not watches:
            return None
        state = health.delivery()
        return state if state.stalled else None

    return {"delivery_warning": warning}
