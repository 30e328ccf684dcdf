"""Hostile and broken files: refused with a clear message before anything is read or written,
and formula-like cells neutralised in every download."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from etikkmonitor import export, guards
from etikkmonitor.importer import validate
from etikkmonitor.reading import Refused
from etikkmonitor.uploads import Upload, store_uploads

HEADER = "contract_id;title;agency;supplier_org_nr;supplier_name;category;value_nok;start_date"
ROW = "K1;Klær;Bymiljøetaten;923609016;T AS;Tekstil;600000;2024-01-01"


def refusal(pairs) -> str:
    with pytest.raises(Refused) as e:
        validate(pairs)
    return str(e.value)


def test_oversized_upload_is_refused_unread(monkeypatch):
    monkeypatch.setattr(guards, "max_file_bytes", lambda: 1000)
    folder, pairs, refused = store_uploads(
        [Upload("kontrakter.csv", (HEADER + "\n" + ROW + "\n").encode() * 100)]
    )
    assert pairs == []
    assert [r.file for r in refused] == ["kontrakter.csv"]
    assert "above the limit" in refused[0].message
    assert list(folder.iterdir()) == []  # not even written


def test_zip_bomb_workbook_is_refused(tmp_path):
    path = tmp_path / "upload-0"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        # 40 MB of one repeated byte packs to a few tens of kB: far beyond any real sheet
        z.writestr("xl/worksheets/sheet1.xml", b"0" * (40 * 1024 * 1024))
    assert "zip bomb" in refusal([(path, "kontrakter.xlsx")])


def test_csv_renamed_xlsx_is_refused(tmp_path):
    path = tmp_path / "upload-0"
    path.write_text(HEADER + "\n" + ROW + "\n", encoding="utf-8")
    assert "not an Excel workbook" in refusal([(path, "kontrakter.xlsx")])


def test_binary_renamed_csv_is_refused(tmp_path):
    path = tmp_path / "upload-0"
    buf = io.BytesIO()
    openpyxl.Workbook().save(buf)
    path.write_bytes(buf.getvalue())
    assert "not a text file" in refusal([(path, "kontrakter.csv")])


def test_upload_name_is_never_a_path(tmp_path):
    folder, pairs, _ = store_uploads(
        [Upload("../../etc/kontrakter.csv", (HEADER + "\n" + ROW + "\n").encode())]
    )
    ((path, name),) = pairs
    # our own name, with the given extension (openpyxl needs one to open a workbook)
    assert path.parent == folder and path.name == "upload-0.csv"
    assert name == "kontrakter.csv"
    v = validate(pairs)
    assert v.counts["contracts"] == 1
    assert v.files()[0]["file"] == "kontrakter.csv"


def test_xlsx_formulas_are_read_as_saved_values_never_evaluated(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "kontrakter"
    ws.append(HEADER.split(";"))
    # A formula with no saved result: openpyxl writes none, so it reads as blank (a missing
    # required value), never as the evaluated 600000 nor as the formula text.
    ws.append(["K1", "Klær", "Bymiljøetaten", "923609016", "T AS", "Tekstil", "=300000*2",
               "2024-01-01"])  # fmt: skip
    ws.append(["K2", '=HYPERLINK("http://x","klikk")', "Bymiljøetaten", "923609016", "T AS",
               "Tekstil", 600000, "2024-01-01"])  # fmt: skip
    path = tmp_path / "bok.xlsx"
    wb.save(path)
    v = validate([path])
    codes = {(r["line"], r["column"]): r["code"] for r in v.rejects()}
    assert codes == {(2, "value_nok"): "missing_required", (3, "title"): "missing_required"}


@pytest.mark.parametrize(
    "cell", ["=1+1", "+47 22 00 00 00", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "＠SUM(A1)"]
)
def test_formula_like_cells_are_neutralised_in_every_download(tmp_path, cell):
    # imported as the text it is ...
    path = tmp_path / "kontrakter.csv"
    title = cell.replace("\t", " ").replace("\r", " ") if cell[0] in "\t\r" else cell
    path.write_text(HEADER + "\n" + ROW.replace(";Klær;", f";{title};") + "\n", encoding="utf-8")
    v = validate([path])
    got = v.con.execute("SELECT title FROM checked_contracts").fetchall()[0][0]
    assert got == title.strip()
    # ... and never a formula in a download
    frame = pd.DataFrame({"Tittel": [cell], "Liste": [[cell, "x"]]})
    text = export.to_csv(frame).decode("utf-8-sig")
    ((_, row),) = [list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))]
    assert row == ["'" + cell, "'" + cell + ", x"]
    wb = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(frame, sheet="t")))
    ws = wb.active
    for row in ws.iter_rows(min_row=2, values_only=False):
        for c in row:
            assert c.data_type != "f", f"{c.value!r} stored as a formula"
            assert not str(c.value).startswith(("=", "+", "-", "@", "＝", "＠")) or c.quotePrefix
