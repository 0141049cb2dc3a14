"""An honest score: an organisation made through the product, with nothing registered yet,
scores near 0; the score rises only as the policy really becomes complete, and an error keeps
the badge from green."""

import pytest
from django.test import Client
from django.urls import reverse

from siyasa.core.tests.factories import UserFactory
from siyasa.doctor.engine import diagnose
from siyasa.doctor.findings import Severity
from siyasa.workspace.services import create_organization


@pytest.fixture
def fresh(db):
    owner = UserFactory(username="founder")
    org = create_organization(owner=owner, name_ar="جمعية جديدة", slug="fresh")
    client = Client()
    client.force_login(owner)
    return org, client


def test_an_empty_organisation_scores_near_zero_and_is_not_green(fresh):
    org, _client = fresh
    report = diagnose(org)
    # Before: 80 with fifteen errors. What is left are the crisis plan's defaults, which are in
    # force from the first day, and warnings.
    assert report.score <= 25
    assert report.grade == "poor"
    not_started = {f.requirement for f in report.not_started}
    # Checks over zero accounts and devices pass vacuously no longer.
    assert {"R1.1", "R1.2", "R2.1", "R2.2", "R2.7", "R2.4", "R2.5"} <= not_started
    # Default texts are drafts: not in force until published.
    assert {"R0.3", "R4.1", "R5.1", "R6.1", "R6.2", "R6.4"} <= not_started


def test_the_health_page_lists_what_is_not_started_apart_from_what_is_broken(fresh, settings):
    settings.SIYASA_ENFORCE_TWO_FACTOR = False
    org, client = fresh
    html = client.get(reverse("health", kwargs={"slug": org.slug})).content.decode()
    assert 'id="health-not-started"' in html
    head, _sep, rest = html.partition('id="health-not-started"')
    not_started_part = rest.split("</section>", 1)[0]
    assert "R2.4" in not_started_part and "لم يبدأ" in html
    # Broken things (the unpublished policy) stay in their sections, not in "not started".
    assert "R0.1" not in not_started_part
    workspace = client.get(reverse("workspace", kwargs={"slug": org.slug})).content.decode()
    assert "score-poor" in workspace
    assert "No errors" not in workspace and "لا أخطاء" not in workspace


def test_an_error_keeps_the_grade_from_green_whatever_the_score(fresh, monkeypatch):
    org, _client = fresh
    report = diagnose(org)
    monkeypatch.setattr(type(report), "score", property(lambda self: 97))
    assert report.has_errors and report.grade == "fair"
    report.findings = [f for f in report.findings if f.severity == Severity.WARNING]
    assert report.grade == "good"
