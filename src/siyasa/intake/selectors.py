"""Reads of the analyses an organisation has made."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from siyasa.core.permissions import can_delete_analysis
from siyasa.intake.models import Analysis
from siyasa.orgs.models import Membership, Organization
from siyasa.orgs.selectors import names_of
from siyasa.policy import defaults
from siyasa.policy.catalogue import Block
from siyasa.policy.models import PolicySettings, PolicyText
from siyasa.policy.services import INITIAL_STANCE


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


def default_text(org: Organization, block: Block) -> tuple[str, str]:
    """Siyasa's default text of `block` (Arabic, English) for this organisation's draft."""
    stance = ""
    if block.key == "speaking.stance":  # its default follows the stance chosen (R6.1)
        stance = PolicySettings.objects.for_org(org).values_list("stance", flat=True).first()
    return defaults.default_text(block.key, stance or INITIAL_STANCE)


def holds_default(text: PolicyText | None, default: tuple[str, str]) -> bool:
    """Whether a block's text already contains the default text, in both languages."""
    body_ar, body_en = (text.body_ar, text.body_en) if text else ("", "")
    return all(d.strip() in body for d, body in zip(default, (body_ar, body_en), strict=True))


def blocks_holding_default(org: Organization, blocks: list[Block]) -> set[str]:
    """The keys of `blocks` whose draft text already has Siyasa's default text."""
    texts = {
        t.key: t for t in PolicyText.objects.for_org(org).filter(key__in=[b.key for b in blocks])
    }
    return {b.key for b in blocks if holds_default(texts.get(b.key), default_text(org, b))}
