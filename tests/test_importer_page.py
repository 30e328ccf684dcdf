"""The importer page under AppTest (local mode: full rights): the messy demo export shows its
rejects and is published only on confirmation; a refused upload changes nothing; a roll-back
brings the earlier figures back."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from app_under_test import open_importer
from dashboard_dbs import ROOT
from streamlit.testing.v1 import AppTest

from etikkmonitor import db, ui

MESSY = ROOT / "data" / "demo-messy"


def files_of(folder: Path) -> list[tuple[str, bytes, str]]:
    return [(f.name, f.read_bytes(), "text/csv") for f in sorted(folder.glob("*.csv"))]


def imports_in(db_file) -> int:
    store = db.Store(db_file)
    try:
        return len(store.query("import_history"))
    finally:
        store.close()


def check(at: AppTest, files) -> AppTest:
    at.file_uploader(key="imp_files").set_value(files).run()
    next(b for b in at.button if b.label == "Kontroller filene").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_messy_upload_shows_rejects_and_publishes_only_on_confirm(empty_copy, monkeypatch):
    db_file = empty_copy
    at = open_importer(db_file, monkeypatch)
    check(at, files_of(MESSY))
    # data/demo-messy/README.md lists 16 rejected rows: 7 contracts, 5 factories, 1 audit,
    # 3 findings; 59 data rows in all, so 43 can be imported
    assert any("43 rader kan importeres, 16 rader avvises." in m.value for m in at.markdown)
    rejects = [df.value for df in at.dataframe if "Årsak" in df.value.columns]
    assert rejects and len(rejects[0]) == 16
    publish = next(b for b in at.button if b.label == "Publiser importen")
    assert publish.disabled, "nothing is published before the person confirms"
    assert imports_in(db_file) == 0
    at.checkbox(key="imp_confirm").check().run()
    next(b for b in at.button if b.label == "Publiser importen").click().run()
    assert not at.exception
    assert any("Import 1 er publisert" in s.value for s in at.success)
    assert imports_in(db_file) == 1


def test_refused_upload_changes_nothing(handmade_copy, monkeypatch):
    db_file = handmade_copy
    before = hashlib.sha256(db_file.read_bytes()).hexdigest()
    at = open_importer(db_file, monkeypatch)
    check(at, [("leverandorer.csv", b"a;b\n1;2\n", "text/csv")])
    assert "Importen kan ikke gjennomføres. Ingenting er endret." in at.error[0].value
    assert ui.esc("leverandorer.csv") in at.error[0].value  # the name as text (ui.esc)
    assert not [b for b in at.button if b.label == "Publiser importen"]
    del at
    st.cache_resource.clear()  # closes nothing by itself: compare the file's bytes
    assert imports_in(db_file) == 1
    assert hashlib.sha256(db_file.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("lang", ["nb"])
def test_rollback_restores_the_earlier_figures(handmade_copy, monkeypatch, lang):
    # Import 1: the hand-made fixture (part 2: 4 of 5, 80 % as of 2024-06-30, hand-worked in
    # test_handmade_fixture.py). Import 2: the messy demo. Rolling back to 1 shows 80 % again.
    db_file = handmade_copy
    at = open_importer(db_file, monkeypatch)
    check(at, files_of(MESSY))
    # The messy demo shares no contract with the fixture (its 11 go, 6 come): replacing them
    # is asked for once more (issue 14; tested in test_import_loss.py)
    at.checkbox(key="imp_confirm_loss").check().run()
    at.checkbox(key="imp_confirm").check().run()
    next(b for b in at.button if b.label == "Publiser importen").click().run()
    store = db.Store(db_file)
    assert store.current_import_id() == 2
    target = next(s for s in at.selectbox if s.label == "Gjør denne importen gjeldende")
    assert target.value == 1
    at.checkbox(key="imp_rollback_confirm").check().run()
    next(b for b in at.button if b.label == "Rull tilbake").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Import 1 er gjeldende igjen" in s.value for s in at.success)
    assert store.current_import_id() == 1
    at.switch_page("pages/oversikt.py").run()
    # the date as a user picks it in the sidebar (a link's as_of is read when a session opens;
    # this session's date box already holds today, where the figure differs: in force then)
    at.sidebar.date_input(key="flt_as_of").set_value(date(2024, 6, 30)).run()
    assert {m.label: m.value for m in at.metric}["Oslomodellen del 2: etisk handel"] == "80\u00a0%"


def test_one_import_says_why_there_is_nothing_to_roll_back_or_compare(handmade_copy, monkeypatch):
    db_file = handmade_copy
    at = open_importer(db_file, monkeypatch)
    captions = [c.value for c in at.caption]
    assert "Det finnes ingen annen import å rulle tilbake til ennå." in captions
    assert "Sammenligningen trenger minst to importer." in captions
    assert not [s for s in at.selectbox if s.label == "Gjør denne importen gjeldende"]


def test_workbook_upload_is_read_and_published(empty_copy, monkeypatch):
    """A real .xlsx through the page (the upload had been stored without an extension, which
    openpyxl refuses: every workbook upload failed)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ark1"  # not a table name: a one-sheet workbook is named by its file
    ws.append(
        ["Kontrakt-ID", "Tittel", "Virksomhet", "Leverandør orgnr", "Leverandør"]
        + ["Kategori", "Høyrisiko", "Verdi NOK", "Startdato", "Sluttdato"]
    )
    # K01 and K03 as in tests/fixtures/handmade/kontrakter.csv (text cells); K04 with a number
    # and a date cell as Excel keeps them; K12's org number fails its check digit (…674: the
    # fixture's own rejected row). 3 rows can be imported, 1 is rejected.
    ws.append(
        [
            "K01",
            "Arbeidstøy",
            "Utviklings- og kompetanseetaten",
            "974 760 673",
            "Tekstil Nord AS",
            "Arbeidstøy, fottøy og tekstil",
            "Ja",
            "40 000 000",
            "31.08.2023",
            "31.08.2026",
        ]
    )
    ws.append(
        [
            "K03",
            "Rehabilitering av skolegård",
            "Bydel Grünerløkka",
            "987654325",
            "Grunn og Bygg AS",
            "Bygg og anlegg",
            "nei",
            "100 000",
            "01.03.2024",
            "30.09.2024",
        ]
    )
    ws.append(
        [
            "K04",
            "PC-er og skjermer",
            "Utviklings- og kompetanseetaten",
            "991122338",
            "Data Norge AS",
            "IKT-utstyr",
            "x",
            500000,
            date(2024, 2, 1),
            date(2026, 1, 31),
        ]
    )
    ws.append(
        [
            "K12",
            "Arbeidsklær",
            "Utviklings- og kompetanseetaten",
            "974 760 674",
            "Tekstil Sør AS",
            "Arbeidstøy, fottøy og tekstil",
            "Ja",
            "900 000",
            "01.01.2024",
            "31.12.2025",
        ]
    )
    buf = io.BytesIO()
    wb.save(buf)
    db_file = empty_copy
    at = open_importer(db_file, monkeypatch)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    check(at, [("Kontrakter.XLSX", buf.getvalue(), xlsx)])
    assert not at.error, [e.value for e in at.error]
    assert any("3 rader kan importeres, 1 rader avvises." in m.value for m in at.markdown)
    rejects = [df.value for df in at.dataframe if "Årsak" in df.value.columns]
    assert rejects and rejects[0]["Linje"].tolist() == [5]  # K12: the workbook's 5th row
    at.checkbox(key="imp_confirm").check().run()
    next(b for b in at.button if b.label == "Publiser importen").click().run()
    assert not at.exception, [e.value for e in at.exception]
    store = db.Store(db_file)
    try:
        ids = store.con.execute(
            "SELECT contract_id FROM contracts WHERE import_id = 1 ORDER BY 1"
        ).fetchall()
    finally:
        store.close()
    assert ids == [("K01",), ("K03",), ("K04",)]
