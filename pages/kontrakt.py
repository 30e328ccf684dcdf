"""Kontrakt: everything about one contract on one page. Every contract id elsewhere links here
with ?contract=ID. It offers every contract the person may see (an agency-limited user: their
agencies' contracts), also those outside the sidebar's selection."""

import re

import pandas as pd
import streamlit as st

from etikkmonitor import timecharts, ui
from etikkmonitor.i18n import fmt_date, fmt_int, fmt_nok, label
from etikkmonitor.ui import Col

v = ui.page("dash.page.contract", "dash.contract.intro")

choices = ui.query("contract_choices", v)
if ui.empty(choices, v, "dash.empty.selection"):
    st.stop()
ids = choices["contract_id"].tolist()
by_id = choices.set_index("contract_id")
in_scope = choices[choices["in_scope"]]
# Without a choice: the largest contract in the selection in force on the date (one that has
# ended has no deadlines or findings to show as of it), else the largest in the selection.
largest = in_scope.sort_values("value_nok", ascending=False)
running = largest[largest["in_force"]]
default = (
    running["contract_id"].iloc[0]
    if len(running)
    else largest["contract_id"].iloc[0]
    if len(largest)
    else ids[0]
)


# The choices' labels, made once for all (tens of thousands of contracts at scale).
outside = f" ({v.t('dash.contract.outside')})"
choice_labels = dict(
    zip(
        ids,
        [
            f"{i} · {title} · {agency}" + ("" if in_scope else outside)
            for i, title, agency, in_scope in zip(
                ids,
                choices["title"].astype(object),
                choices["agency"].astype(object),
                choices["in_scope"].astype(object),
                strict=True,
            )
        ],
        strict=True,
    )
)


def choice_label(cid: str) -> str:
    return choice_labels[cid]


# A link to a contract this person may not see (or one gone from the data) is refused as
# one not in the data: the page does not tell which. The id is repeated only when it looks
# like one (a link must not put its own text in the warning), and as text (v.md).
asked = st.query_params.get("contract")
if asked and asked not in by_id.index:
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}", asked):
        st.warning(v.md("dash.contract.not_available", contract_id=asked), icon=":material/block:")
    else:
        st.warning(v.t("dash.contract.not_available_any"), icon=":material/block:")
cid = st.selectbox(
    v.t("dash.contract.choose"),
    ids,
    key=ui.url_key("contract", ids, default),
    format_func=choice_label,
    help=v.t("dash.contract.choose.help"),
)
ui.keep_in_url("contract", cid)

c = ui.query("contract_detail_header", v, contract_id=cid).iloc[0]
if not by_id.loc[cid, "in_scope"]:
    st.info(v.t("dash.contract.outside.note"), icon=":material/filter_alt:")

# no anchor link: its address would be made of the title
st.header(ui.md("{cid} · {title}", cid=cid, title=c["title"]), anchor=False)


def yes_no(x) -> str:
    return "–" if pd.isna(x) else v.t("dash.yes") if x else v.t("dash.no")


def period() -> str:
    end = (
        fmt_date(c["end_date"].date(), v.lang)
        if not pd.isna(c["end_date"])
        else v.t("dash.contract.open_ended")
    )
    return f"{fmt_date(c['start_date'].date(), v.lang)} – {end}"


if not c["in_force"]:
    st.info(
        v.t("dash.contract.not_in_force", date=fmt_date(v.as_of, v.lang), period=period()),
        icon=":material/event_busy:",
    )

