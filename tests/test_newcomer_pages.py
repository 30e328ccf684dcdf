"""Small things a newcomer meets on the pages (issue 12, section 2), under AppTest: columns named
as the data owner's file names them (Datakvalitet, the importer's check), an upload of one table
says which tables it lacks, Streamlit's uploader words in Norwegian, status columns wide
enough for their words.

The hand-made fixture's kontrakter.csv (tests/fixtures/handmade/) has the header "VERDI NOK"
for value_nok, whose Norwegian name in the export contract is verdi_nok (the same but for
case and separator: the header alone in Norwegian); its line 17 (K16) holds "ca. 1 mill"
there, a rejected value.
"""

from __future__ import annotations

import pandas as pd
import pytest
from app_under_test import app_test
from dashboard_dbs import HANDMADE
from streamlit.testing.v1 import AppTest

from etikkmonitor import ui
from etikkmonitor.importer import column_words


def open_page(db_file, monkeypatch, page: str, **params) -> AppTest:
    at = app_test(db_file, monkeypatch, **params)
    at.switch_page(page).run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def rejects_table(at: AppTest, reason: str) -> pd.DataFrame:
    return next(df.value for df in at.dataframe if reason in df.value.columns)


@pytest.mark.parametrize(
    ("lang", "reason", "column", "expected"),
    [
        ("nb", "Årsak", "Kolonne", "VERDI NOK"),
        ("en", "Reason", "Column", "VERDI NOK (value_nok)"),
    ],
)
def test_quality_page_names_a_column_as_the_file_did(
    handmade_db, monkeypatch, lang, reason, column, expected
):
    at = open_page(handmade_db, monkeypatch, "pages/datakvalitet.py", as_of="2024-06-30",
                   lang=lang)  # fmt: skip
    rejects = rejects_table(at, reason)
    file, line = ("Fil", "Linje") if lang == "nb" else ("File", "Line")
    row = rejects[(rejects[file] == "kontrakter.csv") & (rejects[line] == 17)].iloc[0]
    assert row[column] == expected  # was "value_nok", our internal name


def test_column_words():
    headers = {"closed_date": "Lukket dato", "status": "Status", "contract_type": "Contract type"}
    # the example: our name beside the file's, where they differ
    assert column_words("closed_date", headers, "findings", "en") == "Lukket dato (closed_date)"
    assert (
        column_words("contract_type", headers, "contracts", "nb") == "Contract type (kontraktstype)"
    )
    # the file's header is our name but for case, accents and separators: once
    assert column_words("closed_date", headers, "findings", "nb") == "Lukket dato"
    assert column_words("status", headers, "findings", "nb") == "Status"
    # a header not known (an import from before headers were kept): our name
    assert column_words("due_date", {}, "findings", "nb") == "frist"
    assert (
        column_words("start_date+end_date", {"end_date": "Slutt"}, "contracts", "nb")
        == "startdato + Slutt (sluttdato)"
    )


def files_of(*names: str) -> list[tuple[str, bytes, str]]:
    return [(n, (HANDMADE / n).read_bytes(), "text/csv") for n in names]


def check(at: AppTest, files) -> AppTest:
    at.file_uploader(key="imp_files").set_value(files).run()
    next(b for b in at.button if b.label in ("Kontroller filene", "Check the files")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_importer_check_names_tables_the_upload_lacks_and_columns_as_the_file(
    empty_copy, monkeypatch
):
    at = open_page(empty_copy, monkeypatch, "pages/importer.py")
    check(at, files_of("kontrakter.csv"))
    warnings = [w.value for w in at.warning]
    # the seven tables other than kontrakter, by the export's Norwegian names
    expected = "virksomheter, fabrikker, revisjoner, avvik, dokumentasjon, frister, avrop"
    assert any(f"Eksporten har ingen fil for {expected}." in w for w in warnings), warnings
    rejects = rejects_table(at, "Årsak")
    assert "VERDI NOK" in rejects["Kolonne"].tolist()  # was "Verdi NOK" written as ours
    assert "Contract type (kontraktstype)" not in rejects["Kolonne"].tolist()  # no reject there
    # the whole export lacks nothing
    check(at, files_of(*(p.name for p in sorted(HANDMADE.glob("*.csv")))))
    assert not any("ingen fil for" in w.value for w in at.warning)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_uploader_words_follow_the_language(empty_copy, monkeypatch, lang):
    at = open_page(empty_copy, monkeypatch, "pages/importer.py", lang=lang)
    css = " ".join(h.proto.body for h in at.get("html"))
    if lang == "nb":
        assert 'content: "Last opp"' in css
        assert 'content: "Høyst 50 MB per fil • CSV, XLSX, XLSM, TXT, TSV, XML, ZIP"' in css
    else:  # Streamlit's own words are English: left as they are
        assert "Last opp" not in css and "content:" not in css


def test_a_status_column_is_as_wide_as_its_longest_word():
    # Streamlit sizes a column by its first rows: blank ones cut "Kommende" to "Komme"
    v = ui.View(db_path="", import_id=1, as_of=pd.Timestamp("2024-06-30").date())
    columns = [ui.Col("deadline_status", "dash.col.deadline_status", "code")]
    shown = ui.tables._shown_frame(
        pd.DataFrame({"deadline_status": [None, None, "upcoming", "met_late"]}), columns, v
    )
    header = v.t("dash.col.deadline_status")
    config = ui.columns._column_config(columns, v, shown)
    # the longest word is "Innfridd for sent" (17 characters, the label of met_late)
    assert config[header]["width"] == ui.text_width(["Innfridd for sent"])
    assert config[header]["width"] >= 17 * 7


@pytest.mark.parametrize(
    ("lang", "words", "other"),
    [("nb", "ukjent tabell", "unknown table"), ("en", "unknown table", "ukjent tabell")],
)
def test_importer_refusal_in_one_language_and_escaped(empty_copy, monkeypatch, lang, words, other):
    at = open_page(empty_copy, monkeypatch, "pages/importer.py", lang=lang)
    check(at, [("**leverandorer**.csv", b"a;b\n1;2\n", "text/csv")])
    [error] = [e.value for e in at.error]
    assert words in error and other not in error
    assert ui.esc("**leverandorer**.csv") in error  # the file's name is not Markdown (ui.esc)
