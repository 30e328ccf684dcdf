"""Words and number formats of the interface: Norwegian bokmål by default, English on request.

Texts are looked up by key with `t(key, lang, **values)`. Areas of the product keep their own
text tables in `etikkmonitor/texts/<area>.py` (a dict `TEXT = {key: {"nb": ..., "en": ...}}`),
merged here, so two people adding words to two pages never edit the same file. A text that
depends on a count has one entry per CLDR plural form (`key.one`, `key.other`): `plural()`.

Numbers, dates and lists are laid out by Babel (CLDR data, offline) through the `fmt_*`
functions; where CLDR's choice differs from what the product has always printed, the wrapper
says so and keeps the product's.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

LANGS = ("nb", "en")
DEFAULT_LANG = "nb"
NBSP = "\u00a0"
# Babel's locale for each language: British English writes "5 December 2026" and "a, b and c",
# as the English texts always have (US English: "December 5, 2026", "a, b, and c").
BABEL_LOCALES = {"nb": "nb_NO", "en": "en_GB"}

# Plain words for codes: statuses and enumerations are never shown raw.
CODES: dict[str, dict[str, str]] = {
    # social dialogue status
    "not_reported": {"nb": "Ikke rapportert", "en": "Not reported"},
    "not_started": {"nb": "Ikke startet", "en": "Not started"},
    "planned": {"nb": "Planlagt", "en": "Planned"},
    "in_progress": {"nb": "Pågår", "en": "In progress"},
    "implemented": {"nb": "Gjennomført", "en": "Implemented"},
    # deadline status
    "met_on_time": {"nb": "Innfridd i tide", "en": "Met on time"},
    "met_late": {"nb": "Innfridd for sent", "en": "Met late"},
    "overdue": {"nb": "Over frist", "en": "Overdue"},
    "upcoming": {"nb": "Kommende", "en": "Upcoming"},
    # deadline kind
    "social_dialogue": {"nb": "Sosial dialog", "en": "Social dialogue"},
    "documentation": {"nb": "Årlig dokumentasjon", "en": "Annual documentation"},
    "action_plan": {"nb": "Tiltaksplan", "en": "Action plan"},
    "milestone": {"nb": "Milepæl", "en": "Milestone"},
    # severity
    "critical": {"nb": "Kritisk", "en": "Critical"},
    "major": {"nb": "Alvorlig", "en": "Major"},
    "minor": {"nb": "Mindre", "en": "Minor"},
    "observation": {"nb": "Observasjon", "en": "Observation"},
    # finding status
    "open": {"nb": "Åpen", "en": "Open"},
    "closed": {"nb": "Lukket", "en": "Closed"},
    # finding area
    "forced_labour": {"nb": "Tvangsarbeid", "en": "Forced labour"},
    "child_labour": {"nb": "Barnearbeid", "en": "Child labour"},
    "discrimination": {"nb": "Diskriminering", "en": "Discrimination"},
    "freedom_of_association": {"nb": "Organisasjonsfrihet", "en": "Freedom of association"},
    "wages": {"nb": "Lønn", "en": "Wages"},
    "working_hours": {"nb": "Arbeidstid", "en": "Working hours"},
    "health_safety": {"nb": "Helse, miljø og sikkerhet", "en": "Health and safety"},
    "management_system": {"nb": "Styringssystem", "en": "Management system"},
    "other": {"nb": "Annet", "en": "Other"},
    # audit type
    "desk": {"nb": "Skrivebordsrevisjon", "en": "Desk audit"},
    "onsite": {"nb": "Fabrikkrevisjon", "en": "On-site audit"},
    "follow_up": {"nb": "Oppfølgingsrevisjon", "en": "Follow-up audit"},
    # contract type
    "framework": {"nb": "Rammeavtale", "en": "Framework agreement"},
    "single": {"nb": "Enkeltkontrakt", "en": "Single contract"},
}

TEXT: dict[str, dict[str, str]] = {
    # millions of kroner in a narrow key-figure box, and in a sentence (`m` from fmt_number)
    "fmt.millions_short": {"nb": "{m}\u00a0mill.", "en": "{m}m"},
    "fmt.millions_nok": {"nb": "{m}\u00a0mill.\u00a0kr", "en": "NOK\u00a0{m}\u00a0million"},
    "summary.part1": {
        "nb": "{covered} av {relevant} relevante kontrakter har seriøsitetskrav "
        "(Oslomodellen del 1)",
        "en": "{covered} of {relevant} relevant contracts carry seriousness clauses "
        "(Oslo model part 1)",
    },
    "summary.part2": {
        "nb": "{covered} av {relevant} relevante kontrakter har krav om etisk handel "
        "(Oslomodellen del 2)",
        "en": "{covered} of {relevant} relevant contracts carry ethical-trade clauses "
        "(Oslo model part 2)",
    },
    "summary.none_relevant": {
        "nb": "Ingen kontrakter er relevante for {part}",
        "en": "No contracts are relevant for {part}",
    },
    "summary.dialogue": {
        "nb": "{started} av {central} sentrale fabrikker har startet sosial dialog "
        "({implemented} gjennomført, {in_progress} pågår)",
        "en": "{started} of {central} central factories have started social dialogue "
        "({implemented} implemented, {in_progress} in progress)",
    },
    "summary.overdue": {
        "nb": "{overdue} overskredet, {upcoming} kommende",
        "en": "{overdue} overdue, {upcoming} upcoming",
    },
    "summary.deadlines.one": {"nb": "{n} frist er", "en": "{n} deadline is"},
    "summary.deadlines.other": {"nb": "{n} frister er", "en": "{n} deadlines are"},
    "summary.findings": {
        "nb": "{open}, derav {critical} og {major}; {open_overdue} er over fristen i tiltaksplanen",
        "en": "{open}, {critical} and {major}; {open_overdue} past the action-plan deadline",
    },
    "summary.open.one": {"nb": "{n} åpent avvik", "en": "{n} open finding"},
    "summary.open.other": {"nb": "{n} åpne avvik", "en": "{n} open findings"},
    "summary.critical.one": {"nb": "{n} kritisk", "en": "{n} critical"},
    "summary.critical.other": {"nb": "{n} kritiske", "en": "{n} critical"},
    "summary.major.one": {"nb": "{n} alvorlig", "en": "{n} major"},
    "summary.major.other": {"nb": "{n} alvorlige", "en": "{n} major"},
}


@cache
def _all_text() -> dict[str, dict[str, str]]:
    merged = dict(TEXT)
    from . import texts

    for mod in pkgutil.iter_modules(texts.__path__):
        merged |= importlib.import_module(f"{texts.__name__}.{mod.name}").TEXT
    return merged


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The text for `key` in `lang` (falling back to bokmål), with {values} filled in."""
    entry = _all_text().get(key)
    if entry is None:
        raise KeyError(f"no text {key!r}")
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


