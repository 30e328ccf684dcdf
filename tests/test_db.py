"""db.frame: query results reach pandas through Arrow (faster for text), with the dtypes that
DuckDB's own .df() gives, so pages, CLI and snapshot see the same frames as before."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from etikkmonitor import db

QUERY = """
SELECT * FROM (VALUES
    (1, NULL::INTEGER, TRUE, NULL::BOOLEAN, 10::HUGEINT, 1.25::DECIMAL(10, 2),
     DATE '2024-06-30', NULL::DATE, 'K01', NULL::VARCHAR, ['a', 'b'], 42::BIGINT),
    (2, 7, FALSE, FALSE, 20::HUGEINT, 2.50::DECIMAL(10, 2),
     DATE '2024-08-31', DATE '2024-09-01', 'Bydel Grünerløkka', NULL::VARCHAR, ['c'], 43::BIGINT)
) AS t(n, n_null, b, b_null, total, amount, due, met, text, no_text, agencies, big)
"""


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


def test_frame_has_the_dtypes_and_values_of_df(con):
    got = db.frame(con.sql(QUERY).to_arrow_table())
    pd.testing.assert_frame_equal(got, con.execute(QUERY).df())
    dtypes = {k: str(v) for k, v in got.dtypes.items()}
    assert dtypes["n"] == "int32" and dtypes["n_null"] == "Int32"
    assert dtypes["b"] == "bool" and dtypes["b_null"] == "boolean"
    assert dtypes["total"] == dtypes["amount"] == "float64"  # sums and decimals as floats
    assert dtypes["due"] == dtypes["met"] == "datetime64[us]"
    assert dtypes["no_text"] == "object" and got["no_text"].isna().all()
    assert got["text"].tolist() == ["K01", "Bydel Grünerløkka"]
    assert got["amount"].tolist() == [1.25, 2.5]
    assert pd.isna(got["n_null"][0]) and got["n_null"][1] == 7
    assert list(got["agencies"][0]) == ["a", "b"]


def test_frame_of_no_rows(con):
    empty = f"SELECT * FROM ({QUERY}) WHERE n > 5"
    got = db.frame(con.sql(empty).to_arrow_table())
    assert got.empty
    pd.testing.assert_frame_equal(got, con.execute(empty).df())


def test_frame_keeps_time_zones_and_refuses_a_column_named_twice(con):
    q = "SELECT TIMESTAMPTZ '2024-06-30 12:00:00+00' AS at, 1 AS n"
    got = db.frame(con.sql(q).to_arrow_table())
    assert got["at"].dt.tz is not None
    assert got["at"][0] == pd.Timestamp("2024-06-30 12:00:00", tz="UTC")
    with pytest.raises(ValueError, match="twice"):
        db.frame(con.sql("SELECT 1 AS id, 2 AS id").to_arrow_table())
