"""Oslomodellen: coverage of part 1 and part 2 by agency, category and start year; the action
list of relevant contracts without the clauses. Every figure covers the contracts in force on
the chosen date, except coverage by start year (the yearly review: every contract started by
then); the page says which is which."""

import streamlit as st

from etikkmonitor import charts, settings, ui
from etikkmonitor.headlines import fmt_nok_short
from etikkmonitor.i18n import fmt_date, fmt_int, fmt_nok, fmt_pct
from etikkmonitor.ui import Col

v = ui.page("dash.page.oslo", "dash.oslo.intro")

rules = settings.rules()
with st.expander(v.t("dash.oslo.rules.title"), icon=":material/help:"):
    st.markdown(
        v.t(
            "dash.oslo.rules",
            categories=", ".join(rules["part1_categories"]),
            part1_min=fmt_nok(rules["part1_min_value"], v.lang),
            part2_min=fmt_nok(rules["part2_min_value"], v.lang),
        )
    )

f = ui.figures(v)
if f["contracts"] == 0:
    ui.empty(None, v)
    st.stop()
actions = ui.query("oslo_action_list", v)
st.caption(v.t("dash.oslo.in_force.note", date=fmt_date(v.as_of, v.lang)))

c1, c2, c3, c4 = st.columns(4)
for col, part in ((c1, "part1"), (c2, "part2")):
    p = f["oslo_model"][part]
    col.metric(
        v.t(f"dash.oslo.metric.{part}"),
        "–" if p["coverage"] is None else fmt_pct(p["coverage"], v.lang),
        border=True,
        help=v.t(f"dash.headline.{part}.help"),
    )
    col.caption(
        v.t("dash.n_of_m", n=fmt_int(p["covered"], v.lang), m=fmt_int(p["relevant"], v.lang))
    )
c3.metric(v.t("dash.oslo.lacking"), fmt_int(len(actions), v.lang), border=True)
c3.caption(v.t("dash.oslo.lacking.caption"))
c4.metric(
    v.t("dash.oslo.lacking_value"),
    fmt_nok_short(actions["value_nok"].sum() if len(actions) else 0, v.lang),
    border=True,
)
c4.caption(v.t("dash.oslo.lacking_value.caption"))

st.subheader(v.t("dash.oslo.by_group"))
MEASURES = ("count", "value")
measure = (
    st.segmented_control(
        v.t("dash.oslo.measure"),
        MEASURES,
        key=ui.url_key("measure", MEASURES, "count"),
        format_func=lambda m: v.t(f"dash.oslo.measure.{m}"),
        help=v.t("dash.oslo.measure.help"),
    )
    or "count"
)
ui.keep_in_url("measure", measure, "count")

groups = ui.query("coverage_by_group", v)
DIMENSIONS = ("agency", "category", "start_year")  # the whitelist of groupings
TOP = 15
tabs = st.tabs([v.t(f"dash.oslo.dim.{d}") for d in DIMENSIONS])
for dim, tab in zip(DIMENSIONS, tabs, strict=True):
    with tab:
        part = groups[groups["dimension"] == dim]
        if dim == "start_year":
            part = part.sort_values("grp")
        if ui.empty(part, v):
            continue
        if dim == "agency":
            st.caption(v.t("dash.oslo.agency.note"))
        if dim == "start_year":
            st.caption(v.t("dash.oslo.start_year.note", date=fmt_date(v.as_of, v.lang)))
        relevant = part[(part["part1_relevant"] + part["part2_relevant"]) > 0]
        if relevant.empty:
            st.info(v.t("dash.oslo.none_relevant"))
        else:
            if len(relevant) > TOP:
                st.caption(v.t("dash.oslo.top_note", n=TOP))
            ui.show_chart(
                f"oslo.{dim}",
                v,
                lambda rows=relevant: charts.coverage_by_group(rows, v.lang, measure, top=TOP),
                key=f"oslo_{dim}",
                measure=measure,
            )
        ui.table(
            part,
            [
                Col("grp", f"dash.oslo.dim.{dim}"),
                Col("contracts", "dash.col.contracts", "int"),
                Col("part1_relevant", "dash.col.part1_relevant", "int"),
                Col("part1_covered", "dash.col.part1_covered", "int"),
                Col("part1_coverage", "dash.col.part1_coverage", "pct"),
                Col("part1_value_coverage", "dash.col.part1_value_coverage", "pct"),
                Col("part2_relevant", "dash.col.part2_relevant", "int"),
                Col("part2_covered", "dash.col.part2_covered", "int"),
                Col("part2_coverage", "dash.col.part2_coverage", "pct"),
                Col("part2_value_coverage", "dash.col.part2_value_coverage", "pct"),
            ],
            v,
            f"oslomodellen_{dim}",
        )

st.subheader(v.t("dash.oslo.actions"))
st.markdown(v.t("dash.oslo.actions.intro"))
if not ui.empty(actions, v, "dash.oslo.actions.none"):
    actions = actions.assign(
        **{
            gap: actions[gap].map(lambda x: v.t(f"dash.gap.{x}") if isinstance(x, str) else "")
            for gap in ("part1_gap", "part2_gap")
        }
    )
    ui.table(
        actions,
        [
            Col("contract_id", "dash.col.contract", "contract"),
            Col("title", "dash.col.title"),
            Col("value_nok", "dash.col.value", "nok"),
            Col("part1_gap", "dash.col.part1_gap"),
            Col("part2_gap", "dash.col.part2_gap"),
            Col("agency", "dash.col.agency"),
            Col("supplier_name", "dash.col.supplier"),
            Col("category", "dash.col.category"),
            Col("start_date", "dash.col.start_date", "date"),
            Col("end_date", "dash.col.end_date", "date"),
            Col("calloff_agencies", "dash.col.calloff_agencies", "list"),
        ],
        v,
        "handlingsliste_oslomodellen",
    )

with st.expander(v.t("dash.oslo.all_contracts")):
    contracts = ui.query("contracts_list", v)
    ui.table(
        contracts,
        [
            Col("contract_id", "dash.col.contract", "contract"),
            Col("title", "dash.col.title"),
            Col("agency", "dash.col.agency"),
            Col("supplier_name", "dash.col.supplier"),
            Col("category", "dash.col.category"),
            Col("contract_type", "dash.col.contract_type", "code"),
            Col("value_nok", "dash.col.value", "nok"),
            Col("high_risk", "dash.col.high_risk", "bool"),
            Col("part1_relevant", "dash.col.part1_is_relevant", "bool"),
            Col("part1_covered", "dash.col.part1_is_covered", "bool"),
            Col("part2_relevant", "dash.col.part2_is_relevant", "bool"),
            Col("part2_covered", "dash.col.part2_is_covered", "bool"),
            Col("start_date", "dash.col.start_date", "date"),
            Col("end_date", "dash.col.end_date", "date"),
        ],
        v,
        "kontrakter",
    )
