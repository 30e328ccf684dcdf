"""Shared building blocks of the dashboard's pages (Streamlit), one module per job:

    model      the View every page reads; escaping values from data (`esc`, `md`)
    caches     the Store, cached queries, figures and chart elements, key figures, the PDF
    url        the URL as the state of a view: sidebar parameters, page widgets, links
    signin     the sign-in gate and who uses the session
    sidebar    the filters, language switch and snapshot button
    nav        `setup()` once per run, `view()`, the hand-over of a first direct link, the heap
    furniture  a page's heading and caption, empty results, uploads' words, publishing
    columns    a table's columns and how each kind of value is shown
    tables     tables with links and formats, and their CSV/XLSX downloads
    importer_check, importer_history   the importer page's two halves (imported by it alone)

`app.py` calls `setup()` once per run, before the page: page config, the sidebar with the
filters and the language switch, the URL kept in step with them. A page is then thin:

    from etikkmonitor import timecharts, ui
    from etikkmonitor.ui import Col

    v = ui.page("dash.page.deadlines", "dash.deadlines.intro")  # title, intro, "filtered on"
                                                   # caption; stops with a note without data
    df = ui.query("deadlines_list", v)             # cached by query, parameters and import
    if not ui.empty(df, v):                        # figure and element cached per view:
        ui.show_chart("timeline", v, lambda: timecharts.deadline_timeline(df, v.as_of, v.lang),
                      key="timeline")
        ui.table(df, [Col("contract_id", "dash.col.contract", "contract"), ...], v, "frister")

Everything a user can choose lives in the URL (`?as_of=2024-06-30&agency=...&lang=en`), so a
copied link opens the same view. Page widgets keep theirs with `url_key()` + `keep_in_url()`,
a toggle with `url_toggle()`.
"""

from .caches import (
    CACHE_TTL,
    cache_key,
    chart,
    db_path,
    figures,
    query,
    query_uncached,
    show_chart,
    store,
)
from .columns import KINDS, Col, dialogue_columns, text_width
from .furniture import empty, filter_caption, page, publishing, uploader_words
from .model import DATE_FORMATS, DATETIME_FORMATS, View, esc, md
from .nav import deferred_page, setup, view
from .signin import gate, identity
from .tables import MAX_SHOWN, downloads, frames, table
from .url import (
    AS_OF_PARAM,
    FILTER_PARAMS,
    LANG_PARAM,
    contract_url,
    keep_in_url,
    language,
    url_flag,
    url_key,
    url_toggle,
    url_values,
    view_query_string,
)

__all__ = [
    "AS_OF_PARAM",
    "CACHE_TTL",
    "DATETIME_FORMATS",
    "DATE_FORMATS",
    "FILTER_PARAMS",
    "KINDS",
    "LANG_PARAM",
    "MAX_SHOWN",
    "Col",
    "View",
    "cache_key",
    "chart",
    "contract_url",
    "db_path",
    "deferred_page",
    "dialogue_columns",
    "downloads",
    "empty",
    "esc",
    "figures",
    "filter_caption",
    "frames",
    "gate",
    "identity",
    "keep_in_url",
    "language",
    "md",
    "page",
    "publishing",
    "query",
    "query_uncached",
    "setup",
    "show_chart",
    "store",
    "table",
    "text_width",
    "uploader_words",
    "url_flag",
    "url_key",
    "url_toggle",
    "url_values",
    "view",
    "view_query_string",
]
