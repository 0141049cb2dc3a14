import datetime
import os
import sqlite3
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.test import Client

from siyasa.demo.builder import DEMO_LOGINS, USERS, build_demo
from siyasa.doctor.engine import diagnose
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.registry.models import (
    AccountRequest,
    Area,
    ConnectedApp,
    Custody,
    Device,
    ModerationDecision,
    ResponsibilityAssignment,
    SocialAccount,
)
from siyasa.workspace.services import create_organization

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
        if c.next_rotation_on(org.rotation_interval(TODAY)) < TODAY
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
def test_the_second_catalogue_has_one_planted_problem_each_for_recovery_and_connected_apps():
    org = build_demo(today=TODAY)
    findings = diagnose(org, TODAY).findings
    by_requirement = {}
    for finding in findings:
        by_requirement.setdefault(finding.requirement, []).append(finding.subject)
    snapchat = SocialAccount.objects.for_org(org).get(platform="snapchat")
    hootsuite = ConnectedApp.objects.for_org(org).get(name="Hootsuite")
    assert by_requirement["R2.9"] == [f"account:{snapchat.pk}:recovery-email"]
    assert by_requirement["R2.10"] == [f"connection:{hootsuite.pk}:review"]
    # The life cycle, the new prose and the house rules are in order in the demo.
    for requirement in ("R1.6", "R2.11", "R5.3", "R5.4", "R5.5", "R6.5", "R6.6"):
        assert requirement not in by_requirement, requirement
    assert AccountRequest.objects.for_org(org).filter(status="pending").count() == 1
    assert ModerationDecision.objects.for_org(org).count() == 3


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


def everything():
    User = get_user_model()
    return (
        sorted(User.objects.values_list("username", "password")),
        sorted(Organization.objects.values_list("slug", flat=True)),
        Membership.objects.count(),
        Person.objects.count(),
    )


@pytest.mark.django_db
def test_the_demo_refuses_a_database_with_a_real_organisation():
    owner = get_user_model().objects.create_user("huda", "huda@charity.example", "pass-word-123")
    create_organization(owner=owner, name_ar="جمعية النور", name_en="Al-Noor Society", slug="noor")
    before = everything()

    with pytest.raises(CommandError) as refused:
        call_command("demo", "--no-serve")

    assert "organisations: noor" in str(refused.value)
    assert "--force" in str(refused.value)
    assert everything() == before


@pytest.mark.django_db
def test_the_demo_refuses_an_instance_whose_own_superuser_is_called_admin():
    User = get_user_model()
    User.objects.create_superuser("admin", "director@charity.example", "pass-word-123")
    before = everything()

    with pytest.raises(CommandError, match="users: admin"):
        call_command("demo", "--no-serve")

    assert everything() == before
    assert User.objects.get(username="admin").check_password("pass-word-123")


@pytest.mark.django_db
def test_force_rebuilds_the_demo_beside_the_real_organisation():
    owner = get_user_model().objects.create_user("huda", "huda@charity.example", "pass-word-123")
    real = create_organization(owner=owner, name_ar="جمعية النور", slug="noor")

    call_command("demo", "--no-serve", "--force")

    assert Organization.objects.filter(slug="demo").exists()
    assert Membership.objects.get(organization=real).user == owner
    assert get_user_model().objects.get(username="huda").check_password("pass-word-123")


@pytest.mark.django_db
def test_an_empty_database_gets_the_demo():
    call_command("demo", "--no-serve")

    org = Organization.objects.get()
    assert org.slug == "demo"
    members = set(Membership.objects.values_list("user__username", flat=True))
    assert members == {username for username, _role, _person in USERS}


def siyasa(*args, cwd, **env):
    """`siyasa …` as a person runs it: no data folder or database named unless given."""
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY"}
        and not key.startswith(("SIYASA_", "DJANGO_", "SECURE_"))
    }
    return subprocess.run(
        [sys.executable, "-m", "siyasa", *args],
        cwd=cwd,
        env=base | env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_the_demo_keeps_apart_from_a_real_instance_in_the_same_folder(tmp_path):
    # A real instance with its defaults: data in ./var, its superuser called admin.
    real = {"SECRET_KEY": "real-instance-key", "DJANGO_SUPERUSER_PASSWORD": "pass-word-123"}
    assert siyasa("migrate", "-v0", cwd=tmp_path, **real).returncode == 0
    created = siyasa(
        "createsuperuser", "--noinput", "--username", "admin", "--email", "director@charity.example",
        cwd=tmp_path, **real,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr

    demo = siyasa("demo", "--no-serve", cwd=tmp_path)

    assert demo.returncode == 0, demo.stderr
    assert str(tmp_path / "var" / "demo" / "siyasa.sqlite3") in demo.stdout
    with sqlite3.connect(tmp_path / "var" / "siyasa.sqlite3") as db:
        assert db.execute("select username from auth_user").fetchall() == [("admin",)]
        assert db.execute(f"select count(*) from {Organization._meta.db_table}").fetchone() == (0,)

    # Pointed at the real instance's folder, the demo stops and says why.
    pointed = siyasa("demo", "--no-serve", cwd=tmp_path, SIYASA_DATA_DIR=str(tmp_path / "var"))

    assert pointed.returncode != 0
    assert "holds more than the demo (users: admin)" in pointed.stderr
    assert "--force" in pointed.stderr
