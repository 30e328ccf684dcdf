"""The snapshot's words: the headlines as printed lines, what the snapshot covers, the
import it shows, the definitions and an overdue deadline in plain words.

The figures and their changes are headlines.py's; this module only words them for the PDF.
"""

from __future__ import annotations

import textwrap
from datetime import date
from typing import NamedTuple

import pandas as pd

from .. import headlines as hl
from ..geo import country_name
from ..i18n import fmt_date, fmt_int, fmt_list, fmt_nok, plural, t
from .data import SnapshotData


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
            description=text_or(row["description"], row["ref_id"]),
        )
    return t("snapshot.what.milestone", lang, description=text_or(row["description"], ""))


def text_or(value, default: str) -> str:
    return value if isinstance(value, str) and value else str(default)


def clip(text: str, n: int) -> str:
    """At most n characters, cut at a word with an ellipsis, so table rows stay short."""
    return text if len(text) <= n else textwrap.shorten(text, n, placeholder=" …")
