"""Two-factor sign-in: who owes a second factor, and the middleware that sends them to it.

allauth.mfa asks anyone with an authenticator for a code at sign-in. This adds what it does not
know: owners and policy admins, and everyone in an organisation that asks for it, must have one
before an organisation page opens; and a session that signed in without the code (the Django
admin's own form, an older session) gives one before going on.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import redirect
from django.urls import reverse

from siyasa.core.permissions import TWO_FACTOR_ROLES
from siyasa.orgs.models import Membership

# Organisation pages, starting an organisation, changing the password and the admin wait for the
# second factor. Sign-in, sign-up, the two-factor pages, the password reset and the home page do
# not: that is how one gets there.
_LANGUAGES = "|".join(code for code, _name in settings.LANGUAGES)
GUARDED_PATH = re.compile(rf"^(/({_LANGUAGES})/(o|new|accounts/password/change)/|/admin/)")


# A membership that asks its user for a second factor.
_ASKS_FOR_IT = Q(role__in=TWO_FACTOR_ROLES) | Q(organization__require_two_factor=True)


@dataclass(frozen=True)
class State:
    """What the database says of a user's second factor, read with the user of a session
    (`accounts.backends`) so that a guarded request asks nothing more."""

    has_authenticator: bool
    asked_by_membership: bool


def with_state(users: QuerySet) -> QuerySet:
    """`users` annotated with the two facts of `State`."""
    return users.annotate(
        has_totp=Exists(
            Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        ),
        asked_by_membership=Exists(Membership.objects.filter(_ASKS_FOR_IT, user=OuterRef("pk"))),
    )


def _state(user) -> State:
    known = getattr(user, "two_factor_state", None)
    if known is None:
        facts = with_state(type(user).objects.filter(pk=user.pk)).values_list(
            "has_totp", "asked_by_membership"
        )
        known = State(*facts.get())
    return known


def has_authenticator(user) -> bool:
    return _state(user).has_authenticator


def needs_two_factor(user) -> bool:
    """Whether `user` must have an authenticator to open organisation pages: an owner or policy
    admin anywhere, any member of an organisation that requires it, and anyone who may use the
    admin (it reads every organisation)."""
    if not user.is_authenticated or not settings.SIYASA_ENFORCE_TWO_FACTOR:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return _state(user).asked_by_membership


def gave_second_factor(request) -> bool:
    """Whether this session has confirmed a code (at sign-in, since, or by setting one up)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def second_factor_url(request, next_url: str) -> str | None:
    """Where a signed-in user must go before `next_url`: the code page when they have an
    authenticator but this session has not given a code, the set-up page when their role needs
    one and they have none, or None when nothing is owed."""
    user = request.user
    if not user.is_authenticated:
        return None
    if has_authenticator(user):
        if gave_second_factor(request):
            return None
        name = "mfa_reauthenticate"
    elif needs_two_factor(user):
        name = "mfa_activate_totp"
    else:
        return None
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


class TwoFactorMiddleware:
    """Sends a user who owes a second factor to it before any guarded page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if GUARDED_PATH.match(request.path_info):
            url = second_factor_url(request, request.get_full_path())
            if url:
                return redirect(url)
        return self.get_response(request)
