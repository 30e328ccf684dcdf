"""The dashboard server's memory while people open many distinct views (issue 14, item 9).

Starts `streamlit run app.py` on a database, opens N links with random dates (and a random page)
in headless chromium, one after the other, each a new session as a shared link would be, and
records the server's resident memory (VmRSS) as it goes. Prints one JSON object.

    .venv/bin/python -m bench.memory --db FILE [--links 500] [--app DIR] [--seed 14]

--app runs another checkout's app.py (e.g. the code before a change) on the same database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from bench.browser import settle
from deploy.replicas import free_port, start_app, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
PAGES = ["", "oslomodellen", "sosial-dialog", "frister-og-avvik", "oppfolging", "datakvalitet"]
FIRST, LAST = date(2015, 1, 1), date(2026, 12, 31)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def links(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    days = (LAST - FIRST).days
    out = []
    for _ in range(n):
        d = FIRST + timedelta(days=rng.randrange(days + 1))
        out.append(f"{rng.choice(PAGES)}?as_of={d.isoformat()}")
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--links", type=int, default=500)
    p.add_argument("--app", type=Path, default=ROOT)
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--every", type=int, default=50, help="record RSS every N links")
    p.add_argument("--idle", type=float, default=0, help="then wait S seconds and record again")
    args = p.parse_args()

    from playwright.sync_api import Error as BrowserError
    from playwright.sync_api import sync_playwright

    port = free_port()
    env = {**os.environ, "ETIKKMONITOR_DB": str(args.db.resolve())}
    server = start_app(port, env, subprocess.DEVNULL, cwd=args.app)
    base = f"http://127.0.0.1:{port}"
    samples, failed = [], 0
    try:
        wait_healthy(base, [server])
        samples.append({"links": 0, "rss_mb": round(rss_mb(server.pid), 1)})
        started = time.monotonic()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            for i, link in enumerate(links(args.links, args.seed), start=1):
                try:
                    page.goto(f"{base}/{link}", timeout=120_000)
                    page.locator("h1").first.wait_for(timeout=120_000)
                    if not settle(page, quiet_ms=500, timeout_s=120, poll_ms=100):
                        failed += 1
                except BrowserError:  # a slow page under load: counted, the run goes on
                    failed += 1
                if i % args.every == 0 or i == args.links:
                    samples.append({"links": i, "rss_mb": round(rss_mb(server.pid), 1)})
                    print(json.dumps(samples[-1]), file=sys.stderr, flush=True)
            page.goto("about:blank")
            browser.close()
        seconds = time.monotonic() - started
        if args.idle:
            time.sleep(args.idle)
            samples.append({"links": args.links, "idle_s": args.idle, "rss_mb": rss_mb(server.pid)})
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        json.dumps(
            {
                "db": str(args.db),
                "app": str(args.app),
                "links": args.links,
                "failed": failed,
                "seconds": round(seconds, 1),
                "samples": samples,
            }
        )
    )


if __name__ == "__main__":
    main()