calloffs = list(c["calloff_agencies"]) if c["calloff_agencies"] is not None else []
facts = [
    ("dash.col.agency", c["agency"]),
    (
        "dash.col.calloff_agencies",
        (", ".join(calloffs) or "–")
        if len(calloffs) <= 5
        else v.t("dash.contract.calloffs_more", first=", ".join(calloffs[:5]), n=len(calloffs) - 5),
    ),
    (
        "dash.col.supplier",
        f"{c['supplier_name']} ({v.t('dash.contract.orgnr')} {c['supplier_org_nr']})",
    ),
    ("dash.col.category", c["category"]),
    (
        "dash.col.contract_type",
        label(c["contract_type"], v.lang) if isinstance(c["contract_type"], str) else "–",
    ),
    ("dash.col.value", fmt_nok(c["value_nok"], v.lang)),
    ("dash.contract.period", period()),
    ("dash.col.high_risk", yes_no(c["high_risk"])),
    ("dash.contract.sd_required", yes_no(c["social_dialogue_required"])),
]
left, right = st.columns([3, 2], gap="large")
with left:
    # the values come from the data: shown as typed (ui.esc)
    st.markdown("\n".join(f"- **{v.t(k)}:** {ui.esc(value)}" for k, value in facts))
with right:
    st.markdown(f"**{v.t('dash.contract.oslo')}**")
    for part in ("part1", "part2"):
        relevant, covered = bool(c[f"{part}_relevant"]), bool(c[f"{part}_covered"])
        why = v.t(f"dash.contract.reason.{c[f'{part}_reason']}")
        if not relevant:
            st.badge(f"{v.t(f'dash.{part}')}: {v.t('dash.contract.not_relevant')}", color="gray")
        elif covered:
            st.badge(
                f"{v.t(f'dash.{part}')}: {v.t('dash.contract.covered')}",
                icon=":material/check:",
                color="blue",
            )
        else:
            clauses = c[f"oslo_{part}_clauses"]
            state = "dash.gap.unknown" if pd.isna(clauses) else "dash.gap.missing"
            st.badge(f"{v.t(f'dash.{part}')}: {v.t(state)}", icon=":material/close:", color="red")
        st.caption(why)

factories = ui.query("contract_detail_factories", v, contract_id=cid)
audits = ui.query("contract_detail_audits", v, contract_id=cid)
findings = ui.query("contract_detail_findings", v, contract_id=cid)
deadlines = ui.query("contract_detail_deadlines", v, contract_id=cid)
documentation = ui.query("contract_detail_documentation", v, contract_id=cid)
calloff_rows = ui.query("contract_detail_calloffs", v, contract_id=cid)

m1, m2, m3, m4 = st.columns(4)
m1.metric(v.t("dash.contract.factories"), fmt_int(len(factories), v.lang), border=True)
m1.caption(v.t("dash.contract.central", n=fmt_int(int(factories["central"].sum()), v.lang)))
m2.metric(
    v.t("dash.headline.overdue"),
    fmt_int(int((deadlines["status"] == "overdue").sum()), v.lang),
    border=True,
)
m2.caption(
    v.t("dash.contract.upcoming", n=fmt_int(int((deadlines["status"] == "upcoming").sum()), v.lang))
)
m3.metric(
    v.t("dash.contract.open_findings"), fmt_int(int(findings["is_open"].sum()), v.lang), border=True
)
m3.caption(v.t("dash.contract.audits", n=fmt_int(len(audits), v.lang)))
m4.metric(
    v.t("dash.contract.documentation"),
    fmt_int(int((~documentation["after_as_of"]).sum()), v.lang),
    border=True,
)
m4.caption(v.t("dash.contract.documentation.caption"))

st.subheader(v.t("dash.contract.timeline"))
if ui.empty(deadlines, v, "dash.contract.no_deadlines"):
    pass
else:
    deadlines = deadlines.assign(
        contract_id=cid,
        description=[
            v.t("dash.deadlines.doc_k", k=r.ref_id)
            if r.kind == "documentation"
            else (r.description if isinstance(r.description, str) else r.ref_id)
            for r in deadlines.itertuples()
        ],
    )
    ui.show_chart(
        "contract.timeline",
        v,
        lambda: timecharts.deadline_timeline(deadlines, v.as_of, v.lang),
        key="contract_timeline",
        contract=cid,
    )

