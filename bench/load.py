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
import itertools
import json
import os
import random
import re
import shlex
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from deploy.replicas import free_port, streamlit_flags
from deploy.replicas import start as replicas_start

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "load"
DOCS = ROOT / "docs" / "performance.md"
# performance.md: bench.run writes the file anew but keeps the section between these two as
# it is (results and the words about them); each run's summary is a named block in it.
SECTION, SECTION_END = "<!-- bench.load -->", "<!-- /bench.load -->"
BEGIN, END = "<!-- bench.load: begin", "<!-- bench.load: end"  # + " NAME -->"
TARGET_P95_S = 3.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FINISHED = ForwardMsg.ScriptFinishedStatus
# A run that ends early for a rerun (st.switch_page) is followed by the page's own run.
EARLY = {FINISHED.FINISHED_EARLY_FOR_RERUN}
# The sidebar caption "Data fra import nr. 3" / "Data from import no. 3" (texts/dashboard.py)
IMPORT_CAPTION = re.compile(r"(?:Data fra import nr\.|Data from import no\.)\s*(\d+)")
REPLICA_COOKIE = "EMREPLICA"  # deploy/haproxy.cfg
PAGES = {
    "": "oversikt",
    "oslomodellen": "oslomodellen",
    "sosial-dialog": "sosial_dialog",
    "frister-og-avvik": "frister",
    "oppfolging": "oppfolging",
    "kontrakt": "kontrakt",
    "datakvalitet": "datakvalitet",
    "importer": "importer",
}


# ---------------------------------------------------------------------------------------------
# What users do
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """One thing a user does, which makes the server run a page.

    kind: "open" (a link in a new tab: a new session with `path` and `query`), "page" (the
    sidebar's menu: switch to `path`), "widget" (set the widget whose key ends in `key` to
    `value`: option index for a segmented control, a list of option texts for a multiselect,
    an ISO date for a date input, a bool for a toggle).
    """

    kind: str
    path: str = ""
    query: str = ""
    key: str = ""
    value: object = None


@dataclass
class Catalogue:
    """Values of the dataset the users choose from (read before the server opens it)."""

    agencies: list[str]  # largest first
    categories: list[str]
    contracts: dict[str, list[str]]  # agency -> contract ids, in id order
    quarter_ends: list[date]  # newest first, before today

    @classmethod
    def read(cls, export: Path) -> Catalogue:
        """From the export's contracts.csv: the server holds its database."""
        con = duckdb.connect()
        try:
            con.execute(
                "CREATE TABLE contracts AS SELECT * FROM read_csv($p, delim=';', header=true, "
                "all_varchar=true)",
                {"p": str(export / "contracts.csv")},
            )
            agencies = [
                r[0]
                for r in con.execute(
                    "SELECT agency FROM contracts GROUP BY agency ORDER BY count(*) DESC, agency"
                ).fetchall()
            ]
            categories = [
                r[0]
                for r in con.execute(
                    "SELECT DISTINCT category FROM contracts WHERE category IS NOT NULL ORDER BY 1"
                ).fetchall()
            ]
            contracts: dict[str, list[str]] = {}
            for agency, cid in con.execute(
                "SELECT agency, contract_id FROM contracts ORDER BY 2"
            ).fetchall():
                contracts.setdefault(agency, []).append(cid)
        finally:
            con.close()
        today = date.today()
        ends = []
        y, q = today.year, (today.month - 1) // 3  # quarters ended this year
        for _ in range(20):
            if q == 0:
                y, q = y - 1, 4
            month = q * 3
            ends.append(date(y, month, 30 if month in (6, 9) else 31))
            q -= 1
        return cls(agencies, categories, contracts, ends)


COMMON_AGENCIES = 5  # the largest agencies: the views many users share


