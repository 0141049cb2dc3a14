"""Reads that put the other apps together for a person: the workspace and "what it asks of me"."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from siyasa.doctor.engine import Report
from siyasa.doctor.findings import Severity
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy import selectors as policy_selectors
from siyasa.policy.rules import Rules
from siyasa.registry.selectors import registry_counts
from siyasa.security import selectors as security_selectors
from siyasa.training import selectors as training_selectors


def workspace_counts(org: Organization) -> dict[str, int]:
    """The figures the workspace shows, each in one query."""
    people_counts = Person.objects.for_org(org).aggregate(
        team=Count("pk", filter=~Q(kind=Person.Kind.CONTACT) & Q(status=Person.Status.ACTIVE)),
        contacts=Count("pk", filter=Q(kind=Person.Kind.CONTACT)),
    )
    return {
        **people_counts,
        "members": Membership.objects.filter(organization=org).count(),
        **registry_counts(org),
    }


def for_new_employee(org: Organization, membership: Membership, rules: Rules) -> dict:
    """ "What this policy asks of me": the policy's part, and how far my onboarding has come."""
    data = policy_selectors.for_new_employee(org, membership, rules)
    quiz = training_selectors.passed_version(org, membership.user, data.get("required"))
    return {
        **data,
        "onboarding": security_selectors.onboarding_for(org, data["person"]),
        "quiz_passed": quiz,
    }


@dataclass(frozen=True)
class Step:
    title: Promise
    done: bool
    url: str


def getting_started(org: Organization, report: Report, counts: dict[str, int]) -> list[Step]:
    """From an empty organisation to a published, acknowledged policy, in the order the work is
    done. Each step is ticked from the data — mostly from the doctor's own findings, so a step
    and the requirement it serves never disagree."""
    unmet = {
        f.requirement
        for f in report.findings
        if f.severity in (Severity.ERROR, Severity.NOT_STARTED)
    }
    unmet_findings = [
        f for f in report.findings if f.severity in (Severity.ERROR, Severity.NOT_STARTED)
    ]
    noted = {f.requirement for f in report.findings if f.severity != Severity.INFO}

    def url(name: str, query: str = "") -> str:
        return reverse(name, kwargs={"slug": org.slug}) + query

    has_accounts = counts["accounts"] > 0
    return [
        Step(_("Register the official accounts"), has_accounts, url("account_new")),
        Step(_("Add the team and outside contacts"), counts["team"] > 1, url("person_new")),
        Step(
            _("Name who holds each of the nine responsibilities"),
            # The quiz's share of passes is R1.3 too, but not this step's work.
            not any(
                f.requirement == "R1.3" and f.subject.startswith("area:") for f in unmet_findings
            ),
            url("responsibility_list"),
        ),
        Step(
            _("Say who may publish and reply on each account"),
            has_accounts and "R1.2" not in unmet,
            url("account_list"),
        ),
        Step(
            _("Record who keeps each password and second factor"),
            has_accounts and not {"R2.1", "R2.2", "R2.7"} & unmet,
            url("account_list"),
        ),
        Step(_("Register the devices that may log in"), counts["devices"] > 0, url("device_new")),
        Step(
            _("Name the crisis contacts"),
            "R3.1" not in unmet and "R3.4" not in unmet,
            url("crisis_plan"),
        ),
        Step(
            _("Review the texts with the legal adviser"),
            "R4.4" not in noted,
            url("policy_settings"),
        ),
        Step(_("Publish the first version"), "R0.1" not in unmet, url("policy_draft")),
        Step(_("Invite the team to sign in"), counts["members"] > 1, url("member_list")),
    ]
