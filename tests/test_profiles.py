"""Column-mapping profiles: made on the importer page for an export with foreign headers and
words, saved as TOML, then used by the command line on a second file with the same headers.

Fixture (tests/fixtures/profile/): ours/ holds two contracts and five factories in the export
contract's own format; fabrikkeksport.csv and eksport-mars.csv hold the same five factories with
the register's own headers (Fabrikknr, Avtale, Navn på fabrikk, Produksjonsland, Sentral
fabrikk, Status SD, Verktøy, Oppstart dialog) and words (J/N; Ikke påbegynt, Startet, Ferdig,
Planlagt, and "Vet ikke", which means nothing to us and is left unmapped). eksport-mars.csv has
the rows in another order, other case (FERDIG, startet, j) and a Norwegian date.

Worked out by hand, as of 2024-06-30 (both contracts in force): F5's status is not a status in
either format, so F5 is rejected in both; 4 factories remain: F1 not_started (central), F2
in_progress (central), F3 implemented (not central), F4 planned (central): total 4, central 3.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from app_under_test import app_test
from streamlit.testing.v1 import AppTest

from etikkmonitor import db, profiles
from etikkmonitor.cli import main
from etikkmonitor.filters import Filters
from etikkmonitor.importer import publish, validate
from etikkmonitor.summary import key_figures

FIXTURE = Path(__file__).parent / "fixtures" / "profile"
AS_OF = date(2024, 6, 30)


@pytest.fixture
def profile_dir(tmp_path, monkeypatch):
    d = tmp_path / "profiles"
    monkeypatch.setenv("ETIKKMONITOR_PROFILES", str(d))
    return d


def upload(path: Path, name: str | None = None):
    return (name or path.name, path.read_bytes(), "text/csv")


def make_profile_on_the_page(db_file, monkeypatch) -> AppTest:
    at = app_test(db_file, monkeypatch)
    at.run()
    at.switch_page("pages/importer.py").run()
    at.file_uploader(key="imp_files").set_value(
        [upload(FIXTURE / "ours" / "contracts.csv"), upload(FIXTURE / "fabrikkeksport.csv")]
    ).run()
    next(b for b in at.button if b.label == "Kontroller filene").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # refused: the file's name names no table; the profile builder is offered for it
    assert at.selectbox(key="prof_file").value == "fabrikkeksport.csv"
    at.selectbox(key="prof_table").set_value("factories").run()
    picks = {
        "factory_id": "Fabrikknr",
        "contract_id": "Avtale",
        "factory_name": "Navn på fabrikk",
        "country": "Produksjonsland",
        "central": "Sentral fabrikk",
        "dialogue_status": "Status SD",
        "dialogue_started": "Oppstart dialog",
    }
    # Verktøy is our alias of dialogue_tool: found by itself
    assert at.selectbox(key="prof_col_factories_dialogue_tool").value == "Verktøy"
    for column, header in picks.items():
        at.selectbox(key=f"prof_col_factories_{column}").set_value(header)
    at.run()
    # The words that are not ours, sorted: Ferdig, Ikke påbegynt, Startet, Vet ikke (Planlagt
    # is ours); J, N. "Vet ikke" is left unmapped.
    at.selectbox(key="prof_word_dialogue_status_0").set_value("implemented")
    at.selectbox(key="prof_word_dialogue_status_1").set_value("not_started")
    at.selectbox(key="prof_word_dialogue_status_2").set_value("in_progress")
    at.selectbox(key="prof_word_central_0").set_value("yes")
    at.selectbox(key="prof_word_central_1").set_value("no")
    at.text_input(key="prof_name").set_value("fabrikkeksport").run()
    next(b for b in at.button if b.label == "Lagre profilen og kontroller på nytt").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figures_of(paths, db_file, **kw) -> dict:
    v = validate(paths, **kw)
    store = db.Store(db_file)
    try:
        publish(v, store)
        return key_figures(store, AS_OF, Filters())
    finally:
        v.close()
        store.close()


def test_profile_from_the_page_then_the_cli(empty_copy, tmp_path, monkeypatch, profile_dir, capsys):
    at = make_profile_on_the_page(empty_copy, monkeypatch)
    saved = profiles.load("fabrikkeksport")
    assert saved.table == "factories"
    assert saved.values == {
        "dialogue_status": {
            "Ferdig": "implemented",
            "Ikke påbegynt": "not_started",
            "Startet": "in_progress",
        },
        "central": {"J": "yes", "N": "no"},
    }
    # checked again through the profile: the page now shows the check, one reject (F5, line 6)
    rejects = [df.value for df in at.dataframe if "Årsak" in df.value.columns]
    assert rejects and list(rejects[0]["Linje"]) == [6]
    assert "Vet ikke" in list(rejects[0]["Verdi"])

    ours = figures_of([FIXTURE / "ours"], tmp_path / "ours.duckdb")
    cli_db = tmp_path / "cli.duckdb"
    code = main(
        [
            "import",
            str(FIXTURE / "ours" / "contracts.csv"),
            str(FIXTURE / "eksport-mars.csv"),
            "--profile",
            "fabrikkeksport",
            "--db",
            str(cli_db),
            "--json",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert '"code": "bad_enum"' in out and '"value": "Vet ikke"' in out  # never hidden
    store = db.Store(cli_db)
    try:
        theirs = key_figures(store, AS_OF, Filters())
    finally:
        store.close()
    assert theirs == ours
    assert ours["factories"]["total"] == 4 and ours["factories"]["central"] == 3
    by = ours["factories"]["by_status"]
    assert (by["not_started"], by["in_progress"], by["implemented"], by["planned"]) == (1, 1, 1, 1)


def test_same_header_set_is_recognised_without_naming_the_profile(tmp_path, profile_dir):
    profiles.save(
        profiles.Profile(
            "fabrikkeksport",
            "factories",
            (
                "Fabrikknr",
                "Avtale",
                "Navn på fabrikk",
                "Produksjonsland",
                "Sentral fabrikk",
                "Status SD",
                "Verktøy",
                "Oppstart dialog",
            ),
            {
                "Fabrikknr": "factory_id",
                "Avtale": "contract_id",
                "Navn på fabrikk": "factory_name",
                "Produksjonsland": "country",
                "Sentral fabrikk": "central",
                "Status SD": "dialogue_status",
                "Oppstart dialog": "dialogue_started",
            },
            {
                "dialogue_status": {
                    "Ferdig": "implemented",
                    "Ikke påbegynt": "not_started",
                    "Startet": "in_progress",
                },
                "central": {"J": "yes", "N": "no"},
            },
        )
    )
    ours = figures_of([FIXTURE / "ours"], tmp_path / "a.duckdb")
    theirs = figures_of(
        [FIXTURE / "ours" / "contracts.csv", FIXTURE / "eksport-mars.csv"], tmp_path / "b.duckdb"
    )
    assert theirs == ours


@pytest.mark.parametrize(
    "text, problem",
    [
        ("name = 'x'\ntable = 'factories'\nheaders = []\n[columns]\n'A' = 'nope'", "not a column"),
        ("name = 'X Y'\ntable = 'factories'", "name must be"),
        ("name = 'x'\ntable = 'secrets'", "table must be"),
        ("name = 'x'\ntable = 'factories'\nrun = 'rm -rf /'", "unknown key"),
        (
            "name = 'x'\ntable = 'factories'\n[values.dialogue_status]\n'Startet' = 'done'",
            "not one of",
        ),
        ("name = 'x'\ntable = 'factories'\n[values.factory_name]\n'a' = 'b'", "takes no mapped"),
        (
            "name = 'x'\ntable = 'factories'\n[columns]\n'A' = 'factory_id'\n'B' = 'factory_id'",
            "mapped twice",
        ),
        ("name = [", "not valid TOML"),
        ("name = 'x'\n" + "# " + "a" * 70_000, "larger than"),
    ],
)
def test_hostile_profiles_are_refused_with_a_reason(text, problem):
    with pytest.raises(profiles.ProfileError, match=problem):
        profiles.parse(text)


def test_an_unusable_saved_profile_is_listed_not_used(profile_dir):
    profile_dir.mkdir()
    (profile_dir / "broken.toml").write_text("name = 'broken'\ntable = 'nope'\n", encoding="utf-8")
    assert profiles.saved_profiles() == []
    assert [f for f, _ in profiles.problems()] == ["broken.toml"]
    code = main(["import", str(FIXTURE / "ours"), "--profile", "broken", "--db", "/nonexistent"])
    assert code == 2


def test_saved_profile_reads_back_identically(profile_dir):
    p = profiles.Profile(
        "a-b_1",
        "contracts",
        ('Avtale "nr"', "Navn\\x"),
        {'Avtale "nr"': "contract_id"},
        {"high_risk": {"J": "yes"}},
    )
    profiles.save(p)
    back = profiles.load("a-b_1")
    assert (back.name, back.table, back.headers, back.columns, back.values) == (
        p.name,
        p.table,
        p.headers,
        p.columns,
        p.values,
    )