def journey(role: str, rng: random.Random, cat: Catalogue, runs: int) -> list[Action]:
    """`runs` actions of one user of kind `role` (leader, analyst, politician)."""
    common = cat.agencies[:COMMON_AGENCIES]
    agency = rng.choice(common)
    last_q = cat.quarter_ends[0].isoformat()
    q = urlencode_pairs
    if role == "leader":
        own = cat.contracts.get(agency) or [c for cs in cat.contracts.values() for c in cs]
        # the contracts a leader looks at: their first few (shared), now and then another
        cid = own[rng.randrange(min(3, len(own)))] if rng.random() < 0.7 else rng.choice(own)
        steps = [
            Action("open", "", q(agency=agency)),
            Action("page", "frister-og-avvik"),
            Action("widget", key="url_within", value=1 if rng.random() < 0.8 else 2),
            Action("page", "oppfolging"),
            Action("open", "kontrakt", q(agency=agency, contract=cid)),
            Action("page", "sosial-dialog"),
            Action("widget", key="url_central", value=True),
            Action("page", "oslomodellen"),
            Action("widget", key="flt_as_of", value=last_q),
            Action("page", ""),
        ]
    elif role == "analyst":
        if rng.random() >= 0.5:
            agency = rng.choice(cat.agencies)
        extra = {"category": rng.choice(cat.categories)} if rng.random() < 0.3 else {}
        other = rng.choice(cat.agencies)
        any_contract = rng.choice(rng.choice(list(cat.contracts.values())))
        steps = [
            Action("open", "oslomodellen", q(agency=agency, **extra)),
            Action("widget", key="url_measure", value=1),
            Action("widget", key="flt_agencies", value=sorted({agency, other})),
            Action("page", "sosial-dialog"),
            Action("page", "frister-og-avvik"),
            Action("widget", key="flt_as_of", value=rng.choice(cat.quarter_ends[:8]).isoformat()),
            Action("page", "datakvalitet"),
            Action("open", "kontrakt", q(contract=any_contract)),
            Action("page", ""),
            Action("widget", key="lang", value=1 if rng.random() < 0.3 else 0),
        ]
    else:  # politicians' advisers
        steps = [
            Action("open", "", q(as_of=last_q)),
            Action("page", "oslomodellen"),
            Action("page", "sosial-dialog"),
            Action("widget", key="flt_agencies", value=[agency]),
            Action("page", ""),
            Action("page", "frister-og-avvik"),
        ]
    # Longer journeys go round again, as a user comes back to the pages they follow.
    return [steps[i % len(steps)] for i in range(runs)]


def urlencode_pairs(**values) -> str:
    from urllib.parse import urlencode

    return urlencode([(k, v) for k, v in values.items() if v is not None])


def roles(n: int) -> list[str]:
    """Leaders, analysts and advisers in the ratio 2:2:1, spread evenly over the sessions."""
    cycle = ["leader", "analyst", "politician", "leader", "analyst"]
    return [cycle[i % len(cycle)] for i in range(n)]


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass
class Run:
    """One action and the page run it caused."""

    session: int
    client: str  # "ws" or "browser"
    role: str
    action: str
    page: str = ""
    sent_at: float = 0.0  # seconds since the load test began
    run_s: float | None = None
    settled_s: float | None = None
    bytes: int = 0
    import_id: int | None = None
    query: str = ""  # the address's query string after the run
    replica: str = ""  # behind HAProxy: the replica that served it (its sticky cookie)
    errors: list[str] = field(default_factory=list)


class Recorder:
    def __init__(self, t0: float, planned: int):
        self.t0 = t0
        self.planned = planned
        self.runs: list[Run] = []
        self.half = asyncio.Event()

    def add(self, run: Run) -> None:
        self.runs.append(run)
        if len(self.runs) * 2 >= self.planned:
            self.half.set()


# ---------------------------------------------------------------------------------------------
# A user over the websocket protocol
# ---------------------------------------------------------------------------------------------


class Closed(Exception):
    pass


