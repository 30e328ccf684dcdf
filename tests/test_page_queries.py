"""The page queries (queries/) on the hand-made fixture, worked by hand (test_handmade_fixture.py
works out its tables): deadlines, the trend, coverage by group, a contract's detail within what
a person may see; the headline figures; and every page query agreeing with key_figures.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest
from dashboard_dbs import ROOT
from page_query import D, params

from etikkmonitor import db, schema, timecharts
from etikkmonitor.filters import Filters
from etikkmonitor.headlines import change, fmt_nok_short, headlines, months_before
from etikkmonitor.summary import empty_figures, key_figures

AGENCIES = (None, "Sykehjemsetaten", "Bydel Grünerløkka", "Utviklings- og kompetanseetaten")


@pytest.fixture(scope="module")
def store(handmade_db):
    s = db.Store(handmade_db)
    yield s
    s.close()


# Deadlines as of D by kind (test_handmade_fixture.py works them out): each a (kind, status,
# agency, due date, ref_id). Every contract is UKE's but K07 (Bydel Grünerløkka: M4).
UKE, GRU = "Utviklings- og kompetanseetaten", "Bydel Grünerløkka"
DEADLINES_AT_D = [
    ("social_dialogue", "met_on_time", UKE, "2024-02-29", "BD-001"),  # K01
    ("social_dialogue", "met_late", UKE, "2024-02-29", "CN-017"),  # K01, a day late
    ("social_dialogue", "met_on_time", UKE, "2022-09-15", "BD-001"),  # K08
    ("social_dialogue", "overdue", UKE, "2022-09-15", "VN-031"),  # K08
    ("social_dialogue", "upcoming", UKE, "2024-07-10", "IN-404"),  # K09, met after D
    ("social_dialogue", "met_on_time", UKE, "2024-07-10", "TR-220"),  # K09, met on D
    ("documentation", "upcoming", UKE, "2024-08-31", "1"),  # K01
    ("documentation", "upcoming", UKE, "2025-08-31", "2"),
    ("documentation", "upcoming", UKE, "2026-08-31", "3"),
    ("documentation", "met_on_time", UKE, "2023-03-15", "1"),  # K08
    ("documentation", "met_on_time", UKE, "2024-03-15", "2"),
    ("documentation", "upcoming", UKE, "2025-03-15", "3"),
    ("documentation", "upcoming", UKE, "2025-01-10", "1"),  # K09
    ("documentation", "upcoming", UKE, "2026-01-10", "2"),
    ("action_plan", "met_on_time", UKE, "2024-04-30", "A1"),
    ("action_plan", "overdue", UKE, "2024-05-31", "A2"),
    ("action_plan", "overdue", UKE, "2024-04-15", "A3"),
    ("action_plan", "upcoming", UKE, "2024-08-31", "A5"),
    ("action_plan", "met_late", UKE, "2023-09-01", "A7"),
    ("milestone", "met_on_time", UKE, "2024-03-31", "M1"),  # K11
    ("milestone", "met_late", UKE, "2024-03-01", "M2"),  # K04
    ("milestone", "upcoming", UKE, "2024-09-15", "M3"),  # K09
    ("milestone", "upcoming", GRU, "2024-06-30", "M4"),  # K07, due on D
]


def test_deadline_counts_by_kind_agency_and_status(store):
    counts = store.query("deadline_counts", **params(store), within=30)
    got = {(r.kind, r.agency, r.status): r.n for r in counts.itertuples()}
    expected = {}
    for kind, status, agency, _, _ in DEADLINES_AT_D:
        expected[kind, agency, status] = expected.get((kind, agency, status), 0) + 1
    assert got == expected
    assert sum(got.values()) == 23
    # upcoming and due by D + n days: within 30 (2024-07-30) M4 (due on D) and IN-404
    # (07-10); 60 (08-29) no more; 90 (09-28) also K01's documentation and A5 (08-31) and M3
    # (09-15)
    for within, n in ((30, 2), (60, 2), (90, 5)):
        rows = store.query("deadline_counts", **params(store), within=within)
        assert rows["n_due_within"].sum() == n, within
    rows = store.query("deadline_counts", **params(store), within=30)
    assert rows.loc[rows["agency"] == GRU, "n_due_within"].sum() == 1  # M4


def test_deadlines_list_keeps_the_first_rows_of_each_status(store):
    firsts = store.query("deadlines_list", **params(store), limit=2)
    # overdue, most days late first: VN-031 (654 days), A3 (76), not A2 (30); met late, most
    # days late first: A7 (44), M2 (19), not CN-017 (1); upcoming, soonest first: M4 (due D),
    # IN-404 (07-10); met on time, days_late 0 first, then by due date: BD-001/K01 (02-29,
    # met on the day), M1 (03-31, likewise)
    assert list(zip(firsts["kind"], firsts["ref_id"], strict=True)) == [
        ("social_dialogue", "VN-031"),
        ("action_plan", "A3"),
        ("action_plan", "A7"),
        ("milestone", "M2"),
        ("milestone", "M4"),
        ("social_dialogue", "IN-404"),
        ("social_dialogue", "BD-001"),
        ("milestone", "M1"),
    ]
    every = store.query("deadlines_list", **params(store), limit=None)
    assert len(every) == len(DEADLINES_AT_D)
    assert sorted(
        zip(every["kind"], every["ref_id"], every["due_date"].dt.strftime("%Y-%m-%d"))
    ) == sorted((k, r, d) for k, _, _, d, r in DEADLINES_AT_D)


def test_deadline_timeline_points(store):
    # 2023-06-30 to 2024-07-30: every deadline above due in that window is a point of its own
    # (no two share kind, status and day): 12 of the 23
    start, end = date(2023, 6, 30), date(2024, 7, 30)
    points = store.query("deadline_timeline", **params(store), start=start, end=end)
    expected = sorted(
        (k, s, d, r)
        for k, s, _, d, r in DEADLINES_AT_D
        if start.isoformat() <= d <= end.isoformat()
    )
    assert len(expected) == 12
    assert (points["n"] == 1).all()
    assert (
        sorted(
            zip(
                points["kind"],
                points["status"],
                points["due_date"].dt.strftime("%Y-%m-%d"),
                points["ref_id"],
                strict=True,
            )
        )
        == expected
    )
    # As of D2 both K09 factories' social dialogue (due 2024-07-10, met 07-01 and 06-30) are
    # met on time: one point of two, with no single contract or description to name
    d2 = date(2025, 3, 31)
    july = store.query(
        "deadline_timeline",
        **params(store, as_of=d2),
        start=date(2024, 7, 1),
        end=date(2024, 7, 31),
    )
    assert len(july) == 1
    row = july.iloc[0]
    assert (row["kind"], row["status"], row["n"]) == ("social_dialogue", "met_on_time", 2)
    assert pd.isna(row["contract_id"]) and pd.isna(row["description"])
    fig = timecharts.deadline_timeline(july, d2, "nb")
    (trace,) = fig.data
    assert "2 frister" in trace.hovertext[0]
    assert trace.marker.size[0] == pytest.approx(11 + 10 * math.log10(2))
    # a point of one deadline keeps the usual size and names its contract
    fig = timecharts.deadline_timeline(points, D, "nb")
    assert sum(len(t.x) for t in fig.data) == 12
    assert all(size == 11 for t in fig.data for size in t.marker.size)


def test_trend_query_gives_the_hand_worked_figures(store):
    # test_handmade_fixture.py works these out: as of 2024-06-30 3 deadlines overdue and 4
    # findings open; as of 2025-03-31 6 overdue (K07's milestone M4 left with K07, ended
    # 2025-01-31), 4 open. As of 2020-01-01, before any contract is in force, nothing.
    d2 = date(2025, 3, 31)
    rows = store.query("trend", **params(store) | {"dates": [d2, D, D]})
    assert list(rows["as_of"].dt.date) == [D, d2]  # one row per date, in date order
    assert list(rows["overdue"]) == [3, 6]
    assert list(rows["open_findings"]) == [4, 4]
    # (test_trend_agrees_with_key_figures_per_date: every point is summary's figure)
    assert store.query("trend", **params(store) | {"dates": [date(2020, 1, 1)]})[
        "open_findings"
    ].tolist() == [0]


def test_coverage_by_group_in_force_and_the_yearly_review(store):
    # test_handmade_fixture.py's table of periods. Category and agency rows cover the contracts
    # in force on the date; start-year rows every contract started by it, ended or not.
    def rows(as_of, dim):
        g = store.query("coverage_by_group", **params(store, as_of=as_of))
        g = g[g["dimension"] == dim].set_index("grp")
        return {
            k: tuple(int(r[c]) for c in ("contracts", "part1_relevant", "part1_covered"))
            for k, r in g.iterrows()
        }

    # `Bygg og anlegg`: K03 (part 1, clauses nei; 2024-03-01..2024-06-30) and K10 (part 1
    # override, covered; from 2024-06-30). On 06-29 K03 only; on D both; on 07-01 K10 only.
    assert rows(date(2024, 6, 29), "category")["Bygg og anlegg"] == (1, 1, 0)
    assert rows(D, "category")["Bygg og anlegg"] == (2, 2, 1)
    assert rows(date(2024, 7, 1), "category")["Bygg og anlegg"] == (1, 1, 1)
    # Start year 2024 (K02, K03, K04, K05, K07, K09, K10, K11; part 1: K02 and K10 covered,
    # K03 and K11 not): on 06-29 K10 has not started -> 7, part 1 3 relevant, 1 covered; from D
    # on all 8, and still all 8 on 2025-03-31 when K03, K07 and K11 have ended.
    assert rows(date(2024, 6, 29), "start_year")["2024"] == (7, 3, 1)
    assert rows(D, "start_year")["2024"] == (8, 4, 2)
    assert rows(date(2025, 3, 31), "start_year")["2024"] == (8, 4, 2)
    # Bydel Grünerløkka on 2025-03-31: K02, K06, K10 and call-offs K04, K09 (K03, K07 ended)
    assert rows(date(2025, 3, 31), "agency")["Bydel Grünerløkka"] == (5, 2, 2)
    # Before any contract starts there is nothing to group
    assert rows(date(2022, 1, 1), "start_year") == {}


# ---------------------------------------------------------------------------------------------
# Headline figures
# ---------------------------------------------------------------------------------------------


def test_months_before_clamps_to_month_end():
    assert months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)
    assert months_before(date(2024, 6, 30), 3) == date(2024, 3, 30)
    assert months_before(date(2024, 1, 15), 3) == date(2023, 10, 15)


def test_headlines_and_changes(store):
    now = headlines(key_figures(store, D), "nb")
    later = headlines(key_figures(store, date(2025, 3, 31)), "nb")
    by = {h.key: h for h in now}
    assert by["part2"].shown("nb") == "80\u00a0%" and by["part2"].sentence.startswith("4 av 5")
    assert by["dialogue"].value == round(5 / 7, 4)
    assert by["overdue"].value == 3 and by["findings"].value == 2
    # As of 2025-03-31 K03, K07 and K11 have ended (test_handmade_fixture.py's table of periods)
    c = change(later[3], now[3], "nb")  # overdue 3 -> 6: up, and that is bad
    assert (c.text, c.direction, c.good) == ("+3", 1, False)
    # part 1: 2 of 4 = 50 % -> 2 of 2 = 100 % (K03 and K11, without clauses, ended): up 50 points
    up = change(later[0], now[0], "nb")
    assert (up.text, up.direction, up.good) == ("+50\u00a0%-poeng", 1, True)
    # part 2: 4 of 5 = 80 % -> 3 of 4 = 75 % (K07, covered, ended): down 5 points
    down = change(later[1], now[1], "nb")
    assert (down.text, down.direction, down.good) == ("-5\u00a0%-poeng", -1, False)
    same = change(later[2], now[2], "nb")  # social dialogue 5 of 7 on both dates
    assert same.text == "uendret" and same.direction == 0
    assert fmt_nok_short(265_286_000, "nb") == "265\u00a0mill."
    assert fmt_nok_short(1_260_000, "nb") == "1,3\u00a0mill."
    assert fmt_nok_short(900_000, "nb") == "900\u00a0000"


def test_derived_headline_figures_come_from_summary(store):
    """summary.sql defines the derived figures once (headline_figures); the working is
    tests/test_handmade_fixture.py's tables of factories and findings as of D."""
    f = key_figures(store, D)
    fac = f["factories"]
    # central factories: BD-001/K01 and BD-001/K08 implemented; CN-017/K01, IN-404/K09 and
    # TR-220/K09 in progress; VN-031/K08 planned; CN-017/K06 not started -> 5 of 7 started
    assert (fac["central_started"], fac["central"]) == (5, 7)
    assert fac["central_started_share"] == round(5 / 7, 4)
    # schema.DIALOGUE_STARTED names the statuses summary.sql adds up: the two agree
    assert sum(fac["central_by_status"][s] for s in schema.DIALOGUE_STARTED) == 5
    # open findings as of D: A2 minor, A3 critical, A4 observation, A5 major -> serious 2
    assert f["findings"]["open_serious"] == 2
    # no central factory: no share, and nothing serious in an empty database
    empty = empty_figures()
    assert empty["factories"]["central_started_share"] is None
    assert empty["findings"]["open_serious"] == 0


