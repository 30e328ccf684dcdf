"""Shared building blocks of the dashboard's pages (Streamlit).

`app.py` calls `setup()` once per run, before the page: page config, the sidebar with the
filters and the language switch, the URL kept in step with them. A page is then thin:

    from etikkmonitor import charts, ui

    v = ui.page("deadlines")                       # title, intro, "filtered on" caption;
                                                   # stops with a friendly note without data
    df = ui.query("deadlines_list", v)             # cached by query, parameters and import
    if not ui.empty(df, v):                        # figure and element cached per view:
        ui.show_chart("timeline", v, lambda: charts.deadline_timeline(df, v.as_of, v.lang),
                      key="timeline")
        ui.table(df, [ui.Col("contract_id", "dash.col.contract", "contract"), ...], v, "frister")

Everything a user can choose lives in the URL (`?as_of=2024-06-30&agency=...&lang=en`), so a
copied link opens the same view. Page widgets keep theirs with `url_key()` + `keep_in_url()`.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import runpy
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote_plus, urlencode

import duckdb
import numpy as np
import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from . import auth, db, escape, export, settings
from .agencies import md_literal, resolve
from .charts import PLOTLY_CONFIG
from .dates import MAX_DATE, MIN_DATE, DateProblem, parse_iso
from .filters import Filters
from .geo import country_name
from .i18n import DEFAULT_LANG, LANGS, fmt_date, fmt_int, fmt_nok, fmt_pct, label, t
from .summary import key_figures

# URL keys of the sidebar: Filters field -> query parameter
FILTER_PARAMS = {
    "agencies": "agency",
    "categories": "category",
    "suppliers": "supplier",
    "countries": "country",
    "contract_types": "type",
}
AS_OF_PARAM = "as_of"
LANG_PARAM = "lang"
_VIEW = "_em_view"
_WHO = "_em_who"
MAX_SHOWN = 1000  # rows a table sends to the browser (most urgent first); the download has all
FAVICON = db.ROOT / "static" / "favicon.png"
_RUN = "_em_run"
_LOG = logging.getLogger("etikkmonitor")
_IN_APP = "_em_in_app"
_URL_NOTES = "_em_url_notes"  # what was wrong with the address: shown by page()
# the sidebar's date box, as i18n.fmt_date writes a date in each language
DATE_INPUT_FORMATS = {"nb": "DD.MM.YYYY", "en": "YYYY-MM-DD"}


# ---------------------------------------------------------------------------------------------
# The view: what every page reads
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """The dataset, date, filters and language a page shows."""

    db_path: str
    import_id: int | None
    as_of: date
    filters: Filters = field(default_factory=Filters)
    lang: str = DEFAULT_LANG
    # What the person may see at all (auth.restrict of no filter): the contract page shows a
    # contract outside the selection, never one outside this.
    access: Filters = field(default_factory=Filters)

    def t(self, key: str, **values) -> str:
        """Our own text; `values` are ours too (numbers, dates we format). See `md`."""
        return t(key, self.lang, **values)

    def md(self, key: str, **values) -> str:
        """Our own text as Markdown with `values` from data shown literally (see `esc`)."""
        return t(key, self.lang, **{k: esc(x) for k, x in values.items()})

    def params(self, **extra) -> dict:
        """The standard $parameters of the page queries, plus `extra`."""
        return {
            "import_id": self.import_id,
            "as_of": self.as_of,
            "filters": self.filters.as_param(),
            "access": self.access.as_param(),
            "rules": settings.rules(),
        } | extra


def esc(value) -> str:
    """A value from data as Markdown that Streamlit shows as the text it is: no link, image,
    icon, math, emphasis or HTML from it (etikkmonitor.escape.markdown). Every header,
    caption, card, message and label that shows a value from data takes it through here, or
    through `md` / `View.md`."""
    return escape.markdown(value)


def md(template: str, **values) -> str:
    """`template`, our own Markdown, with `values` from data filled in as literal text."""
    return template.format(**{k: esc(x) for k, x in values.items()})


def db_path() -> Path:
    """$ETIKKMONITOR_DB, else data/etikkmonitor.duckdb (built from the demo data if empty)."""
    env = os.environ.get("ETIKKMONITOR_DB")
    if env:
        return Path(env)
    _ensure_default(str(db.DEFAULT_DB))
    return db.DEFAULT_DB


# How long and how much the caches keep (issue 14, item 9: memory grew with every distinct view).
# Every cache drops what nobody asked for in CACHE_TTL and keeps at most max_entries; the data
# caches (st.cache_data) are also bounded by the pickled bytes they hold (max_size, least
# recently used first), and together by server.maxCacheDataSize in .streamlit/config.toml.
# A warm view is what people share and reopen during a meeting or a morning; a view from
# yesterday is cheap to compute again (docs/performance.md has the measurements).
CACHE_TTL = "1h"


@st.cache_resource(show_spinner=False)
def _ensure_default(path: str) -> bool:
    from .bootstrap import DEMO_DIR, ensure_default

    if not DEMO_DIR.exists():
        return False
    ensure_default(Path(path))
    return True


@st.cache_resource(show_spinner=False)
def store(path: str) -> db.Store:
    """One Store per database file and process; queries take their own cursor."""
    return db.Store(Path(path))


def _current_import(path: str) -> int | None:
    return store(path).current_import_id()


def publishing(publish: Callable, v: View):
    """publish(), an import or roll-back; if it cannot publish (another one is being published,
    the folder is not writable), say so and stop the page: nothing was changed."""
    try:
        return publish()
    except db.DatabaseError as e:
        st.error(e.text(v.lang), icon=":material/block:")
        st.stop()


# ---------------------------------------------------------------------------------------------
# Queries, cached by (name, parameters, import)
# ---------------------------------------------------------------------------------------------


def _key(params: dict) -> str:
    return json.dumps(params, sort_keys=True, default=str)


@st.cache_data(show_spinner=False, ttl=CACHE_TTL, max_entries=400, max_size="256MB")
def _cached_query(path: str, import_id, name: str, key: str, _params: dict) -> pd.DataFrame:
    # `key` (the parameters as JSON) and `import_id` make the cache key; a new import
    # therefore misses the cache, and old entries age out.
    return _arrays_as_tuples(store(path).query(name, **_params))


def _arrays_as_tuples(df: pd.DataFrame) -> pd.DataFrame:
    """List cells as tuples of str. DuckDB gives them as numpy arrays, which st.cache_data
    pickles (on a miss) and unpickles (on every hit) some 20 times slower: ~0.5 s each way for
    the contract list at scale 100."""
    for name in df.columns[df.dtypes == object]:
        cells = df[name].tolist()
        if any(isinstance(x, np.ndarray) for x in cells):
            df[name] = [tuple(x.tolist()) if isinstance(x, np.ndarray) else x for x in cells]
    return df


def query(name: str, v: View, **extra) -> pd.DataFrame:
    """Run queries/<name>.sql with the view's parameters (and `extra`), cached."""
    params = v.params(**extra)
    return _cached_query(v.db_path, v.import_id, name, _key(params), params)


