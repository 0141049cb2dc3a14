"""Response approvals (R3.4): the rules as a state machine, driven through the real services."""

import threading
import time
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from siyasa.core.tests.factories import MembershipFactory, PersonFactory, UserFactory
from siyasa.crisis import selectors as crisis_selectors
from siyasa.crisis.forms import EmergencyContactForm
from siyasa.crisis.models import (
    Approval,
    CrisisRole,
    EmergencyContact,
    SeverityLevel,
    Statement,
    TimelineEntry,
)
from siyasa.crisis.services import incidents, statements
from siyasa.crisis.tests.conftest import declare, level
from siyasa.orgs.models import Person
from siyasa.orgs.rows import save_row
from siyasa.workspace.services import create_organization

pytestmark = pytest.mark.usefixtures("mail_now")

SOCIAL, PR, EXEC, LEGAL, BOARD = (
    "social_team",
    "public_relations",
    "executive",
    "legal",
    "board_delegate",
)
# The default approval chains (crisis/defaults.py), by rank.
REQUIRED = {
    1: [SOCIAL],
    2: [SOCIAL, PR],
    3: [SOCIAL, PR, EXEC],
    4: [SOCIAL, PR, EXEC, LEGAL, BOARD],
}
# Who holds what in the crew fixture (the executive is also the legal expert's backup); `staff`
# is a member of organisation A with no crisis role.
HELD = {
    "social": {SOCIAL},
    "pr": {PR},
    "executive": {EXEC, LEGAL},
    "lawyer": {LEGAL},
    "board": {BOARD},
    "staff": set(),
}


def d(version, role, decision="approve", who=None):
    # By default each role's decision is made by its own holder ("<role>-holder").
    return SimpleNamespace(
        version=version, role=role, decision=decision, approver_id=who or f"{role}-holder"
    )


# Everyone who decided in the pure tests still holds their role.
EVERYONE = {role: {f"{role}-holder"} for role in (SOCIAL, PR, EXEC, LEGAL, BOARD)}


def pure(required, decisions, version, holders=EVERYONE, **kwargs):
    return crisis_selectors.state(required, decisions, version, holders=holders, **kwargs)


# The pure state function


def test_publishable_only_when_every_required_role_approved_the_current_version():
    assert pure([SOCIAL, PR], [d(1, SOCIAL)], 1) == crisis_selectors.State("pending", (PR,))
    assert pure([SOCIAL, PR], [d(1, SOCIAL), d(1, PR)], 1).publishable
    # An edit (version 2) withdraws both statements.
    assert pure([SOCIAL, PR], [d(1, SOCIAL), d(1, PR)], 2).missing == (SOCIAL, PR)


def test_a_rejection_of_the_current_version_wins_until_the_text_changes():
    decisions = [d(1, SOCIAL), d(1, PR, "reject"), d(1, PR)]
    assert pure([SOCIAL, PR], decisions, 1).status == "rejected"
    assert pure([SOCIAL, PR], decisions, 1).rejected == (PR,)
    assert pure([SOCIAL, PR], decisions, 2).status == "pending"


def test_roles_outside_the_chain_do_not_count_and_an_empty_chain_never_publishes():
    assert pure([SOCIAL], [d(1, SOCIAL), d(1, LEGAL, "reject")], 1).publishable
    assert pure([], [d(1, SOCIAL)], 1).status == "pending"


def test_one_person_counts_once_on_a_version_for_their_first_decision():
    both = [d(1, SOCIAL, who="amal"), d(1, PR, who="amal")]
    holders = {SOCIAL: {"amal"}, PR: {"amal"}}
    assert pure([SOCIAL, PR], both, 1, holders).missing == (PR,)


def test_an_approval_counts_only_while_its_approver_holds_the_role():
    decisions = [d(1, SOCIAL), d(1, PR)]
    moved = {**EVERYONE, PR: {"someone-else"}}
    assert pure([SOCIAL, PR], decisions, 1, moved).missing == (PR,)
    # A rejection stands, whoever holds the role now.
    rejected = [d(1, SOCIAL), d(1, PR, "reject")]
    assert pure([SOCIAL, PR], rejected, 1, moved).status == "rejected"


