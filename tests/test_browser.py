"""The dashboard in a real browser: `streamlit run app.py` on the demo data, driven by Debian's
chromium through pytest-playwright (`playwright install` cannot download browsers here).

Every page opens, finishes running, shows no error, at least one chart and the headline numbers
that summary.key_figures gives for the same data; a filtered URL opens filtered; a CSV download
is Excel's Norwegian CSV; no request leaves the machine (the map's base map is served locally).
A full-page screenshot of each page is saved in test-artifacts/screenshots/ (printed below).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from dashboard_dbs import ROOT

from bench.browser import settle as browser_settle
from deploy.replicas import free_port, start_app, wait_healthy
from etikkmonitor import db, priority
from etikkmonitor.filters import Filters
from etikkmonitor.i18n import fmt_int, fmt_pct
from etikkmonitor.summary import key_figures

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "test-artifacts" / "screenshots"
LOCAL = ("http://localhost", "http://127.0.0.1", "data:", "blob:", "about:")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "viewport": {"width": 1400, "height": 900},
        "locale": "nb-NO",
        "accept_downloads": True,
    }


def start_dashboard(db_file: Path, log_path: Path, host: str = "localhost"):
    """`streamlit run app.py` over `db_file` on a free port, returned once /_stcore/health
    answers ok: (process, base URL, open log). The caller stops the process and closes the log."""
    port = free_port()
    log = log_path.open("w")
    proc = start_app(port, {**os.environ, "ETIKKMONITOR_DB": str(db_file)}, log)
    base = f"http://{host}:{port}"
    try:
        wait_healthy(base, [proc], seconds=90)
    except RuntimeError:
        proc.kill()
        pytest.fail(f"streamlit did not start; see {log.name}")
    return proc, base, log


def stop_dashboard(proc, log) -> None:
    """Stop what start_dashboard started: terminate, kill if it lingers, close the log."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def served_db(demo_db, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("browser") / "served.duckdb"
    shutil.copy(demo_db, copy)  # the server holds its file: give it its own copy
    return copy


@pytest.fixture(scope="module")
def figures(served_db):
    """key_figures for today (the app's default date), without and with an agency filter."""
    store = db.Store(served_db, read_only=True)
    try:
        agency = (
            store.cursor()
            .execute("SELECT agency FROM contracts GROUP BY agency ORDER BY count(*) DESC LIMIT 1")
            .fetchall()[0][0]
        )
        contract = (
            store.cursor()
            .execute(
                "SELECT contract_id FROM factories GROUP BY contract_id ORDER BY count(*) DESC, "
                "contract_id LIMIT 1"
            )
            .fetchall()[0][0]
        )
        out = {
            "contract": contract,
            "all": key_figures(store, date.today()),
            "agency": agency,
            "filtered": key_figures(store, date.today(), Filters(agencies=(agency,))),
            "top": priority.priorities(store, date.today(), top=1)[0],
        }
    finally:
        store.close()
    return out


@pytest.fixture(scope="module")
def server(served_db, figures, tmp_path_factory):
    proc, base, log = start_dashboard(served_db, tmp_path_factory.mktemp("log") / "streamlit.log")
    SHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {SHOTS}")
    yield base
    stop_dashboard(proc, log)


@pytest.fixture
def outside(page):
    """Requests the page makes to anywhere but this machine."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if not r.url.startswith(LOCAL) else None)
    return seen


def settle(page, quiet_ms: int = 1500, timeout_s: float = 90) -> None:
    """Wait until the script has finished and its elements are drawn (bench/browser.py)."""
    if not browser_settle(page, quiet_ms, timeout_s, poll_ms=250):
        pytest.fail("the page did not finish running")


def open_page(page, url: str, heading: str) -> None:
    """Open `url` and wait until the script has finished and the page's heading is there."""
    page.goto(url)
    page.get_by_role("heading", name=heading, level=1).wait_for(timeout=60_000)
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0


def wait_for_charts(page) -> None:
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)  # plotly draws after the element appears


