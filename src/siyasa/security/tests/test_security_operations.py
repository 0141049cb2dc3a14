"""Rotation log, offboarding (derivation, handover, archiving) and onboarding."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from siyasa.core.tests.factories import (
    AccessGrantFactory,
    CustodyFactory,
    DeviceFactory,
    EmergencyContactFactory,
    PersonFactory,
    ResponsibilityFactory,
    SocialAccountFactory,
)
from siyasa.doctor.engine import diagnose
from siyasa.orgs.models import Membership, Person
from siyasa.policy.models import PolicySettings
from siyasa.registry.models import AccessGrant, Custody, Device
from siyasa.security import selectors as security_selectors
from siyasa.security.models import OffboardingItem, RotationRecord
from siyasa.security.services import offboarding, onboarding
from siyasa.security.services.rotations import record_rotation

TODAY = timezone.localdate


# --- rotation log ----------------------------------------------------------------------------


def test_recording_a_rotation_moves_the_next_due_date(cast):
    custody = CustodyFactory(
        organization=cast.org, last_rotated_on=TODAY() - datetime.timedelta(days=100)
    )
    record_rotation(
        membership=cast.membership("policy_admin"),
        account=custody.account,
        rotated_on=TODAY(),
        reason="incident",
    )
    custody.refresh_from_db()
    assert custody.last_rotated_on == TODAY()
    assert custody.next_rotation_on(90) == TODAY() + datetime.timedelta(days=90)
    assert RotationRecord.objects.get().reason == "incident"


def test_an_older_rotation_is_logged_without_moving_the_date_back(cast):
    custody = CustodyFactory(organization=cast.org, last_rotated_on=TODAY())
    record_rotation(
        membership=cast.membership("owner"),
        account=custody.account,
        rotated_on=TODAY() - datetime.timedelta(days=30),
    )
    custody.refresh_from_db()
    assert custody.last_rotated_on == TODAY()
    assert RotationRecord.objects.count() == 1


def test_the_custodian_records_their_rotation_but_other_staff_cannot(cast):
    me = Person.objects.get(organization=cast.org, user=cast.users["staff"])
    custody = CustodyFactory(organization=cast.org, custodian=me)
    url = reverse(
        "account_rotations", kwargs={"slug": cast.org.slug, "account_pk": custody.account_id}
    )
    assert (
        cast.client("staff")
        .post(url, {"rotated_on": TODAY().isoformat(), "reason": "scheduled"})
        .status_code
        == 302
    )
    other = CustodyFactory(organization=cast.org)
    url = reverse(
        "account_rotations", kwargs={"slug": cast.org.slug, "account_pk": other.account_id}
    )
    assert (
        cast.client("staff")
        .post(url, {"rotated_on": TODAY().isoformat(), "reason": "scheduled"})
        .status_code
        == 403
    )
    assert (
        cast.client("editor")
        .post(url, {"rotated_on": TODAY().isoformat(), "reason": "scheduled"})
        .status_code
        == 403
    )
    assert RotationRecord.objects.count() == 1


def test_a_rotation_in_the_future_is_refused_with_a_message(cast):
    custody = CustodyFactory(organization=cast.org)
    url = reverse(
        "account_rotations", kwargs={"slug": cast.org.slug, "account_pk": custody.account_id}
    )
    response = cast.client("owner").post(url, {"rotated_on": "2999-01-01", "reason": "scheduled"})
    assert response.status_code == 400
    assert "المستقبل" in response.content.decode() or "future" in response.content.decode()
    assert not RotationRecord.objects.exists()


def test_the_rotation_form_never_asks_for_a_password(cast):
    custody = CustodyFactory(organization=cast.org)
    url = reverse(
        "account_rotations", kwargs={"slug": cast.org.slug, "account_pk": custody.account_id}
    )
    response = cast.client("owner").get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="rotated_on"' in html  # the form is there, and asks for no password
    assert 'type="password"' not in html


# --- offboarding -------------------------------------------------------------------------------


@pytest.fixture
def holder(cast):
    """A staff member who holds one of every kind of thing."""
    person = Person.objects.get(organization=cast.org, user=cast.users["editor"])
    account = SocialAccountFactory(organization=cast.org, owner=person, handle="@owned")
    AccessGrantFactory(organization=cast.org, person=person, account__handle="@granted")
    CustodyFactory(
        organization=cast.org,
        account=account,
        custodian=person,
        backup_custodian=PersonFactory(organization=cast.org),
        two_factor_holder=person,
        recovery_owner=person,
    )
    ResponsibilityFactory(organization=cast.org, person=person, area="advertising")
    DeviceFactory(organization=cast.org, name="جوال الموظف", assignee=person, updater=person)
    EmergencyContactFactory(organization=cast.org, role="social_team", person=person)
    settings_row = PolicySettings.objects.get(organization=cast.org)
    settings_row.review_owner = person
    settings_row.save()
    settings_row.spokespeople.add(person)
    return person


def test_the_checklist_derives_every_kind_of_holding(cast, holder):
    started = offboarding.start(
        membership=cast.membership("policy_admin"), person=holder, last_day=TODAY()
    )
    kinds = sorted((i.kind, i.role) for i in started.items.all())
    assert kinds == sorted([
        ("revoke_grant", ""),
        ("rotate", ""), ("rotate", ""),  # the account they own the credential of, and the one they can reach
        ("recover_device", ""),
        ("hand_over", "owner"), ("hand_over", "custodian"), ("hand_over", "two_factor_holder"),
        ("hand_over", "recovery_owner"), ("hand_over", "person"), ("hand_over", "updater"),
        ("hand_over", "person"), ("hand_over", "review_owner"), ("hand_over", "spokespeople"),
        ("remove_sign_in", ""),
    ])  # fmt: skip


def test_archiving_is_refused_while_items_are_open(cast, holder):
    started = offboarding.start(
        membership=cast.membership("policy_admin"), person=holder, last_day=TODAY()
    )
    with pytest.raises(ValidationError):
        offboarding.archive(membership=cast.membership("policy_admin"), offboarding=started)
    holder.refresh_from_db()
    assert holder.is_current


def test_after_archiving_nothing_names_the_person(cast, holder):
    admin = cast.membership("policy_admin")
    successor = PersonFactory(organization=cast.org, name="الخلف")
    started = offboarding.start(membership=admin, person=holder, last_day=TODAY())
    for item in started.items.all():
        offboarding.complete(
            membership=admin, item=item, successor=successor if item.needs_successor else None
        )
    offboarding.archive(membership=admin, offboarding=started)
    holder.refresh_from_db()
    assert holder.status == Person.Status.DEPARTED and holder.departed_on == TODAY()
    assert not AccessGrant.objects.filter(person=holder).exists()
    assert (
        not Device.objects.filter(assignee=holder).exists()
        and not Device.objects.filter(updater=holder).exists()
    )
    assert not Custody.objects.filter(custodian=holder).exists()
    assert not Membership.objects.filter(user=cast.users["editor"], organization=cast.org).exists()
    assert PolicySettings.objects.get(organization=cast.org).review_owner == successor
    assert not [f for f in diagnose(cast.org).findings if f.requirement == "R1.5"]
    assert RotationRecord.objects.filter(reason="offboarding").count() == 2


def test_a_handover_needs_a_current_successor(cast, holder):
    admin = cast.membership("policy_admin")
    started = offboarding.start(membership=admin, person=holder, last_day=TODAY())
    item = started.items.filter(kind=OffboardingItem.Kind.HAND_OVER).first()
    with pytest.raises(ValidationError):
        offboarding.complete(membership=admin, item=item, successor=None)
    with pytest.raises(ValidationError):
        offboarding.complete(membership=admin, item=item, successor=holder)
    gone = PersonFactory(organization=cast.org, status="departed", departed_on=TODAY())
    with pytest.raises(ValidationError):
        offboarding.complete(membership=admin, item=item, successor=gone)


def test_something_held_after_the_list_was_made_blocks_archiving(cast):
    person = PersonFactory(organization=cast.org)
    admin = cast.membership("owner")
    started = offboarding.start(membership=admin, person=person, last_day=TODAY())
    assert started.items.count() == 0
    DeviceFactory(organization=cast.org, assignee=person)
    with pytest.raises(ValidationError):
        offboarding.archive(membership=admin, offboarding=started)
    assert started.items.count() == 1


def test_staff_cannot_offboard(cast, holder):
    with pytest.raises(PermissionDenied):
        offboarding.start(membership=cast.membership("staff"), person=holder, last_day=TODAY())
    url = reverse("offboarding_start", kwargs={"slug": cast.org.slug, "pk": holder.pk})
    assert cast.client("staff").post(url, {"last_day": TODAY().isoformat()}).status_code == 403


def test_offboarding_through_the_pages(cast, holder):
    client = cast.client("policy_admin")
    response = client.post(
        reverse("offboarding_start", kwargs={"slug": cast.org.slug, "pk": holder.pk}),
        {"last_day": TODAY().isoformat()},
    )
    assert response.status_code == 302
    detail = response["Location"]
    html = client.get(detail).content.decode()
    assert "@granted" in html and "جوال الموظف" in html
    successor = PersonFactory(organization=cast.org)
    started = holder.offboardings.get()
    for item in started.items.all():
        url = reverse(
            "offboarding_item", kwargs={"slug": cast.org.slug, "pk": started.pk, "item_pk": item.pk}
        )
        client.post(url, {"successor": successor.pk} if item.needs_successor else {})
    assert not started.items.filter(done_at__isnull=True).exists()
    assert started.items.exclude(done_by=cast.users["policy_admin"]).count() == 0
    client.post(reverse("offboarding_archive", kwargs={"slug": cast.org.slug, "pk": started.pk}))
    holder.refresh_from_db()
    assert holder.status == Person.Status.DEPARTED


def test_the_doctor_shows_open_offboardings(cast, holder):
    started = offboarding.start(
        membership=cast.membership("owner"),
        person=holder,
        last_day=TODAY() + datetime.timedelta(days=3),
    )
    report = diagnose(cast.org)
    assert f"offboarding:{started.pk}" in {f.subject for f in report.findings}
    late = diagnose(cast.org, TODAY() + datetime.timedelta(days=5))
    [finding] = [f for f in late.findings if f.subject == f"offboarding:{started.pk}"]
    assert finding.severity == "error"


def test_the_overview_counts_open_items_in_the_same_queries_however_many_leave(cast):
    admin = cast.membership("owner")
    url = reverse("security_overview", kwargs={"slug": cast.org.slug}).replace("/ar/", "/en/")
    client = cast.client("policy_admin")

    def leaving(name, devices):
        person = PersonFactory(organization=cast.org, name=name)
        for _ in range(devices):
            DeviceFactory(organization=cast.org, assignee=person)
        return offboarding.start(membership=admin, person=person, last_day=TODAY())

    first = leaving("سالم", 2)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for n, name in enumerate(["هدى", "ماجد", "رنا"], start=1):
        leaving(name, n)
    first.items.update(done_at=timezone.now())
    with CaptureQueriesContext(connection) as four:
        html = client.get(url).content.decode()
    assert len(four) == len(one)
    assert html.count(" open</span>") == 4
    assert "0 of 2 open" in html and "3 of 3 open" in html


# --- onboarding --------------------------------------------------------------------------------


def test_onboarding_checklist_and_progress(cast):
    from siyasa.policy.services import publish_version

    publish_version(
        membership=cast.membership("owner"), summary="v1", kind="material", effective_on=TODAY()
    )
    newcomer = Person.objects.get(organization=cast.org, user=cast.users["staff"])
    steps = onboarding.start(membership=cast.membership("policy_admin"), person=newcomer)
    [row] = security_selectors.onboarding_progress(cast.org)
    assert (row.done, row.total) == (0, 4)
    client = cast.client("staff")
    html = client.get(reverse("policy_me", kwargs={"slug": cast.org.slug})).content.decode()
    tick = reverse("onboarding_tick", kwargs={"slug": cast.org.slug, "pk": steps[0].pk})
    assert tick in html
    client.post(tick, {"back": "policy_me"})
    [row] = security_selectors.onboarding_progress(cast.org)
    assert row.done == 1


def test_a_member_cannot_tick_someone_elses_step(cast):
    other = PersonFactory(organization=cast.org)
    steps = onboarding.start(membership=cast.membership("owner"), person=other)
    url = reverse("onboarding_tick", kwargs={"slug": cast.org.slug, "pk": steps[0].pk})
    assert cast.client("staff").post(url).status_code == 403
    steps[0].refresh_from_db()
    assert steps[0].done_at is None
