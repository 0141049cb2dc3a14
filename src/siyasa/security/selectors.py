"""Reads of security operations: onboarding progress, offboardings, rotation logs."""

from dataclasses import dataclass

from django.db.models import Count, Q

from siyasa.orgs import selectors as org_selectors
from siyasa.orgs.models import Organization, Person
from siyasa.policy.selectors import acknowledged_at, has_acknowledged, required_version
from siyasa.security.models import Offboarding, OffboardingItem, OnboardingStep

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
    def by_kind(self) -> list[OnboardingStep | None]:
        """One cell per kind of step, in order; None where the step does not concern them."""
        steps = {step.kind: step for step in self.steps}
        return [steps.get(kind) for kind in Kind.values]

    @property
    def complete(self) -> bool:
        return self.done == self.total


def open_offboardings(org: Organization):
    """Offboardings not yet archived, each with `open_items` and `total_items` (1 query)."""
    return (
        Offboarding.objects.for_org(org)
        .filter(archived_at__isnull=True)
        .select_related("person")
        .annotate(
            open_items=Count("items", filter=Q(items__done_at__isnull=True)),
            total_items=Count("items"),
        )
    )


def onboarding_progress(org: Organization) -> list[Progress]:
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


def onboarding_for(org: Organization, person: Person | None) -> Progress | None:
    if person is None:
        return None
    steps = _in_order(list(OnboardingStep.objects.for_org(org).filter(person=person)))
    if not steps:
        return None
    return Progress(person, bool(person.user_id) and has_acknowledged(org, person.user), steps)


def offboarding_items(org: Organization, offboarding: Offboarding) -> list[OffboardingItem]:
    """The checklist in its order — revoke and rotate first (they close doors), hand over after,
    the sign-in last — each with `done_by_name` (3 queries)."""
    order = {kind: index for index, kind in enumerate(OffboardingItem.Kind.values)}
    items = sorted(
        offboarding.items.select_related("done_by", "handed_to"),
        key=lambda i: (order[i.kind], i.pk),
    )
    names = org_selectors.names_of(org, [i.done_by for i in items])
    for item in items:
        item.done_by_name = names.get(item.done_by_id, "")
    return items
