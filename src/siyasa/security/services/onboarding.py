"""Onboarding: giving a newcomer the steps they do first — register devices, set up two-factor,
read the personal-accounts rules, and for publishers and custodians what concerns them — and
ticking them (their progress: `security.selectors`)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from siyasa.core.permissions import Capability, can_tick_onboarding, require, require_same_org
from siyasa.orgs.models import Membership, Person
from siyasa.orgs.selectors import is_person_of
from siyasa.registry.models import AccessGrant, Custody
from siyasa.security.models import OnboardingStep

Kind = OnboardingStep.Kind
# Steps for everyone; the others depend on what the person holds (`kinds_for`).
EVERYONE = (Kind.DEVICES, Kind.TWO_FACTOR, Kind.PERSONAL)


def kinds_for(person: Person) -> list[str]:
    """The steps that concern `person`: everyone's, moderation and accessibility for a publisher
    (R6.5, R6.6), recovery and connected apps for a custodian (R2.9, R2.10)."""
    org = person.organization
    kinds: list[str] = list(EVERYONE)
    grants = AccessGrant.objects.for_org(org).filter(person=person)
    if grants.filter(Q(can_publish=True) | Q(can_reply=True)).exists():
        kinds.append(Kind.PUBLISHING)
    if (
        Custody.objects.for_org(org)
        .filter(Q(custodian=person) | Q(backup_custodian=person))
        .exists()
    ):
        kinds.append(Kind.CUSTODY)
    return kinds


@transaction.atomic
def start(*, membership: Membership, person: Person) -> list[OnboardingStep]:
    require(membership, Capability.MANAGE_POLICY)
    require_same_org(membership, person)
    OnboardingStep.objects.bulk_create(
        [
            OnboardingStep(organization=person.organization, person=person, kind=kind)
            for kind in kinds_for(person)
        ],
        ignore_conflicts=True,
    )
    return list(OnboardingStep.objects.for_org(person.organization).filter(person=person))


def tick(*, membership: Membership, step: OnboardingStep) -> OnboardingStep:
    """The newcomer ticks their own steps; policy admins may tick anyone's."""
    require_same_org(membership, step)
    if not can_tick_onboarding(membership, own=is_person_of(step.person, membership)):
        raise PermissionDenied
    OnboardingStep.objects.filter(pk=step.pk, done_at__isnull=True).update(
        done_at=timezone.now(), done_by=membership.user
    )
    step.refresh_from_db()
    return step
