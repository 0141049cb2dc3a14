"""Speaking about the organisation on "what it asks of me" (R6.2, R6.3): a profile line in both
languages filled with the member's name and role, and where a journalist's question goes."""

from django.urls import reverse
from django.utils import translation

from siyasa.core.tests.factories import PersonFactory
from siyasa.policy.models import PolicySettings


def test_a_member_gets_a_profile_line_and_the_spokespeople(cast):
    me = cast.person("staff")
    me.job_title = "منسقة التطوع"
    me.save()
    spokesperson = PersonFactory(
        organization=cast.org, name="هند الشهري", name_en="Hind Alshehri", phone="+966112345678"
    )
    PolicySettings.objects.get(organization=cast.org).spokespeople.add(spokesperson)

    with translation.override("en"):
        url = reverse("policy_me", kwargs={"slug": cast.org.slug})
    page = cast.client("staff").get(url).content.decode()

    assert "Staff member A — منسقة التطوع at Alpha Society" in page
    assert "— منسقة التطوع في جمعية ألف" in page
    assert "A journalist or a hard question reached me" in page
    assert "Hind Alshehri" in page and "+966 11 234 5678" in page
    assert reverse("check_post", kwargs={"slug": cast.org.slug})[3:] in page
