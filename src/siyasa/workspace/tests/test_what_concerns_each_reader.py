"""Each reader is shown what concerns them: a publisher moderation and accessibility, a
custodian recovery and connected apps — on "what it asks of me" and in their onboarding."""

from django.urls import reverse

from siyasa.core.tests.factories import AccessGrantFactory, CustodyFactory, PersonFactory
from siyasa.security.models import OnboardingStep
from siyasa.security.services import onboarding

Kind = OnboardingStep.Kind


def me(cast, role):
    return cast.client(role).get("/en" + reverse("policy_me", kwargs={"slug": cast.org.slug})[3:])


def test_a_publisher_reads_moderation_and_accessibility_a_custodian_recovery_and_apps(cast):
    AccessGrantFactory(organization=cast.org, person=cast.person("staff"), can_publish=True)
    CustodyFactory(organization=cast.org, custodian=cast.person("editor"))

    publisher = me(cast, "staff").content.decode()
    assert "When I publish or reply" in publisher and "Accessible posts" in publisher
    assert "The credentials I keep" not in publisher

    custodian = me(cast, "editor").content.decode()
    assert "The credentials I keep" in custodian and "Recovery e-mail and phone" in custodian
    assert "When I publish or reply" not in custodian

    neither = me(cast, "policy_admin").content.decode()
    assert "When I publish or reply" not in neither and "The credentials I keep" not in neither
    assert "Staying safe online" in neither  # R5.3 concerns everyone


def test_onboarding_adds_the_steps_that_concern_publishers_and_custodians(cast):
    owner = cast.membership("owner")
    publisher, custodian, newcomer = (PersonFactory(organization=cast.org) for _ in range(3))
    AccessGrantFactory(organization=cast.org, person=publisher, can_publish=False, can_reply=True)
    CustodyFactory(
        organization=cast.org,
        custodian=PersonFactory(organization=cast.org),
        backup_custodian=custodian,
    )

    kinds = lambda person: {s.kind for s in onboarding.start(membership=owner, person=person)}  # noqa: E731
    assert kinds(publisher) == {Kind.DEVICES, Kind.TWO_FACTOR, Kind.PERSONAL, Kind.PUBLISHING}
    assert kinds(custodian) == {Kind.DEVICES, Kind.TWO_FACTOR, Kind.PERSONAL, Kind.CUSTODY}
    assert kinds(newcomer) == {Kind.DEVICES, Kind.TWO_FACTOR, Kind.PERSONAL}

    overview = cast.client("owner").get(
        reverse("security_overview", kwargs={"slug": cast.org.slug})
    )
    assert overview.status_code == 200
