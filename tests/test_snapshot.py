"""The PDF status snapshot (issue 5) on the hand-made fixture, tests/fixtures/handmade/: its
figures and sentences (test_snapshot_layout.py: its shape, the command line, the fonts and the
pages as pictures).

Expected figures are worked out by hand, never taken from the code under test. The summaries as
of D = 2024-06-30 and D2 = 2025-03-31 (all agencies, and per agency as of D) are the ones worked
in tests/test_handmade_fixture.py; its tables of central factories, deadlines (social dialogue,
annual documentation, action plan, milestones) and findings, with their due and met dates, are
what the extra dates below are worked from. The working is in the comments.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from snapshot_pdf import (  # noqa: F401  (the fixtures `store` and `build`)
    D2,
    GRUNERLOKKA,
    SYKEHJEM,
    UKE,
    D,
    build_fixture,
    normalise,
    pages_text,
    store_fixture,
    text,
)

from etikkmonitor import snapshot
from etikkmonitor.i18n import summary_sentences

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