def screenshot(page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside its main block, so grow the window first."""
    height = page.evaluate(
        "() => (document.querySelector('[data-testid=\"stMain\"]') || document.body).scrollHeight"
    )
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 40, 16_000)})
    page.wait_for_timeout(1500)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 900})
    return path


def metric_values(page) -> list[str]:
    return [
        v.replace("\u00a0", " ")
        for v in page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    ]


def nb(text: str) -> str:
    return text.replace("\u00a0", " ")


PAGES = [
    ("oversikt", "/", "Oversikt"),
    ("oslomodellen", "/oslomodellen", "Oslomodellen"),
    ("sosial-dialog", "/sosial-dialog", "Sosial dialog"),
    ("frister-og-avvik", "/frister-og-avvik", "Frister og avvik"),
    ("oppfolging", "/oppfolging", "Oppfølging"),
    ("kontrakt", "/kontrakt", "Kontrakt"),
    ("datakvalitet", "/datakvalitet", "Datakvalitet"),
    ("importer", "/importer", "Importer data"),
]
# Pages that are lists and forms, with no chart
NO_CHART = {"oppfolging", "importer"}


def expected_numbers(name: str, f: dict) -> list[str]:
    """Headline numbers each page must show, from key_figures."""
    om, fac = f["oslo_model"], f["factories"]
    return {
        "oversikt": [
            fmt_pct(om["part1"]["coverage"]),
            fmt_pct(om["part2"]["coverage"]),
            fmt_int(f["deadlines"]["overdue"]),
            fmt_int(
                f["findings"]["open_by_severity"]["critical"]
                + f["findings"]["open_by_severity"]["major"]
            ),
        ],
        "oslomodellen": [fmt_pct(om["part1"]["coverage"]), fmt_pct(om["part2"]["coverage"])],
        "sosial-dialog": [fmt_int(fac["central"])],
        "frister-og-avvik": [fmt_int(f["deadlines"]["overdue"])],
        "oppfolging": [],
        "kontrakt": [],
        "datakvalitet": [],
        "importer": [],
    }[name]


@pytest.mark.parametrize("name, path, heading", PAGES, ids=[p[0] for p in PAGES])
def test_page_in_browser(page, server, figures, outside, name, path, heading):
    started = time.monotonic()
    open_page(page, server + path, heading)
    if name not in NO_CHART:
        wait_for_charts(page)
        assert page.locator(".js-plotly-plot").count() >= 1
    seconds = time.monotonic() - started
    values = metric_values(page)
    for number in expected_numbers(name, figures["all"]):
        assert nb(number) in values, (name, number, values)
    if name == "oppfolging":
        # the first of "this week's" five is the top of priorities() for the same data
        top = figures["top"]
        main = page.locator('[data-testid="stMain"]').inner_text()
        assert f"1. {top['contract_id']} {top['title']}" in main
    shot = screenshot(page, name)
    print(f"{name}: ready in {seconds:.1f} s, screenshot {shot}")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not outside, f"requests left the machine: {outside}"


def test_map_base_map_is_served_locally(page, server, outside):
    topojson = []
    page.on(
        "response",
        lambda r: topojson.append((r.url, r.status)) if r.url.endswith(".json") else None,
    )
    open_page(page, server + "/sosial-dialog", "Sosial dialog")
    wait_for_charts(page)
    page.locator(".js-plotly-plot .geo").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    assert (f"{server}/app/static/topojson/world_110m.json", 200) in topojson, topojson
    # the land was drawn from it
    assert page.locator(".js-plotly-plot .geo .layer.land path").count() >= 1
    assert not outside, f"requests left the machine: {outside}"


def test_filtered_url_opens_filtered(page, server, figures, outside):
    agency = figures["agency"]
    f = figures["filtered"]
    url = f"{server}/?as_of={date.today().isoformat()}&agency={urllib.parse.quote(agency)}"
    open_page(page, url, "Oversikt")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert agency in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert (
        f"virksomhet: {agency}"
        in page.locator(
            '[data-testid="stMain"] [data-testid="stCaptionContainer"]'
        ).first.inner_text()
    )
    values = metric_values(page)
    assert nb(fmt_pct(f["oslo_model"]["part2"]["coverage"])) in values
    assert nb(fmt_int(f["deadlines"]["overdue"])) in values
    # the filter holds on another page, and stays in the URL
    page.get_by_role("link", name="Frister og avvik").first.click()
    page.get_by_role("heading", name="Frister og avvik", level=1).wait_for(timeout=60_000)
    settle(page)
    # the URL keeps the filter (the sidebar writes it back after the page change)
    page.wait_for_function("() => location.search.includes('agency=')", timeout=30_000)
    assert nb(fmt_int(f["deadlines"]["overdue"])) in metric_values(page)
    wait_for_charts(page)
    screenshot(page, "frister-filtrert")
    assert not outside


def test_csv_download(page, server, outside):
    open_page(page, server + "/frister-og-avvik", "Frister og avvik")
    wait_for_charts(page)
    # the open tab ("Over frist"); the hidden tabs' panels are inert
    overdue_tab = page.locator('[data-testid="stTabs"]').first.locator(
        '[role="tabpanel"]:not([inert])'
    )
    button = overdue_tab.get_by_role("button", name="Last ned CSV")
    button.wait_for(timeout=30_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    header = data[3:].decode("utf-8").splitlines()[0]
    assert header.startswith("Slag;Status;Kontrakt;"), header
    assert info.value.suggested_filename == "frister_over_frist.csv"
    assert not outside


def test_contract_page_from_a_link(page, server, figures, outside):
    cid = figures["contract"]
    open_page(page, f"{server}/kontrakt?contract={urllib.parse.quote(cid)}", "Kontrakt")
    wait_for_charts(page)
    assert page.get_by_role("heading", level=2).first.inner_text().startswith(f"{cid} · ")
    # an unknown id falls back to a real contract, never an error
    open_page(page, f"{server}/kontrakt?contract=__none__", "Kontrakt")
    assert " · " in page.get_by_role("heading", level=2).first.inner_text()
    assert not outside
