"""Sosial dialog: one row per factory and contract, the map, status by supplier and country, and
the progress of the social dialogue requirement per contract."""

import streamlit as st

from etikkmonitor import charts, maps, schema, ui
from etikkmonitor.charts import DIALOGUE_STATUSES
from etikkmonitor.geo import country_name
from etikkmonitor.i18n import fmt_int, fmt_pct
from etikkmonitor.ui import Col

v = ui.page("dash.page.dialogue", "dash.dialogue.intro")

df = ui.query("factories_dialogue", v)
if ui.empty(df, v, "dash.dialogue.none"):
    st.stop()
f = ui.figures(v)["factories"]
central = df[df["central"]]
not_started = central[~central["dialogue_status"].isin(schema.DIALOGUE_STARTED)]
late = df[df["deadline_status"] == "overdue"]

c1, c2, c3, c4 = st.columns(4)
c1.metric(v.t("dash.dialogue.central"), fmt_int(f["central"], v.lang), border=True)
c1.caption(v.t("dash.dialogue.central.caption", total=fmt_int(f["total"], v.lang)))
c2.metric(
    v.t("dash.dialogue.started"),
    fmt_pct(f["central_started_share"], v.lang),
    border=True,
    help=v.t("dash.headline.dialogue.help"),
)
c2.caption(
    v.t("dash.n_of_m", n=fmt_int(f["central_started"], v.lang), m=fmt_int(f["central"], v.lang))
)
c3.metric(v.t("dash.dialogue.not_started"), fmt_int(len(not_started), v.lang), border=True)
c3.caption(v.t("dash.dialogue.not_started.caption"))
c4.metric(v.t("dash.dialogue.late"), fmt_int(len(late), v.lang), border=True)
c4.caption(v.t("dash.dialogue.late.caption"))

st.subheader(v.t("dash.dialogue.actions"))
st.markdown(v.t("dash.dialogue.actions.intro"))
if not ui.empty(not_started, v, "dash.dialogue.actions.none"):
    ui.table(
        not_started.sort_values("days_late", ascending=False, na_position="last"),
        [
            Col("factory_name", "dash.col.factory"),
            Col("supplier_name", "dash.col.supplier"),
            Col("country", "dash.col.country", "country"),
            Col("dialogue_status", "dash.col.dialogue_status", "code"),
            Col("due_date", "dash.col.dialogue_due", "date"),
            Col("days_late", "dash.col.days_late", "days"),
            Col("deadline_status", "dash.col.deadline_status", "code"),
            Col("social_dialogue_required", "dash.dialogue.requirement", "bool"),
            Col("contract_id", "dash.col.contract", "contract"),
            Col("agency", "dash.col.agency"),
        ],
        v,
        "sentrale_fabrikker_uten_dialog",
    )

st.divider()
only_central = ui.url_toggle(
    v.t("dash.dialogue.only_central"), "central", help=v.t("dash.dialogue.only_central.help")
)
shown = central if only_central else df

st.subheader(v.t("dash.dialogue.map"))
ui.show_chart(
    "dialogue.map",
    v,
    lambda: maps.factory_map(shown, v.lang),
    key="dialogue_map",
    alt=v.t("dash.dialogue.map.alt"),
    central=only_central,
)
st.caption(v.t("dash.dialogue.map.note"))

TOP = 15
st.subheader(v.t("dash.dialogue.by"))
st.caption(v.t("dash.dialogue.top_note", n=TOP))
left, right = st.columns(2, gap="large")
with left:
    st.markdown(f"**{v.t('dash.dialogue.by_supplier')}**")

    def by_supplier():
        counts = shown.groupby(["supplier_name", "dialogue_status"]).size().reset_index(name="n")
        counts = counts.rename(columns={"dialogue_status": "status"})
        return charts.stacked_status(counts, "supplier_name", DIALOGUE_STATUSES, v.lang, top=TOP)

    ui.show_chart("dialogue.by_supplier", v, by_supplier, key="by_supplier", central=only_central)
with right:
    st.markdown(f"**{v.t('dash.dialogue.by_country')}**")

    def by_country():
        counts = shown.groupby(["country", "dialogue_status"]).size().reset_index(name="n")
        counts = counts.rename(columns={"dialogue_status": "status"})
        return charts.stacked_status(
            counts,
            "country",
            DIALOGUE_STATUSES,
            v.lang,
            by_label=lambda c: country_name(c, v.lang),
            top=TOP,
        )

    ui.show_chart("dialogue.by_country", v, by_country, key="by_country", central=only_central)

st.subheader(v.t("dash.dialogue.progress"))
st.markdown(v.t("dash.dialogue.progress.intro"))
required = central[central["social_dialogue_required"]]
if not ui.empty(required, v, "dash.dialogue.progress.none"):

    def progress():
        counts = (
            required.assign(contract=required["contract_id"] + " · " + required["supplier_name"])
            .groupby(["contract", "dialogue_status"])
            .size()
            .reset_index(name="n")
            .rename(columns={"dialogue_status": "status"})
        )
        return charts.stacked_status(counts, "contract", DIALOGUE_STATUSES, v.lang, normalise=True)

    ui.show_chart("dialogue.progress", v, progress, key="progress")

st.subheader(v.t("dash.dialogue.all"))
ui.table(
    shown,
    ui.dialogue_columns(with_contract=True),
    v,
    "fabrikker_sosial_dialog",
)
