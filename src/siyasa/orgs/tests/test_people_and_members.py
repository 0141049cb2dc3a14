"""People, contacts and memberships: validation in both languages and the role rules."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from siyasa.orgs import services
from siyasa.orgs.models import Membership, Person, Role


def person_url(cast, lang="ar"):
    return f"/{lang}" + reverse("person_new", kwargs={"slug": cast.org.slug})[3:]


def test_phone_in_arabic_indic_digits_is_stored_in_international_form(cast):
    response = cast.client("editor").post(
        person_url(cast),
        {"name": "منى", "kind": "staff", "status": "active", "phone": "٠٥٠١٢٣٤٥٦٧"},
    )
    assert response.status_code == 302
    assert Person.objects.for_org(cast.org).get(name="منى").phone == "+966501234567"


@pytest.mark.parametrize(
    ("lang", "message"),
    [("ar", "أدخل رقم هاتف صحيحًا"), ("en", "Enter a valid phone number")],
)
def test_invalid_phone_is_a_400_with_a_message_in_the_users_language(cast, lang, message):
    response = cast.client("editor").post(
        person_url(cast, lang), {"name": "منى", "kind": "staff", "status": "active", "phone": "12"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Person.objects.filter(name="منى").exists()


def test_a_departed_person_needs_a_last_day(cast):
    response = cast.client("editor").post(
        person_url(cast), {"name": "سالم", "kind": "staff", "status": "departed"}
    )
    assert response.status_code == 400
    assert not Person.objects.filter(name="سالم").exists()


def test_over_long_name_is_refused_without_writing(cast):
    before = Person.objects.for_org(cast.org).count()
    response = cast.client("editor").post(
        person_url(cast), {"name": "س" * 500, "kind": "staff", "status": "active"}
    )
    assert response.status_code == 400
    assert Person.objects.for_org(cast.org).count() == before


def test_outside_contact_is_listed_under_contacts_only(cast):
    Person.objects.create(
        organization=cast.org,
        name="المحامي خالد",
        kind=Person.Kind.CONTACT,
        affiliation="مكتب العدل",
    )
    client = cast.client("staff")
    url = reverse("person_list", kwargs={"slug": cast.org.slug})
    assert "المحامي خالد" in client.get(url + "?kind=contacts").content.decode()
    assert "المحامي خالد" not in client.get(url + "?kind=team").content.decode()


def test_policy_admin_cannot_make_an_owner(cast):
    target = cast.membership("staff")
    with pytest.raises(PermissionDenied):
        services.change_role(
            membership=cast.membership("policy_admin"), target=target, role=Role.OWNER
        )
    target.refresh_from_db()
    assert target.role == Role.STAFF


def test_policy_admin_can_make_an_editor(cast):
    target = services.change_role(
        membership=cast.membership("policy_admin"),
        target=cast.membership("staff"),
        role=Role.EDITOR,
    )
    assert Membership.objects.get(pk=target.pk).role == Role.EDITOR


def test_the_last_owner_cannot_step_down(cast):
    founder = Membership.objects.get(
        organization=cast.org, user__username=f"founder-{cast.org.slug}"
    )
    services.remove_member(membership=cast.membership("owner"), target=founder)
    with pytest.raises(ValidationError):
        services.change_role(
            membership=cast.membership("owner"), target=cast.membership("owner"), role=Role.STAFF
        )
    assert cast.membership("owner").role == Role.OWNER


def test_a_signed_in_user_starts_an_organisation_with_the_default_policy(cast):
    from siyasa.crisis.models import SeverityLevel
    from siyasa.policy.catalogue import BLOCKS
    from siyasa.policy.models import PolicyText

    client = cast.client("staff")
    response = client.post(
        "/ar/new/",
        {
            "name_ar": "جمعية جديدة",
            "name_en": "New Society",
            "slug": "new-society",
            "country": "SA",
            "default_language": "ar",
            "policy_visibility": "members",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/ar/o/new-society/"
    org = Membership.objects.get(
        user=cast.users["staff"], organization__slug="new-society"
    ).organization
    assert cast.users["staff"].memberships.get(organization=org).role == Role.OWNER
    assert PolicyText.objects.for_org(org).count() == len(BLOCKS)
    assert SeverityLevel.objects.for_org(org).count() == 4


def test_a_taken_short_name_is_refused(cast):
    response = cast.client("staff").post(
        "/en/new/",
        {
            "name_ar": "x",
            "slug": "alpha",
            "country": "SA",
            "default_language": "ar",
            "policy_visibility": "members",
        },
    )
    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_starting_an_organisation_needs_a_sign_in(db):
    from django.test import Client

    assert Client().get("/ar/new/")["Location"].startswith("/ar/accounts/login/")


def test_a_wrong_password_is_a_400_with_an_arabic_message(cast):
    from django.test import Client

    response = Client().post("/ar/accounts/login/", {"login": "staff-a", "password": "wrong"})
    assert response.status_code == 400
    assert "كلمة المرور" in response.content.decode()
