"""A table's columns (`Col`: result column, header, kind of value) and how each kind is shown:
plain words for codes, countries and yes/no, number texts in the view's language, the
browser's formats for dates and links, and widths that show a status word whole."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from ..geo import country_name
from ..i18n import fmt_int, fmt_nok, fmt_pct, label, t
from .model import DATE_FORMATS, DATETIME_FORMATS, View

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


def dialogue_columns(with_contract: bool = False) -> list[Col]:
    """A factory's social-dialogue row as the contract page and the dialogue page show it; with
    its supplier, contract and agency where the list spans contracts."""
    return [
        Col("factory_name", "dash.col.factory"),
        Col("factory_id", "dash.col.factory_id"),
        *([Col("supplier_name", "dash.col.supplier")] if with_contract else []),
        Col("country", "dash.col.country", "country"),
        Col("city", "dash.col.city"),
        Col("central", "dash.col.central", "bool"),
        Col("dialogue_status", "dash.col.dialogue_status", "code"),
        Col("dialogue_tool", "dash.col.tool"),
        Col("dialogue_started", "dash.col.started", "date"),
        Col("due_date", "dash.col.dialogue_due", "date"),
        Col("days_late", "dash.col.days_vs_deadline", "days"),
        Col("workers", "dash.col.workers", "int"),
        Col("trained_share", "dash.col.trained_share", "pct"),
        Col("worker_committee", "dash.col.worker_committee", "bool"),
        Col("partner", "dash.col.partner"),
        *(
            [Col("contract_id", "dash.col.contract", "contract"), Col("agency", "dash.col.agency")]
            if with_contract
            else []
        ),
    ]
