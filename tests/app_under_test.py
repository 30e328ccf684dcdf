"""The dashboard under Streamlit's AppTest on a given database: how the page tests open it."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from dashboard_dbs import ROOT
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "app.py")
FIRST_PAGE = "pages/oversikt.py"  # what app.py shows before any switch


def app_test(db_file: Path, monkeypatch, **params) -> AppTest:
    """app.py on `db_file` with URL parameters `params`, caches cleared; not run yet."""
    monkeypatch.setenv("ETIKKMONITOR_DB", str(db_file))
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def open_app(db_file: Path, monkeypatch, page: str | None = None, **params) -> AppTest:
    """Run app.py on `db_file` with URL parameters, then switch to `page` if given."""
    at = app_test(db_file, monkeypatch, **params)
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    if page and page != FIRST_PAGE:
        at.switch_page(page).run(timeout=60)
        assert not at.exception, [e.value for e in at.exception]
    return at


def open_importer(db_file: Path, monkeypatch) -> AppTest:
    """The importer page as a user reaches it: app.py first, then its menu entry."""
    at = app_test(db_file, monkeypatch)
    at.run()
    at.switch_page("pages/importer.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at