def test_a_minimum_of_different_approvers_keeps_a_statement_pending_until_reached():
    one = [d(1, SOCIAL, who="amal")]
    two = [*one, d(1, SOCIAL, who="badr")]
    holders = {SOCIAL: {"amal", "badr"}}
    assert pure([SOCIAL], one, 1, holders, min_approvers=2) == crisis_selectors.State(
        "pending", approvers_short=1
    )
    assert pure([SOCIAL], two, 1, holders, min_approvers=2).publishable


# Through the services


@pytest.fixture
def minor(cast, crew):
    """An incident at "minor" (social team and PR approve) with one statement."""
    incident = declare(cast.membership("staff"), 2)
    statement = statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="نص", text_en="Text"
    )
    return statement


def decide(crew, key, statement, role, decision="approve", seen=None, comment="ok"):
    return statements.decide(
        membership=crew.membership(key),
        statement=statement,
        role=role,
        decision=decision,
        comment=comment,
        seen_version=seen or Statement.objects.get(pk=statement.pk).version,
    )


def current_state(statement):
    return crisis_selectors.statement_state(
        Statement.objects.select_related("incident__level").get(pk=statement.pk)
    )


def test_approved_for_publication_after_the_whole_chain_then_withdrawn_by_an_edit(
    cast, crew, minor
):
    decide(crew, "social", minor, SOCIAL)
    assert current_state(minor).missing == (PR,)
    decide(crew, "pr", minor, PR)
    assert current_state(minor).publishable
    assert minor.incident.timeline.filter(kind=TimelineEntry.Kind.PUBLISHABLE).count() == 1

    edited = statements.edit(
        membership=cast.membership("staff"),
        statement=minor,
        text_ar="نص جديد",
        text_en="Text",
        seen_version=1,
    )

    assert edited.version == 2
    assert current_state(minor).missing == (SOCIAL, PR)
    entry = minor.incident.timeline.get(kind=TimelineEntry.Kind.STATEMENT_EDITED)
    assert entry.data["withdrawn"] == 2 and entry.data["text"]["ar"] == "نص جديد"


def test_saving_the_same_text_is_no_new_version(cast, crew, minor):
    decide(crew, "social", minor, SOCIAL)
    same = statements.edit(
        membership=cast.membership("staff"),
        statement=minor,
        text_ar=" نص ",
        text_en="Text",
        seen_version=1,
    )
    assert same.version == 1
    assert current_state(minor).missing == (PR,)


def test_a_rejection_needs_a_comment_and_a_second_decision_is_refused(crew, minor):
    with pytest.raises(ValidationError):
        decide(crew, "social", minor, SOCIAL, "reject", comment="  ")
    decide(crew, "social", minor, SOCIAL, "reject", comment="Too long")
    assert current_state(minor).status == "rejected"
    with pytest.raises(ValidationError):
        decide(crew, "social", minor, SOCIAL)


def test_escalation_asks_for_more_roles_and_de_escalation_for_fewer(cast, crew, minor):
    decide(crew, "social", minor, SOCIAL)
    decide(crew, "pr", minor, PR)
    owner = cast.membership("owner")

    incidents.change_level(
        membership=owner, incident=minor.incident, level=level(cast.org, 3), reason="x"
    )
    assert current_state(minor).missing == (EXEC,)
    incidents.change_level(
        membership=owner, incident=minor.incident, level=level(cast.org, 1), reason="y"
    )
    assert current_state(minor).publishable


def test_a_closed_incidents_statements_are_frozen(cast, crew, minor):
    incidents.close(
        membership=cast.membership("owner"),
        incident=minor.incident,
        happened="x",
        worked="",
        changes="",
    )
    with pytest.raises(ValidationError):
        decide(crew, "social", minor, SOCIAL)
    with pytest.raises(ValidationError):
        statements.edit(
            membership=cast.membership("staff"),
            statement=minor,
            text_ar="x",
            text_en="",
            seen_version=1,
        )


