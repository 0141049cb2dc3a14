"""Each reminder is due when it should be and not otherwise, with a frozen clock."""

import datetime

import pytest
import time_machine

from siyasa.core.tests.factories import (
    CustodyFactory,
    EmergencyContactFactory,
    PersonFactory,
    ResponsibilityFactory,
)
from siyasa.notify import services
from siyasa.notify.models import Kind
from siyasa.notify.reminders import due_items
from siyasa.orgs.models import Person
from siyasa.orgs.selectors import person_for
from siyasa.policy.models import PolicySettings
from siyasa.policy.services import acknowledge, publish_version
from siyasa.registry.models import Area

TODAY = datetime.date(2026, 6, 10)  # a Wednesday


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime.datetime(2026, 6, 10, 7, 15), tick=False):
        yield


def due(org, kind, today=TODAY):
    return {
        (i.person.pk, i.subject, i.period) for i in due_items([org], today=today) if i.kind == kind
    }


def custody_due_on(org, due_on, **people):
    """A custody whose rotation falls due on `due_on` (the organisation rotates every 90 days)."""
    return CustodyFactory(
        organization=org, last_rotated_on=due_on - datetime.timedelta(days=90), **people
    )


# --- rotation (R2.1) -------------------------------------------------------------------------


def test_rotation_eight_days_ahead_is_not_due(cast):
    custody_due_on(cast.org, TODAY + datetime.timedelta(days=8))
    assert due(cast.org, Kind.ROTATION_SOON) == set()
    assert due(cast.org, Kind.ROTATION_OVERDUE) == set()


def test_rotation_seven_days_ahead_reminds_custodian_and_backup(cast):
    backup = PersonFactory(organization=cast.org)
    custody = custody_due_on(cast.org, TODAY + datetime.timedelta(days=7), backup_custodian=backup)
    period = (TODAY + datetime.timedelta(days=7)).isoformat()
    assert due(cast.org, Kind.ROTATION_SOON) == {
        (custody.custodian_id, f"custody:{custody.pk}", period),
        (backup.pk, f"custody:{custody.pk}", period),
    }


def test_rotation_due_soon_is_said_once_per_due_date(cast):
    custody = custody_due_on(cast.org, TODAY + datetime.timedelta(days=7))
    services.remind(today=TODAY)
    assert _claimed(custody.custodian, Kind.ROTATION_SOON) == 1
    for days in range(1, 8):
        services.remind(today=TODAY + datetime.timedelta(days=days))
    assert _claimed(custody.custodian, Kind.ROTATION_SOON) == 1


def test_overdue_rotation_reminds_once_a_week(cast):
    custody = custody_due_on(cast.org, TODAY - datetime.timedelta(days=1))
    assert due(cast.org, Kind.ROTATION_OVERDUE) == {
        (custody.custodian_id, f"custody:{custody.pk}", "2026-W24")
    }
    services.remind(today=TODAY)
    services.remind(today=TODAY + datetime.timedelta(days=2))  # Friday, same ISO week
    assert _claimed(custody.custodian, Kind.ROTATION_OVERDUE) == 1
    services.remind(today=TODAY + datetime.timedelta(days=5))  # Monday, the next week
    assert _claimed(custody.custodian, Kind.ROTATION_OVERDUE) == 2


def test_custody_without_any_rotation_counts_as_overdue(cast):
    custody = CustodyFactory(organization=cast.org, last_rotated_on=None)
    assert due(cast.org, Kind.ROTATION_OVERDUE) == {
        (custody.custodian_id, f"custody:{custody.pk}", "2026-W24")
    }


def test_departed_or_unreachable_custodians_get_nothing(cast):
    departed = PersonFactory(organization=cast.org, status=Person.Status.DEPARTED)
    no_email = PersonFactory(organization=cast.org, email="")
    custody_due_on(cast.org, TODAY, custodian=departed, backup_custodian=no_email)
    assert due(cast.org, Kind.ROTATION_SOON) == set()


# --- acknowledgements (R0.3) -----------------------------------------------------------------


def test_members_who_have_not_acknowledged_are_reminded_once_per_version(cast):
    assert due(cast.org, Kind.ACKNOWLEDGEMENT) == set()  # nothing published yet
    publish_version(
        membership=cast.membership("owner"), summary="v1", kind="material", effective_on=TODAY
    )
    acknowledge(membership=cast.membership("staff"))
    people = {role: cast.person(role).pk for role in ("owner", "policy_admin", "editor", "staff")}
    founder = person_for(cast.org, cast.founder).pk
    assert due(cast.org, Kind.ACKNOWLEDGEMENT) == {
        (pk, "policy", "v1")
        for pk in (founder, people["owner"], people["policy_admin"], people["editor"])
    }
    # An editorial version does not ask again; a material one does.
    publish_version(
        membership=cast.membership("owner"), summary="v2", kind="editorial", effective_on=TODAY
    )
    assert {p for p, _s, _v in due(cast.org, Kind.ACKNOWLEDGEMENT)} == {
        founder,
        people["owner"],
        people["policy_admin"],
        people["editor"],
    }
    publish_version(
        membership=cast.membership("owner"), summary="v3", kind="material", effective_on=TODAY
    )
    assert (people["staff"], "policy", "v3") in due(cast.org, Kind.ACKNOWLEDGEMENT)


def test_a_version_not_yet_in_force_asks_for_nothing(cast):
    publish_version(
        membership=cast.membership("owner"),
        summary="v1",
        kind="material",
        effective_on=TODAY + datetime.timedelta(days=3),
    )
    assert due(cast.org, Kind.ACKNOWLEDGEMENT) == set()