# ---------------------------------------------------------------------------------------------
# The page queries agree with the key figures
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("agency", AGENCIES)
def test_page_queries_agree_with_key_figures(store, agency):
    p = params(store, agency)
    f = key_figures(store, D, Filters(agencies=(agency,) if agency else ()))
    deadlines = store.query("deadlines_list", **p, limit=None)
    assert deadlines["status"].value_counts().to_dict() == {
        k: v for k, v in f["deadlines"].items() if v
    }
    counts = store.query("deadline_counts", **p, within=30)
    assert counts.groupby("status")["n"].sum().to_dict() == {
        k: v for k, v in f["deadlines"].items() if v
    }
    firsts = store.query("deadlines_list", **p, limit=2)
    assert firsts["status"].value_counts().to_dict() == {
        k: min(v, 2) for k, v in f["deadlines"].items() if v
    }
    factories = store.query("factories_dialogue", **p)
    assert len(factories) == f["factories"]["total"]
    assert int(factories["central"].sum()) == f["factories"]["central"]
    findings = store.query("findings_list", **p)
    assert int(findings["is_open"].sum()) == f["findings"]["open"]
    assert int(findings["open_overdue"].fillna(False).sum()) == f["findings"]["open_overdue"]
    contracts = store.query("contracts_list", **p)
    assert len(contracts) == f["contracts"]
    actions = store.query("oslo_action_list", **p)
    om = f["oslo_model"]
    lacking1 = om["part1"]["relevant"] - om["part1"]["covered"]
    lacking2 = om["part2"]["relevant"] - om["part2"]["covered"]
    assert actions["part1_gap"].notna().sum() == lacking1
    assert actions["part2_gap"].notna().sum() == lacking2
    assert list(actions["value_nok"]) == sorted(actions["value_nok"], reverse=True)
    if agency:
        groups = store.query("coverage_by_group", **params(store))
        row = groups[(groups["dimension"] == "agency") & (groups["grp"] == agency)].iloc[0]
        assert (row["part1_relevant"], row["part1_covered"]) == (
            om["part1"]["relevant"],
            om["part1"]["covered"],
        )
        assert (row["part2_relevant"], row["part2_covered"]) == (
            om["part2"]["relevant"],
            om["part2"]["covered"],
        )


