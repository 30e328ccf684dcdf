"""The headline figures: value, change and a plain sentence, from key_figures.

The one headline engine: the overview shows these, and the PDF (snapshot) words the same
`Headline`s and `change`s in its own layout. The figures themselves are defined in
queries/summary.sql; this module only picks them and compares two dates. Pure functions (no
Streamlit), so the numbers and words are tested directly.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date

from .i18n import fmt_int, fmt_number, fmt_pct, summary_sentences, t

PCT, COUNT = "pct", "count"


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    value: float | int | None  # a fraction for PCT, a count for COUNT; None: nothing to measure
    kind: str
    higher_is_better: bool
    sentence: str
    count: int  # PCT: how many the share counts (covered, started); COUNT: the value
    of: int | None = None  # PCT: out of how many (relevant contracts, central factories)

    def shown(self, lang: str) -> str:
        if self.value is None:
            return "–"
        return fmt_pct(self.value, lang) if self.kind == PCT else fmt_int(self.value, lang)

    def as_count(self) -> Headline:
        """The share as its count ("12 of 20" rather than 60 %): compared by that count."""
        return replace(self, value=self.count, kind=COUNT)


def fmt_nok_short(n, lang: str) -> str:
    """265 mill. / 1,3 mill. / 950 000 (kroner; the label names the unit): a key figure's box
    is narrow."""
    if n is None:
        return "–"
    if abs(n) < 1_000_000:
        return fmt_int(n, lang)
    decimals = 0 if abs(n) >= 100_000_000 else 1
    return t("fmt.millions_short", lang, m=fmt_number(n / 1e6, lang, decimals, grouping=False))


def months_before(d: date, months: int) -> date:
    """The same day `months` earlier, clamped to the month's end (31.05 - 3 months = 28/29.02)."""
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def headlines(f: dict, lang: str) -> list[Headline]:
    """The five headline figures from a key_figures dict, each with the sentence
    i18n.summary_sentences gives it (the CLI and the snapshot say the same)."""
    part1, part2, dialogue, overdue, findings = summary_sentences(f, lang)
    om, fac = f["oslo_model"], f["factories"]

    def share(key: str, part: dict, sentence: str) -> Headline:
        return Headline(
            key,
            t(f"dash.headline.{key}", lang),
            part["coverage"],
            PCT,
            True,
            sentence,
            part["covered"],
            part["relevant"],
        )

    def count(key: str, n: int, sentence: str) -> Headline:
        return Headline(key, t(f"dash.headline.{key}", lang), n, COUNT, False, sentence, n)

    return [
        share("part1", om["part1"], part1),
        share("part2", om["part2"], part2),
        Headline(
            "dialogue",
            t("dash.headline.dialogue", lang),
            fac["central_started_share"],
            PCT,
            True,
            dialogue,
            fac["central_started"],
            fac["central"],
        ),
        count("overdue", f["deadlines"]["overdue"], overdue),
        count("findings", f["findings"]["open_serious"], findings),
    ]


@dataclass(frozen=True)
class Change:
    text: str  # "+5 %-poeng", "-2", "uendret"
    direction: int  # 1 up, -1 down, 0 unchanged
    good: bool | None  # None when unchanged
    amount: float  # the size of the move: percentage points (PCT) or a count, >= 0


def change(
    now: Headline, before: Headline | None, lang: str, as_printed: bool = False
) -> Change | None:
    """How `now` moved since `before`; None when either side has nothing to compare.

    `as_printed`: a share moves by the difference of its whole percentages as printed, so the
    change adds up on paper (the PDF: 67 % and 50 % make 17 points); else by the difference of
    the shares to a tenth of a point (the overview, whose small moves are shown as 0,4)."""
    if before is None or now.value is None or before.value is None:
        return None
    if now.kind == PCT:
        if as_printed:
            diff = _whole_pct(now.value) - _whole_pct(before.value)
        else:
            diff = round((now.value - before.value) * 100, 1)
        decimals = 0 if abs(diff) >= 1 or diff == 0 else 1
        number = fmt_number(abs(diff), lang, decimals, grouping=False)
        unit = t("dash.pp", lang)
        text = f"{number}\u00a0{unit}"
    else:
        diff = now.value - before.value
        text = fmt_int(abs(diff), lang)
    if diff == 0:
        return Change(t("dash.unchanged", lang), 0, None, 0)
    direction = 1 if diff > 0 else -1
    sign = "+" if direction > 0 else "-"
    return Change(sign + text, direction, (direction > 0) == now.higher_is_better, abs(diff))


def _whole_pct(fraction: float) -> int:
    # The percentage as fmt_pct prints it (it rounds the same way).
    return int(f"{fraction * 100:.0f}")


def arrow(c: Change) -> str:
    return {1: "↑", -1: "↓", 0: "→"}[c.direction]
