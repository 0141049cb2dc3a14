"""The password-reset e-mail, sent by the job worker so the page answers alike for every address.

Sending during the request would make a known address slower than an unknown one (and an SMTP
failure a 500 for it alone); a queued job takes the same few milliseconds for both.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from siyasa.mail.messages import absolute, make_message, page_path
from siyasa.mail.tasks import task


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's form, but the e-mail leaves through the job worker, in the page's language."""

    def save(self, **kwargs):
        for user in self.get_users(self.cleaned_data["email"]):
            send_password_reset.enqueue(user.pk, translation.get_language())


@task()
def send_password_reset(user_id: int, language: str) -> str:
    """Send one user a link to set a new password (subject, text and HTML templates)."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return "skipped"
    path = page_path(
        "password_reset_confirm",
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )
    context = {
        "username": user.get_username(),
        # Links in e-mails use the configured address, never a request's Host header.
        "url": absolute(path, language),
    }
    make_message(
        "password-reset",
        to=getattr(user, user.get_email_field_name()),
        context=context,
        language=language,
    ).send()
    return "sent"
