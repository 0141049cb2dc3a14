"""The audit trail (R2.6): every change is recorded with who, when, before and after; the history
pages show one organisation's records only, to owners and policy admins, and change nothing."""

import csv
import datetime
import io

import pytest
import time_machine
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from siyasa.audit import selectors
from siyasa.audit.selectors import MODELS, Filters
from siyasa.core.tests.factories import (
    AccessGrantFactory,
    CustodyFactory,
    DeviceFactory,
    PersonFactory,
    SocialAccountFactory,
)
from siyasa.orgs.models import Membership
from siyasa.policy.models import PolicyText
from siyasa.registry.models import Custody, Device

UTC = datetime.UTC


def latest(org, **filters) -> selectors.Entry:
    keys = selectors.history_keys(org, Filters(**filters))[:1]
    return selectors.entries(org, keys)[0]


def verbose(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def history_url(org, **query) -> str:
    url = reverse("audit_history", kwargs={"slug": org.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def custody_form(custody, **changes) -> dict:
    data = {
        "custodian": custody.custodian_id or "",
        "backup_custodian": custody.backup_custodian_id or "",
        "vault_label": custody.vault_label,
        "rotation_days": custody.rotation_days or "",
        "last_rotated_on": custody.last_rotated_on.isoformat() if custody.last_rotated_on else "",
        "two_factor_method": custody.two_factor_method,
        "two_factor_holder": custody.two_factor_holder_id or "",
        "recovery_owner": custody.recovery_owner_id or "",
    }
    return {**data, **changes}


def change_custody_through_the_view(cast, custody, who="policy_admin", **changes):
    url = reverse("custody_edit", kwargs={"slug": cast.org.slug, "account_pk": custody.account_id})
    response = cast.client(who).post(url, custody_form(custody, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_custody_change_through_the_view_is_recorded_with_who_before_and_after(cast):
    custody = CustodyFactory(organization=cast.org, vault_label="Old vault")
    successor = PersonFactory(organization=cast.org, name="خلف", name_en="Successor")
    previous_custodian = custody.custodian.display_name
    change_custody_through_the_view(cast, custody, vault_label="New vault", custodian=successor.pk)

    entry = latest(cast.org, model="registry.custody")
    assert entry.who == cast.name("policy_admin")
    assert entry.action == "~"
    assert entry.object_label == str(custody.account)
    changes = {c.field: (c.before, c.after) for c in entry.changes}
    assert changes == {
        verbose(Custody, "vault_label"): ("Old vault", "New vault"),
        verbose(Custody, "custodian"): (previous_custodian, successor.display_name),
    }


def test_deleting_an_access_grant_is_recorded_with_what_it_was(cast):
    grant = AccessGrantFactory(organization=cast.org, can_publish=True, can_reply=False)
    url = reverse(
        "grant_delete",
        kwargs={"slug": cast.org.slug, "account_pk": grant.account_id, "pk": grant.pk},
    )
    assert cast.client("owner").post(url).status_code == 302

    entry = latest(cast.org, model="registry.accessgrant")
    assert (entry.action, entry.who, entry.object_id) == ("-", cast.name("owner"), grant.pk)
    changes = {c.field: (c.before, c.after) for c in entry.changes}
    assert changes[verbose(grant, "can_publish")] == (translation.gettext("Yes"), "")
    assert changes[verbose(grant, "person")] == (grant.person.display_name, "")


def test_a_role_change_is_recorded(cast):
    target = cast.membership("staff")
    url = reverse("member_change", kwargs={"slug": cast.org.slug, "pk": target.pk})
    cast.client("owner").post(url, {"role": "editor"})

    entry = latest(cast.org, model="orgs.membership")
    assert (entry.action, entry.who, entry.object_label) == (
        "~",
        cast.name("owner"),
        cast.name("staff"),
    )
    assert [(c.field, c.before, c.after) for c in entry.changes] == [
        (verbose(Membership, "role"), "موظف", "محرّر")
    ]
    with translation.override("en"):
        entry = latest(cast.org, model="orgs.membership")
        assert [(c.field, c.before, c.after) for c in entry.changes] == [
            ("role", "Staff member", "Editor")
        ]


def test_a_policy_text_edit_is_recorded(cast):
    url = reverse("policy_text_edit", kwargs={"slug": cast.org.slug, "key": "law.privacy"})
    before = PolicyText.objects.get(organization=cast.org, key="law.privacy").body_en
    response = cast.client("editor").post(url, {"body_ar": "نص جديد", "body_en": "New privacy"})
    assert response.status_code == 302

    entry = latest(cast.org, model="policy.policytext")
    assert (entry.action, entry.who) == ("~", cast.name("editor"))
    changes = {c.field: (c.before, c.after) for c in entry.changes}
    assert changes[verbose(PolicyText, "body_en")] == (before, "New privacy")
    assert changes[verbose(PolicyText, "body_ar")][1] == "نص جديد"


def test_the_page_shows_the_change_in_arabic_and_in_english(cast):
    custody = CustodyFactory(organization=cast.org, vault_label="Old vault")
    change_custody_through_the_view(cast, custody, vault_label="New vault")
    client = cast.client("owner")

    arabic = client.get(history_url(cast.org)).content.decode()
    assert 'lang="ar" dir="rtl"' in arabic
    assert "مكان حفظ بيانات الدخول" in arabic  # the field, in Arabic
    assert "Old vault" in arabic and "New vault" in arabic and cast.name("policy_admin") in arabic

    english = client.get("/en" + history_url(cast.org)[3:]).content.decode()
    assert 'lang="en" dir="ltr"' in english
    assert "where the credential is kept" in english
    assert "Old vault" in english and "New vault" in english


def test_filters_by_model_user_date_and_object(cast):
    with time_machine.travel(datetime.datetime(2020, 3, 1, 9, tzinfo=UTC), tick=False):
        first = CustodyFactory(organization=cast.org)
        change_custody_through_the_view(cast, first, vault_label="March", who="owner")
    with time_machine.travel(datetime.datetime(2020, 4, 1, 9, tzinfo=UTC), tick=False):
        second = CustodyFactory(organization=cast.org)
        change_custody_through_the_view(cast, second, vault_label="April")
    owner = cast.users["owner"]

    def found(**query):
        response = cast.client("owner").get(history_url(cast.org, **query))
        assert response.status_code == 200
        return [(e.model, e.object_id, e.who) for e in response.context["rows"]]

    assert {model for model, _, _ in found(model="registry.custody")} == {"registry.custody"}
    assert found(user=owner.pk) == [("registry.custody", first.pk, cast.name("owner"))]
    april = found(**{"from": "2020-04-01", "to": "2020-04-30"})
    assert ("registry.custody", second.pk, cast.name("policy_admin")) in april
    assert ("registry.custody", first.pk, cast.name("owner")) not in april
    assert found(model="registry.custody", **{"from": "2020-03-01", "to": "2020-03-01"}) == [
        ("registry.custody", first.pk, cast.name("owner")),
        ("registry.custody", first.pk, ""),  # created by the factory, outside any request
    ]
    assert found(model="registry.custody", object=second.pk) == [
        ("registry.custody", second.pk, cast.name("policy_admin")),
        ("registry.custody", second.pk, ""),
    ]


@pytest.mark.parametrize(
    "query",
    [
        "model=nope",
        "user=abc",
        "user=999999",
        "from=yesterday",
        "from=2026-05-02&to=2026-05-01",
        "object=12",
        "model=registry.custody&object=-1",
        "model=registry.custody&object=99999999999999999999",
        "from=0001-01-01",
        "to=9999-12-31",
    ],
)
def test_invalid_filters_answer_400_with_the_reason(cast, query):
    client = cast.client("owner")
    response = client.get(f"{history_url(cast.org)}?{query}")
    assert response.status_code == 400
    assert response.context["form"].errors
    csv_url = reverse("audit_history_csv", kwargs={"slug": cast.org.slug})
    assert client.get(f"{csv_url}?{query}").status_code == 400


def test_the_csv_has_a_bom_a_header_and_each_changed_field(cast):
    custody = CustodyFactory(organization=cast.org, vault_label="=Old vault")
    change_custody_through_the_view(cast, custody, vault_label="New vault")
    url = reverse("audit_history_csv", kwargs={"slug": cast.org.slug})
    response = cast.client("owner").get("/en" + url[3:] + "?model=registry.custody")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0] == [
        "When",
        "Who",
        "Action",
        "Kind of record",
        "Record",
        "Field",
        "Before",
        "After",
    ]
    change = [r for r in rows[1:] if r[2] == "Changed"]
    assert change == [
        [
            change[0][0],
            cast.person("policy_admin").name_en,
            "Changed",
            "credential custody",
            str(custody.account),
            "where the credential is kept",
            "'=Old vault",  # a formula-like value stays text in a spreadsheet
            "New vault",
        ]
    ]
    datetime.datetime.fromisoformat(change[0][0])  # ISO 8601


def test_the_csv_headers_are_in_arabic_on_arabic_pages(cast):
    url = reverse("audit_history_csv", kwargs={"slug": cast.org.slug})
    body = cast.client("owner").get(url).content.decode("utf-8")
    header = next(csv.reader(io.StringIO(body[1:])))
    with translation.override("ar"):
        assert header[0] == translation.gettext("When")
        assert header[3] == translation.gettext("Kind of record")


def test_another_organisations_history_never_shows(cast):
    theirs = CustodyFactory(organization=cast.other_org, vault_label="BETA-SECRET")
    theirs.vault_label = "BETA-SECRET-2"
    theirs.save()
    CustodyFactory(organization=cast.org, vault_label="alpha vault")

    client = cast.client("owner")
    page = client.get(history_url(cast.org)).content.decode()
    assert "alpha vault" in page and "BETA" not in page
    csv_url = reverse("audit_history_csv", kwargs={"slug": cast.org.slug})
    assert "BETA" not in client.get(csv_url).content.decode()
    # Their object's id under my organisation's address: nothing.
    response = client.get(history_url(cast.org, model="registry.custody", object=theirs.pk))
    assert response.status_code == 200 and response.context["rows"] == []
    # And the owner of the other organisation cannot read mine.
    assert cast.client("outsider").get(history_url(cast.org)).status_code == 404
    assert cast.client("outsider").get(csv_url).status_code == 404


@pytest.mark.parametrize("who", ["staff", "editor"])
def test_staff_and_editors_may_not_read_the_history(cast, who):
    client = cast.client(who)
    assert client.get(history_url(cast.org)).status_code == 403
    csv_url = reverse("audit_history_csv", kwargs={"slug": cast.org.slug})
    assert client.get(csv_url).status_code == 403


def _history_counts():
    return {key: model.history.count() for key, model in MODELS.items()}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_history_cannot_be_changed_through_its_pages(cast, method):
    custody = CustodyFactory(organization=cast.org)
    change_custody_through_the_view(cast, custody, vault_label="Changed")
    before = _history_counts()
    latest_before = latest(cast.org, model="registry.custody")
    client = cast.client("owner")
    for url in (
        history_url(cast.org),
        reverse("audit_history_csv", kwargs={"slug": cast.org.slug}),
    ):
        response = getattr(client, method)(url, {"history_id": 1, "vault_label": "x"})
        assert response.status_code == 405, url
    assert _history_counts() == before
    assert latest(cast.org, model="registry.custody") == latest_before


def test_no_historical_model_is_editable_in_the_admin():
    for model in MODELS.values():
        history_model = model.history.model
        model_admin = admin.site._registry.get(history_model)
        if model_admin is not None:
            assert not model_admin.has_change_permission(None)
            assert not model_admin.has_delete_permission(None)


def test_deleting_a_person_records_the_references_it_clears(cast):
    person = PersonFactory(organization=cast.org)
    custody = CustodyFactory(organization=cast.org, custodian=person)
    url = reverse("person_delete", kwargs={"slug": cast.org.slug, "pk": person.pk})
    assert cast.client("owner").post(url).status_code == 302

    entry = latest(cast.org, model="registry.custody", object_id=custody.pk)
    assert entry.action == "~" and entry.who == cast.name("owner")
    changes = {c.field: (c.before, c.after) for c in entry.changes}
    deleted = translation.gettext("%(name)s (deleted)") % {"name": person.display_name}
    assert changes == {verbose(Custody, "custodian"): (deleted, "")}


def test_an_edit_with_links_is_one_record_with_the_links_before_and_after(cast):
    one, two = (SocialAccountFactory(organization=cast.org) for _ in range(2))
    device = DeviceFactory(organization=cast.org)
    device.accounts.set([one])
    url = reverse("device_edit", kwargs={"slug": cast.org.slug, "pk": device.pk})
    count = device.history.count()
    response = cast.client("owner").post(
        url,
        {
            "name": "Renamed phone",
            "kind": device.kind,
            "org_owned": "on",
            "updater": device.updater_id,
            "accounts": [two.pk],
        },
    )
    assert response.status_code == 302
    assert device.history.count() == count + 1
    entry = latest(cast.org, model="registry.device")
    changes = {c.field: (c.before, c.after) for c in entry.changes}
    assert changes[verbose(Device, "name")][1] == "Renamed phone"
    assert changes[str(Device._meta.get_field("accounts").verbose_name)] == (str(one), str(two))


def test_a_new_organisations_seeded_texts_and_levels_are_recorded(cast):
    assert PolicyText.history.filter(organization_id=cast.org.pk, history_type="+").count() == (
        PolicyText.objects.filter(organization=cast.org).count()
    )
    kinds = {
        e.model for e in selectors.entries(cast.org, selectors.history_keys(cast.org, Filters()))
    }
    assert {"orgs.organization", "orgs.membership", "crisis.severitylevel"} <= kinds


def _make_changes(org, user, count: int) -> None:
    """`count` custody changes and `count` device changes (a person and a link each time)."""
    people = [PersonFactory(organization=org) for _ in range(2)]
    accounts = [SocialAccountFactory(organization=org) for _ in range(2)]
    custody = CustodyFactory(organization=org, custodian=people[0])
    device = DeviceFactory(organization=org)
    for i in range(count):
        custody.custodian = people[(i + 1) % 2]
        custody.vault_label = f"vault {i}"
        custody._history_user = user
        custody.save()
        device._history_user = user
        device.accounts.set([accounts[i % 2]])


def _queries_for_page(cast, url) -> tuple[int, int]:
    client = cast.client("owner")
    client.get(url)  # warm up: session, translations
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.context["rows"])


def test_the_page_reads_a_fixed_number_of_queries_whatever_its_length(cast):
    user = cast.users["policy_admin"]
    _make_changes(cast.org, user, 3)
    url = history_url(cast.org, user=user.pk)
    few, few_rows = _queries_for_page(cast, url)
    _make_changes(cast.org, user, 20)
    many, many_rows = _queries_for_page(cast, url)
    assert few_rows < many_rows == 25
    assert few == many


def test_the_csv_reads_a_fixed_number_of_queries_whatever_its_length(cast):
    user = cast.users["policy_admin"]
    csv_url = reverse("audit_history_csv", kwargs={"slug": cast.org.slug}) + f"?user={user.pk}"
    _make_changes(cast.org, user, 3)
    few, _ = _csv_queries(cast, csv_url)
    _make_changes(cast.org, user, 30)
    many, lines = _csv_queries(cast, csv_url)
    assert lines > 60
    assert few == many


def _csv_queries(cast, url):
    client = cast.client("owner")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), response.content.decode().count("\n")


def test_a_long_text_change_is_shown_around_what_changed():
    before = "x" * 500 + " old ending"
    change = selectors.Change("text", before, before.replace("old", "new"))
    shown_before, shown_after = change.excerpt
    assert shown_before.startswith("…") and shown_before.endswith("old ending")
    assert shown_after.startswith("…") and shown_after.endswith("new ending")
    assert len(shown_after) < 120
    assert selectors.Change("text", "short", "long").excerpt == ("short", "long")
