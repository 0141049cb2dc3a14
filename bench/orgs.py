"""The organisations the benchmarks measure, and the throwaway database they live in.

Shared by the scripts of this directory (`policy_page.py`, `exports.py`, `policy_cache.py`):

- `demo` — Athar Charity Society from `siyasa.demo.builder.build_demo()`, which publishes two
  policy versions itself;
- `bench-large` — generated here with bulk inserts: 1,500 people, 300 accounts, 200 devices,
  responsibility holders, emergency contacts, 4 policy admins and 3 spokespeople; its draft is
  then published as version 1, in force today, so it too has a policy in force.

`organisations()` does everything around a measurement: it starts Django on a throwaway SQLite
database in a temporary SIYASA_DATA_DIR (or on DATABASE_URL when set), migrates, builds both
organisations, yields them and cleans up. With DATABASE_URL it creates and then deletes the
organisations `bench-large` and `demo` and the users `bench-*`; building the demo creates (or
resets the password of) the users admin, manager, staff and editor, which stay. Never point it
at a database whose data matters (see bench/README.md).

Django is imported inside the functions: the settings must be configured first.
"""

import argparse
import contextlib
import datetime
import os
import random
import shutil
import tempfile
import time
from collections.abc import Iterator

SLUG_LARGE = "bench-large"
PEOPLE = 1500
ACCOUNTS = 300
DEVICES = 200
HOLDERS_PER_AREA = 8
CONTACTS_PER_ROLE = 2
POLICY_ADMINS = 4
OVERDUE_SHARE = 0.1


# --- set-up -------------------------------------------------------------------------------


def add_seed_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seed", type=int, default=1, help="seed of the generated organisation (default 1)"
    )


