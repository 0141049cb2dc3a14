"""Writes to the crisis plan. (Incidents: `incidents.py`; statements: `statements.py`.)"""

from simple_history.utils import bulk_create_with_history

from siyasa.crisis.defaults import DEFAULT_LEVEL_PLANS, DEFAULT_PLAYBOOKS, DEFAULT_SEVERITY_LEVELS
from siyasa.crisis.models import Playbook, SeverityLevel
from siyasa.orgs.models import Organization


def seed_crisis_plan(org: Organization) -> None:
    """Give a new organisation the default severity levels with who is alerted, who approves,
    the internal communication plan and a holding statement (R3.2–R3.4), and the two playbooks
    (R3.5) — all ready to edit."""
    bulk_create_with_history(  # R2.6: recorded like any other write
        [
            SeverityLevel(
                organization=org,
                rank=rank,
                name_ar=name_ar,
                name_en=name_en,
                criteria_ar=criteria_ar,
                criteria_en=criteria_en,
                **level_plan(rank),
            )
            for rank, (name_ar, name_en, criteria_ar, criteria_en) in enumerate(
                DEFAULT_SEVERITY_LEVELS, start=1
            )
        ],
        SeverityLevel,
    )
    bulk_create_with_history(
        [
            Playbook(
                organization=org,
                kind=kind,
                title_ar=title_ar,
                title_en=title_en,
                steps_ar=steps_ar,
                steps_en=steps_en,
            )
            for kind, (title_ar, title_en, steps_ar, steps_en) in DEFAULT_PLAYBOOKS.items()
        ],
        Playbook,
    )


def level_plan(rank: int) -> dict:
    """The default plan fields of the level of this rank (empty beyond the four defaults)."""
    plan = DEFAULT_LEVEL_PLANS.get(rank, {})
    return {
        **plan,
        "notify_roles": [str(r) for r in plan.get("notify_roles", [])],
        "approval_roles": [str(r) for r in plan.get("approval_roles", [])],
    }
