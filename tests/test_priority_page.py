"""The Oppfølging page (pages/oppfolging.py) under AppTest, on tests/fixtures/priority/.

The expected order and points are those worked out by hand in tests/test_priority.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from etikkmonitor import db, i18n
from etikkmonitor.importer import publish, validate

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "priority"

pytestmark = pytest.mark.skipif(
    "dash.filters" not in i18n._all_text(),
    reason="the dashboard's own texts (sidebar of etikkmonitor/ui.py) are not in yet",
)


@pytest.fixture(scope="module")
def db_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "page.duckdb"
    v = validate([FIXTURE])
    try:
        store = db.Store(path)
        publish(v, store)
        store.close()
    finally:
        v.close()
    return path


def run_page(db_file: Path, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("ETIKKMONITOR_DB", str(db_file))
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "pages" / "oppfolging.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_contracts_by_score_with_reasons_and_next_step(db_file, monkeypatch):
    at = run_page(db_file, monkeypatch, as_of="2024-06-30")
    text = [m.value for m in at.markdown]
    cards = [x for x in text if x.startswith("**") and "[" in x]
    # this week's cards, as worked out by hand (test_priority.py): the five with most points
    # are P1 42, P2 30.5, P5 28.57, P7 12.3, P3 6, but P3's next step is only to watch (as
    # P4's and P6's): the four with a step
    assert [x.split("[", 1)[1].split("]", 1)[0] for x in cards] == ["P1", "P2", "P5", "P7"]
    assert "De 4 kontraktene med flest poeng som har et neste steg, med grunnene." in [
        c.value for c in at.caption
    ]
    # one precision for all points (issue 12): two decimals
    assert "**42,00 poeng**" in text and "**30,50 poeng**" in text
    assert "- 2 kritiske avvik åpne\n- 1 frist overskredet med 60 dager\n" in "\n".join(text)
    assert "Neste steg: **Oppfølgingsrevisjon**" in text
    contracts, suppliers = at.dataframe[0].value, at.dataframe[1].value
    assert contracts["Nr."].tolist() == list(range(1, 8))
    assert contracts["Poeng"].tolist() == [
        "42,00", "30,50", "28,57", "12,30", "6,00", "6,00", "0,05"
    ]  # fmt: skip
    assert contracts["Kontrakt"].str.endswith("contract=P4").tolist()[5]
    assert suppliers["Leverandør"].tolist() == [
        "Tekstil Nord AS",
        "Linprodukter AS",
        "Renhold Øst AS",
        "Kontor og Papir AS",
    ]
    tables = [b for b in at.get("download_button") if b.label != "Statusrapport (PDF)"]
    assert len(tables) == 4  # CSV and XLSX of both tables (the sidebar also offers the PDF)


def test_the_drop_after_findings_close_and_filters(db_file, monkeypatch):
    at = run_page(db_file, monkeypatch, as_of="2024-09-30")
    assert at.dataframe[0].value["Kontrakt"].str.split("contract=").str[1].tolist()[:3] == [
        "P2",
        "P5",
        "P1",
    ]
    at = run_page(db_file, monkeypatch, as_of="2024-06-30", agency="Sykehjemsetaten")
    assert at.dataframe[0].value["Kontrakt"].str.split("contract=").str[1].tolist() == ["P5"]


def test_week_cards_only_for_contracts_with_a_step(db_file, monkeypatch):
    # Bydel Alna as of 2024-06-30: P3, P4 and P6, whose next step is only to watch
    # (test_priority.py): no card, all three in the list
    at = run_page(db_file, monkeypatch, as_of="2024-06-30", agency="Bydel Alna")
    assert not [m for m in at.markdown if m.value.startswith("**") and "[" in m.value]
    assert "Ingen kontrakt i utvalget trenger et tiltak nå" in at.success[0].value
    assert sorted(at.dataframe[0].value["Kontrakt"].str.split("contract=").str[1]) == [
        "P3",
        "P4",
        "P6",
    ]
    # Sykehjemsetaten: P5 alone (its call-off), a meeting with the supplier
    at = run_page(db_file, monkeypatch, as_of="2024-06-30", agency="Sykehjemsetaten")
    assert "Den ene kontrakten som har et neste steg, med grunnene." in [
        c.value for c in at.caption
    ]


def test_in_english(db_file, monkeypatch):
    at = run_page(db_file, monkeypatch, as_of="2024-06-30", lang="en")
    text = "\n".join(m.value for m in at.markdown)
    assert "**42.00 points**" in text and "Next step: **Follow-up audit**" in text
    assert at.dataframe[0].value["Points"].tolist()[1] == "30.50"


@pytest.mark.skipif(not (ROOT / "app.py").exists(), reason="no app.py yet")
def test_listed_in_the_menu(db_file, monkeypatch):
    monkeypatch.setenv("ETIKKMONITOR_DB", str(db_file))
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["as_of"] = "2024-06-30"
    at.switch_page("pages/oppfolging.py")
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Oppfølging"
