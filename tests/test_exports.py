"""The downloads: CSV for a Norwegian Excel and typed XLSX, text cells that a spreadsheet would
read as a formula neutralised (etikkmonitor/export.py)."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from etikkmonitor import export

# ---------------------------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------------------------


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_is_norwegian_excel():
    frame = pd.DataFrame(
        {
            "Kontrakt": ["K01", "K02"],
            "Verdi": [1250000.5, 90000.0],
            "Antall": pd.array([3, None], dtype="Int64"),
            "Frist": [date(2024, 6, 30), None],
            "Sentral": [True, False],
            "Virksomhet": ["Bydel Grünerløkka", "A; B"],
        }
    )
    data = export.to_csv(frame)
    assert b"\r\n" in data
    rows = read_csv(data)
    assert rows[0] == ["Kontrakt", "Verdi", "Antall", "Frist", "Sentral", "Virksomhet"]
    assert rows[1] == ["K01", "1250000,5", "3", "30.06.2024", "ja", "Bydel Grünerløkka"]
    assert rows[2] == ["K02", "90000", "", "", "nei", "A; B"]


@pytest.mark.parametrize(
    "cell",
    # the full-width forms ＝＋－＠ (and the small ＝ ﹦) are read by Excel as = + - @
    [
        "=1+1",
        "+47 22",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "＝1+1",
        "＋47",
        "－2+3",
        "＠SUM(A1)",
        "﹦1+1",
    ],
)
def test_formula_cells_are_neutralised(cell):
    frame = pd.DataFrame({"Tittel": [cell], "Tall": [-5]})
    rows = read_csv(export.to_csv(frame))
    assert rows[1] == ["'" + cell, "-5"], "text is neutralised, our own numbers are not"
    ws = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(frame))).active
    title, number = ws["A2"], ws["B2"]
    assert title.data_type == "s" and title.quotePrefix
    assert title.value.lstrip("\t\r\n") == cell.lstrip("\t\r\n")  # XML reads CR as LF
    assert number.value == -5


def test_xlsx_is_typed_with_headers():
    frame = pd.DataFrame({"Frist": [pd.Timestamp("2024-06-30")], "Verdi": [1250000.5]})
    ws = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(frame, sheet="frister/alle"))).active
    assert ws.title == "fristeralle"
    assert [c.value for c in ws[1]] == ["Frist", "Verdi"]
    assert ws["A2"].value.date() == date(2024, 6, 30) and ws["A2"].number_format == "DD.MM.YYYY"
    assert ws["B2"].value == 1250000.5
    assert ws.freeze_panes == "A2"


@pytest.mark.parametrize("cell", ["Kina", "−5 (U+2212 is a minus sign, no formula)", "a=b", ""])
def test_plain_cells_are_left_alone(cell):
    frame = pd.DataFrame({"Tittel": [cell]})
    assert read_csv(export.to_csv(frame))[1] == [cell]
    ws = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(frame))).active
    assert not ws["A2"].quotePrefix
