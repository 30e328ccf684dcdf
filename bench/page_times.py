"""Each page's full script run under AppTest, cold and warm cache; prints one JSON line.

Run by bench/run.py as `python -m bench.page_times RUNS` in a subprocess with ETIKKMONITOR_DB set, so that its peak memory is that of
an app process serving every page. Per page: cold and warm seconds (medians), the seconds its
queries took together in the cold run (every Store.query, i.e. every file in queries/), and the
rows its tables send to the browser.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from etikkmonitor import db

ROOT = Path(__file__).resolve().parent.parent
_query_seconds = [0.0]


def _timed(query):
    def timed(self, name, **params):
        t = time.perf_counter()
        try:
            return query(self, name, **params)
        finally:
            _query_seconds[0] += time.perf_counter() - t

    return timed


db.Store.query = _timed(db.Store.query)


def page_files() -> list[Path]:
    return sorted((ROOT / "pages").glob("*.py"))


def time_page(page: Path, runs: int) -> dict:
    cold, warm, queries, rows = [], [], [], 0
    for _ in range(runs):
        # cold: no cached query, figure or open database (cache_resource holds the Store)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        # AppTest knows app.py's pages (and their url_path) only after a first run: before it,
        # switch_page to a page whose address is not its file name runs the default page
        at.run()
        default_title = [x.value for x in at.title]
        if page.stem != "oversikt":
            at.switch_page(str(page.relative_to(ROOT)))
        st.cache_data.clear()
        st.cache_resource.clear()
        _query_seconds[0] = 0.0
        t = time.perf_counter()
        at.run()
        cold.append(time.perf_counter() - t)
        queries.append(_query_seconds[0])
        if at.exception:
            raise RuntimeError(f"{page.name}: {at.exception}")
        if page.stem != "oversikt" and [x.value for x in at.title] == default_title:
            raise RuntimeError(f"{page.name}: the default page ran instead")
        rows = max(rows, sum(len(df.value) for df in at.dataframe))
        t = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - t)
    return {
        "cold_s": statistics.median(cold),
        "warm_s": statistics.median(warm),
        "queries_s": statistics.median(queries),
        "rows_sent": rows,
    }


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    out = {p.stem: time_page(p, runs) for p in page_files()}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": out, "peak_rss_mb": peak}))


if __name__ == "__main__":
    main()
