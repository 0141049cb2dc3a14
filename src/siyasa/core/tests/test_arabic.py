"""Arabic done properly: counts in the six plural forms, sentences that agree with the person they
name, Django's own messages in Arabic, Saudi Arabia first among the countries, and the Umm al-Qura
date beside the Gregorian when the organisation asks for it."""

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from siyasa.core.dates import hijri, org_date
from siyasa.core.tests.factories import PersonFactory, UserFactory
from siyasa.crisis.tests.conftest import declare
from siyasa.doctor.checks import STILL_NAMED
from siyasa.doctor.engine import Report
from siyasa.orgs.forms import PersonForm
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy.models import PolicySettings
from siyasa.policy.services import acknowledge, publish_version
from siyasa.workspace.services import create_organization

F, M = Person.GrammaticalGender.FEMININE, Person.GrammaticalGender.MASCULINE


@pytest.fixture
def fresh(db, settings):
    """An organisation made through the product, and its owner signed in."""
    settings.SIYASA_ENFORCE_TWO_FACTOR = False
    owner = UserFactory(username="founder")
    org = create_organization(owner=owner, name_ar="جمعية جديدة", slug="fresh", owner_name="نورة")
    client = Client()
    client.force_login(owner)
    return org, client


def page(client: Client, name: str, org: Organization, lang: str = "ar") -> str:
    with translation.override(lang):
        url = reverse(name, kwargs={"slug": org.slug})
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def publish(org: Organization, day: datetime.date) -> None:
    owner = Membership.objects.get(organization=org)
    publish_version(membership=owner, summary="v1", kind="material", effective_on=day)


# --- plural forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "n, arabic",
    [
        (0, "لا أخطاء"),
        (1, "خطأ واحد"),
        (2, "خطآن"),
        (3, "3 أخطاء"),
        (11, "11 خطأً"),
        (100, "100 خطأ"),
    ],
)
def test_the_policy_check_counts_errors_as_arabic_writes_numbers(fresh, monkeypatch, n, arabic):
    org, client = fresh
    monkeypatch.setattr(Report, "counts", property(lambda self: Counter(error=n)))
    text = page(client, "health", org)
    assert arabic in text
    if n in (0, 1, 2):  # written in words, never "1 أخطاء" or "0 أخطاء"
        assert f"{n} أخطاء" not in text and f"{n} خطأ" not in text
    english = page(client, "health", org, "en")
    assert (f"{n} error" if n == 1 else f"{n} errors") in english


def test_acknowledgement_counts_agree_with_the_number_of_members(fresh):
    org, client = fresh
    publish(org, datetime.date.today())
    text = page(client, "policy_acknowledgements", org)
    assert "لم يُقرّ أي عضو" in text and "عضو واحد لم يُقرّ بعد" in text
    acknowledge(membership=Membership.objects.get(organization=org))
    text = page(client, "policy_acknowledgements", org)
    assert "أقرّ عضو واحد" in text and "لا أحد متأخر عن الإقرار" in text
    assert "1 أعضاء" not in text


@pytest.mark.parametrize(
    "n, arabic",
    [
        (1, "ما زال بند واحد مفتوحًا."),
        (2, "ما زال بندان مفتوحين."),
        (3, "ما زالت 3 بنود مفتوحة."),
        (11, "ما زال 11 بندًا مفتوحًا."),
        (100, "ما زال 100 بند مفتوحًا."),
    ],
)
def test_a_count_in_a_message_takes_the_arabic_plural_form(n, arabic):
    with translation.override("ar"):
        text = translation.ngettext(
            "%(count)s item is still open.", "%(count)s items are still open.", n
        ) % {"count": n}
    assert text == arabic


def test_the_arabic_catalogue_has_the_standard_six_plural_forms():
    catalogue = Path(__file__).resolve().parents[2] / "locale/ar/LC_MESSAGES/django.po"
    assert (
        '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && '
        'n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;\\n"'
    ) in catalogue.read_text(encoding="utf-8")
    with translation.override("ar"):
        forms = [
            translation.ngettext("%(n)s error", "%(n)s errors", n) for n in (0, 1, 2, 3, 11, 100)
        ]
    assert len(set(forms)) == 6


# --- agreement with a named person ----------------------------------------------------------------


@pytest.mark.parametrize(
    "gender, arabic",
    [(F, "تراجعها نورة"), (M, "يراجعها نورة"), ("", "مسؤول المراجعة: نورة")],
)
def test_the_policy_page_names_its_reviewer_with_the_right_agreement(fresh, gender, arabic):
    org, client = fresh
    reviewer = PersonFactory(organization=org, name="نورة", grammatical_gender=gender)
    PolicySettings.objects.filter(organization=org).update(review_owner=reviewer)
    text = page(client, "policy", org)
    assert arabic in text
    assert "Reviewed by" in page(client, "policy", org, "en")