def query_uncached(name: str, v: View, **extra) -> pd.DataFrame:
    """query() without the cache: for what a click asks for once, such as every row of a list
    for its download (tens of thousands of rows that st.cache_data would pickle and keep)."""
    return store(v.db_path).query(name, **v.params(**extra))


@st.cache_resource(show_spinner=False, ttl=CACHE_TTL, max_entries=60)
def _cached_chart(path: str, import_id, name: str, key: str, _build: Callable):
    # A resource, not data: the figure is shared as it is (st.cache_data would copy it through
    # pickle, and plotly validates every point again on the way back).
    return _build()


@st.cache_data(show_spinner=False, ttl=CACHE_TTL, max_entries=200, max_size="96MB")
def _chart_element(
    path: str, import_id, name: str, key: str, element_key: str | None, alt, _build: Callable
) -> None:
    # The chart element, cached with its st.plotly_chart call (Streamlit replays a static
    # element of a cached function, as for tables): st.plotly_chart validates and serializes
    # the whole figure again on every call (tens of ms for the deadline timeline).
    chart(_cached_chart(path, import_id, name, key, _build), key=element_key, alt=alt)


def show_chart(name: str, v: View, build: Callable, key: str, alt: str | None = None, **extra):
    """Show `build()`, a figure made from the view's queries, with `chart(fig, key, alt)`.

    The figure is built once per `name`, view (its parameters and language), import and
    `extra`, and the element is cached too, so a warm run neither builds nor sends it anew.
    extra must hold every page widget value the figure depends on (e.g. within=30). The figure
    is shared between runs and sessions: `build` must not change it after.
    """
    _chart_element(
        v.db_path, v.import_id, name, _key(v.params(**extra) | {"lang": v.lang}), key, alt, build
    )


@st.cache_data(show_spinner=False, ttl=CACHE_TTL, max_entries=300, max_size="16MB")
def _cached_figures(path: str, import_id, as_of: date, key: str, _filters: Filters) -> dict:
    return key_figures(store(path), as_of, _filters, import_id=import_id)


