"""One person, one record: a sign-in belongs to a person of the directory, the existing data is
linked by the migration, and every feature finds the person through `orgs.selectors`."""

import datetime
import importlib

from django.apps import apps
from django.core import mail
from django.test import Client

from conftest import sign_in
from siyasa.core.tests.factories import MembershipFactory, UserFactory
from siyasa.crisis.models import CrisisRole, EmergencyContact
from siyasa.crisis.selectors import role_holders, roles_of
from siyasa.crisis.services.statements import approvers
from siyasa.orgs import selectors, services
from siyasa.orgs.models import Membership, Person, Role
from siyasa.workspace.services import create_organization

migration = importlib.import_module("siyasa.orgs.migrations.0005_one_person_per_member")


def test_the_migration_links_every_member_to_their_person_and_creates_the_missing(db):
    hala = UserFactory(username="hala", email="hala@example.org", first_name="Hala")
    org = create_organization(owner=hala, owner_name="هالة", name_ar="جمعية قديمة", slug="old")
    # Before one person one record, nothing linked a member to the directory.
    Person.objects.for_org(org).update(user=None)
    nour = UserFactory(username="nour", email="Nour@Example.org")
    sami = UserFactory(username="sami", email="sami@example.org")
    lina = UserFactory(username="lina9", email="", first_name="Lina", last_name="Haddad")
    for user in (nour, sami, lina):
        MembershipFactory(user=user, organization=org, role=Role.STAFF)
    departed = Person.objects.create(
        organization=org,
        name="نور (سابقًا)",
        email="NOUR@example.org",
        status=Person.Status.DEPARTED,
        departed_on=datetime.date(2025, 1, 1),
    )
    current = Person.objects.create(organization=org, name="نور أحمد", email="nour@example.org")
    elsewhere = create_organization(owner=UserFactory(), name_ar="جمعية أخرى", slug="elsewhere")
    other_nour = Person.objects.create(organization=elsewhere, name="نور", email="nour@example.org")

    migration.forwards(apps, None)

    assert selectors.person_for(org, hala).name == "هالة"  # the same e-mail: linked, not repeated
    assert selectors.person_for(org, nour) == current  # case-insensitive, the current one
    departed.refresh_from_db()
    other_nour.refresh_from_db()
    assert departed.user is None and other_nour.user is None
    created = selectors.person_for(org, sami)
    assert (created.name, created.email, created.kind) == ("sami", "sami@example.org", "staff")
    assert selectors.person_for(org, lina).name == "Lina Haddad"
    assert all(
        selectors.person_for(org, m.user) for m in Membership.objects.filter(organization=org)
    )
    # Each write is in the change history, with its reason.
    record = current.history.first()
    assert record.user_id == nour.pk and record.history_change_reason == migration.REASON

    people, records = Person.objects.count(), Person.history.count()
    migration.forwards(apps, None)  # a second run changes nothing
    assert (Person.objects.count(), Person.history.count()) == (people, records)


def test_starting_an_organisation_makes_its_founder_the_first_person(db):
    founder = UserFactory(username="f1", email="f1@example.org", first_name="Faisal")
    client = Client()
    sign_in(client, founder)
    response = client.post(
        "/ar/new/",
        {
            "name_ar": "جمعية البداية",
            "slug": "bidaya",
            "country": "SA",
            "default_language": "ar",
            "policy_visibility": "members",
            "owner_name": "فيصل الدوسري",
        },
    )
    assert response.status_code == 302
    org = Membership.objects.get(user=founder).organization
    person = selectors.person_for(org, founder)
    assert (person.name, person.email) == ("فيصل الدوسري", "f1@example.org")
    sign_in(client, founder)  # now an owner: with the second factor
    people = client.get(f"/ar/o/{org.slug}/people/").content.decode()
    assert "فيصل الدوسري" in people and "مالك" in people  # who signs in, with the role


def test_the_person_of_a_user_is_theirs_in_that_organisation_only(cast):
    assert selectors.person_for(cast.org, cast.users["staff"]) == cast.person("staff")
    assert selectors.person_for(cast.other_org, cast.users["staff"]) is None
    assert selectors.person_for(cast.org, cast.outsider) is None


def test_an_invited_pr_contact_can_approve_statements_once_they_accept(db, mail_now):
    owner = UserFactory(username="o1", email="o1@example.org")
    org = create_organization(owner=owner, name_ar="جمعية الأمل", slug="amal")
    pr = Person.objects.create(organization=org, name="ريم", email="reem@example.org")
    EmergencyContact.objects.create(organization=org, role=CrisisRole.PUBLIC_RELATIONS, person=pr)
    assert approvers(org, [CrisisRole.PUBLIC_RELATIONS]) == []  # cannot sign in: cannot approve

    services.invite(membership=owner.memberships.get(), person=pr, role=Role.STAFF)
    path = mail.outbox[0].body.split("127.0.0.1:8000", 1)[1].split()[0]
    Client().post(path, {"password1": "a-long-new-pass-42", "password2": "a-long-new-pass-42"})

    reem = Membership.objects.get(organization=org, role=Role.STAFF).user
    assert approvers(org, [CrisisRole.PUBLIC_RELATIONS]) == [pr]
    assert roles_of(role_holders(org), reem) == {CrisisRole.PUBLIC_RELATIONS}