@pytest.mark.parametrize("agency", AGENCIES)
def test_trend_agrees_with_key_figures_per_date(store, agency):
    dates = [months_before(D, 3 * k) for k in range(7, -1, -1)] + [date(2025, 3, 31)]
    rows = store.query("trend", **params(store, agency), dates=dates)
    flt = Filters(agencies=(agency,) if agency else ())
    expected = []
    for d in sorted(dates):
        f = key_figures(store, d, flt)
        expected.append((d, f["deadlines"]["overdue"], f["findings"]["open"]))
    got = [(r.as_of.date(), r.overdue, r.open_findings) for r in rows.itertuples()]
    assert got == expected
    assert any(n for _, n, _ in got) and any(n for _, _, n in got), "the fixture has some"


def test_contract_queries(store):
    p = params(store) | {"contract_id": "K01"}
    header = store.query("contract_detail_header", **p)
    assert len(header) == 1 and bool(header["part2_covered"].iloc[0])
    assert header["part2_reason"].iloc[0] == "rule"
    deadlines = store.query("contract_detail_deadlines", **p)
    assert deadlines["status"].value_counts().to_dict() == {
        "upcoming": 3,
        "overdue": 2,
        "met_on_time": 2,
        "met_late": 1,
    }
    assert len(store.query("contract_detail_factories", **p)) == 3
    assert len(store.query("contract_detail_header", **(p | {"contract_id": "nope"}))) == 0


