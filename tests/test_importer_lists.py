"""The importer page with a supplier's factory list (AppTest): the list is chosen as one
contract's factories, each row is imported or rejected by line, likely matches are confirmed on
the page; and a list as an Excel workbook reads like the CSV."""

from __future__ import annotations

import openpyxl
import pytest
from app_under_test import open_importer
from test_factory_lists import FIXTURE, LIST

from etikkmonitor import db
from etikkmonitor.factory_lists import FactoryList
from etikkmonitor.importer import publish, validate


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "p.duckdb"
    s = db.Store(path)
    v = validate([FIXTURE / "base"])
    publish(v, s)
    v.close()
    s.close()
    return path


def test_a_list_chosen_for_a_contract_on_the_page(db_file, monkeypatch, tmp_path):
    at = open_importer(db_file, monkeypatch)
    at.file_uploader(key="imp_files").set_value(
        [("factory_list.csv", LIST.read_bytes(), "text/csv")]
    ).run()
    at.selectbox(key="imp_list_0").set_value("K1").run()
    next(b for b in at.button if b.label == "Kontroller filene").click().run()
    assert not at.exception, [e.value for e in at.exception]
    rejects = [df.value for df in at.dataframe if "Årsak" in df.value.columns]
    # worked out in test_factory_lists.py: lines 4-7 rejected
    assert rejects and list(rejects[0]["Linje"]) == [4, 5, 6, 7]
    next(c for c in at.checkbox if c.key == "imp_confirm").check().run()
    next(b for b in at.button if b.label == "Publiser importen").click().run()
    assert not at.exception, [e.value for e in at.exception]
    s = db.Store(db_file)
    try:
        rows = (
            s.cursor()
            .execute(
                "SELECT count(*) FROM factories WHERE import_id = $id AND contract_id = 'K1'",
                {"id": s.current_import_id()},
            )
            .fetchall()
        )
    finally:
        s.close()
    assert rows == [(4,)]

    # a second list with Saigon's name written differently: offered, confirmed on the page
    second = tmp_path / "second.csv"
    second.write_text(
        "country,name,address\nVIET NAM,Saigon Garments Joint Stock Company,"
        '"45 Le Loi Street, Ho Chi Minh City"\n',
        encoding="utf-8",
    )
    at.file_uploader(key="imp_files").set_value(
        [("second.csv", second.read_bytes(), "text/csv")]
    ).run()
    at.selectbox(key="imp_list_0").set_value("K1").run()
    next(b for b in at.button if b.label == "Kontroller filene").click().run()
    assert any(b.label == "Bekreft forslag 1" for b in at.button)
    next(b for b in at.button if b.label == "Bekreft forslag 1").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not any(b.label == "Bekreft forslag 1" for b in at.button)  # decided: checked again
    s = db.Store(db_file)
    try:
        v = validate([], lists=[FactoryList(second, "second.csv", "K1")], store=s)
        ids = v.con.execute(
            "SELECT factory_id FROM checked_factories WHERE contract_id = 'K1' AND len(errors) = 0"
        ).fetchall()
        v.close()
    finally:
        s.close()
    assert ids == [("SUP-7",)]


def test_a_list_as_a_workbook_reads_like_the_csv(db_file, tmp_path):
    import csv

    book = tmp_path / "factory_list.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    with LIST.open(encoding="utf-8") as f:
        for row in csv.reader(f):
            ws.append(row)
    wb.save(book)
    s = db.Store(db_file)
    try:
        v = validate([], lists=[FactoryList(book, book.name, "K1")], store=s)
        try:
            got = [(r["line"], r["code"]) for r in v.rejects()]
        finally:
            v.close()
    finally:
        s.close()
    # rows are the sheet's rows, as the CSV's lines (header row 1)
    assert got == [(4, "bad_os_id"), (5, "out_of_range"), (6, "duplicate_key"), (7, "bad_country")]
