"""Every query in queries/ can be carried to a distributed engine (Trino) by sqlglot, with the
table macros inlined: the path past one machine (docs/scaling.md) stays open."""

from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from etikkmonitor import db
from etikkmonitor.portable import inline, table_macros, to_trino

QUERIES = sorted(p.stem for p in (db.QUERIES).glob("*.sql"))
# Scalar macros a Trino deployment provides as SQL routines (docs/scaling.md).
ROUTINES = {"em_fold", "em_clean_number", "em_parse_number", "em_parse_date", "em_parse_bool"}


def test_there_are_queries_and_macros():
    assert "summary" in QUERIES and len(QUERIES) > 10
    assert set(table_macros()) == {
        "scoped_contracts", "contracts_in_force", "findings_as_of", "deadlines"
    }  # fmt: skip


@pytest.mark.parametrize("name", QUERIES)
def test_query_inlines_and_transpiles_to_trino(name):
    tree = inline(db.sql(name))
    macro_calls = [
        t.this.name
        for t in tree.find_all(exp.Table)
        if isinstance(t.this, exp.Anonymous) and t.this.name.lower() in table_macros()
    ]
    assert macro_calls == []
    trino = to_trino(db.sql(name))
    # what Trino receives parses as Trino, and calls no DuckDB function but the routines
    parsed = sqlglot.parse_one(trino, read="trino")
    unknown = {f.name.lower() for f in parsed.find_all(exp.Anonymous)} - ROUTINES
    assert not {n for n in unknown if n.startswith(("list_", "em_", "scoped", "deadlines"))}


def test_inlining_keeps_the_meaning(tmp_path):
    """The inlined summary, run back on DuckDB, gives what the macro form gives."""
    from datetime import date

    from etikkmonitor import settings
    from etikkmonitor.filters import Filters
    from etikkmonitor.importer import publish, validate

    store = db.Store(tmp_path / "p.duckdb")
    publish(validate([Path(__file__).parent / "fixtures" / "handmade"]), store)
    params = {
        "import_id": store.current_import_id(),
        "as_of": date(2024, 6, 30),
        "filters": Filters().as_param(),
        "rules": settings.rules(),
    }
    text = db.sql("summary")
    direct = store.cursor().execute(text, db.bind(text, params)).fetchall()
    inlined = inline(text).sql(dialect="duckdb")
    again = store.cursor().execute(inlined, db.bind(inlined, params)).fetchall()
    store.close()
    assert again == direct
