"""Frister og avvik: every deadline of the four kinds (overdue first), upcoming ones, a timeline,
counts by kind and agency, and open findings with their action-plan deadlines."""

from datetime import timedelta

import streamlit as st

from etikkmonitor import charts, ui
from etikkmonitor.charts import DEADLINE_STATUSES, SEVERITIES
from etikkmonitor.headlines import months_before
from etikkmonitor.i18n import fmt_date, fmt_int, label
from etikkmonitor.ui import Col

v = ui.page("dash.page.deadlines", "dash.deadlines.intro")

deadlines = ui.query("deadlines_list", v)
findings = ui.query("findings_list", v)
f = ui.figures(v)
if deadlines.empty and findings.empty:
    ui.empty(None, v)
    st.stop()

WINDOWS = (30, 60, 90)
within = (
    st.segmented_control(
        v.t("dash.deadlines.window"),
        WINDOWS,
        key=ui.url_key("within", WINDOWS, 30),
        format_func=lambda d: v.t("dash.deadlines.days", n=d),
    )
    or 30
)
ui.keep_in_url("within", within, 30)

# What a deadline is about, in words: the factory, the finding, the milestone or the year.
# Column-wise, not row by row: at scale this frame holds some 100 000 deadlines.
what = deadlines["description"].fillna(deadlines["ref_id"]).astype(object)
is_doc = deadlines["kind"] == "documentation"
doc_years = {}
what[is_doc] = [
    doc_years.get(k) or doc_years.setdefault(k, v.t("dash.deadlines.doc_k", k=k))
    for k in deadlines.loc[is_doc, "ref_id"].astype(object)
]
deadlines = deadlines.assign(what=what)
overdue = deadlines[deadlines["status"] == "overdue"]
upcoming = deadlines[(deadlines["status"] == "upcoming") & (deadlines["days_late"] >= -within)]
met_late = deadlines[deadlines["status"] == "met_late"]
open_findings = findings  # findings_list holds the open findings only

c1, c2, c3, c4 = st.columns(4)
c1.metric(v.t("dash.headline.overdue"), fmt_int(f["deadlines"]["overdue"], v.lang), border=True)
c1.caption(v.t("dash.deadlines.overdue.caption"))
c2.metric(
    v.t("dash.deadlines.upcoming_within", n=within), fmt_int(len(upcoming), v.lang), border=True
)
c2.caption(v.t("dash.deadlines.upcoming.caption", n=fmt_int(f["deadlines"]["upcoming"], v.lang)))
c3.metric(label("met_late", v.lang), fmt_int(f["deadlines"]["met_late"], v.lang), border=True)
c3.caption(v.t("dash.deadlines.met_late.caption", n=fmt_int(f["deadlines"]["met_on_time"], v.lang)))
c4.metric(
    v.t("dash.deadlines.findings_overdue"),
    fmt_int(f["findings"]["open_overdue"], v.lang),
    border=True,
)
c4.caption(v.t("dash.deadlines.findings_overdue.caption", n=fmt_int(f["findings"]["open"], v.lang)))

DEADLINE_COLUMNS = [
    Col("kind", "dash.col.kind", "code"),
    Col("status", "dash.col.deadline_status", "code"),
    Col("contract_id", "dash.col.contract", "contract"),
    Col("what", "dash.col.what"),
    Col("due_date", "dash.col.due_date", "date"),
    Col("met_date", "dash.col.met_date", "date"),
    Col("days_late", "dash.col.days_late", "days"),
    Col("agency", "dash.col.agency"),
    Col("supplier_name", "dash.col.supplier"),
    Col("title", "dash.col.title"),
]

