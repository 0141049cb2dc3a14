"""Onboarding: what a new member does first — acknowledge the policy, register devices, set up
two-factor, read the personal-accounts rules — and how far each newcomer has come."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from siyasa.core.permissions import Capability, can, require
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy.selectors import acknowledged_at, has_acknowledged, required_version
from siyasa.security.models import OnboardingStep

Kind = OnboardingStep.Kind
ORDER = {kind: index for index, kind in enumerate(Kind.values)}


def _in_order(steps: list[OnboardingStep]) -> list[OnboardingStep]:
    return sorted(steps, key=lambda step: ORDER[step.kind])


@dataclass
class Progress:
    person: Person
    acknowledged: bool
    steps: list[OnboardingStep]

    @property
    def done(self) -> int:
        return self.acknowledged + sum(1 for s in self.steps if s.done_at)

    @property
    def total(self) -> int:
        return 1 + len(self.steps)

    @property
    def complete(self) -> bool:
        return self.done == self.total


@transaction.atomic
def start(*, membership: Membership, person: Person) -> list[OnboardingStep]:
    require(membership, Capability.MANAGE_POLICY)
    if person.organization_id != membership.organization_id:
        raise PermissionDenied
    OnboardingStep.objects.bulk_create(
        [
            OnboardingStep(organization=person.organization, person=person, kind=kind)
            for kind in Kind
        ],
        ignore_conflicts=True,
    )
    return list(OnboardingStep.objects.for_org(person.organization).filter(person=person))


def tick(*, membership: Membership, step: OnboardingStep) -> OnboardingStep:
    """The newcomer ticks their own steps; policy admins may tick anyone's."""
    own = step.person.user_id == membership.user_id
    if step.organization_id != membership.organization_id or not (
        own or can(membership, Capability.MANAGE_POLICY)
    ):
        raise PermissionDenied
    OnboardingStep.objects.filter(pk=step.pk, done_at__isnull=True).update(
        done_at=timezone.now(), done_by=membership.user
    )
    step.refresh_from_db()
    return step


def progress(org: Organization) -> list[Progress]:
    """Everyone who has an onboarding checklist, with what is done (3 queries)."""
    steps: dict[int, list[OnboardingStep]] = {}
    people: dict[int, Person] = {}
    for step in OnboardingStep.objects.for_org(org).select_related("person"):
        steps.setdefault(step.person_id, []).append(step)
        people[step.person_id] = step.person
    required = required_version(org)
    acknowledged = acknowledged_at(org, required) if required else None
    return [
        Progress(
            person,
            bool(person.user_id) and (acknowledged is None or person.user_id in acknowledged),
            _in_order(steps[pk]),
        )
        for pk, person in people.items()
    ]


def for_person(org: Organization, person: Person | None) -> Progress | None:
    if person is None:
        return None
    steps = _in_order(list(OnboardingStep.objects.for_org(org).filter(person=person)))
    if not steps:
        return None
    return Progress(person, bool(person.user_id) and has_acknowledged(org, person.user), steps)
