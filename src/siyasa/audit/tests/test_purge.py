"""An owner takes a secret typed by mistake out of the change history (R2.8, issue 11 finding 8):
gone from the page and the CSV, the removal itself recorded without the secret."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import sign_in
from siyasa.audit.models import Purge
from siyasa.audit.selectors import MODELS
from siyasa.core.tests.factories import CustodyFactory, UserFactory
from siyasa.policy.models import PolicyText
from siyasa.registry.models import Custody
from siyasa.workspace.services import create_organization

SECRET = "Athar#2024!hunter2"


def _urls(org):
    slug = org.slug
    return (
        reverse("audit_history", kwargs={"slug": slug}),
        reverse("audit_history_csv", kwargs={"slug": slug}),
        reverse("audit_history_purge", kwargs={"slug": slug}),
    )


def _leak_and_correct(custody):
    """A secret saved into a vault label, then corrected: the history still holds it (the ORM
    saves bypass the guard, as data from before it did)."""
    custody.vault_label = f"Team vault › X › {SECRET}"
    custody.save()
    custody.vault_label = "Team vault › X"
    custody.save()


def _everything_kept(*models) -> str:
    """Every value of every column of the live and historical tables of `models`, as text."""
    rows = []
    for model in models:
        managers = [model._default_manager]
        if hasattr(model, "history"):
            managers.append(model.history.model._default_manager)
        for manager in managers:
            rows += [str(row) for row in manager.values_list()]
    return "\n".join(rows)


def test_an_owner_removes_a_secret_from_the_history_and_the_csv(cast):
    custody = CustodyFactory(organization=cast.org)
    _leak_and_correct(custody)
    history, csv_url, purge_url = _urls(cast.org)
    owner = cast.client("owner")
    assert SECRET in owner.get(history).content.decode()
    assert SECRET in owner.get(csv_url).content.decode()

    form = owner.get(purge_url, {"model": "registry.custody", "object": custody.pk})
    assert form.status_code == 200
    response = owner.post(
        purge_url, {"model": "registry.custody", "object": custody.pk, "text": SECRET}
    )

    assert response.status_code == 302
    page = owner.get(history).content.decode()
    assert SECRET not in page and "[محذوف]" in page
    assert SECRET not in owner.get(csv_url).content.decode()
    assert SECRET not in _everything_kept(Custody, Purge)
    purge = Purge.objects.for_org(cast.org).get()
    assert (purge.kind, purge.object_id, purge.field_names, purge.records) == (
        "registry.custody",
        custody.pk,
        "vault_label",
        1,  # the state that added it; the correction after it never held it
    )
    assert purge.purged_by == cast.users["owner"]
    listing = owner.get(purge_url).content.decode()
    assert f"#{custody.pk}" in listing and "مكان حفظ بيانات الدخول" in listing
    assert SECRET not in listing


@pytest.mark.django_db
def test_a_product_made_organisations_policy_text_is_purged_in_english():
    owner = UserFactory(username="reem")
    org = create_organization(owner=owner, name_ar="جمعية الأمل", slug="amal")
    text = PolicyText.objects.get(organization=org, key="law.privacy")
    original = text.body_en
    text.body_en = original + " The shared inbox PIN is 482913."
    text.save()
    text.body_en = original
    text.save()
    client = Client()
    sign_in(client, owner)
    history = "/en" + _urls(org)[0][3:]

    response = client.post(
        "/en" + _urls(org)[2][3:],
        {"model": "policy.policytext", "object": text.pk, "text": "482913"},
    )

    assert response.status_code == 302
    page = client.get(history).content.decode()
    assert "482913" not in page and "[removed]" in page


def test_a_policy_admin_cannot_purge(cast):
    custody = CustodyFactory(organization=cast.org)
    _leak_and_correct(custody)
    _history, _csv, purge_url = _urls(cast.org)
    admin = cast.client("policy_admin")
    assert admin.get(purge_url).status_code == 403
    response = admin.post(
        purge_url, {"model": "registry.custody", "object": custody.pk, "text": SECRET}
    )
    assert response.status_code == 403
    assert SECRET in admin.get(_history).content.decode()
    assert not Purge.objects.exists()


@pytest.mark.parametrize(
    "case, text, message",
    [
        ("still in the record", "Team vault", "change it first"),
        ("not in the history", "nowhere-to-be-found", "not in the history"),
        ("too short", "ab", "at least 4"),
    ],
)
def test_a_purge_that_cannot_be_done_answers_400_and_changes_nothing(cast, case, text, message):
    custody = CustodyFactory(organization=cast.org)
    _leak_and_correct(custody)
    history_model = MODELS["registry.custody"].history.model
    before = list(history_model.objects.values_list("vault_label", flat=True))
    response = cast.client("owner").post(
        "/en" + _urls(cast.org)[2][3:],
        {"model": "registry.custody", "object": custody.pk, "text": text},
    )
    assert response.status_code == 400, case
    assert message in response.content.decode()
    assert f'value="{text}"' not in response.content.decode()  # the text is not sent back
    assert list(history_model.objects.values_list("vault_label", flat=True)) == before
    assert not Purge.objects.exists()


def test_another_organisations_history_is_out_of_reach(cast):
    theirs = CustodyFactory(organization=cast.other_org)
    _leak_and_correct(theirs)
    response = cast.client("owner").post(
        _urls(cast.org)[2], {"model": "registry.custody", "object": theirs.pk, "text": SECRET}
    )
    assert response.status_code == 400
    history_model = MODELS["registry.custody"].history.model
    assert history_model.objects.filter(id=theirs.pk, vault_label__contains=SECRET).exists()
