"""Importer data: upload an export, read the check, publish on confirmation; the import history,
roll-back and the comparison of two imports. Admins only. The same code path as the command
line's `import` (etikkmonitor.importer), behind the same guards."""

import shutil

import pandas as pd
import streamlit as st

from etikkmonitor import auth, import_extras, schema, ui
from etikkmonitor.guards import max_file_bytes
from etikkmonitor.history import compare, rollback
from etikkmonitor.i18n import fmt_datetime, fmt_int, fmt_pct
from etikkmonitor.importer import LossNotConfirmed, contract_loss, missing_tables, publish, validate
from etikkmonitor.reading import Refused
from etikkmonitor.ui import Col
from etikkmonitor.uploads import Upload, store_uploads

VALIDATION, REFUSED, NOTICE = "imp_validation", "imp_refused", "imp_notice"

v = ui.page("imp.page", "imp.intro", needs_data=False)
who = auth.current()
if not who.can("import"):
    st.warning(v.t("imp.no_access"), icon=":material/lock:")
    st.stop()
store = ui.store(v.db_path)
user = who.email or "lokal"
if NOTICE in st.session_state:
    st.success(st.session_state.pop(NOTICE), icon=":material/check_circle:")


def table_name(name: str) -> str:
    """A table as the export names it (kontrakter, fabrikker ...); competitions come from eForms
    notices, not from a table of the export contract: their page's word."""
    if v.lang == "en":
        return name
    return schema.TABLES[name].alias if name in schema.TABLES else v.t(f"dash.table.{name}")


# --- 1. upload and check --------------------------------------------------------------------
st.subheader(v.t("imp.upload"))
# the export's files, and eForms notices (.xml) and archives of them (.zip)
UPLOAD_TYPES = ["csv", "xlsx", "xlsm", "txt", "tsv", "xml", "zip"]
ui.uploader_words(v, max(1, -(-max_file_bytes() // (1024 * 1024))), UPLOAD_TYPES)
uploaded = st.file_uploader(
    v.t("imp.uploader"),
    type=UPLOAD_TYPES,
    accept_multiple_files=True,
    key="imp_files",
    help=v.t("imp.uploader.help", mb=max_file_bytes() // (1024 * 1024)),
    # the browser refuses a file above the limit before sending it; the guard checks again
    max_upload_size=max(1, -(-max_file_bytes() // (1024 * 1024))),
)
contracts = [] if v.import_id is None else list(ui.query("contract_choices", v)["contract_id"])
choices = import_extras.list_choices(v.lang, [f.name for f in uploaded or []], contracts)


def check(uploads: list[Upload], choices: dict[str, str]) -> None:
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


def check_again() -> None:
    if import_extras.INPUTS in st.session_state:
        check(*st.session_state[import_extras.INPUTS])
    st.rerun()


if st.button(v.t("imp.check"), disabled=not uploaded, type="primary", icon=":material/rule:"):
    check([Upload(f.name, f.getvalue()) for f in uploaded], choices)

if REFUSED in st.session_state:
    # in the page's language; file names and messages (which quote headers) as text: ui.esc
    lines = "\n".join(
        f"- **{ui.esc(e.file)}**: {ui.esc(e.text(v.lang))}" for e in st.session_state[REFUSED]
    )
    st.error(f"{v.t('imp.refused')}\n\n{lines}", icon=":material/block:")
    last = {u.name: u.data for u in st.session_state.get(import_extras.INPUTS, ([], {}))[0]}
    refused_files = import_extras.mappable(st.session_state[REFUSED], last)
    if refused_files and import_extras.profile_builder(v.lang, last, refused_files):
        check_again()

val = st.session_state.get(VALIDATION)
if val is not None:
    # --- 2. the check ------------------------------------------------------------------------
    st.subheader(v.t("imp.result"))
    files = pd.DataFrame(val.files())
    files["table_words"] = files["table"].map(table_name)
    imported, rejected = int(files["rows_imported"].sum()), int(files["rows_rejected"].sum())
    st.markdown(
        v.t("imp.summary", imported=fmt_int(imported, v.lang), rejected=fmt_int(rejected, v.lang))
    )
    missing = missing_tables(val)
    if missing:  # an import replaces the whole dataset: these would be empty after it
        names = ", ".join(table_name(m) for m in missing)
        st.warning(v.t("imp.missing_tables", tables=names), icon=":material/warning:")
    ui.table(
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
        rejects["table_words"] = rejects["table"].map(table_name)
        ui.table(
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
        check_again()

    # --- 3. publish --------------------------------------------------------------------------
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
            new_id = ui.publishing(
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

# --- history, roll-back, comparison ---------------------------------------------------------
st.divider()
st.subheader(v.t("imp.history"))
# Not cached: the log changes on a roll-back while the current import id may return to an
# earlier value (cached results are keyed by that id).
history = store.query("import_history")
if ui.empty(history, v, "dash.empty.database"):
    st.stop()
history["action_words"] = history["action"].map(lambda a: v.t(f"imp.action.{a}"))
ui.table(
    history,
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

imports = history[history["action"] == "import"]


def import_label(i: int) -> str:
    r = imports[imports["import_id"] == i].iloc[0]
    when = fmt_datetime(pd.Timestamp(r["created_at"]).to_pydatetime(), v.lang)
    who_ = r["created_by"] if isinstance(r["created_by"], str) else "–"
    return v.t("imp.import_label", id=i, when=when, who=who_)


ids = [int(i) for i in imports["import_id"]]
left, right = st.columns(2, gap="large")
with left:
    st.markdown(f"**{v.t('imp.rollback')}**")
    others = [i for i in ids if i != v.import_id]
    if others and who.can("rollback"):
        target = st.selectbox(v.t("imp.rollback.pick"), others, format_func=import_label)
        sure = st.checkbox(v.t("imp.rollback.confirm", id=target), key="imp_rollback_confirm")
        if st.button(v.t("imp.rollback.button"), disabled=not sure, icon=":material/undo:"):
            entry = ui.publishing(lambda: rollback(store, target, user=user), v)
            st.session_state.pop("imp_rollback_confirm", None)
            st.session_state[NOTICE] = v.t("imp.rolled_back", id=target, entry=entry)
            st.rerun()
    elif not others:
        st.caption(v.t("imp.rollback.only_one"))
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
    diff = compare(store, a, b, v.as_of, v.filters)
    for title, frame, cols in (
        (
            "imp.compare.contracts",
            diff.contracts.assign(change=diff.contracts["change"].map(lambda c: v.t(f"imp.change.{c}"))),
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
            diff.findings.assign(change=diff.findings["change"].map(lambda c: v.t(f"imp.change.{c}"))),
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
            ui.table(frame, cols, v, title.rsplit(".", 1)[-1], key=title)
