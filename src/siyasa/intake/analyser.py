"""Which requirements an existing policy covers (first version: a few words per requirement)."""

from siyasa.core.arabic import normalise
from siyasa.intake.document import (
    REQUIREMENTS,
    Document,
    Evidence,
    Finding,
    Report,
    Status,
)

# Placeholder knowledge: replaced by the per-requirement rules in `knowledge.py`.
_WORDS = {
    "R2.1": ("password", "كلمة المرور", "كلمات المرور"),
    "R2.3": ("two-factor", "التحقق بخطوتين"),
    "R3.1": ("crisis", "أزمة"),
}


def analyse(document: Document) -> Report:
    passages = tuple(block.text for block in document.blocks)
    folded = [normalise(p).casefold() for p in passages]
    findings = {}
    for requirement in REQUIREMENTS:
        words = [normalise(w).casefold() for w in _WORDS.get(requirement, ())]
        evidence = tuple(
            Evidence(i, tuple(w for w in words if w in text))
            for i, text in enumerate(folded)
            if any(w in text for w in words)
        )
        status = Status.COVERED if evidence else Status.MISSING
        findings[requirement] = Finding(requirement, status, evidence)
    arabic = sum(1 for c in document.text if "\u0600" <= c <= "\u06ff")
    latin = sum(1 for c in document.text if c.isascii() and c.isalpha())
    language = "ar" if arabic > 3 * latin else "en" if latin > 3 * arabic else "mixed"
    return Report(language, passages, findings)