def label(code: str | None, lang: str = DEFAULT_LANG) -> str:
    """Plain words for a code (status, severity, area, ...); unknown codes as they are."""
    if code is None:
        return ""
    entry = CODES.get(code)
    return (entry.get(lang) or entry[DEFAULT_LANG]) if entry else str(code)


@cache
def babel_locale(lang: str) -> Locale:
    """Babel's locale for an interface language (bokmål for an unknown one)."""
    return Locale.parse(BABEL_LOCALES.get(lang, BABEL_LOCALES[DEFAULT_LANG]))


def fmt_number(x, lang: str = DEFAULT_LANG, decimals: int = 0, grouping: bool = True) -> str:
    """`x` with `decimals` decimals in the language's digits: 1 234,5 / 1,234.5.

    Python rounds (the float's binary value, half to even, as the product always has); Babel
    only lays out the already rounded digits, so no figure moves by a rounding rule.
    `grouping=False` for the short forms that never had a thousands separator ("1265 mill.")."""
    digits = Decimal(f"{float(x):.{decimals}f}")
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * decimals if decimals else "")
    return format_decimal(digits, format=pattern, locale=babel_locale(lang))


def fmt_date_long(d: date, lang: str = DEFAULT_LANG) -> str:
    """5. desember 2026 / 5 December 2026 (CLDR's long date)."""
    return format_date(d, format="long", locale=babel_locale(lang))


