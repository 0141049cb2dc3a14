"""Invitations: a policy admin invites a person of the directory; the link works once, for seven
days, for the invited address only. Every organisation here starts through the product."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import sign_in
from siyasa.core.tests.factories import AccessGrantFactory, UserFactory
from siyasa.orgs import selectors, services
from siyasa.orgs.models import Invitation, Membership, Person, Role
from siyasa.workspace.services import create_organization

pytestmark = pytest.mark.usefixtures("mail_now")
User = get_user_model()
LINK = re.compile(r"http://127\.0\.0\.1:8000(/(ar|en)/invitations/[\w-]+/)")


class Nahda:
    """A charity started through the product by Hala, with two people not yet signing in."""

    def __init__(self):
        self.hala = UserFactory(
            username="hala", email="hala@example.org", first_name="Hala", last_name="Saleh"
        )
        self.org = create_organization(
            owner=self.hala,
            owner_name="هالة صالح",
            name_ar="جمعية النهضة",
            name_en="Nahda Society",
            slug="nahda",
        )
        self.nour = Person.objects.create(
            organization=self.org, name="نور أحمد", name_en="Nour Ahmed", email="nour@example.org"
        )
        self.james = Person.objects.create(
            organization=self.org, name="جيمس", name_en="James", email="james@example.org",
            language="en",
        )  # fmt: skip

    def owner(self) -> Client:
        client = Client()
        sign_in(client, self.hala)
        return client

    def owner_membership(self) -> Membership:
        return Membership.objects.get(organization=self.org, user=self.hala)

    def invite(self, person, role="staff", client=None):
        url = reverse("person_invite", kwargs={"slug": self.org.slug, "pk": person.pk})
        return (client or self.owner()).post(url, {"role": role})


@pytest.fixture
def nahda(db):
    return Nahda()


def link_in(message) -> str:
    """The path of the invitation link in an e-mail (text part)."""
    return LINK.search(message.body).group(1)


def accept_as_new(path: str, password: str = "a-long-new-pass-42") -> tuple[Client, object]:
    client = Client()
    response = client.post(path, {"password1": password, "password2": password})
    return client, response


# --- inviting -------------------------------------------------------------------------------


def test_the_founder_is_the_first_person_of_the_directory_and_signs_in_as_them(nahda):
    person = selectors.person_for(nahda.org, nahda.hala)
    assert person is not None and person.name == "هالة صالح"
    assert person.email == "hala@example.org"
    page = nahda.owner().get(reverse("member_list", kwargs={"slug": "nahda"})).content.decode()
    assert "هالة صالح" in page
    assert (
        ">hala<" not in page and "Hala Saleh" not in page
    )  # the directory's name, not the account's


def test_an_invitation_is_an_arabic_email_with_a_single_use_link(nahda):
    response = nahda.invite(nahda.nour, role="editor")

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["nour@example.org"]
    assert "جمعية النهضة" in message.subject
    assert "نور أحمد" in message.body and "محرّر" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="ar" dir="rtl">' in html
    path = link_in(message)
    assert path.startswith("/ar/invitations/")
    invitation = Invitation.objects.get(person=nahda.nour)
    token = path.rsplit("/", 2)[1]
    # Only a hash is stored: the token itself is in no column of the row.
    row = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert token not in {str(value) for value in row.values()}
    assert (invitation.role, invitation.created_by) == (Role.EDITOR, nahda.hala)
    assert invitation.expires_at - timezone.now() > datetime.timedelta(days=6, hours=23)


def test_an_english_speaker_gets_the_invitation_in_english(nahda):
    nahda.invite(nahda.james)
    [message] = mail.outbox
    assert "Nahda Society invites you" in message.subject
    assert "Hello James" in message.body
    assert link_in(message).startswith("/en/invitations/")
    assert '<html lang="en" dir="ltr">' in message.alternatives[0][0]


def test_a_person_without_an_email_cannot_be_invited_and_is_told_why(nahda):
    nahda.nour.email = ""
    nahda.nour.save()
    response = nahda.invite(nahda.nour)
    assert response.status_code == 400
    assert "عنوان بريد" in response.content.decode()
    assert not Invitation.objects.exists() and mail.outbox == []


def test_an_unknown_role_is_a_400(nahda):
    response = nahda.invite(nahda.nour, role="emperor")
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_only_owners_invite_owners(nahda):
    services.invite(membership=nahda.owner_membership(), person=nahda.nour, role=Role.POLICY_ADMIN)
    _client, _response = accept_as_new(link_in(mail.outbox[0]))
    admin = Client()
    sign_in(admin, User.objects.get(email="nour@example.org"))

    assert nahda.invite(nahda.james, role="owner", client=admin).status_code == 403
    assert nahda.invite(nahda.james, role="policy_admin", client=admin).status_code == 302
    assert nahda.invite(nahda.james, role="owner").status_code == 302  # Hala is an owner


def test_an_owner_can_no_longer_attach_an_existing_user_without_their_acceptance(nahda):
    """The old "add a member by user name" form is gone, and an invitation alone gives nothing."""
    elsewhere = UserFactory(username="sami", email="sami@example.org")
    members = reverse("member_list", kwargs={"slug": "nahda"})
    old_form = {"username": "sami", "email": "sami@example.org", "password": "", "role": "owner"}

    assert nahda.owner().post(members, old_form).status_code == 405
    sami = Person.objects.create(organization=nahda.org, name="سامي", email="sami@example.org")
    nahda.invite(sami, role="owner")

    assert not Membership.objects.filter(user=elsewhere, organization=nahda.org).exists()
    assert selectors.person_for(nahda.org, elsewhere) is None
    assert list(selectors.organizations_for(elsewhere)) == []


# --- accepting ------------------------------------------------------------------------------


def test_accepting_creates_the_account_the_membership_and_links_the_person(nahda):
    AccessGrantFactory(organization=nahda.org, person=nahda.nour, account__handle="@nahda")
    nahda.invite(nahda.nour, role="staff")
    path = link_in(mail.outbox[0])

    page = Client().get(path)
    assert page.status_code == 200
    assert "جمعية النهضة" in page.content.decode() and "موظف" in page.content.decode()

    client, response = accept_as_new(path)
    assert response.status_code == 302 and response["Location"] == "/ar/o/nahda/"
    user = User.objects.get(email="nour@example.org")
    membership = Membership.objects.get(organization=nahda.org, user=user)
    assert membership.role == Role.STAFF
    assert selectors.person_for(nahda.org, user) == nahda.nour
    assert Invitation.objects.get().accepted_by == user
    # Signed in at once; "what it asks of me" knows who they are and lists their account.
    me = client.get(reverse("policy_me", kwargs={"slug": "nahda"}))
    assert me.status_code == 200 and "@nahda" in me.content.decode()


def test_a_weak_or_mismatched_password_creates_nothing(nahda):
    nahda.invite(nahda.nour)
    path = link_in(mail.outbox[0])

    _client, weak = accept_as_new(path, password="12345678")
    mismatch = Client().post(path, {"password1": "a-long-new-pass-42", "password2": "other-42"})

    assert weak.status_code == 400 and mismatch.status_code == 400
    assert not User.objects.filter(email="nour@example.org").exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_invitation_cannot_be_accepted_twice(nahda):
    nahda.invite(nahda.nour)
    path = link_in(mail.outbox[0])
    accept_as_new(path)

    again = Client().get(path)
    _client, second = accept_as_new(path, password="another-long-pass-7")

    assert again.status_code == 410 and second.status_code == 410
    assert "قُبلت" in again.content.decode()
    assert User.objects.filter(email="nour@example.org").count() == 1
    assert Membership.objects.filter(organization=nahda.org).count() == 2


def test_an_invitation_cannot_be_accepted_after_seven_days(nahda):
    nahda.invite(nahda.nour)
    path = link_in(mail.outbox[0])

    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        _client, response = accept_as_new(path)

    assert response.status_code == 410
    assert "انتهت" in response.content.decode()
    assert not User.objects.filter(email="nour@example.org").exists()


def test_a_revoked_invitation_cannot_be_accepted(nahda):
    nahda.invite(nahda.nour)
    path = link_in(mail.outbox[0])
    invitation = Invitation.objects.get()
    url = reverse("invitation_revoke", kwargs={"slug": "nahda", "pk": invitation.pk})
    assert nahda.owner().post(url).status_code == 302

    _client, response = accept_as_new(path)

    assert response.status_code == 410
    assert not User.objects.filter(email="nour@example.org").exists()
    assert Invitation.objects.get().revoked_at is not None


def test_another_signed_in_user_cannot_accept(nahda):
    nahda.invite(nahda.nour)
    path = link_in(mail.outbox[0])
    stranger = Client()
    sign_in(stranger, UserFactory(username="stranger", email="stranger@example.org"))

    page = stranger.get(path)
    post = stranger.post(path, {})

    assert page.status_code == 403 and post.status_code == 403
    assert "stranger@example.org" in page.content.decode()  # whom they are signed in as
    assert not Membership.objects.filter(organization=nahda.org, user__username="stranger").exists()
    assert Invitation.objects.get().accepted_at is None


def test_someone_with_an_account_signs_in_with_the_invited_address_then_confirms(nahda):
    existing = UserFactory(username="nour-old", email="Nour@Example.org")  # any letter case
    nahda.invite(nahda.nour, role="editor")
    path = link_in(mail.outbox[0])

    page = Client().get(path)
    assert page.status_code == 200
    assert "/ar/accounts/login/?next=" + path.replace("/", "%2F") in page.content.decode()
    _anonymous, refused = accept_as_new(path)
    assert refused.status_code == 400
    assert not Membership.objects.filter(organization=nahda.org, user=existing).exists()

    signed_in = Client()
    sign_in(signed_in, existing)
    assert signed_in.get(path).status_code == 200
    assert signed_in.post(path, {}).status_code == 302

    assert Membership.objects.get(organization=nahda.org, user=existing).role == Role.EDITOR
    assert selectors.person_for(nahda.org, existing) == nahda.nour
    assert User.objects.filter(email__iexact="nour@example.org").count() == 1  # no new account


def test_a_member_of_another_organisation_belongs_to_both_after_accepting(nahda):
    other_owner = UserFactory(username="lina", email="lina@example.org")
    create_organization(owner=other_owner, name_ar="جمعية أخرى", slug="other")
    lina = Person.objects.create(organization=nahda.org, name="لينا", email="lina@example.org")
    nahda.invite(lina)
    client = Client()
    sign_in(client, other_owner)
    client.post(link_in(mail.outbox[0]), {})

    assert {o.slug for o in selectors.organizations_for(other_owner)} == {"nahda", "other"}


# --- pending invitations: resend and revoke --------------------------------------------------


def test_pending_invitations_are_listed_with_resend_and_revoke(nahda):
    nahda.invite(nahda.nour)
    invitation = Invitation.objects.get()
    page = nahda.owner().get(reverse("member_list", kwargs={"slug": "nahda"})).content.decode()

    assert "نور أحمد" in page and "nour@example.org" in page
    assert reverse("invitation_resend", kwargs={"slug": "nahda", "pk": invitation.pk}) in page
    assert reverse("invitation_revoke", kwargs={"slug": "nahda", "pk": invitation.pk}) in page
    people = nahda.owner().get(reverse("person_list", kwargs={"slug": "nahda"})).content.decode()
    assert "مدعو" in people  # the directory says who is invited, and who signs in as what


def test_resending_makes_a_new_link_and_kills_the_old_one(nahda):
    nahda.invite(nahda.nour)
    old_path = link_in(mail.outbox[0])
    invitation = Invitation.objects.get()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=6)):
        url = reverse("invitation_resend", kwargs={"slug": "nahda", "pk": invitation.pk})
        assert nahda.owner().post(url).status_code == 302
    new_path = link_in(mail.outbox[1])

    assert new_path != old_path
    assert Client().get(old_path).status_code == 404
    with time_machine.travel(timezone.now() + datetime.timedelta(days=10)):
        _client, response = accept_as_new(new_path)  # past the first expiry, within the new one
    assert response.status_code == 302


def test_inviting_again_replaces_the_open_invitation(nahda):
    nahda.invite(nahda.nour, role="staff")
    first_path = link_in(mail.outbox[0])
    nahda.invite(nahda.nour, role="editor")

    assert Client().get(first_path).status_code == 410
    _client, response = accept_as_new(link_in(mail.outbox[1]))
    assert response.status_code == 302
    assert Membership.objects.get(user__email="nour@example.org").role == Role.EDITOR


def test_every_invitation_acceptance_and_revocation_is_in_the_history(nahda):
    nahda.invite(nahda.nour)
    nahda.invite(nahda.james)
    accept_as_new(link_in(mail.outbox[0]))
    james = Invitation.objects.get(person=nahda.james)
    nahda.owner().post(reverse("invitation_revoke", kwargs={"slug": "nahda", "pk": james.pk}))

    records = Invitation.history.order_by("history_date", "history_id")
    assert [(r.person_id, r.history_type) for r in records] == [
        (nahda.nour.pk, "+"),
        (nahda.james.pk, "+"),
        (nahda.nour.pk, "~"),  # accepted
        (nahda.james.pk, "~"),  # revoked
    ]
    assert records[0].history_user == nahda.hala and records[3].history_user == nahda.hala
    assert records[2].accepted_at is not None and records[3].revoked_at is not None

    page = nahda.owner().get(
        reverse("audit_history", kwargs={"slug": "nahda"}) + "?model=orgs.invitation"
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "هالة صالح" in html and "نور أحمد" in html  # who, and of whom, by their names
    assert "hala" not in re.sub(r"[\w.+-]+@[\w.-]+", "", html).lower().replace("هالة", "")


# --- the directory and its sign-ins ---------------------------------------------------------


def test_a_person_who_can_sign_in_cannot_be_deleted(nahda):
    hala = selectors.person_for(nahda.org, nahda.hala)
    url = reverse("person_delete", kwargs={"slug": "nahda", "pk": hala.pk})
    response = nahda.owner().post(url)
    assert response.status_code == 400
    assert Person.objects.filter(pk=hala.pk).exists()


def test_offboarding_removes_the_sign_in_and_withdraws_an_open_invitation(nahda):
    from siyasa.security.services import offboarding

    nahda.invite(nahda.nour)
    accept_as_new(link_in(mail.outbox[0]))
    nahda.invite(nahda.james)
    owner = nahda.owner_membership()
    for person in (nahda.nour, nahda.james):
        started = offboarding.start(membership=owner, person=person, last_day=timezone.localdate())
        for item in started.items.all():
            offboarding.complete(membership=owner, item=item)

    assert selectors.membership_of(nahda.nour) is None
    assert not selectors.open_invitations(nahda.org).exists()
