"""Import history, roll-back and comparison of two imports, on two tiny hand-made exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from etikkmonitor import db
from etikkmonitor.history import compare, history, rollback
from etikkmonitor.importer import publish, validate
from etikkmonitor.summary import key_figures

C_HEAD = (
    "contract_id;title;agency;supplier_org_nr;supplier_name;category;high_risk;value_nok;"
    "start_date;end_date;oslo_part2_clauses;social_dialogue_required"
)
F_HEAD = "factory_id;contract_id;factory_name;country;central;dialogue_status;dialogue_started"
A_HEAD = "audit_id;contract_id;audit_type;audit_date"
FI_HEAD = "finding_id;audit_id;area;severity;status;due_date;closed_date"

# Export 1 (January): contracts A and B. A requires social dialogue (start 2024-01-01: due
# 2024-07-01), factory FA central and not started. Finding X1 open, due 2024-03-01.
CONTRACT_A = "A;Klær;Bymiljøetaten;923609016;T AS;Tekstil;ja;600000;2024-01-01;;ja;ja"
AUDITS = [A_HEAD, "R1;A;desk;2024-02-01"]
EXPORT_1 = {
    "contracts.csv": [
        C_HEAD,
        CONTRACT_A,
        "B;Sko;Bydel Alna;974760673;S AS;Sko;ja;700000;2024-01-01;;nei;nei",
    ],
    "factories.csv": [F_HEAD, "FA;A;Dhaka 1;BD;ja;not_started;"],
    "audits.csv": AUDITS,
    "findings.csv": [FI_HEAD, "X1;R1;wages;major;open;2024-03-01;"],
}
# Export 2 (later): B gone, C new; FA now in progress (started 2024-08-15, after its due date);
# X1 closed 2024-05-01; new finding X2 open. Milestone M1 for C due 2024-05-01, not met.
EXPORT_2 = {
    "contracts.csv": [
        C_HEAD,
        CONTRACT_A,
        "C;Hansker;Bydel Alna;974760673;S AS;Hansker;ja;800000;2024-01-01;;ja;nei",
    ],
    "factories.csv": [F_HEAD, "FA;A;Dhaka 1;BD;ja;in_progress;2024-08-15"],
    "audits.csv": AUDITS,
    "findings.csv": [
        FI_HEAD,
        "X1;R1;wages;major;closed;2024-03-01;2024-05-01",
        "X2;R1;health_safety;critical;open;2024-12-01;",
    ],
    "milestones.csv": ["milestone_id;contract_id;description;due_date", "M1;C;Plan;2024-05-01"],
}
AS_OF = date(2024, 9, 30)


def write_export(folder: Path, files: dict[str, list[str]]) -> Path:
    folder.mkdir(parents=True)
    for name, lines in files.items():
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path):
    s = db.Store(tmp_path / "h.duckdb")
    publish(validate([write_export(tmp_path / "one", EXPORT_1)]), s, user="ola")
    publish(validate([write_export(tmp_path / "two", EXPORT_2)]), s, user="kari")
    yield s
    s.close()


def test_history_lists_imports_newest_first(store):
    h = history(store)
    assert list(h["import_id"]) == [2, 1]
    assert list(h["created_by"]) == ["kari", "ola"]
    # export 2: 2 contracts + 1 factory + 1 audit + 2 findings + 1 milestone = 7 rows in 5 files
    assert list(h["rows_imported"]) == [7, 5]
    assert list(h["files"]) == [5, 4]
    assert list(h["is_current"]) == [True, False]


def test_rollback_restores_the_earlier_figures_and_is_logged(store):
    # As of 2024-09-30, export 2: contracts A, C; part 2 relevant A, C (high risk >= 500 000),
    # covered A, C -> 2/2. Export 1: A, B relevant, covered A only -> 1/2.
    assert key_figures(store, AS_OF)["oslo_model"]["part2"]["covered"] == 2
    entry = rollback(store, 1, user="admin")
    assert entry == 3
    assert store.current_import_id() == 1
    f = key_figures(store, AS_OF)
    assert f["contracts"] == 2
    assert f["oslo_model"]["part2"] == {"relevant": 2, "covered": 1, "coverage": 0.5}
    h = history(store)
    assert (h.iloc[0]["action"], h.iloc[0]["data_import_id"]) == ("rollback", 1)
    # and forward again
    rollback(store, 2)
    assert key_figures(store, AS_OF)["oslo_model"]["part2"]["covered"] == 2


def test_rollback_to_unknown_import_changes_nothing(store):
    with pytest.raises(ValueError):
        rollback(store, 99)
    assert store.current_import_id() == 2
    assert len(history(store)) == 2


def test_compare_two_imports(store):
    c = compare(store, 1, 2, AS_OF)
    assert sorted(zip(c.contracts["change"], c.contracts["contract_id"], strict=True)) == [
        ("added", "C"),
        ("removed", "B"),
    ]
    # Export 1 as of 2024-09-30: FA's social dialogue deadline (2024-07-01) overdue, X1's
    # action plan (2024-03-01) overdue. Export 2: FA met late (2024-08-15), X1 met late
    # (closed 2024-05-01), X2 upcoming (2024-12-01), M1 overdue (2024-05-01, not met) -> only
    # M1 became overdue, 152 days late (2024-05-01 .. 2024-09-30: 30+30+31+31+30 = 152).
    assert list(c.deadlines["ref_id"]) == ["M1"]
    assert list(c.deadlines["status_before"]) == ["absent"]
    assert list(c.deadlines["days_late"]) == [152]
    assert sorted(zip(c.findings["change"], c.findings["finding_id"], strict=True)) == [
        ("closed", "X1"),
        ("opened", "X2"),
    ]
    assert list(
        zip(
            c.factories["factory_id"],
            c.factories["status_before"],
            c.factories["status_after"],
            strict=True,
        )
    ) == [("FA", "not_started", "in_progress")]


def test_figures_then_use_the_data_current_on_that_day(store):
    from etikkmonitor.summary import figures_then, import_as_of

    with store.publishing() as cur:  # the database is read-only for readers: edit by publishing
        cur.execute(
            "UPDATE imports SET created_at = TIMESTAMP '2024-01-10 09:00' WHERE import_id = 1"
        )
        cur.execute(
            "UPDATE imports SET created_at = TIMESTAMP '2024-04-10 23:59' WHERE import_id = 2"
        )
    assert import_as_of(store, date(2023, 12, 31)) is None
    assert import_as_of(store, date(2024, 1, 10)) == 1  # published that day
    assert import_as_of(store, date(2024, 4, 9)) == 1
    assert import_as_of(store, date(2024, 4, 10)) == 2
    rollback(store, 1)  # entry 3, made now: later than any date below
    with store.publishing() as cur:
        cur.execute(
            "UPDATE imports SET created_at = TIMESTAMP '2024-06-01 12:00' WHERE import_id = 3"
        )
    assert import_as_of(store, date(2024, 5, 31)) == 2
    assert import_as_of(store, date(2024, 6, 1)) == 1
    # As of 2024-03-01 the dashboard showed export 1: part 2 covered 1 of 2 (A of A, B).
    then = figures_then(store, date(2024, 3, 1))
    assert then["import_id"] == 1
    assert then["oslo_model"]["part2"] == {"relevant": 2, "covered": 1, "coverage": 0.5}
    # Before any import: the current data (export 1 again after the roll-back) judged then.
    assert figures_then(store, date(2023, 1, 1))["import_id"] == 1


def test_overview_arrows_compare_with_the_data_current_a_quarter_earlier(tmp_path, monkeypatch):
    """As of 2024-09-30 the quarter before is 2024-06-30, when export 1 was current (export 2
    came on 2024-08-01). Part 2 then: A (600 000, high risk, clauses ja) and B (700 000, high
    risk, clauses nei) relevant, A covered: 1 of 2, 50 %. Now, export 2: A and C (800 000, ja)
    both covered: 100 %, so +50 pp. Judged on today's data alone, 2024-06-30 would also give
    100 % ("uendret"): contracts count whatever their dates."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    path = tmp_path / "q.duckdb"
    s = db.Store(path)
    publish(validate([write_export(tmp_path / "one", EXPORT_1)]), s)
    publish(validate([write_export(tmp_path / "two", EXPORT_2)]), s)
    with s.publishing() as cur:
        cur.execute(
            "UPDATE imports SET created_at = TIMESTAMP '2024-01-10 09:00' WHERE import_id = 1"
        )
        cur.execute(
            "UPDATE imports SET created_at = TIMESTAMP '2024-08-01 09:00' WHERE import_id = 2"
        )
    s.close()
    monkeypatch.setenv("ETIKKMONITOR_DB", str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=60)
    at.query_params["as_of"] = "2024-09-30"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    part2 = next(m for m in at.metric if m.label == "Oslomodellen del 2: etisk handel")
    assert part2.value == "100\u00a0%"
    assert part2.delta == "+50\u00a0%-poeng"
