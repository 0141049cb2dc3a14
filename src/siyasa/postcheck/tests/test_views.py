"""The check page and `siyasa check-post`: marks with explanations, nothing of the draft kept,
a limit on requests, what the registry tells each reader, the CLI's exit codes and JSON."""

import io
import json
import sys

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from conftest import sign_in
from siyasa.consent.models import Consent
from siyasa.core.tests.factories import SocialAccountFactory, UserFactory
from siyasa.postcheck.analyser import MAX_LENGTH
from siyasa.postcheck.models import Lexicon
from siyasa.workspace.services import create_organization

DRAFT = "أم خالد أرملة، رقم هويتها ١٠٠٠٠٠٠٠٠٨ <script>alert(1)</script>"


def url(org, lang="ar"):
    with translation.override(lang):
        return reverse("check_post", kwargs={"slug": org.slug})


def counts():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label != "sessions"
    }


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_member_sees_each_problem_marked_and_explained(cast, lang):
    client = cast.client("staff")
    response = client.post(url(cast.org, lang), {"text": DRAFT})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<mark") == 2
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "R4.2" not in page  # requirement ids are for those who work on the policy
    if lang == "ar":
        assert "لا تنشر" in page
    else:
        assert "Do not publish" in page and "National ID or Iqama number" in page


def test_the_draft_is_not_kept(cast):
    client = cast.client("staff")
    client.get(url(cast.org))
    before = counts()
    client.post(url(cast.org), {"text": DRAFT})
    after = counts()
    # Only the rate limit's count changes (a cache row, no text of the draft).
    assert {k: v for k, v in after.items() if k != "core.cacheentry"} == {
        k: v for k, v in before.items() if k != "core.cacheentry"
    }


