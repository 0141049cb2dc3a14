"""E-mails as three templates each — subject, text and HTML — rendered in the reader's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from siyasa.notify import texts
from siyasa.notify.models import Digest
from siyasa.notify.rules import org_path


def render(name: str, context: dict, *, language: str) -> tuple[str, str, str]:
    """(subject, text, html) of `notify/email/<name>-subject.txt`, `-body.txt`, `-body.html`."""
    with translation.override(language):
        rtl = translation.get_language_bidi()
        context = {
            **context,
            "language": language,
            "direction": "rtl" if rtl else "ltr",
            # Physical sides for inline styles: mail clients ignore logical CSS properties.
            "text_start": "right" if rtl else "left",
            "text_end": "left" if rtl else "right",
        }
        subject = render_to_string(f"notify/email/{name}-subject.txt", context)
        text = render_to_string(f"notify/email/{name}-body.txt", context)
        html = render_to_string(f"notify/email/{name}-body.html", context)
    # A subject is one line, whatever the template's line breaks.
    return " ".join(subject.split()), text, html


def absolute(path: str, language: str) -> str:
    """A link in the reader's language on this installation (`SIYASA_BASE_URL`)."""
    return f"{settings.SIYASA_BASE_URL}/{language}{path}"


def digest_message(digest: Digest) -> EmailMultiAlternatives:
    """The digest as a multipart e-mail: a plain-text part and an HTML alternative."""
    language = digest.language
    items = [
        {"words": texts.words(item.content, language), "url": absolute(item.path, language)}
        for item in digest.items.all()
    ]
    with translation.override(language):
        context = {
            "org_name": digest.organization.name,
            "person_name": digest.person.display_name,
            "items": items,
            "workspace_url": absolute(org_path("workspace", digest.organization), language),
        }
    subject, text, html = render("digest", context, language=language)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[digest.email],
        headers={
            # Tells mail servers and auto-responders that no person sent it (RFC 3834).
            "Auto-Submitted": "auto-generated",
            "Content-Language": language,
        },
    )
    message.attach_alternative(html, "text/html")
    return message
