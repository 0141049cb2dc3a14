"""A help page per area: what it is for, who may change what (from the permissions), what it serves."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from siyasa.core.permissions import Role
from siyasa.core.tests.test_url_matrix import org_url_names
from siyasa.search.help import AREAS, HELP


def _help(area, lang="ar"):
    return f"/{lang}" + reverse("help", kwargs={"slug": "alpha", "area": area})[3:]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_area_has_a_help_page_in_both_languages(cast, lang):
    client = cast.client("staff")
    for area in AREAS:
        response = client.get(_help(area.key, lang))
        assert response.status_code == 200, area.key
        with translation.override(lang):
            assert escape(str(area.title)) in response.content.decode()
            assert escape(str(area.purpose)) in response.content.decode()


def test_who_may_change_is_read_from_the_permissions(cast):
    with translation.override("en"):
        page = cast.client("staff").get(_help("crisis", "en")).content.decode()
        page = page.split('id="help-who"', 1)[1].split('id="help-serves"', 1)[0]
        contacts = page.split("Emergency contacts", 1)[1].split("</dd>", 1)[0]
        assert str(Role.POLICY_ADMIN.label) in contacts and str(Role.OWNER.label) in contacts
        assert str(Role.EDITOR.label) not in contacts
        # Anyone may declare an incident, so a staff member gets the link; not to the plan's rows.
        assert reverse("incident_declare", kwargs={"slug": "alpha"}) in page
        assert f'href="{reverse("crisis_plan", kwargs={"slug": "alpha"})}"' not in page


def test_requirement_ids_on_help_for_editors_only(cast):
    assert "R3.1" not in cast.client("staff").get(_help("crisis")).content.decode()
    assert "R3.1" in cast.client("editor").get(_help("crisis")).content.decode()


def test_an_unknown_area_is_404_and_an_outsider_sees_none(cast):
    assert cast.client("staff").get(_help("nothing")).status_code == 404
    assert cast.client("outsider").get(_help("policy")).status_code == 404


def test_every_page_named_for_an_area_exists():
    names = org_url_names()
    assert {page for area in AREAS for page in area.pages} <= names


def test_each_areas_pages_link_to_their_help(cast):
    client = cast.client("owner")
    for area, url_name in [
        ("policy", "policy"),
        ("team", "account_list"),
        ("security", "device_list"),
        ("crisis", "crisis_plan"),
        ("health", "health"),
        ("settings", "org_settings"),
    ]:
        page = client.get(reverse(url_name, kwargs={"slug": "alpha"})).content.decode()
        assert f'href="{_help(area)}"' in page, url_name
    assert HELP["team"].pages & {"person_list", "account_list"}
