"""Årlig gjennomgang: every competition a year's eForms notices published, whether it is relevant
to the Oslo model, whether the notice states the requirement, and whether the register holds the
resulting contract with the clauses; the list to act on. Same figures as `etikkmonitor review`."""

import numpy as np
import pandas as pd
import streamlit as st

from etikkmonitor import charts, settings, ui
from etikkmonitor.eforms import review
from etikkmonitor.i18n import fmt_int, fmt_nok, fmt_pct
from etikkmonitor.ui import Col

v = ui.page("rev.page", "rev.intro")
years = [int(y) for y in ui.query("review_years", v)["year"]]
if not years:
    st.info(v.t("rev.no_notices"), icon=":material/info:")
    st.stop()

rules, conf = settings.rules(), settings.review()
with st.expander(v.t("rev.rules.title"), icon=":material/help:"):
    st.markdown(
        v.t(
            "rev.rules",
            part1_categories=", ".join(rules["part1_categories"]),
            part1_min=fmt_nok(rules["part1_min_value"], v.lang),
            part2_min=fmt_nok(rules["part2_min_value"], v.lang),
        )
    )
    # the settings' table, as data: never read as Markdown
    st.dataframe(
        pd.DataFrame(conf["cpv"]).rename(
            columns={
                "prefix": v.t("rev.col.cpv_prefix"),
                "category": v.t("rev.col.category"),
                "high_risk": v.t("rev.col.high_risk"),
            }
        ),
        hide_index=True,
    )
rates = ", ".join(
    f"{r['currency']} = {review.fmt_rate(r['rate'], v.lang)} NOK" for r in conf["rates"]
)
st.caption(
    v.md("rev.rates", rates=rates, note=conf["currency_note"]),
    help=v.t("rev.rates.help"),
)

c1, c2 = st.columns([1, 3])
year = c1.selectbox(
    v.t("rev.year"), years, key=ui.url_key("year", years, years[0]), help=v.t("rev.year.help")
)
ui.keep_in_url("year", year, years[0])
# Agencies: the sidebar's selection, or all the person may see; the buyer picker narrows it.
scope = list(v.filters.agencies) or list(v.access.agencies)
conf_params = {"year": year, "cpv": conf["cpv"], "rates": conf["rates"]}


@st.cache_data(show_spinner=False, ttl=ui.CACHE_TTL, max_entries=64, max_size="16MB")
def figures(path: str, import_id, key: str, _df: pd.DataFrame, year: int, agencies: tuple) -> dict:
    # `key` (the query's parameters) and the import make the cache key, as ui.query's do
    return review.figures(_df, year, list(agencies))


everyone = ui.query("review_competitions", v, agencies=scope, **conf_params)
buyers = (
    everyone.dropna(subset=["buyer_org_nr"])
    .drop_duplicates("buyer_org_nr")
    .set_index("buyer_org_nr")["buyer_name"]
    .fillna("")
    .sort_values()
)
picked = c2.multiselect(
    v.t("rev.buyer"),
    list(buyers.index),
    key=ui.url_key("buyer", list(buyers.index), [], many=True),
    format_func=lambda org: f"{buyers.get(org, '')} ({org})",
    help=v.t("rev.buyer.help"),
    placeholder=v.t("rev.buyer.all"),
)
ui.keep_in_url("buyer", picked)
agencies = picked or scope
df = ui.query("review_competitions", v, agencies=agencies, **conf_params) if picked else everyone
f = figures(
    v.db_path,
    v.import_id,
    ui.cache_key(v.params(agencies=agencies, **conf_params)),
    df,
    year,
    tuple(agencies),
)
if ui.empty(df, v, "rev.none_in_year"):
    st.stop()

m = st.columns(4)
m[0].metric(v.t("rev.metric.competitions"), fmt_int(f["competitions"], v.lang), border=True)
m[0].caption(
    v.t(
        "rev.metric.competitions.caption",
        awards=fmt_int(f["with_award_notice"], v.lang),
        register=fmt_int(f["in_register"], v.lang),
    )
)
for col, part in ((m[1], 1), (m[2], 2)):
    p = f[f"part{part}"]
    col.metric(
        v.t(f"rev.metric.part{part}"),
        "–" if p["coverage"] is None else fmt_pct(p["coverage"], v.lang),
        border=True,
        help=v.t(f"rev.metric.part{part}.help"),
    )
    col.caption(
        v.t(
            "rev.metric.part.caption",
            stated=fmt_int(p["stated"], v.lang),
            relevant=fmt_int(p["relevant"], v.lang),
            register=fmt_int(p["in_register"], v.lang),
            clauses=fmt_int(p["with_clauses"], v.lang),
        )
    )
