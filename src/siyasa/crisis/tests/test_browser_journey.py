"""The whole crisis path in a real browser, in Arabic, on a phone: declare, add to the timeline,
draft a statement, approve it as two people in two sessions, close with a review."""

import pytest
from django.utils import timezone

from siyasa.core.tests.factories import EmergencyContactFactory
from siyasa.crisis import selectors as crisis_selectors
from siyasa.crisis.models import Incident, SeverityLevel, Statement
from siyasa.orgs.models import Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def person_of(cast, role):
    return Person.objects.get(organization=cast.org, user=cast.users[role])


def test_declare_to_close_in_arabic(cast, browser_session):
    # The social media team (the editor) and public relations (the policy admin) approve.
    today = timezone.localdate()
    EmergencyContactFactory(
        organization=cast.org,
        role="social_team",
        person=person_of(cast, "editor"),
        verified_on=today,
    )
    EmergencyContactFactory(
        organization=cast.org,
        role="public_relations",
        person=person_of(cast, "policy_admin"),
        verified_on=today,
    )
    level = SeverityLevel.objects.get(organization=cast.org, rank=2)
    level.approval_roles = ["social_team", "public_relations"]
    level.save()
    base = f"{browser_session.base}/ar/o/{cast.org.slug}"

    # A staff member spots it and declares, choosing a higher level than suggested.
    staff = browser_session("staff-a")
    staff.goto(f"{base}/crisis/")
    assert staff.get_attribute("html", "dir") == "rtl"
    staff.goto(f"{base}/crisis/declare/")
    staff.fill("textarea[name=summary], input[name=summary]", "منشور مسيء ينتشر باسم الجمعية")
    staff.select_option("select[name=level]", str(level.pk))
    staff.fill("textarea[name=level_reason], input[name=level_reason]", "صحفيون بدأوا يسألون")
    staff.select_option("select[name=lead]", str(person_of(cast, "policy_admin").pk))
    staff.click("button[name=action][value=declare]")
    staff.wait_for_url("**/crisis/incidents/*/")
    incident = Incident.objects.get(organization=cast.org)
    assert incident.level == level

    # Everyone involved adds to the timeline.
    staff.fill("#add textarea[name=text]", "التقطنا صورًا للشاشة وأوقفنا المنشورات المجدولة")
    staff.click("#add button[type=submit]")
    staff.wait_for_load_state()
    assert "أوقفنا المنشورات المجدولة" in staff.inner_text("#timeline")

    # A statement is drafted and submitted for approval.
    staff.evaluate("for (const d of document.querySelectorAll('details')) d.open = true")
    staff.fill("textarea[name=text_ar]", "نعلم بما يُتداول، ونراجع الأمر الآن، وسنوضح قريبًا.")
    staff.fill("textarea[name=text_en]", "We are aware and looking into it; we will update soon.")
    staff.click("form[action$='/statements/'] button[type=submit]")
    staff.wait_for_load_state()
    statement = Statement.objects.get(incident=incident)

    # Two approvers, each in their own session, approve the exact text.
    for username, role in (("editor-a", "social_team"), ("policy_admin-a", "public_relations")):
        approver = browser_session(username)
        approver.goto(f"{base}/crisis/incidents/{incident.number}/")
        form = approver.locator(f"form.decision:has(input[name=role][value={role}])")
        form.locator("button[name=decision][value=approve]").click()
        approver.wait_for_load_state()
    statement.refresh_from_db()

    assert crisis_selectors.statement_state(statement).publishable

    # The incident lead closes it with a review.
    lead = browser_session("policy_admin-a")
    lead.goto(f"{base}/crisis/incidents/{incident.number}/")
    lead.evaluate("for (const d of document.querySelectorAll('details')) d.open = true")
    lead.fill("textarea[name=review_happened]", "انتشر منشور مسيء خلال ساعتين")
    lead.fill("textarea[name=review_worked]", "الاعتماد السريع للبيان")
    lead.fill("textarea[name=review_changes]", "إضافة متحدث احتياطي")
    lead.click("form[action$='/close/'] button[type=submit]")
    lead.wait_for_load_state()
    incident.refresh_from_db()
    assert not incident.is_open
    assert "إضافة متحدث احتياطي" in lead.content()
