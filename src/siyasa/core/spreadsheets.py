"""Cells that a spreadsheet would run as formulas, written so it keeps them as text."""

# A cell that starts like a formula is run by spreadsheets; a leading apostrophe keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a CSV file as UTF-8 (and shows Arabic) only when it starts with a byte-order mark.
BOM = "\ufeff"


def text_cell(value: str, starts: tuple[str, ...] = FORMULA_STARTS) -> str:
    return f"'{value}" if value.startswith(starts) else value


def untext_cell(value: str) -> str:
    """The value `text_cell` was given, so a file Siyasa wrote reads back as it was."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