def figures(v: View, as_of: date | None = None, import_id: int | None = None) -> dict:
    """The contract's key figures (summary.key_figures) for the view, or another date/import."""
    as_of = as_of or v.as_of
    import_id = import_id if import_id is not None else v.import_id
    return _cached_figures(v.db_path, import_id, as_of, _key(v.filters.as_param()), v.filters)


# ---------------------------------------------------------------------------------------------
# URL <-> widgets
# ---------------------------------------------------------------------------------------------


def url_values(name: str) -> list[str]:
    """Every value of a query parameter (repeated keys give several)."""
    return [x for x in st.query_params.get_all(name) if x != ""]


def url_key(name: str, options: Sequence, default, many: bool = False) -> str:
    """The session key for a page widget whose value lives in the URL under `name`.

    Call before creating the widget with `key=url_key(...)`. The URL sets the first value
    (only values among `options`: the whitelist), after that the widget does; a value no
    longer among the options falls back to `default`.
    """
    key = f"url_{name}"
    by_text = {str(o): o for o in options}
    current = st.session_state.get(key)
    if many:
        if current is None:
            current = [by_text[x] for x in url_values(name) if x in by_text] or list(default)
        st.session_state[key] = [x for x in current if x in options]
    else:
        if current is None:
            current = by_text.get(st.query_params.get(name, ""), default)
        st.session_state[key] = current if current in options else default
    return key


def url_flag(name: str) -> str:
    """The session key for a page toggle kept in the URL as `name=1` (off: absent)."""
    key = f"url_{name}"
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(name) == "1"
    return key


def keep_in_url(name: str, value, default=None) -> None:
    """Write a widget's value to the URL; the default (or nothing) leaves the URL clean."""
    if value is None or value == default or (isinstance(value, (list, tuple)) and not value):
        if name in st.query_params:
            del st.query_params[name]
        return
    if isinstance(value, (list, tuple)):
        st.query_params[name] = [str(x) for x in value]
    else:
        st.query_params[name] = str(value)


def view_query_string(v: View, **extra) -> str:
    """The query string that restores the view (and `extra` page parameters)."""
    pairs: list[tuple[str, str]] = [(AS_OF_PARAM, v.as_of.isoformat())]
    for dim, name in FILTER_PARAMS.items():
        pairs += [(name, x) for x in getattr(v.filters, dim)]
    if v.lang != DEFAULT_LANG:
        pairs.append((LANG_PARAM, v.lang))
    pairs += [(k, str(x)) for k, x in extra.items()]
    return urlencode(pairs)


def contract_url(v: View, contract_id: str) -> str:
    """A link to the contract page for one contract, keeping the view (relative URL)."""
    return f"kontrakt?{view_query_string(v, contract=contract_id)}"


# ---------------------------------------------------------------------------------------------
# Sidebar
# ---------------------------------------------------------------------------------------------


def language() -> str:
    """The interface language: the switch, else the URL, else bokmål."""
    lang = st.session_state.get("lang")
    if lang not in LANGS:
        lang = st.query_params.get(LANG_PARAM, DEFAULT_LANG)
        lang = lang if lang in LANGS else DEFAULT_LANG
        st.session_state["lang"] = lang
    return lang


def _url_as_of(lang: str, notes: list[str]) -> date:
    """The address's `as_of`, or today with a note saying what was wrong with it (month 13,
    a date outside the range the dashboard works with: the pages used to crash on 9999-12-31)."""
    text = st.query_params.get(AS_OF_PARAM)
    today = date.today()
    if not text:
        return today
    try:
        return parse_iso(text)
    except DateProblem as e:
        # the value is the user's: escaped, never read as Markdown
        notes.append(
            t(
                "dash.url.bad_date",
                lang,
                problem=md_literal(e.message(lang)),
                today=fmt_date(today, lang),
            )
        )
        return today


def _url_agencies(known: list[str], lang: str, notes: list[str]) -> list[str]:
    """The address's agencies matched as the CLI matches them (agencies.resolve); one that fits
    none or several is left out with a note naming the closest."""
    found = resolve(url_values(FILTER_PARAMS["agencies"]), known)
    for typed, near in found.unknown:
        key = "dash.url.unknown_agency" if near else "dash.url.unknown_agency.none"
        notes.append(
            t(key, lang, name=md_literal(typed), closest="; ".join(md_literal(x) for x in near))
        )
    for typed, names in found.ambiguous:
        notes.append(
            t(
                "dash.url.ambiguous_agency",
                lang,
                name=md_literal(typed),
                names="; ".join(md_literal(x) for x in names),
            )
        )
    return found.matched


