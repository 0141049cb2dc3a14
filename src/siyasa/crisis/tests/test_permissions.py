"""Who may declare, add to, steer, approve in and close an incident — besides the URL matrix."""

import pytest

from siyasa.core.tests.factories import PersonFactory
from siyasa.crisis import selectors as crisis_selectors
from siyasa.crisis.models import Approval, Incident, Statement, TimelineEntry
from siyasa.crisis.services import statements
from siyasa.crisis.tests.conftest import declare, declare_data, level
from siyasa.orgs.models import Person

pytestmark = pytest.mark.usefixtures("mail_now")
MEMBERS = ["staff", "editor", "policy_admin", "owner"]


def base(cast, incident=None):
    url = f"/ar/o/{cast.org.slug}/crisis/"
    return url + (f"incidents/{incident.number}/" if incident else "")


@pytest.fixture
def incident(cast):
    """An incident led by the staff member (their directory entry)."""
    lead = Person.objects.get(organization=cast.org, user=cast.users["staff"])
    return declare(cast.membership("editor"), 1, lead=lead)


@pytest.mark.parametrize("who", MEMBERS)
def test_every_member_may_declare_an_incident(cast, who):
    lead = PersonFactory(organization=cast.org)
    response = cast.client(who).post(
        base(cast) + "declare/", declare_data(level(cast.org, 1), lead)
    )
    assert response.status_code == 302
    assert Incident.objects.for_org(cast.org).get().declared_by == cast.users[who]


@pytest.mark.parametrize("who,status", [(None, 302), ("outsider", 404)])
def test_outsiders_and_anonymous_visitors_cannot_declare(cast, who, status):
    lead = PersonFactory(organization=cast.org)
    response = cast.client(who).post(
        base(cast) + "declare/", declare_data(level(cast.org, 1), lead)
    )
    assert response.status_code == status
    assert not Incident.objects.exists()


@pytest.mark.parametrize("who", MEMBERS)
def test_every_member_may_add_to_the_timeline_tasks_and_statements(cast, incident, who):
    client = cast.client(who)
    url = base(cast, incident)
    assert client.post(url + "timeline/", {"text": f"seen by {who}"}).status_code == 302
    assert client.post(url + "tasks/", {"title": f"task of {who}"}).status_code == 302
    assert client.post(url + "statements/", {"text_ar": "نص", "text_en": ""}).status_code == 302
    statement = Statement.objects.filter(incident=incident).last()
    edit = client.post(
        url + f"statements/{statement.pk}/",
        {"text_ar": "نص آخر", "text_en": "", "seen_version": 1},
    )
    assert edit.status_code == 302


# The staff member leads the incident; the editor declared it but does not lead it.
STEER = [("staff", True), ("editor", False), ("policy_admin", True), ("owner", True)]


@pytest.mark.parametrize("who,allowed", STEER)
def test_the_lead_owners_and_policy_admins_change_the_level(cast, incident, who, allowed):
    response = cast.client(who).post(
        base(cast, incident) + "level/", {"level": level(cast.org, 2).pk, "reason": "x"}
    )
    assert response.status_code == (302 if allowed else 403)
    incident.refresh_from_db()
    assert incident.level.rank == (2 if allowed else 1)


@pytest.mark.parametrize("who,allowed", STEER)
def test_the_lead_owners_and_policy_admins_hand_over_the_lead(cast, incident, who, allowed):
    new_lead = PersonFactory(organization=cast.org)
    response = cast.client(who).post(base(cast, incident) + "lead/", {"lead": new_lead.pk})
    assert response.status_code == (302 if allowed else 403)
    incident.refresh_from_db()
    assert (incident.lead == new_lead) == allowed


@pytest.mark.parametrize("who,allowed", STEER)
def test_the_lead_owners_and_policy_admins_close(cast, incident, who, allowed):
    response = cast.client(who).post(base(cast, incident) + "close/", {"review_happened": "x"})
    assert response.status_code == (302 if allowed else 403)
    incident.refresh_from_db()
    assert incident.is_open != allowed


