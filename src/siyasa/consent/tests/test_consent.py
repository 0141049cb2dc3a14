"""The consent registry: a minor's consent needs a guardian, a withdrawal gives the account
owners take-down tasks, the doctor and the reminders follow them, and only its keepers read it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import sign_in
from siyasa.consent import services
from siyasa.consent.models import Consent, State, TakedownTask
from siyasa.core.tests.factories import (
    PersonFactory,
    ResponsibilityFactory,
    SocialAccountFactory,
    UserFactory,
)
from siyasa.doctor.engine import diagnose_many
from siyasa.notify.models import Kind
from siyasa.notify.reminders import due_items
from siyasa.orgs.models import Membership
from siyasa.registry.models import SocialAccount
from siyasa.workspace.services import create_organization

TODAY = datetime.date(2026, 12, 1)


def form_data(**changes):
    data = {
        "name": "أم خالد",
        "subject": "beneficiary",
        "consents_photo": "on",
        "consents_name": "on",
        "all_accounts": "on",
        "valid_from": "2026-01-01",
        "valid_until": "",
        "given_by": "person",
        "guardian_name": "",
        "form_reference": "ملف الموافقات 2026 › صفحة 3",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def consent(org, **fields):
    values = {"name": "أم خالد", "consents_photo": True, "valid_from": TODAY}
    values.update(fields)
    return Consent.objects.create(organization=org, **values)


@pytest.fixture
def admin(cast):
    return cast.client("policy_admin")


def new_url(org):
    return reverse("consent_new", kwargs={"slug": org.slug})


def test_a_minors_consent_without_a_guardian_is_refused(cast, admin):
    response = admin.post(new_url(cast.org), form_data(is_minor="on"))
    assert response.status_code == 400
    assert "guardian" in response.content.decode() or "ولي" in response.content.decode()
    assert not Consent.objects.for_org(cast.org).exists()


def test_a_minors_consent_given_by_a_named_guardian_is_recorded(cast, admin):
    response = admin.post(
        new_url(cast.org),
        form_data(name="ريان", is_minor="on", given_by="guardian", guardian_name="والدته"),
    )
    assert response.status_code == 302
    recorded = Consent.objects.for_org(cast.org).get()
    assert recorded.is_minor and recorded.guardian_name == "والدته"
    assert recorded.history.count() == 1  # R2.6


def test_the_database_refuses_a_minor_without_a_guardian_too(cast):
    with pytest.raises(Exception):  # noqa: B017 — an IntegrityError, whatever the database
        consent(cast.org, is_minor=True)


@pytest.mark.parametrize(
    "changes",
    [
        {"consents_photo": None, "consents_name": None},  # nothing consented to
        {"valid_until": "2025-12-31"},  # ends before it starts
        {"all_accounts": None},  # neither every account nor chosen ones
    ],
)
def test_an_incomplete_consent_is_refused(cast, admin, changes):
    assert admin.post(new_url(cast.org), form_data(**changes)).status_code == 400
    assert not Consent.objects.for_org(cast.org).exists()


def test_another_organisations_account_cannot_be_chosen(cast, admin):
    theirs = SocialAccountFactory(organization=cast.other_org)
    response = admin.post(new_url(cast.org), form_data(all_accounts=None, accounts=[theirs.pk]))
    assert response.status_code == 400


def test_states_follow_dates_and_withdrawal(cast):
    row = consent(cast.org, valid_from=TODAY, valid_until=TODAY + datetime.timedelta(days=10))
    assert row.state(TODAY - datetime.timedelta(days=1)) is State.NOT_YET
    assert row.state(TODAY) is State.VALID
    assert row.state(TODAY + datetime.timedelta(days=11)) is State.EXPIRED
    assert list(Consent.objects.expiring(TODAY)) == [row]
    row.withdrawn_on = TODAY
    assert row.state(TODAY) is State.WITHDRAWN


def test_withdrawal_gives_every_account_owner_a_take_down_task(cast):
    first = SocialAccountFactory(organization=cast.org)
    second = SocialAccountFactory(organization=cast.org, owner=None)
    SocialAccountFactory(organization=cast.org, status=SocialAccount.Status.RETIRED)
    row = consent(cast.org)
    tasks = services.withdraw(
        membership=cast.membership("policy_admin"), consent=row, on=TODAY, by="أم خالد"
    )
    assert {(t.account, t.assignee) for t in tasks} == {(first, first.owner), (second, None)}
    row.refresh_from_db()
    assert row.withdrawn_on == TODAY and row.withdrawn_by == "أم خالد"
    with pytest.raises(ValidationError):
        services.withdraw(membership=cast.membership("owner"), consent=row, on=TODAY, by="x")


def test_a_consent_for_chosen_accounts_gives_tasks_only_for_them(cast):
    chosen = SocialAccountFactory(organization=cast.org)
    SocialAccountFactory(organization=cast.org)
    row = consent(cast.org, all_accounts=False)
    row.accounts.set([chosen])
    tasks = services.withdraw(membership=cast.membership("owner"), consent=row, on=TODAY, by="x")
    assert [t.account for t in tasks] == [chosen]


def test_only_the_registrys_keepers_may_withdraw(cast):
    row = consent(cast.org)
    for role in ("staff", "editor"):
        with pytest.raises(PermissionDenied):
            services.withdraw(membership=cast.membership(role), consent=row, on=TODAY, by="x")


def test_the_account_owner_ticks_off_their_task_and_nobody_elses(cast):
    mine = SocialAccountFactory(organization=cast.org, owner=cast.person("staff"))
    row = consent(cast.org)
    (task,) = services.withdraw(membership=cast.membership("owner"), consent=row, on=TODAY, by="x")
    editor = cast.client("editor")
    done_url = reverse("takedown_done", kwargs={"slug": cast.org.slug, "pk": task.pk})
    assert editor.post(done_url).status_code == 403
    staff = cast.client("staff")
    page = staff.get(reverse("takedown_list", kwargs={"slug": cast.org.slug}))
    assert mine.handle in page.content.decode()
    assert "أم خالد" in page.content.decode()  # they must know whose pictures to take down
    assert (
        editor.get(reverse("takedown_list", kwargs={"slug": cast.org.slug}))
        .content.decode()
        .count(mine.handle)
        == 0
    )
    assert staff.post(done_url).status_code == 302
    task.refresh_from_db()
    assert task.done_at is not None and task.done_by == cast.person("staff")


def test_the_withdrawal_page_creates_the_tasks(cast, admin):
    SocialAccountFactory(organization=cast.org)
    row = consent(cast.org)
    url = reverse("consent_withdraw", kwargs={"slug": cast.org.slug, "pk": row.pk})
    assert admin.get(url).status_code == 200
    response = admin.post(url, {"withdrawn_on": "2099-01-01", "withdrawn_by": "x"})
    assert response.status_code == 400  # not in the future
    response = admin.post(
        url, {"withdrawn_on": timezone.localdate().isoformat(), "withdrawn_by": "أم خالد"}
    )
    assert response.status_code == 302
    assert TakedownTask.objects.for_org(cast.org).count() == 1


def test_the_doctor_reports_open_take_downs_and_consents_ending_soon(cast):
    SocialAccountFactory(organization=cast.org)
    withdrawn = consent(cast.org)
    services.withdraw(membership=cast.membership("owner"), consent=withdrawn, on=TODAY, by="x")
    consent(cast.org, name="Umm Saad", valid_until=TODAY + datetime.timedelta(days=20))
    consent(cast.org, name="Later", valid_until=TODAY + datetime.timedelta(days=40))

    findings = diagnose_many([cast.org], TODAY)[cast.org.pk].findings
    r42 = sorted(
        (f.severity.value, f.subject.split(":")[0])
        for f in findings
        if f.subject.startswith(("takedown:", "consent:"))
    )
    assert r42 == [("error", "takedown"), ("warning", "consent")]
    assert {f.requirement for f in findings if f.subject.startswith("takedown:")} == {"R4.2"}
    # The health page is read by every member: its findings name nobody.
    assert all("أم خالد" not in str(f.params) and "Umm Saad" not in str(f.params) for f in findings)

    TakedownTask.objects.for_org(cast.org).update(done_at=timezone.now())
    findings = diagnose_many([cast.org], TODAY)[cast.org.pk].findings
    assert not [f for f in findings if f.subject.startswith("takedown:")]


def test_reminders_reach_the_account_owner_and_the_social_team(cast):
    account = SocialAccountFactory(organization=cast.org, owner=cast.person("staff"))
    ResponsibilityFactory(organization=cast.org, area="publishing", person=cast.person("editor"))
    withdrawn = consent(cast.org)
    services.withdraw(membership=cast.membership("owner"), consent=withdrawn, on=TODAY, by="x")
    consent(cast.org, name="Umm Saad", valid_until=TODAY + datetime.timedelta(days=5))

    items = due_items([cast.org], today=TODAY)
    takedowns = {(i.person, i.params["account"]) for i in items if i.kind == Kind.TAKEDOWN}
    assert takedowns == {(cast.person("staff"), f"X {account.handle}")}
    expiring = {i.person for i in items if i.kind == Kind.CONSENT_EXPIRING}
    assert cast.person("editor") in expiring and cast.person("policy_admin") in expiring


@pytest.mark.django_db
def test_from_a_new_organisation_a_consent_is_recorded_withdrawn_and_followed_up():
    """From an organisation created through the product, as its owner."""
    owner = UserFactory(username="huda")
    org = create_organization(owner=owner, name_ar="جمعية البر", slug="birr")
    me = PersonFactory(organization=org, user=None, name="هدى")
    account = SocialAccountFactory(organization=org, owner=me)
    client = Client()
    sign_in(client, owner)

    assert client.post(new_url(org), form_data(name="أم سعد")).status_code == 302
    recorded = Consent.objects.for_org(org).get()
    url = reverse("consent_withdraw", kwargs={"slug": org.slug, "pk": recorded.pk})
    today = timezone.localdate()
    client.post(url, {"withdrawn_on": today.isoformat(), "withdrawn_by": "أم سعد"})

    task = TakedownTask.objects.for_org(org).get()
    assert (task.account, task.assignee) == (account, me)
    findings = diagnose_many([org], today)[org.pk].findings
    assert [f.subject for f in findings if f.subject.startswith("takedown:")] == [
        f"takedown:{recorded.pk}"
    ]
    listing = client.get(reverse("consent_list", kwargs={"slug": org.slug})).content.decode()
    assert "أم سعد" in listing
    assert Membership.objects.filter(organization=org).count() == 1
