"""The registries' rules: who may change what (R2.6), validation, rotation dates, no secrets (R2.8)."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from siyasa.core.tests.factories import CustodyFactory, PersonFactory, SocialAccountFactory
from siyasa.orgs import rows
from siyasa.registry.forms import CustodyForm, DeviceForm, SocialAccountForm
from siyasa.registry.models import AccessGrant, Custody, Device, SocialAccount


def test_no_model_has_a_field_for_a_secret():
    """R2.8: Siyasa records who holds a credential, never the credential.

    Every model of every Siyasa app, so a new app is covered without touching this test; the
    sign-in's own tables (Django's users, django-otp's devices) are not Siyasa's records.
    """
    suspicious = ("password", "secret", "token", "recovery_code", "otp", "passcode", "pin")
    ours = [
        model
        for model in apps.get_models()
        if apps.get_app_config(model._meta.app_label).name.startswith("siyasa.")
    ]
    scanned = {model._meta.app_label for model in ours}
    assert {"orgs", "registry", "policy", "crisis", "security", "notify", "doctor"} <= scanned
    offenders = [
        f"{model._meta.label}.{field.name}"
        for model in ours
        for field in model._meta.get_fields()
        if any(word in field.name.lower() for word in suspicious)
    ]
    assert offenders == []


@pytest.mark.parametrize("role", ["staff", "editor"])
def test_staff_and_editors_cannot_change_custody(cast, role):
    account = SocialAccountFactory(organization=cast.org)
    form = CustodyForm({"two_factor_method": "app"}, org=cast.org, account=account)
    assert form.is_valid(), form.errors
    with pytest.raises(PermissionDenied):
        rows.save_row(membership=cast.membership(role), form=form)
    assert not Custody.objects.filter(account=account).exists()


@pytest.mark.parametrize("role", ["staff", "editor"])
def test_staff_and_editors_cannot_register_devices(cast, role):
    form = DeviceForm({"name": "جوال", "kind": "phone", "org_owned": "on"}, org=cast.org)
    assert form.is_valid(), form.errors
    with pytest.raises(PermissionDenied):
        rows.save_row(membership=cast.membership(role), form=form)
    assert not Device.objects.exists()


def test_staff_cannot_give_access_through_the_view(cast):
    account = SocialAccountFactory(organization=cast.org)
    person = PersonFactory(organization=cast.org)
    url = reverse("grant_new", kwargs={"slug": cast.org.slug, "account_pk": account.pk})
    response = cast.client("staff").post(url, {"person": person.pk, "can_publish": "on"})
    assert response.status_code == 403
    assert not AccessGrant.objects.exists()


def test_editor_can_register_an_account_but_staff_cannot(cast):
    data = {
        "platform": "instagram",
        "handle": "@alpha",
        "audience_language": "ar",
        "status": "active",
    }
    form = SocialAccountForm(data, org=cast.org)
    assert form.is_valid(), form.errors
    with pytest.raises(PermissionDenied):
        rows.save_row(membership=cast.membership("staff"), form=form)
    account = rows.save_row(
        membership=cast.membership("editor"), form=SocialAccountForm(data, org=cast.org)
    )
    assert account.organization == cast.org


def test_policy_admin_records_custody_and_the_next_rotation_follows_from_the_interval(cast):
    account = SocialAccountFactory(organization=cast.org)
    custodian, backup = PersonFactory(organization=cast.org), PersonFactory(organization=cast.org)
    url = reverse("custody_edit", kwargs={"slug": cast.org.slug, "account_pk": account.pk})
    response = cast.client("policy_admin").post(
        url,
        {
            "custodian": custodian.pk,
            "backup_custodian": backup.pk,
            "vault_label": "Team vault › X",
            "rotation_days": "30",
            "last_rotated_on": "2026-01-10",
            "two_factor_method": "app",
            "two_factor_holder": custodian.pk,
        },
    )
    assert response.status_code == 302
    custody = Custody.objects.get(account=account)
    assert custody.next_rotation_on(cast.org.rotation_interval(datetime.date(2026, 1, 10))) == (
        datetime.date(2026, 2, 9)
    )
    # Saving again edits the same record rather than adding a second one.
    cast.client("policy_admin").post(url, {"custodian": custodian.pk, "two_factor_method": "sms"})
    assert Custody.objects.filter(account=account).count() == 1


def test_backup_custodian_must_be_someone_else(cast):
    account = SocialAccountFactory(organization=cast.org)
    person = PersonFactory(organization=cast.org)
    form = CustodyForm(
        {"custodian": person.pk, "backup_custodian": person.pk, "two_factor_method": "app"},
        org=cast.org,
        account=account,
    )
    assert not form.is_valid()
    assert "backup_custodian" in form.errors


def test_a_foreign_organisations_person_is_not_a_valid_choice(cast):
    stranger = PersonFactory(organization=cast.other_org)
    account = SocialAccountFactory(organization=cast.org)
    url = reverse("grant_new", kwargs={"slug": cast.org.slug, "account_pk": account.pk})
    response = cast.client("owner").post(url, {"person": stranger.pk, "can_publish": "on"})
    assert response.status_code == 400
    assert not AccessGrant.objects.exists()


def test_a_grant_must_give_something(cast):
    account = SocialAccountFactory(organization=cast.org)
    person = PersonFactory(organization=cast.org)
    url = reverse("grant_new", kwargs={"slug": cast.org.slug, "account_pk": account.pk})
    response = cast.client("owner").post(url, {"person": person.pk})
    assert response.status_code == 400
    assert "اختر" in response.content.decode()


def test_the_same_handle_twice_is_a_form_error_not_a_crash(cast):
    SocialAccountFactory(organization=cast.org, platform="x", handle="@alpha")
    url = reverse("account_new", kwargs={"slug": cast.org.slug})
    response = cast.client("editor").post(
        url, {"platform": "x", "handle": "@alpha", "audience_language": "ar", "status": "active"}
    )
    assert response.status_code == 400
    assert SocialAccount.objects.for_org(cast.org).count() == 1


def test_another_organisation_may_use_the_same_handle(cast):
    SocialAccountFactory(organization=cast.other_org, platform="x", handle="@alpha")
    url = reverse("account_new", kwargs={"slug": cast.org.slug})
    response = cast.client("editor").post(
        url, {"platform": "x", "handle": "@alpha", "audience_language": "ar", "status": "active"}
    )
    assert response.status_code == 302


def test_departed_people_are_not_offered_for_new_assignments(cast):
    gone = PersonFactory(
        organization=cast.org, status="departed", departed_on=datetime.date(2026, 1, 1)
    )
    form = DeviceForm(org=cast.org)
    assert gone not in form.fields["assignee"].queryset


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (None, "overdue"),
        (datetime.date(2026, 1, 1), "overdue"),
        (datetime.date(2026, 3, 20), "due_soon"),
        (datetime.date(2026, 5, 1), "fine"),
    ],
)
def test_rotation_status(cast, last, expected):
    custody = CustodyFactory(organization=cast.org, last_rotated_on=last)
    today = datetime.date(2026, 6, 10)
    status = custody.rotation_state(cast.org.rotation_interval(today), today)
    assert (status.overdue, status.due_soon) == {
        "overdue": (True, False),
        "due_soon": (False, True),
        "fine": (False, False),
    }[expected]


def test_deleting_an_account_as_editor_removes_its_grants(cast):
    account = SocialAccountFactory(organization=cast.org)
    AccessGrant.objects.create(
        organization=cast.org,
        account=account,
        person=PersonFactory(organization=cast.org),
        can_reply=True,
    )
    url = reverse("account_delete", kwargs={"slug": cast.org.slug, "pk": account.pk})
    assert cast.client("editor").post(url).status_code == 302
    assert not AccessGrant.objects.exists()


def test_a_grants_edit_page_links_to_its_delete_page(cast):
    grant = AccessGrant.objects.create(
        organization=cast.org,
        account=SocialAccountFactory(organization=cast.org),
        person=PersonFactory(organization=cast.org),
        can_publish=True,
    )
    kwargs = {"slug": cast.org.slug, "account_pk": grant.account_id, "pk": grant.pk}
    html = cast.client("owner").get(reverse("grant_edit", kwargs=kwargs)).content.decode()
    assert f'href="{reverse("grant_delete", kwargs=kwargs)}"' in html
