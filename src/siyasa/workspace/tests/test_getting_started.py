"""Getting started: a new organisation's workspace lists the steps to a published policy, each
ticked from the data itself, with the number left."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from siyasa.core.tests.factories import (
    AccessGrantFactory,
    CustodyFactory,
    DeviceFactory,
    PersonFactory,
    SocialAccountFactory,
    UserFactory,
)
from siyasa.workspace.services import create_organization


@pytest.fixture
def fresh(db, settings):
    settings.SIYASA_ENFORCE_TWO_FACTOR = False
    owner = UserFactory(username="founder")
    org = create_organization(owner=owner, name_ar="جمعية جديدة", name_en="New", slug="fresh")
    client = Client()
    client.force_login(owner)
    return org, client


def steps(client, org):
    html = client.get(reverse("workspace", kwargs={"slug": org.slug})).content.decode()
    part = html.partition('class="card getting-started"')[2].split("</section>", 1)[0]
    return part, re.findall(r'<li class="step( step-done)?">', part)


def test_a_new_organisation_starts_with_every_step_to_do(fresh):
    org, client = fresh
    part, items = steps(client, org)
    assert len(items) == 10 and not any(items)
    assert "بقيت 10 خطوات" in part
    assert reverse("account_new", kwargs={"slug": org.slug}) in part


def test_steps_tick_from_the_data(fresh):
    org, client = fresh
    person = PersonFactory(organization=org)
    account = SocialAccountFactory(organization=org, owner=person)
    AccessGrantFactory(
        organization=org, account=account, person=person, can_publish=True, can_reply=True
    )
    CustodyFactory(organization=org, account=account, custodian=person)
    DeviceFactory(organization=org)
    _part, items = steps(client, org)
    done = [bool(flag) for flag in items]
    # Accounts, people, access, devices: done; responsibilities, crisis, review, publish, invite: not.
    assert done[0] and done[1] and done[3] and done[5]
    assert not any((done[2], done[6], done[7], done[8], done[9]))


def test_staff_do_not_see_the_checklist(fresh, django_user_model):
    org, _client = fresh
    from siyasa.orgs.models import Membership

    user = UserFactory(username="reader")
    Membership.objects.create(user=user, organization=org, role="staff")
    client = Client()
    client.force_login(user)
    html = client.get(reverse("workspace", kwargs={"slug": org.slug})).content.decode()
    assert "getting-started" not in html