class WsUser:
    """One browser tab's worth of Streamlit client: a websocket, the query string, the page,
    the widget states it set and the messages it has cached (as the frontend keeps them)."""

    def __init__(self, base: str, timeout: float):
        self.ws_url = base.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
        self.timeout = timeout
        self.ws = None
        self.query = ""
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.by_hash: dict[str, str] = {}
        self.widgets: dict[str, tuple[str, object, bool]] = {}  # key -> (id, element, sidebar)
        # The value of every widget on the page, as the frontend's widget manager holds them:
        # taken from the element when it first arrives (or the server sets it), then from the
        # user; every rerun sends them all, a page change those of the sidebar.
        self.states: dict[str, WidgetState] = {}
        self.cached: set[str] = set()
        # Cookies the server (HAProxy's sticky-session cookie) set, sent again on every new
        # connection as a browser would: this user's tabs stay on one replica.
        self.cookies: dict[str, str] = {}

    async def open(self, path: str, query: str) -> Run:
        await self.close()
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=self.timeout,
            additional_headers=headers if self.cookies else None,
        )
        for cookie in self.ws.response.headers.get_all("Set-Cookie"):
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0].strip()
        self.query, self.page_hash, self.states, self.cached = query, "", {}, set()
        return await self._rerun(page_name=path)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def switch(self, path: str) -> Run:
        target = self.pages.get(path)
        if target is None:
            return Run(0, "ws", "", "page", errors=[f"no page {path!r} in the menu"])
        self.query = ""  # the frontend clears the query string on a page change
        sidebar = {w[0] for w in self.widgets.values() if w[2]}
        self.states = {k: s for k, s in self.states.items() if k in sidebar}
        return await self._rerun(page_hash=target)

    async def widget(self, key: str, value) -> Run:
        found = next((w for k, w in self.widgets.items() if k.endswith(key)), None)
        if found is None:
            return Run(0, "ws", "", "widget", errors=[f"no widget {key!r} on the page"])
        wid, el, _ = found
        state = WidgetState(id=wid)
        kind = type(el).__name__
        if kind == "ButtonGroup":
            state.string_array_value.data.append(el.options[value % len(el.options)].content)
        elif kind == "MultiSelect":
            state.string_array_value.data.extend(x for x in value if x in el.options)
        elif kind == "DateInput":
            state.string_array_value.data.append(value)
        elif kind == "Checkbox":
            state.bool_value = bool(value)
        else:
            return Run(0, "ws", "", "widget", errors=[f"widget {key!r} is a {kind}"])
        self.states[wid] = state
        return await self._rerun(page_hash=self.page_hash)

    async def _rerun(self, page_hash: str = "", page_name: str = "") -> Run:
        msg = BackMsg()
        rs = msg.rerun_script
        rs.query_string = self.query
        rs.page_script_hash = page_hash
        rs.page_name = page_name
        rs.widget_states.widgets.extend(self.states.values())
        rs.cached_message_hashes.extend(sorted(self.cached))
        rs.context_info.timezone = "Europe/Oslo"
        rs.context_info.locale = "nb-NO"
        run = Run(0, "ws", "", "")
        t0 = time.perf_counter()
        run_start = None
        try:
            await self.ws.send(msg.SerializeToString())
            deadline = t0 + self.timeout
            widgets: dict[str, tuple[str, object, bool]] = {}
            while True:
                left = deadline - time.perf_counter()
                if left <= 0:
                    run.errors.append("time-out")
                    break
                data = await asyncio.wait_for(self.ws.recv(), left)
                run.bytes += len(data)
                fm = ForwardMsg()
                fm.ParseFromString(data)
                typ = fm.WhichOneof("type")
                if fm.metadata.cacheable and fm.hash:
                    self.cached.add(fm.hash)
                if typ == "new_session":
                    run_start = time.perf_counter()
                    widgets = {}
                    self.page_hash = fm.new_session.page_script_hash
                elif typ == "navigation":
                    self.pages = {
                        p.url_pathname: p.page_script_hash for p in fm.navigation.app_pages
                    }
                    self.by_hash = {h: p for p, h in self.pages.items()}
                    self.page_hash = fm.navigation.page_script_hash or self.page_hash
                elif typ == "page_info_changed":
                    self.query = fm.page_info_changed.query_string
                elif typ == "page_not_found":
                    run.errors.append(f"page not found: {fm.page_not_found.page_name}")
                elif typ == "delta" and fm.delta.WhichOneof("type") == "new_element":
                    self._element(fm, run, widgets)
                elif typ == "script_finished":
                    if fm.script_finished in EARLY:
                        continue
                    end = time.perf_counter()
                    active = {w[0] for w in widgets.values()}
                    self.states = {k: s for k, s in self.states.items() if k in active}
                    run.settled_s = end - t0
                    run.run_s = end - (run_start or t0)
                    if fm.script_finished == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                        run.errors.append("compile error")
                    break
            self.widgets = widgets or self.widgets
        except TimeoutError:
            run.errors.append("time-out")
        except websockets.ConnectionClosed as e:
            run.errors.append(f"disconnected: {e}")
            self.ws = None
        run.page = PAGES.get(self.by_hash.get(self.page_hash, "?"), "?")
        run.query = self.query
        run.replica = self.cookies.get(REPLICA_COOKIE, "")
        return run

    def _element(self, fm: ForwardMsg, run: Run, widgets: dict) -> None:
        el = fm.delta.new_element
        typ = el.WhichOneof("type")
        if typ == "exception":
            run.errors.append(f"exception: {el.exception.type}: {el.exception.message[:200]}")
        elif typ == "alert" and el.alert.format == el.alert.ERROR:
            run.errors.append(f"error box: {el.alert.body[:200]}")
        elif typ == "markdown":
            m = IMPORT_CAPTION.search(el.markdown.body)
            if m:
                run.import_id = int(m.group(1))
        inner = getattr(el, typ) if typ else None
        wid = getattr(inner, "id", "") if inner is not None else ""
        if wid:
            # ids end in the widget's key: "$$ID-<hash>-flt_agencies"
            widgets[wid.rsplit("-", 1)[-1]] = (wid, inner, fm.metadata.delta_path[0] == 1)
            if wid not in self.states or getattr(inner, "set_value", False):
                state = initial_state(wid, inner)
                if state is not None:
                    self.states[wid] = state


