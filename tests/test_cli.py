"""The command line as a newcomer meets it (issue 12, section 2): the installed command, history
and roll-back, agency names as typed, dates with something wrong, a closed pipe, the language,
an import of one table.

The fixture is tests/fixtures/handmade/; its agencies (virksomheter.csv and the contracts'
owners) are "Utviklings- og kompetanseetaten", "Bydel Grünerløkka" and "Sykehjemsetaten" (the
last through its call-off on K02).
"""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from etikkmonitor import cli, db
from etikkmonitor.agencies import fold, resolve

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "handmade"
MESSY = REPO / "data" / "demo-messy"
UKE = "Utviklings- og kompetanseetaten"
GRUNERLOKKA = "Bydel Grünerløkka"
SYKEHJEM = "Sykehjemsetaten"
KNOWN = [UKE, GRUNERLOKKA, SYKEHJEM, "Bydel Alna", "Bymiljøetaten"]


class Ran:
    """What an in-process run of the command gave: exit status, stdout, stderr."""

    def __init__(self, capsys, *args):
        try:
            self.returncode = cli.main([str(a) for a in args])
        except SystemExit as e:  # argparse's own errors
            self.returncode = e.code
        captured = capsys.readouterr()
        self.stdout, self.stderr = captured.out, captured.err


@pytest.fixture
def call(capsys):
    """call(*args) runs the command in this process (a subprocess costs ~3 s of imports)."""
    capsys.readouterr()
    return lambda *args: Ran(capsys, *args)


# --- the installed command --------------------------------------------------------------------


