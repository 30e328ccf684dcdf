"""Limits on what an import may read, so a hostile or broken file cannot exhaust the machine.

The same guards stand in front of the command line and the dashboard's importer.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from . import settings

MAX_XLSX_UNCOMPRESSED = 500 * 1024 * 1024  # bytes, all parts of a workbook together
MAX_XLSX_RATIO = 200  # uncompressed / compressed: beyond this it is a zip bomb, not a sheet
MAX_SHEETS = 50


def max_file_bytes() -> int:
    return int(float(settings.load()["import"]["max_file_mb"]) * 1024 * 1024)


def check_size(size: int) -> str | None:
    limit = max_file_bytes()
    if size > limit:
        return f"is {size / 1e6:.1f} MB, above the limit of {limit / 1e6:.0f} MB"
    return None


def check_xlsx(path: Path) -> str | None:
    """A reason to refuse the workbook unread, or None."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
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
    sheets = [i for i in infos if i.filename.startswith("xl/worksheets/sheet")]
    if len(sheets) > MAX_SHEETS:
        return f"has {len(sheets)} sheets, more than {MAX_SHEETS}"
    if not any(i.filename == "[Content_Types].xml" for i in infos):
        return "is named .xlsx but is not an Excel workbook"
    return None
