"""The contract's value parsers, callable from Python.

The parsers are SQL macros (queries/macros/parse/), because the importer runs them over whole
columns at once; these wrappers run the same macros on one value, so tests and the occasional
single value use the one implementation there is.
"""

from __future__ import annotations

import threading
from datetime import date

import duckdb

from . import db

_local = threading.local()


def _con() -> duckdb.DuckDBPyConnection:
    con = getattr(_local, "con", None)
    if con is None:
        con = duckdb.connect()
        db.create_parse_macros(con)
        _local.con = con
    return con


def _one(expr: str, value):
    return _con().execute(f"SELECT {expr}($v::VARCHAR)", {"v": value}).fetchall()[0][0]


def fold(text: str | None) -> str | None:
    return _one("em_fold", text)


def parse_number(text: str | None) -> float | None:
    return _one("em_parse_number", text)


def parse_date(text: str | None) -> date | None:
    return _one("em_parse_date", text)


def parse_bool(text: str | None) -> bool | None:
    return _one("em_parse_bool", text)


def orgnr_valid(digits: str) -> bool:
    return bool(_one("em_orgnr_valid", digits))
