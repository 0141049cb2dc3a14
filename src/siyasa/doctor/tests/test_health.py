"""Score, command line, health page, snapshots and the doctor's fixed number of queries."""

import datetime
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from siyasa.core.tests.factories import (
    AccessGrantFactory,
    CustodyFactory,
    DeviceFactory,
    OrganizationFactory,
    PersonFactory,
    SocialAccountFactory,
)
from siyasa.doctor import engine
from siyasa.doctor.findings import Finding, Severity
from siyasa.doctor.models import HealthSnapshot
from siyasa.doctor.score import CHECKED_REQUIREMENTS, health_score
from siyasa.doctor.selectors import CHART_WIDTH


def f(requirement, severity):
    return Finding(requirement, Severity(severity), "x")


def test_score_is_the_share_of_requirements_met_with_warnings_half():
    n = len(CHECKED_REQUIREMENTS)
    assert health_score([]) == 100
    assert health_score([f("R1.1", "error"), f("R1.1", "error")]) == round(100 * (n - 1) / n)
    assert health_score([f("R1.1", "warning")]) == round(100 * (n - 0.5) / n)
    assert health_score([f("R1.1", "warning"), f("R1.1", "error")]) == round(100 * (n - 1) / n)
    assert health_score([f("R0.4", "info")]) == 100


def test_many_accounts_with_one_problem_cost_one_requirement(cast):
    for _ in range(5):
        SocialAccountFactory(organization=cast.org, owner=None)
    report = engine.diagnose(cast.org)
    assert len([x for x in report.findings if x.requirement == "R1.1"]) == 5
    with_one = health_score(
        [x for x in report.findings if x.requirement != "R1.1"] + [f("R1.1", "error")]
    )
    assert report.score == with_one


def run(*args):
    out = StringIO()
    try:
        call_command("doctor", *args, stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_json_shape_and_error_exit_status(cast):
    SocialAccountFactory(organization=cast.org, owner=None, handle="@nobody")
    status, out = run(cast.org.slug, "--format", "json", "--language", "en")
    assert status == 1
    data = json.loads(out)
    assert set(data) >= {"organization", "score", "findings"}
    assert data["organization"] == cast.org.slug and isinstance(data["score"], int)
    finding = next(x for x in data["findings"] if x["requirement"] == "R1.1")
    assert set(finding) >= {"requirement", "severity", "message", "subject", "fix_url"}
    assert "@nobody" in finding["message"] and finding["fix_url"].startswith(
        "/en/o/alpha/accounts/"
    )


def test_exit_status_zero_without_errors(cast, monkeypatch):
    monkeypatch.setattr(engine, "CHECKS", ())
    status, out = run(cast.org.slug)
    assert status == 0 and "100/100" in out


def test_unknown_slug_is_bad_usage_with_status_2(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as error:
        call_command("doctor", "no-such-org")
    assert error.value.returncode == 2 and "no-such-org" in str(error.value)


def test_text_output_is_in_the_organisations_language(cast):
    SocialAccountFactory(organization=cast.org, owner=None, handle="@nobody")
    _status, out = run(cast.org.slug)
    assert "جمعية ألف" in out and "أدوار الفريق" in out


def test_health_page_groups_findings_with_fix_links_for_those_who_may_fix(cast):
    account = SocialAccountFactory(organization=cast.org, owner=None)
    url = reverse("health", kwargs={"slug": cast.org.slug})
    edit = reverse("account_edit", kwargs={"slug": cast.org.slug, "pk": account.pk})
    assert edit in cast.client("editor").get(url).content.decode()
    staff_html = cast.client("staff").get(url).content.decode()
    assert 'class="finding finding-error"' in staff_html and edit not in staff_html
    # The requirement's id is for those who work on the policy.
    assert "R1.1" not in staff_html and "R1.1" in cast.client("editor").get(url).content.decode()


def test_fixing_the_thing_makes_the_finding_disappear_at_once(cast):
    account = SocialAccountFactory(organization=cast.org, owner=None, handle="@fixme")
    client = cast.client("editor")
    url = reverse("health", kwargs={"slug": cast.org.slug}).replace("/ar/", "/en/")
    assert "X @fixme has no owner" in client.get(url).content.decode()
    account.owner = PersonFactory(organization=cast.org)
    account.save()
    assert "X @fixme has no owner" not in client.get(url).content.decode()


def test_one_snapshot_per_day_kept_for_the_trend(cast):
    day = datetime.date(2026, 3, 1)
    engine.record([engine.diagnose(cast.org, day)])
    SocialAccountFactory(organization=cast.org, owner=None)
    engine.record([engine.diagnose(cast.org, day)])
    engine.record([engine.diagnose(cast.org, day + datetime.timedelta(days=1))])
    snapshots = list(HealthSnapshot.objects.for_org(cast.org))
    assert [s.day for s in snapshots] == [day, day + datetime.timedelta(days=1)]
    assert snapshots[0].errors > 0


def test_the_health_page_draws_recorded_days_and_today_but_records_nothing(cast):
    url = reverse("health", kwargs={"slug": cast.org.slug}).replace("/ar/", "/en/")
    client = cast.client("staff")
    assert "second day of checks" in client.get(url).content.decode()  # nothing recorded
    today = timezone.localdate()
    engine.record([engine.diagnose(cast.org, today - datetime.timedelta(days=2))])
    html = client.get(url).content.decode()
    assert '<svg class="trend"' in html and "second day of checks" not in html
    # The recorded day and today, as computed now: the line spans the whole chart.
    points = re.search(r'<polyline points="([^"]*)"', html).group(1).split()
    assert [p.split(",")[0] for p in points] == ["0", str(CHART_WIDTH)]
    assert [s.day for s in HealthSnapshot.objects.for_org(cast.org)] == [
        today - datetime.timedelta(days=2)
    ]


def busy(org):
    """An organisation with a bit of everything, departed people included."""
    for _ in range(3):
        grant = AccessGrantFactory(organization=org)
        CustodyFactory(organization=org, account=grant.account)
        DeviceFactory(organization=org).accounts.add(grant.account)
    gone = PersonFactory(organization=org, status="departed", departed_on=datetime.date(2026, 1, 1))
    SocialAccountFactory(organization=org, owner=gone)


def test_the_doctor_runs_in_a_fixed_number_of_queries(cast):
    busy(cast.org)
    with CaptureQueriesContext(connection) as one:
        engine.diagnose_many([cast.org])
    others = [OrganizationFactory() for _ in range(4)]
    for org in others:
        busy(org)
    with CaptureQueriesContext(connection) as five:
        reports = engine.diagnose_many([cast.org, *others])
    assert len(five) == len(one)
    assert len(reports) == 5
