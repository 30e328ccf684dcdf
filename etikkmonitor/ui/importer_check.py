"""The importer page's first half: upload an export (and factory lists, eForms notices), check
it as the command line's `import` does, show the check (files, column mapping, rejected rows,
likely factory matches) and publish it on confirmation, with a second tick for a large loss of
contracts. The list, profile and match parts are in etikkmonitor.import_extras."""

from __future__ import annotations

import shutil

import pandas as pd
import streamlit as st

from .. import db, import_extras, schema
from ..guards import max_file_bytes
from ..i18n import fmt_int, fmt_pct
from ..importer import LossNotConfirmed, contract_loss, missing_tables, publish, validate
from ..reading import Refused
from ..uploads import Upload, store_uploads
from .caches import query
from .columns import Col
from .furniture import publishing, uploader_words
from .model import View, esc
from .tables import table

VALIDATION, REFUSED, NOTICE = "imp_validation", "imp_refused", "imp_notice"
# the export's files, and eForms notices (.xml) and archives of them (.zip)
UPLOAD_TYPES = ["csv", "xlsx", "xlsm", "txt", "tsv", "xml", "zip"]


def table_name(name: str, v: View) -> str:
    """A table as the export names it (kontrakter, fabrikker ...); competitions come from eForms
    notices, not from a table of the export contract: their page's word."""
    if v.lang == "en":
        return name
    return schema.TABLES[name].alias if name in schema.TABLES else v.t(f"dash.table.{name}")


def notice() -> None:
    """What the last run published or rolled back, once."""
    if NOTICE in st.session_state:
        st.success(st.session_state.pop(NOTICE), icon=":material/check_circle:")


def check(uploads: list[Upload], choices: dict[str, str], store: db.Store, v: View) -> None:
    """Check the uploads (kept for a check again after a profile or a match decision)."""
    old = st.session_state.pop(VALIDATION, None)
    if old is not None:
        old.close()
    st.session_state.pop(REFUSED, None)
    st.session_state[import_extras.INPUTS] = (uploads, choices)
    folder, pairs, too_large = store_uploads(uploads)
    bar = st.progress(0.0)
    try:
        if too_large:
            raise Refused(too_large)
        st.session_state[VALIDATION] = import_extras.validate_uploads(
            validate,
            pairs,
            choices,
            store,
            progress=lambda x, what: bar.progress(x, v.t("imp.checking", what=what)),
        )
    except Refused as e:
        st.session_state[REFUSED] = e.errors
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        bar.empty()


def check_again(store: db.Store, v: View) -> None:
    if import_extras.INPUTS in st.session_state:
        check(*st.session_state[import_extras.INPUTS], store, v)
    st.rerun()


