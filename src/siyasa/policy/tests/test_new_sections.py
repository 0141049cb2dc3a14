"""The sections the second catalogue added: in every new draft, in existing drafts after the
upgrade (marked to review, with a notice), never in a version already published."""

import importlib

from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from conftest import sign_in
from siyasa.core.tests.factories import UserFactory
from siyasa.policy import defaults
from siyasa.policy.catalogue import BLOCKS, SECTIONS
from siyasa.policy.models import PolicyText, PolicyVersion
from siyasa.policy.rules import Rules
from siyasa.policy.services import publish_version, update_text
from siyasa.workspace.services import create_organization

upgrade = importlib.import_module("siyasa.policy.migrations.0005_catalogue_default_texts_in_drafts")

NEW = {
    "roles.lifecycle": "roles",
    "security.recovery": "security",
    "security.connected_apps": "security",
    "security.passwords": "security",
    "personal.safety": "personal",
    "personal.neutrality": "personal",
    "personal.consequences": "personal",
    "speaking.moderation": "speaking",
    "speaking.house_rules": "speaking",
    "speaking.accessibility": "speaking",
}


def test_each_new_requirement_has_a_section_with_default_texts_in_both_languages():
    where = {block.key: section.key for section in SECTIONS for block in section.blocks}
    assert {key: where[key] for key in NEW} == NEW
    assert set(upgrade.NEW_KEYS) == set(NEW)
    for key in NEW:
        arabic, english = defaults.DEFAULT_TEXTS[key]
        assert len(arabic) > 200 and len(english) > 200, key
    covered = {r for section in SECTIONS for block in section.blocks for r in block.requirements}
    assert {"R1.6", "R2.9", "R2.10", "R2.11", "R5.3", "R5.4", "R5.5", "R6.5", "R6.6"} <= covered


def test_the_upgrade_adds_the_new_sections_to_the_draft_only_and_the_draft_says_so(db, client):
    founder = UserFactory(username="reem", email="reem@nour.org.sa")
    org = create_organization(owner=founder, name_ar="جمعية نور", slug="nour")
    PolicyText.objects.filter(organization=org, key__in=NEW).delete()
    membership = founder.memberships.get(organization=org)
    version = publish_version(
        membership=membership, summary="v1", kind="material", effective_on=timezone.localdate()
    )

    upgrade.add_texts(apps, None)
    upgrade.add_texts(apps, None)  # run twice: nothing added twice

    texts = PolicyText.objects.for_org(org)
    assert texts.count() == len(BLOCKS)
    assert set(texts.filter(to_review=True).values_list("key", flat=True)) == set(NEW)
    assert (
        texts.get(key="speaking.house_rules").body_ar
        == defaults.DEFAULT_TEXTS["speaking.house_rules"][0]
    )
    # The published version keeps what it said.
    version = PolicyVersion.objects.get(pk=version.pk)
    assert not set(NEW) & set(Rules.from_version(version).texts)

    sign_in(client, founder)
    draft = client.get("/en" + reverse("policy_draft", kwargs={"slug": "nour"})[3:])
    page = draft.content.decode()
    assert "Siyasa has added 10 new sections to this draft" in page
    assert (
        reverse("policy_text_edit", kwargs={"slug": "nour", "key": "speaking.house_rules"}) in page
    )

    # Saving a text takes it off the list; publishing accepts the rest.
    update_text(membership=membership, key="personal.safety", body_ar="نص", body_en="Text")
    assert texts.filter(to_review=True).count() == len(NEW) - 1
    publish_version(
        membership=membership, summary="v2", kind="material", effective_on=timezone.localdate()
    )
    assert not texts.filter(to_review=True).exists()
    assert "speaking.house_rules" in PolicyVersion.objects.for_org(org).first().content["texts"]


def test_a_new_organisation_has_nothing_to_review(db):
    founder = UserFactory(username="sara", email="sara@amal.org.sa")
    org = create_organization(owner=founder, name_ar="جمعية أمل", slug="amal")
    assert not PolicyText.objects.for_org(org).filter(to_review=True).exists()


def test_the_public_reads_the_house_rules_on_the_policy_page(cast):
    cast.org.policy_visibility = cast.org.Visibility.PUBLIC
    cast.org.save()
    update_text(
        membership=cast.membership("owner"),
        key="speaking.house_rules",
        body_ar="قواعد صفحاتنا: الاحترام أولًا.",
        body_en="Our house rules: respect first.",
    )
    publish_version(
        membership=cast.membership("owner"),
        summary="v1",
        kind="material",
        effective_on=timezone.localdate(),
    )
    page = cast.client(None).get(reverse("policy", kwargs={"slug": cast.org.slug}))
    assert "قواعد صفحاتنا: الاحترام أولًا." in page.content.decode()
    english = cast.client(None).get("/en" + reverse("policy", kwargs={"slug": cast.org.slug})[3:])
    assert "Our house rules: respect first." in english.content.decode()
