"""The Arabic interface and default texts keep to docs/glossary.md: one term per concept."""

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]
GLOSSARY = SRC.parents[1] / "docs" / "glossary.md"
CATALOGUE = SRC / "locale" / "ar" / "LC_MESSAGES" / "django.po"
# The Arabic texts a new organisation (and the demo) starts with.
DEFAULT_TEXTS = [
    SRC / "policy" / "defaults.py",
    SRC / "crisis" / "defaults.py",
    SRC / "demo" / "builder.py",
    SRC / "training" / "bank.py",
    SRC / "training" / "live.py",
]
ARABIC_LETTER = "\u0600-\u06ff"


def glossary_rows() -> list[dict[str, str]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in {"English", ""} or set(cells[0]) <= {"-"}:
            continue
        english, arabic, replaced, _notes = cells
        variants = [v.strip() for v in replaced.split(";") if v.strip()]
        rows.append({"english": english, "arabic": arabic, "replaced": variants})
    return rows


def _unquote(text: str) -> str:
    return ast.literal_eval(f'"{text}"')


def catalogue_entries() -> list[tuple[str, list[str]]]:
    """(msgid, [msgstr, …]) for every entry of the Arabic catalogue."""
    entries, msgid, strings, key = [], None, [], None
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines() + [""]:
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
        if match:
            key, value = match.group(1), _unquote(match.group(2))
            if key == "msgid":
                if msgid is not None:
                    entries.append((msgid, strings))
                msgid, strings = value, []
            elif key.startswith("msgstr"):
                strings.append(value)
                key = "msgstr"
            elif key == "msgctxt" and msgid is not None:
                entries.append((msgid, strings))
                msgid, strings = None, []
        elif line.startswith('"') and key:
            value = _unquote(line[1:-1])
            if key == "msgstr":
                strings[-1] += value
            elif key == "msgid":
                msgid += value
    if msgid is not None:
        entries.append((msgid, strings))
    return [(m, s) for m, s in entries if m]


def default_texts() -> list[tuple[str, str]]:
    """(file name, text) for every Arabic string literal of the default texts."""
    texts = []
    for path in DEFAULT_TEXTS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and re.search(f"[{ARABIC_LETTER}]", node.value):
                texts.append((path.name, node.value))
    return texts


def uses(text: str, term: str) -> bool:
    """`term` as whole words: «الاحتياطي» is not found in «نسخة احتياطية»."""
    return (
        re.search(rf"(?<![{ARABIC_LETTER}]){re.escape(term)}(?![{ARABIC_LETTER}])", text)
        is not None
    )


def test_the_glossary_names_one_arabic_term_per_concept():
    rows = glossary_rows()
    assert len(rows) >= 15
    for row in rows:
        assert row["arabic"], row
        for variant in row["replaced"]:
            assert not uses(row["arabic"], variant), row
    # A term chosen for one concept is not a replaced variant of another.
    replaced = {v for row in rows for v in row["replaced"]}
    assert not replaced & {row["arabic"] for row in rows}


@pytest.mark.parametrize("row", glossary_rows(), ids=lambda row: row["english"][:40])
def test_the_catalogue_and_default_texts_use_no_replaced_term(row):
    found = [
        (msgid[:60], text)
        for msgid, strings in catalogue_entries()
        for text in strings
        if any(uses(text, v) for v in row["replaced"])
    ] + [
        (name, text[:80])
        for name, text in default_texts()
        if any(uses(text, v) for v in row["replaced"])
    ]
    assert not found, f"use «{row['arabic']}» for {row['english']}: {found}"


def test_the_product_name_is_quoted_in_running_text():
    """«سياسة» unquoted reads as "a policy": every Arabic sentence that names Siyasa quotes it."""
    unquoted = [
        (msgid, text)
        for msgid, strings in catalogue_entries()
        if "Siyasa" in msgid and msgid.strip() != "Siyasa"
        for text in strings
        if text and not re.search("«سياسة»|منصة سياسة", text)
    ]
    assert not unquoted
