"""R1.6 and R2.10 in the registry: asking to open an account, its approval or refusal, recording
activity, connected apps on the account page and in an offboarding."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from conftest import sign_in
from siyasa.core.tests.factories import (
    AccountRequestFactory,
    ConnectedAppFactory,
    ModerationDecisionFactory,
    PersonFactory,
    SocialAccountFactory,
    UserFactory,
)
from siyasa.doctor.engine import diagnose
from siyasa.orgs.models import Membership
from siyasa.registry import services
from siyasa.registry.models import AccountRequest, SocialAccount
from siyasa.security.services import offboarding
from siyasa.workspace.services import create_organization


def url(name, org, **kwargs):
    return reverse(name, kwargs={"slug": org.slug, **kwargs})


def ask(client, org, handle="@alpha_youth"):
    return client.post(
        url("account_request_new", org),
        {
            "platform": "tiktok",
            "handle": handle,
            "purpose_ar": "التواصل مع المتطوعين الشباب",
            "purpose_en": "",
            "reason": "Young volunteers are on TikTok, not on X.",
        },
    )


def test_a_staff_member_asks_and_a_policy_admin_approves_which_registers_the_account(cast):
    staff = cast.client("staff")
    assert ask(staff, cast.org).status_code == 302
    request_row = AccountRequest.objects.for_org(cast.org).get()
    assert request_row.is_pending and request_row.requested_by == cast.users["staff"]
    assert not SocialAccount.objects.for_org(cast.org).filter(handle="@alpha_youth").exists()

    # The staff member cannot decide their own request; the list names them, not their login.
    decide = url("account_request_decide", cast.org, pk=request_row.pk)
    assert staff.post(decide, {"decision": "approved"}).status_code == 403
    page = staff.get(url("account_request_list", cast.org)).content.decode()
    assert cast.name("staff") in page and "Approve and register" not in page

    admin = cast.client("policy_admin")
    response = admin.post(decide, {"decision": "approved", "note": "For the summer campaign"})
    account = SocialAccount.objects.for_org(cast.org).get(handle="@alpha_youth")
    assert response.status_code == 302 and response.url == url(
        "account_detail", cast.org, pk=account.pk
    )
    assert account.opening_approved_by == cast.person("policy_admin")
    assert account.opening_approved_on == account.opened_on == timezone.localdate()
    request_row.refresh_from_db()
    assert request_row.status == AccountRequest.Status.APPROVED and request_row.account == account
    # Approved through the product: the doctor does not ask for an approval.
    assert f"account:{account.pk}:approval" not in {
        f.subject for f in diagnose(cast.org, timezone.localdate()).findings
    }
    # Decided once.
    again = admin.post(decide, {"decision": "refused"}, follow=True)
    assert "already been decided" in again.content.decode() or "سبق" in again.content.decode()
    request_row.refresh_from_db()
    assert request_row.status == AccountRequest.Status.APPROVED


def test_a_refused_request_registers_nothing_and_editors_cannot_decide(cast):
    row = AccountRequestFactory(organization=cast.org, requested_by=cast.users["editor"])
    decide = url("account_request_decide", cast.org, pk=row.pk)
    assert cast.client("editor").post(decide, {"decision": "approved"}).status_code == 403

    assert cast.client("owner").post(decide, {"decision": "refused"}).status_code == 302
    row.refresh_from_db()
    assert row.status == AccountRequest.Status.REFUSED and row.decided_by == cast.users["owner"]
    assert not SocialAccount.objects.for_org(cast.org).filter(handle=row.handle).exists()


def test_a_decision_needs_a_choice(cast):
    row = AccountRequestFactory(organization=cast.org)
    response = cast.client("owner").post(url("account_request_decide", cast.org, pk=row.pk), {})
    assert response.status_code == 400
    row.refresh_from_db()
    assert row.is_pending


def test_another_organisations_request_is_404_and_the_service_refuses_it(cast):
    theirs = AccountRequestFactory(organization=cast.other_org)
    response = cast.client("owner").post(
        url("account_request_decide", cast.org, pk=theirs.pk), {"decision": "approved"}
    )
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        services.decide_account_request(
            membership=cast.membership("owner"), account_request=theirs, approve=True
        )
    theirs.refresh_from_db()
    assert theirs.is_pending


def test_approving_a_handle_already_registered_is_refused_with_a_message(cast):
    SocialAccountFactory(organization=cast.org, platform="tiktok", handle="@taken")
    row = AccountRequestFactory(organization=cast.org, handle="@taken")
    response = cast.client("owner").post(
        url("account_request_decide", cast.org, pk=row.pk), {"decision": "approved"}, follow=True
    )
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.is_pending


def test_a_secret_typed_into_a_request_is_refused(cast):
    response = cast.client("staff").post(
        url("account_request_new", cast.org),
        {"platform": "x", "handle": "@alpha_new", "reason": "password: Hunter2-Secret-99!"},
    )
    assert response.status_code == 400
    assert not AccountRequest.objects.for_org(cast.org).exists()


def test_recording_activity_revives_a_dormant_account(cast):
    account = SocialAccountFactory(organization=cast.org, status=SocialAccount.Status.DORMANT)
    assert (
        cast.client("staff").post(url("account_activity", cast.org, pk=account.pk)).status_code
        == 403
    )
    assert (
        cast.client("editor").post(url("account_activity", cast.org, pk=account.pk)).status_code
        == 302
    )
    account.refresh_from_db()
    assert account.last_activity_on == timezone.localdate()
    assert account.status == SocialAccount.Status.ACTIVE


def test_the_account_page_lists_its_connected_apps(cast):
    app = ConnectedAppFactory(organization=cast.org, name="Buffer", approved_by=None)
    page = cast.client("staff").get(url("account_detail", cast.org, pk=app.account_id))
    text = page.content.decode()
    assert "Buffer" in text and "R2.10" in text


def test_offboarding_lists_the_connections_the_leaving_person_owns(cast):
    leaving = PersonFactory(organization=cast.org)
    app = ConnectedAppFactory(organization=cast.org, name="Hootsuite", owner=leaving)
    ConnectedAppFactory(organization=cast.org, name="Later")  # someone else's
    started = offboarding.start(
        membership=cast.membership("owner"), person=leaving, last_day=timezone.localdate()
    )
    labels = [item.label for item in started.items.all() if item.target == "registry.connectedapp"]
    assert len(labels) == 1 and "Hootsuite" in labels[0]
    assert started.items.get(target="registry.connectedapp").target_id == app.pk


def test_the_moderation_log_is_for_members_only(cast):
    cast.org.policy_visibility = cast.org.Visibility.PUBLIC
    cast.org.save()
    ModerationDecisionFactory(organization=cast.org, what="A comment with a phone number")
    assert (
        "A comment with a phone number"
        in cast.client("staff").get(url("moderation_list", cast.org)).content.decode()
    )
    assert cast.client("outsider").get(url("moderation_list", cast.org)).status_code == 404
    public = cast.client(None).get(url("policy", cast.org)).content.decode()
    assert "A comment with a phone number" not in public


def test_a_new_organisation_asks_and_approves_its_first_account(db, client):
    founder = UserFactory(username="reem", email="reem@nour.org.sa")
    org = create_organization(owner=founder, name_ar="جمعية نور", slug="nour")
    sign_in(client, founder)
    assert ask(client, org, handle="@nour_sa").status_code == 302
    row = AccountRequest.objects.for_org(org).get()
    owner = Membership.objects.get(organization=org, user=founder)
    services.decide_account_request(membership=owner, account_request=row, approve=True)
    account = SocialAccount.objects.for_org(org).get(handle="@nour_sa")
    assert account.opening_approved_by.user == founder
    assert account.purpose_ar == "التواصل مع المتطوعين الشباب"
