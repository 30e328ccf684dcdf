"""Figure builders: pure functions from query results to plotly figures, and the look they
share (palette, status scales, `layout`, axes); the world maps are etikkmonitor/maps.py, the
charts over time (deadline timeline, trend) etikkmonitor/timecharts.py.

No Streamlit here, so each builder is tested as a function (AppTest cannot see plotly charts).
Colours come from Oslo kommune's palette. Statuses differ by lightness and warm/cool hue, the
"needs attention" status of each scale is also hatched (and drawn as a cross on the map), and
every status is named in the legend and on hover: colour is never the only cue.

plotly reads its labels, legends, titles and hover texts as a subset of HTML (<a href>, <b>,
<br>): every value from data goes through `esc` (escape.plotly) in the builder that puts it
there, so a supplier named `<a href=...>` is shown as typed, never as a link.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import (
    plotly_paths,  # noqa: F401  (speeds up every figure built below)
    schema,
)
from .escape import plotly as esc
from .i18n import fmt_int, fmt_pct, label, t

# Oslo kommune's palette
DARK_BLUE = "#2A2859"
BLUE = "#1F42AA"
LIGHT_BLUE = "#6FE9FF"
YELLOW = "#F9C66B"
RED = "#FF8274"
BEIGE = "#F8F0DD"
DARK_BEIGE = "#D0BFAE"
GREEN = "#43F8B6"
TEXT = "#2C2C2C"
GRID = "#E6E1D6"

# One scale per kind of status, in reading order (schema.py's display orders). `not_reported`
# is told apart from `not_started` by its beige and a dotted pattern rather than the hatching.
DIALOGUE_STATUSES = schema.DIALOGUE_STATUS_ORDER
DEADLINE_STATUSES = schema.DEADLINE_STATUS_ORDER
SEVERITIES = tuple(schema.SEVERITY)

STATUS_COLORS = {
    # lightness: red 68, yellow 83, light blue 86, dark blue 19 (CIE L*); warm = not yet done
    "not_started": RED,
    "not_reported": DARK_BEIGE,
    "planned": YELLOW,
    "in_progress": LIGHT_BLUE,
    "implemented": DARK_BLUE,
    "overdue": RED,
    "met_late": YELLOW,
    "upcoming": LIGHT_BLUE,
    "met_on_time": DARK_BLUE,
    "critical": RED,
    "major": YELLOW,
    "minor": LIGHT_BLUE,
    "observation": DARK_BEIGE,
    "covered": DARK_BLUE,
    "not_covered": RED,
}
HATCHED = {"not_started", "overdue", "critical", "not_covered"}
DOTTED = {"not_reported"}  # status unknown: marked, but not as the scale's "needs attention"
MAP_SYMBOLS = {
    "not_started": "x",
    "not_reported": "square-open",
    "planned": "circle-open",
    "in_progress": "circle",
    "implemented": "diamond",
}
DARK_FILLS = {DARK_BLUE, BLUE}
PART_COLORS = {"part1": DARK_BLUE, "part2": YELLOW}

TOPOJSON_URL = "app/static/topojson/"  # Streamlit serves ./static at /app/static/
PLOTLY_CONFIG = {
    "displaylogo": False,
    "topojsonURL": TOPOJSON_URL,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}


LABEL_CHARS = 60  # an axis label longer than this is cut: a 2 000-character name took the chart


def _category_names(values: pd.Series) -> pd.Series:
    """Values from data as axis categories: cut to LABEL_CHARS characters ("…"), two values cut
    to the same text kept apart by a number (a category is a bar), and escaped (`esc`)."""
    names: dict = {}
    used: set[str] = set()
    for raw in pd.unique(values):
        text = str(raw)
        short = text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"
        name, k = short, 2
        while name in used:
            name, k = f"{short} ({k})", k + 1
        used.add(name)
        names[raw] = esc(name)
    return values.map(names)


def _text_color(fill: str) -> str:
    return "#FFFFFF" if fill in DARK_FILLS else TEXT


def _pattern(status: str) -> dict:
    if status in HATCHED:
        return {"shape": "/", "fgcolor": "rgba(42,40,89,0.55)", "size": 6, "solidity": 0.25}
    if status in DOTTED:
        return {"shape": ".", "fgcolor": "rgba(42,40,89,0.55)", "size": 6, "solidity": 0.3}
    return {}


def layout(fig: go.Figure, lang: str, height: int | None = None, legend: bool = True):
    """The common look: Norwegian number separators, transparent background, legend on top."""
    fig.update_layout(
        separators=",\u00a0" if lang == "nb" else ".,",
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font={"color": TEXT, "size": 13},
        margin={"l": 8, "r": 8, "t": 36 if legend else 12, "b": 8},
        showlegend=legend,
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "xanchor": "left",
            "x": 0,
            "title": None,
            "traceorder": "normal",
        },
        hoverlabel={"bgcolor": "#FFFFFF", "font": {"color": TEXT}},
        # Bar labels keep one readable size; a label that does not fit is hidden, not shrunk.
        uniformtext={"minsize": 10, "mode": "hide"},
    )
    if height:
        fig.update_layout(height=height)
    fig.update_xaxes(gridcolor=GRID, zerolinecolor=GRID)
    fig.update_yaxes(gridcolor=GRID, zerolinecolor=GRID)
    return fig


SHARE_TICKS = (0, 0.25, 0.5, 0.75, 1)


def _share_axis(fig: go.Figure, lang: str, upper: float = 1.04) -> None:
    """An x axis of shares from 0 to 100 %, its labels written as the figures are ("25 %" in
    Norwegian). The axis runs a little past 100 %: a label on the plot's right edge does not
    fit the narrow margin, and plotly leaves it out."""
    fig.update_xaxes(
        range=[0, upper],
        tickvals=list(SHARE_TICKS),
        ticktext=[fmt_pct(x, lang) for x in SHARE_TICKS],
    )


def count_axis(fig: go.Figure, top: float) -> None:
    """A y axis of counts from 0: whole numbers only. With small counts (or none: all zero)
    plotly would otherwise mark 0,2, 0,4, ... between them."""
    fig.update_yaxes(rangemode="tozero", title=None)
    if top < 5:
        fig.update_yaxes(dtick=1, range=[0, max(top, 1) * 1.2])


def bar_height(n: int, per: int = 30, base: int = 90, minimum: int = 180) -> int:
    """A chart's height in pixels for `n` rows (bars, or kinds on a timeline)."""
    return max(minimum, base + per * n)


