"""Writes of bringing an existing policy: an analysis of an uploaded file, its removal, and the
draft started from it or completed with Siyasa's default texts."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from siyasa.core.permissions import can_analyse_policy, can_delete_analysis, require_same_org
from siyasa.intake import coverage, selectors
from siyasa.intake.analyser import analyse
from siyasa.intake.document import REQUIREMENTS, Report
from siyasa.intake.extract import extract
from siyasa.intake.models import Analysis, AnalysisPDF
from siyasa.orgs.models import Membership
from siyasa.policy import services as policy_services
from siyasa.policy.models import PolicyText

# A policy text holds at most this much (PolicyText.body_*); passages beyond it stay in the report.
TEXT_LIMIT = 20000


def read_policy(data: bytes, *, filename: str) -> Report:
    """The report of a file (raises `ExtractionError` with a message for a file it cannot read)."""
    return analyse(extract(data, filename=filename))


def analyse_upload(*, membership: Membership, data: bytes, filename: str) -> Analysis:
    """Read an uploaded policy once and keep the report; the file itself is not kept."""
    if not can_analyse_policy(membership):
        raise PermissionDenied
    report = read_policy(data, filename=filename)
    findings = coverage.findings_json(report)
    with transaction.atomic():
        return Analysis.objects.create(
            organization=membership.organization,
            uploaded_by=membership.user,
            filename=filename[:255],
            language=report.language,
            passages=list(report.passages),
            findings=findings,
            score=coverage.score(findings),
        )


def delete_analysis(*, membership: Membership, analysis: Analysis) -> None:
    """Forget an analysis and the passages kept from the document."""
    require_same_org(membership, analysis)
    if not can_delete_analysis(
        membership, uploaded_it=analysis.uploaded_by_id == membership.user_id
    ):
        raise PermissionDenied
    analysis.delete()


def _added(current: str, default: str) -> str:
    if not default.strip() or default.strip() in current:
        return current
    return f"{current.rstrip()}\n\n{default}" if current.strip() else default


def add_default_text(*, membership: Membership, analysis: Analysis, requirement: str) -> bool:
    """Add Siyasa's default text of the block that meets `requirement` to the draft, in both
    languages, after what the block already says; False when the draft already has it."""
    if not can_analyse_policy(membership):
        raise PermissionDenied
    require_same_org(membership, analysis)
    if requirement not in REQUIREMENTS:
        raise ValidationError(_("This requirement is not in the catalogue."))
    block = coverage.block_for(requirement)
    default_ar, default_en = selectors.default_text(membership.organization, block)
    with transaction.atomic():
        text = (
            PolicyText.objects.for_org(membership.organization)
            .select_for_update()
            .filter(key=block.key)
            .first()
        )
        body_ar, body_en = (text.body_ar, text.body_en) if text else ("", "")
        new_ar, new_en = _added(body_ar, default_ar), _added(body_en, default_en)
        if (new_ar, new_en) == (body_ar, body_en):
            return False
        policy_services.update_text(
            membership=membership,
            key=block.key,
            body_ar=new_ar,
            body_en=new_en,
            to_translate=text.to_translate if text else "",
        )
    return True


def _joined(passages: list[str]) -> str:
    kept, size = [], 0
    for passage in passages:
        size += len(passage) + 2
        if size > TEXT_LIMIT:
            break
        kept.append(passage)
    return "\n\n".join(kept)


@transaction.atomic
def use_as_draft(*, membership: Membership, analysis: Analysis) -> list[str]:
    """Put the passages that meet each requirement into the draft's block for it, in their own
    language (by script, passage by passage); the other language keeps its text and is marked
    to translate; blocks the document says nothing for keep theirs. Nothing is published.
    Returns the keys of the blocks written."""
    if not can_analyse_policy(membership):
        raise PermissionDenied
    require_same_org(membership, analysis)
    org = membership.organization
    texts = {t.key: t for t in PolicyText.objects.for_org(org).select_for_update()}
    written = []
    for key, indexes in coverage.passages_by_block(analysis.findings).items():
        by_lang: dict[str, list[str]] = {"ar": [], "en": []}
        for index in indexes:
            passage = analysis.passages[index]
            by_lang[coverage.script_of(passage)].append(passage)
        own_ar, own_en = _joined(by_lang["ar"]), _joined(by_lang["en"])
        text = texts.get(key)
        policy_services.update_text(
            membership=membership,
            key=key,
            body_ar=own_ar or (text.body_ar if text else ""),
            body_en=own_en or (text.body_en if text else ""),
            to_translate="en" if own_ar and not own_en else "ar" if own_en and not own_ar else "",
        )
        written.append(key)
    return written


def pdf_of(*, analysis: Analysis, language: str, make: Callable[[], bytes]) -> bytes:
    """The report as a PDF in `language`, made by `make()` on the first request and kept."""
    kept = AnalysisPDF.objects.for_org(analysis.organization).filter(
        analysis=analysis, language=language
    )
    data = kept.values_list("data", flat=True).first()
    if data is None:
        data = make()
        try:
            with transaction.atomic():
                AnalysisPDF.objects.create(
                    organization=analysis.organization,
                    analysis=analysis,
                    language=language,
                    data=data,
                )
        except IntegrityError:
            pass  # made at the same moment by another request: the same report, either will do
    return bytes(data)  # PostgreSQL hands a binary column back as a memoryview
