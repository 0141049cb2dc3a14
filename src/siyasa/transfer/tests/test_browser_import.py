"""A founder starts an organisation through the product and fills it from spreadsheets, in Arabic:
people, then their accounts, then who may publish — each previewed, then confirmed."""

import pytest

from siyasa.core.tests.factories import UserFactory
from siyasa.orgs.models import Organization
from siyasa.registry.models import AccessGrant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PEOPLE = (
    "الاسم,الاسم بالحروف اللاتينية,البريد الإلكتروني,الهاتف,المسمى الوظيفي\n"
    "سارة العتيبي,Sara Alotaibi,sara@nour.org,٠٥٠١٢٣٤٥٦٧,مديرة الإعلام الرقمي\n"
    "فهد الدوسري,Fahd Aldosari,fahd@nour.org,+966 55 123 4567,منسق المحتوى\n"
)
ACCOUNTS = (
    "المنصة,المعرّف,المسؤول عن الحساب\nx,@nour_org,sara@nour.org\ninstagram,nour.org,Sara@Nour.org\n"
)
GRANTS = "المنصة,المعرّف,الشخص,النشر,الرد والرسائل الخاصة\nx,@nour_org,fahd@nour.org,نعم,نعم\n"


def import_file(page, registry: str, path, rows: int, confirm: str) -> None:
    page.locator(f'a[href$="/import/{registry}/"]').click()
    page.set_input_files("input[type=file]", str(path))
    page.get_by_role("button", name="معاينة الاستيراد").click()
    assert page.locator("tbody .badge.ok").count() == rows  # every row is new
    page.get_by_role("button", name=confirm).click()
    assert "تم الاستيراد" in page.locator(".messages").inner_text()


def test_a_new_organisation_is_filled_from_csv_files(browser_session, tmp_path):
    UserFactory(username="founder", email="founder@nour.org")  # an account with a verified address
    page = browser_session("founder")
    base = browser_session.base

    page.goto(f"{base}/ar/new/")
    page.fill("#id_name_ar", "جمعية نور")
    page.fill("#id_slug", "nour")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/ar/o/nour/")

    files = {}
    for name, text in (("people", PEOPLE), ("accounts", ACCOUNTS), ("grants", GRANTS)):
        files[name] = tmp_path / f"{name}.csv"
        files[name].write_text(text, encoding="utf-8")

    page.goto(f"{base}/ar/o/nour/people/")
    import_file(page, "people", files["people"], rows=2, confirm="استيراد صفّين")
    assert page.locator("table").first.inner_text().count("+966") == 2

    page.goto(f"{base}/ar/o/nour/accounts/")
    import_file(page, "accounts", files["accounts"], rows=2, confirm="استيراد صفّين")
    import_file(page, "grants", files["grants"], rows=1, confirm="استيراد صف واحد")

    page.locator("a", has_text="@nour_org").click()
    assert "فهد الدوسري" in page.locator("table").first.inner_text()
    grant = AccessGrant.objects.get(organization=Organization.objects.get(slug="nour"))
    assert grant.can_publish and grant.person.email == "fahd@nour.org"
