"""The load test (bench/load/): its parts by hand, and a small run of it against a real server
(two users, a few page runs each, an import published mid-run) in seconds. The full run is
`python -m bench.load` (docs/performance.md), not part of the tests."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date
from types import SimpleNamespace

from bench import load


def catalogue() -> load.Catalogue:
    return load.Catalogue(
        agencies=["A", "B", "C", "D", "E", "F", "G"],
        categories=["k1", "k2"],
        contracts={
            "A": ["A-1", "A-2", "A-3", "A-4"],
            "B": ["B-1"],
            "C": ["C-1", "C-2"],
            "D": ["D-1"],
            "E": ["E-1", "E-2", "E-3"],
            "F": ["F-1", "F-2"],
            "G": ["G-1"],
        },
        quarter_ends=[date(2026, 9, 30), date(2026, 6, 30), date(2026, 3, 31)],
    )


def test_percentiles_are_nearest_rank():
    values = [float(x) for x in range(1, 11)]  # 1..10
    # nearest rank: the ceil(p/100 * n)-th smallest. p50 of 10 values: the 5th = 5;
    # p95: ceil(9.5) = the 10th = 10; max: 10. Never an interpolated value.
    assert load.pct(values, 50) == 5.0
    assert load.pct(values, 95) == 10.0
    assert load.pct(values, 100) == 10.0
    # 20 values 1..20: p95 = ceil(19) = the 19th = 19
    assert load.pct([float(x) for x in range(20, 0, -1)], 95) == 19.0
    assert load.pct([], 95) is None


def test_roles_mix_two_leaders_two_analysts_one_adviser_in_five():
    # 20 users: 8 leaders, 8 analysts, 4 advisers (2:2:1)
    assert Counter(load.roles(20)) == {"leader": 8, "analyst": 8, "politician": 4}


def test_journeys_are_seeded_and_start_with_a_link():
    cat = catalogue()
    for role in ("leader", "analyst", "politician"):
        a = load.journey(role, random.Random(5), cat, 12)
        b = load.journey(role, random.Random(5), cat, 12)
        assert a == b  # the same seed, the same user
        assert len(a) == 12
        assert a[0].kind == "open"
    # A leader follows one of the five largest agencies (the shared, common views); the
    # contract opened by link is one of that agency's.
    for seed in range(30):
        steps = load.journey("leader", random.Random(seed), cat, 10)
        agency = dict(x.split("=") for x in steps[0].query.split("&"))["agency"]
        assert agency in cat.agencies[:5]
        link = next(s for s in steps if s.path == "kontrakt")
        contract = dict(x.split("=") for x in link.query.split("&"))["contract"]
        assert contract in cat.contracts[agency]


def test_the_report_goes_between_its_markers_and_keeps_the_rest(tmp_path):
    doc = tmp_path / "performance.md"
    doc.write_text("# Performance\n\nbefore\n", encoding="utf-8")
    load.write_docs("one replica, first run", "1-replica", doc)
    load.write_docs("two replicas", "2-replica", doc)
    load.write_docs("one replica, second run", "1-replica", doc)
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\nbefore\n")
    assert "first run" not in text
    # each block once, in the order they were first written, inside the one section
    assert text.index(load.SECTION) < text.index("one replica, second run")
    assert text.index("one replica, second run") < text.index("two replicas")
    assert text.index("two replicas") < text.index(load.SECTION_END)
    assert text.count(f"{load.BEGIN} 1-replica -->") == 1
    assert text.count(load.SECTION) == 1


def test_bench_run_keeps_the_load_section_with_the_words_in_it(tmp_path):
    doc = tmp_path / "performance.md"
    load.write_docs("one replica", "1-replica", doc)
    text = doc.read_text(encoding="utf-8").replace(
        load.SECTION_END, "what it means\n" + load.SECTION_END
    )
    doc.write_text("# Performance\n\n| generated |\n" + text, encoding="utf-8")
    load.write_docs("two replicas", "2-replica", doc)
    region = load.kept(doc.read_text(encoding="utf-8"))
    assert region.startswith(load.SECTION) and region.endswith(load.SECTION_END)
    assert "one replica" in region and "what it means" in region and "two replicas" in region
    assert "generated" not in region
    assert load.kept("# Performance\n") is None


def test_a_small_load_run_against_a_real_server(tmp_path):
    """Two users (a section leader and an analyst), five page runs each, over the websocket of
    a server started for the run, and an import published in the middle of it."""
    out = tmp_path / "load.json"
    code = load.main(
        [
            "--sessions",
            "2",
            "--runs",
            "5",
            "--think",
            "0",
            "0.2",
            "--scale",
            "1",
            "--timeout",
            "90",
            "--max-seconds",
            "240",
            "--json",
            str(out),
        ]
    )
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["error_list"] == [] and code == 0
    assert res["runs"] == res["planned_runs"] == 10
    runs = res["each_run"]
    assert all(r["run_s"] is not None and r["settled_s"] >= r["run_s"] for r in runs)
    # the leader's journey: overview, deadlines, deadlines again with 60 days, follow-up,
    # a contract by link (load.journey)
    leader = [r for r in runs if r["role"] == "leader"]
    assert [r["page"] for r in leader] == [
        "oversikt",
        "frister",
        "frister",
        "oppfolging",
        "kontrakt",
    ]
    assert "within=60" in leader[2]["query"]
    # the analyst changed the Oslo-model measure on the page it opened by link
    analyst = [r for r in runs if r["role"] == "analyst"]
    assert analyst[0]["page"] == "oslomodellen" and "measure=value" in analyst[1]["query"]
    # the import was published (exit 0) and every page run after it shows import 2
    assert res["import"]["exit"] == 0
    assert list(res["import"]["shown_after"].values()) == [2]  # a new session afterwards
    assert {r["import_id"] for r in runs} <= {1, 2}
    assert res["import_ids_after_publish"] in ([], [2])  # (none if it ended before the publish)
    assert res["server_rss_mb_peak"] > 50 and res["server_cpu_cores_mean"] > 0


def test_an_action_the_page_gave_no_occasion_for_is_skipped_not_an_error():
    # Two page runs of 1 s and 3 s and a widget the page did not show (after the import the
    # user's selection had no contracts): 2 runs, 0 errors, 1 skipped; p95 of (1, 3) is 3
    runs = [
        load.Run(1, "ws", "leader", "open", page="oslomodellen", run_s=1.0, settled_s=1.0),
        load.Run(1, "ws", "leader", "page", page="frister", run_s=3.0, settled_s=3.0),
        load.Run(1, "ws", "leader", "widget", page="oslomodellen", skipped="no widget"),
        load.Run(2, "ws", "analyst", "open", page="oversikt", errors=["time-out"]),
    ]
    samples = [(0.0, [1.0], [100.0]), (10.0, [6.0], [120.0])]  # 5 CPU seconds in 10 s
    args = SimpleNamespace(
        sessions=2, browsers=0, replicas=1, scale=1, think=(2.0, 5.0), planned=4, argv=[],
        loadavg_before=[0.0, 0.0, 0.0], cold_start=False, generator_cpu_s=1.0,
    )  # fmt: skip
    res = load.summarise(runs, samples, 10.0, args, {})
    assert res["runs"] == 3 and res["skipped"] == 1
    assert res["errors"] == 1 and "time-out" in res["error_list"][0]  # the real error stays
    assert res["run_p95_s"] == 3.0
    assert res["pages"]["ws:oslomodellen"]["runs"] == 1
    assert res["server_cpu_cores_mean"] == 0.5 and res["generator_cpu_cores_mean"] == 0.1
    assert "skipped" in load.markdown(res | {"import": {}})


def test_the_warm_up_opens_a_date_no_user_picks():
    cat = catalogue()  # quarter ends 2026-09-30, 06-30, 03-31; users pick those and today
    assert load.warm_up_date(cat, today=date(2026, 12, 5)) == "2026-10-01"
    assert load.warm_up_date(cat, today=date(2026, 10, 1)) == "2026-07-01"  # not today
