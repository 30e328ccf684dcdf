"""The key figures computed the way a typical analyst would: pandas over the clean CSV export.

This is the peer baseline of the benchmark, and, written independently of the SQL from the
export contract's rules, a cross-check of queries/: tests assert both give the same figures on
the demo data. It reads the demo export's clean form (canonical headers, ISO dates, ja/nei).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

YES = {"ja": True, "yes": True, "true": True, "1": True, "x": True,
       "nei": False, "no": False, "false": False, "0": False}  # fmt: skip


def _bool(s: pd.Series) -> pd.Series:
    return s.astype("string").str.strip().str.lower().map(YES).astype("boolean")


def _date(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")


def load(folder: Path) -> dict[str, pd.DataFrame]:
    read = {
        name: pd.read_csv(folder / f"{name}.csv", sep=";", dtype=str, keep_default_na=False)
        for name in ("contracts", "factories", "audits", "findings", "documentation",
                     "milestones", "calloffs")
    }  # fmt: skip
    return read


def key_figures(
    frames: dict[str, pd.DataFrame],
    as_of: date,
    agencies: tuple[str, ...] = (),
    part1_categories=("Bygg og anlegg", "Renhold"),
    part1_min=100_000,
    part2_min=500_000,
    dialogue_months=6,
) -> dict:
    d = pd.Timestamp(as_of)
    c = frames["contracts"].replace("", pd.NA).copy()
    if agencies:
        calloff = frames["calloffs"]
        via_calloff = set(calloff.loc[calloff["agency"].isin(agencies), "contract_id"])
        c = c[c["agency"].isin(agencies) | c["contract_id"].isin(via_calloff)]
    # in force on d (export contract v2): started by d, not ended before d
    c_start, c_end = _date(c["start_date"]), _date(c["end_date"])
    c = c[(c_start <= d) & (c_end.isna() | (c_end >= d))]
    value = pd.to_numeric(c["value_nok"])
    cats = {x.lower() for x in part1_categories}
    rule1 = c["category"].str.lower().isin(cats) & (value >= part1_min)
    rule2 = _bool(c["high_risk"]).fillna(False) & (value >= part2_min)
    rel1 = _bool(c["oslo_part1_relevant"]).fillna(rule1).astype(bool)
    rel2 = _bool(c["oslo_part2_relevant"]).fillna(rule2).astype(bool)
    cov1 = rel1 & _bool(c["oslo_part1_clauses"]).fillna(False).astype(bool)
    cov2 = rel2 & _bool(c["oslo_part2_clauses"]).fillna(False).astype(bool)
    ids = set(c["contract_id"])

    f = frames["factories"].replace("", pd.NA)
    f = f[f["contract_id"].isin(ids)]
    central = _bool(f["central"]).fillna(False).astype(bool)
    statuses = ("not_reported", "not_started", "planned", "in_progress", "implemented")

    # deadlines
    start = _date(c["start_date"])
    end = _date(c["end_date"])
    sd_req = _bool(c["social_dialogue_required"]).fillna(False).astype(bool)
    contracts = pd.DataFrame(
        {"contract_id": c["contract_id"], "start": start, "end": end, "sd": sd_req}
    )
    rows = []  # (due, met)
    fc = f[central].merge(contracts, on="contract_id")
    fc = fc[fc["sd"]]
    for s, started in zip(fc["start"], _date(fc["dialogue_started"]), strict=True):
        rows.append((s + pd.DateOffset(months=dialogue_months), started))
    docs = frames["documentation"]
    docs = docs[docs["contract_id"].isin(ids)]
    received = {k: sorted(_date(g["received_date"])) for k, g in docs.groupby("contract_id")}
    for cid, s, e in contracts.loc[contracts["sd"], ["contract_id", "start", "end"]].itertuples(
        index=False
    ):
        got = received.get(cid, [])
        k = 1
        while True:
            due = s + pd.DateOffset(years=k)
            if pd.notna(e):
                if due > e:
                    break
            elif k > 1 and s + pd.DateOffset(years=k - 1) > d:
                break
            rows.append((due, got[k - 1] if k <= len(got) else pd.NaT))
            k += 1
    a = frames["audits"].replace("", pd.NA)
    a = a[a["contract_id"].isin(ids) & (_date(a["audit_date"]) <= d)]
    fi = frames["findings"].replace("", pd.NA)
    fi = fi[fi["audit_id"].isin(set(a["audit_id"]))]
    fdue, fclosed = _date(fi["due_date"]), _date(fi["closed_date"])
    rows += [(x, y) for x, y in zip(fdue, fclosed, strict=True) if pd.notna(x)]
    m = frames["milestones"].replace("", pd.NA)
    m = m[m["contract_id"].isin(ids)]
    rows += list(zip(_date(m["due_date"]), _date(m["met_date"]), strict=True))
    counts = dict.fromkeys(("met_on_time", "met_late", "overdue", "upcoming"), 0)
    for due, met in rows:
        met = met if pd.notna(met) and met <= d else pd.NaT
        if pd.notna(met):
            counts["met_on_time" if met <= due else "met_late"] += 1
        else:
            counts["overdue" if due < d else "upcoming"] += 1

    is_open = fclosed.isna() | (fclosed > d)
    severities = ("critical", "major", "minor", "observation")

    def coverage(cov, rel):
        return round(int(cov.sum()) / int(rel.sum()), 4) if rel.sum() else None

    return {
        "contracts": len(c),
        "oslo_model": {
            "part1": {
                "relevant": int(rel1.sum()),
                "covered": int(cov1.sum()),
                "coverage": coverage(cov1, rel1),
            },
            "part2": {
                "relevant": int(rel2.sum()),
                "covered": int(cov2.sum()),
                "coverage": coverage(cov2, rel2),
            },
        },
        "factories": {
            "total": len(f),
            "central": int(central.sum()),
            "by_status": {s: int((f["dialogue_status"] == s).sum()) for s in statuses},
        },
        "deadlines": counts,
        "findings": {
            "open": int(is_open.sum()),
            "open_overdue": int((is_open & (fdue < d)).sum()),
            "by_severity": {s: int((fi["severity"] == s).sum()) for s in severities},
        },
    }
