"""Tables: a result shown with the view's formats and links (at most MAX_SHOWN rows, the
element cached per rows and view), and its CSV and XLSX downloads of every row."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from urllib.parse import quote_plus

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from .. import export
from ..i18n import fmt_int, t
from .caches import CACHE_TTL, cache_key
from .columns import Col, _as_date, _column_config, _each_distinct, _number_formats, _words
from .model import View
from .nav import view
from .signin import identity
from .url import view_query_string

MAX_SHOWN = 1000  # rows a table sends to the browser (most urgent first); the download has all


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
        cache_key(v.params() | {"lang": v.lang}),
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
    lang = view().lang
    formats = (
        ("csv", lambda: export.to_csv(frame()), "text/csv"),
        (
            "xlsx",
            lambda: export.to_xlsx(frame(), sheet=name),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    )
    for column, (ext, data, mime) in zip(st.columns([1, 1, 4]), formats):
        with column:
            st.download_button(
                t(f"dash.download.{ext}", lang),
                data=data,
                file_name=f"{name}.{ext}",
                mime=mime,
                key=f"{ext}_{k}",
                on_click="ignore",
                icon=":material/download:",
                type="tertiary",
            )
