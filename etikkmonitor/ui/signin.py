"""Who uses the session: the sign-in gate (fails closed when sign-in is set up wrong), the
refusal for those without a role, and the sidebar's note on who is signed in."""

from __future__ import annotations

import streamlit as st

from .. import auth
from ..i18n import t
from .model import esc

_WHO = "_em_who"


def identity() -> auth.Identity:
    """Who uses this session (see `gate`)."""
    who = st.session_state.get(_WHO)
    return who if who is not None else auth.current()


def gate(lang: str) -> auth.Identity:
    """With sign-in configured: a sign-in page for those not signed in, a refusal for those
    without a role; both stop the run. Returns the person's identity (local mode: full rights)."""
    problems = auth.problems_here()
    if problems:
        # Fails closed: no page, no data, and no local mode with everyone an admin.
        st.session_state[_WHO] = auth.Identity(None, None, None)
        st.title(t("auth.title", lang))
        lines = "\n".join(f"- {esc(p)}" for p in problems)
        st.error(f"{t('auth.setup_refused', lang)}\n\n{lines}", icon=":material/lock:")
        st.stop()
    who = auth.current()
    st.session_state[_WHO] = who
    if who.local_mode:
        return who
    if not st.user.is_logged_in:
        st.title(t("auth.title", lang))
        st.markdown(t("auth.sign_in_needed", lang))
        st.button(t("auth.sign_in", lang), on_click=st.login, type="primary")
        st.stop()
    if who.role is None:
        st.error(t("auth.no_role", lang, email=esc(who.email or "?")))
        st.button(t("auth.sign_out", lang), on_click=st.logout)
        st.stop()
    return who


def _identity_note(who: auth.Identity, lang: str) -> None:
    if who.local_mode:
        st.caption(t("auth.local_mode", lang))
        return
    role = t(f"auth.role.{who.role}", lang)
    st.caption(t("auth.signed_in", lang, who=esc(who.name or who.email), role=role))
    if who.limited:
        st.caption(t("auth.limited", lang, agencies=esc(", ".join(who.agencies))))
    st.button(t("auth.sign_out", lang), on_click=st.logout, key="sign_out")
