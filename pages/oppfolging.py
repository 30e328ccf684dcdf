"""Oppfølging: which contracts and suppliers to follow up first, why, and the next step.

The list is etikkmonitor.priority's (the same as `etikkmonitor priorities`); docs/priority.md
explains the score. Filters, date and language come from the sidebar like on every page.
"""

import json

import pandas as pd
import streamlit as st

from etikkmonitor import priority, settings, ui
from etikkmonitor.filters import Filters
from etikkmonitor.i18n import fmt_number, plural, t

WEEK = 5  # "which five contracts to act on this week": those with a next step beyond watching


@st.cache_data(show_spinner=False, ttl=ui.CACHE_TTL, max_entries=60, max_size="64MB")
def lists(path: str, import_id, as_of, key: str, lang: str, _filters: Filters):
    # `key` (the filters as JSON) and `import_id` make the cache key, as in ui.query
    store = ui.store(path)
    contracts = priority.priorities(store, as_of, _filters, lang=lang, import_id=import_id)
    suppliers = priority.supplier_priorities(
        store, as_of, _filters, lang=lang, import_id=import_id, contracts=contracts
    )
    return contracts, suppliers


def points(x: float, lang: str) -> str:
    """42,00 / 42.00: always two decimals, so that a list of points reads as one kind of
    number (it mixed "42", "28,57" and "12,3"); two, as scores differ in the second (0,05)
    and as `etikkmonitor priorities` prints them."""
    return fmt_number(x, lang, 2, grouping=False)


def months(x: float, lang: str) -> str:
    """6 / 1,5: a number of months from the settings, as written there."""
    return fmt_number(x, lang, 2, grouping=False, trim=True)


def points_text(s: pd.Series, lang: str) -> pd.Series:
    """`points` of each value, made once per distinct value (points repeat a lot)."""
    return s.map({x: points(x, lang) for x in s.unique()})


NUMBER_COLS = ["score"] + [f"p_{term}" for term in priority.TERMS]


@st.cache_data(show_spinner=False, ttl=ui.CACHE_TTL, max_entries=60, max_size="64MB")
def frames(path: str, import_id, as_of, key: str, lang: str, _filters: Filters):
    """The first WEEK contracts that call for a step (a card saying "no step now, keep
    watching" is no task for the week), and both lists as frames with their points in words;
    cached like `lists`, so a warm run does not build tens of thousands of rows again."""
    contracts, suppliers = lists(path, import_id, as_of, key, lang, _filters)
    df = pd.DataFrame(contracts)
    sf = pd.DataFrame(suppliers)
    if contracts:
        for term in priority.TERMS:
            df[f"p_{term}"] = [c["terms"][term] for c in contracts]
        # reasons hold commas themselves: joined with semicolons
        df["reasons_text"] = ["; ".join(c["reasons"]) for c in contracts]
        for name in NUMBER_COLS:
            df[f"{name}_text"] = points_text(df[name], lang)
    if suppliers:
        sf["reasons_text"] = ["; ".join(s["reasons"]) for s in suppliers]
        for name in ("score", "max_score"):
            sf[f"{name}_text"] = points_text(sf[name], lang)
    week = [c for c in contracts if c["next_step_code"] != "monitor"][:WEEK]
    return week, df, sf


v = ui.page("priority.page.title", "priority.page.intro")
week, df, sf = frames(
    v.db_path,
    v.import_id,
    v.as_of,
    json.dumps(v.filters.as_param(), sort_keys=True),
    v.lang,
    v.filters,
)
st.caption(v.t("priority.not_verdict"))

if not ui.empty(df, v):
    st.subheader(v.t("priority.week"))
    if week:
        st.caption(plural("priority.week.caption", len(week), v.lang))
    else:
        st.success(v.t("priority.week.none"), icon=":material/check_circle:")
    for c in week:
        with st.container(border=True):
            head, score = st.columns([5, 1])
            # values from the data as text (ui.md); the link is ours (contract_url encodes)
            head.markdown(
                ui.md(
                    "**{rank}. [{cid}](" + ui.contract_url(v, c["contract_id"]) + ") {title}**"
                    " · {supplier} · {agency}",
                    rank=c["rank"],
                    cid=c["contract_id"],
                    title=c["title"],
                    supplier=c["supplier_name"],
                    agency=c["agency"],
                )
            )
            score.markdown(f"**{v.t('priority.card.points', points=points(c['score'], v.lang))}**")
            st.markdown("\n".join(f"- {ui.esc(r)}" for r in c["reasons"]) or "–")
            st.markdown(v.t("priority.card.next", step=c["next_step"]))  # our own words

    tab_contracts, tab_suppliers = st.tabs(
        [v.t("priority.tab.contracts"), v.t("priority.tab.suppliers")]
    )
    with tab_contracts:
        cols = [
            ui.Col("rank", "priority.col.rank", "int"),
            ui.Col("contract_id", "priority.col.contract", "contract"),
            ui.Col("title", "priority.col.title"),
            ui.Col("supplier_name", "priority.col.supplier"),
            ui.Col("agency", "priority.col.agency"),
            ui.Col("score_text", "priority.col.score"),
            ui.Col("next_step", "priority.col.next_step"),
            ui.Col("reasons_text", "priority.col.reasons"),
        ] + [ui.Col(f"p_{term}_text", f"priority.term.{term}") for term in priority.TERMS]
        ui.table(df, cols, v, "oppfolging", downloads_too=False)

        # the download keeps the points as numbers; made only when clicked
        def contracts_export(df=df, cols=cols):
            exported = ui.frames(df, cols, v)[1]
            for name in NUMBER_COLS:
                term = "priority.col.score" if name == "score" else f"priority.term.{name[2:]}"
                exported[v.t(term)] = df[name]
            return exported

        ui.downloads(contracts_export, "oppfolging")

    with tab_suppliers:
        st.caption(v.t("priority.suppliers.caption"))
        scols = [
            ui.Col("rank", "priority.col.rank", "int"),
            ui.Col("supplier_name", "priority.col.supplier"),
            ui.Col("supplier_org_nr", "priority.col.org_nr"),
            ui.Col("contracts", "priority.col.contracts", "int"),
            ui.Col("score_text", "priority.col.score"),
            ui.Col("max_score_text", "priority.col.max_score"),
            ui.Col("next_step", "priority.col.next_step"),
            ui.Col("reasons_text", "priority.col.reasons"),
            ui.Col("contract_ids", "priority.col.contract_ids", "list"),
        ]
        ui.table(sf, scols, v, "oppfolging_leverandorer", downloads_too=False)

        def suppliers_export(sf=sf, scols=scols):
            exported = ui.frames(sf, scols, v)[1]
            exported[v.t("priority.col.score")] = sf["score"]
            exported[v.t("priority.col.max_score")] = sf["max_score"]
            return exported

        ui.downloads(suppliers_export, "oppfolging_leverandorer")

with st.expander(v.t("priority.method.title")):
    weights = settings.priority()
    st.markdown(
        v.t(
            "priority.method.body",
            default=priority.rating_label(weights["country_default_rating"]),
            grace=months(weights["audit_grace_months"], v.lang),
        )
    )
    st.dataframe(
        pd.DataFrame(
            {
                t("priority.method.setting", v.lang): list(weights),
                t("priority.method.value", v.lang): [str(x) for x in weights.values()],
            }
        ),
        hide_index=True,
    )
