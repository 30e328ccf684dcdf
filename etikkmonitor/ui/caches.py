"""The dashboard's caches and its connection: the Store per database file, query results keyed
by (query, parameters, import), figures and their chart elements, the key figures and the
snapshot PDF. Every cache is bounded by time and size (tests/test_cache_bounds.py)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from .. import db
from ..charts import PLOTLY_CONFIG
from ..filters import Filters
from ..summary import key_figures
from .model import View

# How long and how much the caches keep (issue 14, item 9: memory grew with every distinct view).
# Every cache drops what nobody asked for in CACHE_TTL and keeps at most max_entries; the data
# caches (st.cache_data) are also bounded by the pickled bytes they hold (max_size, least
# recently used first), and together by server.maxCacheDataSize in .streamlit/config.toml.
# A warm view is what people share and reopen during a meeting or a morning; a view from
# yesterday is cheap to compute again (docs/performance.md has the measurements).
CACHE_TTL = "1h"


def db_path() -> Path:
    """$ETIKKMONITOR_DB, else data/etikkmonitor.duckdb (built from the demo data if empty)."""
    env = os.environ.get("ETIKKMONITOR_DB")
    if env:
        return Path(env)
    _ensure_default(str(db.DEFAULT_DB))
    return db.DEFAULT_DB


@st.cache_resource(show_spinner=False)
def _ensure_default(path: str) -> bool:
    from ..bootstrap import DEMO_DIR, ensure_default

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


def cache_key(params: dict) -> str:
    """The parameters as JSON: with the import, the key of a cached result."""
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
    return _cached_query(v.db_path, v.import_id, name, cache_key(params), params)


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
        v.db_path,
        v.import_id,
        name,
        cache_key(v.params(**extra) | {"lang": v.lang}),
        key,
        alt,
        build,
    )


@st.cache_data(show_spinner=False, ttl=CACHE_TTL, max_entries=300, max_size="16MB")
def _cached_figures(path: str, import_id, as_of: date, key: str, _filters: Filters) -> dict:
    return key_figures(store(path), as_of, _filters, import_id=import_id)


def figures(v: View, as_of: date | None = None, import_id: int | None = None) -> dict:
    """The contract's key figures (summary.key_figures) for the view, or another date/import."""
    as_of = as_of or v.as_of
    import_id = import_id if import_id is not None else v.import_id
    return _cached_figures(v.db_path, import_id, as_of, cache_key(v.filters.as_param()), v.filters)


@st.cache_data(show_spinner=False, ttl=CACHE_TTL, max_entries=20, max_size="32MB")
def _snapshot_pdf(
    path: str, import_id, as_of: date, key: str, _filters: Filters, lang: str
) -> bytes:
    # Deterministic for (import, date, filters, language): cached, built only when clicked.
    from ..snapshot import build_pdf

    return build_pdf(store(path), as_of, _filters, lang=lang)


def chart(fig, key: str | None = None, alt: str | None = None) -> None:
    """A plotly figure with the app's config (offline base map, no plotly logo)."""
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, theme="streamlit", alt=alt)
