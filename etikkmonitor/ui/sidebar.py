"""The sidebar: the filters (date and the five dimensions, offered only values of this dataset
and of what the person may see), their reset, the language switch, who is signed in, and the
snapshot PDF's download button."""

from __future__ import annotations

from datetime import date

import streamlit as st

from .. import auth, settings
from ..dates import MAX_DATE, MIN_DATE
from ..filters import Filters
from ..geo import country_name
from ..i18n import LANGS, t
from .caches import _cached_query, _snapshot_pdf, cache_key
from .model import DATE_FORMATS
from .signin import _identity_note
from .url import FILTER_PARAMS, _format_option, _url_agencies, _url_as_of, url_values


def options(path: str, import_id: int | None, who: auth.Identity, lang: str) -> dict:
    """Dimension -> the values its filter offers: those of this import, within what `who` may
    see (a user limited to some agencies is offered only the values of their contracts)."""
    options = {dim: [] for dim in FILTER_PARAMS}
    if import_id is not None:
        scope = auth.restrict(Filters(), who)
        params = {"import_id": import_id, "filters": scope.as_param(), "rules": settings.rules()}
        rows = _cached_query(path, import_id, "filter_options", cache_key(params), params)
        for dim, part in rows.groupby("dimension"):
            options[dim] = part["value"].tolist()
        options["countries"] = sorted(options["countries"], key=lambda c: country_name(c, lang))
        if who.limited:
            options["agencies"] = [a for a in options["agencies"] if a in who.agencies]
    return options


def _reset_filters() -> None:
    for dim in FILTER_PARAMS:
        st.session_state[f"flt_{dim}"] = []
    st.session_state["flt_as_of"] = date.today()


def sidebar(
    options: dict, import_id: int | None, who: auth.Identity, lang: str, notes: list[str]
) -> tuple[date, dict[str, tuple]]:
    """The sidebar's widgets; returns (date, dimension -> chosen values). A session's first run
    takes them from the address, adding to `notes` what was wrong with it."""
    with st.sidebar:
        st.markdown(f"### {t('dash.filters', lang)}")
        if "flt_as_of" not in st.session_state:
            st.session_state["flt_as_of"] = _url_as_of(lang, notes)
        as_of = st.date_input(
            t("dash.as_of", lang),
            key="flt_as_of",
            format=DATE_FORMATS[lang],
            min_value=MIN_DATE,
            max_value=MAX_DATE,
            help=t("dash.as_of.help", lang),
        )
        chosen = {}
        for dim, name in FILTER_PARAMS.items():
            key = f"flt_{dim}"
            if key not in st.session_state:
                st.session_state[key] = (
                    _url_agencies(options[dim], lang, notes)
                    if dim == "agencies" and import_id is not None
                    else url_values(name)
                )
            # only values of this dataset: the whitelist (a stale or hand-made URL is ignored)
            st.session_state[key] = [x for x in st.session_state[key] if x in options[dim]]
            chosen[dim] = tuple(
                st.multiselect(
                    t(f"dash.filter.{dim}", lang),
                    options[dim],
                    key=key,
                    format_func=_format_option(dim, lang),
                    placeholder=t("dash.filter.all", lang),
                    help=t(f"dash.filter.{dim}.help", lang),
                )
            )
        st.button(
            t("dash.filter.reset", lang), on_click=_reset_filters, icon=":material/restart_alt:"
        )
        st.divider()
        st.segmented_control(
            t("dash.language", lang),
            LANGS,
            key="lang",
            format_func=lambda x: {"nb": "Norsk", "en": "English"}[x],
            selection_mode="single",
        )
        if import_id is not None:
            st.caption(t("dash.data_from", lang, import_id=import_id))
        _identity_note(who, lang)
    return as_of, chosen


def snapshot_button(path: str, import_id: int, as_of: date, filters: Filters, lang: str) -> None:
    """The snapshot PDF of the view, built only when clicked."""
    with st.sidebar:
        st.download_button(
            t("snapshot.download", lang),
            data=lambda: _snapshot_pdf(
                path, import_id, as_of, cache_key(filters.as_param()), filters, lang
            ),
            file_name=f"etikkmonitor-status-{as_of.isoformat()}.pdf",
            mime="application/pdf",
            on_click="ignore",
            help=t("snapshot.download.help", lang),
            key="snapshot_pdf",
        )
