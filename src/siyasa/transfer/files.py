"""Uploaded CSV and XLSX files read into tables (tablib does the parsing), and registries written
as files that spreadsheets open safely."""

import base64
import csv
import datetime
import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass

import tablib
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from siyasa.core.spreadsheets import BOM, FORMULA_STARTS, text_cell, untext_cell
from siyasa.transfer.cells import listing

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
# An XLSX file is a zip: what it unpacks to is bounded too, so a small file cannot expand into
# gigabytes of XML.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# openpyxl stores a text cell that starts with "=" as a formula; no other start is run in XLSX.
XLSX_FORMULA_STARTS = ("=",)


@dataclass(frozen=True)
class Table:
    """An uploaded file: the column each header names, and every row's cells as text; row 1 is
    the header, so row numbers are those a spreadsheet shows."""

    filename: str
    columns: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    def _encoded(self) -> bytes:
        data = {"filename": self.filename, "columns": self.columns, "rows": self.rows}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    def pack(self) -> str:
        """The table as compact text for the session, where it waits for confirmation."""
        return base64.b64encode(zlib.compress(self._encoded())).decode()

    @classmethod
    def unpack(cls, packed: str) -> "Table":
        data = json.loads(zlib.decompress(base64.b64decode(packed)))
        rows = tuple((number, tuple(cells)) for number, cells in data["rows"])
        return cls(data["filename"], tuple(data["columns"]), rows)

    @property
    def digest(self) -> str:
        """Names exactly this content, so a confirmation applies what the preview showed."""
        return hashlib.sha256(self._encoded()).hexdigest()


def write(dataset: tablib.Dataset, fmt: str) -> bytes:
    """`dataset` as a CSV (UTF-8 with a byte-order mark, for Excel) or XLSX file."""
    starts = FORMULA_STARTS if fmt == "csv" else XLSX_FORMULA_STARTS
    safe = tablib.Dataset(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        safe.append([text_cell(str(value), starts) for value in row])
    if fmt == "csv":
        return (BOM + safe.export("csv")).encode()
    return safe.export("xlsx")


def read_table(upload, resource) -> Table:
    """The rows of an uploaded file, its headers matched to `resource`'s columns in Arabic or
    English; a file that cannot be imported raises ValidationError saying why."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)s MB. Split it into smaller files.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    content = upload.read()
    name = upload.name.lower()
    if name.endswith(".xlsx"):
        dataset = _read_xlsx(content)
    elif name.endswith((".csv", ".txt")):
        dataset = _read_csv(content)
    else:
        raise ValidationError(_("Upload a .csv or .xlsx file."))
    columns, keep = _columns(dataset.headers or [], resource)
    rows = []
    for index, row in enumerate(dataset, start=2):
        cells = [_text(value) for value in row]
        if not any(cells):
            continue  # spreadsheets leave empty rows behind
        if any(cells[i] for i in range(len(cells)) if i not in keep):
            raise ValidationError(
                _("Row %(row)s has a value in a column without a header.") % {"row": index}
            )
        rows.append((index, tuple(cells[i] for i in keep)))
        if len(rows) > MAX_ROWS:
            raise ValidationError(
                _("The file has more than %(count)s rows. Split it into smaller files.")
                % {"count": MAX_ROWS}
            )
    if not rows:
        raise ValidationError(_("The file has no rows below its header."))
    return Table(upload.name[:100], tuple(columns), tuple(rows))


def _columns(headers, resource) -> tuple[list[str], list[int]]:
    """The column each header names, and the positions of the headers that name one."""
    known = resource.header_names()
    columns, keep, unknown = [], [], []
    for position, header in enumerate(headers):
        text = " ".join(_text(header).split())
        if not text:
            continue
        name = known.get(text.casefold())
        if name is None:
            unknown.append(text)
        elif name in columns:
            raise ValidationError(
                _("Two columns are headed “%(header)s”.") % {"header": resource.header(name)}
            )
        else:
            columns.append(name)
            keep.append(position)
    if unknown:
        raise ValidationError(
            _("Unknown columns: %(unknown)s. The columns are: %(expected)s.")
            % {
                "unknown": listing(unknown),
                "expected": listing([resource.header(name) for name, _f in resource.columns()]),
            }
        )
    missing = [resource.header(name) for name in resource.required if name not in columns]
    if missing:
        raise ValidationError(
            _("The file needs the columns: %(columns)s.") % {"columns": listing(missing)}
        )
    return columns, keep


def _read_csv(content: bytes) -> tablib.Dataset:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on an Arabic Windows saves "CSV" (not "CSV UTF-8") in Windows-1256.
        try:
            text = content.decode("cp1256")
        except UnicodeDecodeError:
            raise ValidationError(
                _("The file is not readable text: save it as CSV UTF-8.")
            ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        return tablib.Dataset().load(text, format="csv", delimiter=delimiter)
    except (csv.Error, tablib.InvalidDimensions):
        raise ValidationError(
            _(
                "The file could not be read as CSV: check that every row has as many cells as the header."
            )
        ) from None


def _read_xlsx(content: bytes) -> tablib.Dataset:
    unreadable = ValidationError(_("The file could not be read as an Excel workbook (.xlsx)."))
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise unreadable from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(_("The workbook holds too much data. Split it into smaller files."))
    try:
        return tablib.Dataset().load(io.BytesIO(content), format="xlsx")
    except Exception:
        # openpyxl raises many kinds of error on a damaged or foreign file; all mean the same to
        # the person uploading it (XML attacks are refused by defusedxml, which openpyxl uses).
        raise unreadable from None


def _text(value) -> str:
    """A cell as the text a person typed: numbers without a spurious ".0", dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return untext_cell(str(value).strip())
