"""The importer page's second half: the import log, the roll-back to an earlier import (the
same code as the command line's `rollback`) and the comparison of two imports (contracts,
deadlines, findings and factories that changed, within the view's date and filters)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import auth, db
from ..history import compare, rollback
from ..i18n import fmt_datetime
from .columns import Col
from .furniture import empty, publishing
from .importer_check import NOTICE
from .model import View
from .tables import table


def history(v: View, store: db.Store, who: auth.Identity, user: str) -> None:
    """The log, then roll-back and comparison side by side; the two imports' differences."""
    st.divider()
    st.subheader(v.t("imp.history"))
    # Not cached: the log changes on a roll-back while the current import id may return to an
    # earlier value (cached results are keyed by that id).
    log = store.query("import_history")
    if empty(log, v, "dash.empty.database"):
        st.stop()
    log["action_words"] = log["action"].map(lambda a: v.t(f"imp.action.{a}"))
    table(
        log,
        [
            Col("import_id", "imp.col.entry", "int"),
            Col("action_words", "imp.col.action"),
            Col("data_import_id", "imp.col.data", "int"),
            Col("created_at", "imp.col.when", "datetime"),
            Col("created_by", "imp.col.who"),
            Col("files", "dash.col.files", "int"),
            Col("rows_imported", "imp.col.imported", "int"),
            Col("rows_rejected", "imp.col.rejected", "int"),
            Col("note", "dash.col.note"),
        ],
        v,
        "importhistorikk",
    )
    imports = log[log["action"] == "import"]

    def import_label(i: int) -> str:
        r = imports[imports["import_id"] == i].iloc[0]
        when = fmt_datetime(pd.Timestamp(r["created_at"]).to_pydatetime(), v.lang)
        who_ = r["created_by"] if isinstance(r["created_by"], str) else "–"
        return v.t("imp.import_label", id=i, when=when, who=who_)

    ids = [int(i) for i in imports["import_id"]]
    left, right = st.columns(2, gap="large")
    with left:
        _rollback(v, store, who, user, ids, import_label)
    with right:
        st.markdown(f"**{v.t('imp.compare')}**")
        if len(ids) >= 2:
            b = st.selectbox(
                v.t("imp.compare.b"),
                ids,
                index=ids.index(v.import_id) if v.import_id in ids else 0,
                format_func=import_label,
            )
            a_choices = [i for i in ids if i != b]
            a = st.selectbox(v.t("imp.compare.a"), a_choices, format_func=import_label)
        else:
            st.caption(v.t("imp.compare.only_one"))
    if len(ids) >= 2:
        _comparison(v, store, a, b)


def _rollback(v: View, store: db.Store, who: auth.Identity, user: str, ids, import_label) -> None:
    st.markdown(f"**{v.t('imp.rollback')}**")
    others = [i for i in ids if i != v.import_id]
    if others and who.can("rollback"):
        target = st.selectbox(v.t("imp.rollback.pick"), others, format_func=import_label)
        sure = st.checkbox(v.t("imp.rollback.confirm", id=target), key="imp_rollback_confirm")
        if st.button(v.t("imp.rollback.button"), disabled=not sure, icon=":material/undo:"):
            entry = publishing(lambda: rollback(store, target, user=user), v)
            st.session_state.pop("imp_rollback_confirm", None)
            st.session_state[NOTICE] = v.t("imp.rolled_back", id=target, entry=entry)
            st.rerun()
    elif not others:
        st.caption(v.t("imp.rollback.only_one"))


def _comparison(v: View, store: db.Store, a: int, b: int) -> None:
    diff = compare(store, a, b, v.as_of, v.filters)

    def changes(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(change=frame["change"].map(lambda c: v.t(f"imp.change.{c}")))

    for title, frame, cols in (
        (
            "imp.compare.contracts",
            changes(diff.contracts),
            [Col("change", "imp.col.change"), Col("contract_id", "dash.col.contract", "contract"),
             Col("title", "dash.col.title"), Col("agency", "dash.col.agency"),
             Col("supplier_name", "dash.col.supplier"), Col("value_nok", "dash.col.value", "nok")],
        ),
        (
            "imp.compare.deadlines",
            diff.deadlines,
            [Col("kind", "dash.col.kind", "code"), Col("contract_id", "dash.col.contract", "contract"),
             Col("description", "dash.col.what"), Col("due_date", "dash.col.due", "date"),
             Col("days_late", "dash.col.days_late", "days"), Col("supplier_name", "dash.col.supplier")],
        ),
        (
            "imp.compare.findings",
            changes(diff.findings),
            [Col("change", "imp.col.change"), Col("finding_id", "dash.col.finding"),
             Col("contract_id", "dash.col.contract", "contract"), Col("severity", "dash.col.severity", "code"),
             Col("area", "dash.col.area", "code"), Col("supplier_name", "dash.col.supplier")],
        ),
        (
            "imp.compare.factories",
            diff.factories,
            [Col("factory_name", "dash.col.factory"), Col("contract_id", "dash.col.contract", "contract"),
             Col("country", "dash.col.country", "country"), Col("status_before", "imp.col.before", "code"),
             Col("status_after", "imp.col.after", "code")],
        ),
    ):  # fmt: skip
        st.markdown(f"**{v.t(title)}**")
        if frame.empty:
            st.caption(v.t("imp.compare.none"))
        else:
            table(frame, cols, v, title.rsplit(".", 1)[-1], key=title)