def test_a_refused_steer_changes_nothing(cast, incident):
    entries = TimelineEntry.objects.count()
    client, url = cast.client("editor"), base(cast, incident)
    client.post(url + "level/", {"level": level(cast.org, 4).pk, "reason": "x"})
    client.post(url + "close/", {"review_happened": "x"})
    incident.refresh_from_db()
    assert (incident.level.rank, incident.is_open) == (1, True)
    assert TimelineEntry.objects.count() == entries


def test_the_steer_forms_are_shown_only_to_those_who_may(cast, incident):
    for who, shown in (("staff", True), ("editor", False), ("owner", True)):
        html = cast.client(who).get(base(cast, incident)).content.decode()
        assert (f'action="{base(cast, incident)}level/"' in html) == shown, who


def decide(client, cast, statement, role, seen=1):
    return client.post(
        base(cast, statement.incident) + f"statements/{statement.pk}/decide/",
        {"role": role, "decision": "approve", "comment": "", "seen_version": seen},
    )


def test_only_holders_of_a_required_role_may_approve(cast, crew):
    incident = declare(cast.membership("staff"), 2)  # social team and PR approve
    statement = statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="x", text_en=""
    )

    # Owners and policy admins hold no crisis role here: not theirs to approve.
    for who in MEMBERS:
        assert decide(cast.client(who), cast, statement, "social_team").status_code == 403
    # The board delegate holds a role, but not one this level requires.
    assert decide(crew.client("board"), cast, statement, "board_delegate").status_code == 403
    # Nor may anyone approve as a role they do not hold.
    assert decide(crew.client("board"), cast, statement, "social_team").status_code == 403
    assert not Approval.objects.exists()

    assert decide(crew.client("social"), cast, statement, "social_team").status_code == 302
    assert decide(crew.client("pr"), cast, statement, "public_relations").status_code == 302
    assert crisis_selectors.statement_state(statement).publishable


def test_a_backup_may_approve_for_the_role_they_back_up(cast, crew):
    incident = declare(cast.membership("staff"), 4)  # legal approves at "critical"
    statement = statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="x", text_en=""
    )
    # The executive director is the legal expert's backup.
    assert decide(crew.client("executive"), cast, statement, "legal").status_code == 302


def test_a_departed_role_holder_may_no_longer_approve(cast, crew):
    incident = declare(cast.membership("staff"), 1)
    statement = statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="x", text_en=""
    )
    Person.objects.filter(pk=crew.people["social"].pk).update(status="departed")
    assert decide(crew.client("social"), cast, statement, "social_team").status_code == 403


def test_the_approve_form_appears_only_for_ones_own_required_roles(cast, crew):
    incident = declare(cast.membership("staff"), 2)
    statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="x", text_en=""
    )
    marker = 'name="role" value="'
    pr_page = crew.client("pr").get(base(cast, incident)).content.decode()
    owner_page = cast.client("owner").get(base(cast, incident)).content.decode()
    assert f'{marker}public_relations"' in pr_page and f'{marker}social_team"' not in pr_page
    assert marker not in owner_page


def test_an_approval_in_another_organisation_is_404(cast, crew):
    owner_b = cast.other_org.memberships.filter(role="owner").first()
    theirs = declare(owner_b, 1)
    statement = statements.submit(membership=owner_b, incident=theirs, text_ar="x", text_en="")
    declare(cast.membership("staff"), 1)  # my incident number 1
    response = crew.client("social").post(
        f"/ar/o/{cast.org.slug}/crisis/incidents/1/statements/{statement.pk}/decide/",
        {"role": "social_team", "decision": "approve", "seen_version": 1},
    )
    assert response.status_code == 404
    with pytest.raises(Exception):  # noqa: B017 - the service refuses a foreign statement too
        statements.decide(
            membership=crew.membership("social"),
            statement=statement,
            role="social_team",
            decision="approve",
            comment="",
            seen_version=1,
        )