# The rules as a state machine: any sequence of edits (by anyone), decisions (fresh or stale,
# allowed or not), level changes and changes of the crisis contacts; after every step, the
# statement is publishable iff every role the current level requires approved its current text
# through someone who still holds that role, at least the level's minimum of different people
# approved, and none rejected it — and the author of a version never decided on it, nor anyone
# twice on one version.

# The crew's contacts as the machine starts: role -> (person, backup), by key.
START_CONTACTS = {
    SOCIAL: ("social", None),
    PR: ("pr", None),
    EXEC: ("executive", None),
    LEGAL: ("lawyer", "executive"),
    BOARD: ("board", None),
}
# Different approvers each level needs in the machine: two on the one-role chain, four on the
# three-role chain (so a role's backup must approve too).
MIN_APPROVERS = {1: 2, 2: 1, 3: 4, 4: 1}


def test_any_sequence_of_edits_decisions_level_and_contact_changes_follows_the_rules(cast, crew):
    owner, staff = cast.membership("owner"), cast.membership("staff")
    memberships = {key: crew.membership(key) for key in HELD if key != "staff"}
    memberships["staff"] = staff
    people = {key: crew.people[key] for key in HELD if key != "staff"}
    people["staff"] = person_of(cast, "staff")
    for rank, minimum in MIN_APPROVERS.items():
        SeverityLevel.objects.for_org(cast.org).filter(rank=rank).update(min_approvers=minimum)

    class Approvals(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.contacts = dict(START_CONTACTS)
            for role, (person, backup) in self.contacts.items():
                EmergencyContact.objects.for_org(cast.org).filter(role=role).update(
                    person=people[person], backup=people[backup] if backup else None
                )
            self.decided: dict[tuple[int, str], str] = {}  # (version, who) -> role
            self.decisions: list[tuple[int, str, str, str]] = []  # (version, role, decision, who)

        @initialize(rank=st.integers(min_value=1, max_value=4))
        def open_incident(self, rank):
            self.rank = rank
            self.incident = declare(staff, self.rank)
            self.text = "أ"
            self.statement = statements.submit(
                membership=staff, incident=self.incident, text_ar=self.text, text_en=""
            )
            self.version, self.author = 1, "staff"

        def holds(self, who, role):
            return who in self.contacts.get(role, ())

        @rule(
            who=st.sampled_from(sorted(HELD)),
            text=st.sampled_from(["أ", "ب", "ج"]),
            stale=st.booleans(),
        )
        def edit(self, who, text, stale):
            seen = self.version + 1 if stale else self.version
            try:
                statements.edit(
                    membership=memberships[who],
                    statement=self.statement,
                    text_ar=text,
                    text_en="",
                    seen_version=seen,
                )
            except statements.Conflict:
                assert stale
                return
            assert not stale
            if text != self.text:
                self.text, self.version, self.author = text, self.version + 1, who

        @rule(
            who=st.sampled_from(sorted(HELD)),
            role=st.sampled_from([SOCIAL, PR, EXEC, LEGAL, BOARD]),
            decision=st.sampled_from(["approve", "reject"]),
            stale=st.booleans(),
        )
        def decide(self, who, role, decision, stale):
            self._decide(who, role, decision, stale)

        @rule(data=st.data())
        def approve_as_a_holder(self, data):
            """Most decisions above are refused; this one is someone who may approve."""
            pairs = [
                (who, role)
                for role in REQUIRED[self.rank]
                for who in sorted(HELD)
                if self.holds(who, role)
                and who != self.author
                and (self.version, who) not in self.decided
            ]
            if not pairs:
                return
            who, role = data.draw(st.sampled_from(pairs))
            self._decide(who, role, "approve", stale=False)

        @rule(data=st.data())
        def author_decides(self, data):
            """The person who wrote the version tries to decide on it, as a role they hold."""
            held = [r for r in REQUIRED[self.rank] if self.holds(self.author, r)]
            if held:
                role = data.draw(st.sampled_from(held))
                self._decide(self.author, role, data.draw(st.sampled_from(["approve", "reject"])))

        def _decide(self, who, role, decision, stale=False):
            seen = self.version - 1 if stale and self.version > 1 else self.version
            allowed = role in REQUIRED[self.rank] and self.holds(who, role)
            refused = who == self.author or (self.version, who) in self.decided
            try:
                statements.decide(
                    membership=memberships[who],
                    statement=self.statement,
                    role=role,
                    decision=decision,
                    comment="why",
                    seen_version=seen,
                )
            except PermissionDenied:
                assert not allowed
                return
            except statements.Conflict:
                assert allowed and seen != self.version
                return
            except ValidationError:
                assert allowed and seen == self.version and refused
                return
            assert allowed and seen == self.version and not refused
            self.decided[(self.version, who)] = role
            self.decisions.append((self.version, role, decision, who))

        @rule(rank=st.integers(min_value=1, max_value=4))
        def change_level(self, rank):
            if rank == self.rank:
                return
            incidents.change_level(
                membership=owner, incident=self.incident, level=level(cast.org, rank), reason="r"
            )
            self.rank = rank

        @rule(
            role=st.sampled_from([SOCIAL, PR, EXEC, LEGAL, BOARD]),
            person=st.sampled_from(sorted(HELD)),
            backup=st.sampled_from([None, *sorted(HELD)]),
        )
        def change_contact(self, role, person, backup):
            """A policy admin edits the role's emergency contact through the plan's form."""
            if person == backup:
                return
            contact = EmergencyContact.objects.for_org(cast.org).get(role=role)
            form = EmergencyContactForm(
                {
                    "role": role,
                    "person": people[person].pk,
                    "backup": people[backup].pk if backup else "",
                    "verified_on": "",
                },
                instance=contact,
                org=cast.org,
            )
            assert form.is_valid(), form.errors
            save_row(membership=cast.membership("policy_admin"), form=form)
            self.contacts[role] = (person, backup)

        @rule(data=st.data())
        def hand_over_an_approved_role(self, data):
            """A role whose holder approved the current text changes hands."""
            given = sorted({(r, who) for v, r, dec, who in self.decisions if v == self.version})
            if not given:
                return
            role, who = data.draw(st.sampled_from(given))
            person = data.draw(st.sampled_from([k for k in sorted(HELD) if k != who]))
            self.change_contact(role, person, None)

        @invariant()
        def publishable_iff_the_chain_approved_the_current_text(self):
            required = REQUIRED[self.rank]
            current = [(r, dec, who) for v, r, dec, who in self.decisions if v == self.version]
            rejected = any(r in required and dec == "reject" for r, dec, _who in current)
            approvers = {
                who
                for r, dec, who in current
                if r in required and dec == "approve" and self.holds(who, r)
            }
            approved = {r for r, dec, who in current if dec == "approve" and self.holds(who, r)}
            expected = (
                "rejected"
                if rejected
                else "publishable"
                if set(required) <= approved and len(approvers) >= MIN_APPROVERS[self.rank]
                else "pending"
            )
            assert current_state(self.statement).status == expected
            row = Statement.objects.get(pk=self.statement.pk)
            assert (row.version, row.text_ar) == (self.version, self.text)
            # No approval names a version that was never shown to anyone, none is its author's,
            # and nobody decided twice on one version.
            decisions = Approval.objects.filter(statement=self.statement)
            assert not decisions.filter(version__gt=self.version).exists()
            assert not decisions.filter(
                version=self.version, approver=memberships[self.author].user
            ).exists()
            pairs = list(decisions.values_list("version", "approver"))
            assert len(pairs) == len(set(pairs))

    run_state_machine_as_test(
        Approvals,
        settings=settings(
            max_examples=30,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )


# Concurrency: a decision and an edit of the same statement at the same moment.


def test_a_decision_on_a_version_that_changed_meanwhile_is_refused_with_409(cast, crew, minor):
    url = f"/ar/o/{cast.org.slug}/crisis/incidents/{minor.incident.number}/statements/{minor.pk}"
    approver = crew.client("social")
    page = approver.get(f"/ar/o/{cast.org.slug}/crisis/incidents/{minor.incident.number}/")
    assert 'name="seen_version" value="1"' in page.content.decode()  # the approver reads v1

    cast.client("staff").post(f"{url}/", {"text_ar": "نص آخر", "text_en": "", "seen_version": 1})
    response = approver.post(
        f"{url}/decide/", {"role": SOCIAL, "decision": "approve", "comment": "", "seen_version": 1}
    )

    assert response.status_code == 409
    assert not Approval.objects.filter(statement=minor).exists()


def test_an_edit_based_on_an_old_version_is_refused_with_409_and_keeps_the_draft(cast, crew, minor):
    url = f"/ar/o/{cast.org.slug}/crisis/incidents/{minor.incident.number}/statements/{minor.pk}/"
    first = cast.client("staff").post(url, {"text_ar": "أولى", "text_en": "", "seen_version": 1})
    second = cast.client("editor").post(url, {"text_ar": "ثانية", "text_en": "", "seen_version": 1})

    assert first.status_code == 302 and second.status_code == 409
    html = second.content.decode()
    assert "ثانية" in html and "أولى" in html  # my draft, and what it reads now
    assert 'name="seen_version" value="2"' in html
    assert Statement.objects.get(pk=minor.pk).text_ar == "أولى"


def test_an_approval_given_before_an_edit_is_counted_as_withdrawn_by_it(cast, crew, minor):
    # The editor opened v1, the approver approved v1, then the editor saved: the approval stays
    # on v1 (the text its approver saw) and the edit says it withdrew it.
    decide(crew, "social", minor, SOCIAL, seen=1)
    statements.edit(
        membership=cast.membership("staff"),
        statement=minor,
        text_ar="بعد",
        text_en="",
        seen_version=1,
    )
    assert list(Approval.objects.filter(statement=minor).values_list("version", flat=True)) == [1]
    entry = minor.incident.timeline.get(kind=TimelineEntry.Kind.STATEMENT_EDITED)
    assert entry.data["withdrawn"] == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_approval_and_edit_never_leave_an_approval_on_unseen_text(
    cast, crew, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time; this race needs PostgreSQL")
    incident = declare(cast.membership("staff"), 1)
    real_state = statements.statement_state

    def slow_state(*args):
        # Widen the window between the approver's version check and its insert.
        if threading.current_thread().name == "approver":
            time.sleep(0.05)
        return real_state(*args)

    monkeypatch.setattr(statements, "statement_state", slow_state)
    social, staff = crew.membership("social"), cast.membership("staff")
    for round_ in range(8):
        statement = statements.submit(
            membership=staff, incident=incident, text_ar=f"نص {round_}", text_en=""
        )
        barrier = threading.Barrier(2)
        outcome = {}

        def approve(statement=statement, barrier=barrier, outcome=outcome):
            try:
                barrier.wait()
                statements.decide(
                    membership=social,
                    statement=statement,
                    role=SOCIAL,
                    decision="approve",
                    comment="",
                    seen_version=1,
                )
                outcome["approve"] = "done"
            except statements.Conflict:
                outcome["approve"] = "refused"
            finally:
                connection.close()

        def edit(statement=statement, barrier=barrier, outcome=outcome, round_=round_):
            try:
                barrier.wait()
                time.sleep(0.01)  # let the approver reach its check first, most of the time
                statements.edit(
                    membership=staff,
                    statement=statement,
                    text_ar=f"نص معدّل {round_}",
                    text_en="",
                    seen_version=1,
                )
                outcome["edit"] = "done"
            finally:
                connection.close()

        threads = [
            threading.Thread(target=approve, name="approver"),
            threading.Thread(target=edit, name="editor"),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        statement.refresh_from_db()
        on_v1 = Approval.objects.filter(statement=statement, version=1).count()
        edited = incident.timeline.get(
            kind=TimelineEntry.Kind.STATEMENT_EDITED, data__statement=statement.number
        )
        assert outcome["edit"] == "done" and statement.version == 2
        # Either the approval came first (then the edit withdrew it) or it was refused.
        assert on_v1 == edited.data["withdrawn"] == (1 if outcome["approve"] == "done" else 0)
        assert not Approval.objects.filter(statement=statement, version=2).exists()
        assert current_state(statement).status == "pending"


# Separation of duties: the author of a version, one role per person, a minimum number of
# distinct approvers, and approvals that stop counting when their role changes hands.


def person_of(cast, role):
    return Person.objects.for_org(cast.org).get(user=cast.users[role])


def contact_url(cast, contact):
    return f"/ar/o/{cast.org.slug}/crisis/contacts/{contact.pk}/"


def contact_of(cast, role):
    return EmergencyContact.objects.for_org(cast.org).get(role=role)


def reassign(cast, role, *, person, backup=None, who="policy_admin"):
    """Change a crisis contact through its form, as a policy admin does."""
    contact = contact_of(cast, role)
    response = cast.client(who).post(
        contact_url(cast, contact),
        {
            "role": role,
            "person": person.pk,
            "backup": backup.pk if backup else "",
            "verified_on": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def decide_page(client, cast, statement, role, decision="approve", comment="ok"):
    base = f"/ar/o/{cast.org.slug}/crisis/incidents/{statement.incident.number}"
    return client.post(
        f"{base}/statements/{statement.pk}/decide/",
        {"role": role, "decision": decision, "comment": comment, "seen_version": 1},
    )


def test_the_author_of_a_version_may_not_approve_it_but_may_approve_the_next_one(cast, crew):
    incident = declare(cast.membership("staff"), 1)  # the social team approves
    statement = statements.submit(
        membership=crew.membership("social"), incident=incident, text_ar="نصي", text_en=""
    )

    response = decide_page(crew.client("social"), cast, statement, SOCIAL)

    assert response.status_code == 400
    assert "كتبت هذه النسخة" in response.content.decode()
    assert not Approval.objects.filter(statement=statement).exists()
    # Nor is the button offered to them.
    page = crew.client("social").get(f"/ar/o/{cast.org.slug}/crisis/incidents/1/")
    assert 'name="role" value="social_team"' not in page.content.decode()

    # Someone else changes the text: that version is theirs, and the first author may approve it.
    statements.edit(
        membership=cast.membership("staff"),
        statement=statement,
        text_ar="نص المراجَع",
        text_en="",
        seen_version=1,
    )
    assert Statement.objects.get(pk=statement.pk).version_author == cast.users["staff"]
    decide(crew, "social", statement, SOCIAL)
    assert current_state(statement).publishable


def test_one_person_counts_for_one_role_per_version(cast, crew):
    # The executive director is also the legal expert's backup: two roles, one person.
    incident = declare(cast.membership("staff"), 4)
    statement = statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="نص", text_en=""
    )
    decide(crew, "executive", statement, EXEC)

    response = decide_page(crew.client("executive"), cast, statement, LEGAL)

    assert response.status_code == 400
    assert "دور واحد" in response.content.decode()
    assert list(Approval.objects.filter(statement=statement).values_list("role", flat=True)) == [
        EXEC
    ]
    for key, role in (("social", SOCIAL), ("pr", PR), ("board", BOARD)):
        decide(crew, key, statement, role)
    assert current_state(statement).missing == (LEGAL,)
    decide(crew, "lawyer", statement, LEGAL)
    assert current_state(statement).publishable


def test_a_level_may_ask_for_more_distinct_approvers_than_roles(cast, crew):
    first = level(cast.org, 1)  # the social team alone approves…
    first.min_approvers = 2  # …but two different people must
    first.save()
    # The staff member becomes the social team's backup, so two people hold the role.
    reassign(cast, SOCIAL, person=crew.people["social"], backup=person_of(cast, "staff"))
    incident = declare(cast.membership("editor"), 1)
    statement = statements.submit(
        membership=cast.membership("editor"), incident=incident, text_ar="نص", text_en=""
    )

    decide(crew, "social", statement, SOCIAL)
    state = current_state(statement)
    assert (state.status, state.missing, state.approvers_short) == ("pending", (), 1)
    page = cast.client("staff").get(f"/ar/o/{cast.org.slug}/crisis/incidents/1/").content.decode()
    assert "موافقة شخص آخر" in page

    statements.decide(
        membership=cast.membership("staff"),
        statement=statement,
        role=SOCIAL,
        decision="approve",
        comment="",
        seen_version=1,
    )
    assert current_state(statement).publishable


def test_min_approvers_is_edited_on_the_level_form(cast):
    from siyasa.crisis.tests.test_plan import level_data

    second = level(cast.org, 2)
    url = f"/ar/o/{cast.org.slug}/crisis/levels/{second.pk}/"
    client = cast.client("policy_admin")
    assert 'name="min_approvers"' in client.get(url).content.decode()
    assert client.post(url, level_data(second, min_approvers=0)).status_code == 400
    assert client.post(url, level_data(second, min_approvers=3)).status_code == 302
    second.refresh_from_db()
    assert second.min_approvers == 3


def test_reassigning_a_crisis_contact_withdraws_the_approvals_given_through_it(cast, crew):
    incident = declare(cast.membership("staff"), 2)  # social team and PR approve
    statement = statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="نص", text_en=""
    )
    decide(crew, "social", statement, SOCIAL)
    decide(crew, "pr", statement, PR)
    assert current_state(statement).publishable

    # PR is handed to the board delegate: the PR approval was given through a role its
    # approver no longer holds.
    reassign(cast, PR, person=crew.people["board"])

    assert current_state(statement).missing == (PR,)
    page = cast.client("staff").get(f"/ar/o/{cast.org.slug}/crisis/incidents/1/").content.decode()
    assert "لأن هذا الدور لم يعد مسندًا إلى" in page
    decide(crew, "board", statement, PR)
    assert current_state(statement).publishable

    # Deleting the social team's contact withdraws its approval too.
    response = cast.client("policy_admin").post(
        contact_url(cast, contact_of(cast, SOCIAL)) + "delete/"
    )
    assert response.status_code == 302
    assert current_state(statement).missing == (SOCIAL,)


def test_a_rejection_stands_when_its_author_loses_the_role(cast, crew):
    incident = declare(cast.membership("staff"), 1)
    statement = statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="نص", text_en=""
    )
    decide(crew, "social", statement, SOCIAL, "reject", comment="لا")
    reassign(cast, SOCIAL, person=person_of(cast, "editor"))
    # Replacing the person who said no does not clear the way: the text must change.
    assert current_state(statement).status == "rejected"


@pytest.mark.django_db
def test_a_policy_admin_who_takes_every_crisis_role_cannot_clear_a_statement_alone():
    """The red-team finding, from an organisation made through the product."""

    owner, admin, writer = UserFactory(), UserFactory(), UserFactory()
    org = create_organization(owner=owner, name_ar="جمعية جيم", slug="jim")
    MembershipFactory(user=admin, organization=org, role="policy_admin")
    MembershipFactory(user=writer, organization=org, role="staff")
    me = PersonFactory(organization=org, user=admin, email="admin@jim.example")
    for role in CrisisRole.values:
        EmergencyContact.objects.create(organization=org, role=role, person=me)
    membership = admin.memberships.get(organization=org)
    critical = level(org, 4)
    incident = incidents.declare(
        membership=membership,
        kind="communication",
        level=critical,
        summary="x",
        lead=me,
        answers={"people": "danger"},
    )
    statement = statements.submit(
        membership=writer.memberships.get(organization=org),
        incident=incident,
        text_ar="نص",
        text_en="",
    )
    refused = 0
    for role in critical.approval_roles:
        try:
            statements.decide(
                membership=membership,
                statement=statement,
                role=role,
                decision="approve",
                comment="",
                seen_version=1,
            )
        except ValidationError:
            refused += 1
    assert refused == len(critical.approval_roles) - 1
    assert Approval.objects.filter(statement=statement).count() == 1
    assert current_state(statement).status == "pending"
