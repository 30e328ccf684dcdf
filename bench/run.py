"""The performance benchmark: `python -m bench.run [--scales 1 10 100] [--runs 5]`.

Generates demo data at each scale, then measures (each the median of several runs): the import
end to end against the floor of DuckDB merely reading the same CSV files into tables; `summary`
and every query in queries/; every page's full script run (AppTest), cold and warm cache; the
snapshot PDF; the peak memory of an app process; and the pandas peer baseline for the key
figures. Writes docs/performance.md and docs/performance.png.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb

from etikkmonitor import db, demo, settings
from etikkmonitor.filters import Filters
from etikkmonitor.headlines import months_before
from etikkmonitor.importer import publish, validate
from etikkmonitor.summary import key_figures
from etikkmonitor.ui.tables import MAX_SHOWN

from . import pandas_baseline

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
AS_OF = date(2026, 6, 30)
TARGETS = {
    "import_vs_floor": 3.0,  # import within 3x the floor
    "summary_ms": 250,
    "page_queries_ms": 500,
    "page_cold_s": 1.5,
    "page_warm_s": 0.3,
    "pandas_ratio": 10.0,
    "app_memory_mb": 1536,
    "rows_sent": 5000,  # "no page sends more than a few thousand rows to the browser"
    "growth": 1.1,  # scale 10 -> 100: time ratio / row ratio, i.e. no worse than linear
}


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def data_for(scale: int) -> Path:
    folder = OUT / "data" / f"scale-{scale}"
    if not (folder / "contracts.csv").exists():
        demo.generate(folder, scale=scale)
    return folder


def count_rows(folder: Path) -> int:
    return sum(max(0, len(f.read_bytes().splitlines()) - 1) for f in folder.glob("*.csv"))


def floor_read(folder: Path) -> None:
    """DuckDB reading the CSV files into tables, no checks: what no importer can beat."""
    con = duckdb.connect()
    for f in sorted(folder.glob("*.csv")):
        con.execute(
            f"CREATE TABLE {f.stem} AS SELECT * FROM read_csv($p, delim=';', header=true)",
            {"p": str(f)},
        )
    con.close()


def import_once(folder: Path, db_path: Path) -> None:
    db_path.unlink(missing_ok=True)
    store = db.Store(db_path)
    v = validate([folder])
    try:
        publish(v, store)
    finally:
        v.close()
        store.close()


def query_params(store: db.Store) -> dict:
    from etikkmonitor.priority import weights as priority_weights

    weights, risk_file = priority_weights()
    contract = (
        store.cursor()
        .execute(
            "SELECT contract_id FROM contracts WHERE import_id = $i ORDER BY value_nok DESC LIMIT 1",
            {"i": store.current_import_id()},
        )
        .fetchall()[0][0]
    )
    return {
        "import_id": store.current_import_id(),
        "import_a": store.current_import_id(),
        "import_b": store.current_import_id(),
        "as_of": AS_OF,
        "filters": Filters().as_param(),
        "access": Filters().as_param(),
        "rules": settings.rules(),
        "weights": weights,
        "country_risk_file": str(risk_file),
        "contract_id": contract,
        "lang": "nb",
        # as the pages ask: the first rows of each list, 30 days ahead, a year's timeline, and
        # the overview's eight quarter ends
        "limit": MAX_SHOWN,
        "within": 30,
        "start": months_before(AS_OF, 12),
        "end": AS_OF + timedelta(days=30),
        "dates": [months_before(AS_OF, 3 * k) for k in range(8)],
        # the yearly review of the notices (etikkmonitor/eforms/review.py): a year, all buyers
        "year": AS_OF.year - 1,
        "agencies": [],
        "cpv": settings.review()["cpv"],
        "rates": settings.review()["rates"],
    }


# Queries that run only inside an import, over relations the importer registers on its cursor
# (no page runs them): nothing to time on a published database.
IMPORT_ONLY = ("import_contract_loss",)


def bench_queries(store: db.Store, runs: int) -> dict[str, float]:
    params = query_params(store)
    out = {}
    for path in sorted((ROOT / "queries").glob("*.sql")):
        name = path.stem
        if name in IMPORT_ONLY:
            continue
        text = db.sql(name)
        if not text.lstrip("- \n").upper().startswith(("WITH", "SELECT")) and "INSERT" in text:
            continue  # a write, not a query
        unknown = db.parameters(text) - params.keys()
        if unknown:  # every query is timed: a new parameter needs a value here
            raise KeyError(f"bench: no value for {name}'s parameters {sorted(unknown)}")
        bound = db.bind(text, params)
        out[name] = median_time(
            lambda t=text, b=bound: store.cursor().execute(t, b).fetchall(), runs
        )
    return out


def bench_pages(db_path: Path, runs: int) -> dict:
    """Each page's full script run with AppTest (bench/page_times.py, in an app process of its
    own): {"pages": {page: {cold_s, warm_s, queries_s, rows_sent}}, "peak_rss_mb": MB}."""
    env = os.environ | {"ETIKKMONITOR_DB": str(db_path)}
    res = subprocess.run(
        [sys.executable, "-m", "bench.page_times", str(runs)], env=env, capture_output=True,
        text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    return json.loads(res.stdout.strip().splitlines()[-1])


def bench_snapshot(store: db.Store, runs: int) -> float | None:
    try:
        from etikkmonitor.snapshot import build_pdf
    except ImportError:
        return None
    return median_time(lambda: build_pdf(store, AS_OF, Filters()), runs)


def run(scales: list[int], runs: int) -> dict:
    results = {}
    for scale in scales:
        folder = data_for(scale)
        rows = count_rows(folder)
        n = max(1, runs if scale < 100 else min(runs, 3))
        tmp = Path(tempfile.mkdtemp())
        db_path = tmp / "bench.duckdb"
        t_import = median_time(lambda f=folder, p=db_path: import_once(f, p), n)
        t_floor = median_time(lambda f=folder: floor_read(f), n)
        store = db.Store(db_path, read_only=True)
        t_summary = median_time(lambda s=store: key_figures(s, AS_OF), runs)
        queries = bench_queries(store, runs)
        frames_time = median_time(
            lambda f=folder: pandas_baseline.key_figures(pandas_baseline.load(f), AS_OF), n
        )
        snapshot = bench_snapshot(store, n)
        store.close()
        app = bench_pages(db_path, n)
        results[scale] = {
            "rows": rows,
            "import_s": t_import,
            "floor_s": t_floor,
            "rows_per_s": rows / t_import,
            "summary_s": t_summary,
            "queries_s": queries,
            "pandas_s": frames_time,
            "snapshot_s": snapshot,
            "pages": app["pages"],
            "app_rss_mb": app["peak_rss_mb"],
        }
        print(json.dumps({scale: results[scale]}, default=str), flush=True)
    return results


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--report", type=Path, default=ROOT / "docs" / "performance.md")
    args = p.parse_args(argv)
    results = run(args.scales, args.runs)
    from .report import write_report

    write_report(results, args.report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
