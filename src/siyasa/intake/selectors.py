"""Reads of the analyses an organisation has made."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from siyasa.core.permissions import can_delete_analysis
from siyasa.intake.models import Analysis
from siyasa.orgs.models import Membership, Organization
from siyasa.orgs.selectors import names_of


@dataclass(frozen=True)
class Listed:
    analysis: Analysis
    uploaded_by: str  # how the pages name them
    deletable: bool


def analyses(org: Organization, membership: Membership) -> list[Listed]:
    """The organisation's analyses, newest first, without their passages and findings."""
    rows = list(
        Analysis.objects.for_org(org).select_related("uploaded_by").defer("passages", "findings")
    )
    names = names_of(org, [row.uploaded_by for row in rows])
    return [
        Listed(
            row,
            names.get(row.uploaded_by_id, ""),
            can_delete_analysis(membership, uploaded_it=row.uploaded_by_id == membership.user_id),
        )
        for row in rows
    ]


def analysis(org: Organization, pk: int) -> Analysis:
    """One analysis of `org`; another organisation's is a 404."""
    return get_object_or_404(Analysis.objects.for_org(org), pk=pk)
