import datetime

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from django.test import Client

from siyasa.demo.builder import DEMO_LOGINS, build_demo
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.registry.models import Area, Custody, Device, ResponsibilityAssignment, SocialAccount

TODAY = datetime.date(2025, 3, 1)


def counts(org):
    return (
        Person.objects.for_org(org).count(),
        SocialAccount.objects.for_org(org).count(),
        Device.objects.for_org(org).count(),
        Membership.objects.filter(organization=org).count(),
    )


@pytest.mark.django_db
def test_running_the_command_twice_rebuilds_without_duplicates():
    call_command("demo", "--no-serve")
    first = counts(Organization.objects.get(slug="demo"))

    call_command("demo", "--no-serve")

    assert Organization.objects.filter(slug="demo").count() == 1
    assert counts(Organization.objects.get(slug="demo")) == first
    for username, _role, password in DEMO_LOGINS:
        assert password == "demo"
        # django-axes counts sign-ins per request, so authenticate() needs one.
        signed_in = Client().login(request=HttpRequest(), username=username, password=password)
        assert signed_in, username


@pytest.mark.django_db
def test_the_planted_problems_are_there():
    org = build_demo(today=TODAY)

    overdue = [
        c
        for c in Custody.objects.for_org(org)
        if c.next_rotation_on(org.rotation_interval_days) < TODAY
    ]
    assert len(overdue) == 2
    ownerless = SocialAccount.objects.for_org(org).filter(
        status=SocialAccount.Status.ACTIVE, owner=None
    )
    assert ownerless.count() == 1
    personal = Device.objects.for_org(org).filter(org_owned=False)
    assert personal.count() == 1
    assert personal.get().accounts.exists()


@pytest.mark.django_db
def test_every_area_is_assigned():
    org = build_demo(today=TODAY)

    assigned = set(ResponsibilityAssignment.objects.for_org(org).values_list("area", flat=True))
    assert assigned == set(Area.values)


@pytest.mark.django_db
def test_the_policy_is_public():
    org = build_demo(today=TODAY)

    assert org.policy_visibility == Organization.Visibility.PUBLIC
    response = Client().get("/ar/o/demo/policy/")
    assert response.status_code == 200
    assert org.name_ar in response.content.decode()