def coverage_split(figures: dict, lang: str) -> go.Figure:
    """Oslo model part 1 and part 2: share of relevant contracts with and without clauses."""
    parts = [("part1", t("dash.part1", lang)), ("part2", t("dash.part2", lang))]
    fig = go.Figure()
    for state in ("covered", "not_covered"):
        xs, texts, ys, hovers = [], [], [], []
        for key, name in parts:
            p = figures["oslo_model"][key]
            n = p["covered"] if state == "covered" else p["relevant"] - p["covered"]
            share = n / p["relevant"] if p["relevant"] else 0
            xs.append(share)
            ys.append(name)
            texts.append(f"{fmt_int(n, lang)}" if n else "")
            hovers.append(
                t(
                    f"dash.coverage.hover.{state}",
                    lang,
                    n=fmt_int(n, lang),
                    pct=fmt_pct(share, lang),
                )
            )
        fill = STATUS_COLORS[state]
        fig.add_bar(
            x=xs,
            y=ys,
            orientation="h",
            name=t(f"dash.{state}", lang),
            marker={"color": fill, "pattern": _pattern(state)},
            text=texts,
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,  # plotly turns a label on its side to fit a narrow bar: unreadable
            textfont={"color": _text_color(fill), "size": 12},
            hovertext=hovers,
            hoverinfo="text+y",
        )
    fig.update_layout(barmode="stack")
    _share_axis(fig, lang)
    fig.update_yaxes(autorange="reversed")
    return layout(fig, lang, height=200)


