"""A server of this module's own in a real browser (issue 12, section 2): Streamlit's uploader
shows Norwegian words on the Norwegian importer page, and no write-ahead log (<file>.wal) is
left beside the database when the server stops (it was: the server held the file open for
writing; since readers open the published file read-only, etikkmonitor/db.py, none is made).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from dashboard_dbs import ROOT
from test_browser import (  # noqa: F401  (fixtures: chromium as Debian has it)
    CHROMIUM,
    browser_context_args,
    browser_type_launch_args,
    settle,
    start_dashboard,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def served(handmade_db, tmp_path_factory):
    """(base URL, database file, process) of a server on a copy of the hand-made fixture."""
    folder = tmp_path_factory.mktemp("newcomer")
    served = folder / "served.duckdb"
    shutil.copy(handmade_db, served)
    proc, base, log = start_dashboard(served, folder / "streamlit.log")
    yield base, served, proc
    if proc.poll() is None:
        proc.kill()
    log.close()


def test_uploader_words_are_norwegian(page, served):
    base, _, _ = served
    page.goto(f"{base}/importer")
    page.get_by_role("heading", name="Importer data", level=1).wait_for(timeout=60_000)
    settle(page)
    zone = page.locator('[data-testid="stFileUploaderDropzone"]')
    # Streamlit's own words are there but drawn at size 0; ours are drawn in their place
    looks = zone.evaluate(
        """z => {
            const label = z.querySelector('[data-testid="stBaseButton-secondary"] p');
            const limit = z.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span');
            return [label.innerText, getComputedStyle(label).fontSize,
                    getComputedStyle(label, '::after').content,
                    limit.innerText, getComputedStyle(limit).fontSize,
                    getComputedStyle(limit, '::after').content];
        }"""
    )
    assert looks == [
        "Upload",
        "0px",
        '"Last opp"',
        "50MB per file • CSV, XLSX, XLSM, TXT, TSV, XML, ZIP",
        "0px",
        '"Høyst 50 MB per fil • CSV, XLSX, XLSM, TXT, TSV, XML, ZIP"',
    ]
    shots = ROOT / "test-artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    zone.screenshot(path=str(shots / "importer-opplasting.png"))


def test_no_wal_is_left_when_the_server_stops(page, served):
    # last in this module: it stops the server
    base, path, proc = served
    page.goto(f"{base}/?as_of=2024-06-30")
    page.get_by_role("heading", name="Oversikt", level=1).wait_for(timeout=60_000)
    settle(page)
    proc.terminate()  # SIGTERM, as a service manager stops it (Ctrl-C is SIGINT: the same path)
    proc.wait(timeout=30)
    assert path.exists()
    assert sorted(path.parent.rglob("*.wal")) == []