def initial_state(wid: str, el) -> WidgetState | None:
    """A value widget's state as the frontend first sets it: the value the server set, else
    the default (trigger widgets such as buttons have none)."""
    kind = type(el).__name__
    state = WidgetState(id=wid)
    if kind == "MultiSelect":
        values = el.raw_values if el.set_value else [el.options[i] for i in el.default]
        state.string_array_value.data.extend(values)
    elif kind == "ButtonGroup":
        values = el.raw_values if el.set_value else [el.options[i].content for i in el.default]
        state.string_array_value.data.extend(values)
    elif kind == "DateInput":
        state.string_array_value.data.extend(el.value if el.set_value else el.default)
    elif kind == "Checkbox":
        state.bool_value = el.value if el.set_value else el.default
    elif kind == "Selectbox":
        if el.set_value:
            state.string_value = el.raw_value
        elif el.HasField("default") and el.default < len(el.options):
            state.string_value = el.options[el.default]
        else:
            return None
    else:
        return None
    return state


async def ws_session(
    i: int, role: str, steps: list[Action], base: str, rec: Recorder, args, stop: asyncio.Event
) -> None:
    rng = random.Random(args.seed * 1000 + i)
    user = WsUser(base, args.timeout)
    await asyncio.sleep(rng.uniform(0, args.think[1]))  # users do not all arrive at once
    try:
        for step in steps:
            if stop.is_set():
                break
            sent = time.perf_counter() - rec.t0
            if step.kind == "open" or user.ws is None:
                path, query = (step.path, step.query) if step.kind == "open" else ("", "")
                try:
                    run = await user.open(path, query)
                except (TimeoutError, OSError, websockets.WebSocketException) as e:
                    run = Run(0, "ws", role, "open", errors=[f"connect: {e!r}"])
            elif step.kind == "page":
                run = await user.switch(step.path)
            else:
                run = await user.widget(step.key, step.value)
            run.session, run.role, run.sent_at = i, role, sent
            run.action = step.kind if step.kind != "widget" else f"widget:{step.key}"
            rec.add(run)
            await asyncio.sleep(rng.uniform(*args.think))
    finally:
        await user.close()