# --- emergency contacts (R3.1) ---------------------------------------------------------------


def test_stale_emergency_contacts_remind_the_crisis_holders_weekly(cast):
    holder = ResponsibilityFactory(organization=cast.org, area=Area.CRISIS).person
    contact = EmergencyContactFactory(
        organization=cast.org, verified_on=TODAY - datetime.timedelta(days=89)
    )
    assert due(cast.org, Kind.STALE_CONTACTS) == set()
    contact.verified_on = TODAY - datetime.timedelta(days=91)
    contact.save()
    assert due(cast.org, Kind.STALE_CONTACTS) == {(holder.pk, "crisis-contacts", "2026-W24")}
    contact.verified_on = None
    contact.save()
    item = next(i for i in due_items([cast.org], today=TODAY) if i.kind == Kind.STALE_CONTACTS)
    assert item.details[0][1] == contact.person.phone


# --- review (R0.3) ---------------------------------------------------------------------------


def test_review_reminds_owners_and_policy_admins_from_thirty_days_before(cast):
    settings_row = PolicySettings.objects.get(organization=cast.org)
    settings_row.next_review_on = TODAY + datetime.timedelta(days=31)
    settings_row.save()
    assert due(cast.org, Kind.REVIEW) == set()
    settings_row.next_review_on = TODAY + datetime.timedelta(days=30)
    settings_row.save()
    managers = {cast.person(role).pk for role in ("owner", "policy_admin")}
    managers.add(person_for(cast.org, cast.founder).pk)  # an owner too
    period = settings_row.next_review_on.isoformat()
    assert due(cast.org, Kind.REVIEW) == {(pk, "review", period) for pk in managers}
    services.remind(today=TODAY)
    services.remind(today=TODAY + datetime.timedelta(days=40))  # now overdue: same date
    assert sum(_claimed(Person.objects.get(pk=pk), Kind.REVIEW) for pk in managers) == 3


# --- the policy doctor -----------------------------------------------------------------------


def test_error_findings_remind_owners_and_policy_admins_once(cast):
    items = [i for i in due_items([cast.org], today=TODAY) if i.kind == Kind.FINDING]
    # A new organisation has no published version (R0.1), among other errors.
    assert ("organization", "R0.1") in {(i.subject, i.period) for i in items}
    managers = {cast.person(role).pk for role in ("owner", "policy_admin")}
    managers.add(person_for(cast.org, cast.founder).pk)  # an owner too
    assert {i.person.pk for i in items} == managers
    first = services.remind(today=TODAY)
    assert first.items >= len(items)
    later = services.remind(today=TODAY + datetime.timedelta(days=1))
    assert later.items == 0


def test_a_new_error_finding_reminds_on_a_later_day(cast):
    services.remind(today=TODAY)
    custody = CustodyFactory(organization=cast.org, last_rotated_on=None)  # R2.1: never rotated
    services.remind(today=TODAY + datetime.timedelta(days=1))
    admin = Person.objects.get(organization=cast.org, user=cast.users["policy_admin"])
    subject = f"account:{custody.account_id}:rotation"
    assert admin.reminders.filter(kind=Kind.FINDING, subject=subject, period="R2.1").count() == 1


def test_the_review_date_of_the_version_in_force_counts(cast):
    settings_row = PolicySettings.objects.get(organization=cast.org)
    settings_row.next_review_on = TODAY + datetime.timedelta(days=10)
    settings_row.save()
    publish_version(
        membership=cast.membership("owner"), summary="v1", kind="material", effective_on=TODAY
    )
    # The draft moves on; the published version still states the review date.
    settings_row.next_review_on = TODAY + datetime.timedelta(days=300)
    settings_row.save()
    assert {period for _p, _s, period in due(cast.org, Kind.REVIEW)} == {"2026-06-20"}


def _claimed(person, kind) -> int:
    return person.reminders.filter(kind=kind).count()


def test_finding_what_is_due_takes_as_many_queries_for_many_organisations_as_for_one(cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from siyasa.core.tests.factories import OrganizationFactory
    from siyasa.orgs.models import Organization

    def busy(org):
        holder = ResponsibilityFactory(organization=org, area=Area.CRISIS).person
        CustodyFactory(organization=org, custodian=holder, last_rotated_on=None)
        EmergencyContactFactory(organization=org, verified_on=None)

    busy(cast.org)
    with CaptureQueriesContext(connection) as one:
        due_items([cast.org], today=TODAY)
    for _ in range(3):
        busy(OrganizationFactory())
    orgs = list(Organization.objects.all())
    with CaptureQueriesContext(connection) as many:
        items = due_items(orgs, today=TODAY)
    # Every organisation, B too: its founder is a person who signs in and owns it.
    assert len({i.org.pk for i in items}) == 5
    assert len(many) == len(one)


def test_a_custodian_who_is_also_a_policy_admin_hears_of_an_overdue_rotation_once(cast):
    import datetime

    from siyasa.core.tests.factories import CustodyFactory
    from siyasa.notify.reminders import due_items
    from siyasa.orgs.models import Person

    admin = Person.objects.get(organization=cast.org, user=cast.users["policy_admin"])
    today = datetime.date(2026, 6, 10)
    CustodyFactory(
        organization=cast.org, custodian=admin, last_rotated_on=today - datetime.timedelta(days=120)
    )
    mine = [i for i in due_items([cast.org], today=today) if i.person == admin]
    texts = [str(i.text) % i.params for i in mine]
    assert len(texts) == len(set(texts))
    about_rotation = [i for i in mine if i.kind == "rotation_overdue" or i.period == "R2.1"]
    assert [i.kind for i in about_rotation] == ["rotation_overdue"]