def _reset_filters() -> None:
    for dim in FILTER_PARAMS:
        st.session_state[f"flt_{dim}"] = []
    st.session_state["flt_as_of"] = date.today()


def _format_option(dim: str, lang: str) -> Callable[[str], str]:
    if dim == "countries":
        return lambda code: country_name(code, lang)
    if dim == "contract_types":
        return lambda code: label(code, lang)
    return str


def identity() -> auth.Identity:
    """Who uses this session (see `gate`)."""
    who = st.session_state.get(_WHO)
    return who if who is not None else auth.current()


def gate(lang: str) -> auth.Identity:
    """With sign-in configured: a sign-in page for those not signed in, a refusal for those
    without a role; both stop the run. Returns the person's identity (local mode: full rights)."""
    problems = auth.problems_here()
    if problems:
        # Fails closed: no page, no data, and no local mode with everyone an admin.
        st.session_state[_WHO] = auth.Identity(None, None, None)
        st.title(t("auth.title", lang))
        lines = "\n".join(f"- {esc(p)}" for p in problems)
        st.error(f"{t('auth.setup_refused', lang)}\n\n{lines}", icon=":material/lock:")
        st.stop()
    who = auth.current()
    st.session_state[_WHO] = who
    if who.local_mode:
        return who
    if not st.user.is_logged_in:
        st.title(t("auth.title", lang))
        st.markdown(t("auth.sign_in_needed", lang))
        st.button(t("auth.sign_in", lang), on_click=st.login, type="primary")
        st.stop()
    if who.role is None:
        st.error(t("auth.no_role", lang, email=esc(who.email or "?")))
        st.button(t("auth.sign_out", lang), on_click=st.logout)
        st.stop()
    return who


def _identity_note(who: auth.Identity, lang: str) -> None:
    if who.local_mode:
        st.caption(t("auth.local_mode", lang))
        return
    role = t(f"auth.role.{who.role}", lang)
    st.caption(t("auth.signed_in", lang, who=esc(who.name or who.email), role=role))
    if who.limited:
        st.caption(t("auth.limited", lang, agencies=esc(", ".join(who.agencies))))
    st.button(t("auth.sign_out", lang), on_click=st.logout, key="sign_out")


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

    options = {dim: [] for dim in FILTER_PARAMS}
    if import_id is not None:
        # a user limited to some agencies is offered only the values of their contracts
        scope = auth.restrict(Filters(), who)
        params = {"import_id": import_id, "filters": scope.as_param(), "rules": settings.rules()}
        rows = _cached_query(path, import_id, "filter_options", _key(params), params)
        for dim, part in rows.groupby("dimension"):
            options[dim] = part["value"].tolist()
        options["countries"] = sorted(options["countries"], key=lambda c: country_name(c, lang))
        if who.limited:
            options["agencies"] = [a for a in options["agencies"] if a in who.agencies]

    notes: list[str] = []  # what was wrong with the address, on this session's first run
    with st.sidebar:
        st.markdown(f"### {t('dash.filters', lang)}")
        if "flt_as_of" not in st.session_state:
            st.session_state["flt_as_of"] = _url_as_of(lang, notes)
        as_of = st.date_input(
            t("dash.as_of", lang),
            key="flt_as_of",
            format=DATE_INPUT_FORMATS[lang],
            min_value=MIN_DATE,
            max_value=MAX_DATE,
            help=t("dash.as_of.help", lang),
        )
        chosen = {}
        for dim, name in FILTER_PARAMS.items():
            key = f"flt_{dim}"
            if key not in st.session_state:
                st.session_state[key] = (
                    _url_agencies(options[dim], lang, notes)
                    if dim == "agencies" and import_id is not None
                    else url_values(name)
                )
            # only values of this dataset: the whitelist (a stale or hand-made URL is ignored)
            st.session_state[key] = [x for x in st.session_state[key] if x in options[dim]]
            chosen[dim] = tuple(
                st.multiselect(
                    t(f"dash.filter.{dim}", lang),
                    options[dim],
                    key=key,
                    format_func=_format_option(dim, lang),
                    placeholder=t("dash.filter.all", lang),
                    help=t(f"dash.filter.{dim}.help", lang),
                )
            )
        st.button(
            t("dash.filter.reset", lang), on_click=_reset_filters, icon=":material/restart_alt:"
        )
        st.divider()
        st.segmented_control(
            t("dash.language", lang),
            LANGS,
            key="lang",
            format_func=lambda x: {"nb": "Norsk", "en": "English"}[x],
            selection_mode="single",
        )
        if import_id is not None:
            st.caption(t("dash.data_from", lang, import_id=import_id))
        _identity_note(who, lang)

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
        with st.sidebar:
            st.download_button(
                t("snapshot.download", lang),
                data=lambda: _snapshot_pdf(
                    path, import_id, as_of, _key(filters.as_param()), filters, lang
                ),
                file_name=f"etikkmonitor-status-{as_of.isoformat()}.pdf",
                mime="application/pdf",
                on_click="ignore",
                help=t("snapshot.download.help", lang),
                key="snapshot_pdf",
            )
    return v


