"""Moving an organisation: export, import under a new slug, export again gives the same file;
members come back as invitations; a broken file or a taken slug changes nothing."""

import copy
import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from siyasa.archive import schema
from siyasa.archive.document import DocumentError
from siyasa.archive.models import Carried
from siyasa.archive.selectors import export_org
from siyasa.archive.services import import_org
from siyasa.core.permissions import Role
from siyasa.core.tests.factories import (
    AccessGrantFactory,
    CustodyFactory,
    DeviceFactory,
    PersonFactory,
    ResponsibilityFactory,
    SocialAccountFactory,
    UserFactory,
)
from siyasa.crisis.models import Incident, SeverityLevel, TimelineEntry
from siyasa.crisis.services import incidents, statements
from siyasa.orgs.models import Invitation, Membership, Organization, Person
from siyasa.orgs.services import invite
from siyasa.policy.models import Acknowledgement, PolicyVersion
from siyasa.policy.services import acknowledge, publish_version
from siyasa.registry.models import Device
from siyasa.workspace.services import create_organization


def comparable(doc: dict) -> dict:
    """The document without what a move changes by design: the slug and the export's time."""
    doc = copy.deepcopy(doc)
    doc["organization"]["slug"] = "-"
    doc.pop("exported_at")
    return doc


@pytest.fixture
def founded(db):
    """An organisation started through the product, with registries, a published and
    acknowledged policy, an incident with a timeline, a statement and its approval, an open
    invitation, and a person deleted since (whose history stays)."""
    owner = UserFactory(username="hala", email="hala@example.org")
    org = create_organization(owner=owner, name_ar="جمعية النور", slug="alnoor")
    owner_m = Membership.objects.get(organization=org, user=owner)
    staff_user = UserFactory(username="sami", email="sami@example.org")
    staff_m = Membership.objects.create(user=staff_user, organization=org, role=Role.STAFF)
    PersonFactory(organization=org, user=staff_user, name="سامي", email="sami@example.org")
    account = SocialAccountFactory(organization=org, handle="@alnoor")
    grant = AccessGrantFactory(organization=org, account=account, can_publish=True)
    CustodyFactory(organization=org, account=account, custodian=grant.person)
    device = DeviceFactory(organization=org, assignee=grant.person)
    device.accounts.add(account)
    device.name = "هاتف الجمعية"
    device.save()
    ResponsibilityFactory(organization=org)
    gone = PersonFactory(organization=org, name="راحل")
    gone.delete()
    invite(membership=owner_m, person=PersonFactory(organization=org, email="new@example.org"),
           role=Role.EDITOR)  # fmt: skip
    publish_version(
        membership=owner_m, summary="أول نسخة", kind="material", effective_on=timezone.localdate()
    )
    acknowledge(membership=staff_m)
    incident = incidents.declare(
        membership=owner_m,
        kind="communication",
        level=SeverityLevel.objects.for_org(org).order_by("rank").first(),
        summary="منشور مسيء",
        lead=grant.person,
        answers={},
    )
    note = incidents.add_entry(membership=owner_m, incident=incident, text="رأينا المنشور")
    incidents.add_entry(membership=owner_m, incident=incident, text="تصحيح", corrects=note)
    statements.submit(membership=staff_m, incident=incident, text_ar="بيان", text_en="")
    return org


def test_an_organisation_made_through_the_product_comes_back_the_same(founded):
    first = export_org(founded)
    moved = import_org(json.loads(json.dumps(first)), slug="alnoor-2").org
    second = export_org(moved)
    assert comparable(second) == comparable(first)
    assert second["organization"]["slug"] == "alnoor-2"
    # History is history: the deleted person's records came along, and the device's changes.
    names = [h["fields"]["name"] for h in second["history"]["people"]]
    assert "راحل" in names
    devices = second["history"]["devices"]
    assert devices[0]["history_type"] == "+" and devices[0]["fields"]["accounts"] == []
    assert devices[-1]["fields"]["name"] == "هاتف الجمعية"
    assert devices[-1]["fields"]["accounts"] == [1]
    assert TimelineEntry.objects.for_org(moved).exclude(corrects=None).count() == 1


