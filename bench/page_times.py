"""Each page's full script run under AppTest, cold and warm cache; prints one JSON line.

Run by bench/run.py in a subprocess with ETIKKMONITOR_DB set, so that its peak memory is that of
an app process serving every page.
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

ROOT = Path(__file__).resolve().parent.parent


def page_files() -> list[Path]:
    return sorted((ROOT / "pages").glob("*.py"))


def time_page(page: Path, runs: int) -> tuple[float, float]:
    cold, warm = [], []
    for _ in range(runs):
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.switch_page(str(page.relative_to(ROOT)))
        t = time.perf_counter()
        at.run()
        cold.append(time.perf_counter() - t)
        if at.exception:
            raise RuntimeError(f"{page.name}: {at.exception}")
        t = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - t)
    return statistics.median(cold), statistics.median(warm)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    out = {p.stem: time_page(p, runs) for p in page_files()}
    out["_peak_rss_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0.0)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
