"""Starting an organisation: its owner (a person of its directory who signs in), its default
policy and crisis plan, in one transaction."""

from django.db import transaction

from siyasa.core.permissions import Role
from siyasa.crisis.services.plan import seed_crisis_plan
from siyasa.orgs.models import Membership, Organization, Person, own_domains
from siyasa.policy.services import seed_policy


@transaction.atomic
def create_organization(
    *, owner, name_ar: str, slug: str, owner_name: str = "", **fields
) -> Organization:
    """Create an organisation with its owner, the default policy draft (texts and the settings
    row, which the policy pages read and never create) and the default crisis plan.

    The owner's directory entry is named `owner_name`, else after their account (full name, else
    user name) — they can rename it on the people page.
    """
    # R2.9: the founder's own mail domain starts the organisation's list (not a public provider's).
    fields.setdefault("email_domains", " ".join(own_domains([owner.email])))
    org = Organization.objects.create(name_ar=name_ar, slug=slug, **fields)
    Membership.objects.create(user=owner, organization=org, role=Role.OWNER)
    Person.objects.create(
        organization=org,
        user=owner,
        name=(owner_name.strip() or owner.get_full_name() or owner.get_username())[:150],
        email=owner.email,
    )
    seed_policy(org)
    seed_crisis_plan(org)
    return org