CONTRACT_DETAIL_QUERIES = [
    "contract_detail_header",
    "contract_detail_factories",
    "contract_detail_audits",
    "contract_detail_findings",
    "contract_detail_deadlines",
    "contract_detail_documentation",
    "contract_detail_calloffs",
]


def test_contract_queries_keep_to_what_the_person_may_see(store):
    """$access = Bydel Grünerløkka: it owns K02, K03, K06, K07, K10 and has call-offs on K04
    and K09 (test_handmade_fixture.py); K01 is UKE's, with no Grünerløkka call-off."""
    access = Filters(agencies=("Bydel Grünerløkka",)).as_param()
    choices = store.query("contract_choices", **(params(store) | {"access": access}))
    assert sorted(choices["contract_id"]) == ["K02", "K03", "K04", "K06", "K07", "K09", "K10"]
    k01 = params(store) | {"contract_id": "K01"}
    # for a person who may see all, K01 has 1 header row, 3 factories, 2 audits (R1, and R4
    # after D), 3 findings (R1's A1-A3; A8 rejected, R4 after D), 8 deadlines and 1
    # documentation row (20.08.2024); it has no call-offs
    detail = CONTRACT_DETAIL_QUERIES[:-1]
    assert [len(store.query(q, **k01)) for q in detail] == [1, 3, 2, 3, 8, 1]
    limited = k01 | {"access": access}
    assert [len(store.query(q, **limited)) for q in CONTRACT_DETAIL_QUERIES] == [0] * 7
    # K04's one call-off (avrop.csv: Bydel Grünerløkka, 60 000) is hidden from Sykehjemsetaten,
    # whose only contract is K09
    k04 = params(store) | {"contract_id": "K04"}
    assert len(store.query("contract_detail_calloffs", **k04)) == 1
    sykehjem = Filters(agencies=("Sykehjemsetaten",)).as_param()
    assert len(store.query("contract_detail_calloffs", **(k04 | {"access": sykehjem}))) == 0
    # A joint agreement is seen whole, but another agency's call-offs only as one line of
    # totals (issue 14 item 10; this test had pinned every agency's rows before). avrop.csv:
    # K09 has Sykehjemsetaten 2024 250 000 and Bydel Grünerløkka 2024 125 000,00.
    # Grünerløkka: its own row, then 1 other agency with 1 row and 250 000.
    k09 = params(store) | {"contract_id": "K09", "access": access}
    assert len(store.query("contract_detail_header", **k09)) == 1
    rows = store.query("contract_detail_calloffs", **k09).astype(object)
    rows = rows.where(rows.notna(), None)
    assert rows.values.tolist() == [
        ["Bydel Grünerløkka", 2024, 125_000, None, None],
        [None, None, 250_000, 1, 1],
    ]
    # Sykehjemsetaten sees its own 250 000 and Grünerløkka's 125 000 as the totals line
    rows = store.query("contract_detail_calloffs", **(k09 | {"access": sykehjem})).astype(object)
    rows = rows.where(rows.notna(), None)
    assert rows.values.tolist() == [
        ["Sykehjemsetaten", 2024, 250_000, None, None],
        [None, None, 125_000, 1, 1],
    ]
    # a person who may see every agency gets both rows and no totals line
    rows = store.query("contract_detail_calloffs", **(k09 | {"access": Filters().as_param()}))
    assert sorted(zip(rows["agency"], rows["amount_nok"], strict=True)) == [
        ("Bydel Grünerløkka", 125_000),
        ("Sykehjemsetaten", 250_000),
    ]
    assert rows["other_rows"].isna().all()
    # limited to both agencies: both rows are their own
    both = Filters(agencies=("Bydel Grünerløkka", "Sykehjemsetaten")).as_param()
    rows = store.query("contract_detail_calloffs", **(k09 | {"access": both}))
    assert len(rows) == 2 and rows["other_rows"].isna().all()


def test_filter_options_and_previous_import(store):
    imp = store.current_import_id()
    options = store.query("filter_options", **params(store))
    agencies = set(options.loc[options["dimension"] == "agencies", "value"])
    assert agencies == {"Bydel Grünerløkka", "Sykehjemsetaten", "Utviklings- og kompetanseetaten"}
    assert set(options["dimension"]) == {
        "agencies",
        "categories",
        "suppliers",
        "countries",
        "contract_types",
    }
    prev = store.query("previous_import", import_id=imp)
    assert len(prev) == 1 and pd.isna(prev["previous_import_id"].iloc[0])


def test_page_queries_document_their_parameters():
    for path in sorted((ROOT / "queries").glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        if not path.stem.startswith(("contract_", "coverage_", "deadlines_", "factories_")):
            continue
        assert text.startswith(f"-- {path.stem}:"), path.name
        for name in db.parameters(text):
            assert f"${name}" in text.split("\nWITH", 1)[0].split("\nSELECT", 1)[0], (path, name)
