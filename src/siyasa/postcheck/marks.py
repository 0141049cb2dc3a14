"""The draft cut into pieces for the page: plain text, and marked text with the numbers of the
findings it belongs to (overlapping findings share one mark)."""

from dataclasses import dataclass

from siyasa.postcheck.analyser import Finding


@dataclass(frozen=True)
class Piece:
    text: str
    numbers: tuple[int, ...] = ()


def pieces(text: str, findings: tuple[Finding, ...]) -> list[Piece]:
    cuts = sorted({0, len(text), *(f.start for f in findings), *(f.end for f in findings)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        numbers = tuple(n for n, f in enumerate(findings, 1) if f.start <= a and b <= f.end)
        out.append(Piece(text[a:b], numbers))
    return out
