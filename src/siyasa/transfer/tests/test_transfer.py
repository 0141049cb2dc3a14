"""Import and export of every registry: files people open in Excel, a preview that writes nothing,
an import that writes every row or none, recorded in the history, for those who may edit only."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from conftest import sign_in
from siyasa.consent.models import Consent
from siyasa.core.tests.factories import (
    AccessGrantFactory,
    ConnectedAppFactory,
    CustodyFactory,
    DeviceFactory,
    EmergencyContactFactory,
    PersonFactory,
    ResponsibilityFactory,
    SocialAccountFactory,
    UserFactory,
)
from siyasa.crisis.models import EmergencyContact
from siyasa.orgs.models import Membership, Person
from siyasa.registry.models import AccessGrant, Custody, Device, SocialAccount
from siyasa.transfer import files, services
from siyasa.transfer.resources import RESOURCES
from siyasa.workspace.services import create_organization

REGISTRIES = list(RESOURCES)
# Who may export and import each registry: the same people as may edit it.
EDITORS_MAY = {"people", "accounts"}


def export_url(org, registry, fmt="csv", lang="ar"):
    path = reverse("transfer_export", kwargs={"slug": org.slug, "registry": registry, "fmt": fmt})
    return f"/{lang}{path[3:]}"


def import_url(org, registry, lang="ar"):
    return (
        f"/{lang}" + reverse("transfer_import", kwargs={"slug": org.slug, "registry": registry})[3:]
    )


def confirm_url(org, registry):
    return reverse("transfer_import_confirm", kwargs={"slug": org.slug, "registry": registry})


def upload(client, org, registry, content, name="file.csv", lang="ar"):
    if isinstance(content, str):
        content = content.encode()
    return client.post(import_url(org, registry, lang), {"file": SimpleUploadedFile(name, content)})


def confirm(client, org, registry, preview_response):
    digest = preview_response.context["preview"].table.digest
    return client.post(confirm_url(org, registry), {"digest": digest})


def statuses(response):
    return [row.status for row in response.context["preview"].rows]


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def headers(registry, lang):
    with translation.override(lang):
        resource = RESOURCES[registry](None)
        return [str(field.column_name) for _name, field in resource.columns()]


def fill_every_registry(org):
    """A small organisation with something in each registry, including a person without e-mail,
    a device that reaches two accounts and a contact with a backup."""
    lawyer = PersonFactory(organization=org, name="المحامي", name_en="", email="", kind="contact")
    account = SocialAccountFactory(organization=org, platform="x", handle="@alpha_org")
    other = SocialAccountFactory(organization=org, platform="instagram", handle="alpha.org")
    AccessGrantFactory(organization=org, account=account, can_analyse=True)
    CustodyFactory(organization=org, account=account, backup_custodian=lawyer, rotation_days=60)
    device = DeviceFactory(organization=org, assignee=lawyer, org_owned=False)
    device.accounts.set([account, other])
    responsibility = ResponsibilityFactory(organization=org, area="security", note="=1+1")
    responsibility.accounts.set([other])
    EmergencyContactFactory(organization=org, role="legal", person=lawyer, backup=account.owner)
    consent = Consent.objects.create(
        organization=org,
        name="ريان (ملف 2026-14)",
        is_minor=True,
        given_by="guardian",
        guardian_name="والدته",
        consents_photo=True,
        all_accounts=False,
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2027, 1, 1),
    )
    consent.accounts.set([other])
    ConnectedAppFactory(organization=org, account=other, approved_by=lawyer, owner=lawyer)


@pytest.fixture
def owner(cast):
    return cast.client("owner")


# --- export → import ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", files.FORMATS)
@pytest.mark.parametrize("registry", REGISTRIES)
def test_exporting_then_importing_the_same_file_reports_every_row_unchanged(
    cast, owner, registry, fmt
):
    fill_every_registry(cast.org)
    exported = owner.get(export_url(cast.org, registry, fmt))
    assert exported.status_code == 200

    preview = upload(owner, cast.org, registry, exported.content, name=f"{registry}.{fmt}")

    assert preview.status_code == 200, preview.context["preview"].rows
    rows = statuses(preview)
    model = RESOURCES[registry]._meta.model
    assert len(rows) == model.objects.for_org(cast.org).count() > 0
    assert set(rows) == {services.Status.UNCHANGED}
    assert "transfer_import_confirm" not in preview.content.decode()  # nothing to confirm


def test_the_csv_starts_with_a_bom_is_utf8_and_has_arabic_headers_on_arabic_pages(cast, owner):
    PersonFactory(organization=cast.org, name="نورة القحطاني", email="noura@example.org")

    arabic = owner.get(export_url(cast.org, "people", "csv", "ar"))
    english = owner.get(export_url(cast.org, "people", "csv", "en"))

    assert arabic["Content-Type"] == "text/csv; charset=utf-8"
    assert arabic["Content-Disposition"].startswith('attachment; filename="people-alpha-')
    assert "no-store" in arabic["Cache-Control"]
    assert arabic.content.startswith(b"\xef\xbb\xbf")
    rows = csv_rows(arabic.content)
    assert rows[0] == headers("people", "ar")
    assert "الاسم" in rows[0] and "البريد الإلكتروني" in rows[0]
    assert [rows[-1][0], rows[-1][5]] == ["نورة القحطاني", "noura@example.org"]
    assert csv_rows(english.content)[0][:2] == ["Name", "Name in Latin letters"]


def test_the_xlsx_export_is_a_workbook_with_the_same_rows(cast, owner):
    fill_every_registry(cast.org)
    response = owner.get(export_url(cast.org, "devices", "xlsx", "en"))

    assert response["Content-Type"] == files.CONTENT_TYPES["xlsx"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == headers("devices", "en")
    assert values[1][0].startswith("Media phone")
    assert values[1][2] == "No"
    assert values[1][4] == "instagram alpha.org; x @alpha_org"


def test_cells_that_look_like_formulas_are_kept_as_text_and_read_back_unchanged(cast, owner):
    fill_every_registry(cast.org)
    exported = owner.get(export_url(cast.org, "responsibilities"))

    assert "'=1+1" in exported.content.decode()
    preview = upload(owner, cast.org, "responsibilities", exported.content)
    assert set(statuses(preview)) == {services.Status.UNCHANGED}


def test_each_registry_has_a_template_with_headers_and_an_example_row(cast, owner):
    for registry in REGISTRIES:
        for lang in ("ar", "en"):
            url = reverse(
                "transfer_template",
                kwargs={"slug": cast.org.slug, "registry": registry, "fmt": "csv"},
            )
            response = owner.get(f"/{lang}{url[3:]}")
            assert response.status_code == 200
            header, example = csv_rows(response.content)
            assert header == headers(registry, lang)
            assert len(example) == len(header) and any(example)


def test_the_headers_of_each_registry_are_distinct_in_each_language():
    for registry in REGISTRIES:
        for lang in ("ar", "en"):
            names = [name.casefold() for name in headers(registry, lang)]
            assert len(set(names)) == len(names), (registry, lang)


# --- import: a preview that writes nothing, then all or nothing ---------------------------------

PEOPLE_AR = (
    "الاسم,البريد الإلكتروني,الهاتف,النوع\n"
    "سارة العتيبي,sara@example.org,٠٥٠١٢٣٤٥٦٧,staff\n"
    "فهد الدوسري,fahd@example.org,00966 55 123 4567,volunteer\n"
)


def test_the_preview_changes_nothing(cast, owner):
    existing = PersonFactory(organization=cast.org, email="Sara@Example.org", job_title="قديم")
    people, history = Person.objects.count(), Person.history.count()

    response = upload(owner, cast.org, "people", PEOPLE_AR)

    assert response.status_code == 200
    assert statuses(response) == [services.Status.CHANGED, services.Status.NEW]
    assert Person.objects.count() == people and Person.history.count() == history
    existing.refresh_from_db()
    assert existing.phone == "+966500000001"  # the factory's, not the file's
    page = response.content.decode()
    assert "نورة" not in page and "فهد الدوسري" in page
    assert "+966 50 000 0001" in page  # what the phone was, shown next to what it becomes


def test_an_import_into_a_new_organisation_is_recorded_in_the_history_as_the_importer(db, client):
    founder = UserFactory(username="founder")
    org = create_organization(owner=founder, name_ar="جمعية نور", slug="nour")
    sign_in(client, founder)

    preview = upload(client, org, "people", PEOPLE_AR, name="الفريق.csv")
    done = confirm(client, org, "people", preview)

    assert done.status_code == 302 and done.url == reverse("person_list", kwargs={"slug": "nour"})
    sara, fahd = Person.objects.for_org(org).exclude(user=founder).order_by("email").reverse()
    assert (sara.name, sara.phone, sara.kind) == ("سارة العتيبي", "+966501234567", "staff")
    assert (fahd.phone, fahd.kind) == ("+966551234567", "volunteer")
    record = sara.history.get()
    assert record.history_user == founder
    assert record.history_change_reason == "import الفريق.csv"
    history = client.get(reverse("audit_history", kwargs={"slug": "nour"}) + "?model=orgs.person")
    assert "سارة العتيبي" in history.content.decode()

    accounts = "platform,handle,owner\nx,@nour_org,SARA@example.org\n"
    done = confirm(client, org, "accounts", upload(client, org, "accounts", accounts))
    assert done.status_code == 302
    account = SocialAccount.objects.for_org(org).get()
    assert account.owner == sara and account.history.get().history_user == founder


def test_a_bad_row_refuses_the_whole_import_and_says_why_in_the_users_language(cast, owner):
    text = PEOPLE_AR + "ريم,reem@example.org,12345,staff\n"

    arabic = upload(owner, cast.org, "people", text)
    english = upload(owner, cast.org, "people", text, lang="en")

    assert arabic.status_code == 400
    assert statuses(arabic)[-1] == services.Status.ERROR
    assert "أدخل رقم هاتف صحيحًا" in arabic.content.decode()
    assert "Phone: Enter a valid phone number" in english.content.decode()
    assert 'name="digest"' not in arabic.content.decode()
    # The preview of a file with a bad row is never kept for confirmation.
    assert confirm(owner, cast.org, "people", arabic).status_code == 400
    assert not Person.objects.filter(email__in=["sara@example.org", "reem@example.org"]).exists()


def test_a_row_gone_bad_since_the_preview_refuses_the_confirmation_and_writes_nothing(cast, owner):
    account = SocialAccountFactory(organization=cast.org, platform="x", handle="@alpha")
    sara = PersonFactory(organization=cast.org, email="sara@example.org")
    PersonFactory(organization=cast.org, email="fahd@example.org")
    grants = (
        "platform,handle,person,can_publish\n"
        "x,@alpha,fahd@example.org,yes\n"
        "x,@alpha,sara@example.org,نعم\n"
    )
    preview = upload(owner, cast.org, "grants", grants)
    assert statuses(preview) == [services.Status.NEW, services.Status.NEW]
    sara.delete()

    response = confirm(owner, cast.org, "grants", preview)

    assert response.status_code == 400
    assert (
        "Nothing was written" in response.content.decode() or "لم يُكتب" in response.content.decode()
    )
    assert not AccessGrant.objects.filter(account=account).exists()


def test_a_write_that_fails_half_way_undoes_the_rows_before_it(cast, monkeypatch):
    from django.db import IntegrityError

    table = files.Table(
        "people.csv",
        ("name", "email"),
        ((2, ("سارة", "sara@example.org")), (3, ("فهد", "fahd@example.org"))),
    )
    real_save = services.save_with_relations
    calls = []

    def save_then_fail(form, row):
        calls.append(row)
        if len(calls) == 2:
            raise IntegrityError("simulated")
        real_save(form, row)

    monkeypatch.setattr(services, "save_with_relations", save_then_fail)
    with pytest.raises(IntegrityError):
        services.confirm_import(membership=cast.membership("owner"), registry="people", table=table)
    assert not Person.objects.filter(email="sara@example.org").exists()


def test_a_row_naming_another_organisations_person_or_account_is_an_error(cast, owner):
    PersonFactory(organization=cast.other_org, email="outsider@beta.org")
    SocialAccountFactory(organization=cast.other_org, platform="x", handle="@beta")
    mine = SocialAccountFactory(organization=cast.org, platform="x", handle="@alpha")
    grants = (
        "platform,handle,person,can_publish\n"
        f"x,{mine.handle},outsider@beta.org,yes\n"
        f"x,@beta,{mine.owner.email},yes\n"
    )

    response = upload(owner, cast.org, "grants", grants, lang="en")

    assert response.status_code == 400
    first, second = response.context["preview"].rows
    assert first.errors == ["Person: Nobody in this organisation's people is “outsider@beta.org”."]
    assert second.errors == ["This organisation has no account “x @beta”."]
    assert not AccessGrant.objects.exists()


def test_english_headers_on_an_arabic_page_and_labels_for_choices_are_accepted(cast, owner):
    PersonFactory(organization=cast.org, email="sara@example.org")
    devices = (
        "Name;Kind;Owned by the organisation;Keeps apps and system updated\n"
        "جوال الفريق;الهاتف;لا;SARA@example.org\n"
    )
    response = confirm(owner, cast.org, "devices", upload(owner, cast.org, "devices", devices))

    assert response.status_code == 302
    device = Device.objects.for_org(cast.org).get()
    assert (device.kind, device.org_owned, device.updater.email) == (
        "phone",
        False,
        "sara@example.org",
    )


def test_accounts_in_a_cell_link_a_device_and_a_change_is_one_history_record(cast, owner):
    x = SocialAccountFactory(organization=cast.org, platform="x", handle="@alpha")
    insta = SocialAccountFactory(organization=cast.org, platform="instagram", handle="alpha")
    device = DeviceFactory(organization=cast.org, name="جوال ١")
    records = device.history.count()

    text = "الاسم,الحسابات المسموح له بالوصول إليها\nجوال ١,X @alpha; Instagram alpha\n"
    response = confirm(owner, cast.org, "devices", upload(owner, cast.org, "devices", text))

    assert response.status_code == 302
    assert set(device.accounts.all()) == {x, insta}
    assert device.history.count() == records + 1


def test_the_same_record_twice_in_a_file_is_an_error(cast, owner):
    PersonFactory(organization=cast.org, name="فهد", email="fahd@example.org")
    text = (
        "name,email\n"
        "سارة,sara@example.org\n"
        "سارة ع,SARA@example.org\n"
        "فهد,\n"
        "فهد الدوسري,fahd@example.org\n"
    )
    response = upload(owner, cast.org, "people", text, lang="en")

    assert statuses(response) == [
        services.Status.NEW,
        services.Status.ERROR,
        services.Status.CHANGED,
        services.Status.ERROR,
    ]
    rows = response.context["preview"].rows
    assert rows[1].errors == ["Row 2 already describes this record."]
    assert rows[3].errors == ["Row 4 already describes this record."]


def test_custody_of_an_unregistered_account_and_a_secret_looking_cell_are_refused(cast, owner):
    SocialAccountFactory(organization=cast.org, platform="x", handle="@alpha")
    PersonFactory(organization=cast.org, email="sara@example.org")
    text = (
        "platform,handle,backup_custodian,custodian,rotation_days\n"
        "x,@alpha,sara@example.org,sara@example.org,٩٠\n"
        "tiktok,@nobody,,,\n"
    )
    response = upload(owner, cast.org, "custody", text, lang="en")

    first, second = response.context["preview"].rows
    assert first.errors == [
        "Backup custodian: The backup custodian must be someone other than the custodian."
    ]
    assert second.errors == ["This organisation has no account “tiktok @nobody”."]
    assert not Custody.objects.exists()


# --- files that cannot be imported -------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("name,favourite colour\nسارة,أزرق\n", "people.csv", "Unknown columns: favourite colour"),
        ("email\nsara@example.org\n", "people.csv", "The file needs the columns: Name"),
        ("name\n", "people.csv", "The file has no rows below its header."),
        ("name\nسارة\n", "people.xls", "Upload a .csv or .xlsx file."),
        ("not a workbook", "people.xlsx", "could not be read as an Excel workbook"),
        ("name\n" + "سارة\n" * (files.MAX_ROWS + 1), "people.csv", "more than 5000 rows"),
        ("name\n" + "س" * files.MAX_BYTES, "people.csv", "larger than 2 MB"),
    ],
)
def test_a_file_that_cannot_be_imported_is_a_400_that_says_why(cast, owner, content, name, message):
    response = upload(owner, cast.org, "people", content, name=name, lang="en")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Person.objects.filter(name="سارة").exists()


def test_a_windows_arabic_csv_is_read(cast, owner):
    content = "الاسم,البريد الإلكتروني\nسارة,sara@example.org\n".encode("cp1256")
    response = upload(owner, cast.org, "people", content)

    assert statuses(response) == [services.Status.NEW]


def test_a_confirmation_without_a_matching_preview_is_a_400(cast, owner):
    preview = upload(owner, cast.org, "people", PEOPLE_AR)
    assert owner.post(confirm_url(cast.org, "people"), {"digest": "0" * 64}).status_code == 400
    assert owner.post(confirm_url(cast.org, "accounts"), {"digest": "x"}).status_code == 400
    assert not Person.objects.filter(email="sara@example.org").exists()
    # The right preview is still waiting and goes through once.
    assert confirm(owner, cast.org, "people", preview).status_code == 302
    assert confirm(owner, cast.org, "people", preview).status_code == 400
    assert Person.objects.filter(email="sara@example.org").count() == 1


# --- who may -----------------------------------------------------------------------------------


@pytest.mark.parametrize("registry", REGISTRIES)
def test_only_those_who_may_edit_a_registry_export_or_import_it(cast, registry):
    template = reverse(
        "transfer_template", kwargs={"slug": cast.org.slug, "registry": registry, "fmt": "xlsx"}
    )
    urls = [export_url(cast.org, registry), export_url(cast.org, registry, "xlsx"), template]
    urls.append(import_url(cast.org, registry))
    expected = {
        "staff": 403,
        "editor": 200 if registry in EDITORS_MAY else 403,
        "policy_admin": 200,
        "outsider": 404,
    }
    for who, status in expected.items():
        client = cast.client(who)
        assert [client.get(url).status_code for url in urls] == [status] * 4, who
        refused = status if status != 200 else None
        if refused:
            assert upload(client, cast.org, registry, "x\n1\n").status_code == refused
            assert client.post(confirm_url(cast.org, registry)).status_code == refused


def test_the_links_show_on_the_registry_pages_for_those_who_may_use_them(cast):
    person_list = reverse("person_list", kwargs={"slug": cast.org.slug})
    device_list = reverse("device_list", kwargs={"slug": cast.org.slug})
    editor, staff = cast.client("editor"), cast.client("staff")

    assert export_url(cast.org, "people") in editor.get(person_list).content.decode()
    assert export_url(cast.org, "devices") not in editor.get(device_list).content.decode()
    assert "/export/" not in staff.get(person_list).content.decode()
    owner_page = cast.client("owner").get(reverse("account_list", kwargs={"slug": cast.org.slug}))
    for registry in ("accounts", "grants", "custody"):
        assert import_url(cast.org, registry) in owner_page.content.decode()
    crisis = cast.client("owner").get(reverse("crisis_plan", kwargs={"slug": cast.org.slug}))
    assert import_url(cast.org, "contacts") in crisis.content.decode()


def test_the_import_page_lists_each_column_and_what_it_holds(cast, owner):
    response = owner.get(import_url(cast.org, "contacts", "en"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Crisis role" in page and "public_relations (Public relations)" in page
    assert "A person&#x27;s e-mail, or their name if they have none." in page


def test_contacts_import_matches_people_by_name_when_they_have_no_email(cast, owner):
    lawyer = PersonFactory(organization=cast.org, name="المحامي", email="")
    members = Membership.objects.count()
    text = "role,person,verified_on\nlegal,المحامي,٢٠٢٥-٠١-١٥\n"
    response = confirm(owner, cast.org, "contacts", upload(owner, cast.org, "contacts", text))

    assert response.status_code == 302
    assert response.url.endswith("/crisis/#contacts")
    contact = EmergencyContact.objects.for_org(cast.org).get()
    assert (contact.person, contact.verified_on.isoformat()) == (lawyer, "2025-01-15")
    assert Membership.objects.count() == members  # nobody was given a sign-in
