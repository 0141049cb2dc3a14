"""Draft, publish, version, acknowledge, compare, and the cached page (issue: policy lifecycle)."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import sign_in
from siyasa.core.tests.factories import CustodyFactory, DeviceFactory, PersonFactory, UserFactory
from siyasa.orgs.models import Organization
from siyasa.policy import page_cache, selectors, services
from siyasa.policy.diff import word_diff
from siyasa.policy.models import (
    Acknowledgement,
    PolicySettings,
    PolicyText,
    PolicyVersion,
    VersionKind,
)
from siyasa.workspace.services import create_organization

TODAY = timezone.localdate


def publish(cast, kind=VersionKind.MATERIAL, *, days_ago=0, role="owner"):
    return services.publish_version(
        membership=cast.membership(role),
        summary="تغيير",
        kind=kind,
        effective_on=TODAY() - datetime.timedelta(days=days_ago),
    )


def edit_text(cast, key="law.privacy", ar="نص جديد", en="New text"):
    services.update_text(membership=cast.membership("editor"), key=key, body_ar=ar, body_en=en)


def page(cast, who="staff", lang="ar", path="policy"):
    return cast.client(who).get(
        reverse(path, kwargs={"slug": cast.org.slug}).replace("/ar/", f"/{lang}/", 1)
    )


def test_draft_edits_reach_readers_only_when_published(cast):
    publish(cast)
    edit_text(cast, ar="صياغة لم تنشر بعد")
    assert "صياغة لم تنشر بعد" not in page(cast).content.decode()
    assert "صياغة لم تنشر بعد" in page(cast, "editor", path="policy_draft").content.decode()
    publish(cast)
    assert "صياغة لم تنشر بعد" in page(cast).content.decode()


def test_versions_are_numbered_in_order(cast):
    assert [publish(cast).number, publish(cast).number] == [1, 2]


def test_a_published_version_is_immutable(cast):
    version = publish(cast)
    version.summary = "rewritten history"
    with pytest.raises(ValueError):
        version.save()


def test_publishing_is_all_or_nothing(cast):
    first = publish(cast)
    edit_text(cast, ar="مسودة محفوظة")
    PolicySettings.objects.filter(organization=cast.org).update(rotation_interval_days=30)
    with (
        mock.patch("siyasa.policy.services.touch", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        publish(cast)
    assert list(PolicyVersion.objects.for_org(cast.org)) == [first]
    assert selectors.version_in_force(cast.org) == first
    assert (
        PolicyText.objects.get(organization=cast.org, key="law.privacy").body_ar == "مسودة محفوظة"
    )
    cast.org.refresh_from_db()
    assert cast.org.rotation_interval(TODAY()) == 90


def test_publishing_puts_the_stated_rotation_interval_in_force(cast):
    PolicySettings.objects.filter(organization=cast.org).update(rotation_interval_days=45)
    cast.org.refresh_from_db()
    assert cast.org.rotation_interval(TODAY()) == 90
    publish(cast)
    cast.org.refresh_from_db()
    assert cast.org.rotation_interval(TODAY()) == 45


def test_a_version_cannot_start_before_the_previous_one(cast):
    publish(cast)
    with pytest.raises(ValidationError):
        publish(cast, days_ago=3)


@pytest.mark.parametrize("role", ["staff", "editor"])
def test_only_owners_and_policy_admins_publish(cast, role):
    with pytest.raises(PermissionDenied):
        publish(cast, role=role)
    response = cast.client(role).post(
        reverse("policy_publish", kwargs={"slug": cast.org.slug}),
        {"summary": "x", "kind": "material", "effective_on": TODAY().isoformat()},
    )
    assert response.status_code == 403
    assert not PolicyVersion.objects.exists()


def test_publish_form_refuses_a_date_in_the_past_with_a_message(cast):
    response = cast.client("policy_admin").post(
        reverse("policy_publish", kwargs={"slug": cast.org.slug}),
        {"summary": "x", "kind": "material", "effective_on": "2000-01-01"},
    )
    assert response.status_code == 400
    assert "الماضي" in response.content.decode()
    assert not PolicyVersion.objects.exists()


def test_a_scheduled_version_is_not_in_force_yet(cast):
    first = publish(cast)
    services.publish_version(
        membership=cast.membership("owner"),
        summary="later",
        kind=VersionKind.MATERIAL,
        effective_on=TODAY() + datetime.timedelta(days=10),
    )
    assert selectors.version_in_force(cast.org) == first


def test_material_version_asks_everyone_again_editorial_does_not(cast):
    publish(cast)
    services.acknowledge(membership=cast.membership("staff"))
    assert selectors.has_acknowledged(cast.org, cast.users["staff"])
    publish(cast, VersionKind.EDITORIAL)
    assert selectors.has_acknowledged(cast.org, cast.users["staff"])
    publish(cast, VersionKind.MATERIAL)
    assert not selectors.has_acknowledged(cast.org, cast.users["staff"])
    assert Acknowledgement.objects.filter(user=cast.users["staff"]).count() == 1  # history kept


def test_acknowledging_twice_records_once(cast):
    publish(cast)
    services.acknowledge(membership=cast.membership("staff"))
    services.acknowledge(membership=cast.membership("staff"))
    assert Acknowledgement.objects.count() == 1


def test_nothing_to_acknowledge_before_publication(cast):
    with pytest.raises(ValidationError):
        services.acknowledge(membership=cast.membership("staff"))


def test_policy_admin_sees_rate_and_who_is_missing_since_when(cast):
    version = publish(cast)
    cast.client("staff").post(reverse("policy_acknowledge", kwargs={"slug": cast.org.slug}))
    status = selectors.acknowledgement_status(cast.org)
    assert (status.done, len(status.rows)) == (1, 5)  # 4 roles + the founder
    assert status.rate == 20
    html = (
        cast.client("policy_admin")
        .get(reverse("policy_acknowledgements", kwargs={"slug": cast.org.slug}))
        .content.decode()
    )
    assert "20%" in html
    assert version.effective_on.strftime("%Y") in html


def test_a_member_who_has_not_acknowledged_sees_it_first_at_sign_in(cast):
    publish(cast)
    from django.test import Client

    def lands_on():
        response = Client().post(
            "/ar/accounts/login/",
            {"login": "staff-a", "password": "pass-word-123"},
            follow=True,
        )
        assert response.status_code == 200
        return response.redirect_chain[-1][0]

    assert lands_on() == f"/ar/o/{cast.org.slug}/policy/me/"
    cast.client("staff").post(reverse("policy_acknowledge", kwargs={"slug": cast.org.slug}))
    assert lands_on() == "/ar/"


def test_word_diff_marks_arabic_words():
    old, new = word_diff(
        "يغيّر الأمين كلمة المرور كل تسعين يومًا", "يغيّر الأمين كلمة المرور كل ستين يومًا"
    )
    assert "<del>تسعين</del>" in old and "<ins>ستين</ins>" in new
    assert "<del>" not in new and "<ins>" not in old


def test_word_diff_escapes_html():
    old, new = word_diff("<b>a</b>", "<b>b</b>")
    assert "<b>" not in old + new


def test_compare_two_versions_side_by_side(cast):
    edit_text(
        cast,
        key="security.intro",
        ar="يغيّر الأمين الكلمة كل تسعين يومًا",
        en="Rotate every ninety days",
    )
    publish(cast)
    edit_text(
        cast,
        key="security.intro",
        ar="يغيّر الأمين الكلمة كل ستين يومًا",
        en="Rotate every sixty days",
    )
    publish(cast)
    url = reverse("policy_compare", kwargs={"slug": cast.org.slug})
    html = cast.client("staff").get(url, {"from": 1, "to": 2}).content.decode()
    assert "<del>تسعين</del>" in html and "<ins>ستين</ins>" in html
    assert "<del>ninety</del>" in html and "<ins>sixty</ins>" in html
    assert "Privacy" not in html and "الخصوصية" not in html  # only what changed


def test_compare_with_the_draft_is_for_editors(cast):
    publish(cast)
    url = reverse("policy_compare", kwargs={"slug": cast.org.slug})
    assert cast.client("editor").get(url, {"from": 1, "to": "draft"}).status_code == 200
    assert cast.client("staff").get(url, {"from": 1, "to": "draft"}).status_code == 404
    assert cast.client("staff").get(url, {"from": 1, "to": "99"}).status_code == 404
    assert cast.client("staff").get(url, {"from": "x", "to": "1"}).status_code == 404


def test_an_earlier_version_can_be_read(cast):
    edit_text(cast, ar="الصياغة الأولى")
    publish(cast)
    edit_text(cast, ar="الصياغة الثانية")
    publish(cast)
    html = (
        cast.client("staff")
        .get(reverse("policy_version", kwargs={"slug": cast.org.slug, "number": 1}))
        .content.decode()
    )
    assert "الصياغة الأولى" in html and "الصياغة الثانية" not in html


def test_policy_page_answers_a_conditional_get_with_304(cast):
    publish(cast)
    client = cast.client("staff")
    url = reverse("policy", kwargs={"slug": cast.org.slug})
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # The live directory changed: the page must be sent again.
    PersonFactory(organization=cast.org)
    from siyasa.orgs.rows import touch

    touch(cast.org, "roles")
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_new_version_changes_the_etag(cast):
    publish(cast)
    client = cast.client("staff")
    url = reverse("policy", kwargs={"slug": cast.org.slug})
    etag = client.get(url)["ETag"]
    publish(cast)
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_etag_does_not_leak_a_members_only_policy(cast):
    publish(cast)
    url = reverse("policy", kwargs={"slug": cast.org.slug})
    etag = cast.client("staff").get(url)["ETag"]
    assert cast.client(None).get(url, HTTP_IF_NONE_MATCH=etag).status_code == 302
    assert cast.client("outsider").get(url, HTTP_IF_NONE_MATCH=etag).status_code == 404


# What the policy page and its 304 cost in SQL, so neither can grow unnoticed. A member: session,
# user with the two facts the two-factor middleware asks (one query); then their membership with the
# organisation (one query), and whether they have acknowledged, where the 304 stops: the cache key and the ETag are
# made of the organisation row. Rendered anew (the page cache off), the full page adds the version
# in force with its texts, the directory (accounts with their grants, responsibilities, devices
# with their accounts, policy admins and their entries, crisis contacts and levels) and, for the
# frame, the version's number. Anonymous readers need none of the session, sign-in, membership and
# acknowledgement reads, and read no directory: the public page adds only the change stamps, the
# official accounts, the crisis roles and the levels. An unchanged page, from the cache, costs what
# the 304 costs, plus two reads of the cache (the parts, the frame: a database table by default)
# in a process that has not kept the page in memory.
PAGE_QUERIES = {"staff": (16, 4, 6, 4), None: (7, 1, 3, 1)}


@pytest.mark.parametrize("who", ["staff", None])
def test_the_policy_page_and_its_304_run_a_fixed_number_of_queries(
    cast, django_assert_num_queries, settings, who
):
    publish(cast)
    Organization.objects.filter(pk=cast.org.pk).update(policy_visibility="public")
    for _ in range(3):  # rows enough that a query per row would show
        CustodyFactory(organization=cast.org)
        DeviceFactory(organization=cast.org)
    client = cast.client(who)
    url = reverse("policy", kwargs={"slug": cast.org.slug})
    etag = client.get(url)["ETag"]
    rendered, cached, shared, revalidated = PAGE_QUERIES[who]
    with django_assert_num_queries(cached):
        assert client.get(url).status_code == 200
    page_cache.forget()  # another web server's process
    with django_assert_num_queries(shared):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(revalidated):
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    settings.SIYASA_PAGE_CACHE = False
    with django_assert_num_queries(rendered):
        assert client.get(url).status_code == 200


def test_public_policy_shows_version_to_anonymous(cast):
    publish(cast)
    Organization.objects.filter(pk=cast.org.pk).update(policy_visibility="public")
    html = cast.client(None).get(reverse("policy", kwargs={"slug": cast.org.slug})).content.decode()
    assert "Version 1" in html or "النسخة 1" in html


def test_workspace_shows_the_version_in_force_acknowledgements_and_review_due(cast):
    PolicySettings.objects.filter(organization=cast.org).update(
        next_review_on=TODAY() - datetime.timedelta(days=2)
    )
    publish(cast)
    html = cast.client("policy_admin").get(f"/en/o/{cast.org.slug}/").content.decode()
    assert "Version 1, since" in html
    assert "0% of members (5 missing)" in html
    assert "Overdue since" in html


def test_exports_need_a_published_version(cast):
    for name in ("policy_pdf", "policy_docx"):
        assert (
            cast.client("staff").get(reverse(name, kwargs={"slug": cast.org.slug})).status_code
            == 404
        )


def test_exports_are_served_with_their_types(cast, run_worker):
    publish(cast)
    client = cast.client("staff")
    pdf_url = reverse("policy_pdf", kwargs={"slug": cast.org.slug})
    word_url = reverse("policy_docx", kwargs={"slug": cast.org.slug}).replace("/ar/", "/en/")
    assert client.get(pdf_url).status_code == client.get(word_url).status_code == 202
    run_worker()  # the job worker makes the files
    pdf = client.get(pdf_url)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert 'filename="alpha-social-media-policy-v1-ar.pdf"' in pdf["Content-Disposition"]
    word = client.get(word_url)
    assert word["Content-Type"].endswith("wordprocessingml.document")
    assert word.content.startswith(b"PK")


def test_pdf_link_explains_when_the_server_cannot_make_pdfs(cast, run_worker):
    from siyasa.policy import exports

    publish(cast)
    url = reverse("policy_pdf", kwargs={"slug": cast.org.slug})
    client = cast.client("staff")
    client.get(url)
    with mock.patch.object(exports, "render_pdf", side_effect=exports.ExportUnavailable):
        run_worker()
    response = client.get(url)
    assert response.status_code == 503
    assert "Pango" in response.content.decode()


def test_a_future_dated_version_puts_its_rotation_interval_in_force_on_its_date(db, client):
    """R2.1 from an organisation made through the product: published today, in force next week."""
    owner = UserFactory()
    org = create_organization(owner=owner, name_ar="جمعية واو", slug="waw")
    membership = owner.memberships.get(organization=org)
    today = datetime.date(2026, 6, 10)
    next_week = today + datetime.timedelta(days=7)
    custody = CustodyFactory(
        organization=org, last_rotated_on=today - datetime.timedelta(days=70), rotation_days=None
    )
    with time_machine.travel(datetime.datetime(2026, 6, 10, 9, tzinfo=datetime.UTC)):
        services.publish_version(
            membership=membership, summary="أول", kind=VersionKind.MATERIAL, effective_on=today
        )
        PolicySettings.objects.filter(organization=org).update(rotation_interval_days=60)
        services.publish_version(
            membership=membership, summary="أقصر", kind=VersionKind.MATERIAL, effective_on=next_week
        )
        org.refresh_from_db()
        # Today the 90 days of the version in force still count: due on 30 June.
        assert org.rotation_interval(today) == 90
        assert custody.next_rotation_on(org.rotation_interval(today)) == datetime.date(2026, 6, 30)
        assert not _r2_1(org, today)
        sign_in(client, owner)
        page = client.get(f"/en/o/{org.slug}/accounts/{custody.account.pk}/")
        assert "every 90 days" in page.content.decode()

    with time_machine.travel(datetime.datetime(2026, 6, 17, 9, tzinfo=datetime.UTC)):
        # From its effective date, the new version's 60 days: overdue since 31 May.
        assert org.rotation_interval(next_week) == 60
        [finding] = _r2_1(org, next_week)
        assert finding.params["day"] == datetime.date(2026, 5, 31)
        sign_in(client, owner)  # a week later, a new session
        page = client.get(f"/en/o/{org.slug}/accounts/{custody.account.pk}/")
        assert "every 60 days" in page.content.decode()


def _r2_1(org, today):
    from siyasa.doctor.engine import diagnose

    return [f for f in diagnose(org, today).findings if f.requirement == "R2.1"]


def test_each_future_version_brings_its_interval_on_its_own_date(cast):
    publish(cast)
    for days, later in ((60, 7), (30, 14)):
        PolicySettings.objects.filter(organization=cast.org).update(rotation_interval_days=days)
        publish(cast, days_ago=-later)
    cast.org.refresh_from_db()
    day = TODAY()
    assert [cast.org.rotation_interval(day + datetime.timedelta(days=n)) for n in (0, 7, 14)] == [
        90,
        60,
        30,
    ]
