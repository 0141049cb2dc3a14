"""Starting an organisation: its owner, its default policy and crisis plan, in one transaction."""

from django.db import transaction

from siyasa.core.permissions import Role
from siyasa.crisis.services.plan import seed_crisis_plan
from siyasa.orgs.models import Membership, Organization
from siyasa.policy.services import seed_policy


@transaction.atomic
def create_organization(*, owner, name_ar: str, slug: str, **fields) -> Organization:
    """Create an organisation with its owner, the default policy draft (texts and the settings
    row, which the policy pages read and never create) and the default crisis plan."""
    org = Organization.objects.create(name_ar=name_ar, slug=slug, **fields)
    Membership.objects.create(user=owner, organization=org, role=Role.OWNER)
    seed_policy(org)
    seed_crisis_plan(org)
    return org
