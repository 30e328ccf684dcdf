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
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_time, get_month_names
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

LANGS = ("nb", "en")
DEFAULT_LANG = "nb"
# Babel's locale for each language: British English writes "5 December 2026" and "a, b and c",
# as the English texts always have (US English: "December 5, 2026", "a, b, and c").
BABEL_LOCALES = {"nb": "nb_NO", "en": "en_GB"}
# Short dates: CLDR's for bokmål (30.06.2024); ISO in English (2024-06-30, which no reader
# takes for 6 March), not en_GB's 30/06/2024.
DATE_FORMATS = {"nb": "short", "en": "yyyy-MM-dd"}
# Kroner without øre. The English "NOK 1,250,000" has the space CLDR's currency spacing asks
# for between a letter symbol and a digit, which Babel does not insert: written in the pattern,
# and a minus after the symbol ("NOK -5", as it has always been written), not before it.
NOK_FORMATS = {"nb": "#,##0\u00a0¤", "en": "¤\u00a0#,##0;¤\u00a0-#,##0"}

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
    # a count of findings of a severity, as an adjective ("2 kritiske og 1 alvorlig avvik")
    "severity.critical.one": {"nb": "{n} kritisk", "en": "{n} critical"},
    "severity.critical.other": {"nb": "{n} kritiske", "en": "{n} critical"},
    "severity.major.one": {"nb": "{n} alvorlig", "en": "{n} major"},
    "severity.major.other": {"nb": "{n} alvorlige", "en": "{n} major"},
    "severity.minor.one": {"nb": "{n} mindre", "en": "{n} minor"},
    "severity.minor.other": {"nb": "{n} mindre", "en": "{n} minor"},
    "severity.observation.one": {"nb": "{n} observasjon", "en": "{n} observation"},
    "severity.observation.other": {"nb": "{n} observasjoner", "en": "{n} observation"},
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


def _rounded(x, decimals: int) -> str:
    # Python rounds (the float's binary value, half to even), as the product always has;
    # Babel then only lays out these digits (it would round str(x) instead: 0.15 -> 0.2).
    return f"{float(x):.{decimals}f}"


@lru_cache(maxsize=1 << 15)
def _babel(kind: str, digits: str, pattern: str, lang: str) -> str:
    """Babel's layout of already rounded digits (a string: "-0" stays "-0"). Cached: a table
    shows the same counts and points again and again, and Babel takes tens of microseconds a
    number where an f-string took one."""
    value, loc = Decimal(digits), babel_locale(lang)
    if kind == "percent":
        return format_percent(value / 100, format=pattern, locale=loc)
    if kind == "currency":
        return format_currency(value, "NOK", format=pattern, currency_digits=False, locale=loc)
    return format_decimal(value, format=pattern, locale=loc)


def fmt_number(
    x, lang: str = DEFAULT_LANG, decimals: int = 0, grouping: bool = True, trim: bool = False
) -> str:
    """`x` with `decimals` decimals in the language's digits: 1 234,5 / 1,234.5.

    `grouping=False` for the short forms that never had a thousands separator ("1265 mill.");
    `trim=True` drops trailing zeros of the decimals (1,50 -> 1,5; 6,00 -> 6)."""
    fraction = ("#" if trim else "0") * decimals
    pattern = ("#,##0" if grouping else "0") + (f".{fraction}" if decimals else "")
    return _babel("decimal", _rounded(x, decimals), pattern, lang)


def fmt_date_long(d: date, lang: str = DEFAULT_LANG) -> str:
    """5. desember 2026 / 5 December 2026 (CLDR's long date)."""
    return format_date(d, format="long", locale=babel_locale(lang))


def fmt_list(items, lang: str = DEFAULT_LANG) -> str:
    """a, b og c / a, b and c; one item as it is, none as ""."""
    return format_list(list(items), locale=babel_locale(lang))


def plural(key: str, count, lang: str = DEFAULT_LANG, /, **values) -> str:
    """The text `key`.<CLDR plural form of count> ("one" or "other" in nb and en), with {n}
    the count as fmt_int writes it unless `values` give it: "1 åpent avvik", "2 åpne avvik"."""
    values.setdefault("n", fmt_int(count, lang))
    return t(f"{key}.{babel_locale(lang).plural_form(count)}", lang, **values)


def fmt_int(n, lang: str = DEFAULT_LANG) -> str:
    """1 250 000 (Norwegian: grouped by no-break spaces) or 1,250,000; rounded to a whole."""
    if n is None:
        return "–"
    # round() gives an int: -0.4 is "0" (a float formatted to no decimals would be "-0")
    return _babel("decimal", str(round(float(n))), "#,##0", lang)


def fmt_nok(n, lang: str = DEFAULT_LANG) -> str:
    """1 250 000 kr / NOK 1,250,000."""
    if n is None:
        return "–"
    pattern = NOK_FORMATS.get(lang, NOK_FORMATS[DEFAULT_LANG])
    return _babel("currency", str(round(float(n))), pattern, lang)


def fmt_pct(fraction, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """80 % (Norwegian: a no-break space and decimal comma) or 80%."""
    if fraction is None:
        return "–"
    # The language's percent pattern, with the decimals asked for and without grouping (as
    # always; a share never reaches 1 000 %).
    pattern = babel_locale(lang).percent_formats[None].pattern
    pattern = pattern.replace("#,##0", "0" + ("." + "0" * decimals if decimals else ""))
    return _babel("percent", _rounded(fraction * 100, decimals), pattern, lang)


def fmt_date(d: date | None, lang: str = DEFAULT_LANG) -> str:
    """30.06.2024 / 2024-06-30."""
    if d is None:
        return "–"
    return format_date(d, DATE_FORMATS.get(lang, DATE_FORMATS[DEFAULT_LANG]), babel_locale(lang))


def fmt_datetime(ts: datetime | None, lang: str = DEFAULT_LANG) -> str:
    """30.06.2024 14:05 / 2024-06-30 14:05 (to the minute, as the dashboard's tables)."""
    import pandas as pd  # only for NaT, what a missing timestamp comes as from a frame

    if ts is None or pd.isna(ts):
        return "–"
    # the wall-clock time as stored (a naive time: Babel converts no time zone)
    return (
        f"{fmt_date(ts.date(), lang)} {format_time(ts.time(), 'HH:mm', locale=babel_locale(lang))}"
    )


def month_name(month: int, lang: str = DEFAULT_LANG) -> str:
    """januar / January: a month on its own (CLDR's stand-alone wide name)."""
    return get_month_names("wide", "stand-alone", babel_locale(lang))[month]


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
            critical=plural("severity.critical", fi["open_by_severity"]["critical"], lang),
            major=plural("severity.major", fi["open_by_severity"]["major"], lang),
            open_overdue=fmt_int(fi["open_overdue"], lang),
        )
        + "."
    )
    return out
