"""The live policy page: both languages, every section, live registry data, visibility, fallback."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import sign_in
from siyasa.core.tests.factories import (
    AccessGrantFactory,
    CustodyFactory,
    DeviceFactory,
    ResponsibilityFactory,
    UserFactory,
)
from siyasa.orgs.models import Organization
from siyasa.policy import defaults
from siyasa.policy.catalogue import SECTIONS
from siyasa.policy.models import PolicySettings, PolicyText, Stance
from siyasa.workspace.services import create_organization


def policy_url(org, lang="ar"):
    return f"/{lang}/o/{org.slug}/policy/"


@pytest.fixture
def filled(cast):
    grant = AccessGrantFactory(
        organization=cast.org,
        person__name="ريم الشهري",
        person__email="reem@example.org",
        account__handle="@alpha_sa",
    )
    CustodyFactory(organization=cast.org, account=grant.account, vault_label="خزنة الفريق › X")
    ResponsibilityFactory(organization=cast.org, person=grant.person, area="security")
    DeviceFactory(organization=cast.org, name="جوال شخصي", org_owned=False)
    return grant


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_page_has_the_language_and_direction(cast, filled, lang, direction):
    html = cast.client("staff").get(policy_url(cast.org, lang)).content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_section_is_present_with_its_requirement_ids(cast, filled, lang):
    html = cast.client("staff").get(policy_url(cast.org, lang)).content.decode()
    # The ids are for those who work on the policy; to a staff member they mean nothing.
    editors = cast.client("editor").get(policy_url(cast.org, lang)).content.decode()
    assert 'class="req-id"' not in html
    for section in SECTIONS:
        assert f'id="{section.key}"' in html
        assert f'href="#{section.key}"' in html  # in the table of contents
        for requirement in section.requirements:
            assert requirement in editors


def test_registry_data_is_rendered_live(cast, filled):
    client = cast.client("staff")
    html = client.get(policy_url(cast.org)).content.decode()
    assert "ريم الشهري" in html and "reem@example.org" in html  # R1.4
    assert "@alpha_sa" in html and "خزنة الفريق › X" in html
    assert "جوال شخصي" in html
    filled.person.email = "reem.new@example.org"
    filled.person.save()
    assert "reem.new@example.org" in client.get(policy_url(cast.org)).content.decode()


def test_unassigned_responsibilities_are_shown_as_such(cast, filled):
    html = cast.client("staff").get(policy_url(cast.org, "en")).content.decode()
    assert html.count("Not assigned yet") == 8  # nine areas, one assigned


def test_default_texts_appear_in_each_language(cast):
    client = cast.client("staff")
    ar, en = defaults.DEFAULT_TEXTS["law.privacy"]
    first_words = lambda text: " ".join(text.split()[:4])  # noqa: E731
    assert first_words(ar) in client.get(policy_url(cast.org, "ar")).content.decode()
    assert first_words(en) in client.get(policy_url(cast.org, "en")).content.decode()


def test_empty_language_falls_back_to_the_other_and_says_so(cast):
    PolicyText.objects.filter(organization=cast.org, key="law.privacy").update(
        body_ar="", body_en="Only in English for now."
    )
    html = cast.client("staff").get(policy_url(cast.org, "ar")).content.decode()
    block = re.search(r'<div class="prose" lang="en" dir="ltr">(.*?)</div>', html, re.S)
    assert block and "Only in English for now." in block.group(1)
    assert "لم يُكتب" in block.group(1) or "لغتك" in block.group(1)


def test_members_only_policy_sends_anonymous_visitors_to_sign_in(cast):
    response = cast.client(None).get(policy_url(cast.org))
    assert response.status_code == 302
    assert response["Location"].startswith("/ar/accounts/login/")


def test_public_policy_is_readable_without_signing_in(cast, filled):
    Organization.objects.filter(pk=cast.org.pk).update(policy_visibility="public")
    response = cast.client(None).get(policy_url(cast.org, "en"))
    assert response.status_code == 200
    assert "@alpha_sa" in response.content.decode()


def test_a_public_policy_does_not_open_the_workspace(cast):
    Organization.objects.filter(pk=cast.org.pk).update(policy_visibility="public")
    assert cast.client(None).get(f"/ar/o/{cast.org.slug}/").status_code == 302
    assert cast.client("outsider").get(f"/ar/o/{cast.org.slug}/").status_code == 404


def test_language_switch_keeps_the_reader_on_the_same_page(cast):
    html = cast.client("staff").get(policy_url(cast.org, "ar")).content.decode()
    assert f'href="/en/o/{cast.org.slug}/policy/"' in html


def test_sections_show_when_they_last_changed(cast, filled):
    html = cast.client("staff").get(policy_url(cast.org, "en")).content.decode()
    assert html.count("Last changed") == len(SECTIONS)


def test_editor_edits_a_section_text(cast):
    url = reverse("policy_text_edit", kwargs={"slug": cast.org.slug, "key": "law.privacy"})
    response = cast.client("editor").post(url, {"body_ar": "نص **جديد**", "body_en": "New text"})
    assert response.status_code == 302
    html = cast.client("staff").get(policy_url(cast.org)).content.decode()
    assert "نص <strong>جديد</strong>" in html


def test_section_text_cannot_be_empty_in_both_languages(cast):
    url = reverse("policy_text_edit", kwargs={"slug": cast.org.slug, "key": "law.privacy"})
    response = cast.client("editor").post(url, {"body_ar": " ", "body_en": ""})
    assert response.status_code == 400
    assert PolicyText.objects.get(organization=cast.org, key="law.privacy").body_ar


def test_html_in_a_section_text_is_neutralised(cast):
    url = reverse("policy_text_edit", kwargs={"slug": cast.org.slug, "key": "law.privacy"})
    response = cast.client("editor").post(
        url, {"body_ar": "<script>alert(1)</script> نصّ الخصوصية الجديد", "body_en": "x"}
    )
    assert response.status_code == 302
    html = cast.client("staff").get(policy_url(cast.org)).content.decode()
    assert "نصّ الخصوصية الجديد" in html  # the edit is on the page…
    assert "<script>alert(1)</script>" not in html  # …without the script


def test_staff_cannot_edit_section_texts(cast):
    url = reverse("policy_text_edit", kwargs={"slug": cast.org.slug, "key": "law.privacy"})
    assert cast.client("staff").post(url, {"body_ar": "x", "body_en": "y"}).status_code == 403


def test_unknown_text_key_is_404(cast):
    url = reverse("policy_text_edit", kwargs={"slug": cast.org.slug, "key": "nope"})
    assert cast.client("editor").get(url).status_code == 404


def test_choosing_a_stance_brings_its_default_text_unless_it_was_edited(cast):
    url = reverse("policy_settings", kwargs={"slug": cast.org.slug})
    client = cast.client("policy_admin")
    response = client.post(
        url,
        {
            "stance": Stance.ENCOURAGE,
            "disclaimer_ar": "رأيي",
            "disclaimer_en": "Mine",
            "rotation_interval_days": 90,
        },
    )
    assert response.status_code == 302
    text = PolicyText.objects.get(organization=cast.org, key="speaking.stance")
    assert (text.body_ar, text.body_en) == defaults.STANCE_TEXTS[Stance.ENCOURAGE]
    text.body_en = "Our own words."
    text.save()
    client.post(
        url,
        {
            "stance": Stance.ABSTAIN,
            "disclaimer_ar": "رأيي",
            "disclaimer_en": "Mine",
            "rotation_interval_days": 90,
        },
    )
    text.refresh_from_db()
    assert text.body_en == "Our own words."
    assert PolicySettings.objects.get(organization=cast.org).stance == Stance.ABSTAIN


def test_new_organisation_disclaimer_names_it(cast):
    settings_row = PolicySettings.objects.get(organization=cast.org)
    assert "جمعية ألف" in settings_row.disclaimer_ar
    assert "Alpha Society" in settings_row.disclaimer_en


def test_a_new_organisations_settings_page_reads_its_seeded_settings_and_writes_nothing(db):
    owner = UserFactory(username="founder")
    org = create_organization(owner=owner, name_ar="جمعية نور", slug="nour", name_en="Nour")
    client = Client()
    sign_in(client, owner)
    url = reverse("policy_settings", kwargs={"slug": org.slug})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert "جمعية نور" in response.content.decode()  # the seeded disclaimer names it
    assert not [q for q in captured.captured_queries if q["sql"].startswith(("INSERT", "UPDATE"))]
    response = client.post(
        url, {"stance": Stance.ENCOURAGE, "disclaimer_ar": "رأيي", "rotation_interval_days": 60}
    )
    assert response.status_code == 302
    assert PolicySettings.objects.get(organization=org).rotation_interval_days == 60


def test_legal_review_date_cannot_be_in_the_future(cast):
    url = reverse("policy_settings", kwargs={"slug": cast.org.slug})
    response = cast.client("owner").post(
        url, {"stance": "middle", "legal_reviewed_on": "2999-01-01", "rotation_interval_days": 90}
    )
    assert response.status_code == 400
