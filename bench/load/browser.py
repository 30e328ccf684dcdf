"""A load-test user in a real headless chromium (async playwright): one journey's links and
pages, timed until the page has settled."""

from __future__ import annotations

import asyncio
import random
import time

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.load.protocol import EARLY, IMPORT_CAPTION
from bench.load.report import Recorder, Run
from bench.load.users import PAGES, Action

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


SETTLE_JS = """() => document.querySelectorAll(
  '[data-testid="stStatusWidget"], [data-testid="stSkeleton"]').length"""


async def browser_session(
    i: int, role: str, steps: list[Action], base: str, rec: Recorder, args, stop, browser
) -> None:
    """A user in headless chromium: links are opened with goto, pages switched in the menu,
    widgets left alone (the protocol users cover them). Settled: no running indicator and no
    placeholder for a second; the run is read off the websocket frames the page receives."""
    rng = random.Random(args.seed * 1000 + i)
    ctx = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="nb-NO")
    page = await ctx.new_page()
    frames: list[tuple[float, str, int]] = []

    def on_ws(ws):
        def got(payload):
            if isinstance(payload, (bytes, bytearray)):
                fm = ForwardMsg()
                try:
                    fm.ParseFromString(bytes(payload))
                except Exception:  # noqa: BLE001 - a frame that is not a ForwardMsg: not ours
                    return
                typ = fm.WhichOneof("type")
                if typ in ("new_session", "script_finished"):
                    frames.append((time.perf_counter(), typ, fm.script_finished))

        ws.on("framereceived", got)

    page.on("websocket", on_ws)
    errors_js: list[str] = []
    page.on("pageerror", lambda e: errors_js.append(str(e)[:200]))
    await asyncio.sleep(rng.uniform(0, args.think[1]))
    try:
        for step in [s for s in steps if s.kind in ("open", "page")]:
            if stop.is_set():
                break
            run = Run(i, "browser", role, step.kind, sent_at=time.perf_counter() - rec.t0)
            t0 = time.perf_counter()
            del frames[:]
            try:
                if step.kind == "open":
                    url = f"{base.rstrip('/')}/{step.path}" + (
                        f"?{step.query}" if step.query else ""
                    )
                    await page.goto(url, timeout=args.timeout * 1000)
                else:
                    link = page.locator(
                        f'[data-testid="stSidebarNav"] a[href$="/{step.path}"]'
                        if step.path
                        else '[data-testid="stSidebarNav"] a >> nth=0'
                    )
                    await link.first.click(timeout=args.timeout * 1000)
                quiet = None
                deadline = t0 + args.timeout
                while True:
                    now = time.perf_counter()
                    busy = await page.evaluate(SETTLE_JS)
                    finished = any(
                        typ == "script_finished" and s not in EARLY for _, typ, s in frames
                    )
                    if busy or not finished:
                        quiet = None
                    elif quiet is None:
                        quiet = now
                    elif now - quiet >= 1.0:
                        break
                    if now > deadline:
                        run.errors.append("time-out")
                        break
                    await asyncio.sleep(0.1)
                if quiet is not None:
                    run.settled_s = quiet - t0
                starts = [t for t, typ, _ in frames if typ == "new_session"]
                ends = [t for t, typ, s in frames if typ == "script_finished" and s not in EARLY]
                if starts and ends:
                    run.run_s = ends[-1] - starts[-1]
                if await page.locator('[data-testid="stException"]').count():
                    run.errors.append("exception on the page")
                path = page.url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
                run.page = PAGES.get(path, "oversikt" if ":" in path or not path else path)
                cap = await page.locator('[data-testid="stSidebar"]').inner_text(timeout=5000)
                m = IMPORT_CAPTION.search(cap)
                run.import_id = int(m.group(1)) if m else None
            except Exception as e:  # noqa: BLE001 - a browser error is a failed run, not a crash
                run.errors.append(f"browser: {type(e).__name__}: {str(e)[:200]}")
            run.errors += errors_js
            del errors_js[:]
            rec.add(run)
            await asyncio.sleep(rng.uniform(*args.think))
    finally:
        await ctx.close()
