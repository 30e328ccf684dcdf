"""The load test: `python -m bench.load [--sessions 20] [--runs 12] [--scale 10] [--browsers 2]`.

N users at once, each over Streamlit's own websocket (`/_stcore/stream`, the BackMsg and
ForwardMsg protobufs the browser speaks), plus a few real headless chromium browsers. Every
user opens links and switches pages, filters and page widgets the way one of three kinds of
user does (a shared mix of common views and rarer ones, drawn from a seeded generator):

* **section leaders** (40 %) follow their own agency, one of the five largest (common views):
  the overview, deadlines (a wider window), the follow-up list, a contract of theirs opened
  by link, social dialogue (central factories only), the Oslo-model page, an earlier quarter;
* **analysts** (40 %) open links with an agency (half of them one of the five largest, half
  any of the 31) and now and then a category, switch the Oslo-model measure, add a filter,
  change the date to a quarter end, look at data quality and a random contract, switch to
  English (rarer views: more cache misses);
* **politicians' advisers** (20 %) open the overview at the last quarter end, the Oslo-model
  and social dialogue pages, their agency, the deadlines.

Each user makes a fixed number of page runs (`--runs`) with a think time between them (seeded,
`--think`), so the run ends by itself; every wait is bounded (`--timeout` per action,
`--max-seconds` in all). When half the planned runs are done, an import of another export
(the same scale, another seed) is published beside the running dashboard with the command
line (`--import-cmd`), as an administrator would; pages run after it must show the new import.

It starts its own server (`streamlit run app.py` on 127.0.0.1, or `--replicas 2`: two behind
HAProxy, see deploy/), or uses `--url` (then `--server-pid` for CPU and memory). It reports per
page p50/p95/max of the script run (the server's run: from the run's new_session to its
script_finished) and of the time until the page settled (from the user's action to the last
script_finished; for browsers, until no running indicator or placeholder is left), the bytes
sent, errors (exceptions and error boxes on a page, disconnects, time-outs, a failed import),
the server's CPU (cores used) and memory over the run, and sessions per core. JSON goes to
bench/out/load/, a Markdown summary to stdout and (`--docs`) into docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path

from bench.load.browser import CHROMIUM, CHROMIUM_ARGS, browser_session
from bench.load.protocol import REPLICA_COOKIE, WsUser, ws_session
from bench.load.report import (
    BEGIN,
    END,
    SECTION,
    SECTION_END,
    Recorder,
    Run,
    kept,
    markdown,
    pct,
    summarise,
    write_docs,
)
from bench.load.server import (
    OUT,
    build_db,
    exports,
    import_midway,
    sample,
    start_servers,
    stop_servers,
)
from bench.load.users import Catalogue, journey, roles

# What the tests and other modules use by this package's name
__all__ = ["BEGIN", "END", "REPLICA_COOKIE", "SECTION", "SECTION_END", "Catalogue", "WsUser",
           "build_db", "journey", "kept", "main", "pct", "roles", "run_coroutine", "warm_up_date",
           "write_docs"]  # fmt: skip


async def load(args) -> dict:
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    procs: list = []
    first, second = exports(args.scale)
    if args.export:
        first = Path(args.export)
    if args.import_dir:
        second = Path(args.import_dir)
    cat = Catalogue.read(first)
    if args.url:
        if not args.db and not args.import_cmd:
            raise SystemExit("--url needs --db (the database it serves) or --import-cmd")
        base, pids, db_path = args.url, list(args.server_pid), Path(args.db or "")
    else:
        db_path = build_db(first, work / "etikkmonitor.duckdb")
        base, procs, pids = start_servers(db_path, args.replicas, work)
    check_urls = [
        *(p.app_urls for p in procs if not isinstance(p, subprocess.Popen)),
    ]
    check_urls = [u for urls in check_urls for u in urls] or [base]
    try:
        cmd = (
            shlex.split(args.import_cmd.format(dir=second, db=db_path))
            if args.import_cmd
            # --force: the second export is another demo Oslo (other contract ids), so it replaces
            # most of the current contracts, which the importer otherwise asks to confirm
            else [
                sys.executable,
                "-m",
                "etikkmonitor",
                "import",
                str(second),
                "--db",
                str(db_path),
                "--force",
            ]
        )
        warm_errors: list[str] = []
        if not args.cold_start:
            # A server that has run since the weekend: each app process has served a page
            # before the users arrive (its modules loaded, the database open), but no view a
            # user opens is cached: the page is the overview as of a date no user picks.
            for url in check_urls:
                user = WsUser(url, args.timeout)
                try:
                    warm = await user.open("", f"as_of={warm_up_date(cat)}")
                finally:
                    await user.close()
                warm_errors += [f"warm-up: {e}" for e in warm.errors]
        kinds = roles(args.sessions + args.browsers)
        plans = [
            journey(kinds[i], random.Random(args.seed * 7919 + i), cat, args.runs)
            for i in range(args.sessions + args.browsers)
        ]
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        # browsers leave widgets to the protocol users: they make only their links and pages
        args.planned = sum(
            len(p) if i < args.sessions else sum(s.kind in ("open", "page") for s in p)
            for i, p in enumerate(plans)
        )
        rec = Recorder(t0, args.planned)
        if warm_errors:
            rec.runs.append(Run(-1, "ws", "", "warm-up", errors=warm_errors))
        stop, sampling = asyncio.Event(), asyncio.Event()
        samples: list = []
        imp: dict = {}
        sampler = asyncio.create_task(sample(pids, samples, sampling))
        importer = asyncio.create_task(import_midway(rec, cmd, imp, stop))
        tasks = [
            ws_session(i, kinds[i], plans[i], base, rec, args, stop) for i in range(args.sessions)
        ]
        pw = browser = None
        if args.browsers:
            from playwright.async_api import async_playwright

            pw = await async_playwright().start()
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tasks += [
                browser_session(i, kinds[i], plans[i], base, rec, args, stop, browser)
                for i in range(args.sessions, args.sessions + args.browsers)
            ]
        try:
            await asyncio.wait_for(asyncio.gather(*tasks), args.max_seconds)
        except TimeoutError:
            rec.runs.append(Run(-1, "ws", "", "all", errors=["--max-seconds reached"]))
        stop.set()
        await importer
        wall = time.perf_counter() - t0
        args.generator_cpu_s = time.process_time() - cpu0
        sampling.set()
        await sampler
        if browser is not None:
            await browser.close()
            await pw.stop()
        if imp.get("exit") not in (None, 0):
            rec.runs.append(Run(-1, "import", "", "import", errors=[f"import: {imp['output']}"]))
        elif imp:
            # Every app process must now serve the import just published: a fresh session on
            # each (directly, not through the proxy) says which import its overview shows.
            imp["shown_after"] = {}
            for url in check_urls:
                user = WsUser(url, args.timeout)
                try:
                    seen = await user.open("", "")
                finally:
                    await user.close()
                imp["shown_after"][url] = seen.import_id
                if seen.errors:
                    rec.runs.append(Run(-1, "check", "", "check", errors=seen.errors))
        return summarise(rec.runs, samples, wall, args, imp)
    finally:
        stop_servers(procs)


def warm_up_date(cat: Catalogue, today: date | None = None) -> str:
    """A date with data that no user of the mix picks (they pick today and quarter ends): the
    day after the last quarter end, or after the one before if that day is today."""
    today = today or date.today()
    day = next(d + timedelta(days=1) for d in cat.quarter_ends if d + timedelta(days=1) != today)
    return day.isoformat()


def parse(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m bench.load",
        description=__doc__,
        formatter_class=argparse.RawTextHelpFormatter,
    )
    p.add_argument("--sessions", type=int, default=20, help="protocol users at once")
    p.add_argument("--browsers", type=int, default=0, help="headless chromium users on top")
    p.add_argument("--runs", type=int, default=12, help="page runs per user")
    p.add_argument("--think", type=float, nargs=2, default=(2.0, 5.0), metavar=("MIN", "MAX"))
    p.add_argument("--scale", type=int, default=10)
    p.add_argument("--replicas", type=int, default=1, help="app processes (2+: behind HAProxy)")
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--timeout", type=float, default=60.0, help="seconds one action may take")
    p.add_argument("--max-seconds", type=float, default=600.0, help="the whole run at most")
    p.add_argument("--url", help="use this running server (or proxy) instead of starting one")
    p.add_argument("--server-pid", type=int, nargs="*", default=[], help="with --url")
    p.add_argument("--db", help="with --url: the database it serves (the import's target)")
    p.add_argument("--export", help="the export the served data comes from (default: demo)")
    p.add_argument("--import-dir", help="the export to import mid-run (default: demo, seed 2)")
    p.add_argument(
        "--import-cmd", help="the import to publish mid-run; {dir} and {db} are filled in"
    )
    p.add_argument(
        "--docs",
        nargs="?",
        const="",
        metavar="NAME",
        help="write the summary into performance.md, as block NAME (default: N-replica)",
    )
    p.add_argument(
        "--cold-start",
        action="store_true",
        help="users arrive at app processes that have served nothing yet (default: each "
        "process has served one page no user opens, as a server running since the weekend has)",
    )
    p.add_argument("--json", type=Path, help="where the results go (default bench/out/load/)")
    args = p.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    args.think = tuple(args.think)
    args.loadavg_before = list(os.getloadavg())
    return args


def run_coroutine(coro):
    """asyncio.run, also in a thread that already runs an event loop (pytest-playwright's
    sync API leaves one running in the tests' thread): then in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def main(argv=None) -> int:
    args = parse(argv)
    res = run_coroutine(load(args))
    out = args.json or OUT / f"load-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2, default=str), encoding="utf-8")
    md = markdown(res)
    print(md)
    print(f"\n(results: {out})")
    if args.docs is not None:
        write_docs(md, args.docs or f"{args.replicas}-replica")
    return 0 if res["errors"] == 0 else 1
