"""When a page in a real (sync playwright) browser has finished: shared by bench/memory.py and
the browser tests (tests/test_browser.py), which must wait for a page the same way."""

from __future__ import annotations

import time

# Streamlit's "running" indicator and the placeholders of elements not drawn yet
RUNNING = '[data-testid="stStatusWidget"], [data-testid="stSkeleton"]'


def settle(page, quiet_ms: int, timeout_s: float, poll_ms: int) -> bool:
    """Whether the script finished within `timeout_s`: no running indicator and no loading
    placeholder for `quiet_ms` on end, looked at every `poll_ms`. The indicator shows only a
    moment after a run starts, so one look is not enough; and the run can be over while widgets
    whose code the browser is still fetching stand as placeholders (seen: for two seconds the
    sidebar's first four filters were skeletons, its fifth already drawn)."""
    deadline = time.monotonic() + timeout_s
    quiet_since = None
    while time.monotonic() < deadline:
        if page.locator(RUNNING).count():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
            return True
        page.wait_for_timeout(poll_ms)
    return False
