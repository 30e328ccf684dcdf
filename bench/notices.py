"""The notices' benchmark: `python -m bench.notices [--notices 20000] [--runs 3]`.

A year of Norwegian notices, generated (etikkmonitor/eforms/generate.py, shaped like the SDK's
examples): contract notices of one to three lots, award notices for most of them, change
notices and prior information notices, from some 300 buyers, in one .zip archive beside the
demo register. Measured: the import end to end (read, check, publish; the register included)
and its peak memory, in a process of its own; the review query for the year (all buyers, one
buyer); the review page's full script run (AppTest), cold and warm. Writes
docs/performance-notices.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import date, timedelta
from pathlib import Path

from etikkmonitor import db
from etikkmonitor.eforms import review
from etikkmonitor.eforms.demo import CATEGORY_CPV, org_nr
from etikkmonitor.eforms.generate import GenLot, Org, notice

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
YEAR = 2025
TARGETS = {"notices_per_s": 1000, "import_rss_mb": 1024, "page_cold_s": 1.5, "page_warm_s": 0.3}


def year_of_notices(n: int, path: Path, seed: int = 15) -> dict[str, int]:
    """Write `n` notices published in YEAR into the zip at `path`; return counts by kind."""
    rng = random.Random(seed)
    buyers = [Org(org_nr(rng), f"Oppdragsgiver {i:03d}") for i in range(300)]
    suppliers = [Org(org_nr(rng), f"Leverandør {i:04d} AS") for i in range(2000)]
    categories = sorted(CATEGORY_CPV)
    counts = {"competition": 0, "result": 0, "change": 0, "planning": 0}
    start = date(YEAR, 1, 1)

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def follow_up(what: str, kind: str, days: int, title: str, **extra) -> tuple[str, str]:
        """A later notice of the procedure being made in the loop below (a change, a result):
        same buyer and lots, issued `days` after it."""
        return what, notice(kind=kind, notice_id=uid(), procedure_id=procedure,
                            issued=day + timedelta(days=days), buyer=buyer, title=title,
                            lots=lots, **extra)  # fmt: skip

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        k = 0
        while k < n:
            buyer = rng.choice(buyers)
            day = start + timedelta(days=rng.randrange(300))
            lots = []
            for i in range(rng.choice((1, 1, 1, 2, 3))):
                cpv, nature = CATEGORY_CPV[rng.choice(categories)]
                lots.append(
                    GenLot(
                        f"LOT-{i + 1:04d}",
                        f"Delkontrakt {i + 1}",
                        cpv,
                        nature=nature,
                        value=float(rng.choice((90_000, 400_000, 1_200_000, 8_000_000))),
                        currency="EUR" if rng.random() < 0.05 else "NOK",
                        social=rng.sample(["hum-right", "work-cond", "acc-all"], rng.randrange(3)),
                    )
                )
            if rng.random() < 0.05:
                kind = "planning"
            else:
                kind = "competition"
            procedure, notice_id = uid(), uid()
            files = [
                (
                    kind,
                    notice(
                        kind=kind,
                        notice_id=notice_id,
                        procedure_id=None if kind == "planning" else procedure,
                        issued=day,
                        buyer=buyer,
                        title=f"Anskaffelse {k}",
                        lots=lots,
                    ),
                )
            ]
            if kind == "competition" and rng.random() < 0.05:
                files.append(
                    follow_up("change", "competition", 7, f"Anskaffelse {k} (endret)",
                              changes=f"{notice_id}-01")
                )  # fmt: skip
            if kind == "competition" and rng.random() < 0.6:
                for lot in lots:
                    lot.winners = rng.sample(suppliers, rng.choice((1, 1, 2)))
                    lot.award_value = lot.value
                    lot.conclusion = day + timedelta(days=50)
                files.append(follow_up("result", "result", 60, f"Anskaffelse {k}"))
            for what, text in files:
                if k >= n:
                    break
                z.writestr(f"{YEAR}-{100000 + k}.xml", text)
                counts[what] += 1
                k += 1
    return counts


_IMPORT = """
import json, resource, sys, time
from pathlib import Path
from etikkmonitor import db
from etikkmonitor.importer import publish, validate
folder, db_path = Path(sys.argv[1]), Path(sys.argv[2])
db_path.unlink(missing_ok=True)
t = time.perf_counter()
v = validate([folder])
store = db.Store(db_path)
publish(v, store)
seconds = time.perf_counter() - t
counts = v.counts
v.close()
store.close()
print(json.dumps({"seconds": seconds, "counts": counts,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_PAGE = """
import json, statistics, sys, time
import streamlit as st
from streamlit.testing.v1 import AppTest
runs = int(sys.argv[1])
cold, warm, rows = [], [], 0
for _ in range(runs):
    at = AppTest.from_file("app.py", default_timeout=120)
    at.query_params["year"] = sys.argv[2]
    at.run()
    at.switch_page("pages/arlig_gjennomgang.py")
    st.cache_data.clear()
    st.cache_resource.clear()
    t = time.perf_counter()
    at.run()
    cold.append(time.perf_counter() - t)
    assert not at.exception, at.exception
    assert [x.value for x in at.title] == ["Årlig gjennomgang"], [x.value for x in at.title]
    rows = max(rows, sum(len(df.value) for df in at.dataframe))
    t = time.perf_counter()
    at.run()
    warm.append(time.perf_counter() - t)
print(json.dumps({"cold_s": statistics.median(cold), "warm_s": statistics.median(warm),
                  "rows_sent": rows}))
"""


def run(n: int, runs: int) -> dict:
    folder = OUT / "data" / f"notices-{n}"
    archive = folder / f"kunngjoringer-{YEAR}.zip"
    if not archive.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for f in (ROOT / "data" / "demo").glob("*.csv"):
            shutil.copy(f, folder / f.name)
        counts = year_of_notices(n, archive)
        (folder / "counts.json").write_text(json.dumps(counts))
    counts = json.loads((folder / "counts.json").read_text())
    tmp = Path(tempfile.mkdtemp())
    db_path = tmp / "notices.duckdb"
    imports = []
    for _ in range(runs):
        res = subprocess.run(
            [sys.executable, "-c", _IMPORT, str(folder), str(db_path)],
            capture_output=True, text=True, cwd=ROOT, check=True,
        )  # fmt: skip
        imports.append(json.loads(res.stdout.strip().splitlines()[-1]))
    seconds = statistics.median(i["seconds"] for i in imports)
    store = db.Store(db_path, read_only=True)
    cur = store.cursor()
    imp = store.current_import_id()

    def timed(fn) -> float:
        times = []
        for _ in range(max(runs, 3)):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    df = review.competitions(cur, imp, YEAR)
    one = df["buyer_org_nr"].dropna().iloc[0]
    q_all = timed(lambda: review.competitions(cur, imp, YEAR))
    q_one = timed(lambda: review.competitions(cur, imp, YEAR, [one]))
    figures_s = timed(lambda: review.figures(df, YEAR))
    store.close()
    env = {**__import__("os").environ, "ETIKKMONITOR_DB": str(db_path)}
    res = subprocess.run(
        [sys.executable, "-c", _PAGE, str(runs), str(YEAR)],
        capture_output=True, text=True, cwd=ROOT, check=True, env=env,
    )  # fmt: skip
    page = json.loads(res.stdout.strip().splitlines()[-1])
    shutil.rmtree(tmp, ignore_errors=True)
    return {
        "notices": n,
        "by_kind": counts,
        "archive_mb": archive.stat().st_size / 1e6,
        "competition_rows": imports[0]["counts"].get("competitions"),
        "review_competitions": len(df),
        "import_s": seconds,
        "notices_per_s": n / seconds,
        "import_rss_mb": max(i["rss_mb"] for i in imports),
        "review_query_all_s": q_all,
        "review_query_one_buyer_s": q_one,
        "review_figures_s": figures_s,
        "page": page,
    }


def report(r: dict) -> str:
    ok = {
        "notices_per_s": r["notices_per_s"] >= TARGETS["notices_per_s"],
        "import_rss_mb": r["import_rss_mb"] < TARGETS["import_rss_mb"],
        "page_cold_s": r["page"]["cold_s"] <= TARGETS["page_cold_s"],
        "page_warm_s": r["page"]["warm_s"] <= TARGETS["page_warm_s"],
    }
    mark = {True: "met", False: "**missed**"}
    kinds = ", ".join(f"{n:,} {kind}" for kind, n in r["by_kind"].items())
    return f"""# Performance of the eForms notices (issue 15)

Written by `python -m bench.notices` on {date.today().isoformat()} (this 2-core machine, shared).
A year of generated notices ({r["notices"]:,}: {kinds}) in one .zip archive of
{r["archive_mb"]:.1f} MB, imported beside the demo register end to end (read, check, publish),
in a process of its own; medians of the runs.

| measure | value | target | |
|---|---|---|---|
| import, end to end | {r["import_s"]:.2f} s | | |
| notices per second | {r["notices_per_s"]:,.0f} | ≥ {TARGETS["notices_per_s"]:,} | {mark[ok["notices_per_s"]]} |
| peak memory of the import | {r["import_rss_mb"]:.0f} MB | < {TARGETS["import_rss_mb"]} MB | {mark[ok["import_rss_mb"]]} |
| competitions table (rows: notice × lot) | {r["competition_rows"]:,} | | |
| competitions in the year's review | {r["review_competitions"]:,} | | |
| review query, all buyers | {r["review_query_all_s"] * 1000:.0f} ms | | |
| review query, one buyer | {r["review_query_one_buyer_s"] * 1000:.0f} ms | | |
| review figures (pandas) | {r["review_figures_s"] * 1000:.0f} ms | | |
| page *Årlig gjennomgang*, cold | {r["page"]["cold_s"]:.2f} s | ≤ {TARGETS["page_cold_s"]} s | {mark[ok["page_cold_s"]]} |
| page *Årlig gjennomgang*, warm | {r["page"]["warm_s"]:.2f} s | ≤ {TARGETS["page_warm_s"]} s | {mark[ok["page_warm_s"]]} |
| rows sent to the browser | {r["page"]["rows_sent"]:,} | ≤ 5 000 | {mark[r["page"]["rows_sent"] <= 5000]} |

Raw figures: `{json.dumps(r, default=str)}`
"""


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--notices", type=int, default=20_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "performance-notices.md")
    args = p.parse_args(argv)
    r = run(args.notices, args.runs)
    print(json.dumps(r, default=str))
    args.out.write_text(report(r), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
