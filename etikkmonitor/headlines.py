"""The overview's headline figures: value, change and a plain sentence, from key_figures.

Pure functions (no Streamlit), so the overview's numbers and words are tested directly, and the
snapshot may show the same ones.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .i18n import fmt_int, fmt_nok, fmt_pct, t

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
    """265,3 mill. kr / NOK 265.3m for large sums (a key figure's box is narrow)."""
    if n is None:
        return "–"
    if abs(n) < 1_000_000:
        return fmt_nok(n, lang)
    m = f"{n / 1e6:.1f}"
    return f"{m.replace('.', ',')}\u00a0mill.\u00a0kr" if lang == "nb" else f"NOK\u00a0{m}m"


def months_before(d: date, months: int) -> date:
    """The same day `months` earlier, clamped to the month's end (31.05 - 3 months = 28/29.02)."""
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def headlines(f: dict, lang: str) -> list[Headline]:
    """The five headline figures of the overview from a key_figures dict."""
    out = []
    for part in ("part1", "part2"):
        p = f["oslo_model"][part]
        if p["relevant"]:
            sentence = t(f"summary.{part}", lang, covered=p["covered"], relevant=p["relevant"])
        else:
            sentence = t("summary.none_relevant", lang, part=t(f"dash.{part}", lang))
        out.append(
            Headline(part, t(f"dash.headline.{part}", lang), p["coverage"], PCT, True, sentence)
        )
    fac = f["factories"]
    by = fac["central_by_status"]
    started = by["implemented"] + by["in_progress"]
    out.append(
        Headline(
            "dialogue",
            t("dash.headline.dialogue", lang),
            round(started / fac["central"], 4) if fac["central"] else None,
            PCT,
            True,
            t(
                "summary.dialogue",
                lang,
                started=started,
                central=fac["central"],
                implemented=by["implemented"],
                in_progress=by["in_progress"],
            ),
        )
    )
    d = f["deadlines"]
    out.append(
        Headline(
            "overdue",
            t("dash.headline.overdue", lang),
            d["overdue"],
            COUNT,
            False,
            t("summary.overdue", lang, overdue=d["overdue"], upcoming=d["upcoming"]),
        )
    )
    fi = f["findings"]
    ob = fi["open_by_severity"]
    out.append(
        Headline(
            "findings",
            t("dash.headline.findings", lang),
            ob["critical"] + ob["major"],
            COUNT,
            False,
            t(
                "dash.headline.findings.sentence",
                lang,
                n=ob["critical"] + ob["major"],
                critical=ob["critical"],
                major=ob["major"],
                open=fi["open"],
                open_overdue=fi["open_overdue"],
            ),
        )
    )
    return out


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
        number = f"{abs(diff):.0f}" if abs(diff) >= 1 or diff == 0 else f"{abs(diff):.1f}"
        if lang == "nb":
            number = number.replace(".", ",")
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