tabs = st.tabs(
    [
        v.t("dash.deadlines.tab.overdue", n=fmt_int(len(overdue), v.lang)),
        v.t("dash.deadlines.tab.upcoming", n=fmt_int(len(upcoming), v.lang), days=within),
        v.t("dash.deadlines.tab.met_late", n=fmt_int(len(met_late), v.lang)),
        v.t("dash.deadlines.tab.all", n=fmt_int(len(deadlines), v.lang)),
    ]
)
for tab, rows, name, none_key in (
    (tabs[0], overdue, "frister_over_frist", "dash.deadlines.none_overdue"),
    (tabs[1], upcoming.sort_values("due_date"), "frister_kommende", "dash.deadlines.none_upcoming"),
    (tabs[2], met_late, "frister_innfridd_for_sent", "dash.deadlines.none_met_late"),
    (tabs[3], deadlines, "frister_alle", "dash.empty.selection"),
):
    with tab:
        if not ui.empty(rows, v, none_key, good=tab is not tabs[3]):
            ui.table(rows, DEADLINE_COLUMNS, v, name, height=min(420, 38 + 35 * len(rows)))

st.subheader(v.t("dash.deadlines.timeline"))
start = months_before(v.as_of, 12)
end = v.as_of + timedelta(days=within)
st.caption(
    v.t("dash.deadlines.timeline.caption", start=fmt_date(start, v.lang), end=fmt_date(end, v.lang))
)
ui.show_chart(
    "deadlines.timeline",
    v,
    lambda: charts.deadline_timeline(deadlines, v.as_of, v.lang, start=start, end=end),
    key="timeline",
    within=within,
)

st.subheader(v.t("dash.deadlines.by_kind"))


def by_kind():
    counts = deadlines.groupby(["kind", "status"]).size().reset_index(name="n")
    counts["kind"] = counts["kind"].map(lambda k: label(k, v.lang))
    return charts.stacked_status(counts, "kind", DEADLINE_STATUSES, v.lang)


ui.show_chart("deadlines.by_kind", v, by_kind, key="by_kind")

TOP = 15
st.subheader(v.t("dash.deadlines.by_agency"))
st.caption(v.t("dash.deadlines.by_agency.caption", n=TOP))


def by_agency():
    counts = deadlines.groupby(["agency", "status"]).size().reset_index(name="n")
    return charts.stacked_status(
        counts, "agency", DEADLINE_STATUSES, v.lang, sort_by="overdue", top=TOP
    )


ui.show_chart("deadlines.by_agency", v, by_agency, key="by_agency")

pivot = (
    deadlines.pivot_table(
        index="agency", columns="status", values="kind", aggfunc="count", fill_value=0
    )
    .reindex(columns=list(DEADLINE_STATUSES), fill_value=0)
    .reset_index()
    .sort_values(["overdue", "agency"], ascending=[False, True])
)
with st.expander(v.t("dash.deadlines.by_agency.table")):
    ui.table(
        pivot,
        [Col("agency", "dash.col.agency")]
        + [Col(s, f"dash.status.{s}", "int") for s in DEADLINE_STATUSES],
        v,
        "frister_per_virksomhet",
    )

st.subheader(v.t("dash.deadlines.findings"))
if not ui.empty(open_findings, v, "dash.deadlines.no_open_findings", good=True):

    def by_area():
        counts = open_findings.groupby(["area", "severity"]).size().reset_index(name="n")
        counts = counts.rename(columns={"severity": "status"})
        counts["area"] = counts["area"].map(lambda a: label(a, v.lang))
        return charts.stacked_status(counts, "area", SEVERITIES, v.lang)

    ui.show_chart("deadlines.findings_by_area", v, by_area, key="findings_by_area")
    ui.table(
        open_findings,
        [
            Col("finding_id", "dash.col.finding"),
            Col("severity", "dash.col.severity", "code"),
            Col("area", "dash.col.area", "code"),
            Col("description", "dash.col.description"),
            Col("due_date", "dash.col.action_due", "date"),
            Col("days_past_due", "dash.col.days_past_due", "days"),
            Col("contract_id", "dash.col.contract", "contract"),
            Col("factory_name", "dash.col.factory"),
            Col("audit_date", "dash.col.audit_date", "date"),
            Col("agency", "dash.col.agency"),
            Col("supplier_name", "dash.col.supplier"),
        ],
        v,
        "aapne_avvik",
    )
