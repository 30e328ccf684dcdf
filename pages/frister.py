"""Frister og avvik: every deadline of the four kinds (overdue first), upcoming ones, a timeline,
counts by kind and agency, and open findings with their action-plan deadlines."""

from datetime import timedelta

import streamlit as st

from etikkmonitor import charts, timecharts, ui
from etikkmonitor.charts import DEADLINE_STATUSES, SEVERITIES
from etikkmonitor.headlines import months_before
from etikkmonitor.i18n import fmt_date, fmt_int, label
from etikkmonitor.ui import Col

v = ui.page("dash.page.deadlines", "dash.deadlines.intro")

# The first rows of each status (each tab shows at most ui.tables.MAX_SHOWN): SQL counts and orders
# the deadlines; at scale some 100 000 of them never reach pandas.
firsts = ui.query("deadlines_list", v, limit=ui.tables.MAX_SHOWN)
findings = ui.query("findings_list", v)  # findings_list holds the open findings only
if firsts.empty and findings.empty:
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

counts = ui.query("deadline_counts", v, within=within)
n = counts.groupby("status")["n"].sum().reindex(list(DEADLINE_STATUSES), fill_value=0)
n_within = int(counts["n_due_within"].sum())


def described(rows):
    """`rows` with `what`: the factory, the finding, the milestone or the documentation year.
    Column-wise: a download holds every deadline."""
    what = rows["description"].fillna(rows["ref_id"]).astype(object)
    is_doc = (rows["kind"] == "documentation") & rows["ref_id"].notna()
    years = {}
    what[is_doc] = [
        years.get(k) or years.setdefault(k, v.t("dash.deadlines.doc_k", k=k))
        for k in rows.loc[is_doc, "ref_id"].astype(object)
    ]
    return rows.assign(what=what)


firsts = described(firsts)

c1, c2, c3, c4 = st.columns(4)
c1.metric(v.t("dash.headline.overdue"), fmt_int(n["overdue"], v.lang), border=True)
c1.caption(v.t("dash.deadlines.overdue.caption"))
c2.metric(v.t("dash.deadlines.upcoming_within", n=within), fmt_int(n_within, v.lang), border=True)
c2.caption(v.t("dash.deadlines.upcoming.caption", n=fmt_int(n["upcoming"], v.lang)))
c3.metric(label("met_late", v.lang), fmt_int(n["met_late"], v.lang), border=True)
c3.caption(v.t("dash.deadlines.met_late.caption", n=fmt_int(n["met_on_time"], v.lang)))
c4.metric(
    v.t("dash.deadlines.findings_overdue"),
    fmt_int(int(findings["open_overdue"].fillna(False).sum()), v.lang),
    border=True,
)
c4.caption(v.t("dash.deadlines.findings_overdue.caption", n=fmt_int(len(findings), v.lang)))

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


def overdue(rows):
    return rows["status"] == "overdue"


def upcoming(rows):
    return (rows["status"] == "upcoming") & (rows["days_late"] >= -within)


def met_late(rows):
    return rows["status"] == "met_late"


def every(rows):
    return rows["status"].notna()


def every_row(keep):
    """Every deadline `keep` selects, for a tab's download (asked for when clicked)."""

    def rows():
        all_rows = ui.query_uncached("deadlines_list", v, limit=None)
        return described(all_rows[keep(all_rows)])

    return rows


tabs = st.tabs(
    [
        v.t("dash.deadlines.tab.overdue", n=fmt_int(n["overdue"], v.lang)),
        v.t("dash.deadlines.tab.upcoming", n=fmt_int(n_within, v.lang), days=within),
        v.t("dash.deadlines.tab.met_late", n=fmt_int(n["met_late"], v.lang)),
        v.t("dash.deadlines.tab.all", n=fmt_int(n.sum(), v.lang)),
    ]
)
for tab, keep, total, name, none_key in (
    (tabs[0], overdue, n["overdue"], "frister_over_frist", "dash.deadlines.none_overdue"),
    (tabs[1], upcoming, n_within, "frister_kommende", "dash.deadlines.none_upcoming"),
    (tabs[2], met_late, n["met_late"], "frister_innfridd_for_sent", "dash.deadlines.none_met_late"),
    (tabs[3], every, n.sum(), "frister_alle", "dash.empty.selection"),
):
    rows = firsts[keep(firsts)]
    with tab:
        if not ui.empty(rows, v, none_key, good=tab is not tabs[3]):
            ui.table(
                rows,
                DEADLINE_COLUMNS,
                v,
                name,
                height=min(420, 38 + 35 * len(rows)),
                total=int(total),
                every_row=every_row(keep),
            )

st.subheader(v.t("dash.deadlines.timeline"))
start = months_before(v.as_of, 12)
end = v.as_of + timedelta(days=within)
st.caption(
    v.t("dash.deadlines.timeline.caption", start=fmt_date(start, v.lang), end=fmt_date(end, v.lang))
)
points = ui.query("deadline_timeline", v, start=start, end=end)
ui.show_chart(
    "deadlines.timeline",
    v,
    lambda: timecharts.deadline_timeline(described(points), v.as_of, v.lang),
    key="timeline",
    within=within,
)

st.subheader(v.t("dash.deadlines.by_kind"))


def by_kind():
    by = counts.groupby(["kind", "status"], as_index=False)["n"].sum()
    by["kind"] = by["kind"].map(lambda k: label(k, v.lang))
    return charts.stacked_status(by, "kind", DEADLINE_STATUSES, v.lang)


ui.show_chart("deadlines.by_kind", v, by_kind, key="by_kind")

TOP = 15
st.subheader(v.t("dash.deadlines.by_agency"))
st.caption(v.t("dash.deadlines.by_agency.caption", n=TOP))


def by_agency():
    by = counts.groupby(["agency", "status"], as_index=False)["n"].sum()
    return charts.stacked_status(
        by, "agency", DEADLINE_STATUSES, v.lang, sort_by="overdue", top=TOP
    )


ui.show_chart("deadlines.by_agency", v, by_agency, key="by_agency")

pivot = (
    counts.pivot_table(index="agency", columns="status", values="n", aggfunc="sum", fill_value=0)
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
if not ui.empty(findings, v, "dash.deadlines.no_open_findings", good=True):

    def by_area():
        by = findings.groupby(["area", "severity"]).size().reset_index(name="n")
        by = by.rename(columns={"severity": "status"})
        by["area"] = by["area"].map(lambda a: label(a, v.lang))
        return charts.stacked_status(by, "area", SEVERITIES, v.lang)

    ui.show_chart("deadlines.findings_by_area", v, by_area, key="findings_by_area")
    ui.table(
        findings,
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
