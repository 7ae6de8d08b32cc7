"""Read a roster table (CSV in any office encoding, or XLSX) into numbered rows of named cells.

The file's content decides its format, not its name: a renamed PNG is
refused, an XLSX saved as ``.csv`` is still read. Anything that keeps the
whole file from being read raises InputError naming the file.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from formgen.core.errors import InputError, MissingFileError
from formgen.core.i18n import t
from formgen.core.resources import package_data
from formgen.core.yamlfile import load_yaml

_COLUMNS_PATH = package_data("roster_columns.yaml")
EXPERIENCE_SHEET = "pengalaman"
MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 10
_DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"%PDF", b"GIF8", b"II*\x00", b"MM\x00*")
_MOJIBAKE_BOM = "\u00ef\u00bb\u00bf"  # a UTF-8 BOM read as Windows-1252


@dataclass
class Table:
    """Rows of one sheet: ``rows`` holds (line or row number, {column: cell value})."""

    label: str
    columns: list[str]
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # headers of columns no one knows


def known_columns(kind: str) -> list[str]:
    """The column names a ``kind`` table accepts (aliases aside)."""
    return list(column_specs()[kind]["columns"])


@cache
def column_specs() -> dict:
    return load_yaml(_COLUMNS_PATH)


def _aliases(kind: str) -> dict[str, str]:
    spec = column_specs()[kind]["columns"]
    names = {}
    for name, options in spec.items():
        names[name] = name
        for alias in (options or {}).get("aliases", []):
            names[alias] = name
    return names


def header_key(text: object) -> str:
    """``"Tanggal  Lahir (DD-MM-YYYY)"`` -> ``"tanggal_lahir"``."""
    value = unicodedata.normalize("NFKC", "" if text is None else str(text))
    value = re.sub(r"\(.*?\)|\[.*?\]", " ", value).lower()
    return re.sub(r"[^0-9a-z]+", "_", value).strip("_")


def read_roster(path: Path, *, label: str | None = None) -> tuple[Table, Table | None]:
    """The roster table in ``path`` and, for an XLSX, its ``pengalaman`` sheet (else None).

    The roster is the first sheet that is not ``pengalaman``.
    """
    label = label or str(path)
    data = _read_bytes(path, label)
    if not data.startswith(_ZIP_MAGIC):
        return _build(_csv_rows(data, label, "applicant"), "applicant", label), None
    sheets = _xlsx_sheets(data, label)
    experience = _experience_sheet_name(sheets)
    roster = _build(sheets[_pick_sheet(sheets, "applicant")], "applicant", label)
    if experience is None:
        return roster, None
    return roster, _build(sheets[experience], "experience", f"{label}[{experience}]",
                          allow_empty=True)


def read_table(path: Path, kind: str, *, label: str | None = None) -> Table:
    """The ``kind`` table (``"applicant"`` or ``"experience"``) in ``path``.

    For an XLSX experience file this is its ``pengalaman`` sheet or else its
    first sheet.
    """
    label = label or str(path)
    data = _read_bytes(path, label)
    if data.startswith(_ZIP_MAGIC):
        sheets = _xlsx_sheets(data, label)
        name = _pick_sheet(sheets, kind)
        return _build(sheets[name], kind,
                      f"{label}[{name}]" if kind == "experience" and len(sheets) > 1 else label)
    return _build(_csv_rows(data, label, kind), kind, label)


def _read_bytes(path: Path, label: str) -> bytes:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise MissingFileError(t("roster.file.not_found"), path=label, code="not_found") from None
    except OSError as exc:
        raise InputError(t("roster.file.unreadable", detail=exc.strerror or str(exc)),
                         path=label, code="unreadable") from None
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(t("roster.file.empty"), path=label, code="empty_file")
    if data.startswith(_OLE_MAGIC):
        raise InputError(t("roster.file.xls"), path=label, code="xls_not_supported")
    if data.startswith(_BINARY_MAGIC):
        raise InputError(t("roster.file.not_a_spreadsheet"), path=label,
                         code="not_a_spreadsheet")
    return data


# -- XLSX ------------------------------------------------------------------

def _xlsx_sheets(data: bytes, label: str) -> dict[str, list[tuple[int, list]]]:
    """Every sheet's rows; formulas come back as their text, never evaluated.

    Read from memory, so that openpyxl does not judge the file by its name.
    """
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # zipfile, XML and openpyxl's own errors for a damaged workbook
        raise InputError(t("roster.file.unreadable", detail=type(exc).__name__), path=label,
                         code="not_a_spreadsheet") from None
    try:
        sheets = {}
        for sheet in workbook.worksheets:
            rows = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise InputError(t("roster.file.too_many_rows", limit=MAX_ROWS),
                                     path=label, code="too_many_rows")
                rows.append((number, list(values)))
            sheets[sheet.title] = rows
    except InputError:
        raise
    except Exception as exc:
        raise InputError(t("roster.file.unreadable", detail=type(exc).__name__), path=label,
                         code="not_a_spreadsheet") from None
    finally:
        workbook.close()
    if not sheets:
        raise InputError(t("roster.file.empty"), path=label, code="empty_file")
    return sheets


def _experience_sheet_name(sheets: dict) -> str | None:
    return next((n for n in sheets if n.strip().lower() == EXPERIENCE_SHEET), None)


def _pick_sheet(sheets: dict, kind: str) -> str:
    experience = _experience_sheet_name(sheets)
    if kind == "experience" and experience is not None:
        return experience
    return next((n for n in sheets if n != experience), next(iter(sheets)))


# -- CSV -------------------------------------------------------------------

def decode_text(data: bytes, label: str) -> str:
    """Text of a CSV file: UTF-16 or UTF-8 (with or without BOM), else Windows-1252."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data:
        raise InputError(t("roster.file.not_a_spreadsheet"), path=label,
                         code="not_a_spreadsheet")
    try:
        if utf16:
            text = data.decode("utf-16")
        elif data.startswith(b"\xef\xbb\xbf"):
            try:
                text = data[3:].decode("utf-8")
            except UnicodeDecodeError:
                text = data[3:].decode("cp1252")  # a BOM in front of Windows-1252 text
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(t("roster.file.encoding"), path=label, code="unreadable_encoding") \
            from None
    text = text.lstrip("\ufeff")
    if text.startswith(_MOJIBAKE_BOM):
        text = text[len(_MOJIBAKE_BOM):]
    if "\x00" in text or _control_ratio(text) > 0.01:
        raise InputError(t("roster.file.not_a_spreadsheet"), path=label,
                         code="not_a_spreadsheet")
    return text


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n")
    return controls / max(len(text), 1)