def test_the_demo_comes_back_the_same(db):
    from siyasa.demo.builder import build_demo

    demo = build_demo()
    first = export_org(demo)
    second = export_org(import_org(first, slug="demo-copy").org)
    assert comparable(second) == comparable(first)
    assert len(first["history"]["people"]) >= len(first["people"])


def test_members_are_invited_never_added(founded):
    moved = import_org(export_org(founded), slug="alnoor-2").org
    assert not Membership.objects.filter(organization=moved).exists()
    invited = {(i.email, i.role) for i in Invitation.objects.for_org(moved)}
    assert invited == {
        ("hala@example.org", Role.OWNER),
        ("sami@example.org", Role.STAFF),
        ("new@example.org", Role.EDITOR),
    }
    assert not Person.objects.for_org(moved).exclude(user=None).exists()


def test_acknowledgements_without_an_account_here_are_kept_as_history(founded):
    doc = export_org(founded)
    get_user_model().objects.filter(email="sami@example.org").delete()
    doc["acknowledgements"] = [{**doc["acknowledgements"][0], "user": "sami@example.org"}]
    moved = import_org(doc, slug="elsewhere").org
    assert not Acknowledgement.objects.for_org(moved).exists()
    assert Carried.objects.for_org(moved).filter(kind="acknowledgement").count() == 1
    assert export_org(moved)["acknowledgements"] == doc["acknowledgements"]


def test_a_slug_in_use_is_refused(founded):
    with pytest.raises(DocumentError, match="alnoor"):
        import_org(export_org(founded))


def test_a_broken_file_changes_nothing(founded):
    doc = export_org(founded)
    doc["devices"][0]["assignee"] = 999  # no such person in the file
    before = (Organization.objects.count(), Person.objects.count(), Device.objects.count())
    with pytest.raises(DocumentError, match="999"):
        import_org(doc, slug="broken")
    assert (Organization.objects.count(), Person.objects.count(), Device.objects.count()) == before
    assert not Invitation.objects.filter(organization__slug="broken").exists()


def test_a_file_off_the_schema_is_a_clear_message(founded):
    doc = export_org(founded)
    doc["people"][0]["email"] = 12
    with pytest.raises(DocumentError, match="people/0/email"):
        import_org(doc, slug="other")
    with pytest.raises(DocumentError, match="أحدث"):  # in the reader's language
        import_org({**doc, "schema_version": 2}, slug="other")
    with translation.override("en"), pytest.raises(DocumentError, match="newer Siyasa"):
        import_org({**doc, "schema_version": 2}, slug="other")


def test_the_commands_move_an_organisation(founded, tmp_path):
    path = tmp_path / "org.json"
    out = io.StringIO()
    call_command("export-org", "alnoor", stdout=out)
    path.write_text(out.getvalue(), encoding="utf-8")
    call_command("import-org", str(path), "--slug", "alnoor-3", stdout=io.StringIO())
    assert PolicyVersion.objects.filter(organization__slug="alnoor-3").count() == 1
    assert Incident.objects.filter(organization__slug="alnoor-3").count() == 1
    with pytest.raises(CommandError, match="already exists"):
        call_command("import-org", str(path), "--slug", "alnoor-3")
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not a JSON file"):
        call_command("import-org", str(path))


def test_every_table_of_an_organisation_is_carried_or_said_not_to_be():
    from django.apps import apps

    from siyasa.archive.document import CARRIED_APART, NOT_CARRIED, SECTIONS

    carried = {s.model._meta.label_lower for s in SECTIONS} | set(CARRIED_APART) | set(NOT_CARRIED)
    owned = {
        m._meta.label_lower
        for m in apps.get_models()
        if any(f.name == "organization" and f.is_relation for f in m._meta.fields)
        and not m._meta.model_name.startswith("historical")
    }
    assert owned - carried == set(), "add a Section to archive/document.py (or say why not)"


def test_the_schema_file_matches_the_models():
    assert schema.PATH.read_text(encoding="utf-8") == schema.render(), (
        "run: PYTHONPATH=src python -m siyasa.archive.schema"
    )


def test_timestamps_are_kept(founded):
    founded_at = founded.created_at
    moved = import_org(export_org(founded), slug="later").org
    assert moved.created_at == founded_at
    assert moved.created_at < timezone.now() - datetime.timedelta(microseconds=1)