@st.cache_data(show_spinner=False, ttl=CACHE_TTL, max_entries=20, max_size="32MB")
def _snapshot_pdf(
    path: str, import_id, as_of: date, key: str, _filters: Filters, lang: str
) -> bytes:
    # Deterministic for (import, date, filters, language): cached, built only when clicked.
    from .snapshot import build_pdf

    return build_pdf(store(path), as_of, _filters, lang=lang)


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


# ---------------------------------------------------------------------------------------------
# Page furniture
# ---------------------------------------------------------------------------------------------


def filter_caption(v: View) -> str:
    """'Per 30.06.2024 · filtrert på virksomhet: A, B · land: Kina' (or 'alle kontrakter')."""
    parts = []
    for dim in FILTER_PARAMS:
        values = getattr(v.filters, dim)
        if values:
            fmt = _format_option(dim, v.lang)
            # the values come from the URL and the data: shown as typed (esc)
            parts.append(
                f"{v.t(f'dash.filter.{dim}').lower()}: {', '.join(esc(fmt(x)) for x in values)}"
            )
    scope = v.t("dash.filtered_on", filters=" · ".join(parts)) if parts else v.t("dash.unfiltered")
    return f"{v.t('dash.as_of_caption', date=fmt_date(v.as_of, v.lang))} · {scope}"


def page(
    title_key: str, intro_key: str | None = None, needs_data: bool = True, filtered: bool = True
) -> View:
    """Heading, intro and the 'filtered on' caption of a page; returns the View.

    needs_data: without any import, show a friendly note and stop the page here.
    filtered: False for a page the sidebar's selection does not apply to (it says so).
    """
    v = view()
    st.title(v.t(title_key))
    if intro_key:
        st.markdown(v.t(intro_key))
    if filtered:
        st.caption(filter_caption(v), help=v.t("dash.caption.help"))
    else:
        st.caption(v.t("dash.not_filtered"))
    for note in st.session_state.pop(_URL_NOTES, []):
        st.warning(note, icon=":material/link_off:")
    if needs_data and v.import_id is None:
        st.info(v.t("dash.empty.database"), icon=":material/info:")
        st.stop()
    return v


def uploader_words(v: View, max_mb: int, types: Sequence[str]) -> None:
    """Norwegian words on st.file_uploader's drop zone, which Streamlit writes in English only
    ("Upload", "50MB per file"; no parameter for them in 1.67, streamlit/streamlit#13500): its
    own texts hidden by CSS, ours put in their place. CSS on Streamlit's test ids: if a later
    Streamlit renames them, its English words show again (tests/test_browser_newcomer.py)."""
    if v.lang == "en":
        return  # Streamlit's own words are English already
    button = v.t("upload.button").replace('"', "")
    limit = v.t("upload.limit", mb=max_mb, types=", ".join(x.upper() for x in types))
    limit = limit.replace('"', "")
    zone = '[data-testid="stFileUploaderDropzone"]'
    st.html(
        "<style>"
        f'{zone} [data-testid="stBaseButton-secondary"] p {{font-size: 0}}'
        f'{zone} [data-testid="stBaseButton-secondary"] p::after '
        f'{{content: "{button}"; font-size: 0.875rem}}'
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0}}'
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span::after '
        f'{{content: "{limit}"; font-size: 0.875rem}}'
        "</style>"
    )


def empty(df: pd.DataFrame | None, v: View, key: str = "dash.empty.selection", good=False) -> bool:
    """True (and a friendly note with text `key`) when `df` is None or has no rows.

    good: the emptiness is good news (nothing overdue, nothing rejected): a check mark.
    """
    if df is None or df.empty:
        if good:
            st.success(v.t(key), icon=":material/check_circle:")
        else:
            st.info(v.t(key), icon=":material/info:")
        return True
    return False


