"""A load-test user over Streamlit's own websocket (`/_stcore/stream`, the BackMsg and
ForwardMsg protobufs the browser speaks): the client, and a session that plays one journey."""

from __future__ import annotations

import asyncio
import random
import re
import time

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.load.report import Recorder, Run
from bench.load.users import PAGES, Action

FINISHED = ForwardMsg.ScriptFinishedStatus
# A run that ends early for a rerun (st.switch_page) is followed by the page's own run.
EARLY = {FINISHED.FINISHED_EARLY_FOR_RERUN}
# The sidebar caption "Data fra import nr. 3" / "Data from import no. 3" (texts/dashboard.py)
IMPORT_CAPTION = re.compile(r"(?:Data fra import nr\.|Data from import no\.)\s*(\d+)")
REPLICA_COOKIE = "EMREPLICA"  # deploy/haproxy.cfg


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
            page = PAGES.get(self.by_hash.get(self.page_hash, "?"), "?")
            return Run(0, "ws", "", "widget", page=page, skipped=f"no widget {key!r} on {page}")
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