def coverage_by_group(
    df: pd.DataFrame, lang: str, measure: str = "count", top: int | None = None
) -> go.Figure:
    """Part 1 and part 2 coverage side by side per group (agency, category or start year).

    `df` holds coverage_by_group rows of one dimension. measure "count" shares contracts,
    "value" shares their value in kroner.
    """
    suffix = "_value_coverage" if measure == "value" else "_coverage"
    # Lowest coverage first: what needs following up is on top.
    df = df.assign(
        _cov=(df["part1_covered"] + df["part2_covered"])
        / (df["part1_relevant"] + df["part2_relevant"]).where(lambda x: x > 0),
        _rel=df["part1_relevant"] + df["part2_relevant"],
    ).sort_values(["_cov", "_rel"], ascending=[True, False], na_position="last")
    if top:
        df = df.head(top)
    fig = go.Figure()
    for part in ("part1", "part2"):
        rel, cov = df[f"{part}_relevant"], df[f"{part}_covered"]
        share = df[f"{part}{suffix}"]
        texts = [
            "" if r == 0 else f"{fmt_pct(s, lang)} ({fmt_int(c, lang)}/{fmt_int(r, lang)})"
            for s, c, r in zip(share.fillna(0), cov, rel, strict=True)
        ]
        fill = PART_COLORS[part]
        fig.add_bar(
            y=_category_names(df["grp"]),
            x=share,
            orientation="h",
            name=t(f"dash.{part}", lang),
            marker={"color": fill},
            text=texts,
            textposition="outside",  # beside the bar: readable whatever its length
            textfont={"color": TEXT, "size": 12},
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra>" + t(f"dash.{part}", lang) + "</extra>",
        )
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    _share_axis(fig, lang, upper=1.3)  # room for the labels beside the bars
    fig.update_xaxes(title=None)
    fig.update_yaxes(autorange="reversed", title=None, type="category")
    fig = layout(fig, lang, height=bar_height(len(df), per=52))
    fig.update_layout(uniformtext=None)  # outside labels need no fitting
    return fig


