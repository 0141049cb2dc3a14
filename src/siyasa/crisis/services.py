"""Writes to the crisis plan."""

from simple_history.utils import bulk_create_with_history

from siyasa.crisis.models import SeverityLevel
from siyasa.orgs.models import Organization
from siyasa.policy.defaults import DEFAULT_SEVERITY_LEVELS


def seed_crisis_plan(org: Organization) -> None:
    """Give a new organisation the default severity levels (R3.2), ready to edit."""
    bulk_create_with_history(  # R2.6: recorded like any other write
        [
            SeverityLevel(
                organization=org,
                rank=rank,
                name_ar=name_ar,
                name_en=name_en,
                criteria_ar=criteria_ar,
                criteria_en=criteria_en,
            )
            for rank, (name_ar, name_en, criteria_ar, criteria_en) in enumerate(
                DEFAULT_SEVERITY_LEVELS, start=1
            )
        ],
        SeverityLevel,
    )
