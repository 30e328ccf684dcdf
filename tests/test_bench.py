"""The benchmark's smoke test at scale 1 (the full run is `python -m bench.run`, not in CI),
and the pandas peer baseline as an independent check of the SQL's key figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench import pandas_baseline
from bench.report import write_report
from bench.run import OUT, run
from etikkmonitor import db
from etikkmonitor.filters import Filters
from etikkmonitor.importer import publish, validate
from etikkmonitor.summary import key_figures

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    store = db.Store(tmp_path_factory.mktemp("bench") / "demo.duckdb")
    publish(validate([DEMO]), store)
    yield store
    store.close()


def contract_shape(figures: dict) -> dict:
    """Only the keys of the export contract's shape (the SQL adds more)."""
    out = {k: figures[k] for k in ("contracts", "oslo_model", "deadlines")}
    out["factories"] = {k: figures["factories"][k] for k in ("total", "central", "by_status")}
    out["findings"] = {k: figures["findings"][k] for k in ("open", "open_overdue", "by_severity")}
    return out


@pytest.mark.parametrize(
    ("as_of", "agencies"),
    [
        (date(2024, 6, 30), ()),
        (date(2026, 11, 25), ()),
        (date(2026, 11, 25), ("Sykehjemsetaten",)),
        (date(2021, 1, 31), ("Bydel Alna", "Bymiljøetaten")),
    ],
)
def test_pandas_baseline_agrees_with_the_sql(demo_store, as_of, agencies):
    """Two independent implementations of the contract's rules give the same figures."""
    expected = pandas_baseline.key_figures(pandas_baseline.load(DEMO), as_of, agencies)
    got = key_figures(demo_store, as_of, Filters(agencies=agencies))
    assert contract_shape(got) == {k: expected[k] for k in contract_shape(got)}


def test_benchmark_runs_at_scale_1_and_its_figures_are_sane(tmp_path):
    results = run([1], runs=1)
    r = results[1]
    rows = sum(
        len(f.read_text(encoding="utf-8").splitlines()) - 1
        for f in (OUT / "data" / "scale-1").glob("*.csv")
    )
    assert r["rows"] == rows > 5000
    assert 0 < r["floor_s"] < r["import_s"] < 60
    assert 0 < r["summary_s"] < 5
    assert {"summary", "deadlines_list", "priorities"} <= set(r["queries_s"])
    pages = {p.stem for p in (Path(__file__).resolve().parent.parent / "pages").glob("*.py")}
    assert pages == set(r["pages"])
    for name, page in r["pages"].items():
        assert 0 < page["queries_s"] < page["cold_s"], name
        assert page["warm_s"] > 0, name
        assert 0 <= page["rows_sent"] <= 5000, name
    assert r["pages"]["frister"]["rows_sent"] > 0
    assert 100 < r["app_rss_mb"] < 4000
    assert r["snapshot_s"] and r["snapshot_s"] > 0
    report = tmp_path / "performance.md"
    write_report(results, report)
    text = report.read_text(encoding="utf-8")
    assert "## Targets at scale 1" in text and "| summary |" in text
    assert report.with_suffix(".png").stat().st_size > 1000
