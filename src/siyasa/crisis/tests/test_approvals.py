"""Response approvals (R3.4): the rules as a state machine, driven through the real services."""

import threading
import time
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from siyasa.crisis import selectors as crisis_selectors
from siyasa.crisis.models import Approval, Statement, TimelineEntry
from siyasa.crisis.services import incidents, statements
from siyasa.crisis.tests.conftest import declare, level

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


def d(version, role, decision="approve"):
    return SimpleNamespace(version=version, role=role, decision=decision)


# The pure state function


def test_publishable_only_when_every_required_role_approved_the_current_version():
    assert crisis_selectors.state([SOCIAL, PR], [d(1, SOCIAL)], 1) == crisis_selectors.State(
        "pending", (PR,)
    )
    assert crisis_selectors.state([SOCIAL, PR], [d(1, SOCIAL), d(1, PR)], 1).publishable
    # An edit (version 2) withdraws both statements.
    assert crisis_selectors.state([SOCIAL, PR], [d(1, SOCIAL), d(1, PR)], 2).missing == (SOCIAL, PR)


def test_a_rejection_of_the_current_version_wins_until_the_text_changes():
    decisions = [d(1, SOCIAL), d(1, PR, "reject"), d(1, PR)]
    assert crisis_selectors.state([SOCIAL, PR], decisions, 1).status == "rejected"
    assert crisis_selectors.state([SOCIAL, PR], decisions, 1).rejected == (PR,)
    assert crisis_selectors.state([SOCIAL, PR], decisions, 2).status == "pending"


def test_roles_outside_the_chain_do_not_count_and_an_empty_chain_never_publishes():
    assert crisis_selectors.state([SOCIAL], [d(1, SOCIAL), d(1, LEGAL, "reject")], 1).publishable
    assert crisis_selectors.state([], [d(1, SOCIAL)], 1).status == "pending"


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


# The rules as a state machine: any sequence of edits, decisions (fresh or stale, allowed or
# not) and level changes; after every step, the statement is publishable iff every role the
# current level requires approved its current text and none rejected it.


def test_any_sequence_of_edits_decisions_and_level_changes_follows_the_rules(cast, crew):
    owner, staff = cast.membership("owner"), cast.membership("staff")
    memberships = {key: crew.membership(key) for key in HELD if key != "staff"}
    memberships["staff"] = staff

    class Approvals(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.rank = 1
            self.incident = declare(staff, self.rank)
            self.text = "أ"
            self.statement = statements.submit(
                membership=staff, incident=self.incident, text_ar=self.text, text_en=""
            )
            self.version = 1
            self.decided: set[tuple[int, str, str]] = set()  # (version, role, who)
            self.decisions: list[tuple[int, str, str]] = []  # (version, role, decision)

        @rule(text=st.sampled_from(["أ", "ب", "ج"]), stale=st.booleans())
        def edit(self, text, stale):
            seen = self.version + 1 if stale else self.version
            try:
                statements.edit(
                    membership=staff,
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
                self.text, self.version = text, self.version + 1

        @rule(
            who=st.sampled_from(sorted(HELD)),
            role=st.sampled_from([SOCIAL, PR, EXEC, LEGAL, BOARD]),
            decision=st.sampled_from(["approve", "reject"]),
            stale=st.booleans(),
        )
        def decide(self, who, role, decision, stale):
            seen = self.version - 1 if stale and self.version > 1 else self.version
            allowed = role in REQUIRED[self.rank] and role in HELD[who]
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
                assert allowed and (self.version, role, who) in self.decided
                return
            assert allowed and seen == self.version
            assert (self.version, role, who) not in self.decided
            self.decided.add((self.version, role, who))
            self.decisions.append((self.version, role, decision))

        @rule(rank=st.integers(min_value=1, max_value=4))
        def change_level(self, rank):
            if rank == self.rank:
                return
            incidents.change_level(
                membership=owner, incident=self.incident, level=level(cast.org, rank), reason="r"
            )
            self.rank = rank

        @invariant()
        def publishable_iff_every_required_role_approved_the_current_text(self):
            required = REQUIRED[self.rank]
            current = [(r, dec) for v, r, dec in self.decisions if v == self.version]
            rejected = any(r in required and dec == "reject" for r, dec in current)
            approved = {r for r, dec in current if dec == "approve"}
            expected = (
                "rejected"
                if rejected
                else "publishable"
                if set(required) <= approved
                else "pending"
            )
            assert current_state(self.statement).status == expected
            row = Statement.objects.get(pk=self.statement.pk)
            assert (row.version, row.text_ar) == (self.version, self.text)
            # No approval names a version that was never shown to anyone.
            assert not Approval.objects.filter(
                statement=self.statement, version__gt=self.version
            ).exists()

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
    real_state = statements.state

    def slow_state(*args):
        # Widen the window between the approver's version check and its insert.
        if threading.current_thread().name == "approver":
            time.sleep(0.05)
        return real_state(*args)

    monkeypatch.setattr(statements, "state", slow_state)
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
