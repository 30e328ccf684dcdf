"""The priority score never falls when the facts get worse (issue 8), property-based: the
hand-worked ranking is test_priority.py, whose settings fixture (the shipped settings, autouse)
and import this module shares.
"""

from __future__ import annotations

import csv
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from test_priority import default_settings, import_into  # noqa: F401  (default_settings: autouse)

from etikkmonitor import priority

# --- Monotonicity (property-based) ---------------------------------------------------------
#
# Each example is one export with two contracts: B (base) and V, a copy of B changed in one
# way that makes things worse: more open critical findings, every deadline later met (due
# dates moved earlier: more days overdue), or a factory moved to a country rated no better.
# V's score must never be below B's.

AS_OF = date(2024, 6, 30)
POOL = ("NO", "SE", "PT", "PL", "TW", "MX", "VN", "BD", "CN", "MM", "AF")  # TW: not rated


def _ratings() -> dict[str, int]:
    with (Path(priority.__file__).with_name("data") / "country_risk.csv").open() as f:
        return {
            r["alpha2"]: priority.RATINGS[r["rating"]] for r in csv.DictReader(f, delimiter=";")
        }


RATING = _ratings()


def effective_rating(country: str) -> int:
    return RATING.get(country, 3)  # the default rating of settings.toml


def iso(offset_days: int | None) -> str:
    return "" if offset_days is None else (AS_OF + timedelta(days=offset_days)).isoformat()


finding_st = st.tuples(
    st.sampled_from(("critical", "major", "minor", "observation")),
    st.one_of(st.none(), st.integers(-200, 100)),  # closed: offset from D (after D: still open)
    st.one_of(st.none(), st.integers(-400, 200)),  # due date: offset from D
)
factory_st = st.tuples(
    st.sampled_from(POOL),
    st.booleans(),  # central
    st.one_of(st.none(), st.integers(-900, 60)),  # dialogue started
)


@st.composite
def scenarios(draw):
    base = {
        "high_risk": draw(st.booleans()),
        "value": draw(st.integers(0, 20_000_000)),
        "start": draw(st.integers(-1500, 0)),  # in force as of D: listed
        "end": draw(st.one_of(st.none(), st.integers(31, 1500))),
        "dialogue": draw(st.booleans()),
        "factories": draw(st.lists(factory_st, max_size=3)),
        "audit": draw(st.integers(-1200, 0)),
        "findings": draw(st.lists(finding_st, max_size=4)),
        "milestones": draw(st.lists(st.integers(-500, 100), max_size=3)),
        "documentation": draw(st.lists(st.integers(-900, 60), max_size=2)),
    }
    change = draw(st.sampled_from(("critical", "days", "country")))
    variant = dict(base)
    if change == "critical":
        extra = draw(st.lists(st.one_of(st.none(), st.integers(-400, 200)), min_size=1, max_size=3))
        variant["findings"] = base["findings"] + [("critical", None, due) for due in extra]
    elif change == "days":
        shift = draw(st.integers(1, 400))
        variant["findings"] = [
            (sev, closed, None if due is None else due - shift)
            for sev, closed, due in base["findings"]
        ]
        variant["milestones"] = [due - shift for due in base["milestones"]]
    else:
        factories = base["factories"] or [("NO", False, None)]
        base["factories"] = factories
        i = draw(st.integers(0, len(factories) - 1))
        here = effective_rating(factories[i][0])
        worse = [c for c in POOL if effective_rating(c) >= here]
        country = draw(st.sampled_from(worse))
        variant["factories"] = [(country, *f[1:]) if j == i else f for j, f in enumerate(factories)]
    return change, base, variant


def write_export(folder: Path, contracts: dict[str, dict]) -> None:
    def write(name: str, header: str, rows: list[list]) -> None:
        lines = [header] + [";".join("" if v is None else str(v) for v in r) for r in rows]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")

    c_rows, f_rows, a_rows, fi_rows, m_rows, d_rows = [], [], [], [], [], []
    for cid, s in contracts.items():
        c_rows.append(
            [cid, "Kontrakt", "Etat", "910000004", "Leverandør", "Tekstil",
             "ja" if s["high_risk"] else "nei", s["value"], iso(s["start"]), iso(s["end"]),
             "ja" if s["dialogue"] else "nei"]
        )  # fmt: skip
        for k, (country, central, started) in enumerate(s["factories"]):
            f_rows.append(
                [f"F{k}", cid, "Fabrikk", country, "ja" if central else "nei",
                 "in_progress" if started is not None else "not_started", iso(started)]
            )  # fmt: skip
        a_rows.append([f"{cid}-A", cid, "desk", iso(s["audit"])])
        for k, (severity, closed, due) in enumerate(s["findings"]):
            fi_rows.append(
                [f"{cid}-{k}", f"{cid}-A", "wages", severity,
                 "open" if closed is None else "closed", iso(due), iso(closed)]
            )  # fmt: skip
        for k, due in enumerate(s["milestones"]):
            m_rows.append([f"{cid}-M{k}", cid, "Milepæl", iso(due), ""])
        for received in s["documentation"]:
            d_rows.append([cid, iso(received)])
    write(
        "contracts.csv",
        "contract_id;title;agency;supplier_org_nr;supplier_name;category;high_risk;value_nok;"
        "start_date;end_date;social_dialogue_required",
        c_rows,
    )
    write(
        "factories.csv",
        "factory_id;contract_id;factory_name;country;central;dialogue_status;dialogue_started",
        f_rows,
    )
    write("audits.csv", "audit_id;contract_id;audit_type;audit_date", a_rows)
    write(
        "findings.csv",
        "finding_id;audit_id;area;severity;status;due_date;closed_date",
        fi_rows,
    )
    write("milestones.csv", "milestone_id;contract_id;description;due_date;met_date", m_rows)
    write("documentation.csv", "contract_id;received_date", d_rows)


@hsettings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(scenarios(), min_size=1, max_size=4))
def test_worse_facts_never_lower_the_score(pairs):
    # several pairs per export: one import (the slow part) checks them all
    contracts = {}
    for i, (_, base, variant) in enumerate(pairs):
        contracts[f"B{i}"], contracts[f"V{i}"] = base, variant
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "export"
        folder.mkdir()
        write_export(folder, contracts)
        store = import_into(folder, Path(tmp) / "db.duckdb")
        try:
            scores = {r["contract_id"]: r for r in priority.priorities(store, AS_OF)}
        finally:
            store.close()
    for i, (change, _, _) in enumerate(pairs):
        b, v = scores[f"B{i}"], scores[f"V{i}"]
        assert v["score"] >= b["score"], (change, b, v)
        if change == "critical":
            assert v["terms"]["findings"] > b["terms"]["findings"]
        if change == "days":
            assert v["terms"]["overdue"] >= b["terms"]["overdue"]
        if change == "country":
            assert v["terms"]["country_risk"] >= b["terms"]["country_risk"]