def fmt_list(items, lang: str = DEFAULT_LANG) -> str:
    """a, b og c / a, b and c; one item as it is, none as ""."""
    return format_list(list(items), locale=babel_locale(lang))


def plural(key: str, n, lang: str = DEFAULT_LANG, **values) -> str:
    """The text `key`.<CLDR plural form of n> ("one" or "other" in nb and en), with {n} the
    count as fmt_int writes it unless `values` give it: "1 åpent avvik", "2 åpne avvik"."""
    values.setdefault("n", fmt_int(n, lang))
    return t(f"{key}.{babel_locale(lang).plural_form(n)}", lang, **values)


def fmt_int(n, lang: str = DEFAULT_LANG) -> str:
    """1 250 000 (Norwegian: non-breaking thin grouping by space) or 1,250,000."""
    if n is None:
        return "–"
    s = f"{round(float(n)):,}"
    return s.replace(",", NBSP) if lang == "nb" else s


def fmt_nok(n, lang: str = DEFAULT_LANG) -> str:
    """1 250 000 kr / NOK 1,250,000."""
    if n is None:
        return "–"
    return f"{fmt_int(n, lang)}{NBSP}kr" if lang == "nb" else f"NOK{NBSP}{fmt_int(n, lang)}"


def fmt_pct(fraction, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """80 % (Norwegian, with a space and decimal comma) or 80%."""
    if fraction is None:
        return "–"
    s = f"{fraction * 100:.{decimals}f}"
    return f"{s.replace('.', ',')}{NBSP}%" if lang == "nb" else f"{s}%"


def fmt_date(d: date | None, lang: str = DEFAULT_LANG) -> str:
    """30.06.2024 / 2024-06-30."""
    if d is None:
        return "–"
    return d.strftime("%d.%m.%Y") if lang == "nb" else d.isoformat()


def fmt_datetime(ts: datetime | None, lang: str = DEFAULT_LANG) -> str:
    """30.06.2024 14:05 / 2024-06-30 14:05 (to the minute, as the dashboard's tables)."""
    import pandas as pd  # only for NaT, what a missing timestamp comes as from a frame

    if ts is None or pd.isna(ts):
        return "–"
    return f"{fmt_date(ts.date(), lang)} {ts.strftime('%H:%M')}"


def summary_sentences(figures: dict, lang: str = DEFAULT_LANG) -> list[str]:
    """The key figures as sentences a politician can quote; the CLI and snapshot share them."""
    out = []
    for part, key in (("part1", "summary.part1"), ("part2", "summary.part2")):
        p = figures["oslo_model"][part]
        if p["relevant"]:
            text = t(
                key,
                lang,
                covered=fmt_int(p["covered"], lang),
                relevant=fmt_int(p["relevant"], lang),
            )
            out.append(f"{text}: {fmt_pct(p['coverage'], lang)}.")
        else:
            name = "Oslomodellen del " if lang == "nb" else "Oslo model part "
            out.append(t("summary.none_relevant", lang, part=name + part[-1]) + ".")
    f = figures["factories"]
    by = f["central_by_status"]
    out.append(
        t(
            "summary.dialogue",
            lang,
            started=fmt_int(f["central_started"], lang),
            central=fmt_int(f["central"], lang),
            implemented=fmt_int(by["implemented"], lang),
            in_progress=fmt_int(by["in_progress"], lang),
        )
        + "."
    )
    d = figures["deadlines"]
    out.append(
        t(
            "summary.overdue",
            lang,
            overdue=plural("summary.deadlines", d["overdue"], lang),
            upcoming=fmt_int(d["upcoming"], lang),
        )
        + "."
    )
    fi = figures["findings"]
    out.append(
        t(
            "summary.findings",
            lang,
            open=plural("summary.open", fi["open"], lang),
            critical=plural("summary.critical", fi["open_by_severity"]["critical"], lang),
            major=plural("summary.major", fi["open_by_severity"]["major"], lang),
            open_overdue=fmt_int(fi["open_overdue"], lang),
        )
        + "."
    )
    return out
