"""Every text a person types is guarded (issue 11): a secret is refused with a 400 that points to
the password manager (R2.8), and a one-line field loses line breaks and bidi controls."""

import contextlib
import importlib

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from conftest import sign_in
from siyasa.core.forms import TextGuard
from siyasa.core.tests.factories import SocialAccountFactory, UserFactory
from siyasa.crisis.models import Playbook, TimelineEntry
from siyasa.crisis.services import incidents
from siyasa.crisis.tests.conftest import declare
from siyasa.orgs.models import Organization, Person
from siyasa.policy.models import PolicyText
from siyasa.registry.models import Custody, Device, SocialAccount
from siyasa.security.models import RotationRecord
from siyasa.workspace.services import create_organization

SECRET = "password: hunter2"
ARABIC_ADVICE = "ولا تسجّل هنا إلا مكان حفظه"

# Forms whose text is not kept: one-time codes are checked and dropped (sign-in, set-up, asking
# again), the history's filters and the search box only read, and an import's confirmation carries only the digest
# of a preview whose rows were judged by the registries' own (guarded) forms.
NOT_KEPT = {
    "AuthenticateForm",
    "ActivateTOTPForm",
    "ReauthenticateForm",
    "HistoryFilterForm",
    "SearchForm",
    "ConfirmForm",
    # The post check reads a draft and keeps nothing of it (postcheck/README.md).
    "CheckForm",
}


def _siyasa_forms() -> list[type[forms.BaseForm]]:
    for config in apps.get_app_configs():
        if config.name.startswith("siyasa."):
            with contextlib.suppress(ModuleNotFoundError):
                importlib.import_module(f"{config.name}.forms")
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if (
            cls.__module__.startswith("siyasa.")
            and ".tests" not in cls.__module__
            and hasattr(cls, "base_fields")
        ):
            found.append(cls)
    return found


def _typed_text(form_class) -> list[str]:
    return [
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput)
    ]


def test_every_form_that_keeps_typed_text_guards_it():
    found = _siyasa_forms()
    assert {"PersonForm", "PolicyTextForm", "EntryForm", "RotationForm"} <= {
        f.__name__ for f in found
    }
    unguarded = [
        f.__name__
        for f in found
        if _typed_text(f) and not issubclass(f, TextGuard) and f.__name__ not in NOT_KEPT
    ]
    assert unguarded == []


@pytest.mark.django_db
def test_a_secret_in_a_section_text_is_refused_in_arabic():
    """From an organisation made through the product, as its owner."""
    owner = UserFactory(username="reem")
    org = create_organization(owner=owner, name_ar="جمعية الأمل", slug="amal")
    client = Client()
    sign_in(client, owner)
    before = PolicyText.objects.get(organization=org, key="law.privacy")
    url = reverse("policy_text_edit", kwargs={"slug": org.slug, "key": "law.privacy"})

    response = client.post(url, {"body_ar": "حساب إنستغرام — " + SECRET, "body_en": before.body_en})

    assert response.status_code == 400
    assert ARABIC_ADVICE in response.content.decode()
    after = PolicyText.objects.get(organization=org, key="law.privacy")
    assert after.body_ar == before.body_ar


@pytest.fixture
def account(cast):
    return SocialAccountFactory(organization=cast.org, handle="@athar")


