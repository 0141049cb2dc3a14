"""Runs the checks over one or many organisations and scores them."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.utils import timezone

from siyasa.doctor import data
from siyasa.doctor.checks import CHECKS
from siyasa.doctor.findings import SECTIONS, Finding, Severity
from siyasa.doctor.models import HealthSnapshot
from siyasa.doctor.score import health_score
from siyasa.orgs.models import Organization


@dataclass
class Report:
    org: Organization
    day: datetime.date
    findings: list[Finding]

    @property
    def score(self) -> int:
        return health_score(self.findings)

    @property
    def counts(self) -> Counter:
        return Counter(str(f.severity) for f in self.findings)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == Severity.ERROR for f in self.findings)

    @property
    def not_started(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.NOT_STARTED]

    @property
    def grade(self) -> str:
        """good, fair or poor — never good while anything is broken or not started."""
        if self.score >= 85 and not self.has_errors and not self.not_started:
            return "good"
        return "fair" if self.score >= 60 else "poor"

    def by_section(self) -> list[tuple[str, str, list[Finding]]]:
        """(key, title, findings) for every section, in catalogue order, errors first."""
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        broken = [f for f in self.findings if f.severity != Severity.NOT_STARTED]
        return [
            (
                key,
                str(title),
                sorted((f for f in broken if f.section == key), key=lambda f: order[f.severity]),
            )
            for key, title in SECTIONS.values()
        ]

    def as_dict(self) -> dict:
        return {
            "organization": self.org.slug,
            "day": self.day.isoformat(),
            "score": self.score,
            "counts": {s.value: self.counts.get(s.value, 0) for s in Severity},
            "findings": [f.as_dict(self.org.slug) for f in self.findings],
        }


def diagnose_many(
    orgs: list[Organization], today: datetime.date | None = None
) -> dict[int, Report]:
    """Reports for many organisations, in a fixed number of queries whatever their number."""
    today = today or timezone.localdate()
    loaded = data.load(orgs, today)
    return {
        org_id: Report(d.org, today, [f for check in CHECKS for f in check(d)])
        for org_id, d in loaded.items()
    }


def diagnose(org: Organization, today: datetime.date | None = None) -> Report:
    return diagnose_many([org], today)[org.pk]


def record(reports: list[Report]) -> None:
    """Keep today's score of each report for the trend (one row per organisation and day), in one
    statement however many reports: an insert that updates the row already there."""
    HealthSnapshot.objects.bulk_create(
        [
            HealthSnapshot(
                organization=report.org,
                day=report.day,
                score=report.score,
                errors=report.counts.get("error", 0),
                warnings=report.counts.get("warning", 0),
                notes=report.counts.get("info", 0),
            )
            for report in reports
        ],
        update_conflicts=True,
        unique_fields=["organization", "day"],
        update_fields=["score", "errors", "warnings", "notes", "updated_at"],
    )