def setup_django() -> str | None:
    """Configure and start Django; return the temporary data directory (SQLite case)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    data_dir = None
    if not os.environ.get("DATABASE_URL"):
        data_dir = tempfile.mkdtemp(prefix="siyasa-bench-")
        os.environ["SIYASA_DATA_DIR"] = data_dir

    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.ALLOWED_HOSTS.append("testserver")
    settings.SECURE_SSL_REDIRECT = False  # the test client speaks plain http
    call_command("migrate", verbosity=0)
    return data_dir


@contextlib.contextmanager
def organisations(seed: int) -> Iterator[list]:
    """Start Django, build `demo` and `bench-large`, yield them, clean up whatever happens."""
    data_dir = setup_django()
    try:
        from siyasa.demo.builder import build_demo

        started = time.perf_counter()
        orgs = [build_demo(), build_large(random.Random(seed))]
        print(f"Built the organisations in {time.perf_counter() - started:.1f} s")
        yield orgs
    finally:
        clean_up(data_dir)


# --- members ------------------------------------------------------------------------------


def owner_membership(org):
    from siyasa.orgs.models import Membership, Role

    return Membership.objects.filter(organization=org, role=Role.OWNER).order_by("pk").first()


def member_user(org):
    """A signed-in reader: a staff member when the organisation has one, else the owner."""
    from siyasa.orgs.models import Membership, Role

    members = Membership.objects.filter(organization=org).select_related("user")
    staff = members.filter(role=Role.STAFF).order_by("pk").first()
    return (staff or owner_membership(org)).user


# --- the large organisation ---------------------------------------------------------------


def build_large(rng: random.Random):
    """Create `bench-large` with bulk inserts and publish its policy; return the organisation."""
    from django.db import transaction

    from siyasa.orgs.models import Organization
    from siyasa.orgs.rows import touch

    with transaction.atomic():
        Organization.objects.filter(slug=SLUG_LARGE).delete()
        org, users = _organization()
        people = _people(org, users, rng)
        accounts = _accounts(org, people, rng)
        _custody(org, people, accounts, rng)
        _grants(org, people, accounts, rng)
        _devices(org, people, accounts, rng)
        _responsibilities(org, people, accounts, rng)
        _contacts(org, people, rng)
        _policy_settings(org, people, rng)
        for part in ("roles", "security", "crisis"):
            touch(org, part)
    publish(org)
    return org


def publish(org) -> None:
    """Publish the draft as a material version in force today, as the owner."""
    from django.utils import timezone

    from siyasa.policy.services import publish_version

    publish_version(
        membership=owner_membership(org),
        summary="bench",
        kind="material",
        effective_on=timezone.localdate(),
    )


def _user(username: str):
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    return user


def bench_usernames() -> list[str]:
    return ["bench-owner"] + [f"bench-admin-{n}" for n in range(1, POLICY_ADMINS + 1)]


def _organization():
    from siyasa.orgs.models import Membership, Organization, Role
    from siyasa.workspace.services import create_organization

    users = [_user(name) for name in bench_usernames()]
    org = create_organization(
        owner=users[0],
        name_ar="جمعية الاختبار الكبيرة",
        name_en="Large Benchmark Society",
        slug=SLUG_LARGE,
        policy_visibility=Organization.Visibility.PUBLIC,
        hashtags="#bench",
    )
    Membership.objects.bulk_create(
        Membership(user=user, organization=org, role=Role.POLICY_ADMIN) for user in users[1:]
    )
    return org, users


def _people(org, users, rng: random.Random) -> list:
    from siyasa.orgs.models import Person

    kinds = [Person.Kind.STAFF] * 6 + [Person.Kind.VOLUNTEER] * 2 + [Person.Kind.CONTACT]
    # The owner is a person already (create_organization made them); the admins become some.
    linked = dict(enumerate(users[1:], start=1))
    Person.objects.bulk_create(
        Person(
            organization=org,
            user=linked.get(n),
            kind=rng.choice(kinds),
            name=f"شخص رقم {n:04d}",
            name_en=f"Person {n:04d}",
            job_title=rng.choice(["", "منسق", "أخصائي تواصل", "مصمم", "محاسب"]),
            email=f"person{n:04d}@example.org",
            phone=f"+9665{n:08d}",
        )
        for n in range(PEOPLE)
    )
    return list(Person.objects.for_org(org).order_by("pk"))


def _accounts(org, people: list, rng: random.Random) -> list:
    from siyasa.registry.models import Platform, SocialAccount

    platforms = list(Platform.values)
    status = SocialAccount.Status
    SocialAccount.objects.bulk_create(
        SocialAccount(
            organization=org,
            platform=platforms[n % len(platforms)],
            handle=f"@bench_{n:03d}",
            url=f"https://example.org/bench_{n:03d}",
            purpose_ar=f"غرض الحساب رقم {n}",
            purpose_en=f"Purpose of account {n}",
            status=status.DORMANT if n % 25 == 0 else status.ACTIVE,
            owner=rng.choice(people),
        )
        for n in range(ACCOUNTS)
    )
    return list(SocialAccount.objects.for_org(org).order_by("pk"))


def _custody(org, people: list, accounts: list, rng: random.Random) -> None:
    from django.utils import timezone

    from siyasa.registry.models import Custody

    today = timezone.localdate()
    Custody.objects.bulk_create(
        _custody_row(org, account, people, today, rng) for account in accounts
    )


def _custody_row(org, account, people: list, today: datetime.date, rng: random.Random):
    """Rotated within the interval for most accounts, overdue for about one in ten."""
    from siyasa.registry.models import Custody, TwoFactorMethod

    custodian, backup = rng.sample(people, 2)
    overdue = rng.random() < OVERDUE_SHARE
    days_ago = rng.randint(100, 300) if overdue else rng.randint(0, 85)
    return Custody(
        organization=org,
        account=account,
        custodian=custodian,
        backup_custodian=backup,
        vault_label=f"Team vault › Social › {account.handle}",
        last_rotated_on=today - datetime.timedelta(days=days_ago),
        two_factor_method=rng.choice(TwoFactorMethod.values),
        two_factor_holder=custodian,
        recovery_owner=backup,
    )


def _grants(org, people: list, accounts: list, rng: random.Random) -> None:
    from siyasa.registry.models import AccessGrant

    def capabilities() -> dict[str, bool]:
        chosen = rng.sample(AccessGrant.CAPABILITIES, rng.randint(1, 3))
        return {name: True for name in chosen}

    AccessGrant.objects.bulk_create(
        AccessGrant(organization=org, account=account, person=person, **capabilities())
        for account in accounts
        for person in rng.sample(people, rng.randint(2, 3))
    )


def _devices(org, people: list, accounts: list, rng: random.Random) -> None:
    from siyasa.registry.models import Device

    kinds = list(Device.Kind.values)
    Device.objects.bulk_create(
        Device(
            organization=org,
            name=f"Device {n:03d}",
            kind=rng.choice(kinds),
            org_owned=n % 10 != 0,
            assignee=rng.choice(people),
            updater=rng.choice(people),
        )
        for n in range(DEVICES)
    )
    devices = Device.objects.for_org(org)
    Through = Device.accounts.through
    Through.objects.bulk_create(
        Through(device_id=device.pk, socialaccount_id=account.pk)
        for device in devices
        for account in rng.sample(accounts, rng.randint(1, 3))
    )


def _responsibilities(org, people: list, accounts: list, rng: random.Random) -> None:
    from siyasa.registry.models import Area, ResponsibilityAssignment

    ResponsibilityAssignment.objects.bulk_create(
        ResponsibilityAssignment(organization=org, area=area, person=person, note=f"note {n}")
        for area in Area.values
        for n, person in enumerate(rng.sample(people, HOLDERS_PER_AREA))
    )
    Through = ResponsibilityAssignment.accounts.through
    Through.objects.bulk_create(
        Through(responsibilityassignment_id=row.pk, socialaccount_id=account.pk)
        for row in ResponsibilityAssignment.objects.for_org(org)
        if rng.random() < 0.5
        for account in rng.sample(accounts, rng.randint(1, 4))
    )


def _contacts(org, people: list, rng: random.Random) -> None:
    from django.utils import timezone

    from siyasa.crisis.models import CrisisRole, EmergencyContact

    today = timezone.localdate()
    EmergencyContact.objects.bulk_create(
        EmergencyContact(
            organization=org,
            role=role,
            person=person,
            backup=backup,
            verified_on=today - datetime.timedelta(days=rng.randint(0, 120)),
        )
        for role in CrisisRole.values
        for person, backup in zip(
            rng.sample(people, CONTACTS_PER_ROLE),
            rng.sample(people, CONTACTS_PER_ROLE),
            strict=True,
        )
    )


def _policy_settings(org, people: list, rng: random.Random) -> None:
    from django.utils import timezone

    from siyasa.policy.models import PolicySettings

    settings_row = PolicySettings.objects.get(organization=org)
    settings_row.legal_adviser = rng.choice(people)
    settings_row.legal_reviewed_on = timezone.localdate() - datetime.timedelta(days=30)
    settings_row.save()
    settings_row.spokespeople.set(rng.sample(people, 3))


# --- clean-up -----------------------------------------------------------------------------


def clean_up(data_dir: str | None) -> None:
    from django.db import connection

    if data_dir is None:
        delete_created_rows()
    connection.close()
    if data_dir is not None:
        shutil.rmtree(data_dir, ignore_errors=True)


def delete_created_rows() -> None:
    """PostgreSQL: remove the two organisations and the bench-* users this module made."""
    from django.contrib.auth import get_user_model

    from siyasa.demo.builder import SLUG as DEMO_SLUG
    from siyasa.orgs.models import Organization

    Organization.objects.filter(slug__in=[SLUG_LARGE, DEMO_SLUG]).delete()
    get_user_model().objects.filter(username__in=bench_usernames()).delete()
