"""A staff member reads the policy on a phone, in Arabic, and reaches the crisis card in one tap."""

import pytest

from siyasa.core.tests.factories import EmergencyContactFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_the_policy_to_the_crisis_card_on_a_phone(cast, browser_session):
    EmergencyContactFactory(
        organization=cast.org,
        role="legal",
        person__name="خالد الفيفي",
        person__phone="+966500000077",
    )
    page = browser_session("staff-a")
    page.goto(f"{browser_session.base}/ar/o/{cast.org.slug}/policy/")
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    assert page.locator("#roles h2").inner_text().endswith("أدوار الفريق")
    page.get_by_role("link", name="بطاقة الأزمات").first.click()
    page.wait_for_url("**/policy/crisis-card/")
    call = page.locator('a[href="tel:+966500000077"]')
    assert call.is_visible()
    # The switch to English keeps the reader on the same page.
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/o/**/policy/crisis-card/")
    assert page.get_attribute("html", "dir") == "ltr"
