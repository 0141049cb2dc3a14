"""The shapes passed between the steps of reading an existing policy: extract, analyse, report."""

import enum
from dataclasses import dataclass, field

from django.utils.functional import Promise

from siyasa.policy.catalogue import PREAMBLE, SECTIONS

# Every requirement id the policy document speaks of, in the order of the policy page.
REQUIREMENTS: tuple[str, ...] = tuple(
    dict.fromkeys((*PREAMBLE.requirements, *(r for s in SECTIONS for r in s.requirements)))
)


class BlockKind(enum.StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # one item of a bulleted or numbered list


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    level: int = 0  # 1–6 for a heading


@dataclass(frozen=True)
class Document:
    """The text of an uploaded file, as headings, paragraphs and list items in reading order."""

    blocks: tuple[Block, ...]
    pages: int | None = None  # for a PDF

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


class ExtractionError(ValueError):
    """A file that cannot be read as a policy; `message` is shown to the person who uploaded it."""

    def __init__(self, message: Promise | str):
        super().__init__(str(message))
        self.message = message


class Status(enum.StrEnum):
    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"


@dataclass(frozen=True)
class Evidence:
    passage: int  # index into Report.passages
    matched: tuple[str, ...]  # the words of the passage that matched, as they appear in it


@dataclass(frozen=True)
class Finding:
    requirement: str
    status: Status
    evidence: tuple[Evidence, ...] = ()
    # The essential elements of the requirement the document does not state (keys of the
    # requirement's knowledge, explained on the report), so "partial" always says what is lacking.
    lacking: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    language: str  # "ar", "en" or "mixed"
    passages: tuple[str, ...]
    findings: dict[str, Finding] = field(default_factory=dict)  # one per id in REQUIREMENTS
