"""A Siyasa instance driven from outside, for the backup tests: `python -m
siyasa.archive.tests.instance build|facts` with SIYASA_DATA_DIR or DATABASE_URL set.

`build` migrates and makes the demo and an organisation started through the product (public,
with registry rows); `facts` prints, as JSON, what a restore must keep: the rows of every table,
each organisation's public policy page and its doctor findings.
"""

import json
import os
import re
import sys


def build() -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from siyasa.core.tests.factories import (
        AccessGrantFactory,
        CustodyFactory,
        DeviceFactory,
        PersonFactory,
    )
    from siyasa.demo.builder import build_demo
    from siyasa.orgs.models import Organization
    from siyasa.workspace.services import create_organization

    call_command("migrate", verbosity=0)
    build_demo()
    owner = get_user_model().objects.create_user("hala", "hala@example.org", "x")
    org = create_organization(
        owner=owner, name_ar="جمعية النور", slug="alnoor",
        policy_visibility=Organization.Visibility.PUBLIC,
    )  # fmt: skip
    grant = AccessGrantFactory(organization=org, can_publish=True)
    CustodyFactory(organization=org, account=grant.account, custodian=grant.person)
    DeviceFactory(organization=org, assignee=grant.person).accounts.add(grant.account)
    PersonFactory(organization=org, name="راحل").delete()


def facts() -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    from siyasa.doctor import engine
    from siyasa.orgs.models import Organization

    settings.ALLOWED_HOSTS.append("testserver")
    # The cache table holds what reading the pages below keeps (the rendered policy page): it is
    # made again on demand, not data a restore must keep.
    cache_table = settings.CACHES["default"].get("LOCATION")
    with connection.cursor() as cursor:
        rows = {}
        for table in sorted(set(connection.introspection.table_names()) - {cache_table}):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = cursor.fetchone()[0]
    pages, findings = {}, {}
    for slug in Organization.objects.order_by("slug").values_list("slug", flat=True):
        response = Client().get(f"/ar/o/{slug}/policy/")
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
        pages[slug] = {"status": response.status_code, "html": html}
        with translation.override("ar"):
            findings[slug] = engine.diagnose(Organization.objects.get(slug=slug)).as_dict()
    return {"rows": rows, "pages": pages, "findings": findings}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
    import django

    django.setup()
    if sys.argv[1] == "build":
        build()
    else:
        json.dump(facts(), sys.stdout, ensure_ascii=False)
