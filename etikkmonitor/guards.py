"""Limits on what an import may read, so a hostile or broken file cannot exhaust the machine.

The same guards stand in front of the command line and the dashboard's importer.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from . import settings

MAX_XLSX_UNCOMPRESSED = 500 * 1024 * 1024  # bytes, all parts of a workbook together
MAX_XLSX_RATIO = 200  # uncompressed / compressed: beyond this it is a zip bomb, not a sheet
MAX_SHEETS = 50
MAX_XLSX_MEMBERS = 10_000  # parts in the zip; a workbook of 50 sheets has a few hundred
# The shared strings may take at most this many bytes per byte of the sheets that use them
# (a cell of a sheet is some 20 bytes; 20 allows strings of about 400 bytes each), or the floor.
SHARED_STRINGS_PER_SHEET_BYTE = 20
MAX_SHARED_STRINGS_FLOOR = 16 * 1024 * 1024
MAX_OTHER_PART = 16 * 1024 * 1024  # styles, the workbook part ...: read whole by openpyxl


def max_file_bytes() -> int:
    return int(float(settings.load()["import"]["max_file_mb"]) * 1024 * 1024)


def max_columns() -> int:
    return int(settings.load()["import"]["max_columns"])


def max_header_chars() -> int:
    return int(settings.load()["import"]["max_header_chars"])


def max_value_chars() -> int:
    return int(settings.load()["import"]["max_value_chars"])


def _count(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def check_header(header: list) -> str | None:
    """A reason to refuse a file for its header row, or None: checked before the header is
    folded or mapped, so a hostile header costs nothing but this look."""
    if len(header) > max_columns():
        return (
            f"has {_count(len(header))} columns in its header row, more than the limit of "
            f"{_count(max_columns())}"
        )
    limit = max_header_chars()
    for i, name in enumerate(header, start=1):
        if name is not None and len(str(name)) > limit:
            return (
                f"column {i} of the header row is {_count(len(str(name)))} characters long; a "
                f"column name may have at most {_count(limit)}"
            )
    return None


def check_size(size: int) -> str | None:
    limit = max_file_bytes()
    if size > limit:
        return f"is {size / 1e6:.1f} MB, above the limit of {limit / 1e6:.0f} MB"
    return None


def check_xlsx(path: Path) -> str | None:
    """A reason to refuse the workbook unread, or None. Looks only at the zip's directory and
    its small relationships part, before openpyxl touches anything: openpyxl streams the
    worksheets but holds every other part, the shared strings above all, in memory."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > MAX_XLSX_MEMBERS:
                return f"has {_count(len(infos))} parts, more than {_count(MAX_XLSX_MEMBERS)}"
            parts = {i.filename: i for i in infos}
            rels = _workbook_parts(z, parts)
    except (zipfile.BadZipFile, OSError, EOFError):
        return "is named .xlsx but is not an Excel workbook"
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_XLSX_UNCOMPRESSED or (
        total > 10 * 1024 * 1024 and total / packed > MAX_XLSX_RATIO
    ):
        return (
            f"unpacks to {total / 1e6:.0f} MB from {packed / 1e6:.1f} MB: refused as a "
            "possible zip bomb"
        )
    for i in infos:  # one packed part can hide among honest ones
        if i.file_size > 1024 * 1024 and i.file_size / max(i.compress_size, 1) > MAX_XLSX_RATIO:
            return (
                f"has a part ({printable(i.filename)}) that unpacks to {i.file_size / 1e6:.0f} "
                f"MB from {i.compress_size / 1e6:.2f} MB: refused as a possible zip bomb"
            )
    if not any(i.filename == "[Content_Types].xml" for i in infos):
        return "is named .xlsx but is not an Excel workbook"
    if rels is None:
        return "is named .xlsx but its list of parts (xl/_rels/workbook.xml.rels) is unreadable"
    sheets, strings = rels
    if len(sheets) > MAX_SHEETS:
        return f"has {len(sheets)} sheets, more than {MAX_SHEETS}"
    sheet_bytes = sum(parts[n].file_size for n in sheets if n in parts)
    sst = parts[strings].file_size if strings in parts else 0
    # Excel writes only the strings some cell uses, and a cell takes some 20 bytes of its
    # sheet: a table far larger than its sheets holds strings no row uses.
    sst_limit = max(MAX_SHARED_STRINGS_FLOOR, SHARED_STRINGS_PER_SHEET_BYTE * sheet_bytes)
    if sst > sst_limit:
        return (
            f"has a shared-strings table of {sst / 1e6:.1f} MB for {sheet_bytes / 1e6:.2f} MB of "
            f"sheets (at most {sst_limit / 1e6:.0f} MB): refused, reading it would cost far "
            "more than the rows it holds"
        )
    for name, i in parts.items():
        if name in sheets or name == strings or not name.lower().endswith((".xml", ".rels")):
            continue  # sheets are streamed; images and the like are not read
        if i.file_size > MAX_OTHER_PART:
            return (
                f"has a part ({printable(name)}) of {i.file_size / 1e6:.0f} MB, more than "
                f"{MAX_OTHER_PART / 1e6:.0f} MB"
            )
    return None


def _workbook_parts(z: zipfile.ZipFile, parts: dict) -> tuple[set[str], str] | None:
    """(the worksheets' part names, the shared strings' part name) as the workbook's
    relationships name them (the parts openpyxl will read), or None when unreadable."""
    name = "xl/_rels/workbook.xml.rels"
    info = parts.get(name)
    if info is None:
        # no relationships: openpyxl refuses the file itself; these are the usual names
        return {n for n in parts if n.startswith("xl/worksheets/")}, "xl/sharedStrings.xml"
    if info.file_size > 1024 * 1024:
        return None
    try:
        # The standard library's parser on a part of at most 1 MB: its expat (2.4+) refuses
        # entity expansion bombs, and it resolves nothing outside the text.
        root = ElementTree.fromstring(z.read(name))
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    sheets, strings = set(), "xl/sharedStrings.xml"
    for rel in root:
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if target.startswith("/"):
            target = target.lstrip("/")
        else:
            target = posixpath.normpath(posixpath.join("xl", target))
        if kind.endswith("/worksheet"):
            sheets.add(target)
        elif kind.endswith("/sharedStrings"):
            strings = target
    return sheets, strings


def printable(text: str) -> str:
    """`text` with control characters (line breaks and terminal escapes too) and undecodable
    bytes (surrogates, as a file name may hold) written as \\xNN: safe in a message."""
    return _UNPRINTABLE.sub(_escape_char, text)


def _escape_char(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00 if 0xDC80 <= code <= 0xDCFF else code:02x}"


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\udc80-\udcff]")
