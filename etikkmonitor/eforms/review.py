"""The yearly review ("Årlig gjennomgang"): every competition a year's notices published, its
relevance to the Oslo model, whether the requirement is stated, and whether the register holds
the resulting contract with the clauses.

One row per competition comes from queries/review_competitions.sql (the rule, once); the
figures here are counts of its columns, shared by the page and `etikkmonitor review --json`.
"""

from __future__ import annotations

import math

import pandas as pd

from .. import db, settings
from ..i18n import fmt_number


def params(import_id: int, year: int, agencies: list[str] | None = None) -> dict:
    r = settings.review()
    return {
        "import_id": import_id,
        "year": int(year),
        "agencies": list(agencies or []),
        "cpv": r["cpv"],
        "rates": r["rates"],
        "rules": settings.rules(),
    }


def competitions(cur, import_id: int, year: int, agencies: list[str] | None = None):
    """One row per competition of the year (see the query's header)."""
    return db.run(cur, "review_competitions", **params(import_id, year, agencies))


def years(cur, import_id: int) -> list[int]:
    """The years the current notices were published in, newest first."""
    return [
        int(r[0]) for r in db.run(cur, "review_years", import_id=import_id).itertuples(index=False)
    ]


def _share(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def _part(df: pd.DataFrame, part: int) -> dict:
    relevant = df[df[f"part{part}_relevant"]]
    stated = int(relevant[f"part{part}_stated"].sum())
    in_register = relevant[relevant["in_register"]]
    clauses = int(in_register[f"part{part}_clauses"].fillna(False).astype(bool).sum())
    return {
        "relevant": len(relevant),
        "stated": stated,
        "coverage": _share(stated, len(relevant)),
        "in_register": len(in_register),
        "with_clauses": clauses,
    }


def _group(df: pd.DataFrame, column: str, label: str) -> list[dict]:
    """Per group: competitions, relevant and stated per part, to act on (one groupby)."""
    if df.empty:
        return []
    g = pd.DataFrame(
        {
            "_key": df[column].fillna(""),
            "part1_relevant": df["part1_relevant"].astype(bool),
            "part1_stated": (df["part1_relevant"] & df["part1_stated"]).astype(bool),
            "part2_relevant": df["part2_relevant"].astype(bool),
            "part2_stated": (df["part2_relevant"] & df["part2_stated"]).astype(bool),
            "needs_action": df["needs_action"].astype(bool),
        }
    )
    sums = g.groupby("_key", sort=True).agg(
        competitions=("_key", "size"),
        part1_relevant=("part1_relevant", "sum"),
        part1_stated=("part1_stated", "sum"),
        part2_relevant=("part2_relevant", "sum"),
        part2_stated=("part2_stated", "sum"),
        needs_action=("needs_action", "sum"),
    )
    return [
        {label: key or None} | {k: int(v) for k, v in row.items()}
        for key, row in zip(sums.index, sums.to_dict("records"), strict=True)
    ]


def _value(x) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(float(x), 2)


def action_list(df: pd.DataFrame) -> pd.DataFrame:
    """Relevant competitions whose notices do not state the matching objective: largest value
    first (a competition without a known value last), then by date."""
    todo = df[df["needs_action"]].copy()
    todo["_unknown"] = todo["value_nok"].isna()
    return todo.sort_values(
        ["_unknown", "value_nok", "published", "competition_id"],
        ascending=[True, False, True, True],
        kind="stable",
    ).drop(columns="_unknown")


def _action_records(actions: pd.DataFrame) -> list[dict]:
    """The action list as JSON records (vectorised: it may hold thousands of rows)."""
    if actions.empty:
        return []
    m1 = (actions["part1_relevant"] & ~actions["part1_stated"]).to_numpy(dtype=bool)
    m2 = (actions["part2_relevant"] & ~actions["part2_stated"]).to_numpy(dtype=bool)
    value = actions["value_nok"].astype("float64").round(2)
    out = pd.DataFrame(
        {
            "competition_id": actions["competition_id"].astype(object),
            "lot_id": actions["lot_id"].astype(object),
            "notice_id": actions["notice_id"].astype(object),
            "published": pd.to_datetime(actions["published"]).dt.strftime("%Y-%m-%d"),
            "buyer": actions["buyer_name"].astype(object),
            "title": actions["title"].astype(object),
            "cpv": actions["cpv_main"].astype(object),
            "category": actions["category"].astype(object),
            "value_nok": value.astype(object).where(value.notna(), None),
            "missing": [
                [c for c, miss in (("work-cond", a), ("hum-right", b)) if miss]
                for a, b in zip(m1, m2, strict=True)
            ],
            "in_register": actions["in_register"].to_numpy(dtype=bool).tolist(),
        }
    )
    out = out.astype(object).where(out.notna(), None)
    return out.to_dict("records")


def figures(df: pd.DataFrame, year: int, agencies: list[str] | None = None) -> dict:
    """The review's figures as `review --json` prints them."""
    buyer = df.assign(
        buyer=df["buyer_name"].fillna("")
        + df["buyer_org_nr"].map(lambda x: f" ({x})" if isinstance(x, str) and x else "")
    )
    actions = action_list(df)
    return {
        "year": int(year),
        "agencies": list(agencies or []),
        "competitions": len(df),
        "with_award_notice": int(df["has_award"].sum()) if len(df) else 0,
        "in_register": int(df["in_register"].sum()) if len(df) else 0,
        "part1": _part(df, 1),
        "part2": _part(df, 2),
        "needs_action": len(actions),
        "by_buyer": _group(buyer, "buyer", "buyer"),
        "by_category": _group(df, "category", "category"),
        "action_list": _action_records(actions),
    }


def sentences(f: dict, lang: str = "nb") -> list[str]:
    """The review's figures as plain sentences (the command line without --json)."""
    from ..i18n import fmt_int, fmt_nok, fmt_pct, t

    lines = [t("rev.cli.head", lang, year=f["year"], n=fmt_int(f["competitions"], lang))]
    for part in (1, 2):
        p = f[f"part{part}"]
        lines.append(
            t(
                f"rev.cli.part{part}",
                lang,
                relevant=fmt_int(p["relevant"], lang),
                stated=fmt_int(p["stated"], lang),
                share=fmt_pct(p["coverage"], lang) if p["coverage"] is not None else "–",
                in_register=fmt_int(p["in_register"], lang),
                clauses=fmt_int(p["with_clauses"], lang),
            )
        )
    lines.append(t("rev.cli.actions", lang, n=fmt_int(f["needs_action"], lang)))
    for a in f["action_list"]:
        value = fmt_nok(a["value_nok"], lang) if a["value_nok"] is not None else "?"
        lines.append(f"  {a['published']}  {value:>16}  {a['buyer'] or ''}: {a['title'] or ''}")
    return lines


def chart_rows(groups: pd.DataFrame) -> pd.DataFrame:
    """By-group rows in the shape charts.coverage_by_group draws ("covered" = the notice states
    the objective). Group names stay as they are: the chart escapes its labels itself."""
    out = groups.copy()
    for part in (1, 2):
        rel, stated = out[f"part{part}_relevant"], out[f"part{part}_stated"]
        out[f"part{part}_covered"] = stated
        out[f"part{part}_coverage"] = (stated / rel.where(rel > 0)).astype(float)
        out[f"part{part}_value_coverage"] = out[f"part{part}_coverage"]
    return out


def fmt_rate(rate: float, lang: str = "nb") -> str:
    """An exchange rate as written: 11,63 (Norwegian decimal comma) or 11.63."""
    return fmt_number(rate, lang, 2, grouping=False)
