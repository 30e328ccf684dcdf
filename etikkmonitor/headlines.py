"""The overview's headline figures: value, change and a plain sentence, from key_figures.

Pure functions (no Streamlit), so the overview's numbers and words are tested directly, and the
snapshot may show the same ones.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
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

    def shown(self, lang: str) -> str:
        if self.value is None:
            return "–"
        return fmt_pct(self.value, lang) if self.kind == PCT else fmt_int(self.value, lang)


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
    """The five headline figures of the overview from a key_figures dict, each with the
    sentence i18n.summary_sentences gives it (the CLI and the snapshot say the same)."""
    part1, part2, dialogue, overdue, findings = summary_sentences(f, lang)
    fac = f["factories"]
    by = fac["central_by_status"]
    started = by["implemented"] + by["in_progress"]
    ob = f["findings"]["open_by_severity"]
    return [
        Headline(
            "part1",
            t("dash.headline.part1", lang),
            f["oslo_model"]["part1"]["coverage"],
            PCT,
            True,
            part1,
        ),
        Headline(
            "part2",
            t("dash.headline.part2", lang),
            f["oslo_model"]["part2"]["coverage"],
            PCT,
            True,
            part2,
        ),
        Headline(
            "dialogue",
            t("dash.headline.dialogue", lang),
            round(started / fac["central"], 4) if fac["central"] else None,
            PCT,
            True,
            dialogue,
        ),
        Headline(
            "overdue",
            t("dash.headline.overdue", lang),
            f["deadlines"]["overdue"],
            COUNT,
            False,
            overdue,
        ),
        Headline(
            "findings",
            t("dash.headline.findings", lang),
            ob["critical"] + ob["major"],
            COUNT,
            False,
            findings,
        ),
    ]


@dataclass(frozen=True)
class Change:
    text: str  # "+5 %-poeng", "-2", "uendret"
    direction: int  # 1 up, -1 down, 0 unchanged
    good: bool | None  # None when unchanged


def change(now: Headline, before: Headline | None, lang: str) -> Change | None:
    """How `now` moved since `before`; None when either side has nothing to compare."""
    if before is None or now.value is None or before.value is None:
        return None
    if now.kind == PCT:
        diff = round((now.value - before.value) * 100, 1)
        decimals = 0 if abs(diff) >= 1 or diff == 0 else 1
        number = fmt_number(abs(diff), lang, decimals, grouping=False)
        unit = t("dash.pp", lang)
        text = f"{number}\u00a0{unit}"
    else:
        diff = now.value - before.value
        text = fmt_int(abs(diff), lang)
    if diff == 0:
        return Change(t("dash.unchanged", lang), 0, None)
    direction = 1 if diff > 0 else -1
    sign = "+" if direction > 0 else "-"
    return Change(sign + text, direction, (direction > 0) == now.higher_is_better)


def arrow(c: Change) -> str:
    return {1: "↑", -1: "↓", 0: "→"}[c.direction]
