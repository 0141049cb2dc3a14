"""allauth's hooks for Siyasa: who may sign up, how its e-mails leave, and what a new password lifts.

allauth would send its e-mails during the request, from its own English-first templates, with
links on the request's Host header. Here every one goes through the outbox instead: the page
answers as fast for an address with an account as for one without (so timing tells nothing), an
SMTP failure is retried with backoff and logged when it gives up (never a 500, never lost
silently), and the message is built by `siyasa.mail` in the page's language with links on
`SIYASA_BASE_URL`. The queued row keeps no secret: the reset and confirmation links are made
again when the e-mail leaves (`build_account_email`).
"""

import time
from urllib.parse import quote, urlsplit

import axes.utils
from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from siyasa.mail.messages import absolute, make_message, page_path, without_language
from siyasa.mail.outbox import queue_message

# allauth's e-mail → ours (`mail/templates/emails/<name>-subject.txt`, `-body.txt`, `-body.html`).
EMAILS = {
    "account/email/email_confirmation_signup": "email-verification",
    "account/email/email_confirmation": "email-verification",
    "account/email/password_reset_key": "password-reset",
    # Password reset for an address no account uses (allauth's enumeration prevention).
    "account/email/unknown_account": "password-reset-unknown",
    # Sign-up with an address an account already uses (the same).
    "account/email/account_already_exists": "account-exists",
}


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        """Strangers may sign up unless SIYASA_SIGNUP=invite; invitations make accounts through
        `services.create_account`, which does not ask."""
        return settings.SIYASA_SIGNUP == "open"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        template = EMAILS[template_prefix]
        language = translation.get_language()
        queue_message(
            kind=template,
            to=email,
            build=f"{__name__}.build_account_email",
            params={
                "template": template,
                "to": email,
                "language": language,
                "context": _mail_context(context, language),
                "link": _secret_link(template, email, context),
            },
        )

    def set_password(self, user, password: str) -> None:
        super().set_password(user, password)
        # The lockout page promises that a new password lets one in before the cool-off ends.
        axes.utils.reset(username=user.get_username())

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Setting up two-factor sign-in right after signing in does not ask for the password
        again: the sign-in itself is recent enough (allauth's REAUTHENTICATION_TIMEOUT)."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = self.request
        records = get_authentication_records(request, request.user) if request else []
        age = time.time() - records[-1]["at"] if records else None
        return age is None or age >= account_settings.REAUTHENTICATION_TIMEOUT

    def pre_authenticate(self, request, **credentials) -> None:
        """Wrong passwords are counted by django-axes alone (its lockout page, `axes_reset`, a
        new password lifting it); allauth's own count would refuse first, with no page saying
        why or for how long. allauth still counts wrong two-factor codes."""


class TwoFactorAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _(
            "This code was not accepted. Type the newest code the app shows; after several "
            "wrong codes, wait a few minutes before trying again."
        ),
    }


def _mail_context(context: dict, language: str) -> dict:
    """The plain strings an e-mail needs from allauth's context (the row's parameters are JSON),
    without the secret links: `_secret_link` says how to make those again."""
    mail = {"sign_in_url": absolute(page_path("login"), language)}
    # The e-mail about an existing account links to the reset page, which is no secret.
    if "activate_url" not in context and "key" not in context and context.get("password_reset_url"):
        mail["url"] = _relink(context["password_reset_url"], language)
    user = context.get("user")
    if user is not None:
        mail["username"] = user.get_username()
    return mail


def _secret_link(template: str, email: str, context: dict) -> dict | None:
    """Which secret link the e-mail carries, by the row it is made from, not by its value."""
    if template == "password-reset":
        return {"reset_password_of": context["user"].pk}
    if template == "email-verification":
        address = EmailAddress.objects.get(user=context["user"], email__iexact=email)
        return {"confirm_address": address.pk}
    return None


def _make_link(link: dict, language: str) -> str:
    """The reset or confirmation link, made now: a fresh token that is valid from this moment."""
    if "reset_password_of" in link:
        user = get_user_model().objects.get(pk=link["reset_password_of"])
        token = account_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
        # allauth's URL takes one opaque key, "<uid>-<token>", in place of its two arguments.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        path = path.replace("UID-KEY", quote(f"{user_pk_to_url_str(user)}-{token}"))
    else:
        address = EmailAddress.objects.get(pk=link["confirm_address"])
        path = reverse("account_confirm_email", args=[EmailConfirmationHMAC(address).key])
    return absolute(without_language(path), language)


def _relink(url: str, language: str) -> str:
    """allauth's absolute link, moved onto SIYASA_BASE_URL: never a request's Host header."""
    parts = urlsplit(url)
    path = without_language(parts.path) + (f"?{parts.query}" if parts.query else "")
    return absolute(path, language)


def build_account_email(
    *, template: str, to: str, language: str, context: dict, link: dict | None
) -> EmailMessage:
    """One sign-up or password e-mail (subject, text and HTML templates), made as it leaves."""
    if link is not None:
        context = {**context, "url": _make_link(link, language)}
    return make_message(template, to=to, context=context, language=language)
