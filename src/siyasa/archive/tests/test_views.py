"""The owners' download of the organisation's file from its settings page."""

import json

from django.urls import reverse

from siyasa.archive.services import import_org


def test_an_owner_downloads_the_file_that_imports_elsewhere(cast):
    response = cast.client("owner").get(reverse("org_export", kwargs={"slug": cast.org.slug}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="alpha-')
    assert response["Cache-Control"] == "private, no-store"
    doc = json.loads(response.content)
    assert doc["organization"]["name_en"] == "Alpha Society"
    assert {m["role"] for m in doc["members"]} >= {"owner", "staff"}
    moved = import_org(doc, slug="alpha-moved").org
    assert moved.name_ar == cast.org.name_ar


def test_the_settings_page_offers_it_to_owners_only(cast):
    url = f"/en/o/{cast.org.slug}/settings/"
    export = reverse("org_export", kwargs={"slug": cast.org.slug})[3:]
    assert export in cast.client("owner").get(url).content.decode()
    assert export not in cast.client("policy_admin").get(url).content.decode()
    assert cast.client("policy_admin").get("/en" + export).status_code == 403


def test_asking_too_often_is_refused(cast, settings):
    settings.SIYASA_ORG_EXPORT_RATE = "2/h"
    client = cast.client("owner")
    url = reverse("org_export", kwargs={"slug": cast.org.slug})
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
