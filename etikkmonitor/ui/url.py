"""The address: every choice a user makes lives in the URL (`?as_of=2024-06-30&agency=...&lang=en`),
so a copied link opens the same view. The sidebar's parameters, page widgets kept in the URL
(`url_key`/`url_flag` + `keep_in_url`), links that restore a view, and reading the address's
date and agencies with a note on what was wrong with them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from ..agencies import resolve
from ..dates import DateProblem, parse_iso
from ..geo import country_name
from ..i18n import DEFAULT_LANG, LANGS, fmt_date, label, t
from .model import View, esc

# URL keys of the sidebar: Filters field -> query parameter
FILTER_PARAMS = {
    "agencies": "agency",
    "categories": "category",
    "suppliers": "supplier",
    "countries": "country",
    "contract_types": "type",
}
AS_OF_PARAM = "as_of"
LANG_PARAM = "lang"


def url_values(name: str) -> list[str]:
    """Every value of a query parameter (repeated keys give several)."""
    return [x for x in st.query_params.get_all(name) if x != ""]


def url_key(name: str, options: Sequence, default, many: bool = False) -> str:
    """The session key for a page widget whose value lives in the URL under `name`.

    Call before creating the widget with `key=url_key(...)`. The URL sets the first value
    (only values among `options`: the whitelist), after that the widget does; a value no
    longer among the options falls back to `default`.
    """
    key = f"url_{name}"
    by_text = {str(o): o for o in options}
    current = st.session_state.get(key)
    if many:
        if current is None:
            current = [by_text[x] for x in url_values(name) if x in by_text] or list(default)
        st.session_state[key] = [x for x in current if x in options]
    else:
        if current is None:
            current = by_text.get(st.query_params.get(name, ""), default)
        st.session_state[key] = current if current in options else default
    return key


def url_flag(name: str) -> str:
    """The session key for a page toggle kept in the URL as `name=1` (off: absent)."""
    key = f"url_{name}"
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(name) == "1"
    return key


def url_toggle(text: str, name: str, help: str | None = None) -> bool:
    """A page toggle kept in the URL as `name=1` (off: absent); returns whether it is on."""
    on = st.toggle(text, key=url_flag(name), help=help)
    keep_in_url(name, "1" if on else None)
    return on


def keep_in_url(name: str, value, default=None) -> None:
    """Write a widget's value to the URL; the default (or nothing) leaves the URL clean."""
    if value is None or value == default or (isinstance(value, (list, tuple)) and not value):
        if name in st.query_params:
            del st.query_params[name]
        return
    if isinstance(value, (list, tuple)):
        st.query_params[name] = [str(x) for x in value]
    else:
        st.query_params[name] = str(value)


def view_query_string(v: View, **extra) -> str:
    """The query string that restores the view (and `extra` page parameters)."""
    pairs: list[tuple[str, str]] = [(AS_OF_PARAM, v.as_of.isoformat())]
    for dim, name in FILTER_PARAMS.items():
        pairs += [(name, x) for x in getattr(v.filters, dim)]
    if v.lang != DEFAULT_LANG:
        pairs.append((LANG_PARAM, v.lang))
    pairs += [(k, str(x)) for k, x in extra.items()]
    return urlencode(pairs)


def contract_url(v: View, contract_id: str) -> str:
    """A link to the contract page for one contract, keeping the view (relative URL)."""
    return f"kontrakt?{view_query_string(v, contract=contract_id)}"


def language() -> str:
    """The interface language: the switch, else the URL, else bokmål."""
    lang = st.session_state.get("lang")
    if lang not in LANGS:
        lang = st.query_params.get(LANG_PARAM, DEFAULT_LANG)
        lang = lang if lang in LANGS else DEFAULT_LANG
        st.session_state["lang"] = lang
    return lang


def _url_as_of(lang: str, notes: list[str]) -> date:
    """The address's `as_of`, or today with a note saying what was wrong with it (month 13,
    a date outside the range the dashboard works with: the pages used to crash on 9999-12-31)."""
    text = st.query_params.get(AS_OF_PARAM)
    today = date.today()
    if not text:
        return today
    try:
        return parse_iso(text)
    except DateProblem as e:
        # the value is the user's: escaped, never read as Markdown
        notes.append(
            t(
                "dash.url.bad_date",
                lang,
                problem=esc(e.message(lang)),
                today=fmt_date(today, lang),
            )
        )
        return today


def _url_agencies(known: list[str], lang: str, notes: list[str]) -> list[str]:
    """The address's agencies matched as the CLI matches them (agencies.resolve); one that fits
    none or several is left out with a note naming the closest."""
    found = resolve(url_values(FILTER_PARAMS["agencies"]), known)
    for typed, near in found.unknown:
        key = "dash.url.unknown_agency" if near else "dash.url.unknown_agency.none"
        notes.append(t(key, lang, name=esc(typed), closest="; ".join(esc(x) for x in near)))
    for typed, names in found.ambiguous:
        notes.append(
            t(
                "dash.url.ambiguous_agency",
                lang,
                name=esc(typed),
                names="; ".join(esc(x) for x in names),
            )
        )
    return found.matched


def _format_option(dim: str, lang: str) -> Callable[[str], str]:
    if dim == "countries":
        return lambda code: country_name(code, lang)
    if dim == "contract_types":
        return lambda code: label(code, lang)
    return str
