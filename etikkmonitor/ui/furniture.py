"""Page furniture: a page's heading, intro and "filtered on" caption (with the address's
notes, and a stop without data), the friendly note for an empty result, the uploader's
Norwegian words, and publishing with a clear message when it cannot."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from .. import db
from ..i18n import fmt_date
from .model import View, esc
from .nav import _URL_NOTES, view
from .url import FILTER_PARAMS, _format_option


def filter_caption(v: View) -> str:
    """'Per 30.06.2024 · filtrert på virksomhet: A, B · land: Kina' (or 'alle kontrakter')."""
    parts = []
    for dim in FILTER_PARAMS:
        values = getattr(v.filters, dim)
        if values:
            fmt = _format_option(dim, v.lang)
            # the values come from the URL and the data: shown as typed (esc)
            parts.append(
                f"{v.t(f'dash.filter.{dim}').lower()}: {', '.join(esc(fmt(x)) for x in values)}"
            )
    scope = v.t("dash.filtered_on", filters=" · ".join(parts)) if parts else v.t("dash.unfiltered")
    return f"{v.t('dash.as_of_caption', date=fmt_date(v.as_of, v.lang))} · {scope}"


def page(
    title_key: str, intro_key: str | None = None, needs_data: bool = True, filtered: bool = True
) -> View:
    """Heading, intro and the 'filtered on' caption of a page; returns the View.

    needs_data: without any import, show a friendly note and stop the page here.
    filtered: False for a page the sidebar's selection does not apply to (it says so).
    """
    v = view()
    st.title(v.t(title_key))
    if intro_key:
        st.markdown(v.t(intro_key))
    if filtered:
        st.caption(filter_caption(v), help=v.t("dash.caption.help"))
    else:
        st.caption(v.t("dash.not_filtered"))
    for note in st.session_state.pop(_URL_NOTES, []):
        st.warning(note, icon=":material/link_off:")
    if needs_data and v.import_id is None:
        st.info(v.t("dash.empty.database"), icon=":material/info:")
        st.stop()
    return v


def uploader_words(v: View, max_mb: int, types: Sequence[str]) -> None:
    """Norwegian words on st.file_uploader's drop zone, which Streamlit writes in English only
    ("Upload", "50MB per file"; no parameter for them in 1.67, streamlit/streamlit#13500): its
    own texts hidden by CSS, ours put in their place. CSS on Streamlit's test ids: if a later
    Streamlit renames them, its English words show again (tests/test_browser_newcomer.py)."""
    if v.lang == "en":
        return  # Streamlit's own words are English already
    button = v.t("upload.button").replace('"', "")
    limit = v.t("upload.limit", mb=max_mb, types=", ".join(x.upper() for x in types))
    limit = limit.replace('"', "")
    zone = '[data-testid="stFileUploaderDropzone"]'
    st.html(
        "<style>"
        f'{zone} [data-testid="stBaseButton-secondary"] p {{font-size: 0}}'
        f'{zone} [data-testid="stBaseButton-secondary"] p::after '
        f'{{content: "{button}"; font-size: 0.875rem}}'
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0}}'
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span::after '
        f'{{content: "{limit}"; font-size: 0.875rem}}'
        "</style>"
    )


def empty(df: pd.DataFrame | None, v: View, key: str = "dash.empty.selection", good=False) -> bool:
    """True (and a friendly note with text `key`) when `df` is None or has no rows.

    good: the emptiness is good news (nothing overdue, nothing rejected): a check mark.
    """
    if df is None or df.empty:
        if good:
            st.success(v.t(key), icon=":material/check_circle:")
        else:
            st.info(v.t(key), icon=":material/info:")
        return True
    return False


def publishing(publish: Callable, v: View):
    """publish(), an import or roll-back; if it cannot publish (another one is being published,
    the folder is not writable), say so and stop the page: nothing was changed."""
    try:
        return publish()
    except db.DatabaseError as e:
        st.error(e.text(v.lang), icon=":material/block:")
        st.stop()
