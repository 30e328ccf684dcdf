"""The charts over time: deadlines on a time axis (`deadline_timeline`: Frister, Kontrakt) and
the key figures quarter by quarter (`trend`: Oversikt), in charts' palette and `layout`.

Hover texts are plotly's HTML subset: every value from data goes through `esc` (escape.plotly).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import schema
from .charts import (
    DARK_BLUE,
    DEADLINE_STATUSES,
    HATCHED,
    RED,
    STATUS_COLORS,
    TEXT,
    bar_height,
    count_axis,
    layout,
)
from .escape import plotly as esc
from .i18n import fmt_date, fmt_int, label, t


def deadline_timeline(df: pd.DataFrame, as_of: date, lang: str) -> go.Figure:
    """Deadlines on a time axis, one row per kind, coloured by status; a line marks the date.

    `df` holds deadline rows (kind, status, due_date, contract_id, description) or points of
    the timeline query, which add `n`, the deadlines of one kind and status due that day (with
    contract_id and description only when n = 1): a point of several is larger, and says how
    many it holds.
    """
    df = df.copy()
    df["due_date"] = pd.to_datetime(df["due_date"])
    if "n" not in df:
        df["n"] = 1
    kinds = [k for k in schema.DEADLINE_KIND if k in set(df["kind"])] or list(schema.DEADLINE_KIND)
    fig = go.Figure()
    due = t("dash.col.due_date", lang)
    kind_names = {k: label(k, lang) for k in df["kind"].unique()}
    # the most urgent drawn last, on top (at scale the points of one day overlap); the legend
    # keeps the statuses' order
    for rank, status in reversed(list(enumerate(DEADLINE_STATUSES))):
        part = df[df["status"] == status]
        if part.empty:
            continue
        name = label(status, lang)
        # column-wise (thousands of points at scale); each distinct date formatted once
        dates = {d: fmt_date(d.date(), lang) for d in part["due_date"].unique()}
        hover = [
            (
                f"<b>{esc(c)}</b> {esc(d) if isinstance(d, str) else ''}"
                if k == 1
                else t("dash.timeline.n_deadlines", lang, n=fmt_int(k, lang))
            )
            + f"<br>{due}: {dates[x]}<br>{name}"
            for c, d, x, k in zip(
                part["contract_id"].astype(object),
                part["description"].astype(object),
                part["due_date"],
                part["n"],
                strict=True,
            )
        ]
        fig.add_scatter(  # arrays, not lists: plotly copies a list item by item
            x=part["due_date"],
            y=part["kind"].map(kind_names).to_numpy(dtype=object),
            mode="markers",
            name=label(status, lang),
            marker={
                "color": STATUS_COLORS[status],
                "symbol": "x" if status in HATCHED else "circle",
                # 11 px for one deadline, growing with the log of the count: 1 -> 11, 10 -> 21,
                # 100 -> 31 (the cap)
                "size": np.minimum(11 + 10 * np.log10(part["n"].to_numpy(dtype=float)), 31),
                "line": {"color": DARK_BLUE, "width": 1},
                "opacity": 0.85,
            },
            hovertext=np.array(hover, dtype=object),
            hoverinfo="text",
            legendrank=1000 + rank,
        )
    fig.add_vline(x=pd.Timestamp(as_of).value / 1e6, line={"color": DARK_BLUE, "dash": "dot"})
    fig.add_annotation(
        x=pd.Timestamp(as_of).value / 1e6,
        y=1.0,
        yref="paper",
        text=t("dash.timeline.as_of", lang, date=fmt_date(as_of, lang)),
        showarrow=False,
        yanchor="bottom",
        font={"color": DARK_BLUE},
    )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=[label(k, lang) for k in kinds],
        autorange="reversed",
        title=None,
    )
    fig.update_xaxes(tickformat="%m.%Y" if lang == "nb" else "%Y-%m", title=None)
    return layout(fig, lang, height=bar_height(len(kinds), per=60, base=120))


def trend(df: pd.DataFrame, lang: str) -> go.Figure:
    """Key figures quarter by quarter: overdue deadlines and open findings (columns: as_of,
    overdue, open_findings)."""
    fig = go.Figure()
    series = (
        ("overdue", t("dash.trend.overdue", lang), RED, "x"),
        ("open_findings", t("dash.trend.open_findings", lang), DARK_BLUE, "circle"),
    )
    x = pd.to_datetime(df["as_of"])
    for col, name, color, symbol in series:
        fig.add_scatter(
            x=x,
            y=df[col],
            mode="lines+markers+text",
            name=name,
            line={"color": color, "width": 3, "dash": "dash" if symbol == "x" else "solid"},
            marker={"color": color, "symbol": symbol, "size": 9},
            text=[fmt_int(v, lang) for v in df[col]],
            textposition="top center",
            textfont={"color": TEXT},
            cliponaxis=False,
            customdata=[fmt_date(d.date(), lang) for d in x],
            hovertemplate="%{customdata}: %{text}<extra>" + name + "</extra>",
        )
    fig.update_xaxes(
        tickvals=x, ticktext=[fmt_date(d.date(), lang) for d in x], title=None, showgrid=False
    )
    count_axis(fig, max(df["overdue"].max(), df["open_findings"].max()) if len(df) else 0)
    return layout(fig, lang, height=300)