def stacked_status(
    df: pd.DataFrame,
    by: str,
    statuses: tuple[str, ...],
    lang: str,
    normalise: bool = False,
    by_label=None,
    sort_by: str | None = None,
    top: int | None = None,
) -> go.Figure:
    """Horizontal bars per value of `by`, stacked by status (columns: by, status, n).

    normalise: bars show shares of each row instead of counts. by_label maps a value of `by`
    to its shown name (e.g. a country code to its name). Rows are ordered by their total, or
    by the count of status `sort_by` (then the total); top keeps the first rows only.
    """
    df = df.copy()
    if by_label is not None:
        df[by] = df[by].map(by_label)
    df[by] = _category_names(df[by])
    totals = df.groupby(by)["n"].sum()
    keys = pd.DataFrame({"total": totals})
    if sort_by is not None:
        keys["first"] = df[df["status"] == sort_by].groupby(by)["n"].sum()
        keys = keys.fillna(0).sort_values(["first", "total"], ascending=False)
    else:
        keys = keys.sort_values("total", ascending=False)
    order = keys.index.tolist()[:top] if top else keys.index.tolist()
    wide = df.pivot_table(index=by, columns="status", values="n", aggfunc="sum", fill_value=0)
    wide = wide.reindex(index=order, columns=list(statuses), fill_value=0)
    fig = go.Figure()
    for status in statuses:
        counts = wide[status]
        xs = counts / totals.reindex(order) if normalise else counts
        fill = STATUS_COLORS[status]
        fig.add_bar(
            y=list(wide.index),
            x=list(xs),
            orientation="h",
            name=label(status, lang),
            marker={"color": fill, "pattern": _pattern(status)},
            text=[fmt_int(c, lang) if c else "" for c in counts],
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,  # plotly turns a label on its side to fit a narrow bar: unreadable
            textfont={"color": _text_color(fill), "size": 12},
            customdata=list(counts),
            hovertemplate="%{y}<br>" + label(status, lang) + ": %{customdata}<extra></extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.3)
    if normalise:
        _share_axis(fig, lang)
    fig.update_yaxes(autorange="reversed", type="category", title=None)
    fig.update_xaxes(title=None)
    return layout(fig, lang, height=bar_height(len(order), per=30))


def status_counts(counts: dict, statuses: tuple[str, ...], lang: str) -> go.Figure:
    """One bar per status from a dict status -> count (a key figure), labelled with counts."""
    fig = go.Figure()
    for status in statuses:
        fill = STATUS_COLORS[status]
        n = counts.get(status, 0)
        fig.add_bar(
            x=[label(status, lang)],
            y=[n],
            name=label(status, lang),
            marker={"color": fill, "pattern": _pattern(status)},
            text=[fmt_int(n, lang)],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    count_axis(fig, max((counts.get(status, 0) for status in statuses), default=0))
    fig.update_xaxes(title=None)
    return layout(fig, lang, height=260, legend=False)


def import_rows(df: pd.DataFrame, lang: str) -> go.Figure:
    """Rows imported and rejected per file of an import (import_files rows)."""
    df = df.copy()
    names = _category_names(
        pd.Series(
            [
                f if not isinstance(s, str) or not s else f"{f} [{s}]"
                for f, s in zip(df["file"], df["sheet"], strict=True)
            ]
        )
    ).tolist()
    fig = go.Figure()
    for col, key, fill in (
        ("rows_imported", "dash.imported", DARK_BLUE),
        ("rows_rejected", "dash.rejected", RED),
    ):
        fig.add_bar(
            y=names,
            x=df[col],
            orientation="h",
            name=t(key, lang),
            marker={"color": fill, "pattern": _pattern("not_covered" if fill == RED else "")},
            text=[fmt_int(v, lang) if v else "" for v in df[col]],
            textposition="auto",
            textfont={"color": _text_color(fill), "size": 12},
            hovertemplate="%{y}: %{x}<extra>" + t(key, lang) + "</extra>",
        )
    fig.update_layout(barmode="stack")
    if df["rows_imported"].max() > 50 * max(1, df["rows_imported"].min()):
        # powers of ten only, in Norwegian digits: plotly's own log ticks read "5 100 2 5 1000"
        top = int(df["rows_imported"].add(df["rows_rejected"]).max())
        ticks = [10**k for k in range(len(str(max(top, 1))) + 1)]
        fig.update_xaxes(
            type="log", tickvals=ticks, ticktext=[fmt_int(x, lang) for x in ticks], title=None
        )
    else:
        fig.update_xaxes(type="linear", title=None)
    fig.update_yaxes(autorange="reversed", type="category", title=None)
    return layout(fig, lang, height=bar_height(len(df), per=32))


def counts_bar(df: pd.DataFrame, by: str, lang: str, color: str = DARK_BLUE) -> go.Figure:
    """Horizontal bars of `n` per value of `by`, largest first, labelled with counts."""
    df = df.sort_values("n", ascending=False)
    fig = go.Figure()
    fig.add_bar(
        y=_category_names(df[by]),
        x=df["n"],
        orientation="h",
        marker={"color": color},
        text=[fmt_int(v, lang) for v in df["n"]],
        textposition="auto",
        textfont={"color": _text_color(color)},
        hovertemplate="%{y}: %{x}<extra></extra>",
    )
    fig.update_yaxes(autorange="reversed", type="category", title=None)
    fig.update_xaxes(title=None)
    return layout(fig, lang, height=bar_height(len(df), per=30), legend=False)
