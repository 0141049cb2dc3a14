"""factory-boy factories for every model; organisation-owned rows default to one organisation."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from siyasa.crisis.models import EmergencyContact, SeverityLevel
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.registry.models import (
    AccessGrant,
    AccountRequest,
    Area,
    ConnectedApp,
    Custody,
    Device,
    ModerationDecision,
    ResponsibilityAssignment,
    SocialAccount,
)
from siyasa.workspace import services as workspace_services


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("pass-word-123")

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """An account that has signed in before: its address is verified (`verified=False` for
        one that has not)."""
        if create and user.email and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=user, email=user.email.lower(), defaults={"primary": True, "verified": True}
            )


class OrganizationFactory(factory.django.DjangoModelFactory):
    """An organisation seeded like a real one: default texts, settings and severity levels."""

    class Meta:
        model = Organization

    name_ar = factory.Sequence(lambda n: f"جمعية رقم {n}")
    name_en = factory.Sequence(lambda n: f"Society {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        slug = kwargs["slug"]
        owner = UserFactory(
            username=f"founder-{slug}", first_name="Founder", last_name=slug.title()
        )
        return workspace_services.create_organization(owner=owner, **kwargs)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "staff"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"شخص {n}")
    name_en = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "+966500000001"


class SocialAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SocialAccount

    organization = factory.SubFactory(OrganizationFactory)
    platform = "x"
    handle = factory.Sequence(lambda n: f"@account{n}")
    owner = factory.SubFactory(PersonFactory, organization=factory.SelfAttribute("..organization"))


class AccessGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessGrant

    organization = factory.SubFactory(OrganizationFactory)
    account = factory.SubFactory(
        SocialAccountFactory, organization=factory.SelfAttribute("..organization")
    )
    person = factory.SubFactory(PersonFactory, organization=factory.SelfAttribute("..organization"))
    can_publish = True
    can_reply = True


class CustodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Custody

    organization = factory.SubFactory(OrganizationFactory)
    account = factory.SubFactory(
        SocialAccountFactory, organization=factory.SelfAttribute("..organization")
    )
    custodian = factory.SubFactory(
        PersonFactory, organization=factory.SelfAttribute("..organization")
    )
    vault_label = "Team vault › Social"
    last_rotated_on = factory.LazyFunction(
        lambda: datetime.date.today() - datetime.timedelta(days=10)
    )
    two_factor_method = "app"


class DeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Device

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Media phone {n}")
    updater = factory.SubFactory(
        PersonFactory, organization=factory.SelfAttribute("..organization")
    )


class ConnectedAppFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConnectedApp

    organization = factory.SubFactory(OrganizationFactory)
    account = factory.SubFactory(
        SocialAccountFactory, organization=factory.SelfAttribute("..organization")
    )
    name = factory.Sequence(lambda n: f"Scheduler {n}")
    purpose = "جدولة المنشورات"
    approved_by = factory.SubFactory(
        PersonFactory, organization=factory.SelfAttribute("..organization")
    )
    connected_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=60))
    reviewed_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    owner = factory.SubFactory(PersonFactory, organization=factory.SelfAttribute("..organization"))


class AccountRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccountRequest

    organization = factory.SubFactory(OrganizationFactory)
    platform = "tiktok"
    handle = factory.Sequence(lambda n: f"@asked{n}")
    reason = "To reach young volunteers where they are."


class ModerationDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModerationDecision

    organization = factory.SubFactory(OrganizationFactory)
    account = factory.SubFactory(
        SocialAccountFactory, organization=factory.SelfAttribute("..organization")
    )
    decided_on = factory.LazyFunction(datetime.date.today)
    action = ModerationDecision.Action.REMOVED
    what = "A comment insulting a beneficiary"
    reason = "Abuse: house rule on respect"
    decided_by = factory.SubFactory(
        PersonFactory, organization=factory.SelfAttribute("..organization")
    )


class ResponsibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResponsibilityAssignment

    organization = factory.SubFactory(OrganizationFactory)
    area = Area.PUBLISHING
    person = factory.SubFactory(PersonFactory, organization=factory.SelfAttribute("..organization"))


class EmergencyContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmergencyContact

    organization = factory.SubFactory(OrganizationFactory)
    role = "legal"
    person = factory.SubFactory(PersonFactory, organization=factory.SelfAttribute("..organization"))


class SeverityLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeverityLevel

    organization = factory.SubFactory(OrganizationFactory)
    rank = 9
    name_ar = "مستوى"
    name_en = "Level"
