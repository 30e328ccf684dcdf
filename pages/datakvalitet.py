"""Datakvalitet: the import whose data is shown (files, rows, rejected rows with reasons, unknown
columns) and the import history. Filters do not apply: an import is read whole. An
agency-limited user sees where and why rows were rejected, not the values: a rejected row may
belong to any agency."""

import pandas as pd
import streamlit as st

from etikkmonitor import charts, ui
from etikkmonitor.i18n import fmt_datetime, fmt_int, fmt_pct
from etikkmonitor.importer import column_words, reason
from etikkmonitor.ui import Col

v = ui.page("dash.page.quality", "dash.quality.intro", filtered=False)
values_hidden = bool(v.access.agencies)

history = ui.query("import_history", v)
files = ui.query("import_files", v)
files = files.assign(table_words=files["table_name"].map(lambda x: v.t(f"dash.table.{x}")))
rejects = ui.query("import_rejects", v)
# the file's own header of each column, to name a column as the data owner's file does
headers: dict[tuple, dict[str, str]] = {}
for r in ui.query("import_columns", v).itertuples():
    headers.setdefault((r.file, r.sheet if isinstance(r.sheet, str) else None), {})[
        r.column_name
    ] = r.header
unknown = ui.query("import_unknown_columns", v)

current = history[history["import_id"] == v.import_id]
if len(current):
    r = current.iloc[0]
    st.markdown(
        v.md(
            "dash.quality.current",
            import_id=v.import_id,
            when=fmt_datetime(pd.Timestamp(r["created_at"]).to_pydatetime(), v.lang),
            who=r["created_by"] if isinstance(r["created_by"], str) else "–",
            note=r["note"] if isinstance(r["note"], str) else "",
        )
    )

c1, c2, c3, c4 = st.columns(4)
read, imported, rejected = (
    int(files[c].sum()) for c in ("rows_read", "rows_imported", "rows_rejected")
)
c1.metric(v.t("dash.quality.files"), fmt_int(len(files), v.lang), border=True)
c2.metric(v.t("dash.quality.rows_read"), fmt_int(read, v.lang), border=True)
c3.metric(v.t("dash.quality.rows_imported"), fmt_int(imported, v.lang), border=True)
c4.metric(v.t("dash.quality.rows_rejected"), fmt_int(rejected, v.lang), border=True)
if read:
    c4.caption(v.t("dash.quality.share_rejected", pct=fmt_pct(rejected / read, v.lang, 1)))

left, right = st.columns(2, gap="large")
with left:
    st.subheader(v.t("dash.quality.per_file"))
    if not ui.empty(files, v, "dash.quality.no_files"):
        ui.show_chart("quality.rows", v, lambda: charts.import_rows(files, v.lang), "rows_per_file")
with right:
    st.subheader(v.t("dash.quality.reasons"))
    if not ui.empty(rejects, v, "dash.quality.no_rejects", good=True):
        reasons = rejects.assign(reason=rejects["code"].map(lambda c: reason(c, None, v.lang)))
        counts = reasons.groupby("reason").size().reset_index(name="n")
        ui.show_chart(
            "quality.reasons",
            v,
            lambda: charts.counts_bar(counts, "reason", v.lang, color=charts.RED),
            "reasons",
        )

st.subheader(v.t("dash.quality.files_table"))
ui.table(
    files,
    [
        Col("file", "dash.col.file"),
        Col("sheet", "dash.col.sheet"),
        Col("table_words", "dash.col.table"),
        Col("rows_read", "dash.col.rows_read", "int"),
        Col("rows_imported", "dash.col.rows_imported", "int"),
        Col("rows_rejected", "dash.col.rows_rejected", "int"),
        Col("unknown_columns", "dash.col.unknown_columns", "list"),
        Col("encoding", "dash.col.encoding"),
        Col("delimiter", "dash.col.delimiter"),
    ],
    v,
    "importerte_filer",
)

st.subheader(v.t("dash.quality.rejects", n=fmt_int(len(rejects), v.lang)))
st.markdown(v.t("dash.quality.rejects.intro"))
if values_hidden:
    st.caption(v.t("dash.quality.values_hidden"))
if not ui.empty(rejects, v, "dash.quality.no_rejects", good=True):
    shown = rejects.assign(
        reason=[
            reason(c, d if isinstance(d, str) and d else None, v.lang)
            for c, d in zip(rejects["code"], rejects["detail"], strict=True)
        ],
        table_words=rejects["table_name"].map(lambda x: v.t(f"dash.table.{x}")),
        column_words=[
            column_words(c, headers.get((f, s if isinstance(s, str) else None), {}), t, v.lang)
            for c, f, s, t in zip(
                rejects["column_name"],
                rejects["file"],
                rejects["sheet"],
                rejects["table_name"],
                strict=True,
            )
        ],
    )
    ui.table(
        shown,
        [
            Col("file", "dash.col.file"),
            Col("sheet", "dash.col.sheet"),
            Col("line", "dash.col.line", "int"),
            Col("table_words", "dash.col.table"),
            Col("column_words", "dash.col.column"),
            *([] if values_hidden else [Col("value", "dash.col.value_given")]),
            Col("reason", "dash.col.reason"),
        ],
        v,
        "avviste_rader",
    )

st.subheader(v.t("dash.quality.unknown"))
if not ui.empty(unknown, v, "dash.quality.no_unknown", good=True):
    ui.table(
        unknown,
        [
            Col("file", "dash.col.file"),
            Col("sheet", "dash.col.sheet"),
            Col("column_name", "dash.col.column"),
            Col("rows_with_value", "dash.col.rows_with_value", "int"),
            *([] if values_hidden else [Col("example", "dash.col.example")]),
        ],
        v,
        "ukjente_kolonner",
    )

st.subheader(v.t("dash.quality.history"))
history = history.assign(action_words=history["action"].map(lambda a: v.t(f"dash.action.{a}")))
ui.table(
    history,
    [
        Col("import_id", "dash.col.import_id", "int"),
        Col("action_words", "dash.col.action"),
        Col("data_import_id", "dash.col.data_import_id", "int"),
        Col("is_current", "dash.col.is_current", "bool"),
        Col("created_at", "dash.col.created_at", "datetime"),
        Col("created_by", "dash.col.created_by"),
        Col("note", "dash.col.note"),
        Col("files", "dash.col.files", "int"),
        Col("rows_read", "dash.col.rows_read", "int"),
        Col("rows_imported", "dash.col.rows_imported", "int"),
        Col("rows_rejected", "dash.col.rows_rejected", "int"),
    ],
    v,
    "importhistorikk",
)