tabs = st.tabs(
    [
        v.t("dash.contract.tab.factories", n=len(factories)),
        v.t("dash.contract.tab.deadlines", n=len(deadlines)),
        v.t("dash.contract.tab.findings", n=len(findings)),
        v.t("dash.contract.tab.audits", n=len(audits)),
        v.t("dash.contract.tab.documentation", n=len(documentation)),
        v.t(
            "dash.contract.tab.calloffs",
            n=int(calloff_rows["other_rows"].isna().sum() + calloff_rows["other_rows"].sum()),
        ),
    ]
)
# Each tab a table of the contract's rows, or a note that it has none
for tab, rows, columns, name in (
    (tabs[0], factories, ui.dialogue_columns(), "fabrikker"),
    (
        tabs[1],
        deadlines,
        [
            Col("kind", "dash.col.kind", "code"),
            Col("status", "dash.col.deadline_status", "code"),
            Col("description", "dash.col.what"),
            Col("due_date", "dash.col.due_date", "date"),
            Col("met_date", "dash.col.met_date", "date"),
            Col("days_late", "dash.col.days_late", "days"),
        ],
        "frister",
    ),
    (
        tabs[2],
        findings,
        [
            Col("finding_id", "dash.col.finding"),
            Col("is_open", "dash.col.is_open", "bool"),
            Col("severity", "dash.col.severity", "code"),
            Col("area", "dash.col.area", "code"),
            Col("description", "dash.col.description"),
            Col("due_date", "dash.col.action_due", "date"),
            Col("closed_date", "dash.col.closed_date", "date"),
            Col("days_past_due", "dash.col.days_past_due", "days"),
            Col("audit_id", "dash.col.audit"),
            Col("audit_date", "dash.col.audit_date", "date"),
        ],
        "avvik",
    ),
    (
        tabs[3],
        audits,
        [
            Col("audit_id", "dash.col.audit"),
            Col("audit_type", "dash.col.audit_type", "code"),
            Col("audit_date", "dash.col.audit_date", "date"),
            Col("auditor", "dash.col.auditor"),
            Col("factory_name", "dash.col.factory"),
            Col("findings", "dash.col.findings", "int"),
            Col("open_findings", "dash.col.open_findings", "int"),
            Col("after_as_of", "dash.col.after_as_of", "bool"),
        ],
        "revisjoner",
    ),
    (
        tabs[4],
        documentation,
        [
            Col("k", "dash.col.k", "int"),
            Col("received_date", "dash.col.received_date", "date"),
            Col("after_as_of", "dash.col.after_as_of", "bool"),
        ],
        "dokumentasjon",
    ),
):
    with tab:
        if not ui.empty(rows, v, "dash.contract.none"):
            ui.table(rows, columns, v, f"{cid}_{name}")
with tabs[5]:
    if not ui.empty(calloff_rows, v, "dash.contract.none"):
        # an agency-limited person: the other agencies' call-offs come as one line of totals
        others = calloff_rows["other_rows"].notna()
        if others.any():
            st.caption(v.t("dash.contract.calloffs_others.caption"))
        calloff_rows = calloff_rows.assign(
            agency=[
                v.t("dash.contract.calloffs_others", agencies=fmt_int(a, v.lang),
                    rows=fmt_int(r, v.lang))
                if other else agency
                for agency, a, r, other in zip(
                    calloff_rows["agency"].astype(object),
                    calloff_rows["other_agencies"].astype(object),
                    calloff_rows["other_rows"].astype(object),
                    others,
                    strict=True,
                )
            ]
        )  # fmt: skip
        ui.table(
            calloff_rows,
            [
                Col("agency", "dash.col.agency"),
                Col("year", "dash.col.year"),
                Col("amount_nok", "dash.col.amount", "nok"),
            ],
            v,
            f"{cid}_avrop",
        )
