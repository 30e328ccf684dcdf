"""A run of the dashboard: `setup()` (page config, sidebar, the URL kept in step, the View) once
per run from app.py, `view()` for the pages, the hand-over of a fresh server's first direct link
from its page file to app.py's navigation, and freezing the heap once per process."""

from __future__ import annotations

import gc
import logging
import runpy
import sys
from pathlib import Path

import duckdb
import streamlit as st

from .. import auth, db
from ..filters import Filters
from ..i18n import DEFAULT_LANG, t
from .caches import _current_import, db_path
from .model import View
from .sidebar import options, sidebar, snapshot_button
from .signin import identity
from .url import AS_OF_PARAM, FILTER_PARAMS, LANG_PARAM, keep_in_url, language

FAVICON = db.ROOT / "static" / "favicon.png"
_LOG = logging.getLogger("etikkmonitor")
_VIEW = "_em_view"
_RUN = "_em_run"
_IN_APP = "_em_in_app"
_URL_NOTES = "_em_url_notes"  # what was wrong with the address: shown by page()

_heap_frozen = False


def _freeze_heap() -> None:
    """Once per process: what is in memory by the first run (Streamlit, pandas, plotly and
    their modules) lives as long as the process, so move it out of the garbage collector's way.

    A full collection walks every tracked object: ~0.1 s here with the app loaded, and a cold
    run at scale 100 (many dicts from Styler, plotly and the priority list) sets off one to
    three of them, now and then a warm run too. Frozen objects are not walked again.
    """
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.collect()  # garbage of the imports is freed, not frozen
        gc.freeze()


def setup() -> View:
    """Page config, sidebar (filters, language) and URL for this run; returns the View.

    Call once in app.py before `st.navigation(...).run()`; pages then call `view()`/`page()`.
    """
    _freeze_heap()
    st.set_page_config(
        page_title="Etikkmonitor",
        page_icon=str(FAVICON),  # a local file: a :material: icon is fetched from the internet
        layout="wide",
        initial_sidebar_state="expanded",
    )
    lang = language()
    who = identity()
    path = str(db_path())
    try:
        import_id = _current_import(path)
    except db.DatabaseError as e:  # unreadable, not a database, locked by a foreign writer
        st.error(e.text(lang))
        st.stop()
    except (duckdb.Error, OSError):  # a broken or foreign file: say so, no traceback
        # the file's path and the error go to the server's log, not to a browser
        _LOG.exception("cannot open the database %s", path)
        st.error(t("dash.error.open", lang))
        st.stop()

    notes: list[str] = []  # what was wrong with the address, on this session's first run
    as_of, chosen = sidebar(options(path, import_id, who, lang), import_id, who, lang, notes)

    filters = auth.restrict(Filters(**chosen), who)
    v = View(
        db_path=path,
        import_id=import_id,
        as_of=as_of,
        filters=filters,
        lang=lang,
        access=auth.restrict(Filters(), who),
    )
    keep_in_url(AS_OF_PARAM, as_of.isoformat())
    for dim, name in FILTER_PARAMS.items():
        keep_in_url(name, list(chosen[dim]))
    keep_in_url(LANG_PARAM, lang, DEFAULT_LANG)
    st.session_state[_VIEW] = v
    st.session_state[_RUN] = _run_token()
    if notes:
        st.session_state[_URL_NOTES] = notes
    if import_id is not None and who.can("snapshot"):
        snapshot_button(path, import_id, as_of, filters, lang)
    return v


def _run_token():
    # Streamlit gives every run a fresh `cursors` dict: holding on to it tells this run from
    # the last one (a View left in the session from an earlier run must not be reused).
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return None if ctx is None else ctx.cursors


def _main_is_app() -> bool:
    """The server runs app.py (not a page file given as the main script, as some tests do)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx is not None and Path(ctx.main_script_path).name == "app.py"


def _page_file() -> str | None:
    """The page script running this call, as "pages/<name>.py" (None outside one)."""
    pages = (db.ROOT / "pages").resolve()
    frame = sys._getframe(1)
    while frame is not None:
        path = frame.f_globals.get("__file__")
        if path and Path(path).resolve().parent == pages:
            return f"pages/{Path(path).name}"
        frame = frame.f_back
    return None


def deferred_page() -> str | None:
    """The page file ("pages/<name>.py") that a fresh server's first direct link ran on its own
    before it handed over to app.py (see `view`), while app.py runs for it; else None."""
    asked = st.session_state.get(_IN_APP)
    return asked if isinstance(asked, str) else None


def view() -> View:
    """The View that `setup()` made for this run; runs `setup()` if none did (a page run on
    its own, as in a test)."""
    token = _run_token()
    if token is not None and st.session_state.get(_RUN) is token:
        return st.session_state[_VIEW]
    if token is not None and not st.session_state.get(_IN_APP) and _main_is_app():
        # A fresh server serves a first direct link (/datakvalitet) from pages/ on its own,
        # with the folder's file names as the menu. Run app.py instead: its st.navigation
        # takes over (menu, sign-in, roles) and runs this page; then stop this outer run.
        st.session_state[_IN_APP] = _page_file() or True
        try:
            runpy.run_path(str(db.ROOT / "app.py"), run_name="__main__")
        finally:
            st.session_state[_IN_APP] = False
        st.stop()
    return setup()
