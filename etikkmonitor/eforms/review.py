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
    out = []
    if df.empty:
        return out
    keyed = df.assign(_key=df[column].fillna(""))
    for key, g in keyed.groupby("_key", sort=True):
        p1, p2 = _part(g, 1), _part(g, 2)
        out.append(
            {
                label: key or None,
                "competitions": len(g),
                "part1_relevant": p1["relevant"],
                "part1_stated": p1["stated"],
                "part2_relevant": p2["relevant"],
                "part2_stated": p2["stated"],
                "needs_action": int(g["needs_action"].sum()),
            }
        )
    return out


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
        "action_list": [
            {
                "competition_id": r.competition_id,
                "lot_id": r.lot_id,
                "notice_id": r.notice_id,
                "published": pd.Timestamp(r.published).date().isoformat(),
                "buyer": r.buyer_name,
                "title": r.title,
                "cpv": r.cpv_main,
                "category": r.category,
                "value_nok": _value(r.value_nok),
                "missing": [
                    m
                    for m, miss in (
                        ("work-cond", r.part1_relevant and not r.part1_stated),
                        ("hum-right", r.part2_relevant and not r.part2_stated),
                    )
                    if miss
                ],
                "in_register": bool(r.in_register),
            }
            for r in actions.itertuples(index=False)
        ],
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
    the objective); group names escaped, since plotly reads HTML in labels."""
    import html

    out = groups.copy()
    out["grp"] = out["grp"].map(lambda x: html.escape(str(x)))
    for part in (1, 2):
        rel, stated = out[f"part{part}_relevant"], out[f"part{part}_stated"]
        out[f"part{part}_covered"] = stated
        out[f"part{part}_coverage"] = (stated / rel.where(rel > 0)).astype(float)
        out[f"part{part}_value_coverage"] = out[f"part{part}_coverage"]
    return out


def fmt_rate(rate: float, lang: str = "nb") -> str:
    """An exchange rate as written: 11,63 (Norwegian decimal comma) or 11.63."""
    s = f"{rate:.2f}"
    return s.replace(".", ",") if lang == "nb" else s
