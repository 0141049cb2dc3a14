"""The policy doctor over many organisations: total time and number of SQL queries.

Generates N small organisations (default 1,000; each with people, accounts, grants, custody,
devices, responsibilities and emergency contacts, and a few planted problems), then runs
`diagnose_many` over 10, 100 and all N of them. The query count must be the same for every
size: the doctor reads with set-based queries, never per organisation or account.

Run (PostgreSQL is what the issue asks for; SQLite works too):

    DATABASE_URL=postgres://… SECRET_KEY=x .venv/bin/python bench/doctor.py [--orgs 1000]

With DATABASE_URL it creates and then deletes organisations `bench-doctor-*` and the user
`bench-doctor-owner`: use a scratch database.
"""

import argparse
import datetime
import random
import time

from orgs import clean_up, setup_django
from report import print_table

PREFIX = "bench-doctor-"


def build(n: int, rng: random.Random, start: int = 0) -> list:
    """`n` organisations, numbered from `start` (so a caller may add more later)."""
    from django.contrib.auth import get_user_model

    from siyasa.workspace.services import create_organization

    owner, _ = get_user_model().objects.get_or_create(username="bench-doctor-owner")
    orgs = [
        create_organization(owner=owner, name_ar=f"جمعية {i}", slug=f"{PREFIX}{i}")
        for i in range(start, start + n)
    ]
    fill(orgs, rng)
    return orgs


def fill(orgs: list, rng: random.Random) -> None:
    """People, accounts, grants, custody, devices, responsibilities and emergency contacts for
    each of `orgs`, in bulk, with a few planted problems."""
    from siyasa.crisis.models import EmergencyContact
    from siyasa.orgs.models import Person
    from siyasa.registry.models import (
        AccessGrant,
        Area,
        Custody,
        Device,
        ResponsibilityAssignment,
        SocialAccount,
    )

    people = Person.objects.bulk_create(
        Person(organization=org, name=f"شخص {j}", email=f"p{j}@example.org", phone="+966500000001",
               status="departed" if j == 7 and rng.random() < 0.1 else "active")
        for org in orgs for j in range(8)
    )  # fmt: skip
    by_org: dict[int, list] = {org.pk: [] for org in orgs}
    for person in people:  # grouped in one pass: 10,000 organisations are 80,000 people
        by_org[person.organization_id].append(person)
    accounts = SocialAccount.objects.bulk_create(
        SocialAccount(organization=org, platform=platform, handle=f"@acc{org.pk}",
                      owner=None if rng.random() < 0.05 else by_org[org.pk][0])
        for org in orgs for platform in ("x", "instagram", "tiktok", "youtube")
    )  # fmt: skip
    today = datetime.date.today()
    AccessGrant.objects.bulk_create(
        AccessGrant(organization_id=a.organization_id, account=a, person=by_org[a.organization_id][1 + k],
                    can_publish=k == 0, can_reply=k == 1)
        for a in accounts for k in range(2)
    )  # fmt: skip
    Custody.objects.bulk_create(
        Custody(organization_id=a.organization_id, account=a, custodian=by_org[a.organization_id][3],
                backup_custodian=by_org[a.organization_id][4], two_factor_method="app",
                two_factor_holder=by_org[a.organization_id][3],
                last_rotated_on=today - datetime.timedelta(days=rng.randint(1, 120)))
        for a in accounts
    )  # fmt: skip
    devices = Device.objects.bulk_create(
        Device(organization=org, name=f"جهاز {k}", org_owned=k == 0 or rng.random() > 0.1,
               assignee=by_org[org.pk][5], updater=by_org[org.pk][6])
        for org in orgs for k in range(2)
    )  # fmt: skip
    first_account = {a.organization_id: a for a in accounts}
    Device.accounts.through.objects.bulk_create(
        Device.accounts.through(device=d, socialaccount=first_account[d.organization_id])
        for d in devices
    )
    ResponsibilityAssignment.objects.bulk_create(
        ResponsibilityAssignment(organization=org, area=area, person=by_org[org.pk][rng.randint(0, 7)])
        for org in orgs for area in Area.values if rng.random() > 0.05
    )  # fmt: skip
    EmergencyContact.objects.bulk_create(
        EmergencyContact(organization=org, role=role, person=by_org[org.pk][2],
                         verified_on=today - datetime.timedelta(days=rng.randint(1, 120)))
        for org in orgs for role in ("social_team", "legal", "public_relations", "board_delegate")
    )  # fmt: skip


def measure(orgs: list) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from siyasa.doctor.engine import diagnose_many

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        reports = diagnose_many(orgs)
        elapsed = time.perf_counter() - start
    return elapsed, len(queries), sum(len(r.findings) for r in reports.values())


def delete(orgs: list) -> None:
    from django.contrib.auth import get_user_model

    from siyasa.orgs.models import Organization

    Organization.objects.filter(slug__startswith=PREFIX).delete()
    get_user_model().objects.filter(username="bench-doctor-owner").delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=1000, help="organisations to generate")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    data_dir = setup_django()
    try:
        from django.db import connection

        start = time.perf_counter()
        orgs = build(args.orgs, random.Random(args.seed))
        print(f"Generated {len(orgs)} organisations in {time.perf_counter() - start:.1f} s "
              f"on {connection.vendor}")  # fmt: skip
        rows = []
        for size in sorted({10, 100, len(orgs)}):
            if size > len(orgs):
                continue
            elapsed, queries, findings = measure(orgs[:size])
            rows.append(
                (
                    str(size),
                    f"{elapsed:.2f}",
                    f"{1000 * elapsed / size:.1f}",
                    str(queries),
                    str(findings),
                )
            )
        print_table(("organisations", "total s", "ms per org", "queries", "findings"), rows)
        print(
            "queries do not grow with the number of organisations:",
            "yes" if len({r[3] for r in rows}) == 1 else "no",
        )
        delete(orgs)
    finally:
        if data_dir is not None:  # on PostgreSQL only our own rows were removed, above
            clean_up(data_dir)


if __name__ == "__main__":
    main()
