"""Oversikt: the state of things in a minute. The headline figures are key_figures' own; their
change since a quarter earlier compares with the figures of that day as the data stood then
(summary.figures_then, as the snapshot does), so new deliveries count as change."""

import pandas as pd
import streamlit as st

from etikkmonitor import charts, timecharts, ui
from etikkmonitor.charts import DEADLINE_STATUSES, DIALOGUE_STATUSES, SEVERITIES
from etikkmonitor.headlines import arrow, change, headlines, months_before
from etikkmonitor.i18n import fmt_date
from etikkmonitor.summary import import_as_of

v = ui.page("dash.page.overview", "dash.overview.intro")

now = ui.figures(v)
quarter = months_before(v.as_of, 3)
# the import current that day, as figures_then takes it (none yet: today's); a small query,
# not cached, as the import log grows
then_id = import_as_of(ui.store(v.db_path), quarter)
before = headlines(ui.figures(v, as_of=quarter, import_id=then_id), v.lang)
prev = ui.query("previous_import", v).iloc[0]
prev_id = None if pd.isna(prev["previous_import_id"]) else int(prev["previous_import_id"])
earlier = headlines(ui.figures(v, import_id=prev_id), v.lang) if prev_id is not None else None

if now["contracts"] == 0:
    st.info(v.t("dash.empty.selection"), icon=":material/filter_alt_off:")
    st.stop()

st.caption(v.t("dash.overview.changes", date=fmt_date(quarter, v.lang)))
cols = st.columns(5, gap="small")
for i, (h, col) in enumerate(zip(headlines(now, v.lang), cols, strict=True)):
    c = change(h, before[i], v.lang)
    with col, st.container(border=True, height="stretch"):
        # The label as a heading of its own: it wraps, where a metric's label is cut short.
        st.markdown(f"**{h.label}**", help=v.t(f"dash.headline.{h.key}.help"))
        st.metric(
            h.label,
            h.shown(v.lang),
            delta=c.text if c else None,
            delta_color="off"
            if c is None or c.direction == 0
            else ("normal" if h.higher_is_better else "inverse"),
            delta_arrow="off" if c is None or c.direction == 0 else "auto",
            label_visibility="collapsed",
        )
        if earlier is not None:
            ci = change(h, earlier[i], v.lang)
            if ci is not None:
                st.caption(f"{arrow(ci)} {ci.text} " + v.t("dash.since_import", import_id=prev_id))
        st.markdown(h.sentence)

st.divider()
# Four charts in two rows, each with a link to the page that has it in full (findings: none)
CARDS = (
    (
        "dash.overview.coverage",
        "overview.coverage",
        lambda: charts.coverage_split(now, v.lang),
        "ov_coverage",
        ("pages/oslomodellen.py", "dash.overview.to_oslo"),
    ),
    (
        "dash.overview.dialogue",
        "overview.dialogue",
        lambda: charts.status_counts(
            now["factories"]["central_by_status"], DIALOGUE_STATUSES, v.lang
        ),
        "ov_dialogue",
        ("pages/sosial_dialog.py", "dash.overview.to_dialogue"),
    ),
    (
        "dash.overview.deadlines",
        "overview.deadlines",
        lambda: charts.status_counts(now["deadlines"], DEADLINE_STATUSES, v.lang),
        "ov_deadlines",
        ("pages/frister.py", "dash.overview.to_deadlines"),
    ),
    (
        "dash.overview.findings",
        "overview.findings",
        lambda: charts.status_counts(now["findings"]["open_by_severity"], SEVERITIES, v.lang),
        "ov_findings",
        None,
    ),
)
for row in (CARDS[:2], CARDS[2:]):
    for column, (title, name, build, key, link) in zip(
        st.columns(2, gap="large"), row, strict=True
    ):
        with column:
            st.subheader(v.t(title))
            ui.show_chart(name, v, build, key)
            if link is not None:
                st.page_link(link[0], label=v.t(link[1]), icon=":material/arrow_forward:")

st.subheader(v.t("dash.overview.trend"))
# The charts are built once per view and shared by every session that shows it (ui.show_chart);
# the trend's query runs only when its chart is built.
ui.show_chart(
    "overview.trend",
    v,
    lambda: timecharts.trend(
        ui.query("trend", v, dates=[months_before(v.as_of, 3 * k) for k in range(8)]), v.lang
    ),
    "ov_trend",
)
st.caption(v.t("dash.overview.trend.note"))
