"""What a reader of any Siyasa e-mail notices: its language and direction, its links, its shell."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.utils import translation

from siyasa.mail.messages import absolute, make_message, org_path, without_language

EMAILS = Path(__file__).resolve().parent.parent / "templates" / "emails"
# A line of `emails/base.html` that only the shell writes.
SHELL = '<meta name="generator" content="Siyasa">'
ALPHA = SimpleNamespace(slug="alpha")


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.SIYASA_BASE_URL = "https://siyasa.example.org"


def digest(language: str):
    item = {"text": "Rotate the password of X @alpha.", "html": "Rotate…", "details": []}
    context = {
        "org_name": "جمعية ألف" if language == "ar" else "Alpha Society",
        "person_name": "سارة" if language == "ar" else "Sara",
        "items": [
            {"words": item, "url": absolute(org_path("account_detail", ALPHA, pk=7), language)}
        ],
        "workspace_url": absolute(org_path("workspace", ALPHA), language),
    }
    return make_message("digest", to="sara@example.org", context=context, language=language)


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_an_arabic_email_reads_right_to_left_with_arabic_links():
    message = digest("ar")
    html = html_of(message)

    assert '<html lang="ar" dir="rtl">' in html
    assert '<body dir="rtl"' in html and "text-align: right;" in html
    assert "سارة" in message.body and "سارة" in html
    assert "\n" not in message.subject and "جمعية ألف" in message.subject
    assert message.to == ["sara@example.org"]
    assert message.extra_headers == {"Auto-Submitted": "auto-generated", "Content-Language": "ar"}
    assert "https://siyasa.example.org/ar/o/alpha/accounts/7/" in message.body
    assert 'href="https://siyasa.example.org/ar/o/alpha/accounts/7/"' in html
    assert "https://siyasa.example.org/ar/o/alpha/" in message.body  # the footer's workspace


def test_an_english_email_reads_left_to_right_with_english_links():
    message = digest("en")
    html = html_of(message)

    assert '<html lang="en" dir="ltr">' in html and "text-align: left;" in html
    assert message.subject == "Alpha Society: 1 reminder from Siyasa"
    assert message.body.startswith("Hello Sara,")
    assert message.extra_headers["Content-Language"] == "en"
    assert "https://siyasa.example.org/en/o/alpha/accounts/7/" in message.body


def test_links_carry_the_readers_language_whatever_language_is_active():
    with translation.override("en"):
        path = org_path("incident_detail", ALPHA, number=3)
    assert path == "/o/alpha/crisis/incidents/3/"
    assert absolute(path, "ar") == "https://siyasa.example.org/ar/o/alpha/crisis/incidents/3/"
    assert without_language("/en/o/alpha/") == "/o/alpha/"
    assert without_language("/admin/") == "/admin/"


# Enough for any family's templates to render; each uses the names it needs.
CONTEXT = {
    "org_name": "جمعية ألف",
    "person_name": "سارة",
    "username": "sara",
    "items": [{"words": {"text": "t", "html": "h", "details": []}, "url": "https://x/ar/"}],
    "workspace_url": "https://x/ar/o/alpha/",
    "number": 1,
    "level_name": "كبيرة",
    "what": "أُعلن",
    "summary": "تغريدة",
    "kind": "تواصل",
    "statement": 1,
    "version": 2,
    "text_ar": "نص",
    "roles": "الإدارة",
    "url": "https://x/ar/o/alpha/crisis/incidents/1/",
}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_email_wears_the_one_shell(language):
    families = sorted(p.name.removesuffix("-body.html") for p in EMAILS.glob("*-body.html"))
    assert {"digest", "crisis-alert", "crisis-approval", "password-reset"} <= set(families)

    for family in families:
        message = make_message(family, to=["a@example.org"], context=CONTEXT, language=language)
        html = html_of(message)
        assert html.count(SHELL) == 1, family
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in html, family
        assert "\n-- \n" in message.body, family  # the text part's footer, from base.txt
        assert message.subject and "\n" not in message.subject, family
        assert message.extra_headers["Auto-Submitted"] == "auto-generated", family
