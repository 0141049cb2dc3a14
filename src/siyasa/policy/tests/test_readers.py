"""The three readers' views: each shows its reader what they need, and nobody else's."""

from django.urls import reverse
from django.utils import timezone

from siyasa.core.tests.factories import (
    AccessGrantFactory,
    CustodyFactory,
    DeviceFactory,
    EmergencyContactFactory,
    ResponsibilityFactory,
)
from siyasa.orgs.models import Person
from siyasa.policy import services
from siyasa.policy.models import VersionKind


def url(cast, name):
    return reverse(name, kwargs={"slug": cast.org.slug})


def me_person(cast, role="staff"):
    return Person.objects.get(organization=cast.org, user=cast.users[role])


def test_new_employee_sees_their_own_accounts_devices_and_roles(cast):
    me, colleague = me_person(cast), me_person(cast, "editor")
    AccessGrantFactory(organization=cast.org, person=me, account__handle="@mine", can_publish=True)
    AccessGrantFactory(organization=cast.org, person=colleague, account__handle="@theirs")
    DeviceFactory(organization=cast.org, name="جوالي", assignee=me)
    DeviceFactory(organization=cast.org, name="جوال الزميل", assignee=colleague)
    ResponsibilityFactory(organization=cast.org, person=me, area="monitoring")
    html = cast.client("staff").get(url(cast, "policy_me")).content.decode()
    assert "@mine" in html and "@theirs" not in html
    assert "جوالي" in html and "جوال الزميل" not in html
    assert "الرصد" in html or "Monitoring" in html


def test_new_employee_gets_the_disclaimer_and_the_personal_account_rules(cast):
    html = cast.client("staff").get(url(cast, "policy_me").replace("/ar/", "/en/")).content.decode()
    assert 'id="disclaimer-ar"' in html and 'id="disclaimer-en"' in html
    assert "Alpha Society" in html  # the disclaimer names the organisation
    assert "Conduct" in html and "Accountability" in html


def test_new_employee_acknowledges_from_their_page(cast):
    services.publish_version(
        membership=cast.membership("owner"),
        summary="أول نسخة",
        kind=VersionKind.MATERIAL,
        effective_on=timezone.localdate(),
    )
    client = cast.client("staff")
    assert "أول نسخة" in client.get(url(cast, "policy_me")).content.decode()
    response = client.post(url(cast, "policy_acknowledge"), {"back": "policy_me"})
    assert response["Location"] == url(cast, "policy_me")
    assert (
        'action="' + url(cast, "policy_acknowledge")
        not in client.get(url(cast, "policy_me")).content.decode()
    )


def test_acknowledge_ignores_an_outside_redirect(cast):
    services.publish_version(
        membership=cast.membership("owner"),
        summary="x",
        kind=VersionKind.MATERIAL,
        effective_on=timezone.localdate(),
    )
    response = cast.client("staff").post(
        url(cast, "policy_acknowledge"), {"back": "https://evil.example"}
    )
    assert response["Location"] == url(cast, "policy_me")


def test_manager_view_shows_custody_rotation_and_two_factor(cast):
    custody = CustodyFactory(
        organization=cast.org,
        account__handle="@glance",
        two_factor_method="none",
        last_rotated_on=None,
    )
    DeviceFactory(organization=cast.org, name="لابتوب الإعلام").accounts.add(custody.account)
    html = (
        cast.client("staff")
        .get(url(cast, "policy_manager").replace("/ar/", "/en/"))
        .content.decode()
    )
    assert (
        "@glance" in html
        and "Never recorded" in html
        and "Off" in html
        and "لابتوب الإعلام" in html
    )


def test_crisis_card_has_tap_to_call_and_mail(cast):
    contact = EmergencyContactFactory(
        organization=cast.org,
        role="legal",
        person__phone="+966500000077",
        person__email="lawyer@example.org",
    )
    html = cast.client("staff").get(url(cast, "policy_crisis_card")).content.decode()
    assert 'href="tel:+966500000077"' in html
    assert 'href="mailto:lawyer@example.org"' in html
    assert contact.person.name in html
    assert url(cast, "crisis_plan") in html  # links to the crisis room


def test_crisis_card_shows_first_steps_and_levels(cast):
    html = (
        cast.client("staff")
        .get(url(cast, "policy_crisis_card").replace("/ar/", "/en/"))
        .content.decode()
    )
    assert "Delete nothing" in html
    assert html.count('class="level level-') == 4


def test_every_readers_view_is_one_click_from_the_policy_page(cast):
    html = cast.client("staff").get(url(cast, "policy")).content.decode()
    for name in ("policy_me", "policy_manager", "policy_crisis_card"):
        assert f'href="{url(cast, name)}"' in html
