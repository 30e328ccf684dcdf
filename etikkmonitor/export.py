"""Table downloads as Norwegian Excel reads them: CSV and XLSX.

CSV: `;` between fields, decimal comma, dates as 30.06.2024, UTF-8 with BOM (so Excel picks the
encoding), CRLF line ends. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return (or the full-width ＝＋－＠, which Excel reads as the same) gets a leading apostrophe: a spreadsheet would otherwise run it as a formula (CSV
injection). XLSX: typed cells; such text is stored as text with Excel's quote prefix, never as a
formula. Column headers are whatever the page shows (Norwegian by default).
"""

from __future__ import annotations

import csv
import io
import math
from datetime import date, datetime

import pandas as pd

from .escape import formula_like


def neutralise(text: str) -> str:
    """A text cell made safe from formula injection."""
    return "'" + text if formula_like(text) else text


def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def csv_cell(value) -> str:
    """One value as CSV text in Norwegian conventions."""
    if isinstance(value, (list, tuple)):
        return neutralise(", ".join(str(v) for v in value))
    if _is_missing(value):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value).replace(".", ",")
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if hasattr(value, "item"):  # numpy scalars
        return csv_cell(value.item())
    return neutralise(str(value))


def to_csv(df: pd.DataFrame) -> bytes:
    """The table as CSV bytes: BOM, `;`, decimal comma, safe text."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(str(c)) for c in df.columns])
    for row in df.itertuples(index=False, name=None):
        writer.writerow([csv_cell(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _xlsx_value(value):
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if _is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if hasattr(value, "item") and not isinstance(value, (str, date)):
        return value.item()
    return value


def to_xlsx(df: pd.DataFrame, sheet: str = "Etikkmonitor") -> bytes:
    """The table as an XLSX workbook: one sheet, bold header, frozen first row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    # Excel forbids some characters in sheet names and allows 31 characters.
    ws.title = "".join(ch for ch in sheet if ch not in "[]:*?/\\")[:31] or "Etikkmonitor"
    for col, name in enumerate(df.columns, start=1):
        cell = ws.cell(row=1, column=col, value=str(name))
        cell.data_type = "s"
        cell.font = Font(bold=True)
    for r, row in enumerate(df.itertuples(index=False, name=None), start=2):
        for col, raw in enumerate(row, start=1):
            value = _xlsx_value(raw)
            cell = ws.cell(row=r, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if formula_like(value):
                    cell.quotePrefix = True
            elif isinstance(value, date):
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(value, float) and not value.is_integer():
                cell.number_format = "#,##0.00"
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.number_format = "#,##0"
    for col, name in enumerate(df.columns, start=1):
        values = [str(name)] + [str(v) for v in df.iloc[:200, col - 1].tolist()]
        ws.column_dimensions[get_column_letter(col)].width = min(60, max(8, *map(len, values)) + 2)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