def chart(fig, key: str | None = None, alt: str | None = None) -> None:
    """A plotly figure with the app's config (offline base map, no plotly logo)."""
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, theme="streamlit", alt=alt)


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

KINDS = (
    "text",
    "code",
    "contract",
    "int",
    "nok",
    "pct",
    "date",
    "datetime",
    "bool",
    "country",
    "list",
    "days",
)


@dataclass(frozen=True)
class Col:
    """A column of a shown table: result column, header text key, and kind of value.

    kind: text, code (plain words via i18n.label), contract (id linking to the contract page),
    int, nok, pct (a fraction), date, datetime, bool (ja/nei), country (ISO code -> name),
    list (joined with commas), days (whole days; sign kept).
    """

    name: str
    header: str
    kind: str = "text"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def _as_date(x):
    if x is None or x is pd.NaT or (isinstance(x, float) and pd.isna(x)):
        return None
    if isinstance(x, pd.Timestamp):
        return x.date()
    return x


def _missing(x) -> bool:
    try:
        return x is None or bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _each_distinct(s: pd.Series, f: Callable, missing="") -> pd.Series:
    """f(x) for each value of `s`, `missing` for a missing one; f runs once per distinct value
    (a column of 1 000 rows holds a few dozen agencies or codes)."""
    try:
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
    except TypeError:  # unhashable values (lists)
        return s.map(lambda x: missing if _missing(x) else f(x))
    texts = np.array([f(x) for x in uniques] + [missing], dtype=object)
    return pd.Series(texts[codes], index=s.index, dtype=object)  # code -1 (missing): ""


def _words(df: pd.DataFrame, c: Col, lang: str) -> pd.Series:
    s = df[c.name]
    yes, no = t("dash.yes", lang), t("dash.no", lang)
    if c.kind == "code":
        return _each_distinct(s, lambda x: label(str(x), lang))
    if c.kind == "country":
        return _each_distinct(s, lambda x: country_name(x, lang))
    if c.kind == "bool":
        return _each_distinct(s, lambda x: yes if x else no)
    if c.kind == "list":
        return s.map(
            lambda x: (
                ", ".join(map(str, x))
                if isinstance(x, (list, tuple)) or hasattr(x, "tolist")
                else ("" if _missing(x) else str(x))
            )
        )
    if c.kind in ("date", "datetime"):
        return pd.to_datetime(s)
    if c.kind in ("int", "days"):
        return pd.to_numeric(s).astype("Int64")
    if c.kind in ("nok", "pct"):
        return pd.to_numeric(s).astype("Float64")
    return _each_distinct(s, str)


