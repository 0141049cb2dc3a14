"""Which account a sign-in attempt names, for django-axes' count of wrong passwords.

The sign-in box takes a user name or an e-mail address. Counting what was typed would give an
attacker twice the tries (once by name, once by address) and would keep a lock that a new
password should lift (it lifts the user name's). So both are counted under the user name.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Q


def account_name(request, credentials: dict | None) -> str:
    """The user name of the account `login` names, or what was typed when no account has it."""
    typed = ((credentials or {}).get("username") or request.POST.get("login") or "").strip()
    if not typed:
        return ""
    users = get_user_model()._default_manager
    user = None
    if "@" in typed:
        addresses = EmailAddress.objects.filter(email__iexact=typed).values("user")
        user = users.filter(Q(pk__in=addresses) | Q(email__iexact=typed)).first()
    # allauth also tries an address-like text as a user name; so does this.
    user = user or users.filter(username__iexact=typed).first()
    return user.get_username() if user else typed.casefold()
