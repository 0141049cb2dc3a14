"""The policy page in force is rendered once and then served from the cache: it still changes
with everything it shows, and the public is never handed what was rendered for members."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import sign_in
from siyasa.core.tests.factories import UserFactory
from siyasa.mail import health
from siyasa.orgs.forms import OrganizationForm
from siyasa.orgs.models import Organization, Person, Role
from siyasa.orgs.services import update_organization
from siyasa.policy import services
from siyasa.policy.tests.public_org import leaks
from siyasa.policy.tests.test_public import member_client, page_url
from siyasa.registry.forms import SocialAccountForm
from siyasa.registry.models import Custody
from siyasa.registry.models import SocialAccount as Account
from siyasa.security.services.rotations import record_rotation


def get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_after_members_read_the_page_the_public_still_gets_none_of_the_directory(public_org, lang):
    org = public_org.org
    owner = member_client(org, Role.OWNER)
    assert leaks(get(owner, page_url(org, lang)), public_org.private) != []  # the directory
    assert leaks(get(owner, page_url(org, lang, "?as=public")), public_org.private) == []

    assert leaks(get(Client(), page_url(org, lang)), public_org.private) == []
    assert leaks(get(Client(), page_url(org, lang)), public_org.private) == []  # from the cache


def test_a_signed_in_visitor_who_is_not_a_member_gets_the_public_page_and_their_own_menu(
    public_org,
):
    org = public_org.org
    get(member_client(org, Role.STAFF), page_url(org, "en"))  # kept for members
    get(Client(), page_url(org, "en"))  # kept for the public
    stranger = Client()
    sign_in(stranger, UserFactory())

    html = get(stranger, page_url(org, "en"))
    assert leaks(html, public_org.private) == []
    assert "Sign out" in html and "csrfmiddlewaretoken" in html


def test_the_kept_page_shows_a_registry_change_at_once(public_org):
    org = public_org.org
    owner = member_client(org, Role.OWNER)
    assert "salma.private@mail.example" in get(owner, page_url(org, "en"))
    salma = Person.objects.for_org(org).get(email="salma.private@mail.example")
    data = {k: v or "" for k, v in model_to_dict(salma).items()} | {"email": "salma@new.example"}
    edit = reverse("person_edit", kwargs={"slug": org.slug, "pk": salma.pk})
    assert owner.post(edit, data).status_code == 302

    html = get(owner, page_url(org, "en"))
    assert "salma@new.example" in html and "salma.private@mail.example" not in html


def test_the_kept_page_shows_a_new_version_at_once(public_org):
    org = public_org.org
    owner_membership = org.memberships.get(role=Role.OWNER)
    assert "Version 1" in get(Client(), page_url(org, "en"))
    services.update_text(
        membership=owner_membership, key="law.privacy", body_ar="نص", body_en="A brand new rule."
    )
    services.publish_version(
        membership=owner_membership,
        summary="new",
        kind="material",
        effective_on=timezone.localdate(),
    )
    html = get(Client(), page_url(org, "en"))
    assert "Version 2" in html and "A brand new rule." in html


def test_each_language_is_kept_apart(public_org):
    org = public_org.org
    english = get(Client(), page_url(org, "en"))
    arabic = get(Client(), page_url(org, "ar"))
    assert 'lang="en"' in english and "Contents" in english
    assert 'lang="ar"' in arabic and "Contents" not in arabic
    assert get(Client(), page_url(org, "en")) == english


def test_the_kept_page_follows_the_day_rotations_fall_overdue_on(public_org):
    org = public_org.org
    custody = Custody.objects.for_org(org).exclude(last_rotated_on=None).first()
    record_rotation(
        membership=org.memberships.get(role=Role.OWNER),
        account=custody.account,
        rotated_on=timezone.localdate(),
    )
    owner = member_client(org, Role.OWNER)
    assert "Overdue since" not in get(owner, page_url(org, "en"))
    assert "Overdue since" not in get(owner, page_url(org, "en"))  # from the cache
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1000)):
        later = member_client(org, Role.OWNER)  # the first sign-in has long expired
        assert "Overdue since" in get(later, page_url(org, "en"))


def test_a_member_who_acknowledges_sees_the_request_go_from_the_kept_page(public_org):
    org = public_org.org
    staff = member_client(org, Role.STAFF)
    assert "I have read and accept this policy" in get(staff, page_url(org, "en"))
    assert "I have read and accept this policy" in get(staff, page_url(org, "en"))
    staff.post(reverse("policy_acknowledge", kwargs={"slug": org.slug}), {"back": "policy"})

    html = get(staff, page_url(org, "en"))
    assert "I have read and accept this policy" not in html
    assert "Version 1" in html


def test_the_kept_page_shows_requirement_ids_only_to_those_who_work_on_the_policy(public_org):
    org = public_org.org
    editor, staff = member_client(org, Role.EDITOR), member_client(org, Role.STAFF)
    assert 'class="req-id">R2.1<' in get(editor, page_url(org, "en"))  # kept for editors
    assert 'class="req-id"' not in get(staff, page_url(org, "en"))  # not handed to staff
    assert 'class="req-id"' not in get(Client(), page_url(org, "en"))
    assert 'class="req-id">R2.1<' in get(editor, page_url(org, "en"))


def test_a_kept_members_page_shows_each_member_their_own_acknowledgement_and_session(public_org):
    org = public_org.org
    reader, other = member_client(org, Role.STAFF), member_client(org, Role.STAFF)
    reader.post(reverse("policy_acknowledge", kwargs={"slug": org.slug}), {"back": "policy"})
    assert "I have read and accept this policy" not in get(reader, page_url(org, "en"))
    assert "I have read and accept this policy" in get(other, page_url(org, "en"))
    assert "I have read and accept this policy" not in get(reader, page_url(org, "en"))

    # The other member's page, assembled from what was kept, carries their own session's token:
    # their acknowledgement goes through a client that checks it, as a browser's does.
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = other.cookies
    html = get(strict, page_url(org, "en"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    answer = strict.post(
        reverse("policy_acknowledge", kwargs={"slug": org.slug}),
        {"back": "policy", "csrfmiddlewaretoken": token},
    )
    assert answer.status_code == 302
    assert "I have read and accept this policy" not in get(strict, page_url(org, "en"))


def test_an_address_with_other_parameters_is_not_kept_for_the_next_visitor(public_org):
    org = public_org.org
    assert "tracking-9" in get(Client(), page_url(org, "en", "?utm=tracking-9"))
    assert "tracking-9" not in get(Client(), page_url(org, "en"))


def test_an_edit_reaches_the_kept_page_of_visitors_and_members_at_once(public_org):
    org = public_org.org
    owner = member_client(org, Role.OWNER)
    staff = member_client(org, Role.STAFF)
    account = Account.objects.for_org(org).exclude(handle="").first()
    for client in (Client(), staff):
        assert account.handle in get(client, page_url(org, "en"))
        assert account.handle in get(client, page_url(org, "en"))  # from the cache
    fields = SocialAccountForm._meta.fields
    data = {k: v or "" for k, v in model_to_dict(account, fields=fields).items()}
    edit = reverse("account_edit", kwargs={"slug": org.slug, "pk": account.pk})
    assert owner.post(edit, data | {"handle": "@nada_renamed"}).status_code == 302

    for client in (Client(), staff):
        html = get(client, page_url(org, "en"))
        assert "@nada_renamed" in html and account.handle not in html


def test_a_policy_made_members_only_is_no_longer_served_to_visitors(public_org):
    org = public_org.org
    assert get(Client(), page_url(org, "en"))  # kept for the public
    owner = org.memberships.get(role=Role.OWNER)
    form = OrganizationForm(
        model_to_dict(org) | {"policy_visibility": Organization.Visibility.MEMBERS}, instance=org
    )
    assert form.is_valid(), form.errors
    update_organization(membership=owner, form=form)

    assert Client().get(page_url(org, "en")).status_code == 302  # to sign in
    assert get(member_client(org, Role.STAFF), page_url(org, "en"))


def test_the_kept_page_of_an_owner_shows_when_e_mail_stops_leaving(public_org):
    org = public_org.org
    owner = member_client(org, Role.OWNER)
    health.beat("worker-1")
    assert "E-mail is not leaving" not in get(owner, page_url(org, "en"))
    etag = owner.get(page_url(org, "en"))["ETag"]  # from the cache
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        # Not "unchanged" either for a browser that kept the page.
        assert owner.get(page_url(org, "en"), HTTP_IF_NONE_MATCH=etag).status_code == 200
        assert "E-mail is not leaving" in get(owner, page_url(org, "en"))