def _csv_rows(data: bytes, label: str, kind: str) -> list[tuple[int, list]]:
    """Rows with the line each starts on; the delimiter is the one that best splits the header."""
    text = decode_text(data, label)
    names = _aliases(kind)
    best: list[tuple[int, list]] | None = None
    best_score = -1
    for delimiter in _DELIMITERS:
        rows = _split_csv(text, delimiter, label)
        score = max((sum(header_key(c) in names for c in cells)
                     for _, cells in rows[:HEADER_SEARCH_ROWS]), default=0)
        if score > best_score:
            best, best_score = rows, score
    return best or []


def _split_csv(text: str, delimiter: str, label: str) -> list[tuple[int, list]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, start = [], 1
    try:
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise InputError(t("roster.file.too_many_rows", limit=MAX_ROWS), path=label,
                                 code="too_many_rows")
    except csv.Error as exc:
        raise InputError(t("roster.file.unreadable", detail=str(exc)), path=label,
                         code="not_a_spreadsheet") from None
    return rows


# -- both ------------------------------------------------------------------

def _build(raw_rows: list[tuple[int, list]], kind: str, label: str, *,
           allow_empty: bool = False) -> Table:
    """Find the header among the first rows, name the cells, drop empty rows."""
    names = _aliases(kind)
    required = column_specs()[kind]["required"]
    rows = [(n, cells) for n, cells in raw_rows if any(_filled(c) for c in cells)]
    if not rows:
        if allow_empty:
            return Table(label=label, columns=[])
        raise InputError(t("roster.file.empty"), path=label, code="empty_file")
    header_at = None
    for position, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(header_key(c) in names for c in cells) >= 2:
            header_at = position
            break
    if header_at is None:
        raise InputError(t("roster.file.no_header", columns=", ".join(required)), path=label,
                         code="missing_column")
    index = _column_index(rows[header_at][1], names, label)
    missing = [c for c in required if c not in index]
    if missing:
        raise InputError(t("roster.file.missing_column", columns=", ".join(missing)),
                         path=label, code="missing_column")
    header = rows[header_at][1]
    ignored = [str(c).strip() for c in header if _filled(c) and header_key(c) not in names]
    table = Table(label=label, columns=list(index), ignored=ignored)
    for number, cells in rows[header_at + 1:]:
        table.rows.append((number, {name: cells[i] if i < len(cells) else None
                                    for name, i in index.items()}))
    if not table.rows and not allow_empty:
        raise InputError(t("roster.file.empty"), path=label, code="empty_file")
    return table


def _column_index(header: list, names: dict[str, str], label: str) -> dict[str, int]:
    """Column name -> position; a column named exactly wins over one named by an alias."""
    index: dict[str, int] = {}
    exact: dict[str, bool] = {}
    for position, cell in enumerate(header):
        key = header_key(cell)
        name = names.get(key)
        if name is None:
            continue
        is_exact = key == name
        if name in index:
            if exact[name] == is_exact:
                raise InputError(t("roster.file.duplicate_column", column=name), path=label,
                                 code="duplicate_column")
            if not is_exact:
                continue
        index[name], exact[name] = position, is_exact
    return index


def _filled(cell: object) -> bool:
    return cell is not None and (not isinstance(cell, str) or cell.strip() != "")