def test_the_package_installs_the_etikkmonitor_command():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"etikkmonitor": "etikkmonitor.cli:main"}
    # both README commands install it, after the requirements
    for script in ("scripts/run.sh", "scripts/test.sh"):
        text = (REPO / script).read_text(encoding="utf-8")
        assert "bash scripts/install-package.sh" in text, script
        assert text.index("requirements") < text.index("install-package.sh"), script
    # scripts/test.sh ran it before these tests: the command is there and runs the package.
    # PYTHONPATH: this checkout's code (the shared .venv may have been pointed at another).
    command = REPO / ".venv" / "bin" / "etikkmonitor"
    assert command.exists()
    proc = subprocess.run(
        [str(command), "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    for word in ("import", "history", "rollback", "summary", "snapshot", "priorities"):
        assert word in proc.stdout


def test_readme_imports_the_messy_example_into_a_database_of_its_own():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    lines = [x for x in readme.splitlines() if x.startswith("etikkmonitor import data/demo-messy")]
    assert lines, "the README's import example"
    assert all("--db " in x and "data/etikkmonitor.duckdb" not in x for x in lines)


# --- history and roll-back --------------------------------------------------------------------


def test_history_and_rollback(tmp_path, capsys):
    path = tmp_path / "two.duckdb"
    assert cli.main(["import", str(FIXTURE), "--db", str(path)]) == 0  # import 1
    # import 2: the messy demo shares none of the fixture's 11 contracts, so replacing them
    # needs --force (issue 14; tests/test_import_loss.py)
    assert cli.main(["import", str(MESSY), "--db", str(path), "--force"]) == 0
    capsys.readouterr()

    assert cli.main(["history", "--db", str(path), "--json"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert [(r["import_id"], r["action"], r["is_current"]) for r in log] == [
        (2, "import", True),
        (1, "import", False),
    ]

    # without an id: back to the import before the current one (1), logged as entry 3
    assert cli.main(["rollback", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "import 1" in out and "3" in out
    store = db.Store(path, read_only=True)
    try:
        assert store.current_import_id() == 1
        entry = store.cursor().execute("SELECT * FROM imports WHERE import_id = 3").fetchall()[0]
    finally:
        store.close()
    assert entry[1:3] == ("rollback", 1)
    assert entry[4] == getpass.getuser()  # who did it

    # the text log marks the current entry and says what each one did
    assert cli.main(["history", "--db", str(path), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "*   3" in text and "roll-back to import 1" in text

    # undo the roll-back by naming import 2
    assert cli.main(["rollback", "2", "--db", str(path)]) == 0
    capsys.readouterr()
    # refusals: the current import, an import that does not exist, nothing earlier
    assert cli.main(["rollback", "2", "--db", str(path), "--lang", "en"]) == 2
    assert "current already" in capsys.readouterr().err
    assert cli.main(["rollback", "7", "--db", str(path), "--lang", "en"]) == 2
    assert "no import 7" in capsys.readouterr().err
    store = db.Store(path, read_only=True)
    try:
        assert store.current_import_id() == 2
    finally:
        store.close()


def test_rollback_is_the_importer_pages_code_path(monkeypatch, handmade_copy):
    # pages/importer.py calls etikkmonitor.history.rollback; the command must call it too
    from etikkmonitor import history

    calls = []
    monkeypatch.setattr(history, "rollback", lambda store, to, user=None: calls.append((to, user)))
    path = handmade_copy
    # --force: the messy demo replaces all 11 of the fixture's contracts (issue 14)
    assert cli.main(["import", str(MESSY), "--db", str(path), "--force"]) == 0
    assert cli.main(["rollback", "1", "--db", str(path)]) == 0
    assert calls == [(1, getpass.getuser())]


def test_history_of_a_missing_database_is_an_error(tmp_path, run_cli):
    proc = run_cli("history", "--db", tmp_path / "none.duckdb")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "Det finnes ingen database" in proc.stderr


# --- agencies as typed ------------------------------------------------------------------------


def test_fold_drops_case_accents_and_spacing():
    assert fold("  Bydel   GRÜNERLØKKA ") == "bydel grunerlokka"
    assert fold("Bymiljøetaten") == fold("bymiljoetaten")


@pytest.mark.parametrize(
    ("typed", "agency"),
    [
        ("bydel grünerløkka", GRUNERLOKKA),
        ("BYDEL GRUNERLOKKA", GRUNERLOKKA),
        ("Grünerløkka", GRUNERLOKKA),  # a whole word of one agency's name only
        ("sykehjemsetaten", SYKEHJEM),
    ],
)
def test_agency_matched_without_case_or_accents(typed, agency):
    found = resolve([typed], KNOWN)
    assert found.ok and found.matched == [agency]


def test_agency_that_matches_none_or_several_is_not_guessed():
    found = resolve(["Narnia", "Bydel", "Grüner"], KNOWN)
    assert not found.ok and found.matched == []
    assert [typed for typed, _ in found.ambiguous] == ["Bydel"]  # three agencies start so
    assert sorted(found.ambiguous[0][1]) == ["Bydel Alna", GRUNERLOKKA]
    # "Grüner" is part of a word, not a word: no match; the closest named, nearest first
    unknown = dict(found.unknown)
    assert set(unknown) == {"Narnia", "Grüner"}
    assert unknown["Grüner"][0] == GRUNERLOKKA
    assert len(unknown["Narnia"]) == 3


@pytest.mark.parametrize("command", ["summary", "priorities", "snapshot"])
def test_cli_unknown_agency_is_an_error_naming_the_closest(command, handmade_db, tmp_path, run_cli):
    out = tmp_path / "s.pdf"
    extra = ["--out", out] if command == "snapshot" else []
    proc = run_cli(command, "--as-of", "2024-06-30", "--agency", "Grunerlokka bydel x",
                   "--db", handmade_db, *extra)  # fmt: skip
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "«Grunerlokka bydel x»" in proc.stderr
    assert GRUNERLOKKA in proc.stderr  # the closest
    assert proc.stdout == ""
    assert not out.exists()  # no tidy PDF of zeros for a politician


def test_cli_agency_folded_gives_the_same_figures(handmade_db, call):
    exact = call("summary", "--as-of", "2024-06-30", "--agency", GRUNERLOKKA, "--db", handmade_db,
                "--json")  # fmt: skip
    typed = call("summary", "--as-of", "2024-06-30", "--agency", "bydel grunerlokka",
                "--db", handmade_db, "--json")  # fmt: skip
    assert exact.returncode == typed.returncode == 0, typed.stderr
    assert json.loads(typed.stdout) == json.loads(exact.stdout)
    assert json.loads(typed.stdout)["agency"] == GRUNERLOKKA
    # a whole word of one name: taken, and said so on stderr
    part = call("summary", "--as-of", "2024-06-30", "--agency", "Sykehjemsetaten", "--agency",
               "grünerløkka", "--db", handmade_db, "--json")  # fmt: skip
    assert part.returncode == 0
    assert json.loads(part.stdout)["agency"] == [SYKEHJEM, GRUNERLOKKA]
    assert "«grünerløkka» tolket som «Bydel Grünerløkka»" in part.stderr


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "nb", "en"),
    [
        ("2024-13-01", "måned 13 finnes ikke", "there is no month 13"),
        ("2023-02-29", "februar 2023 har ikke dag 29", "February 2023 has no day 29"),
        ("2024-6-30", "ikke en dato på formen ÅÅÅÅ-MM-DD", "not a date of the form YYYY-MM-DD"),
        ("9999-12-31", "utenfor datoene", "outside the dates"),
        ("0001-01-01", "utenfor datoene", "outside the dates"),
    ],
)
@pytest.mark.parametrize("command", ["summary", "snapshot"])
def test_cli_says_what_is_wrong_with_a_date(given, nb, en, command, handmade_db, tmp_path, call):
    out = tmp_path / "s.pdf"
    extra = ["--out", out] if command == "snapshot" else []
    for lang, words in (("nb", nb), ("en", en)):
        proc = call(command, "--as-of", given, "--db", handmade_db, "--lang", lang, *extra)
        assert proc.returncode == 2
        assert words in proc.stderr
        assert "Traceback" not in proc.stderr
    assert not out.exists()


def test_cli_norwegian_error_line_has_no_english_label(handmade_db, call):
    proc = call("summary", "--as-of", "2024-13-01", "--db", handmade_db)
    assert proc.stderr.startswith("bruk: etikkmonitor summary")
    assert "etikkmonitor summary: feil: argument --as-of: «2024-13-01»: måned 13" in proc.stderr
    assert "usage" not in proc.stderr and "error" not in proc.stderr


@pytest.mark.parametrize(
    ("args", "nb", "en"),
    [
        (["summary", "--as-of"], "argument --as-of: venter én verdi", "expected one argument"),
        (["snapshot", "--as-of", "2024-06-30"], "disse mangler: --out", "are required: --out"),
        (["summary", "--top", "3"], "ukjente argumenter: --top 3", "unrecognized arguments"),
        (["rollback", "x"], "ugyldig verdi: 'x'", "invalid int value: 'x'"),
    ],
)
def test_argparse_errors_in_the_commands_language(call, args, nb, en):
    proc = call(*args)
    assert proc.returncode == 2
    assert nb in proc.stderr and "usage" not in proc.stderr, proc.stderr
    proc = call("--lang", "en", *args)
    assert proc.returncode == 2
    assert en in proc.stderr and "bruk" not in proc.stderr, proc.stderr
    # a language argparse cannot take: said in Norwegian, the default
    proc = call("summary", "--lang", "se")
    assert "ugyldig valg: 'se' (velg blant 'nb', 'en')" in proc.stderr


# --- a closed pipe ----------------------------------------------------------------------------


def test_output_to_a_closed_pipe_ends_quietly(handmade_db):
    # `summary --json | head -3`: the reader goes away; here before anything is written
    proc = subprocess.Popen(
        [sys.executable, "-m", "etikkmonitor", "summary", "--json", "--db", str(handmade_db)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == cli.EXIT_PIPE
    assert err == ""


# --- language ---------------------------------------------------------------------------------


def test_every_command_takes_lang_and_speaks_it(handmade_db, tmp_path, call):
    summary_en = call("summary", "--as-of", "2024-06-30", "--db", handmade_db, "--lang", "en")
    assert summary_en.returncode == 0, summary_en.stderr
    assert "relevant contracts carry seriousness clauses" in summary_en.stdout
    summary_nb = call("summary", "--as-of", "2024-06-30", "--db", handmade_db)
    assert "relevante kontrakter har seriøsitetskrav" in summary_nb.stdout
    hist = call("history", "--db", handmade_db, "--lang", "en")
    assert hist.returncode == 0 and "* = current" in hist.stdout
    missing = call("summary", "--db", tmp_path / "none.duckdb", "--lang", "en")
    assert missing.returncode == 2 and "There is no database" in missing.stderr
    late = call("snapshot", "--as-of", "2024-06-30", "--compare-to", "2024-07-01",
               "--db", handmade_db, "--out", tmp_path / "x.pdf")  # fmt: skip
    assert late.returncode == 2 and "er etter --as-of" in late.stderr


# --- an import of one table -------------------------------------------------------------------


def test_single_table_import_says_which_tables_it_lacks(handmade_copy, call):
    path = handmade_copy
    before = path.read_bytes()
    one = FIXTURE / "kontrakter.csv"

    # --strict refuses it, and the database is as it was
    proc = call("import", one, "--db", path, "--strict")
    assert proc.returncode == 2
    # the seven tables without a file, by the Norwegian names the export uses
    for name in ("fabrikker", "revisjoner", "avvik", "dokumentasjon", "frister", "avrop",
                 "virksomheter"):  # fmt: skip
        assert name in proc.stderr
    assert "kontrakter" not in proc.stderr.split("ingen fil for", 1)[1]
    assert path.read_bytes() == before

    # without --strict it is published, with the warning, and the JSON lists them
    proc = call("import", one, "--db", path, "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert sorted(report["missing_tables"]) == sorted(
        ["agencies", "factories", "audits", "findings", "documentation", "milestones", "calloffs"]
    )
    proc = call("import", one, "--db", path, "--lang", "en")
    assert proc.returncode == 0
    assert "the export has no file for" in proc.stderr and "factories" in proc.stderr
    # a whole export lacks nothing
    proc = call("import", FIXTURE, "--db", path, "--json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["missing_tables"] == []


# --- a refusal in one language ----------------------------------------------------------------


def test_a_refusal_is_in_one_language(tmp_path, call):
    header_only = tmp_path / "kontrakter.csv"
    header_only.write_text("Kontrakt-ID;Tittel\nK1;Noe\n", encoding="utf-8")
    missing = tmp_path / "finnes-ikke.csv"
    for lang, words, other in (
        ("nb", ["Importen er avvist", "finner ikke filen",
                "mangler påkrevde kolonner i tabellen kontrakter: virksomhet"],
         ["cannot", "missing", "refused", "table"]),
        ("en", ["Import refused", "cannot read", ("missing required column(s) for table "
                "contracts (kontrakter): agency (virksomhet)")],
         ["Importen", "finner", "mangler", "tabellen"]),
    ):  # fmt: skip
        proc = call("import", header_only, missing, "--db", tmp_path / "x.duckdb", "--lang", lang)
        assert proc.returncode == 2
        for w in words:
            assert w in proc.stderr, (lang, proc.stderr)
        for w in other:
            assert w not in proc.stderr, (lang, w, proc.stderr)
    assert not (tmp_path / "x.duckdb").exists()
