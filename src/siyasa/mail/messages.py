"""One e-mail from three templates — subject, text and HTML — in the reader's language.

`make_message("digest", …)` renders `emails/digest-subject.txt`, `emails/digest-body.txt` and
`emails/digest-body.html`; every HTML body extends `emails/base.html` (the right-to-left or
left-to-right shell mail clients need) and every text body `emails/base.txt`.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def make_message(
    template: str, *, to: list[str] | str, context: dict, language: str
) -> EmailMultiAlternatives:
    """The multipart e-mail `emails/<template>-*` makes of `context`, rendered in `language`."""
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
        subject = render_to_string(f"emails/{template}-subject.txt", context)
        text = render_to_string(f"emails/{template}-body.txt", context)
        html = render_to_string(f"emails/{template}-body.html", context)
    message = EmailMultiAlternatives(
        # A subject is one line, whatever the template's line breaks.
        " ".join(subject.split()),
        text,
        to=[to] if isinstance(to, str) else list(to),
        headers={
            # Tells mail servers and auto-responders that no person sent it (RFC 3834).
            "Auto-Submitted": "auto-generated",
            "Content-Language": language,
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def absolute(path: str, language: str) -> str:
    """A link in the reader's language on this installation (`SIYASA_BASE_URL`)."""
    return f"{settings.SIYASA_BASE_URL}/{language}{path}"


def page_path(name: str, **kwargs) -> str:
    """The path of a named page without its language prefix; `absolute` adds the reader's."""
    with translation.override("en"):
        return without_language(reverse(name, kwargs=kwargs))


def org_path(name: str, org, **kwargs) -> str:
    """A page of the organisation (anything with a `slug`) without its language prefix."""
    return page_path(name, slug=org.slug, **kwargs)


def without_language(url: str) -> str:
    """`/ar/o/alpha/` → `/o/alpha/`: the path every language shares."""
    for code, _name in settings.LANGUAGES:
        if url.startswith(f"/{code}/"):
            return url[len(code) + 1 :]
    return url
