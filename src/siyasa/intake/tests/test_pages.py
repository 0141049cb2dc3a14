"""The pages of bringing an existing policy, as the members of a charity made through the product
use them: upload, report, PDF, default texts, the draft started from it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from conftest import sign_in
from siyasa.intake import pdf
from siyasa.intake.extract import MAX_UPLOAD_BYTES
from siyasa.intake.models import Analysis, AnalysisPDF
from siyasa.intake.tests.conftest import ENGLISH_POLICY
from siyasa.policy import services as policy_services
from siyasa.policy.models import PolicyText, PolicyVersion


def client_of(membership) -> Client:
    client = Client()
    sign_in(client, membership.user)
    return client


def url(team, name: str, analysis=None, lang: str = "ar") -> str:
    kwargs = {"slug": team.org.slug} | ({"pk": analysis.pk} if analysis else {})
    return f"/{lang}" + reverse(name, kwargs=kwargs)[3:]


def post_file(client, team, content: bytes, name: str = "policy.md", lang: str = "en"):
    return client.post(
        url(team, "policy_intake", lang=lang), {"file": SimpleUploadedFile(name, content)}
    )


@pytest.fixture
def editor(team) -> Client:
    return client_of(team.editor)


@pytest.fixture
def analysed(team, editor) -> Analysis:
    response = post_file(editor, team, ENGLISH_POLICY.encode())
    assert response.status_code == 302
    return Analysis.objects.for_org(team.org).get()


def test_an_uploaded_policy_is_reported_by_section_with_evidence_and_defaults(team, editor):
    response = post_file(editor, team, ENGLISH_POLICY.encode(), "our <policy>.md")
    analysis = Analysis.objects.for_org(team.org).get()
    assert response["Location"] == url(team, "policy_intake_report", analysis, "en")
    page = editor.get(url(team, "policy_intake_report", analysis, "en")).content.decode()
    for title in ("Why this policy exists", "Security protocols", "Crisis plan"):
        assert title in page
    assert "Coverage by section" in page and f"{analysis.score}</span>" in page
    assert "partly covered one counts half" in page
    # A covered requirement shows its passage with the matched words marked, a missing one why
    # it matters — and, the draft being Siyasa's own text still, that it is there already.
    assert "<mark>" in page and "changed every 90 days" in strip_tags(page)
    # A partial one says, in the reader's words, what the document does not state (R2.7).
    assert "Not found in your document: The holder of the second factor is named" in page
    assert "Every official account should have a named owner" in page
    assert "Your draft already has Siyasa's text for this, in “How roles work”" in page
    assert 'name="requirement" value="R1.1"' not in page
    assert '<bdi class="filename" dir="ltr">our &lt;policy&gt;.md</bdi>' in page
    # Once the block holds the organisation's own words, the button adds the default to them.
    policy_services.update_text(
        membership=team.editor, key="roles.intro", body_ar="نصّنا", body_en="Our own words"
    )
    page = editor.get(url(team, "policy_intake_report", analysis, "en")).content.decode()
    assert 'name="requirement" value="R1.1"' in page and "into “How roles work”" in page


def test_the_report_page_is_in_arabic_too(team, editor, analysed):
    editor.post(url(team, "policy_intake_use", analysed))
    page = editor.get(url(team, "policy_intake_report", analysed, "ar")).content.decode()
    assert "أضف نصّنا الافتراضي لهذا" in page
    assert 'lang="en" dir="ltr"' in page  # the English passages are marked as such


LATIN_NAME = "Social-Media-Policy_2024 (final).docx"
ARABIC_NAME = "سياسة التواصل الاجتماعي (نهائية) ٢٠٢٤.pdf"


def test_a_file_name_keeps_its_own_direction_in_every_sentence_and_list(team, editor, monkeypatch):
    # Each name is isolated in the direction of its first letter, so its brackets, digits and
    # extension stay in place in an Arabic or an English sentence, on the page, in the list of
    # past analyses and in the report's PDF.
    isolated = {
        LATIN_NAME: f'<bdi class="filename" dir="ltr">{LATIN_NAME}</bdi>',
        ARABIC_NAME: f'<bdi class="filename" dir="rtl">{ARABIC_NAME}</bdi>',
    }
    for name in isolated:
        post_file(editor, team, ENGLISH_POLICY.encode(), name)
    # The PDF's HTML, as WeasyPrint would get it.
    monkeypatch.setattr(
        pdf, "html_pdf", lambda template, context, **_: render_to_string(template, context).encode()
    )
    for lang in ("ar", "en"):
        listed = editor.get(url(team, "policy_intake", lang=lang)).content.decode()
        for analysis in Analysis.objects.for_org(team.org):
            expected = isolated[analysis.filename]
            assert expected in listed
            assert (
                expected
                in editor.get(url(team, "policy_intake_report", analysis, lang)).content.decode()
            )
            assert (
                expected
                in editor.get(url(team, "policy_intake_pdf", analysis, lang)).content.decode()
            )


def test_adding_a_default_text_changes_the_draft(team, editor, analysed):
    editor.post(url(team, "policy_intake_use", analysed))
    before = PolicyText.objects.for_org(team.org).get(key="security.intro")
    response = editor.post(url(team, "policy_intake_add", analysed), {"requirement": "R2.2"})
    assert response.status_code == 302 and response["Location"].endswith("#req-R2-2")
    after = PolicyText.objects.for_org(team.org).get(key="security.intro")
    assert len(after.body_en) > len(before.body_en) and after.body_en.startswith("Passwords")
    assert after.history.latest().history_user == team.editor.user
    bad = editor.post(url(team, "policy_intake_add", analysed), {"requirement": "R9.9"})
    assert bad.status_code == 400


def test_use_as_draft_asks_first_then_links_to_the_registries(team, editor, analysed):
    confirm = editor.get(url(team, "policy_intake_use", analysed, "en"))
    assert confirm.status_code == 200
    assert "Security rules" in confirm.content.decode()
    assert PolicyText.objects.for_org(team.org).get(key="security.intro").to_translate == ""
    response = editor.post(url(team, "policy_intake_use", analysed, "en"))
    assert response["Location"] == url(team, "policy_intake_started", analysed, "en")
    page = editor.get(response["Location"]).content.decode()
    for name in (
        "account_list",
        "responsibility_list",
        "device_list",
        "crisis_plan",
        "policy_draft",
    ):
        assert reverse(name, kwargs={"slug": team.org.slug})[3:] in page
    # The draft says what waits for a translation; the policy in force is unchanged.
    draft = editor.get(f"/en/o/{team.org.slug}/policy/draft/").content.decode()
    assert "Arabic: to translate" in draft and "changed every 90 days" in draft
    assert PolicyVersion.objects.for_org(team.org).count() == 1
    assert (
        "changed every 90 days" not in editor.get(f"/en/o/{team.org.slug}/policy/").content.decode()
    )


def test_the_pdf_is_made_once_and_then_served_as_kept(team, editor, analysed, monkeypatch):
    made = []
    real = pdf.render

    def counting(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf, "render", counting)
    first = editor.get(url(team, "policy_intake_pdf", analysed, "ar"))
    second = editor.get(url(team, "policy_intake_pdf", analysed, "ar"))
    assert first["Content-Type"] == "application/pdf" and first.content.startswith(b"%PDF")
    assert second.content == first.content and len(made) == 1
    assert AnalysisPDF.objects.for_org(team.org).get().language == "ar"


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "larger than 10 MB"), ("ar", "أكبر من 10 ميغابايت")],
)
def test_a_file_over_10_mb_is_refused_in_the_readers_language(team, editor, lang, message):
    huge = post_file(editor, team, b"a" * (MAX_UPLOAD_BYTES + 200 * 1024), lang=lang)
    just_over = post_file(editor, team, b"a" * (MAX_UPLOAD_BYTES + 1), lang=lang)
    for response in (huge, just_over):
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not Analysis.objects.exists()


def test_a_file_that_cannot_be_read_shows_the_form_again(team, editor):
    response = post_file(editor, team, b"\x89PNG\r\n\x1a\n" + bytes(64), "policy.txt")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="field has-error"' in page  # the extractor's message, under the file field
    assert 'accept=".docx,.pdf,.md,.txt,.html"' in page
    assert not Analysis.objects.exists()


def test_the_upload_keeps_the_csrf_check(team):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, team.editor.user)
    assert post_file(client, team, ENGLISH_POLICY.encode()).status_code == 403
    assert not Analysis.objects.exists()


def test_uploads_are_rate_limited_per_member(team, editor, settings):
    settings.SIYASA_INTAKE_RATE = "2/h"
    statuses = [post_file(editor, team, ENGLISH_POLICY.encode()).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]


def test_staff_are_refused_and_other_organisations_see_nothing(team, cast, analysed):
    staff = client_of(team.staff[0])
    assert staff.get(url(team, "policy_intake")).status_code == 403
    assert staff.get(url(team, "policy_intake_report", analysed)).status_code == 403
    assert post_file(staff, team, ENGLISH_POLICY.encode()).status_code == 403
    outsider = cast.client("owner")
    assert outsider.get(url(team, "policy_intake_report", analysed)).status_code == 404
    # Their own organisation's URL with our analysis' id: not found either.
    theirs = f"/ar/o/{cast.org.slug}/policy/analyse/{analysed.pk}/"
    assert outsider.get(theirs).status_code == 404
    assert outsider.post(theirs + "use/").status_code == 404


def test_the_list_names_who_uploaded_and_only_they_or_admins_delete(team, editor, analysed):
    page = editor.get(url(team, "policy_intake", lang="en")).content.decode()
    assert "policy.md" in page and url(team, "policy_intake_delete", analysed, "en") in page
    other = client_of(team.other_editor)
    assert (
        url(team, "policy_intake_delete", analysed)
        not in other.get(url(team, "policy_intake")).content.decode()
    )
    assert other.post(url(team, "policy_intake_delete", analysed)).status_code == 403
    assert editor.post(url(team, "policy_intake_delete", analysed)).status_code == 302
    assert not Analysis.objects.exists()


def test_editors_find_it_in_the_menu_and_from_the_texts_staff_do_not(team, editor):
    link = url(team, "policy_intake", lang="en")
    assert link in editor.get(f"/en/o/{team.org.slug}/policy/texts/").content.decode()
    assert link in editor.get(f"/en/o/{team.org.slug}/policy/draft/").content.decode()
    staff_home = client_of(team.staff[0]).get(f"/en/o/{team.org.slug}/").content.decode()
    assert link not in staff_home
