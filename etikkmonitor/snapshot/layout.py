"""The snapshot's pages: A4 layout with fpdf2 (fonts, title block, key figures, notes, the
table of the most overdue deadlines) and `render`, which places the words and charts on two
pages.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import matplotlib
import pandas as pd
from fpdf import FPDF, FontFace
from fpdf.enums import TableBordersLayout, TableCellFillMode, XPos, YPos
from PIL import Image

from ..i18n import DEFAULT_LANG, LANGS, fmt_date, fmt_date_long, fmt_int, plural, t
from .charts import (
    AXIS_MM,
    COVERAGE_ROW_MM,
    LEGEND_MM,
    coverage_chart,
    coverage_rows,
    dialogue_chart,
    dialogue_rows,
    overdue_chart,
    overdue_rows,
)
from .data import SnapshotData
from .wording import (
    Line,
    clip,
    definitions_text,
    headlines,
    import_text,
    overdue_what,
    scope_text,
    text_or,
)

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
MAX_AGENCIES = 12
MAX_COUNTRIES = 8

# headlines.arrow's arrows in the PDF core font Symbol, whose encoding puts them at 0xAD, 0xAF,
# 0xAE.
SYMBOL_ARROWS = {"\u2191": "\u00ad", "\u2193": "\u00af", "\u2192": "\u00ae"}

INK = 0  # text
GREY = 90  # secondary text
RULE = 170  # thin lines
BOX = 242  # light fill behind the info box


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
                f"{r['contract_id']} {clip(text_or(r['title'], ''), 48)}",
                clip(text_or(r["agency"], ""), 40),
                clip(text_or(r["supplier_name"], ""), 36),
                clip(overdue_what(r, lang), 80),
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
