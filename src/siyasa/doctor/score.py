"""The health score: the share of checked requirements that are met.

    score = round(100 × (met + ½ × warned) / checked)

`checked` counts the requirements that have a check (CHECKED_REQUIREMENTS); a requirement
with an error-level finding is not met, nor is one *not started* (nothing registered yet to
check, or stated only in an unpublished draft), one with only warnings counts half, and notes
(info) do not lower the score. An empty organisation therefore starts near 0, not near 100. So 100 means every checkable requirement is fully met, and the score
moves by requirements, not by how many accounts or people an organisation has.
"""

from siyasa.doctor.findings import Finding, Severity

CHECKED_REQUIREMENTS = (
    "R0.1", "R0.3", "R0.4",
    "R1.1", "R1.2", "R1.3", "R1.5", "R1.6",
    "R2.1", "R2.2", "R2.4", "R2.5", "R2.6", "R2.7", "R2.9", "R2.10", "R2.11",
    "R3.1", "R3.2", "R3.3", "R3.4", "R3.5",
    "R4.1", "R4.2", "R4.3", "R4.4",
    "R5.1", "R5.2", "R5.3", "R5.4", "R5.5",
    "R6.1", "R6.2", "R6.3", "R6.4", "R6.5", "R6.6",
)  # fmt: skip


def health_score(findings: list[Finding]) -> int:
    errors = {
        f.requirement for f in findings if f.severity in (Severity.ERROR, Severity.NOT_STARTED)
    }
    warned = {f.requirement for f in findings if f.severity == Severity.WARNING} - errors
    points = sum(0 if r in errors else 0.5 if r in warned else 1 for r in CHECKED_REQUIREMENTS)
    return round(100 * points / len(CHECKED_REQUIREMENTS))
