"""The dashboard under Streamlit's AppTest: every page, on the demo data, on an empty database and
on the hand-made fixture, whose figures were worked out by hand in test_handmade_fixture.py.

As of D = 2024-06-30 (see that file's tables):
- all contracts: part 1 2 of 4 (50 %), part 2 4 of 5 (80 %); central factories 7, of which 5
  have started social dialogue (2 implemented, 3 in progress: 71 %); 3 deadlines overdue;
  open findings 4, of them critical 1 (A3) and major 1 (A5): 2.
- Sykehjemsetaten (a call-off on K09 only): part 1 nothing relevant, part 2 1 of 1; 0 overdue;
  open critical+major 1 (A5).
- Bydel Grünerløkka: part 1 2 of 3, part 2 2 of 3 (67 %); 0 overdue.
- Utviklings- og kompetanseetaten: part 1 0 of 1, part 2 3 of 4 (75 %); 3 overdue.
"""

from __future__ import annotations

from datetime import date

import pytest
from app_under_test import open_app
from dashboard_dbs import ROOT
from streamlit.testing.v1 import AppTest

from etikkmonitor import ui

APP = str(ROOT / "app.py")
TITLES = {
    "pages/oversikt.py": "Oversikt",
    "pages/oslomodellen.py": "Oslomodellen",
    "pages/sosial_dialog.py": "Sosial dialog",
    "pages/frister.py": "Frister og avvik",
    "pages/kontrakt.py": "Kontrakt",
    "pages/datakvalitet.py": "Datakvalitet",
}
PAGES = list(TITLES)
TITLES_EN = {
    "pages/oversikt.py": "Overview",
    "pages/oslomodellen.py": "Oslo model",
    "pages/sosial_dialog.py": "Social dialogue",
    "pages/frister.py": "Deadlines and findings",
    "pages/kontrakt.py": "Contract",
    "pages/datakvalitet.py": "Data quality",
}
D = "2024-06-30"
UKE = "Utviklings- og kompetanseetaten"
GRUNERLOKKA = "Bydel Grünerløkka"
SYKEHJEM = "Sykehjemsetaten"
NBSP = "\u00a0"


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def pct(n: int) -> str:
    return f"{n}{NBSP}%"


# ---------------------------------------------------------------------------------------------
# Every page renders
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_demo_data(demo_db, monkeypatch, page):
    at = open_app(demo_db, monkeypatch, page)
    assert [t.value for t in at.title] == [TITLES[page]]
    assert at.metric, "every page shows key figures"
    assert at.dataframe or page == PAGES[0], "every page but the overview shows tables"
    assert not at.error


