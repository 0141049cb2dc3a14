"""Searching an organisation: what is found, how Arabic is matched, what is never found."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from siyasa.core.tests.factories import (
    DeviceFactory,
    PersonFactory,
    SocialAccountFactory,
    UserFactory,
)
from siyasa.crisis.models import SeverityLevel
from siyasa.crisis.services import incidents
from siyasa.orgs.models import Membership, Person, Role
from siyasa.policy.models import PolicyText
from siyasa.policy.services import publish_version
from siyasa.search.selectors import PER_KIND, search
from siyasa.workspace.services import create_organization

# Both databases: `make test` runs the suite on SQLite and, with DATABASE_URL, on PostgreSQL.
pytestmark = pytest.mark.django_db


def _url(org, q):
    return reverse("search", kwargs={"slug": org.slug}) + "?q=" + q


def _titles(results, key):
    group = next((g for g in results.groups if g.key == key), None)
    return [hit.title for hit in group.hits] if group else []


@pytest.fixture
def founded():
    """An organisation started through the product, with its founder as owner."""
    owner = UserFactory(username="founder")
    org = create_organization(
        owner=owner, name_ar="جمعية النور", slug="noor", owner_name="سارة الأحمد"
    )
    return org, Membership.objects.get(organization=org, user=owner)


def test_a_name_is_found_whatever_the_hamza_taa_marbuta_or_diacritics(founded):
    org, owner = founded
    PersonFactory(organization=org, name="فاطمة إبراهيم", job_title="مسؤولة الإعلام")
    for query in ("فاطمه", "ابراهيم", "فَاطِمَة", "إبراهيم", "فاطـــمة"):
        assert _titles(search(org, owner, query), "people") == ["فاطمة إبراهيم"], query


def test_a_word_of_a_name_is_found_by_its_beginning(founded):
    org, owner = founded
    PersonFactory(organization=org, name="نورة الحربي")
    assert _titles(search(org, owner, "نور"), "people") == ["نورة الحربي"]


def test_every_word_of_the_query_must_match(founded):
    org, owner = founded
    PersonFactory(organization=org, name="خالد العمري")
    PersonFactory(organization=org, name="خالد السالم")
    assert _titles(search(org, owner, "خالد السالم"), "people") == ["خالد السالم"]


def test_each_kind_is_found_and_grouped(founded):
    org, owner = founded
    PersonFactory(organization=org, name="مكتب المحاماة", kind=Person.Kind.CONTACT)
    SocialAccountFactory(organization=org, handle="@noor_charity", purpose_ar="حساب الجمعية")
    DeviceFactory(organization=org, name="هاتف فريق الإعلام")
    incidents.declare(
        membership=owner,
        kind="communication",
        level=SeverityLevel.objects.for_org(org).order_by("rank").first(),
        summary="انتشار مقطع مسيء على حساب الجمعية",
        lead=PersonFactory(organization=org),
        answers={},
    )
    assert _titles(search(org, owner, "المحاماه"), "contacts") == ["مكتب المحاماة"]
    assert _titles(search(org, owner, "noor"), "accounts") != []
    assert _titles(search(org, owner, "الاعلام"), "devices") == ["هاتف فريق الإعلام"]
    assert _titles(search(org, owner, "مقطع مسيء"), "incidents") == ["الحادثة 1"]


def test_the_policy_in_force_is_searched_and_the_draft_only_by_its_editors(founded, cast):
    org, owner = founded
    PolicyText.objects.for_org(org).update_or_create(
        organization=org, key="law.privacy", defaults={"body_ar": "نحمي بيانات مجموعة الزمرّدة"}
    )
    publish_version(
        membership=owner, summary="v1", kind="material", effective_on=timezone.localdate()
    )
    PolicyText.objects.for_org(org).filter(key="law.privacy").update(
        body_ar="نحمي بيانات مجموعة الزمردة وواحة النخيل"
    )
    staff_user = UserFactory()
    staff = Membership.objects.create(user=staff_user, organization=org, role=Role.STAFF)

    found = search(org, owner, "الزمرده")
    details = [hit.detail for g in found.groups if g.key == "policy" for hit in g.hits]
    assert details == ["السارية", "مسودة"]  # the version in force, then the draft
    staff_found = search(org, staff, "الزمرده")
    assert [hit.url for g in staff_found.groups for hit in g.hits] == [
        reverse("policy", kwargs={"slug": org.slug}) + "#law"
    ]
    assert search(org, staff, "النخيل").groups == []  # only in the draft


def test_another_organisations_data_is_never_found(cast):
    PersonFactory(organization=cast.other_org, name="سلمى القحطاني")
    SocialAccountFactory(organization=cast.other_org, handle="@beta_only")
    DeviceFactory(organization=cast.other_org, name="حاسوب باء")
    owner = cast.membership("owner")
    for query in ("سلمى", "beta_only", "حاسوب"):
        assert search(cast.org, owner, query).groups == [], query
    response = cast.client("owner").get(_url(cast.org, "سلمى"))
    assert response.status_code == 200
    assert "سلمى" not in response.content.decode().split("<main", 1)[1].split("value=", 1)[0]


def test_an_outsider_cannot_search_an_organisation(cast):
    assert cast.client("outsider").get(_url(cast.org, "a")).status_code == 404


def test_the_page_links_each_hit_and_marks_the_match(cast):
    person = PersonFactory(organization=cast.org, name="أمل الشهري")
    page = cast.client("editor").get(_url(cast.org, "امل")).content.decode()
    assert reverse("person_edit", kwargs={"slug": "alpha", "pk": person.pk}) in page
    assert "<mark>أمل</mark> الشهري" in page
    # A staff member cannot edit people: the hit leads to the directory instead.
    page = cast.client("staff").get(_url(cast.org, "امل")).content.decode()
    assert reverse("person_edit", kwargs={"slug": "alpha", "pk": person.pk}) not in page
    assert reverse("person_list", kwargs={"slug": "alpha"}) + "?kind=team" in page


def test_markup_in_the_data_is_shown_as_text(cast):
    PersonFactory(organization=cast.org, name="<b>أمل</b>")
    page = cast.client("staff").get(_url(cast.org, "امل")).content.decode()
    assert "&lt;b&gt;<mark>أمل</mark>&lt;/b&gt;" in page


def test_results_are_bounded_per_kind(cast):
    for n in range(PER_KIND + 3):
        PersonFactory(organization=cast.org, name=f"سالم {n}")
    results = search(cast.org, cast.membership("staff"), "سالم")
    people = next(g for g in results.groups if g.key == "people")
    assert len(people.hits) == PER_KIND and people.more


def test_a_too_long_query_is_refused_in_the_readers_language(cast):
    response = cast.client("staff").get(_url(cast.org, "ا" * 101))
    assert response.status_code == 400
    assert "100" in response.content.decode()


def test_an_empty_box_shows_the_form_only(cast):
    response = cast.client("staff").get(reverse("search", kwargs={"slug": "alpha"}))
    assert response.status_code == 200
    assert 'id="search-q"' in response.content.decode()


def test_searches_are_rate_limited(cast, settings):
    settings.SIYASA_SEARCH_RATE = "2/m"
    client = cast.client("staff")
    assert [client.get(_url(cast.org, "x")).status_code for _ in range(3)] == [200, 200, 429]


def test_the_header_has_a_search_box_for_members_only(cast):
    box = 'role="search"'
    assert (
        box
        in cast.client("staff").get(reverse("workspace", kwargs={"slug": "alpha"})).content.decode()
    )
    cast.org.policy_visibility = cast.org.Visibility.PUBLIC
    cast.org.save()
    public = cast.client(None).get(reverse("policy", kwargs={"slug": "alpha"})).content.decode()
    assert box not in public


def test_the_database_filters_in_a_fixed_number_of_queries_for_1500_people(cast):
    Person.objects.bulk_create(
        Person(organization=cast.org, name=f"موظف رقم {n}", email=f"p{n}@example.org")
        for n in range(1500)
    )
    PersonFactory(organization=cast.org, name="هيفاء المطيري")
    staff = cast.membership("staff")
    with CaptureQueriesContext(connection) as captured:
        results = search(cast.org, staff, "هيفاء")
    assert _titles(results, "people") == ["هيفاء المطيري"]
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    # PostgreSQL's full-text search, or SQLite's substring match over the folded text.
    assert ("to_tsvector" if connection.vendor == "postgresql" else "siyasa_normalise") in sql
    with CaptureQueriesContext(connection) as again:
        search(cast.org, staff, "موظف")
    assert len(again.captured_queries) == len(captured.captured_queries)