# ---------------------------------------------------------------------------------------------
# A user in a real browser
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# The server: started here (one replica or several behind HAProxy), watched over /proc
# ---------------------------------------------------------------------------------------------


def wait_healthy(url: str, proc: subprocess.Popen | None, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            pass
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy")


def start_servers(db_path: Path, replicas: int, log_dir: Path) -> tuple[str, list, list[int]]:
    """(base URL, what to stop, pids of the app processes): one `streamlit run app.py`, or
    `replicas` of them behind HAProxy (deploy/replicas.py)."""
    if replicas <= 1:
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", *streamlit_flags(port)],
            cwd=ROOT,
            env={**os.environ, "ETIKKMONITOR_DB": str(db_path)},
            stdout=(log_dir / "streamlit.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc)
        return url, [proc], [proc.pid]
    cluster = replicas_start(db_path, replicas=replicas, log_dir=log_dir)
    return cluster.url, [cluster], cluster.app_pids


def stop_servers(procs: list) -> None:
    for p in procs:
        if isinstance(p, subprocess.Popen):
            p.terminate()
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
        else:
            p.stop()


TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / TICK  # utime, stime


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def sample(pids: list[int], out: list, stop: asyncio.Event, every: float = 0.5) -> None:
    """(seconds, CPU seconds per pid, RSS MB per pid) every `every` seconds until stopped."""
    t0 = time.perf_counter()
    while True:
        try:
            out.append(
                (
                    time.perf_counter() - t0,
                    [cpu_seconds(p) for p in pids],
                    [rss_mb(p) for p in pids],
                )
            )
        except OSError:
            pass
        if stop.is_set():
            return
        try:
            await asyncio.wait_for(stop.wait(), every)
        except TimeoutError:
            pass


# ---------------------------------------------------------------------------------------------
# Data and the import mid-run
# ---------------------------------------------------------------------------------------------


def exports(scale: int) -> tuple[Path, Path]:
    """The demo export the run starts from and the one imported mid-run (another seed)."""
    from etikkmonitor import demo

    first = OUT / "data" / f"scale-{scale}"
    second = OUT / "data" / f"scale-{scale}-seed-2"
    for folder, seed in ((first, 2020), (second, 2)):
        if not (folder / "contracts.csv").exists():
            demo.generate(folder, scale=scale, seed=seed)
    return first, second


def build_db(export: Path, path: Path) -> Path:
    from etikkmonitor import db
    from etikkmonitor.importer import publish, validate

    v = validate([export])
    store = db.Store(path)
    try:
        publish(v, store, user="bench.load", note=f"bench.load: {export.name}")
    finally:
        store.close()
        v.close()
    return path


async def import_midway(rec: Recorder, cmd: list[str], result: dict, stop: asyncio.Event):
    done = asyncio.create_task(rec.half.wait())
    halt = asyncio.create_task(stop.wait())
    await asyncio.wait([done, halt], return_when=asyncio.FIRST_COMPLETED)
    halt.cancel()
    if not rec.half.is_set():
        return
    result["at_s"] = time.perf_counter() - rec.t0
    t = time.perf_counter()
    proc = await asyncio.to_thread(subprocess.run, cmd, cwd=ROOT, capture_output=True, text=True)
    result["seconds"] = time.perf_counter() - t
    result["exit"] = proc.returncode
    result["output"] = (proc.stdout + proc.stderr)[-600:]


# ---------------------------------------------------------------------------------------------
# The run and its report
# ---------------------------------------------------------------------------------------------


def pct(values: list[float], p: float) -> float | None:
    """The p-th percentile, nearest rank (an observed value, never interpolated)."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[k]


def summarise(runs: list[Run], samples: list, wall: float, args, imp: dict) -> dict:
    by_page: dict[str, dict] = {}
    for client in ("ws", "browser"):
        for page in sorted({r.page for r in runs if r.client == client}):
            rs = [r for r in runs if r.client == client and r.page == page]
            ok = [r for r in rs if r.run_s is not None]
            by_page[f"{client}:{page}"] = {
                "runs": len(rs),
                "errors": sum(1 for r in rs if r.errors),
                **{
                    f"{m}_{name}": pct([getattr(r, m) for r in ok if getattr(r, m) is not None], p)
                    for m in ("run_s", "settled_s")
                    for name, p in (("p50", 50), ("p95", 95), ("max", 100))
                },
                "kb_p50": (pct([r.bytes for r in rs], 50) or 0) / 1024,
            }
    ws_runs = [r.run_s for r in runs if r.client == "ws" and r.run_s is not None]
    settled = [r.settled_s for r in runs if r.client == "ws" and r.settled_s is not None]
    b_settled = [r.settled_s for r in runs if r.client == "browser" and r.settled_s is not None]
    cpu0, cpu1 = samples[0][1], samples[-1][1]
    span = samples[-1][0] - samples[0][0]
    cores = sum(cpu1) - sum(cpu0)
    per_sample = [
        (sum(b[1]) - sum(a[1])) / (b[0] - a[0])
        for a, b in itertools.pairwise(samples)
        if b[0] > a[0]
    ]
    rss = [sum(s[2]) for s in samples]
    sessions = args.sessions + args.browsers
    used = cores / span if span else 0.0
    after = [
        r
        for r in runs
        if imp.get("at_s") is not None and r.sent_at > imp["at_s"] + imp.get("seconds", 0)
    ]
    errors = [f"{r.client} {r.session} {r.page} {r.action}: {e}" for r in runs for e in r.errors]
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.load " + " ".join(shlex.quote(a) for a in args.argv),
        "sessions": args.sessions,
        "browsers": args.browsers,
        "replicas": args.replicas,
        "scale": args.scale,
        "think_s": list(args.think),
        "planned_runs": args.planned,
        "runs": len(runs),
        "wall_s": wall,
        "run_p50_s": pct(ws_runs, 50),
        "run_p95_s": pct(ws_runs, 95),
        "run_max_s": pct(ws_runs, 100),
        "settled_p95_s": pct(settled, 95),
        "browser_settled_p50_s": pct(b_settled, 50),
        "browser_settled_p95_s": pct(b_settled, 95),
        "errors": len(errors),
        "error_list": errors[:50],
        "server_cpu_cores_mean": used,
        "server_cpu_cores_peak": max(per_sample, default=0.0),
        "server_rss_mb_start": rss[0],
        "server_rss_mb_peak": max(rss),
        "server_rss_mb_end": rss[-1],
        "runs_per_cpu_s": len(runs) / cores if cores else None,
        "sessions_per_busy_core": sessions / used if used else None,
        "sessions_per_machine_core": sessions / (os.cpu_count() or 1),
        "cpu_count": os.cpu_count(),
        "loadavg_before": args.loadavg_before,
        "loadavg_after": list(os.getloadavg()),
        "import": imp,
        "import_ids_after_publish": sorted({r.import_id for r in after if r.import_id}),
        "runs_per_replica": dict(Counter(r.replica for r in runs if r.replica)),
        "pages": by_page,
        "each_run": [asdict(r) for r in runs],
    }


def _s(x) -> str:
    return "–" if x is None else f"{x:.2f} s"


def markdown(res: dict) -> str:
    imp = res["import"]
    met = (res["run_p95_s"] or 1e9) < TARGET_P95_S and res["errors"] == 0
    lines = [
        f"Run {res['when']}: `{res['command']}` — {res['sessions']} protocol sessions"
        + (f" + {res['browsers']} browsers" if res["browsers"] else "")
        + f", {res['replicas']} replica(s), scale {res['scale']}, think time "
        f"{res['think_s'][0]:g}–{res['think_s'][1]:g} s, {res['runs']} of "
        f"{res['planned_runs']} planned page runs in {res['wall_s']:.0f} s; load average "
        f"before {res['loadavg_before'][0]:.2f} (1 min), after {res['loadavg_after'][0]:.2f}.",
        "",
        f"- script run (protocol sessions): p50 {_s(res['run_p50_s'])}, **p95 "
        f"{_s(res['run_p95_s'])}**, max {_s(res['run_max_s'])}; until settled p95 "
        f"{_s(res['settled_p95_s'])}"
        + (
            f"; browsers settled p50 {_s(res['browser_settled_p50_s'])}, p95 "
            f"{_s(res['browser_settled_p95_s'])}"
            if res["browsers"]
            else ""
        ),
        f"- errors: {res['errors']}"
        + ("" if not res["error_list"] else f" (first: {res['error_list'][0]})"),
        (
            f"- import published at {imp.get('at_s', 0):.0f} s: exit {imp.get('exit', '–')} in "
            f"{imp.get('seconds', 0):.1f} s; imports shown by runs after it: "
            f"{res['import_ids_after_publish'] or '–'}; a new session on each app process "
            f"afterwards: {sorted((imp.get('shown_after') or {}).values()) or '–'}"
        ),
        (
            f"- server CPU: {res['server_cpu_cores_mean']:.2f} cores on average, peak "
            f"{res['server_cpu_cores_peak']:.2f} (of {res['cpu_count']}); memory "
            f"{res['server_rss_mb_start']:.0f} → peak {res['server_rss_mb_peak']:.0f} → end "
            f"{res['server_rss_mb_end']:.0f} MB"
        ),
        (
            f"- sessions per core: {res['sessions_per_machine_core']:.1f} per core of the machine, "
            f"{res['sessions_per_busy_core'] or 0:.1f} per core the server kept busy; "
            f"{res['runs_per_cpu_s'] or 0:.2f} page runs per CPU second"
        ),
        *(
            [f"- page runs per replica (by its sticky cookie): {res['runs_per_replica']}"]
            if res.get("runs_per_replica")
            else []
        ),
        f"- target (p95 run < {TARGET_P95_S:g} s, no errors): "
        + ("**met**" if met else "**not met**"),
        "",
        "| page | runs | errors | run p50 / p95 / max | settled p50 / p95 / max | KB sent p50 |",
        "|---|---|---|---|---|---|",
    ]
    for name, p in res["pages"].items():
        lines.append(
            f"| {name} | {p['runs']} | {p['errors']} | {_s(p['run_s_p50'])} / "
            f"{_s(p['run_s_p95'])} / {_s(p['run_s_max'])} | {_s(p['settled_s_p50'])} / "
            f"{_s(p['settled_s_p95'])} / {_s(p['settled_s_max'])} | {p['kb_p50']:.0f} |"
        )
    return "\n".join(lines)


def kept(text: str) -> str | None:
    """The bench.load section of performance.md, which bench.run keeps when it writes the file."""
    if SECTION not in text or SECTION_END not in text:
        return None
    return text[text.index(SECTION) : text.index(SECTION_END) + len(SECTION_END)]


def write_docs(block: str, name: str, path: Path = DOCS) -> None:
    """Put `block` between the markers named `name` in performance.md's bench.load section (a
    new name goes at the section's end; a missing section is added at the file's end)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    begin, end = f"{BEGIN} {name} -->", f"{END} {name} -->"
    new = f"{begin}\n{block}\n{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + new + rest.split(end, 1)[1]
    elif SECTION_END in text:
        head, rest = text.split(SECTION_END, 1)
        text = f"{head.rstrip()}\n\n{new}\n{SECTION_END}{rest}"
    else:
        text = (
            f"{text.rstrip()}\n\n{SECTION}\n## Many users at once (`python -m bench.load`)\n\n"
            f"{new}\n{SECTION_END}\n"
        )
    path.write_text(text, encoding="utf-8")


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
        kinds = roles(args.sessions + args.browsers)
        plans = [
            journey(kinds[i], random.Random(args.seed * 7919 + i), cat, args.runs)
            for i in range(args.sessions + args.browsers)
        ]
        t0 = time.perf_counter()
        # browsers leave widgets to the protocol users: they make only their links and pages
        args.planned = sum(
            len(p) if i < args.sessions else sum(s.kind in ("open", "page") for s in p)
            for i, p in enumerate(plans)
        )
        rec = Recorder(t0, args.planned)
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


def parse(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
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


if __name__ == "__main__":
    sys.exit(main())
