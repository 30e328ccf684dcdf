"""Fabrikker: one row and one map point per factory place, with every contract it supplies and
its social-dialogue status under each (queries/factory_places.sql, etikkmonitor/factory_view and maps)."""

import streamlit as st

from etikkmonitor import factory_view, maps, ui
from etikkmonitor.i18n import fmt_int
from etikkmonitor.ui import Col

v = ui.page("fab.page", "fab.intro")

df = factory_view.with_contracts(ui.query("factory_places", v))
if ui.empty(df, v, "fab.none"):
    st.stop()
shared = df[df["n_contracts"] > 1]
not_reported = sum(
    any(c["dialogue_status"] == "not_reported" for c in cs) for cs in df["contracts"]
)
c1, c2, c3 = st.columns(3)
c1.metric(v.t("fab.places"), fmt_int(len(df), v.lang), border=True)
c2.metric(v.t("fab.shared"), fmt_int(len(shared), v.lang), border=True)
c3.metric(v.t("fab.not_reported"), fmt_int(not_reported, v.lang), border=True)

only_shared = ui.url_toggle(v.t("fab.only_shared"), "shared")
shown = shared if only_shared else df

st.subheader(v.t("fab.map"))
ui.show_chart(
    "factories.places_map",
    v,
    lambda: maps.places_map(shown, v.lang),
    key="places_map",
    alt=v.t("fab.map.alt"),
    shared=only_shared,
)
st.caption(v.t("fab.map.note"))

st.subheader(v.t("fab.places"))
ui.table(
    factory_view.places_table(shown, v.lang),
    [
        Col("factory_name", "fab.col.factory"),
        Col("country", "dash.col.country", "country"),
        Col("n_contracts", "fab.col.n_contracts", "int"),
        Col("statuses", "fab.col.statuses"),
        Col("suppliers", "fab.col.suppliers"),
        Col("address", "fab.col.address"),
        Col("os_id", "fab.col.os_id"),
        Col("place_id", "fab.col.place"),
    ],
    v,
    "fabrikker",
)
