"""Status snapshot for politicians: the key figures as of a date, on at most two A4 pages.

Rendering path, chosen on purpose: pure Python. fpdf2 lays out the pages and embeds DejaVu Sans;
matplotlib's Agg renderer draws the three charts as greyscale PNG at 200 dpi. Why:
- no browser at run time: the dashboard server and the test machines have no internet and need
  no chromium for this; both libraries are pinned wheels;
- fast: one snapshot takes a fraction of a second, not the seconds a headless browser needs;
- deterministic: the same data, date and filters give the same bytes (the creation date is the
  import's time, the charts are raw pixels with no timestamp, every list has a stable order);
- printable in black and white: the charts use grey levels and hatching and carry their numbers.

The numbers come from `summary.key_figures`, as `summary --json` and the dashboard do; the
headlines and their changes from `headlines`, as on the overview. The charts and the table come
from queries/snapshot_*.sql and the dashboard's coverage_by_group.sql, all on the same table
macros, so they add up to those figures.

The parts, each owning one step: `data` reads everything from one import (SnapshotData),
`wording` turns it into sentences and labels, `charts` draws the three charts, `layout` places
all of it on the pages. This module joins them: `build_pdf` is what the CLI and the dashboard
call.
"""

from __future__ import annotations

from datetime import date

from .. import db
from ..filters import Filters
from ..i18n import DEFAULT_LANG
from .charts import _wrap_label, coverage_rows, dialogue_rows, overdue_rows
from .data import SnapshotData, collect
from .layout import MAX_AGENCIES, MAX_COUNTRIES, find_fonts, render
from .wording import Line, headlines

# `_wrap_label` too: tests/test_escape.py checks how a chart label keeps a `$` literal.
__all__ = [
    "MAX_AGENCIES",
    "MAX_COUNTRIES",
    "Line",
    "SnapshotData",
    "_wrap_label",
    "build_pdf",
    "collect",
    "coverage_rows",
    "dialogue_rows",
    "find_fonts",
    "headlines",
    "overdue_rows",
    "render",
]


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