def upload(v: View, store: db.Store) -> None:
    """The upload, its factory-list choices and the check button; a refused upload's reasons
    (and the profile builder for files whose headers are not the contract's)."""
    st.subheader(v.t("imp.upload"))
    max_mb = max(1, -(-max_file_bytes() // (1024 * 1024)))
    uploader_words(v, max_mb, UPLOAD_TYPES)
    uploaded = st.file_uploader(
        v.t("imp.uploader"),
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key="imp_files",
        help=v.t("imp.uploader.help", mb=max_file_bytes() // (1024 * 1024)),
        # the browser refuses a file above the limit before sending it; the guard checks again
        max_upload_size=max_mb,
    )
    contracts = [] if v.import_id is None else list(query("contract_choices", v)["contract_id"])
    choices = import_extras.list_choices(v.lang, [f.name for f in uploaded or []], contracts)
    if st.button(v.t("imp.check"), disabled=not uploaded, type="primary", icon=":material/rule:"):
        check([Upload(f.name, f.getvalue()) for f in uploaded], choices, store, v)

    if REFUSED in st.session_state:
        # in the page's language; file names and messages (which quote headers) as text: esc
        lines = "\n".join(
            f"- **{esc(e.file)}**: {esc(e.text(v.lang))}" for e in st.session_state[REFUSED]
        )
        st.error(f"{v.t('imp.refused')}\n\n{lines}", icon=":material/block:")
        last = {u.name: u.data for u in st.session_state.get(import_extras.INPUTS, ([], {}))[0]}
        refused_files = import_extras.mappable(st.session_state[REFUSED], last)
        if refused_files and import_extras.profile_builder(v.lang, last, refused_files):
            check_again(store, v)


def result(v: View, store: db.Store, user: str) -> None:
    """The last check (files, their columns, rejected rows, likely factory matches) and its
    publication on confirmation; nothing without a check."""
    val = st.session_state.get(VALIDATION)
    if val is None:
        return
    st.subheader(v.t("imp.result"))
    files = pd.DataFrame(val.files())
    files["table_words"] = files["table"].map(lambda name: table_name(name, v))
    imported, rejected = int(files["rows_imported"].sum()), int(files["rows_rejected"].sum())
    st.markdown(
        v.t("imp.summary", imported=fmt_int(imported, v.lang), rejected=fmt_int(rejected, v.lang))
    )
    missing = missing_tables(val)
    if missing:  # an import replaces the whole dataset: these would be empty after it
        names = ", ".join(table_name(m, v) for m in missing)
        st.warning(v.t("imp.missing_tables", tables=names), icon=":material/warning:")
    table(
        files,
        [
            Col("file", "imp.col.file"),
            Col("sheet", "dash.col.sheet"),
            Col("table_words", "imp.col.table"),
            Col("rows_read", "imp.col.read", "int"),
            Col("rows_imported", "imp.col.imported", "int"),
            Col("rows_rejected", "imp.col.rejected", "int"),
            Col("unknown_columns", "imp.col.unknown", "list"),
        ],
        v,
        "kontroll_filer",
        downloads_too=False,
    )
    for f in val.files():
        where = f["file"] + (f" [{f['sheet']}]" if f["sheet"] else "")
        with st.expander(v.md("imp.columns", file=where)):
            st.dataframe(
                pd.DataFrame(
                    {
                        v.t("imp.col.header"): list(f["matched_columns"]),
                        v.t("imp.col.canonical"): list(f["matched_columns"].values()),
                    }
                ),
                hide_index=True,
            )
    rejects = pd.DataFrame(val.rejects(v.lang))
    if rejects.empty:
        st.success(v.t("imp.no_rejects"), icon=":material/check:")
    else:
        st.markdown(f"**{v.t('imp.rejects')}**")
        rejects["table_words"] = rejects["table"].map(lambda name: table_name(name, v))
        table(
            rejects,
            [
                Col("file", "imp.col.file"),
                Col("line", "imp.col.line", "int"),
                Col("column_words", "imp.col.column"),
                Col("value", "imp.col.value"),
                Col("reason", "imp.col.reason"),
                Col("table_words", "imp.col.table"),
            ],
            v,
            "avviste_rader",
        )

    if import_extras.match_section(v.lang, val, store, user):
        check_again(store, v)
    _publish(val, v, store, user)


def _publish(val, v: View, store: db.Store, user: str) -> None:
    st.subheader(v.t("imp.publish"))
    # Against the data published now; publish() judges it again as it publishes.
    loss = contract_loss(val, store.cursor())
    loss_confirmed = False
    if loss.needs_confirmation:
        st.warning(
            v.t(
                "imp.loss",
                lost=fmt_int(loss.lost, v.lang),
                current=fmt_int(loss.current, v.lang),
                share=fmt_pct(loss.share, v.lang),
                incoming=fmt_int(loss.incoming, v.lang),
            ),
            icon=":material/warning:",
        )
        loss_confirmed = st.checkbox(
            v.t("imp.loss.confirm", lost=fmt_int(loss.lost, v.lang)), key="imp_confirm_loss"
        )
    confirmed = st.checkbox(v.t("imp.confirm"), key="imp_confirm")
    if st.button(
        v.t("imp.publish.button"),
        disabled=not confirmed or (loss.needs_confirmation and not loss_confirmed),
        type="primary",
        icon=":material/publish:",
    ):
        try:
            new_id = publishing(
                lambda: publish(val, store, user=user, allow_loss=loss_confirmed), v
            )
        except LossNotConfirmed:
            st.rerun()  # the data changed since the check: this run shows the loss to confirm
        val.close()
        del st.session_state[VALIDATION]
        st.session_state.pop("imp_confirm", None)
        st.session_state.pop("imp_confirm_loss", None)
        st.session_state[NOTICE] = v.t("imp.published", id=new_id)
        st.rerun()
