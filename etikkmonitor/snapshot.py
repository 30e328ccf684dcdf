"""Status snapshot for politicians: the key figures as of a date, on at most two A4 pages.

Rendering path, chosen on purpose: pure Python. fpdf2 lays out the pages and embeds DejaVu Sans;
matplotlib's Agg renderer draws the three charts as greyscale PNG at 200 dpi. Why:
- no browser at run time: the dashboard server and the test machines have no internet and need
  no chromium for this; both libraries are pinned wheels;
- fast: one snapshot takes a fraction of a second, not the seconds a headless browser needs;
- deterministic: the same data, date and filters give the same bytes (the creation date is the
  import's time, the charts are raw pixels with no timestamp, every list has a stable order);
- printable in black and white: the charts use grey levels and hatching and carry their numbers.

The numbers come from `summary.key_figures`, as `summary --json` and the dashboard do. The
charts and the table come from queries/snapshot_*.sql and the dashboard's coverage_by_group.sql,
all on the same table macros, so they add up to those figures.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

import matplotlib
import numpy as np
import pandas as pd
from fpdf import FPDF, FontFace
from fpdf.enums import TableBordersLayout, TableCellFillMode, XPos, YPos
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from PIL import Image

from . import db, schema, settings
from . import headlines as hl
from .filters import Filters
from .geo import country_name
from .i18n import (
    DEFAULT_LANG,
    LANGS,
    fmt_date,
    fmt_date_long,
    fmt_int,
    fmt_list,
    fmt_nok,
    fmt_pct,
    label,
    plural,
    t,
)
from .summary import figures_then, key_figures

# Debian's fonts-dejavu-core first; matplotlib ships the same font, so the TTF is always there
# where matplotlib is. Helvetica (a PDF core font, cp1252: has æøå) is the last resort.
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path(matplotlib.get_data_path()) / "fonts" / "ttf",
)

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 16.0
WIDTH = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - 14.0  # the footer sits below this line
DPI = 200
MOST_OVERDUE = 5
MAX_AGENCIES = 12
COVERAGE_ROW_MM = 7.0  # one agency: two bars
MAX_COUNTRIES = 8

# headlines.arrow's arrows in the PDF core font Symbol, whose encoding puts them at 0xAD, 0xAF,
# 0xAE.
SYMBOL_ARROWS = {"\u2191": "\u00ad", "\u2193": "\u00af", "\u2192": "\u00ae"}

INK = 0  # text
GREY = 90  # secondary text
RULE = 170  # thin lines
BOX = 242  # light fill behind the info box

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


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SnapshotData:
    """Everything a snapshot shows, read from one import."""

    as_of: date
    compare_to: date
    compare_is_default: bool
    filters: Filters
    rules: dict
    figures: dict
    previous: dict
    data_import: dict | None
    coverage: pd.DataFrame
    dialogue: pd.DataFrame
    overdue_by_kind: pd.DataFrame
    most_overdue: pd.DataFrame


def collect(
    store: db.Store,
    as_of: date,
    filters: Filters | None = None,
    compare_to: date | None = None,
    import_id: int | None = None,
) -> SnapshotData:
    """Read the snapshot's figures. The figures of `compare_to` come from the data that was
    current then (summary.figures_then), so a change since then includes new deliveries."""
    filters = filters or Filters()
    compare_is_default = compare_to is None
    compare_to = hl.months_before(as_of, 3) if compare_to is None else compare_to
    if compare_to > as_of:
        raise ValueError(f"compare_to {compare_to} is after as_of {as_of}")
    import_id = store.current_import_id() if import_id is None else import_id
    rules = settings.rules()
    params = {
        "import_id": import_id,
        "as_of": as_of,
        "filters": filters.as_param(),
        "rules": rules,
        "limit": MOST_OVERDUE,
    }
    imports = store.query("snapshot_import", **params)
    return SnapshotData(
        as_of=as_of,
        compare_to=compare_to,
        compare_is_default=compare_is_default,
        filters=filters,
        rules=rules,
        figures=key_figures(store, as_of, filters, import_id),
        previous=figures_then(store, compare_to, filters),
        data_import=None if imports.empty else imports.iloc[0].to_dict(),
        coverage=_agencies_with_relevant(store.query("coverage_by_group", **params)),
        dialogue=store.query("snapshot_dialogue_by_country", **params),
        overdue_by_kind=store.query("snapshot_overdue_by_kind", **params),
        most_overdue=store.query("snapshot_most_overdue", **params),
    )


def _agencies_with_relevant(groups: pd.DataFrame) -> pd.DataFrame:
    """The agency rows of coverage_by_group (the dashboard's query) that have something relevant:
    each counts the contracts the agency owns or has call-offs on, as the agency filter does."""
    rows = groups[(groups["dimension"] == "agency")]
    rows = rows[rows["part1_relevant"] + rows["part2_relevant"] > 0]
    return rows.rename(columns={"grp": "agency"}).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------


class Line(NamedTuple):
    """A headline (headlines.Headline) as the PDF prints it: only words, no figures of its own."""

    key: str
    value: str
    caption: str
    sentence: str
    arrow: str  # ↑ ↓ → or "" when the change cannot be told
    change: str  # "4", "12 prosentpoeng", "uendret"
    since: str  # "siden 30.06.2024, da 3"


# Headlines the PDF prints as "a of b" rather than a share, and compares by that count.
AS_COUNT = frozenset({"dialogue"})


def headlines(figures: dict, previous: dict, compare_to: date, lang: str) -> list[Line]:
    """The five headlines of headlines.headlines, worded for the PDF, each with its change
    since `compare_to` as printed (headlines.change with as_printed)."""
    d0 = fmt_date(compare_to, lang)
    out = []
    for now, was in zip(hl.headlines(figures, lang), hl.headlines(previous, lang), strict=True):
        if now.key in AS_COUNT:
            now, was = now.as_count(), was.as_count()
        c = hl.change(now, was, lang, as_printed=True)
        if c is None:
            arrow = change = ""
        elif c.direction == 0:
            arrow, change = hl.arrow(c), t("snapshot.change.unchanged", lang)
        else:
            arrow = hl.arrow(c)
            if now.kind == hl.PCT:
                change = plural("snapshot.change.pp", c.amount, lang)
            else:
                change = fmt_int(c.amount, lang)
        since_key = "snapshot.change.na" if c is None else "snapshot.change.since"
        since = t(since_key, lang, date=d0, was=_printed(was, lang, "snapshot.chart.not_relevant"))
        caption = t(f"snapshot.caption.{now.key}", lang)
        value = _printed(now, lang)
        out.append(Line(now.key, value, caption, now.sentence, arrow, change, since))
    return out


def _printed(h: hl.Headline, lang: str, nothing: str | None = None) -> str:
    """The value as the PDF prints it; a share of nothing (no relevant contracts) as "–", or
    as the text `nothing` names."""
    if h.key in AS_COUNT:
        return t("snapshot.of", lang, a=fmt_int(h.count, lang), b=fmt_int(h.of, lang))
    if h.value is None and nothing:
        return t(nothing, lang)
    return h.shown(lang)


def scope_text(data: SnapshotData, lang: str) -> str:
    """What the snapshot covers: agencies, other filters, number of contracts."""
    f = data.filters
    if f.agencies:
        who = t("snapshot.covers_agencies", lang, agencies=fmt_list(f.agencies, lang))
    else:
        who = t("snapshot.covers_all", lang)
    parts = [who]
    for dim, values in (
        ("categories", f.categories),
        ("suppliers", f.suppliers),
        ("countries", tuple(country_name(c, lang) for c in f.countries)),
        ("contract_types", f.contract_types),
    ):
        if values:
            parts.append(f"{t(f'snapshot.filter.{dim}', lang)}: {fmt_list(values, lang)}")
    n = plural("snapshot.n_contracts", data.figures["contracts"], lang)
    return "; ".join(parts) + f" · {n}"


def import_text(data: SnapshotData, lang: str) -> str:
    imp = data.data_import
    if imp is None:
        return t("snapshot.no_import", lang)
    at = pd.Timestamp(imp["created_at"]).to_pydatetime()
    return t(
        "snapshot.imported",
        lang,
        id=int(imp["import_id"]),
        date=fmt_date(at.date(), lang),
        time=at.strftime("%H:%M"),
    )


def definitions_text(data: SnapshotData, lang: str) -> str:
    rules = data.rules
    cats = fmt_list([c.lower() for c in rules["part1_categories"]], lang)
    return t(
        "snapshot.definitions",
        lang,
        categories=cats,
        part1_min=fmt_nok(rules["part1_min_value"], lang),
        part2_min=fmt_nok(rules["part2_min_value"], lang),
        date=fmt_date(data.as_of, lang),
    )


def overdue_what(row: pd.Series, lang: str) -> str:
    """Plain words for an overdue deadline of the table."""
    kind = row["kind"]
    if kind == "documentation":
        return t("snapshot.what.documentation", lang, k=row["ref_id"])
    if kind == "social_dialogue":
        factory = row["factory_name"] if isinstance(row["factory_name"], str) else row["ref_id"]
        if isinstance(row["country"], str):
            factory = f"{factory} ({country_name(row['country'], lang)})"
        return t("snapshot.what.social_dialogue", lang, factory=factory)
    if kind == "action_plan":
        severity = row["severity"] if isinstance(row["severity"], str) else "unknown"
        return t(
            "snapshot.what.action_plan",
            lang,
            severity=t(f"snapshot.severity.{severity}", lang),
            description=_text_or(row["description"], row["ref_id"]),
        )
    return t("snapshot.what.milestone", lang, description=_text_or(row["description"], ""))


def _text_or(value, default: str) -> str:
    return value if isinstance(value, str) and value else str(default)


def _clip(text: str, n: int) -> str:
    """At most n characters, cut at a word with an ellipsis, so table rows stay short."""
    return text if len(text) <= n else textwrap.shorten(text, n, placeholder=" …")


# ---------------------------------------------------------------------------------------------
# Charts (matplotlib's object API, no pyplot: no global state across Streamlit threads)
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# The PDF
# ---------------------------------------------------------------------------------------------


class _Pdf(FPDF):
    """A4 pages with the snapshot's footer, in DejaVu Sans or (without it) Helvetica."""

    def __init__(self, footer: str, fonts: tuple[Path, Path] | None):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.core_fonts = fonts is None
        if fonts is None:
            self.family = "Helvetica"
            self.core_fonts_encoding = "cp1252"  # æøå, «», –, “” and ·
        else:
            self.family = "DejaVu"
            self.add_font("DejaVu", "", str(fonts[0]))
            self.add_font("DejaVu", "B", str(fonts[1]))

    def font(self, size: float, bold: bool = False, grey: int = INK) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(grey)

    def safe(self, text: str) -> str:
        """Text the current font can show (core fonts: cp1252, unknown characters as ?)."""
        if not self.core_fonts:
            return text
        return text.encode("cp1252", "replace").decode("cp1252")

    def write_arrow(self, arrow: str, size: float, h: float) -> None:
        if self.core_fonts:
            self.set_font("Symbol", "", size)
            self.cell(h=h, text=SYMBOL_ARROWS[arrow])
        else:
            self.set_font(self.family, "B", size)
            self.cell(h=h, text=arrow)

    def footer(self) -> None:
        self.set_y(BOTTOM + 3)
        self.font(7, grey=GREY)
        self.set_draw_color(RULE)
        self.line(MARGIN, BOTTOM + 1.5, PAGE_W - MARGIN, BOTTOM + 1.5)
        self.cell(
            WIDTH,
            4,
            self.safe(self.footer_text.format(page=self.page_no(), pages="{nb}")),
            align="C",
        )


def find_fonts() -> tuple[Path, Path] | None:
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


def _heading(pdf: _Pdf, text: str, size: float = 11) -> None:
    pdf.font(size, bold=True)
    pdf.cell(WIDTH, 6, pdf.safe(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _note(pdf: _Pdf, text: str) -> None:
    pdf.font(7.5, grey=GREY)
    pdf.multi_cell(WIDTH, 3.6, pdf.safe(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _image(pdf: _Pdf, image: Image.Image, height_mm: float) -> None:
    pdf.image(image, x=MARGIN, y=pdf.get_y(), w=WIDTH, h=height_mm)
    pdf.set_y(pdf.get_y() + height_mm)


def _title_block(pdf: _Pdf, data: SnapshotData, lang: str) -> None:
    pdf.font(8, bold=True, grey=GREY)
    pdf.cell(
        WIDTH, 4, pdf.safe(t("snapshot.org", lang).upper()), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.ln(1)
    pdf.font(19, bold=True)
    pdf.cell(WIDTH, 9, pdf.safe(t("snapshot.title", lang)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font(13)
    pdf.cell(
        WIDTH,
        7,
        pdf.safe(t("snapshot.subtitle", lang, date=fmt_date_long(data.as_of, lang))),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(2.5)

    d0 = fmt_date(data.compare_to, lang)
    rows = [
        (t("snapshot.covers", lang), scope_text(data, lang)),
        (
            t("snapshot.compared", lang),
            t("snapshot.compared_quarter", lang, date=d0) if data.compare_is_default else d0,
        ),
        (t("snapshot.data", lang), import_text(data, lang)),
    ]
    label_w, pad = 32, 2.5
    pdf.font(8.5)
    text_w = WIDTH - label_w - 2 * pad
    heights = [
        len(pdf.multi_cell(text_w, 4.2, pdf.safe(v), align="L", dry_run=True, output="LINES")) * 4.2
        for _, v in rows
    ]
    top = pdf.get_y()
    pdf.set_fill_color(BOX)
    pdf.rect(MARGIN, top, WIDTH, sum(heights) + 2 * pad, style="F")
    pdf.set_y(top + pad)
    for (key, value), h in zip(rows, heights, strict=True):
        y = pdf.get_y()
        pdf.set_x(MARGIN + pad)
        pdf.font(8.5, bold=True)
        pdf.cell(label_w, 4.2, pdf.safe(key))
        pdf.font(8.5)
        pdf.multi_cell(text_w, 4.2, pdf.safe(value), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_y(y + h)
    pdf.set_y(top + sum(heights) + 2 * pad + 5)


def _key_figures(pdf: _Pdf, items: list[Line], lang: str) -> None:
    _heading(pdf, t("snapshot.key_figures", lang), 12)
    pdf.ln(1)
    value_w, change_w, gap = 40, 44, 4
    sentence_w = WIDTH - value_w - change_w - 2 * gap
    pdf.set_draw_color(RULE)
    pdf.set_line_width(0.2)
    pdf.line(MARGIN, pdf.get_y(), PAGE_W - MARGIN, pdf.get_y())
    for item in items:
        top = pdf.get_y() + 2.2
        # big value with its caption under it
        pdf.set_xy(MARGIN, top)
        pdf.font(17, bold=True)
        pdf.cell(value_w, 8, pdf.safe(item.value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.font(7.5, grey=GREY)
        pdf.multi_cell(
            value_w, 3.4, pdf.safe(item.caption), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        bottom = pdf.get_y()
        # the sentence a politician can quote
        pdf.set_xy(MARGIN + value_w + gap, top + 0.6)
        pdf.font(9.5)
        pdf.multi_cell(
            sentence_w, 4.6, pdf.safe(item.sentence), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        bottom = max(bottom, pdf.get_y())
        # the change since D0
        x = MARGIN + value_w + gap + sentence_w + gap
        pdf.set_xy(x, top + 0.6)
        if item.arrow:
            pdf.write_arrow(item.arrow, 11, 5)
            pdf.font(9.5, bold=True)
            pdf.cell(change_w - 6, 5, pdf.safe(" " + item.change))
        pdf.set_xy(x, top + 0.6 + (5.4 if item.arrow else 0))
        pdf.font(7.5, grey=GREY)
        pdf.multi_cell(
            change_w, 3.4, pdf.safe(item.since), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        bottom = max(bottom, pdf.get_y())
        pdf.set_y(bottom + 2.2)
        pdf.line(MARGIN, pdf.get_y(), PAGE_W - MARGIN, pdf.get_y())
    pdf.ln(2)


def _most_overdue_table(pdf: _Pdf, data: SnapshotData, lang: str) -> None:
    n = len(data.most_overdue)
    _heading(pdf, plural("snapshot.most_overdue", n, lang))
    pdf.ln(0.5)
    pdf.font(8)
    pdf.set_draw_color(RULE)
    headings = [
        t(f"snapshot.col.{c}", lang)
        for c in ("contract", "agency", "supplier", "what", "due", "days_late")
    ]
    with pdf.table(
        col_widths=(38, 30, 27, 49, 19, 15),
        width=WIDTH,
        align="L",
        line_height=3.7,
        padding=(1.2, 1, 1.2, 1),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        headings_style=FontFace(emphasis="BOLD", fill_color=BOX),
        cell_fill_color=248,  # every other row, to follow a row across
        cell_fill_mode=TableCellFillMode.ROWS,
        text_align=("LEFT", "LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT"),
    ) as table:
        table.row([pdf.safe(h) for h in headings])
        for _, r in data.most_overdue.iterrows():
            cells = [
                f"{r['contract_id']} {_clip(_text_or(r['title'], ''), 48)}",
                _clip(_text_or(r["agency"], ""), 40),
                _clip(_text_or(r["supplier_name"], ""), 36),
                _clip(overdue_what(r, lang), 80),
                fmt_date(pd.Timestamp(r["due_date"]).date(), lang),
                fmt_int(int(r["days_late"]), lang),
            ]
            table.row([pdf.safe(c) for c in cells])


def render(data: SnapshotData, lang: str = DEFAULT_LANG, fonts="auto") -> bytes:
    """The PDF of collected snapshot data. `fonts`: "auto", or None to force Helvetica."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGS}")
    fonts = find_fonts() if fonts == "auto" else fonts
    as_of = fmt_date(data.as_of, lang)
    pdf = _Pdf(t("snapshot.footer", lang, date=as_of, page="{page}", pages="{pages}"), fonts)
    # Fixed metadata: the creation date is the data's import time (stored without a zone; read
    # as UTC so every machine writes the same bytes), else the snapshot date.
    if data.data_import is not None:
        created = pd.Timestamp(data.data_import["created_at"]).to_pydatetime()
    else:
        created = datetime(data.as_of.year, data.as_of.month, data.as_of.day)
    pdf.set_creation_date(created.replace(tzinfo=UTC, microsecond=0))
    pdf.set_title(f"{t('snapshot.title', lang)} – {t('snapshot.subtitle', lang, date=as_of)}")
    pdf.set_author(t("snapshot.org", lang))
    pdf.set_creator("Etikkmonitor")
    pdf.set_lang("nb-NO" if lang == "nb" else "en-GB")

    # Page 1: what it covers, the key figures and how to read them, coverage by agency.
    pdf.add_page()
    _title_block(pdf, data, lang)
    _key_figures(pdf, headlines(data.figures, data.previous, data.compare_to, lang), lang)
    _note(pdf, definitions_text(data, lang))
    pdf.ln(4)
    _heading(pdf, t("snapshot.chart.coverage", lang))
    room = BOTTOM - pdf.get_y() - 12  # the heading's notes below the chart
    fit = max(1, min(MAX_AGENCIES, int((room - LEGEND_MM - AXIS_MM - 1.5) // COVERAGE_ROW_MM) - 1))
    rows, hidden = coverage_rows(data, lang, fit)
    image, h = coverage_chart(rows, WIDTH, lang)
    _image(pdf, image, h)
    notes = [t("snapshot.chart.coverage_note", lang)]
    if hidden:
        notes.append(t("snapshot.chart.coverage_more", lang, shown=len(rows) - 1, hidden=hidden))
    _note(pdf, " ".join(notes))

    # Page 2: social dialogue, overdue deadlines by kind, the most overdue items.
    pdf.add_page()
    pdf.font(8, bold=True, grey=GREY)
    pdf.cell(
        WIDTH,
        4,
        pdf.safe(f"{t('snapshot.title', lang)} · {t('snapshot.subtitle', lang, date=as_of)}"),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(3)
    _heading(pdf, t("snapshot.chart.dialogue", lang))
    if data.figures["factories"]["central"]:
        rows, hidden, hidden_n = dialogue_rows(data, lang, MAX_COUNTRIES)
        image, h = dialogue_chart(rows, WIDTH, lang)
        _image(pdf, image, h)
        if hidden:
            _note(pdf, t("snapshot.chart.dialogue_more", lang, hidden=hidden, n=hidden_n))
    else:
        _note(pdf, t("snapshot.chart.no_factories", lang))
    pdf.ln(4)
    _heading(pdf, t("snapshot.chart.overdue", lang, date=as_of))
    if data.figures["deadlines"]["overdue"]:
        image, h = overdue_chart(overdue_rows(data, lang), WIDTH, lang)
        _image(pdf, image, h)
        pdf.ln(4)
        _most_overdue_table(pdf, data, lang)
    else:  # nothing to chart and no table: one plain line says so
        pdf.font(9.5)
        pdf.cell(WIDTH, 5, pdf.safe(t("snapshot.none_overdue", lang, date=as_of)))
    if pdf.get_y() > BOTTOM or pdf.pages_count > 2:
        raise RuntimeError("snapshot layout overflowed its two pages")  # a bug, never data
    return bytes(pdf.output())


def build_pdf(
    store: db.Store,
    as_of: date,
    filters: Filters | None = None,
    compare_to: date | None = None,
    lang: str = DEFAULT_LANG,
) -> bytes:
    """The status snapshot as PDF bytes: key figures as of `as_of` for the filtered contracts,
    with changes since `compare_to` (default: the same date a quarter earlier)."""
    return render(collect(store, as_of, filters, compare_to), lang)