def test_a_departed_person_is_named_with_their_own_agreement():
    params = {"person": "نورة", "what": "أمين بيانات الدخول"}
    with translation.override("ar"):
        feminine = STILL_NAMED[F] % params
        masculine = STILL_NAMED[M] % params
        neutral = STILL_NAMED[""] % params
    assert feminine.startswith("غادرت نورة") and "لكنها" in feminine
    assert masculine.startswith("غادر نورة") and "لكنه " in masculine
    assert "لكنه" not in neutral and "غادرت" not in neutral
    with translation.override("en"):
        assert STILL_NAMED[F] % params == STILL_NAMED[""] % params


def test_the_person_form_offers_the_grammatical_gender_as_an_optional_choice(fresh):
    org, _client = fresh
    with translation.override("ar"):
        field = PersonForm(org=org).fields["grammatical_gender"]
        labels = [str(label) for _value, label in field.choices]
        assert labels == ["غير محدد", "مؤنث", "مذكر"]
        assert not field.required and "لا بيانات شخصية" in str(field.help_text)
    form = PersonForm({"name": "ريم", "kind": "staff", "status": "active"}, org=org)
    assert form.is_valid(), form.errors
    assert form.save().grammatical_gender == ""


# --- Django's own messages --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_sign_up_page_explains_a_short_password_in_arabic():
    response = Client().post(
        "/ar/accounts/signup/",
        {"email": "huda@example.org", "password1": "q7!", "password2": "q7!"},
    )
    html = response.content.decode()
    assert "كلمة المرور هذه قصيرة جدًا. يجب أن تتكون من 8 أحرف على الأقل." in html
    assert "too short" not in html


# --- countries ----------------------------------------------------------------------------------------


def test_saudi_arabia_heads_the_country_list_then_the_organisations_own_country(fresh):
    org, client = fresh
    options = re.findall(
        r'<option value="([A-Z]{2})"', client.get(f"/ar/o/{org.slug}/settings/").content.decode()
    )
    assert options[0] == "SA" and len(options) > 200
    Organization.objects.filter(pk=org.pk).update(country="AE")
    options = re.findall(
        r'<option value="([A-Z]{2})"', client.get(f"/ar/o/{org.slug}/settings/").content.decode()
    )
    assert options[0] == "AE"


# --- Hijri dates --------------------------------------------------------------------------------------


def test_the_umm_al_qura_date_of_a_known_day():
    day = datetime.date(2026, 12, 1)
    with translation.override("ar"):
        assert hijri(day) == "21 جمادى الآخرة 1448 هـ"
    with translation.override("en"):
        assert hijri(day) == "21 Jumada al-Akhirah 1448 AH"
    assert hijri(datetime.date(1900, 1, 1)) == ""  # outside the calendar's tables


def test_the_hijri_date_shows_only_when_the_organisation_asks_for_it(db):
    day = datetime.date(2026, 12, 1)
    with translation.override("en"):
        gregorian = date_format(day, "DATE_FORMAT")
        assert org_date(day, Organization(show_hijri_dates=False)) == gregorian
        assert org_date(day, Organization(show_hijri_dates=True)) == (
            f"{gregorian} (21 Jumada al-Akhirah 1448 AH)"
        )
    with translation.override("ar"):
        assert org_date(day, Organization(show_hijri_dates=True)).endswith(
            "(21 جمادى الآخرة 1448 هـ)"
        )


@time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC))
def test_an_owner_turns_on_hijri_dates_and_the_policy_pages_show_them(fresh):
    org, client = fresh
    publish(org, datetime.date(2026, 12, 1))
    assert "1448" not in page(client, "policy_versions", org)
    form = {
        "name_ar": org.name_ar,
        "country": "SA",
        "default_language": "ar",
        "policy_visibility": org.policy_visibility,
        "show_hijri_dates": "on",
    }
    response = client.post(f"/ar/o/{org.slug}/settings/", form)
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.show_hijri_dates
    for name in ("policy_versions", "policy", "policy_acknowledgements"):
        assert "21 جمادى الآخرة 1448 هـ" in page(client, name, org), name
        assert "21 Jumada al-Akhirah 1448 AH" in page(client, name, org, "en"), name
    # The crisis room too: when the incident was declared.
    incident = declare(Membership.objects.get(organization=org))
    html = client.get(f"/ar/o/{org.slug}/crisis/incidents/{incident.number}/").content.decode()
    assert "21 جمادى الآخرة 1448 هـ" in html