m[3].metric(v.t("rev.metric.actions"), fmt_int(f["needs_action"], v.lang), border=True)
m[3].caption(v.t("rev.metric.actions.caption"))


def with_words(rows: pd.DataFrame) -> pd.DataFrame:
    """Missing objectives and value notes in words, for the tables (vectorised: a year of
    every buyer's notices is some 20 000 rows)."""
    m1 = (rows["part1_relevant"] & ~rows["part1_stated"]).to_numpy(dtype=bool)
    m2 = (rows["part2_relevant"] & ~rows["part2_stated"]).to_numpy(dtype=bool)
    w1, w2 = v.t("rev.missing.work-cond"), v.t("rev.missing.hum-right")
    missing = np.where(m1 & m2, f"{w1}, {w2}", np.where(m1, w1, np.where(m2, w2, "")))
    words = {c: v.t(f"rev.value_note.{c}") for c in ("no_value", "no_rate", "converted")}
    return rows.assign(missing=missing, value_words=rows["value_note"].map(words).fillna(""))


COLUMNS = [
    Col("published", "rev.col.published", "date"),
    Col("buyer_name", "rev.col.buyer"),
    Col("title", "rev.col.title"),
    Col("lot_id", "rev.col.lot"),
    Col("cpv_main", "rev.col.cpv"),
    Col("category", "rev.col.category"),
    Col("value_nok", "rev.col.value_nok", "nok"),
    Col("value_words", "rev.col.value_note"),
    Col("social_objectives", "rev.col.objectives", "list"),
    Col("in_register", "rev.col.in_register", "bool"),
    Col("contract_ids", "rev.col.contracts", "list"),
    Col("winner_names", "rev.col.winners", "list"),
    Col("notice_id", "rev.col.notice_id"),
]

st.subheader(v.t("rev.actions"))
st.markdown(v.t("rev.actions.intro"))
actions = review.action_list(df)
if not ui.empty(actions, v, "rev.actions.none"):
    ui.table(
        with_words(actions),
        [Col("missing", "rev.col.missing")] + COLUMNS,
        v,
        f"handlingsliste_kunngjoringer_{year}",
    )

st.subheader(v.t("rev.by_group"))
tabs = st.tabs([v.t("rev.by_category"), v.t("rev.by_buyer")])
for tab, rows, label in (
    (tabs[0], f["by_category"], "category"),
    (tabs[1], f["by_buyer"], "buyer"),
):
    with tab:
        g = pd.DataFrame(rows)
        g["grp"] = g[label].fillna(v.t("rev.no_category"))
        relevant = g[(g["part1_relevant"] + g["part2_relevant"]) > 0]
        if not relevant.empty:
            ui.show_chart(
                f"review.{label}",
                v,
                lambda r=relevant: charts.coverage_by_group(review.chart_rows(r), v.lang, top=15),
                key=f"review_{label}",
                year=year,
                buyers=picked,
            )
        ui.table(
            g,
            [
                Col("grp", f"rev.col.{label}"),
                Col("competitions", "rev.col.competitions", "int"),
                Col("part1_relevant", "dash.col.part1_relevant", "int"),
                Col("part1_stated", "rev.col.part1_stated", "int"),
                Col("part2_relevant", "dash.col.part2_relevant", "int"),
                Col("part2_stated", "rev.col.part2_stated", "int"),
                Col("needs_action", "rev.col.needs_action", "int"),
            ],
            v,
            f"gjennomgang_{label}_{year}",
        )

with st.expander(v.t("rev.all", n=fmt_int(len(df), v.lang))):
    ui.table(
        with_words(df),
        COLUMNS
        + [
            Col("part1_relevant", "dash.col.part1_is_relevant", "bool"),
            Col("part1_stated", "rev.col.part1_is_stated", "bool"),
            Col("part2_relevant", "dash.col.part2_is_relevant", "bool"),
            Col("part2_stated", "rev.col.part2_is_stated", "bool"),
            Col("strategic_procurement", "rev.col.strategic", "list"),
            Col("conclusion_date", "rev.col.conclusion", "date"),
        ],
        v,
        f"konkurranser_{year}",
    )
