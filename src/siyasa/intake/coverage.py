"""An analysis as the pages, the PDF and the command read it: the findings as JSON, the score, the
coverage per policy section, and the block of the draft each requirement belongs to."""

from dataclasses import dataclass

from django.utils.functional import Promise

from siyasa.core.arabic import letters
from siyasa.intake.document import REQUIREMENTS, Report, Status
from siyasa.intake.explain import WHY
from siyasa.intake.knowledge import LABELS
from siyasa.policy.catalogue import BLOCKS, PREAMBLE, SECTIONS, Block


def findings_json(report: Report) -> dict:
    """requirement id -> {"status", "evidence": [{"passage", "matched"}], "lacking"}."""
    return {
        requirement: {
            "status": str(finding.status),
            "evidence": [
                {"passage": e.passage, "matched": list(e.matched)} for e in finding.evidence
            ],
            "lacking": list(finding.lacking),
        }
        for requirement, finding in report.findings.items()
    }


def score(findings: dict) -> int:
    """The share of requirements the document covers, in percent; a partial one counts half."""
    if not findings:
        return 0
    points = sum(
        1 if f["status"] == Status.COVERED else 0.5 if f["status"] == Status.PARTIAL else 0
        for f in findings.values()
    )
    return round(100 * points / len(findings))


def block_for(requirement: str) -> Block:
    """The block of the draft whose default text meets `requirement`: the block that names it,
    else the first block of the section that does."""
    for block in BLOCKS.values():
        if requirement in block.requirements:
            return block
    for section in SECTIONS:
        if requirement in section.requirements:
            return section.blocks[0]
    raise KeyError(requirement)


def script_of(text: str) -> str:
    """ "ar" when a passage is written mostly in Arabic letters, else "en"."""
    arabic, latin = letters(text)
    return "ar" if arabic >= latin else "en"


def passages_by_block(findings: dict) -> dict[str, list[int]]:
    """The evidence passages of every covered or partial requirement, under the block of the
    draft it belongs to, in reading order. A passage that supports several requirements goes to
    the one it supports best (a covered one before a partial one, then the most words matched,
    then the first in the catalogue), so it is imported once and where a reader looks for it."""
    best: dict[int, tuple[tuple[int, int, int], str]] = {}
    for order, requirement in enumerate(REQUIREMENTS):
        finding = findings.get(requirement)
        if finding is None or finding["status"] == Status.MISSING:
            continue
        key = block_for(requirement).key
        covered = finding["status"] == Status.COVERED
        for evidence in finding["evidence"]:
            rank = (covered, len(evidence["matched"]), -order)
            passage = evidence["passage"]
            if passage not in best or rank > best[passage][0]:
                best[passage] = (rank, key)
    blocks: dict[str, list[int]] = {}
    for passage, (_rank, key) in sorted(best.items()):
        blocks.setdefault(key, []).append(passage)
    return blocks


@dataclass(frozen=True)
class Quote:
    text: str
    matched: tuple[str, ...]
    lang: str  # the passage's script, for `lang` and `dir` on the page


@dataclass(frozen=True)
class Row:
    requirement: str
    status: str
    why: Promise
    quotes: tuple[Quote, ...]
    lacking: tuple[Promise | str, ...]  # what the document does not state, in the reader's words
    block: Block  # where "add our default text" puts it


@dataclass(frozen=True)
class SectionRows:
    key: str
    title: Promise
    rows: tuple[Row, ...]

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def covered(self) -> int:
        return self.count(Status.COVERED)

    @property
    def partial(self) -> int:
        return self.count(Status.PARTIAL)

    @property
    def missing(self) -> int:
        return self.count(Status.MISSING)


def sections(passages: list[str], findings: dict) -> list[SectionRows]:
    """The findings under the policy's sections (the introduction first), in catalogue order."""

    def row(requirement: str) -> Row:
        finding = findings.get(requirement, {"status": Status.MISSING, "evidence": []})
        quotes = tuple(
            Quote(passages[e["passage"]], tuple(e["matched"]), script_of(passages[e["passage"]]))
            for e in finding["evidence"]
            if 0 <= e["passage"] < len(passages)
        )
        return Row(
            requirement,
            finding["status"],
            WHY[requirement],
            quotes,
            tuple(LABELS.get(key, key) for key in finding.get("lacking", ())),
            block_for(requirement),
        )

    groups = [("preamble", PREAMBLE.title, PREAMBLE.requirements)] + [
        (s.key, s.title, s.requirements) for s in SECTIONS
    ]
    return [SectionRows(key, title, tuple(map(row, ids))) for key, title, ids in groups]