def test_checks_are_limited_per_person(cast, settings):
    settings.SIYASA_CHECK_RATE = "2/m"
    client = cast.client("staff")
    statuses = [client.post(url(cast.org), {"text": "رمضان كريم"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get(url(cast.org)).status_code == 200  # reading the page is not counted


def test_a_draft_too_long_or_an_account_of_another_organisation_is_a_400(cast):
    client = cast.client("staff")
    assert client.post(url(cast.org), {"text": "ا" * (MAX_LENGTH + 1)}).status_code == 400
    theirs = SocialAccountFactory(organization=cast.other_org)
    response = client.post(url(cast.org), {"text": "x", "account": theirs.pk})
    assert response.status_code == 400


def test_only_the_registrys_keepers_learn_why_a_consent_does_not_cover_a_post(cast):
    Consent.objects.create(
        organization=cast.org,
        name="أم فهد",
        consents_photo=True,
        consents_name=True,
        valid_from=timezone.localdate(),
        withdrawn_on=timezone.localdate(),
        withdrawn_by="أم فهد",
    )
    draft = {"text": "صورة أم فهد مع أطفالها"}
    staff = cast.client("staff").post(url(cast.org, "en"), draft).content.decode()
    admin = cast.client("policy_admin").post(url(cast.org, "en"), draft).content.decode()
    assert "Consent on file for this use: no" in staff and "withdrawn" not in staff
    assert "Their consent was withdrawn." in admin


def test_the_organisations_own_terms_are_kept_by_policy_admins(cast):
    admin = cast.client("policy_admin")
    terms = reverse("check_terms", kwargs={"slug": cast.org.slug})
    assert (
        admin.post(terms, {"confidential_terms": "مشروع الواحة\nProject Oasis"}).status_code == 302
    )
    assert Lexicon.objects.for_org(cast.org).count() == 1
    page = cast.client("staff").post(url(cast.org, "en"), {"text": "Soon: Project Oasis!"})
    assert "On the organisation&#x27;s own list of confidential terms." in page.content.decode()
    assert cast.client("staff").get(terms).status_code == 403


def test_a_post_that_needs_review_names_who_reviews_it(cast):
    from siyasa.core.tests.factories import ResponsibilityFactory

    ResponsibilityFactory(organization=cast.org, area="approvals", person=cast.person("editor"))
    page = cast.client("staff").post(url(cast.org, "en"), {"text": "Found on TikTok"})
    assert cast.name("editor") in page.content.decode()


# --- the command ---------------------------------------------------------------------------------


def run(*args, stdin=""):
    out = io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        call_command("check-post", *args, stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    except CommandError as error:
        code = error.returncode
    finally:
        sys.stdin = old
    return code, out.getvalue()


@pytest.fixture
def org(db):
    """An organisation made through the product, with one account."""
    org = create_organization(owner=UserFactory(), name_ar="جمعية أثر", slug="athar")
    SocialAccountFactory(organization=org, handle="@athar_org")
    return org


def test_the_command_exits_0_for_a_fine_post_and_1_with_findings(org):
    assert run("athar", stdin="رمضان كريم من أسرة الجمعية")[0] == 0
    code, out = run("athar", "--language", "en", stdin="Call Sara on 0501234567")
    assert code == 1 and "phone" in out and "Needs review" in out


def test_the_commands_json_shape(org):
    code, out = run("athar", "--format", "json", stdin="هوية ١٠٠٠٠٠٠٠٠٨")
    data = json.loads(out)
    assert code == 1
    assert data["verdict"] == "do_not_publish"
    (finding,) = data["findings"]
    assert set(finding) == {"kind", "requirement", "start", "end", "text", "message"}
    assert (finding["kind"], finding["requirement"], finding["text"]) == (
        "national_id",
        "R4.2",
        "١٠٠٠٠٠٠٠٠٨",
    )


def test_jsonl_reads_and_writes_one_object_per_line(org):
    lines = "\n".join(
        json.dumps(item, ensure_ascii=False)
        for item in (
            {"id": "a", "text": "رمضان كريم"},
            {"id": "b", "text": "Found on TikTok", "account": "@athar_org"},
        )
    )
    code, out = run("athar", "--jsonl", stdin=lines)
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [(r["id"], r["verdict"]) for r in results] == [("a", "fine"), ("b", "needs_review")]
    assert results[1]["findings"][0]["kind"] == "copyright"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("nowhere",), "x"),
        (("athar", "--account", "@nobody"), "x"),
        (("athar", "--jsonl"), "not json"),
        (("athar",), "ا" * (MAX_LENGTH + 1)),
    ],
)
def test_usage_errors_exit_2(org, args, stdin):
    assert run(*args, stdin=stdin)[0] == 2


def test_an_organisation_requires_an_official_hashtag_and_a_post_for_its_account_lacks_it(db):
    owner = UserFactory()
    org = create_organization(owner=owner, name_ar="جمعية أثر", slug="athar")
    account = SocialAccountFactory(organization=org, handle="@athar_org")
    client = Client()
    sign_in(client, owner)
    settings_url = reverse("org_settings", kwargs={"slug": org.slug})
    fields = {"name_ar": "جمعية أثر", "country": "SA", "default_language": "ar"} | {
        "policy_visibility": "members",
        "hashtags": "#جمعية_أثر #AtharCharity",
    }
    refused = client.post(settings_url, fields | {"required_hashtags": "#Athar"})
    assert refused.status_code == 400
    assert "«#Athar» ليس من الوسوم الرسمية" in refused.content.decode()
    client.post(settings_url, fields | {"required_hashtags": "#جمعية_أثر"})
    org.refresh_from_db()
    assert org.required_hashtags == "#جمعية_أثر"
    draft = "رمضان كريم من أسرة الجمعية"
    for lang, words in (("ar", "لا يحمله هذا المنشور"), ("en", "this one does not")):
        page = client.post(url(org, lang), {"text": draft, "account": account.pk}).content.decode()
        assert words in page and "#جمعية_أثر" in page
    # Not for an account, or with the hashtag in another form: nothing to say.
    for data in ({"text": draft}, {"text": draft + " #جمعيه_اثر", "account": account.pk}):
        assert "finding-1" not in client.post(url(org), data).content.decode()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_page_shows_an_accessibility_finding_with_the_camelcase_form(cast, lang):
    response = cast.client("staff").post(
        url(cast.org, lang), {"text": "شاهدوا الفيديو من حملة #wintercampaign"}
    )
    page = response.content.decode()
    assert page.count("<mark") == 2 and "#WinterCampaign" in page
    assert ("تحتاج إلى مراجعة" if lang == "ar" else "Needs review") in page


def test_the_command_reports_accessibility_and_a_missing_required_hashtag(org):
    org.hashtags = org.required_hashtags = "#جمعية_أثر"
    org.save()
    lines = "\n".join(
        json.dumps(item, ensure_ascii=False)
        for item in (
            {"id": "a", "text": "#savethechildren #جمعية_أثر", "account": "@athar_org"},
            {"id": "b", "text": "رمضان كريم", "account": "@athar_org"},
            {"id": "c", "text": "رمضان كريم"},
        )
    )
    code, out = run("athar", "--jsonl", "--language", "en", stdin=lines)
    a, b, c = (json.loads(line) for line in out.splitlines())
    assert code == 1
    assert [(f["kind"], f["requirement"], f["text"]) for f in a["findings"]] == [
        ("accessibility", "R6.6", "#savethechildren")
    ]
    assert [(f["kind"], f["requirement"], f["text"]) for f in b["findings"]] == [
        ("identity", "R0.4", "")
    ]
    assert b["verdict"] == "needs_review" and c["verdict"] == "fine"
