"""The PDF status snapshot (issue 5) on the hand-made fixture, tests/fixtures/handmade/.

Expected figures are worked out by hand, never taken from the code under test. The summaries as
of D = 2024-06-30 and D2 = 2025-03-31 (all agencies, and per agency as of D) are the ones worked
in tests/test_handmade_fixture.py; its tables of central factories, deadlines (social dialogue,
annual documentation, action plan, milestones) and findings, with their due and met dates, are
what the extra dates below are worked from. The working is in the comments.

The rendered pages are kept as PNG in test-artifacts/snapshot/ for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pandas as pd
import pypdf
import pytest

from etikkmonitor import db, snapshot
from etikkmonitor.filters import Filters
from etikkmonitor.headlines import months_before
from etikkmonitor.i18n import summary_sentences
from etikkmonitor.summary import empty_figures

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts" / "snapshot"

D = dt.date(2024, 6, 30)
D2 = dt.date(2025, 3, 31)
UKE = "Utviklings- og kompetanseetaten"
GRUNERLOKKA = "Bydel Grünerløkka"
SYKEHJEM = "Sykehjemsetaten"


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """One line, single spaces; non-breaking spaces (Norwegian number groups) as spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def pages_text(pdf: bytes) -> list[str]:
    """The text of each page in content order (pypdf), normalised."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [normalise(page.extract_text()) for page in reader.pages]


def text(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def store(handmade_db):
    s = db.Store(handmade_db, read_only=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def build(store):
    """build(as_of, agency=None, compare_to=None, lang="nb") -> PDF bytes, cached per module."""
    cache: dict = {}

    def _build(as_of, agency=None, compare_to=None, lang="nb") -> bytes:
        key = (as_of, agency, compare_to, lang)
        if key not in cache:
            flt = Filters(agencies=(agency,) if agency else ())
            cache[key] = snapshot.build_pdf(store, as_of, flt, compare_to=compare_to, lang=lang)
        return cache[key]

    return _build


# ---------------------------------------------------------------------------------------------
# The key figures and their sentences, worked by hand
# ---------------------------------------------------------------------------------------------

# As of D2, all agencies (SUMMARY_D2 of the hand-worked tests): the contracts in force on D2 are
# K01, K02, K04, K05, K06, K08, K09, K10 (K03, K07, K11 have ended): part 1 K02, K10 -> 2 of 2;
# part 2 K01, K08, K09 of K01, K04, K08, K09 -> 3 of 4; central factories (all under contracts
# in force): BD-001/K01 and BD-001/K08 implemented, CN-017/K01, IN-404/K09, TR-220/K09 in
# progress, VN-031/K08 planned, CN-017/K06 not started -> 5 of 7 started; deadlines overdue 6
# (K07's milestone M4 left with its contract), upcoming 4; open findings A2 (minor), A4
# (observation), A5 (major), A6 (critical) -> 4 open, 1 critical, 1 major; past their due date:
# A2, A5, A6 -> 3.
SENTENCES_D2 = [
    "2 av 2 relevante kontrakter har seriøsitetskrav (Oslomodellen del 1): 100 %.",
    "3 av 4 relevante kontrakter har krav om etisk handel (Oslomodellen del 2): 75 %.",
    "5 av 7 sentrale fabrikker har startet sosial dialog (2 gjennomført, 3 pågår).",
    "6 frister er overskredet, 4 kommende.",
    "4 åpne avvik, derav 1 kritisk og 1 alvorlig; 3 er over fristen i tiltaksplanen.",
]


def test_key_figures_and_sentences_as_of_d2(build):
    t = text(build(D2))
    for sentence in SENTENCES_D2:
        assert sentence in t
    # the big figures next to the sentences
    assert "100 % Oslomodellen del 1" in t
    assert "75 % Oslomodellen del 2" in t
    assert "5 av 7 Sentrale fabrikker med sosial dialog" in t
    assert "6 Overskredne frister" in t
    # open critical + major: A6 (critical) and A5 (major)
    assert "2 Åpne kritiske og alvorlige avvik" in t


def test_title_date_scope_and_import(build):
    first = pages_text(build(D2))[0]
    assert "Etisk handel i Oslo kommunes kontrakter" in first
    assert "Status per 31. mars 2025" in first
    # K01-K11 imported; in force on D2: all but K03, K07, K11
    assert "Omfatter alle virksomheter · 8 kontrakter" in first
    assert re.search(
        r"Datagrunnlag import nr\. 1, lastet inn \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d", first
    )


# Changes D2 against D, from the two hand-worked summaries (the coverage now moves with the date:
# K03 and K11, part 1 relevant without clauses, and K07, part 2 covered, have ended by D2):
#   part 1  2 of 4 = 50 %  ->  2 of 2 = 100 %   up 50 percentage points
#   part 2  4 of 5 = 80 %  ->  3 of 4 = 75 %    down 5 percentage points
#   central factories started  5 of 7 -> 5 of 7  unchanged (all their contracts still in force)
#   overdue deadlines  D: 3 (VN-031, A2, A3)  D2: 6                 up 3
#   open critical + major  D: A3 (critical, closed after D), A5 (major) = 2;
#                          D2: A6 (critical), A5 (major) = 2           unchanged
CHANGES_D2_SINCE_D = [
    "(Oslomodellen del 1): 100 %. ↑ 50 prosentpoeng siden 30.06.2024, da 50 %",
    "(Oslomodellen del 2): 75 %. ↓ 5 prosentpoeng siden 30.06.2024, da 80 %",
    "(2 gjennomført, 3 pågår). → uendret siden 30.06.2024, da 5 av 7",
    "6 frister er overskredet, 4 kommende. ↑ 3 siden 30.06.2024, da 3",
    "over fristen i tiltaksplanen. → uendret siden 30.06.2024, da 2",
]


def test_change_since_compare_to(build):
    t = text(build(D2, compare_to=D))
    assert "Endring siden 30.06.2024 " in t
    for change in CHANGES_D2_SINCE_D:
        assert change in t


# Default D0 for D2 = 2025-03-31 is 2024-12-31. In force on D0: all but K03 (ended 2024-06-30);
# K11 ends exactly on D0 and K07 on 2025-01-31, so both still count. Overdue as of 2024-12-31:
#   social dialogue  VN-031 (due 2022-09-15, never started); IN-404 met 2024-07-01: on time -> 1
#   documentation    K01 k1 met 2024-08-20 on time; K08 k3 due 2025-03-15 and K09 k1 due
#                    2025-01-10 are still ahead -> 0
#   action plan      A2 (due 2024-05-31), A5 (2024-08-31), A6 (audit R4 2024-08-15 <= D0,
#                    due 2024-09-30) open; A3 closed 2024-07-05: late -> 3
#   milestones       M3 (K09, due 2024-09-15), M4 (K07, 2024-06-30) not met -> 2
#   -> 6, against 6 as of D2 (where M4 has left with K07 and nothing new is overdue but K08's
#   third documentation): unchanged.
# Part 1 on D0: K02, K10 covered, K11 not (relevant, blank clauses) -> 2 of 3 = 67 %; on D2
# 2 of 2 = 100 %: up 33 percentage points.
# Open critical + major as of 2024-12-31: A3 closed; A6 critical, A5 major open -> 2: unchanged.
def test_default_compare_is_a_quarter_earlier(build):
    t = text(build(D2))
    assert "Endring siden 31.12.2024 (ett kvartal tidligere)" in t
    assert "6 frister er overskredet, 4 kommende. → uendret siden 31.12.2024, da 6" in t
    assert "(Oslomodellen del 1): 100 %. ↑ 33 prosentpoeng siden 31.12.2024, da 67 %" in t
    assert "over fristen i tiltaksplanen. → uendret siden 31.12.2024, da 2" in t


# A date where a figure goes down: 2024-07-31 against D.
#   findings  A3 (critical) closed 2024-07-05 <= 2024-07-31; A6's audit R4 (2024-08-15) is still
#             in the future. Open: A2 (minor, due 05-31: overdue), A4 (observation), A5 (major,
#             due 08-31: not yet) -> 3 open, 0 critical, 1 major, 1 past due.
#             critical + major: 2 as of D -> 1: down 1.
#   deadlines social dialogue: VN-031 overdue, IN-404 met 07-01 on time, the rest met -> 1
#             overdue, 0 upcoming; documentation: K01 k1-k3, K08 k3 (the first anniversary
#             after the date, 2025-03-15), K09 k1-k2 upcoming -> 6 upcoming; action plan: A2
#             overdue, A5 upcoming, A3 met late -> 1 overdue, 1 upcoming; milestones: M4 (due
#             06-30) overdue, M3 (09-15) upcoming -> 1, 1.
#             overdue 1 + 0 + 1 + 1 = 3 (as on D: unchanged), upcoming 0 + 6 + 1 + 1 = 8.
def test_change_going_down(build):
    t = text(build(dt.date(2024, 7, 31), compare_to=D))
    assert (
        "3 åpne avvik, derav 0 kritiske og 1 alvorlig; 1 er over fristen i tiltaksplanen. "
        "↓ 1 siden 30.06.2024, da 2"
    ) in t
    assert "3 frister er overskredet, 8 kommende. → uendret siden 30.06.2024, da 3" in t


# Bydel Grünerløkka as of D (SUMMARY_D_GRUNERLOKKA): part 1 2 of 3, part 2 2 of 3; central
# factories CN-017/K06 (not started), IN-404 and TR-220/K09 (in progress) -> 2 of 3 started;
# overdue 0, upcoming 6; open A5 (major, not yet due).
SENTENCES_GRUNERLOKKA_D = [
    "2 av 3 relevante kontrakter har seriøsitetskrav (Oslomodellen del 1): 67 %.",
    "2 av 3 relevante kontrakter har krav om etisk handel (Oslomodellen del 2): 67 %.",
    "2 av 3 sentrale fabrikker har startet sosial dialog (0 gjennomført, 2 pågår).",
    "0 frister er overskredet, 6 kommende.",
    "1 åpent avvik, derav 0 kritiske og 1 alvorlig; 0 er over fristen i tiltaksplanen.",
]

# Bydel Grünerløkka as of D2: contracts K02, K03, K06, K07, K10 (own), K04, K09 (call-offs); in
# force on D2: K02, K06, K10, K04, K09 (K03 ended 2024-06-30, K07 2025-01-31).
#   part 1           K02, K10 covered -> 2 of 2 = 100 % (D: 2 of 3 = 67 %: up 33 points)
#   part 2           K04 (blank clauses) not, K09 covered -> 1 of 2 = 50 % (D: 67 %: down 17)
#   social dialogue  IN-404 met 07-01, TR-220 met 06-30: both on time
#   documentation    K09 k1 met 2025-02-03 (late), k2 upcoming
#   action plan      A5 (due 2024-08-31) open: overdue
#   milestones       M2 late; M3 (K09, 2024-09-15) overdue; M4 left out with K07
#   -> overdue 2, upcoming 1 (0 as of D: up 2). Findings: A5 open, major, past due.
SENTENCES_GRUNERLOKKA_D2 = [
    (
        "2 av 2 relevante kontrakter har seriøsitetskrav (Oslomodellen del 1): 100 %. "
        "↑ 33 prosentpoeng siden 30.06.2024, da 67 %"
    ),
    (
        "1 av 2 relevante kontrakter har krav om etisk handel (Oslomodellen del 2): 50 %. "
        "↓ 17 prosentpoeng siden 30.06.2024, da 67 %"
    ),
    "2 frister er overskredet, 1 kommende. ↑ 2 siden 30.06.2024, da 0",
    (
        "1 åpent avvik, derav 0 kritiske og 1 alvorlig; 1 er over fristen i tiltaksplanen. "
        "→ uendret siden 30.06.2024, da 1"
    ),
]


def test_agency_filter_holds_that_agencys_figures(build):
    t = text(build(D, GRUNERLOKKA))
    for sentence in SENTENCES_GRUNERLOKKA_D:
        assert sentence in t
    assert (
        "Omfatter Bydel Grünerløkka (kontrakter virksomheten eier eller gjør avrop på) · "
        "7 kontrakter"
    ) in t
    # not the figures of all agencies
    assert "2 av 4 relevante kontrakter" not in t
    # nothing overdue: one line says so, no empty chart or table
    assert "Ingen frister var over tid 30.06.2024." in pages_text(build(D, GRUNERLOKKA))[1]
    assert "mest over tid" not in t

    t2 = text(build(D2, GRUNERLOKKA, compare_to=D))
    for sentence in SENTENCES_GRUNERLOKKA_D2:
        assert sentence in t2


def test_calloff_only_agency(build):
    # Sykehjemsetaten as of D (SUMMARY_D_SYKEHJEM): only K09, through a call-off.
    t = text(build(D, SYKEHJEM))
    assert "Ingen kontrakter er relevante for Oslomodellen del 1." in t
    assert "1 av 1 relevante kontrakter har krav om etisk handel (Oslomodellen del 2): 100 %." in t
    assert "2 av 2 sentrale fabrikker har startet sosial dialog (0 gjennomført, 2 pågår)." in t
    assert "0 frister er overskredet, 5 kommende." in t
    assert "1 åpent avvik, derav 0 kritiske og 1 alvorlig; 0 er over fristen i tiltaksplanen." in t
    assert "(kontrakter virksomheten eier eller gjør avrop på) · 1 kontrakt" in t


# The five most overdue as of D2, from the hand tables' due dates (days late = D2 - due):
#   VN-031/K08 social dialogue  due 2022-09-15
#   A2/K01 action plan          due 2024-05-31
#   A5/K09 action plan          due 2024-08-31
#   M3/K09 milestone            due 2024-09-15
#   A6/K01 action plan          due 2024-09-30
# M4/K07 (due 2024-06-30) is not among them: K07 ended 2025-01-31, before D2. The sixth, K08's
# 3rd documentation (2025-03-15), is not shown.
MOST_OVERDUE_D2 = [
    ("K08", "Sko og Vern AS", "Saigon Footwear JSC", dt.date(2022, 9, 15)),
    ("K01", "Tekstil Nord AS", "Overtid over 60 timer", dt.date(2024, 5, 31)),
    ("K09", "Linprodukter AS", "Gravide sagt opp", dt.date(2024, 8, 31)),
    ("K09", "Linprodukter AS", "Fabrikkbesøk", dt.date(2024, 9, 15)),
    ("K01", "Tekstil Nord AS", "Fagforening hindret", dt.date(2024, 9, 30)),
]


def test_most_overdue_items(build):
    page2 = pages_text(build(D2))[1]
    assert "De 5 fristene som er mest over tid" in page2
    pattern = ".*?".join(
        f"{re.escape(contract)} .*?{re.escape(supplier)}.*?{re.escape(what)}.*?"
        f"{due:%d\\.%m\\.%Y} {(D2 - due).days}"
        for contract, supplier, what, due in MOST_OVERDUE_D2
    )
    assert re.search(pattern, page2), page2
    assert [(D2 - due).days for *_, due in MOST_OVERDUE_D2] == [928, 304, 212, 197, 182]
    assert "15.03.2025" not in page2  # K08's documentation, the sixth
    assert "Kaffebrenneriet" not in page2  # K07 has ended


def test_chart_data_is_hand_worked(store):
    data = snapshot.collect(store, D2)
    # Central factories by country (see SENTENCES_D2's working).
    dialogue = {
        r["country"]: (r["implemented"], r["in_progress"], r["planned"], r["not_started"])
        for _, r in data.dialogue.iterrows()
    }
    assert dialogue == {
        "BD": (2, 0, 0, 0),
        "CN": (0, 1, 0, 1),
        "IN": (0, 1, 0, 0),
        "TR": (0, 1, 0, 0),
        "VN": (0, 0, 1, 0),
    }
    # Overdue by kind as of D2 (hand tables): social dialogue 1, documentation 1 (K08 k3,
    # 16 days), action plan 3 (A2, A5, A6), milestones 1 (M3; M4 left with K07, ended).
    by_kind = data.overdue_by_kind.set_index("kind")
    assert by_kind["overdue"].to_dict() == {
        "social_dialogue": 1,
        "documentation": 1,
        "action_plan": 3,
        "milestone": 1,
    }
    assert by_kind.loc["documentation", "late_up_to_30"] == 1
    # Coverage per agency as of D2, the contracts in force (K03, K07, K11 ended):
    #   Grünerløkka K02, K10 (part 1, covered), K04 (part 2, blank), K09 (part 2, covered),
    #     K06 (part 2 override nei)                          -> part 1 2, 2; part 2 2, 1
    #   UKE K01, K08, K09 covered, K04 not, K05 below 500 000 (K11 gone) -> 0, 0; 4, 3
    #   Sykehjemsetaten K09                                  -> 0, 0; 1, 1
    coverage = {
        r["agency"]: (
            r["part1_relevant"],
            r["part1_covered"],
            r["part2_relevant"],
            r["part2_covered"],
        )
        for _, r in data.coverage.iterrows()
    }
    assert coverage == {GRUNERLOKKA: (2, 2, 2, 1), UKE: (0, 0, 4, 3), SYKEHJEM: (0, 0, 1, 1)}
    # The chart rows add up to the key figures.
    rows, _, _ = snapshot.dialogue_rows(data, "nb", snapshot.MAX_COUNTRIES)
    total = rows[0][1]
    # the fixture has no factory with status not reported
    assert total == {
        "implemented": 2, "in_progress": 3, "planned": 1, "not_started": 1, "not_reported": 0
    }  # fmt: skip
    for status in total:
        assert sum(r[1][status] for r in rows[1:]) == total[status]
    overdue = snapshot.overdue_rows(data, "nb")
    assert sum(overdue[0][1].values()) == 6


@pytest.mark.parametrize(
    "as_of, agency", [(D, None), (D2, None), (D, GRUNERLOKKA), (D, SYKEHJEM), (D2, UKE)]
)
def test_pdf_equals_summary_json(build, handmade_db, run_cli, as_of, agency):
    """The same source as `summary --json`: its sentences are in the PDF, word for word."""
    args = ["summary", "--as-of", as_of, "--db", handmade_db, "--json"]
    proc = run_cli(*args, *(["--agency", agency] if agency else []))
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(proc.stdout)
    t = text(build(as_of, agency))
    for sentence in summary_sentences(figures, "nb"):
        assert normalise(sentence) in t


def test_english(build):
    t = text(build(D2, compare_to=D, lang="en"))
    assert "Status as of 31 March 2025" in t
    for sentence in (
        "2 of 2 relevant contracts carry seriousness clauses (Oslo model part 1): 100%.",
        "3 of 4 relevant contracts carry ethical-trade clauses (Oslo model part 2): 75%.",
        "5 of 7 central factories have started social dialogue (2 implemented, 3 in progress).",
        "6 deadlines are overdue, 4 upcoming. ↑ 3 since 2024-06-30, was 3",
    ):
        assert sentence in t


# ---------------------------------------------------------------------------------------------
# Shape, determinism, the command line
# ---------------------------------------------------------------------------------------------


def test_at_most_two_pages(build):
    for args in ((D,), (D2,), (D, GRUNERLOKKA), (D, SYKEHJEM), (D2, None, D, "en")):
        assert page_count(build(*args)) <= 2


def test_deterministic(store, build):
    first = build(D2, compare_to=D)
    again = snapshot.build_pdf(store, D2, Filters(), compare_to=D)
    assert text(again) == text(first)
    assert again == first  # byte for byte: fixed creation date, fixed images


def test_cli_writes_the_file(handmade_db, build, tmp_path, run_cli):
    out = tmp_path / "status.pdf"
    proc = run_cli(
        "snapshot", "--as-of", D2, "--compare-to", D, "--agency", GRUNERLOKKA,
        "--db", handmade_db, "--out", out,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    # the command line and the dashboard's function give the same file
    assert out.read_bytes() == build(D2, GRUNERLOKKA, compare_to=D)


def test_cli_refuses_compare_after_as_of(handmade_db, tmp_path, run_cli):
    out = tmp_path / "status.pdf"
    proc = run_cli("snapshot", "--as-of", D, "--compare-to", D2, "--db", handmade_db, "--out", out)
    assert proc.returncode != 0
    assert "--compare-to" in proc.stderr
    assert not out.exists()
    with pytest.raises(ValueError):
        snapshot.collect(db.Store(handmade_db, read_only=True), D, compare_to=D2)


def test_quarter_before():
    assert months_before(D2, 3) == dt.date(2024, 12, 31)
    assert months_before(dt.date(2025, 5, 31), 3) == dt.date(2025, 2, 28)
    assert months_before(dt.date(2024, 5, 31), 3) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2025, 1, 15), 3) == dt.date(2024, 10, 15)


def _figures(part1: tuple, part2: tuple) -> dict:
    f = empty_figures()
    for key, (relevant, covered) in (("part1", part1), ("part2", part2)):
        coverage = round(covered / relevant, 4) if relevant else None
        f["oslo_model"][key] = {"relevant": relevant, "covered": covered, "coverage": coverage}
    return f


def test_percentage_point_changes():
    # 2 of 3 = 67 % against 1 of 2 = 50 %: up 17 points; 79 of 100 against 4 of 5: down 1 point
    # (singular); nothing relevant before: not comparable.
    now, was = _figures((3, 2), (100, 79)), _figures((2, 1), (5, 4))
    part1, part2, *_ = snapshot.headlines(now, was, D, "nb")
    assert (part1.arrow, part1.change, part1.since) == (
        "↑",
        "17 prosentpoeng",
        "siden 30.06.2024, da 50\u00a0%",
    )
    assert (part2.arrow, part2.change) == ("↓", "1 prosentpoeng")
    part1, *_ = snapshot.headlines(now, _figures((0, 0), (5, 4)), D, "nb")
    assert part1.arrow == ""
    assert part1.since == "kan ikke sammenlignes med 30.06.2024, da ingen relevante"
    part1, *_ = snapshot.headlines(now, was, D, "en")
    assert part1.change == "17 percentage points"


def test_empty_database(tmp_path):
    store = db.Store(tmp_path / "empty.duckdb")
    try:
        pdf = snapshot.build_pdf(store, D2)
    finally:
        store.close()
    t = text(pdf)
    assert page_count(pdf) <= 2
    assert "ingen data er lastet inn" in t
    assert "Ingen kontrakter er relevante for Oslomodellen del 1." in t


# ---------------------------------------------------------------------------------------------
# Fallback font, a crowded layout, the pages as pictures, time
# ---------------------------------------------------------------------------------------------


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed; scripts/test.sh installs it")
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return normalise(out.stdout.decode("utf-8"))


def test_helvetica_fallback_keeps_norwegian_letters_and_arrows(store, tmp_path):
    data = snapshot.collect(store, D2, Filters(agencies=(GRUNERLOKKA,)), compare_to=D)
    pdf = snapshot.render(data, "nb", fonts=None)
    assert b"/Helvetica" in pdf and b"DejaVu" not in pdf
    assert page_count(pdf) <= 2
    t = pdftotext(pdf, tmp_path)
    assert "Bydel Grünerløkka" in t
    # Grünerløkka D2 against D (SENTENCES_GRUNERLOKKA_D2's working)
    assert "2 av 2 relevante kontrakter har seriøsitetskrav (Oslomodellen del 1): 100 %." in t
    assert "1 åpent avvik, derav 0 kritiske og 1 alvorlig" in t
    assert "↑ 2" in t  # the arrows from the Symbol core font
    assert "↓ 17" in t
    assert "→ uendret" in t


def crowded_data() -> snapshot.SnapshotData:
    """Far more than fits: 40 agencies with long names, 30 countries, long texts."""
    figures = _figures((400, 321), (700, 512))
    figures["contracts"] = 2000
    figures["factories"]["central"] = 1000
    figures["factories"]["central_by_status"] = {
        "implemented": 300,
        "in_progress": 250,
        "planned": 150,
        "not_started": 200,
        "not_reported": 100,
    }
    figures["deadlines"] = {"met_on_time": 1, "met_late": 1, "overdue": 1234, "upcoming": 99}
    long = "Renovasjons- og gjenvinningsetaten for særdeles lange navn nummer"
    coverage = pd.DataFrame(
        {
            "agency": [f"{long} {i}" for i in range(40)],
            "part1_relevant": [10] * 40,
            "part1_covered": [i % 11 for i in range(40)],
            "part2_relevant": [20] * 40,
            "part2_covered": [i % 21 for i in range(40)],
        }
    )
    coverage["part1_coverage"] = coverage["part1_covered"] / coverage["part1_relevant"]
    coverage["part2_coverage"] = coverage["part2_covered"] / coverage["part2_relevant"]
    dialogue = pd.DataFrame(
        {
            "country": ["BD", "CN", "IN", "VN", "TR", "PK"] * 5,
            "central": [32] * 30,
            "implemented": [10] * 30,
            "in_progress": [8] * 30,
            "planned": [5] * 30,
            "not_started": [7] * 30,
            "not_reported": [2] * 30,
        }
    )
    kinds = ["social_dialogue", "documentation", "action_plan", "milestone"]
    overdue = pd.DataFrame(
        {
            "kind": kinds,
            "overdue": [400, 300, 334, 200],
            "late_up_to_30": [100, 0, 34, 50],
            "late_31_to_90": [100, 300, 0, 50],
            "late_over_90": [200, 0, 300, 100],
        }
    )
    words = "Leverandøren har ikke levert dokumentasjon av lønns- og arbeidsvilkår " * 4
    most = pd.DataFrame(
        {
            "kind": ["milestone", "action_plan", "documentation", "social_dialogue", "milestone"],
            "contract_id": [f"ABC-2018-{i:04d}" for i in range(5)],
            "title": [words] * 5,
            "agency": [long] * 5,
            "supplier_name": ["Særdeles Langt Leverandørnavn Holding AS Norge Avdeling Vest"] * 5,
            "ref_id": ["M1", "A1", "3", "F1", "M2"],
            "description": [words] * 5,
            "factory_id": [None, None, None, "F1", None],
            "factory_name": [None, None, None, words, None],
            "country": [None, None, None, "BD", None],
            "severity": [None, "critical", None, None, None],
            "due_date": [dt.date(2018, 1, 1)] * 5,
            "days_late": [99999] * 5,
        }
    )
    return snapshot.SnapshotData(
        as_of=D2,
        compare_to=D,
        compare_is_default=False,
        filters=Filters(
            agencies=tuple(coverage["agency"][:6]),
            categories=("Arbeidstøy, fottøy og tekstil", "Bygg og anlegg"),
            countries=("BD", "VN"),
        ),
        rules={
            "part1_categories": ["Bygg og anlegg", "Renhold"],
            "part1_min_value": 100000.0,
            "part2_min_value": 500000.0,
            "dialogue_months": 6,
        },
        figures=figures,
        previous=_figures((400, 300), (700, 600)),
        data_import=None,
        coverage=coverage,
        dialogue=dialogue,
        overdue_by_kind=overdue,
        most_overdue=most,
    )


def test_crowded_layout_stays_on_two_pages():
    pdf = snapshot.render(crowded_data(), "nb")
    assert page_count(pdf) == 2  # render() raises if anything ran past the bottom margin
    t = text(pdf)
    assert "Viser de" in t and "til er ikke vist" in t  # agencies left out, and said so
    assert "land til med til sammen" in t


def test_pages_as_png_for_a_person_to_look_at(build, store, capsys):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed; scripts/test.sh installs it")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*"):
        old.unlink()
    cases = {
        "handmade-2025-03-31-since-2024-06-30": build(D2, compare_to=D),
        "handmade-grunerlokka-2024-06-30": build(D, GRUNERLOKKA),
        "handmade-2025-03-31-en": build(D2, compare_to=D, lang="en"),
        "handmade-helvetica-fallback": snapshot.render(
            snapshot.collect(store, D2, compare_to=D), "nb", fonts=None
        ),
        "crowded-layout": snapshot.render(crowded_data(), "nb"),
    }
    pngs = []
    for name, pdf in cases.items():
        path = ARTIFACTS / f"{name}.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "110", "-png", str(path), str(ARTIFACTS / name)], check=True
        )
        pages = sorted(ARTIFACTS.glob(f"{name}-*.png"))
        assert 1 <= len(pages) <= 2
        pngs += pages
    with capsys.disabled():
        print(f"\nsnapshot pages as PNG: {ARTIFACTS}/ ({len(pngs)} files)")


def test_one_snapshot_takes_well_under_a_few_seconds(store, capsys):
    snapshot.build_pdf(store, D2)  # warm: imports, fonts on disk, query plans
    times = []
    for _ in range(3):
        start = time.perf_counter()
        snapshot.build_pdf(store, D2)
        times.append(time.perf_counter() - start)
    with capsys.disabled():
        print(f"\none snapshot: best {min(times):.2f} s of {', '.join(f'{x:.2f}' for x in times)}")
    assert min(times) < 5
