"""A fresh server's first direct link, in a real browser (a server of this module's own, so the
link below is the first request it serves).

Before its first run of app.py Streamlit knows the pages only by their file names and runs
pages/frister.py on its own; the page hands over to app.py's navigation (ui.view), which must
show that page under its own address (/frister-og-avvik), so that a copied link or a reload
opens the same page again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_browser import (  # noqa: F401  (fixtures: a server of this module's own)
    CHROMIUM,
    browser_context_args,
    browser_type_launch_args,
    figures,
    served_db,
    server,
    settle,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def test_first_direct_link_by_file_name_opens_its_page_under_its_address(page, server):  # noqa: F811
    page.goto(f"{server}/frister?as_of=2024-06-30")
    page.get_by_role("heading", name="Frister og avvik", level=1).wait_for(timeout=60_000)
    settle(page)
    page.wait_for_function("() => location.pathname.endsWith('/frister-og-avvik')", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "as_of=2024-06-30" in page.url  # the view survives the switch
    page.reload()
    page.get_by_role("heading", name="Frister og avvik", level=1).wait_for(timeout=60_000)
    settle(page)
    assert "as_of=2024-06-30" in page.url
