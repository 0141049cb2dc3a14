"""Pages as a reader meets them: codes only for those who work on the policy, findings that lead
somewhere, a message after every change, buttons that say what they do."""

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import sign_in
from siyasa.core.tests.factories import PersonFactory, UserFactory
from siyasa.doctor.engine import diagnose
from siyasa.doctor.findings import Severity
from siyasa.orgs.models import Membership, Role
from siyasa.policy.services import publish_version
from siyasa.security.services import onboarding
from siyasa.workspace.services import create_organization

pytestmark = pytest.mark.django_db

READERS_PAGES = ("workspace", "policy", "policy_me", "health", "crisis_plan", "device_list")


def _get(client, name, slug="alpha"):
    return client.get(reverse(name, kwargs={"slug": slug})).content.decode()


def test_requirement_codes_are_for_those_who_work_on_the_policy(cast):
    publish_version(
        membership=cast.membership("owner"),
        summary="v1",
        kind="material",
        effective_on=timezone.localdate(),
    )
    for name in READERS_PAGES:
        assert 'class="req-id"' not in _get(cast.client("staff"), name), name
        for role in ("editor", "policy_admin", "owner"):
            assert 'class="req-id"' in _get(cast.client(role), name), (name, role)


@pytest.fixture
def founded():
    """An organisation started through the product: many findings to fix."""
    owner = UserFactory(username="founder")
    org = create_organization(owner=owner, name_ar="جمعية الأمل", slug="amal", owner_name="ليلى")
    staff = UserFactory(username="worker")
    Membership.objects.create(user=staff, organization=org, role=Role.STAFF)
    return org, owner, staff


def _top_error_links(html):
    box = html.split('id="attention-h"', 1)[1].split("</section>", 1)[0]
    return [line for line in box.split("<li") if 'class="finding"' in line]


def test_every_workspace_finding_links_to_its_fix(founded, client):
    org, owner, staff = founded
    errors = [f for f in diagnose(org).findings if f.severity == Severity.ERROR][:5]
    assert errors
    sign_in(client, owner)
    rows = _top_error_links(_get(client, "workspace", org.slug))
    assert len(rows) == len(errors)
    membership = Membership.objects.get(organization=org, user=owner)
    for row, finding in zip(rows, errors, strict=True):
        assert f'href="{finding.fix.url(org.slug)}"' in row
        assert finding.fix_url_for(membership, org.slug)


def test_a_staff_members_findings_lead_to_the_health_page(founded, client):
    org, owner, staff = founded
    sign_in(client, staff)
    rows = _top_error_links(_get(client, "workspace", org.slug))
    health = reverse("health", kwargs={"slug": org.slug})
    assert rows and all(f'href="{health}#health-' in row for row in rows)


def test_starting_an_offboarding_and_ticking_steps_say_so(cast):
    leaving = PersonFactory(organization=cast.org, name="راحل")
    client = cast.client("policy_admin")
    response = client.post(
        reverse("offboarding_start", kwargs={"slug": "alpha", "pk": leaving.pk}),
        {"last_day": timezone.localdate().isoformat()},
        follow=True,
    )
    assert "قائمة إنهاء ارتباط راحل جاهزة" in response.content.decode()

    newcomer = cast.person("staff")
    step = onboarding.start(membership=cast.membership("owner"), person=newcomer)[0]
    response = cast.client("staff").post(
        reverse("onboarding_tick", kwargs={"slug": "alpha", "pk": step.pk}),
        {"back": "policy_me"},
        follow=True,
    )
    assert "تم وضع علامة الإنجاز" in response.content.decode()


def test_done_buttons_say_they_are_an_action(cast):
    newcomer = cast.person("staff")
    onboarding.start(membership=cast.membership("owner"), person=newcomer)
    html = _get(cast.client("staff"), "policy_me")
    assert "وضع علامة «تم»" in html
    en = cast.client("staff").get("/en" + reverse("policy_me", kwargs={"slug": "alpha"})[3:])
    assert ">Mark done</button>" in en.content.decode()
