"""allauth's hooks for Siyasa: who may sign up, how its e-mails leave, and what a new password lifts.

allauth would send its e-mails during the request, from its own English-first templates, with
links on the request's Host header. Here every one is queued for the job worker instead: the
page answers as fast for an address with an account as for one without (so timing tells
nothing), an SMTP failure is the worker's problem and not a 500, and the message is built by
`siyasa.mail` in the page's language with links on `SIYASA_BASE_URL`.
"""

import time
from urllib.parse import urlsplit

import axes.utils
from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from siyasa.mail.messages import absolute, make_message, page_path, without_language
from siyasa.mail.tasks import task

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
        language = translation.get_language()
        send_account_email.enqueue(
            EMAILS[template_prefix], email, language, _mail_context(context, language)
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
    """The plain strings an e-mail needs from allauth's context (a job's arguments are JSON)."""
    mail = {"sign_in_url": absolute(page_path("login"), language)}
    # The e-mail's one link, as `url`: the address to confirm, the password to set (the reset
    # e-mail), or the reset page (the e-mail about an existing account).
    link = context.get("activate_url") or context.get("password_reset_url")
    if link:
        mail["url"] = _relink(link, language)
    user = context.get("user")
    if user is not None:
        mail["username"] = user.get_username()
    return mail


def _relink(url: str, language: str) -> str:
    """allauth's absolute link, moved onto SIYASA_BASE_URL: never a request's Host header."""
    parts = urlsplit(url)
    path = without_language(parts.path) + (f"?{parts.query}" if parts.query else "")
    return absolute(path, language)


@task()
def send_account_email(template: str, to: str, language: str, context: dict) -> str:
    """Send one sign-up or password e-mail (subject, text and HTML templates)."""
    make_message(template, to=to, context=context, language=language).send()
    return "sent"
