"""The snapshot's three charts (coverage by agency, social dialogue by country, overdue
deadlines by kind), drawn in greyscale for paper, with the rows each shows.

matplotlib's object API, no pyplot: no global state across Streamlit threads.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from PIL import Image

from .. import schema
from ..geo import country_name
from ..i18n import fmt_int, fmt_pct, label, t
from .data import SnapshotData

DPI = 200
COVERAGE_ROW_MM = 7.0  # one agency: two bars

# Chart styles: grey levels and hatching, never colour alone; each bar also carries its number.
PART_STYLE = {
    "part1": {"color": "#4d4d4d", "edgecolor": "#000000", "hatch": None},
    "part2": {"color": "#ffffff", "edgecolor": "#000000", "hatch": "////"},
}
# done first and "not reported" last: the enumeration's order reversed
STATUS_ORDER = tuple(reversed(schema.DIALOGUE_STATUS))
STATUS_STYLE = {
    "implemented": {"color": "#262626", "hatch": None, "text": "white"},
    "in_progress": {"color": "#a6a6a6", "hatch": None, "text": "black"},
    "planned": {"color": "#d9d9d9", "hatch": "....", "text": "black"},
    "not_started": {"color": "#ffffff", "hatch": None, "text": "black"},
    "not_reported": {"color": "#ffffff", "hatch": "xx", "text": "black"},
}
LATE_ORDER = ("late_over_90", "late_31_to_90", "late_up_to_30")
LATE_STYLE = {
    "late_over_90": {"color": "#262626", "hatch": None, "text": "white"},
    "late_31_to_90": {"color": "#8c8c8c", "hatch": "////", "text": "black"},
    "late_up_to_30": {"color": "#ffffff", "hatch": None, "text": "black"},
}
CHART_PT = 7.5  # chart text size, in points on paper (figures are placed at their own size)
LEGEND_MM = 6.5  # band above the axes for the legend
AXIS_MM = 5.0  # tick labels under the axes
XLABEL_MM = 3.5  # the axis title under those


def _figure(width_mm: float, height_mm: float) -> Figure:
    fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> Image.Image:
    """The figure as a greyscale image: what the printer will see. Straight from the Agg
    buffer: a PNG round trip would cost a tenth of a second per chart."""
    fig.canvas.draw()
    return Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).convert("L")


def _style_axes(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_linewidth(0.6)
    ax.spines["bottom"].set_linewidth(0.6)
    ax.tick_params(labelsize=CHART_PT, length=2, width=0.6)
    ax.tick_params(axis="y", length=0)
    ax.set_axisbelow(True)
    ax.grid(axis="x", color="#bfbfbf", linewidth=0.4)


def _wrap_label(text: str, width: int = 34) -> str:
    """A row label (an agency, a country from the data) wrapped, as literal text: matplotlib
    reads a pair of `$` as math (mathtext); an escaped one is shown as it is."""
    return ("\n".join(textwrap.wrap(text, width)) or text).replace("$", r"\$")


def _finish(
    fig: Figure,
    ax,
    labels: list[str],
    handles: list,
    width_mm: float,
    height_mm: float,
    x_label: str | None = None,
) -> Image.Image:
    """Row labels (the first, the total, in bold), legend on top, margins fitted by hand.

    A fixed layout measured once is half the time of constrained layout, which draws twice.
    """
    n = len(labels)
    ax.set_yticks(range(n), [_wrap_label(x) for x in labels])
    ax.get_yticklabels()[0].set_fontweight("bold")
    ax.set_ylim(n - 0.5, -0.5)
    if n > 1:
        ax.axhline(0.5, color="#000000", linewidth=0.6)
    renderer = fig.canvas.get_renderer()
    widest = max(lbl.get_window_extent(renderer).width for lbl in ax.get_yticklabels())
    left_mm = widest / DPI * 25.4 + 2.0
    bottom_mm = AXIS_MM + (XLABEL_MM if x_label else 0) + 0.5
    if x_label:
        ax.set_xlabel(x_label, fontsize=CHART_PT, labelpad=2)
    fig.subplots_adjust(
        left=left_mm / width_mm,
        right=1 - 4.0 / width_mm,
        top=1 - LEGEND_MM / height_mm,
        bottom=bottom_mm / height_mm,
    )
    fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0, 1),
        borderaxespad=0.1,
        ncols=len(handles),
        frameon=False,
        fontsize=CHART_PT,
        handlelength=1.8,
        handleheight=1.0,
        columnspacing=1.6,
    )
    return _png(fig)


def _patch(style: dict, text: str) -> Patch:
    return Patch(
        facecolor=style["color"],
        edgecolor="#000000",
        hatch=style["hatch"],
        linewidth=0.6,
        label=text,
    )


def coverage_rows(data: SnapshotData, lang: str, max_agencies: int) -> tuple[list[dict], int]:
    """The total first, then the agencies; and how many agencies were left out."""
    om = data.figures["oslo_model"]
    rows = [
        {
            "label": t("snapshot.chart.total", lang),
            "part1": om["part1"],
            "part2": om["part2"],
        }
    ]
    for _, r in data.coverage.head(max_agencies).iterrows():
        rows.append(
            {
                "label": r["agency"],
                "part1": {
                    "relevant": int(r["part1_relevant"]),
                    "covered": int(r["part1_covered"]),
                    "coverage": None if pd.isna(r["part1_coverage"]) else r["part1_coverage"],
                },
                "part2": {
                    "relevant": int(r["part2_relevant"]),
                    "covered": int(r["part2_covered"]),
                    "coverage": None if pd.isna(r["part2_coverage"]) else r["part2_coverage"],
                },
            }
        )
    return rows, max(0, len(data.coverage) - max_agencies)


def coverage_chart(rows: list[dict], width_mm: float, lang: str) -> tuple[Image.Image, float]:
    height_mm = LEGEND_MM + AXIS_MM + 1.5 + COVERAGE_ROW_MM * len(rows)
    fig = _figure(width_mm, height_mm)
    ax = fig.add_subplot()
    _style_axes(ax)
    bar_h = 0.36
    for part, offset in (("part1", -bar_h / 2), ("part2", bar_h / 2)):
        style = PART_STYLE[part]
        parts = [row[part] for row in rows]
        widths = [float(p["coverage"]) * 100 if p["relevant"] else 0.0 for p in parts]
        ax.barh(
            [i + offset for i in range(len(rows))],
            widths,
            height=bar_h,
            color=style["color"],
            edgecolor=[style["edgecolor"] if p["relevant"] else "none" for p in parts],
            hatch=style["hatch"],
            linewidth=0.6,
        )
        for i, (p, value) in enumerate(zip(parts, widths, strict=True)):
            if not p["relevant"]:
                ax.text(
                    1,
                    i + offset,
                    t("snapshot.chart.not_relevant", lang),
                    va="center",
                    fontsize=CHART_PT - 0.5,
                    color="#595959",
                    style="italic",
                )
                continue
            of = t(
                "snapshot.of", lang, a=fmt_int(p["covered"], lang), b=fmt_int(p["relevant"], lang)
            )
            ax.text(
                value + 1.2,
                i + offset,
                f"{fmt_pct(p['coverage'], lang)}  ({of})",
                va="center",
                fontsize=CHART_PT,
            )
    ax.set_xlim(0, 135)
    ax.set_xticks([0, 25, 50, 75, 100], [fmt_pct(x / 100, lang) for x in (0, 25, 50, 75, 100)])
    handles = [_patch(PART_STYLE[p], t(f"snapshot.chart.{p}", lang)) for p in ("part1", "part2")]
    image = _finish(fig, ax, [r["label"] for r in rows], handles, width_mm, height_mm)
    return image, height_mm


def _stacked_chart(
    rows: list[tuple[str, dict, str]],
    order: tuple[str, ...],
    styles: dict,
    legend_labels: dict[str, str],
    x_label: str,
    width_mm: float,
    lang: str,
    shares: bool = False,
) -> tuple[Image.Image, float]:
    """Horizontal stacked bars with an end label each; segments of a bar with more than one
    carry their count (a bar of one segment says it in its end label). `shares`: each bar is
    100 %, so small and large groups compare; the counts stay on the segments."""
    height_mm = LEGEND_MM + AXIS_MM + XLABEL_MM + 2 + 6.4 * len(rows)
    fig = _figure(width_mm, height_mm)
    ax = fig.add_subplot()
    _style_axes(ax)
    top = 100 if shares else max([sum(r[1].values()) for r in rows] + [1])
    totals = [max(1, sum(counts.values())) for _, counts, _ in rows]
    scale = [100 / n if shares else 1 for n in totals]
    left = [0.0] * len(rows)
    for key in order:
        s = styles[key]
        widths = [counts.get(key, 0) * k for (_, counts, _), k in zip(rows, scale, strict=True)]
        ax.barh(
            range(len(rows)),
            widths,
            left=left,
            height=0.62,
            color=s["color"],
            edgecolor=["#000000" if w else "none" for w in widths],
            hatch=s["hatch"],
            linewidth=0.6,
        )
        for i, (_, counts, _) in enumerate(rows):
            n = counts.get(key, 0)
            segments = sum(1 for k in order if counts.get(k, 0))
            if n and segments > 1 and widths[i] / top > 0.03:
                ax.text(
                    left[i] + widths[i] / 2,
                    i,
                    fmt_int(n, lang),
                    ha="center",
                    va="center",
                    fontsize=CHART_PT,
                    color=s["text"],
                    # a white patch keeps the number legible on a hatched segment
                    bbox=None
                    if s["hatch"] is None
                    else {"boxstyle": "square,pad=0.15", "facecolor": "white", "linewidth": 0},
                )
        left = [x + w for x, w in zip(left, widths, strict=True)]
    for i, (_, _, end_label) in enumerate(rows):
        ax.text(left[i] + top * 0.012, i, end_label, va="center", fontsize=CHART_PT)
    ax.set_xlim(0, top * 1.32)
    if shares:
        ticks = (0, 25, 50, 75, 100)
        ax.set_xticks(ticks, [fmt_pct(x / 100, lang) for x in ticks])
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
        ax.set_xticks([x for x in ax.get_xticks() if 0 <= x <= top])
    handles = [_patch(styles[k], legend_labels[k]) for k in order]
    image = _finish(fig, ax, [r[0] for r in rows], handles, width_mm, height_mm, x_label)
    return image, height_mm


def dialogue_rows(data: SnapshotData, lang: str, max_countries: int) -> tuple[list, int, int]:
    """(label, counts, end label) rows: all central factories first, then by country."""

    def row(label: str, counts: dict) -> tuple[str, dict, str]:
        started = sum(counts[s] for s in schema.DIALOGUE_STARTED)
        total = sum(counts.values())
        return label, counts, t("snapshot.chart.started", lang, a=started, b=total)

    by = data.figures["factories"]["central_by_status"]
    rows = [row(t("snapshot.chart.total", lang), {s: by[s] for s in STATUS_ORDER})]
    shown = data.dialogue.head(max_countries)
    for _, r in shown.iterrows():
        rows.append(row(country_name(r["country"], lang), {s: int(r[s]) for s in STATUS_ORDER}))
    hidden = data.dialogue.iloc[len(shown) :]
    return rows, len(hidden), int(hidden["central"].sum()) if len(hidden) else 0


def dialogue_chart(rows, width_mm: float, lang: str) -> tuple[Image.Image, float]:
    return _stacked_chart(
        rows,
        STATUS_ORDER,
        STATUS_STYLE,
        {s: label(s, lang) for s in STATUS_ORDER},
        t("snapshot.chart.factories_share", lang),
        width_mm,
        lang,
        shares=True,
    )


def overdue_rows(data: SnapshotData, lang: str) -> list:
    total = {k: int(data.overdue_by_kind[k].sum()) for k in LATE_ORDER}
    rows = [(t("snapshot.chart.total", lang), total, fmt_int(sum(total.values()), lang))]
    by_kind = data.overdue_by_kind.set_index("kind")
    for kind in schema.DEADLINE_KIND:
        r = by_kind.loc[kind]
        rows.append(
            (
                label(kind, lang),
                {k: int(r[k]) for k in LATE_ORDER},
                fmt_int(int(r["overdue"]), lang),
            )
        )
    return rows


def overdue_chart(rows, width_mm: float, lang: str) -> tuple[Image.Image, float]:
    return _stacked_chart(
        rows,
        LATE_ORDER,
        LATE_STYLE,
        {k: t(f"snapshot.chart.{k}", lang) for k in LATE_ORDER},
        t("snapshot.chart.deadlines", lang),
        width_mm,
        lang,
    )
