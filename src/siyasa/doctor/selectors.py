"""Reads for the health page: the trend of recorded scores."""

import datetime
from dataclasses import dataclass

from siyasa.doctor.models import HealthSnapshot
from siyasa.orgs.models import Organization

CHART_WIDTH, CHART_HEIGHT = 600, 120


@dataclass
class Trend:
    snapshots: list[HealthSnapshot]

    @property
    def points(self) -> str:
        """SVG polyline points: one per recorded day, x by date, y by score (100 at the top)."""
        if not self.snapshots:
            return ""
        first, last = self.snapshots[0].day, self.snapshots[-1].day
        span = max((last - first).days, 1)
        return " ".join(
            f"{round(CHART_WIDTH * (s.day - first).days / span)},"
            f"{round(CHART_HEIGHT * (100 - s.score) / 100)}"
            for s in self.snapshots
        )


def trend(org: Organization, today: datetime.date, score: int, days: int = 90) -> Trend:
    """The scores recorded over the last `days` days, ending with `score`, today's as computed now."""
    since = today - datetime.timedelta(days=days)
    recorded = HealthSnapshot.objects.for_org(org).filter(day__gte=since, day__lt=today)
    now = HealthSnapshot(organization=org, day=today, score=score)  # shown, not saved
    return Trend([*recorded.order_by("day"), now])
