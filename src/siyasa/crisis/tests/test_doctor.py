"""The doctor's crisis checks: R3.3 (internal communication), R3.4 (approval chains), R3.5
(both playbooks) — each fires on a data set that misses it, and not on one that has it."""

import datetime

from siyasa.core.tests.factories import EmergencyContactFactory, MembershipFactory, PersonFactory
from siyasa.crisis.models import Playbook, SeverityLevel
from siyasa.demo.builder import build_demo
from siyasa.doctor.engine import diagnose
from siyasa.doctor.score import CHECKED_REQUIREMENTS
from siyasa.orgs.models import Person

TODAY = datetime.date(2026, 6, 10)


def findings(org, requirement):
    return [f for f in diagnose(org, TODAY).findings if f.requirement == requirement]


def test_the_crisis_requirements_are_scored():
    assert {"R3.3", "R3.4", "R3.5"} <= set(CHECKED_REQUIREMENTS)


def test_a_new_organisations_plan_meets_r3_2_r3_3_and_r3_5(cast):
    for requirement in ("R3.2", "R3.3", "R3.5"):
        assert not findings(cast.org, requirement), requirement


def test_r3_4_needs_someone_who_can_sign_in_for_every_approving_role(cast):
    # The default chains name roles; in a new organisation nobody holds them, so no statement
    # could ever be approved: that is an error, not a pass.
    levels = SeverityLevel.objects.for_org(cast.org)
    roles = sorted({role for level in levels for role in level.approval_roles})
    assert {f.subject for f in findings(cast.org, "R3.4")} == {
        f"crisis-role:{role}:approver" for role in roles
    }
    # A contact without a sign-in does not count; one who is a member does, and so does a
    # member who is the backup.
    outsider = PersonFactory(organization=cast.org)
    contact = EmergencyContactFactory(organization=cast.org, role=roles[0], person=outsider)
    assert f"crisis-role:{roles[0]}:approver" in {f.subject for f in findings(cast.org, "R3.4")}
    staff = Person.objects.for_org(cast.org).filter(user=cast.users["staff"]).first()
    staff = staff or PersonFactory(organization=cast.org, user=cast.users["staff"])
    contact.backup = staff
    contact.save()
    # One person counts for one role, so each other role goes to another member.
    for role in roles[1:]:
        member = MembershipFactory(organization=cast.org, role="staff").user
        EmergencyContactFactory(
            organization=cast.org,
            role=role,
            person=PersonFactory(organization=cast.org, user=member),
        )
    assert not findings(cast.org, "R3.4")


def test_r3_4_one_person_holding_every_role_cannot_make_up_a_chain(cast):
    staff = Person.objects.for_org(cast.org).get(user=cast.users["staff"])
    roles = sorted(
        {r for level in SeverityLevel.objects.for_org(cast.org) for r in level.approval_roles}
    )
    for role in roles:
        EmergencyContactFactory(organization=cast.org, role=role, person=staff)
    # Every role is held by someone who can sign in…
    assert not [f for f in findings(cast.org, "R3.4") if f.subject.startswith("crisis-role:")]
    # …but from the second level on, a chain needs more than one person. The lowest (the social
    # team alone) is met, until it asks for two different approvers.
    levels = {lv.rank: lv for lv in SeverityLevel.objects.for_org(cast.org)}
    flagged = {f.subject for f in findings(cast.org, "R3.4")}
    assert flagged == {f"level:{levels[r].pk}:approvers" for r in (2, 3, 4)}
    SeverityLevel.objects.filter(pk=levels[1].pk).update(min_approvers=2)
    assert f"level:{levels[1].pk}:approvers" in {f.subject for f in findings(cast.org, "R3.4")}


def test_r3_3_a_level_without_an_internal_communication_plan(cast):
    level = SeverityLevel.objects.for_org(cast.org).get(rank=3)
    SeverityLevel.objects.filter(pk=level.pk).update(internal_comms_ar="", internal_comms_en=" ")
    [finding] = findings(cast.org, "R3.3")
    assert finding.subject == f"level:{level.pk}:comms"
    assert finding.fix.url(cast.org.slug).endswith(f"/crisis/levels/{level.pk}/")

    # One language is enough.
    SeverityLevel.objects.filter(pk=level.pk).update(internal_comms_en="Call the lead.")
    assert not findings(cast.org, "R3.3")


def test_r3_4_a_level_without_an_approval_chain(cast):
    level = SeverityLevel.objects.for_org(cast.org).get(rank=1)
    SeverityLevel.objects.filter(pk=level.pk).update(approval_roles=[])
    [finding] = [f for f in findings(cast.org, "R3.4") if f.subject.startswith("level:")]
    assert (finding.subject, str(finding.severity)) == (f"level:{level.pk}:approvals", "error")


def test_r3_5_a_missing_or_empty_playbook(cast):
    Playbook.objects.for_org(cast.org).filter(kind="compromised_account").delete()
    Playbook.objects.for_org(cast.org).filter(kind="communication").update(
        steps_ar="", steps_en="  "
    )
    found = {f.subject: f for f in findings(cast.org, "R3.5")}

    assert set(found) == {"playbook:communication", "playbook:compromised_account"}
    assert (
        found["playbook:compromised_account"]
        .fix.url(cast.org.slug)
        .endswith("/crisis/playbooks/new/")
    )


def test_the_messages_read_in_either_language(cast):
    from django.utils import translation

    SeverityLevel.objects.for_org(cast.org).filter(rank=4).update(approval_roles=[])
    [finding] = [f for f in findings(cast.org, "R3.4") if f.subject.startswith("level:")]
    with translation.override("en"):
        assert "Critical" in finding.message
    with translation.override("ar"):
        assert "حرجة" in finding.message


def test_the_demo_plan_is_complete(db):
    org = build_demo(today=TODAY)
    for requirement in ("R3.1", "R3.2", "R3.3", "R3.4", "R3.5"):
        assert not [f for f in findings(org, requirement) if str(f.severity) == "error"], (
            requirement
        )