@pytest.mark.parametrize("page", PAGES[1:])
def test_page_asked_by_its_file_name_first(handmade_db, monkeypatch, page):
    # Before the first run (a fresh server's direct link, or AppTest's switch_page) Streamlit
    # knows a page by its file name: the page defers to app.py, which must still show it, also
    # where the url_path differs (frister.py is /frister-og-avvik).
    monkeypatch.setenv("ETIKKMONITOR_DB", str(handmade_db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(page).run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == [TITLES[page]]
    at.run(timeout=60)
    assert [t.value for t in at.title] == [TITLES[page]]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_empty_database(empty_db, monkeypatch, page):
    at = open_app(empty_db, monkeypatch, page)
    assert [t.value for t in at.title] == [TITLES[page]]
    assert any("ikke importert" in i.value for i in at.info), [i.value for i in at.info]
    assert not at.error and not at.metric


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_an_empty_selection(handmade_db, monkeypatch, page):
    # Renhold Øst AS (K02) has no factories, so none in China either: nothing is selected.
    at = open_app(handmade_db, monkeypatch, page, as_of=D, supplier="Renhold Øst AS", country="CN")
    assert [t.value for t in at.title] == [TITLES[page]]
    if page != "pages/datakvalitet.py":  # the import page is not filtered
        assert at.info, "an empty selection says so"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_in_english(handmade_db, monkeypatch, page):
    at = open_app(handmade_db, monkeypatch, page, as_of=D, lang="en")
    assert at.title[0].value == TITLES_EN[page]
    assert any(c.value.startswith("As of 2024-06-30") for c in at.caption) or page.endswith(
        "datakvalitet.py"
    )


# ---------------------------------------------------------------------------------------------
# The hand-made fixture: the figures shown are the hand-worked ones
# ---------------------------------------------------------------------------------------------


def test_overview_shows_the_hand_worked_figures(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, as_of=D)
    assert metrics(at) == {
        "Oslomodellen del 1: seriøsitetskrav": pct(50),
        "Oslomodellen del 2: etisk handel": pct(80),
        "Sosial dialog startet ved sentrale fabrikker": pct(71),
        "Overskredne frister": "3",
        "Åpne kritiske og alvorlige avvik": "2",
    }
    text = "\n".join(m.value for m in at.markdown)
    assert "4 av 5 relevante kontrakter har krav om etisk handel" in text
    assert "2 av 4 relevante kontrakter har seriøsitetskrav" in text
    assert "5 av 7 sentrale fabrikker har startet sosial dialog" in text
    assert "3 frister er overskredet" in text
    assert "4 åpne avvik, derav 1 kritisk og 1 alvorlig" in text


@pytest.mark.parametrize(
    "agency, part1, part2, overdue, findings",
    [
        (SYKEHJEM, "–", pct(100), "0", "1"),
        (GRUNERLOKKA, pct(67), pct(67), "0", "1"),
        (UKE, pct(0), pct(75), "3", "2"),
    ],
)
def test_agency_filter_changes_the_figures(
    handmade_db, monkeypatch, agency, part1, part2, overdue, findings
):
    at = open_app(handmade_db, monkeypatch, as_of=D)
    at.sidebar.multiselect(key="flt_agencies").set_value([agency]).run(timeout=60)
    assert not at.exception
    m = metrics(at)
    assert m["Oslomodellen del 1: seriøsitetskrav"] == part1
    assert m["Oslomodellen del 2: etisk handel"] == part2
    assert m["Overskredne frister"] == overdue
    assert m["Åpne kritiske og alvorlige avvik"] == findings
    # ... and the choice is written to the URL, so a copied link keeps it
    assert at.query_params["agency"] == agency
    # the caption is Markdown, with a value from the data escaped to show as typed (ui.esc)
    shown = ui.esc(agency)
    assert any(shown in c.value for c in at.caption), "the page says what it is filtered on"


def test_url_parameters_restore_the_filters(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, as_of=D, agency=SYKEHJEM, lang="nb")
    assert at.sidebar.date_input(key="flt_as_of").value == date(2024, 6, 30)
    assert at.sidebar.multiselect(key="flt_agencies").value == [SYKEHJEM]
    assert metrics(at)["Oslomodellen del 2: etisk handel"] == pct(100)
    assert any(f"virksomhet: {SYKEHJEM}" in c.value for c in at.caption)
    assert any("Per 30.06.2024" in c.value for c in at.caption)


def test_url_values_outside_the_dataset_are_ignored(handmade_db, monkeypatch):
    # the whitelist: a hand-made URL cannot filter on a value the data does not have
    at = open_app(handmade_db, monkeypatch, as_of=D, agency="'; DROP TABLE contracts; --")
    assert at.sidebar.multiselect(key="flt_agencies").value == []
    assert metrics(at)["Oslomodellen del 2: etisk handel"] == pct(80)


def test_later_date_moves_deadlines(handmade_db, monkeypatch):
    # D2 = 2025-03-31 (SUMMARY_D2): K03, K07 and K11 have ended, so the figures cover 8
    # contracts: 6 overdue (K07's milestone M4 is gone with K07); open critical A6 (R4 now
    # counted) and major A5: 2 (A3 was closed 2024-07-05). Coverage moves with the date too:
    # part 1 2 of 2 = 100 % (K03 and K11, relevant without clauses, ended), part 2 3 of 4 = 75 %
    # (K07, covered, ended).
    at = open_app(handmade_db, monkeypatch, as_of="2025-03-31")
    m = metrics(at)
    assert m["Overskredne frister"] == "6"
    assert m["Åpne kritiske og alvorlige avvik"] == "2"
    assert m["Oslomodellen del 1: seriøsitetskrav"] == pct(100)
    assert m["Oslomodellen del 2: etisk handel"] == pct(75)


def test_oslomodellen_page_says_which_figures_are_in_force(handmade_db, monkeypatch):
    # As of D2 the coverage covers the 8 contracts in force: the action list holds K04 only (part
    # 2, blank clauses); K11 and K03 (part 1 without clauses) have ended.
    at = open_app(handmade_db, monkeypatch, "pages/oslomodellen.py", as_of="2025-03-31")
    m = metrics(at)
    assert m["Del 1: dekning"] == pct(100)
    assert m["Del 2: dekning"] == pct(75)
    assert m["Kontrakter som mangler krav"] == "1"
    captions = "\n".join(c.value for c in at.caption)
    assert "gjelder kontraktene som er i kraft 31.03.2025" in captions
    assert "Årlig gjennomgang: per startår regnes alle kontrakter som startet til og med " in (
        captions
    )
    # The start-year tab is the yearly review: every contract started by D2, ended or not.
    # 2024: K02, K03, K04, K05, K07, K09, K10, K11 -> 8; part 1 K02, K03, K10, K11 relevant,
    # K02 and K10 covered (2 of 4); part 2 K04, K07, K09 relevant, K07 and K09 covered.
    # 2023: K01, K06 -> 2; part 2 K01 (covered). 2022: K08 -> 1; part 2 covered.
    tables = [df.value for df in at.dataframe]
    years = next(t for t in tables if "Startår" in t.columns).set_index("Startår")
    assert years.loc["2024", "Kontrakter"] == 8
    assert years.loc["2024", "Del 1 relevante"] == 4 and years.loc["2024", "Del 1 med krav"] == 2
    assert years.loc["2024", "Del 2 relevante"] == 3 and years.loc["2024", "Del 2 med krav"] == 2
    assert years.loc["2023", "Kontrakter"] == 2 and years.loc["2022", "Kontrakter"] == 1


def test_oslomodellen_page_on_the_fixture(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, "pages/oslomodellen.py", as_of=D)
    m = metrics(at)
    assert m["Del 1: dekning"] == pct(50)
    assert m["Del 2: dekning"] == pct(80)
    # K04 (part 2, blank clauses), K11 (part 1, blank), K03 (part 1, `nei`): largest value first
    assert m["Kontrakter som mangler krav"] == "3"
    tables = [df.value for df in at.dataframe]
    actions = next(t for t in tables if "Del 1" in t.columns and "Verdi" in t.columns)
    ids = [u.split("contract=")[1].split("&")[0] for u in actions["Kontrakt"]]
    assert ids == ["K04", "K11", "K03"]
    assert list(actions["Del 2"]) == ["Ikke oppgitt", "", ""]
    assert list(actions["Del 1"]) == ["", "Ikke oppgitt", "Krav mangler"]
    # coverage by agency: each agency's row is its filtered key figures
    by_agency = next(
        t for t in tables if "Virksomhet" in t.columns and "Del 2 relevante" in t.columns
    )
    rows = by_agency.set_index("Virksomhet")
    assert rows.loc[SYKEHJEM, "Del 2 relevante"] == 1 and rows.loc[SYKEHJEM, "Del 2 med krav"] == 1
    assert (
        rows.loc[GRUNERLOKKA, "Del 1 relevante"] == 3
        and rows.loc[GRUNERLOKKA, "Del 1 med krav"] == 2
    )
    assert rows.loc[UKE, "Del 2 relevante"] == 4 and rows.loc[UKE, "Del 2 med krav"] == 3


def test_dialogue_page_on_the_fixture(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, "pages/sosial_dialog.py", as_of=D)
    m = metrics(at)
    assert m["Sentrale fabrikker"] == "7"
    assert m["Dialog startet"] == pct(71)
    # central and not started: VN-031/K08 (planned, 654 days late), CN-017/K06 (no deadline)
    assert m["Sentrale uten startet dialog"] == "2"
    assert m["Over seksmånedersfristen"] == "1"
    first = at.dataframe[0].value
    assert list(first["Fabrikk"]) == ["Saigon Footwear JSC", "Ningbo Workwear Co"]
    assert first["Dager etter frist"].iloc[0] == 654
    assert list(first["Sosial dialog"]) == ["Planlagt", "Ikke startet"]


def test_deadlines_page_on_the_fixture(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, "pages/frister.py", as_of=D)
    m = metrics(at)
    assert m["Overskredne frister"] == "3"
    assert m["Avvik over tiltaksfristen"] == "2"
    overdue = at.dataframe[0].value
    # VN-031 (654 days), A3 (76 days), A2 (30 days): most days late first
    assert list(overdue["Dager etter frist"]) == [654, 76, 30]
    assert set(overdue["Status"]) == {"Over frist"}
    assert list(overdue["Slag"]) == ["Sosial dialog", "Tiltaksplan", "Tiltaksplan"]


def test_deadlines_page_shows_the_first_rows_and_counts_them_all(handmade_db, monkeypatch):
    # With tables of two rows: as of D 3 overdue, 3 met late, 10 upcoming (2 within 30 days:
    # M4 and IN-404), 7 on time, 23 in all (test_handmade_fixture.py)
    monkeypatch.setattr(ui.tables, "MAX_SHOWN", 2)
    at = open_app(handmade_db, monkeypatch, "pages/frister.py", as_of=D)
    assert [t.label for t in at.tabs] == [
        "Over frist (3)",
        "Kommende innen 30 dager (2)",
        "Innfridd for sent (3)",
        "Alle frister (23)",
    ]
    overdue, upcoming, met_late, every = (df.value for df in at.dataframe[:4])
    assert list(overdue["Dager etter frist"]) == [654, 76]  # not A2's 30
    assert list(upcoming["Dager etter frist"]) == [0, -10]  # M4 due on D, IN-404 on 07-10
    assert list(met_late["Dager etter frist"]) == [44, 19]  # A7, M2; not CN-017's 1
    assert list(every["Dager etter frist"]) == [654, 76]
    captions = [c.value for c in at.caption]
    for n in (3, 23):
        assert f"Viser de 2 første av {n} rader. Last ned tabellen for å få alle." in captions
    assert not any("av 2 rader" in c for c in captions)  # the upcoming tab shows all it has
    m = metrics(at)
    assert m["Overskredne frister"] == "3" and m["Kommende innen 30 dager"] == "2"


def test_deadlines_page_agency_filter(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, "pages/frister.py", as_of=D, agency=GRUNERLOKKA)
    assert metrics(at)["Overskredne frister"] == "0"
    assert any("Over frist (0)" == t.label for t in at.tabs)


def test_contract_page_from_the_url(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, "pages/kontrakt.py", as_of=D, contract="K01")
    assert at.selectbox(key="url_contract").value == "K01"
    assert at.header[0].value.startswith("K01 · Arbeidstøy")
    m = metrics(at)
    assert m["Fabrikker"] == "3"
    assert m["Overskredne frister"] == "2"  # A2, A3 (K01's social dialogue deadlines are met)
    assert m["Åpne avvik"] == "2"
    deadlines = next(df.value for df in at.dataframe if "Slag" in df.value.columns)
    assert len(deadlines) == 8  # 2 social dialogue, 3 action plan, 3 annual documentation


def test_contract_page_says_when_the_contract_is_not_in_force(handmade_db, monkeypatch):
    # K07 runs 2024-02-01 to 2025-01-31; its milestone M4 (due 2024-06-30) is never met.
    # As of D it is in force: M4 is upcoming (due = D), nothing overdue, no note.
    at = open_app(handmade_db, monkeypatch, "pages/kontrakt.py", as_of=D, contract="K07")
    assert metrics(at)["Overskredne frister"] == "0"
    assert not any("ikke i kraft" in i.value for i in at.info)
    # As of D2 it has ended: the page says so, and M4 is not counted (it would be overdue).
    at = open_app(handmade_db, monkeypatch, "pages/kontrakt.py", as_of="2025-03-31", contract="K07")
    notes = [i.value for i in at.info if "ikke i kraft" in i.value]
    assert notes == [
        (
            "Kontrakten er ikke i kraft 31.03.2025 (perioden er 01.02.2024 – 31.01.2025). "
            "Nøkkeltallene per denne datoen regner den ikke med, og fristene og avvikene under "
            "vises ikke. Velg en dato i kontraktsperioden for å se dem."
        )
    ]
    assert metrics(at)["Overskredne frister"] == "0"


def test_contract_page_opens_the_largest_contract_in_force(handmade_db, monkeypatch):
    # Without a contract in the link: as of D the largest is K01 (40 000 000, in force); as of
    # 2026-09-01 K01 has ended (2026-08-31), and so have K02, K03, K04, K06, K07, K10, K11; in
    # force K05 (499 999,99), K08 (3 500 000), K09 (1 250 000) -> K08.
    at = open_app(handmade_db, monkeypatch, "pages/kontrakt.py", as_of=D)
    assert at.header[0].value.startswith("K01 · ")
    at = open_app(handmade_db, monkeypatch, "pages/kontrakt.py", as_of="2026-09-01")
    assert at.header[0].value.startswith("K08 · ")
    assert not any("ikke i kraft" in i.value for i in at.info)


def test_contract_ids_link_to_the_contract_page(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, "pages/frister.py", as_of=D, agency=UKE)
    links = at.dataframe[0].value["Kontrakt"]
    assert all(u.startswith("kontrakt?as_of=2024-06-30&agency=") for u in links)
    assert "contract=K08" in links.iloc[0]


def test_quality_page_on_the_fixture(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, "pages/datakvalitet.py", as_of=D)
    m = metrics(at)
    assert m["Filer"] == "8"
    assert m["Rader lest"] == "73"  # the fixture's data lines, header lines not counted
    read, imported, rejected = (
        int(m[k].replace(NBSP, "")) for k in ("Rader lest", "Rader importert", "Rader avvist")
    )
    assert imported + rejected == read and rejected > 0
    rejects = next(df.value for df in at.dataframe if "Årsak" in df.value.columns)
    row = rejects[(rejects["Fil"] == "kontrakter.csv") & (rejects["Linje"] == 17)].iloc[0]
    assert row["Verdi i filen"] == "ca. 1 mill" and row["Årsak"].startswith("ikke et tall")
    unknown = next(df.value for df in at.dataframe if "Eksempel" in df.value.columns)
    assert list(unknown["Kolonne"]) == ["Kommentar"]
