"""The organisation menu: grouped so it fits, one button on a phone, the current page marked,
each member shown the entries their role opens; from an organisation made through the product."""

import re

import pytest
from django.test import Client

from siyasa.core.tests.factories import MembershipFactory, UserFactory
from siyasa.orgs.models import Role
from siyasa.workspace.services import create_organization


@pytest.fixture
def amal(db, settings):
    settings.SIYASA_ENFORCE_TWO_FACTOR = False
    founder = UserFactory(username="reem")
    org = create_organization(owner=founder, name_ar="جمعية أمل", slug="amal", owner_name="ريم")
    staff = UserFactory(username="noura")
    MembershipFactory(user=staff, organization=org, role=Role.STAFF)
    return org, founder, staff


def menu_of(user, path: str) -> str:
    client = Client()
    client.force_login(user)
    html = client.get(path).content.decode()
    return html[html.index('<nav class="orgnav"') : html.index("</nav>", html.index("orgnav"))]


def test_the_owners_menu_is_six_entries_grouped_with_the_page_marked(amal):
    org, founder, _ = amal
    menu = menu_of(founder, "/en/o/amal/members/")
    bar = menu[: menu.index('class="orgnav-phone"')]
    tops = re.findall(r'class="orgnav-top[^"]*"[^>]*>([^<]+)<', bar)
    assert tops == [
        "Workspace",
        "Policy",
        "Team &amp; accounts",
        "Security",
        "Crisis room",
        "Settings",
    ]
    # The page is marked in both renderings, and its group's button says it holds the page.
    assert menu.count('href="/en/o/amal/members/" aria-current="page"') == 2
    assert 'class="orgnav-top is-current">Team &amp; accounts' in bar
    assert "<details" in bar and "<summary" in bar  # disclosure menus: no script needed


def test_a_staff_member_sees_only_what_they_may_open(amal):
    _, _, staff = amal
    menu = menu_of(staff, "/ar/o/amal/policy/")
    for hidden in ("/members/", "/settings/", "/history/", "/security/", "/policy/texts/"):
        assert hidden not in menu
    # Settings had only managers' entries, so the group is gone; Security too.
    assert "الإعدادات" not in menu
    assert menu.count('href="/ar/o/amal/policy/" aria-current="page"') == 2
    assert "القائمة" in menu  # the phone's one button


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_menu_fits_and_opens_from_the_keyboard(browser_session, lang):
    founder = UserFactory(username="reem")
    create_organization(owner=founder, name_ar="جمعية أمل", slug="amal", owner_name="ريم")
    page = browser_session("reem", lang=lang)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{browser_session.base}/{lang}/o/amal/people/")
    bar = page.locator(".orgnav-bar")
    # One row at 1,280 px: every entry of the bar sits on the first line.
    tops = bar.locator(":scope > li").evaluate_all("items => items.map(i => i.offsetTop)")
    assert len(tops) == 6 and len(set(tops)) == 1
    members = page.locator(".orgnav-bar a[href$='/members/']")
    assert not members.is_visible()
    group = page.locator(".orgnav-bar summary.is-current")
    group.focus()
    page.keyboard.press("Enter")
    assert members.is_visible()
    page.keyboard.press("Escape")
    assert not members.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"

    # A phone: one button, which opens the whole menu.
    page.set_viewport_size({"width": 390, "height": 800})
    assert not bar.is_visible()
    button = page.locator(".orgnav-phone > summary")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator(".orgnav-phone a[href$='/members/']").is_visible()
    assert page.locator(".orgnav-phone a[aria-current='page']").inner_text()
