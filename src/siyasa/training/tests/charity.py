"""A charity made through the product, for the training tests (never the demo builder)."""

from django.utils import timezone

from siyasa.core.tests.factories import PersonFactory, UserFactory
from siyasa.orgs import services as org_services
from siyasa.orgs.models import Membership, Role
from siyasa.policy import services as policy_services
from siyasa.workspace.services import create_organization


class Charity:
    """A charity started on the product's own pages: its founder, a published policy, and staff
    who joined by accepting invitations."""

    def __init__(self):
        self.founder = UserFactory(username="founder")
        self.org = create_organization(
            owner=self.founder, name_ar="جمعية نور", slug="noor", owner_name="هند"
        )
        self.owner = Membership.objects.get(organization=self.org, user=self.founder)
        self.publish("First version")
        self.staff = [self.join(f"staff{n}", Role.STAFF) for n in range(4)]

    def publish(self, summary: str, kind: str = "material", effective_on=None):
        """The owner publishes the draft as the next version, in force today unless told."""
        return policy_services.publish_version(
            membership=self.owner,
            summary=summary,
            kind=kind,
            effective_on=effective_on or timezone.localdate(),
        )

    def join(self, username: str, role: str) -> Membership:
        person = PersonFactory(organization=self.org, email=f"{username}@noor.example")
        invitation = org_services.invite(membership=self.owner, person=person, role=role)
        user = UserFactory(username=username, email=person.email)
        return org_services.accept_invitation(invitation=invitation, user=user)
