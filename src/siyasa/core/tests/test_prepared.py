"""A prepared query answers what its queryset answers, for any values, on either database."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from siyasa.accounts.sessions import SessionStore
from siyasa.core.prepared import Prepared, build, columns
from siyasa.core.tests.factories import MembershipFactory, OrganizationFactory
from siyasa.crisis.models import SeverityLevel
from siyasa.orgs.models import Membership, Organization

pytestmark = pytest.mark.django_db

BY_SLUG = Prepared(
    lambda slug: Organization.objects.filter(slug=slug).values_list(*columns(Organization)),
    slug=str,
)
MEMBERS = Prepared(
    lambda org_id, role: (
        Membership.objects.filter(organization_id=org_id, role=role)
        .order_by("pk")
        .values_list("pk", "user__username", "created_at")
    ),
    org_id=int,
    role=str,
)


def test_rows_are_the_querysets_for_every_value_with_the_orms_types():
    first, second = OrganizationFactory(slug="first"), OrganizationFactory(slug="second")
    for org in (first, second):
        MembershipFactory(organization=org, role="staff")
        MembershipFactory(organization=org, role="staff")
        MembershipFactory(organization=org, role="editor")
    for org in (first, second):
        for role in ("staff", "editor", "owner"):
            expected = list(
                Membership.objects.filter(organization=org, role=role)
                .order_by("pk")
                .values_list("pk", "user__username", "created_at")
            )
            assert MEMBERS.rows(org_id=org.pk, role=role) == expected
    # Converted as the ORM converts: a datetime, not SQLite's text.
    assert (
        MEMBERS.rows(org_id=first.pk, role="editor")[0][2]
        == first.memberships.get(role="editor").created_at
    )


def test_an_instance_built_from_its_columns_is_the_orms():
    org = OrganizationFactory(slug="built", name_ar="جمعية")
    built = build(Organization, BY_SLUG.rows(slug="built")[0])
    fetched = Organization.objects.get(slug="built")
    assert built == fetched
    assert {f.attname: getattr(built, f.attname) for f in Organization._meta.concrete_fields} == {
        f.attname: getattr(fetched, f.attname) for f in Organization._meta.concrete_fields
    }
    assert not built._state.adding and built.pk == org.pk
    assert BY_SLUG.rows(slug="nobody") == []


def test_a_number_compared_with_a_positive_integer_field_takes_the_callers_value():
    # On PostgreSQL Django hands such a number to the driver as a sized integer (psycopg's Int2).
    org = OrganizationFactory(slug="levelled")  # seeded with its severity levels, ranked from 1
    at_least = Prepared(
        lambda org_id, rank: (
            SeverityLevel.objects.for_org(org_id)
            .filter(rank__gte=rank)
            .order_by("rank")
            .values_list("rank")
        ),
        org_id=int,
        rank=int,
    )
    ranks = list(SeverityLevel.objects.for_org(org).order_by("rank").values_list("rank"))
    assert len(ranks) >= 2
    for rank in (0, 1, 2, 99):
        assert at_least.rows(org_id=org.pk, rank=rank) == [r for r in ranks if r[0] >= rank]


def test_a_value_that_looks_like_sql_is_a_value():
    OrganizationFactory(slug="real")
    assert BY_SLUG.rows(slug="x' OR '1'='1") == []


@pytest.mark.django_db(transaction=True)  # the other thread reads what this one committed
def test_each_thread_compiles_its_own_and_gets_the_same_rows():
    OrganizationFactory(slug="threaded")
    expected = BY_SLUG.rows(slug="threaded")
    seen = []

    def other_thread():
        seen.append(BY_SLUG.rows(slug="threaded"))
        connection.close()

    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join()
    assert seen == [expected]


def test_a_parameter_the_query_does_not_use_is_refused():
    unused = Prepared(lambda slug: Organization.objects.values_list("pk"), slug=str)
    with pytest.raises(ValueError, match="'slug' must appear once"):
        unused.rows(slug="any")
    with pytest.raises(TypeError, match="only int and str"):
        Prepared(lambda when: Organization.objects.filter(created_at=when), when=float)


def test_a_signed_in_user_and_their_two_factor_state_come_in_one_query(client):
    membership = MembershipFactory(role="owner")
    client.force_login(membership.user)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/")
    user = response.wsgi_request.user
    assert user == membership.user and user.is_authenticated
    assert user.two_factor_state.asked_by_membership  # an owner must have an authenticator
    assert not user.two_factor_state.has_authenticator
    user_queries = [q for q in captured.captured_queries if '"auth_user"' in q["sql"]]
    assert len(user_queries) == 1
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    assert client.get("/en/").wsgi_request.user.is_authenticated is False


def test_an_expired_or_unknown_session_loads_as_empty():
    store = SessionStore()
    store["kept"] = "yes"
    store.save()
    assert SessionStore(store.session_key).load() == {"kept": "yes"}
    Session.objects.filter(session_key=store.session_key).update(expire_date="2000-01-01T00:00:00Z")
    expired = SessionStore(store.session_key)
    assert expired.load() == {} and expired.session_key is None
    assert SessionStore("no-such-session-key-at-all-here-0123").load() == {}
