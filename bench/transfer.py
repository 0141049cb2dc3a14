"""Import and export of the registries at the largest file allowed: seconds per step.

Starts an organisation through the product (`create_organization`), imports `--rows` people
(default 5,000, the limit), then as many devices, each naming two people and two accounts; for
each: the preview (every row judged by the registry's form, nothing written), the confirmation
(judged again and written in one transaction) and the export of the result as CSV and XLSX.

    SECRET_KEY=x .venv/bin/python bench/transfer.py [--rows 5000]

With DATABASE_URL it creates and then deletes the organisation `bench-transfer` and the user
`bench-transfer-owner`: use a scratch database.
"""

import argparse
import time

from orgs import clean_up, setup_django
from report import print_table

SLUG = "bench-transfer"


def tables(rows: int):
    from siyasa.transfer.files import Table

    people = Table(
        "people.csv",
        ("name", "email", "phone", "kind"),
        tuple(
            (i + 2, (f"شخص {i}", f"p{i}@example.org", f"050{i:07d}", "staff")) for i in range(rows)
        ),
    )
    devices = Table(
        "devices.csv",
        ("name", "kind", "org_owned", "assignee", "accounts", "updater"),
        tuple(
            (
                i + 2,
                (
                    f"جهاز {i}",
                    "phone",
                    "نعم",
                    f"p{i}@example.org",
                    f"x @acc{i % 10}; instagram @acc{(i + 1) % 10}",
                    f"p{(i + 1) % rows}@example.org",
                ),
            )
            for i in range(rows)
        ),
    )
    return people, devices


def timed(step) -> tuple[float, object]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    data_dir = setup_django()
    try:
        from django.contrib.auth import get_user_model
        from django.db import connection

        from siyasa.orgs.models import Membership, Organization
        from siyasa.orgs.services import create_organization
        from siyasa.registry.models import SocialAccount
        from siyasa.transfer import files, services
        from siyasa.transfer.resources import resource_for

        owner, _ = get_user_model().objects.get_or_create(username="bench-transfer-owner")
        Organization.objects.filter(slug=SLUG).delete()
        org = create_organization(owner=owner, name_ar="جمعية القياس", slug=SLUG)
        membership = Membership.objects.get(organization=org, user=owner)
        SocialAccount.objects.bulk_create(
            SocialAccount(organization=org, platform=platform, handle=f"@acc{i}")
            for platform in ("x", "instagram")
            for i in range(10)
        )
        print(f"{args.rows} rows per file, on {connection.vendor}")
        rows = []
        for registry, table in zip(("people", "devices"), tables(args.rows), strict=True):
            preview, result = timed(
                lambda r=registry, t=table: services.preview_import(
                    membership=membership, registry=r, table=t
                )
            )
            assert not result.has_errors, [row.errors for row in result.rows if row.errors][:3]
            confirm, _result = timed(
                lambda r=registry, t=table: services.confirm_import(
                    membership=membership, registry=r, table=t
                )
            )
            exports = [
                timed(lambda r=registry, f=fmt: files.write(resource_for(r, org).export(), f))[0]
                for fmt in files.FORMATS
            ]
            again, result = timed(
                lambda r=registry, t=table: services.preview_import(
                    membership=membership, registry=r, table=t
                )
            )
            assert result.count(services.Status.UNCHANGED) == args.rows
            rows.append((registry, *(f"{s:.1f}" for s in (preview, confirm, *exports, again))))
        print_table(
            ("registry", "preview s", "confirm s", "CSV s", "XLSX s", "preview again s"), rows
        )
        org.delete()
        owner.delete()
    finally:
        clean_up(data_dir)


if __name__ == "__main__":
    main()