def frames(df: pd.DataFrame, columns: Sequence[Col], v: View) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exported): the table with headers in the view's language and plain words.

    shown keeps numbers and dates typed (formatted in the browser: see `_dataframe`), contract
    ids as links;
    exported has the same headers, ids as text, fractions as percent numbers.
    """
    return _shown_frame(df, columns, v), _exported_frame(df, columns, v)


def _shown_frame(df: pd.DataFrame, columns: Sequence[Col], v: View) -> pd.DataFrame:
    shown = {}
    for c in columns:
        if c.kind == "contract":
            # contract_url, with the view's part of the query string made once
            base = f"kontrakt?{view_query_string(v)}&"
            shown[v.t(c.header)] = _each_distinct(
                df[c.name],
                lambda x, base=base: f"{base}contract={quote_plus(str(x))}",
                missing=None,
            )
        else:
            shown[v.t(c.header)] = _words(df, c, v.lang)
    return pd.DataFrame(shown, index=df.index)


def _exported_frame(df: pd.DataFrame, columns: Sequence[Col], v: View) -> pd.DataFrame:
    exported = {}
    for c in columns:
        header = v.t(c.header)
        values = _words(df, c, v.lang)
        if c.kind == "pct":
            exported[f"{header} (%)"] = (values * 100).round(1)
        elif c.kind == "date":
            exported[header] = values.map(_as_date)
        else:
            exported[header] = values
    return pd.DataFrame(exported, index=df.index)


def _as_text(x) -> str:
    # a list (or array) cell as text, quickly (an array's own str() is slow)
    if isinstance(x, (list, tuple)) or hasattr(x, "tolist"):
        return "\x1f".join(map(str, list(x)))
    return repr(x)


def _rows_digest(rows: pd.DataFrame, columns: Sequence[Col]) -> str:
    """A digest of the values a table shows: its columns' names and values, row by row.

    A few milliseconds for 1 000 rows (only the shown columns are hashed), so a warm run can
    find the table it rendered before without converting a cell. Rows holding lists are not
    hashable by pandas: hashed as text (pickle is no good here: its bytes depend on which
    values share one object).
    """
    names = [c.name for c in columns]
    h = hashlib.blake2b(json.dumps(names).encode(), digest_size=20)
    h.update(len(rows).to_bytes(8, "little"))
    for name in dict.fromkeys(names):
        col = rows[name]
        try:
            h.update(pd.util.hash_pandas_object(col, index=False).values.tobytes())
        except TypeError:
            text = col.map(_as_text)
            h.update(pd.util.hash_pandas_object(text, index=False).values.tobytes())
    return h.hexdigest()


def _number_formats(columns: Sequence[Col], lang: str) -> dict[str, Callable]:
    """Header -> text of a number, for the columns whose values are numbers (int, days, nok,
    pct): the browser gets these texts to show, and sorts by the numbers."""

    def blank_or(f):
        # Each distinct value is formatted once per table (day counts repeat a lot).
        seen: dict = {}

        def formatted(x):
            try:
                return seen[x]
            except KeyError:
                seen[x] = "" if _missing(x) else f(x)
                return seen[x]

        return formatted

    by_kind = {
        "int": blank_or(lambda x: fmt_int(x, lang)),
        "days": blank_or(lambda x: fmt_int(x, lang)),
        "nok": blank_or(lambda x: fmt_nok(x, lang)),
        "pct": blank_or(lambda x: fmt_pct(float(x), lang)),
    }
    return {t(c.header, lang): by_kind[c.kind] for c in columns if c.kind in by_kind}


# momentjs formats of i18n.fmt_date (and of a time of day), which the browser applies itself
DATE_FORMATS = {"nb": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
DATETIME_FORMATS = {"nb": "DD.MM.YYYY HH:mm", "en": "YYYY-MM-DD HH:mm"}


# Pixels per character and around a cell's text, for a column of words (Source Sans at the
# tables' size: "Innfridd for sent" is ~110 px wide)
_PX_PER_CHAR, _PX_PADDING = 7.5, 28


def text_width(texts) -> int:
    """A column width that shows the longest of `texts` whole."""
    longest = max((len(str(x)) for x in texts if isinstance(x, str)), default=0)
    return int(longest * _PX_PER_CHAR + _PX_PADDING)


def _column_config(columns: Sequence[Col], v: View, shown: pd.DataFrame | None = None) -> dict:
    """Contract ids as links showing the id; dates in the view's language's format; columns of
    plain words for codes (statuses) wide enough for their longest word: Streamlit sizes a
    column by its first rows, and a status column whose first rows are blank cut "Kommende"
    to "Komme" and "Over frist" to "Over fris"."""
    config = {}
    for c in columns:
        header = v.t(c.header)
        if c.kind == "code" and shown is not None and header in shown:
            words = list(pd.unique(shown[header].dropna())) + [header]
            config[header] = st.column_config.TextColumn(header, width=text_width(words))
        elif c.kind == "contract":
            config[header] = st.column_config.LinkColumn(
                header, display_text=r"contract=([^&]+)", help=v.t("dash.link.help")
            )
        elif c.kind == "date":
            config[header] = st.column_config.DateColumn(header, format=DATE_FORMATS[v.lang])
        elif c.kind == "datetime":
            config[header] = st.column_config.DatetimeColumn(
                header, format=DATETIME_FORMATS[v.lang]
            )
    return config


def _number_texts(data: pd.DataFrame, texts: dict[str, list[str]]) -> Styler:
    """A Styler that only hands Streamlit the display texts of the number columns.

    Streamlit takes a cell's display text from a pandas Styler (`_compute`, then `_translate`'s
    "body" cells with an id "row<r>_col<c>" and a "display_value"), and pandas renders every
    cell as HTML on the way: ~50 µs a cell, 0.1-0.2 s for a table of 1 000 rows, on every cache
    miss and holding the GIL (15 % of the server's time with 20 users under bench.load). Here
    the texts are made column by column (each distinct value formatted once) and handed over
    as those cells, nothing else: no styles, the other columns shown as their own values.
    Streamlit knows a Styler by its exact class, so this is one, with the two steps replaced.
    """
    styler = Styler(data)
    position = {name: i for i, name in enumerate(data.columns)}

    def translate(*args, **kwargs) -> dict:
        body: list[list[dict]] = [[] for _ in range(len(data))]
        for name, column in texts.items():
            c = position[name]
            for r, text in enumerate(column):
                body[r].append({"id": f"row{r}_col{c}", "display_value": text})
        return {"body": body, "cellstyle": [], "table_styles": []}

    styler._compute = lambda: styler  # no styling functions to apply
    styler._translate = translate
    return styler


def _dataframe(shown: pd.DataFrame, columns: Sequence[Col], v: View, **kwargs) -> None:
    """st.dataframe of `shown`: numbers shown in Norwegian (or English) formats, sorted as
    numbers; dates and links formatted by their column_config.

    Streamlit takes a number's display text from a pandas Styler; only the number columns need
    a text of their own (`_number_texts`), Streamlit shows the other cells' own values as text
    (as it does for any cell without a display text).
    """
    formats = _number_formats(columns, v.lang)
    config = _column_config(columns, v, shown)
    if not formats:
        st.dataframe(shown, column_config=config, **kwargs)
        return
    texts = {h: [f(x) for x in shown[h].tolist()] for h, f in formats.items()}
    st.dataframe(
        _number_texts(shown, texts),
        column_config=config,
        column_order=list(shown.columns),
        **kwargs,
    )


@st.cache_data(show_spinner=False, ttl=CACHE_TTL, max_entries=200, max_size="96MB")
def _render_table(
    digest: str,
    columns_key: str,
    view_key: str,
    height,
    _key: str,
    _rows: pd.DataFrame,
    _columns: tuple[Col, ...],
    _v: View,
) -> None:
    # The table element, cached with the st.dataframe call inside (Streamlit replays a static
    # element of a cached function): a warm run sends the same element again without
    # converting or formatting a cell. Keyed by the rows' digest, the columns and the view
    # (language, and the links' query string); not by the element's key, which a table
    # without selections does not send: two tables of the same rows (frister's first 1 000
    # overdue and first 1 000 of all deadlines) are made once.
    _dataframe(
        _shown_frame(_rows, _columns, _v),
        _columns,
        _v,
        hide_index=True,
        placeholder="",
        height=height,
        key=_key,
        width="stretch",
    )


def table(
    df: pd.DataFrame,
    columns: Sequence[Col],
    v: View,
    name: str,
    key: str | None = None,
    height: int | str = "auto",
    downloads_too: bool = True,
    total: int | None = None,
    every_row: Callable[[], pd.DataFrame] | None = None,
) -> None:
    """Show `df` as a table with Norwegian formats and links, and CSV/XLSX downloads.

    name: the download file's name (without extension); key: distinguishes two tables of one
    page with the same name. A query that returned only the first rows of a list gives the
    list's length as `total` and a function giving every row as `every_row`, for the download.
    """
    # The browser gets at most MAX_SHOWN rows (the query ordered them: most urgent first);
    # the download holds them all, and is built only when clicked.
    rows = df.head(MAX_SHOWN)
    total = len(df) if total is None else total
    columns = tuple(columns)
    _render_table(
        _rows_digest(rows, columns),
        json.dumps([(c.name, c.header, c.kind) for c in columns]),
        _key(v.params() | {"lang": v.lang}),
        height,
        f"df_{key or name}",
        rows,
        columns,
        v,
    )
    if total > len(rows):
        st.caption(
            v.t("dash.table.limited", shown=fmt_int(len(rows), v.lang), n=fmt_int(total, v.lang))
        )
    if downloads_too:
        downloads(
            lambda: _exported_frame(every_row() if every_row else df, columns, v), name, key=key
        )


def downloads(exported, name: str, key: str | None = None) -> None:
    """CSV and XLSX download buttons for a table (made when clicked). `exported` is the frame,
    or a function giving it (so a large table is only converted when someone downloads it)."""

    def frame() -> pd.DataFrame:
        return exported() if callable(exported) else exported

    if not identity().can("download_rows"):
        return  # row-level data: analysts and admins download, viewers only see
    k = key or name
    c1, c2, _ = st.columns([1, 1, 4])
    lang = view().lang
    with c1:
        st.download_button(
            t("dash.download.csv", lang),
            data=lambda: export.to_csv(frame()),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv_{k}",
            on_click="ignore",
            icon=":material/download:",
            type="tertiary",
        )
    with c2:
        st.download_button(
            t("dash.download.xlsx", lang),
            data=lambda: export.to_xlsx(frame(), sheet=name),
            file_name=f"{name}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"xlsx_{k}",
            on_click="ignore",
            icon=":material/download:",
            type="tertiary",
        )