def _posts(cast, account):
    """(who, URL name, URL kwargs, data with a secret, what must stay unchanged)."""
    slug = cast.org.slug
    return {
        "vault label": (
            "policy_admin",
            reverse("custody_edit", kwargs={"slug": slug, "account_pk": account.pk}),
            {"vault_label": "Team vault › X › pwd=Athar2024!", "two_factor_method": "app"},
            lambda: not Custody.objects.filter(account=account).exists(),
        ),
        "device name": (
            "policy_admin",
            reverse("device_new", kwargs={"slug": slug}),
            {"name": "iPhone PIN: 482913", "kind": "phone", "org_owned": "on"},
            lambda: not Device.objects.for_org(cast.org).exists(),
        ),
        "job title": (
            "editor",
            reverse("person_new", kwargs={"slug": slug}),
            {"name": "Ali", "job_title": "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"}
            | {"kind": "staff", "status": "active", "language": "ar"},
            lambda: not Person.objects.for_org(cast.org).filter(name="Ali").exists(),
        ),
        "rotation note": (
            "policy_admin",
            reverse("account_rotations", kwargs={"slug": slug, "account_pk": account.pk}),
            {
                "rotated_on": "2025-01-01",
                "reason": "scheduled",
                "note": "new one: Xk9mP2qL7vN4wR8tY3zB6cF1",
            },
            lambda: not RotationRecord.objects.for_org(cast.org).exists(),
        ),
        "hashtags": (
            "owner",
            reverse("org_settings", kwargs={"slug": slug}),
            {"name_ar": "جمعية ألف", "hashtags": "#أثر كلمة السر: 123456", "country": "SA"}
            | {"default_language": "ar", "policy_visibility": "members"},
            lambda: "123456" not in Organization.objects.get(pk=cast.org.pk).hashtags,
        ),
        "playbook steps": (
            "policy_admin",
            reverse("playbook_new", kwargs={"slug": slug}),
            {"kind": "compromised_account", "title_ar": "اختراق", "steps_ar": "1. الرموز:\n"}
            | {"steps_en": "a1b2-c3d4 e5f6-g7h8 i9j0-k1l2 m3n4-o5p6"},
            lambda: Playbook.objects.for_org(cast.org).count() == 2,
        ),
    }


@pytest.mark.parametrize(
    "case",
    ["vault label", "device name", "job title", "rotation note", "hashtags", "playbook steps"],
)
def test_a_secret_in_a_free_text_field_is_refused(cast, account, case):
    who, url, data, unchanged = _posts(cast, account)[case]
    response = cast.client(who).post(url, data)
    assert response.status_code == 400, response.content.decode()[:2000]
    assert ARABIC_ADVICE in response.content.decode()
    assert unchanged()


def test_a_secret_in_the_timeline_is_refused_by_the_page_and_by_the_service(cast):
    incident = declare(cast.membership("staff"))
    url = reverse("incident_entry", kwargs={"slug": cast.org.slug, "number": incident.number})
    response = cast.client("staff").post(url, {"text": "the new admin PIN: 4821"})
    assert response.status_code == 400
    assert ARABIC_ADVICE in response.content.decode()
    with pytest.raises(ValidationError):
        incidents.add_entry(
            membership=cast.membership("staff"), incident=incident, text="PIN: 4821"
        )
    assert not TimelineEntry.objects.for_org(cast.org).filter(text__contains="4821").exists()


def test_a_statement_with_a_token_is_refused(cast):
    incident = declare(cast.membership("staff"))
    url = reverse("statement_add", kwargs={"slug": cast.org.slug, "number": incident.number})
    response = cast.client("staff").post(
        url, {"text_ar": "بيان", "text_en": "key AKIAIOSFODNN7EXAMPLE"}
    )
    assert response.status_code == 400
    assert not incident.statements.exists()


def test_bidi_overrides_and_line_breaks_leave_one_line_fields(cast):
    slug = cast.org.slug
    response = cast.client("editor").post(
        reverse("person_new", kwargs={"slug": slug}),
        {"name": "\u202eعلي\u202c أحمد", "job_title": "Media\r\nlead", "kind": "staff"}
        | {"status": "active", "language": "ar"},
    )
    assert response.status_code == 302
    person = Person.objects.for_org(cast.org).get(name="علي أحمد")
    assert person.job_title == "Media lead"

    response = cast.client("editor").post(
        reverse("account_new", kwargs={"slug": slug}),
        {"platform": "x", "handle": "@athar\n", "audience_language": "ar", "status": "active"},
    )
    assert response.status_code == 302
    assert SocialAccount.objects.for_org(cast.org).get().handle == "@athar"


def test_a_name_of_nothing_but_controls_is_refused_as_empty(cast):
    response = cast.client("editor").post(
        reverse("person_new", kwargs={"slug": cast.org.slug}),
        {"name": "\u202e\u2066", "kind": "staff", "status": "active", "language": "ar"},
    )
    assert response.status_code == 400
    assert not Person.objects.for_org(cast.org).filter(name="").exists()


def test_a_text_area_keeps_its_lines(cast):
    url = reverse("policy_text_edit", kwargs={"slug": cast.org.slug, "key": "law.privacy"})
    response = cast.client("editor").post(url, {"body_ar": "أولًا\n\n- ثانيًا", "body_en": ""})
    assert response.status_code == 302
    assert PolicyText.objects.get(organization=cast.org, key="law.privacy").body_ar == (
        "أولًا\n\n- ثانيًا"
    )
