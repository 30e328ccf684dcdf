"""The DuckDB database: schema, connections and the query runner.

Every import is kept: data tables carry an `import_id`, and the current dataset is the one the
newest row of `imports` points at. Publishing an import or rolling back is then one small insert
in one transaction, so a reader sees the old or the new dataset, never a mix; and any two imports
can be compared later.

Streamlit runs each session in its own thread: callers take a fresh cursor per query
(`Store.cursor()`), never share one connection between threads.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import schema

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
DEFAULT_DB = ROOT / "data" / "etikkmonitor.duckdb"

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_NAME = re.compile(r"[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)*")

# Macros in dependency order: each may use the ones before it.
PARSE_MACROS = (
    "em_fold",
    "em_clean_number",
    "em_parse_number",
    "em_parse_date",
    "em_parse_bool",
    "em_orgnr_valid",
)
DATA_MACROS = ("scoped_contracts", "findings_as_of", "deadlines")


class DatabaseBusy(RuntimeError):
    """Another process holds the database file (`path`)."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(message)
        self.path = path


@cache
def sql(name: str) -> str:
    """The text of queries/<name>.sql; `name` must be a plain path of lowercase words."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a query name: {name!r}")
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def parameters(text: str) -> set[str]:
    """The $names a statement takes (comments stripped first: they may mention $names)."""
    body = _BLOCK_COMMENT.sub(" ", text)
    body = "\n".join(line.split("--", 1)[0] for line in body.splitlines())
    return set(_PARAM.findall(body))


def create_parse_macros(con: duckdb.DuckDBPyConnection) -> None:
    for name in PARSE_MACROS:
        con.execute(sql(f"macros/parse/{name}"))


def data_table_ddl(table: schema.Table) -> str:
    cols = ",\n    ".join(f"{c.name} {schema.STORAGE_TYPE[c.type]}" for c in table.columns)
    return (
        f"CREATE TABLE IF NOT EXISTS {table.name} (\n    import_id INTEGER NOT NULL,\n    {cols}\n)"
    )


LOG_DDL = (
    """CREATE TABLE IF NOT EXISTS imports (
    import_id INTEGER PRIMARY KEY,
    action VARCHAR NOT NULL,            -- 'import' or 'rollback'
    data_import_id INTEGER NOT NULL,    -- the import whose data is current after this entry
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR,
    note VARCHAR
)""",
    """CREATE TABLE IF NOT EXISTS import_files (
    import_id INTEGER NOT NULL,
    file_no INTEGER NOT NULL,
    file VARCHAR NOT NULL,
    sheet VARCHAR,
    table_name VARCHAR NOT NULL,
    size_bytes BIGINT,
    sha256 VARCHAR,
    encoding VARCHAR,
    delimiter VARCHAR,
    rows_read BIGINT NOT NULL,
    rows_imported BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    unknown_columns VARCHAR[]
)""",
    """CREATE TABLE IF NOT EXISTS rejects (
    import_id INTEGER NOT NULL,
    table_name VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    sheet VARCHAR,
    line BIGINT NOT NULL,
    column_name VARCHAR,
    value VARCHAR,
    code VARCHAR NOT NULL,
    detail VARCHAR
)""",
    """CREATE TABLE IF NOT EXISTS contract_links (
    import_id INTEGER NOT NULL,
    contract_id VARCHAR NOT NULL,
    calloff_agencies VARCHAR[] NOT NULL,
    factory_countries VARCHAR[] NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS unknown_values (
    import_id INTEGER NOT NULL,
    table_name VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    sheet VARCHAR,
    line BIGINT NOT NULL,
    column_name VARCHAR NOT NULL,
    value VARCHAR
)""",
)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create tables if missing and (re)create the macros, so they match this code version."""
    for ddl in LOG_DDL:
        con.execute(ddl)
    for name in schema.TABLE_ORDER:
        con.execute(data_table_ddl(schema.TABLES[name]))
    # A database from an older contract version lacks its newer optional columns.
    have = set(
        con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema()"
        ).fetchall()
    )
    for name in schema.TABLE_ORDER:
        for c in schema.TABLES[name].columns:
            if (name, c.name) not in have:
                con.execute(f"ALTER TABLE {name} ADD COLUMN {c.name} {schema.STORAGE_TYPE[c.type]}")
    con.execute(sql("derive_contract_links"))  # a database from before the links existed
    create_parse_macros(con)
    for name in DATA_MACROS:
        con.execute(sql(f"macros/{name}"))


@dataclass
class Store:
    """One database file, opened once per process; a cursor per query."""

    path: Path
    read_only: bool = False
    _con: duckdb.DuckDBPyConnection | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._con is None:
                self._con = connect(self.path, read_only=self.read_only)
            return self._con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def current_import_id(self) -> int | None:
        rows = (
            self.cursor()
            .execute("SELECT data_import_id FROM imports ORDER BY import_id DESC LIMIT 1")
            .fetchall()
        )
        return rows[0][0] if rows else None

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run queries/<name>.sql with the $parameters it names, taken from `params`."""
        return run(self.cursor(), name, **params)


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise DatabaseBusy(
                f"{path} is in use by another process (is the dashboard running on it?): {e}",
                path,
            ) from e
        raise
    if not read_only:
        ensure_schema(con)
    return con


def bind(text: str, params: dict) -> dict:
    """The subset of `params` a statement names; a missing one is an error, never a NULL."""
    wanted = parameters(text)
    missing = wanted - params.keys()
    if missing:
        raise KeyError(f"query needs parameters {sorted(missing)}")
    return {k: params[k] for k in wanted}


def run(cur: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    text = sql(name)
    return frame(cur.sql(text, params=bind(text, params)).to_arrow_table())


def frame(table: pa.Table) -> pd.DataFrame:
    """The DataFrame DuckDB's .df() gives for a result, built from its Arrow form instead.

    pandas' strings are Arrow strings, so a text-heavy result converts about 2.5 times faster
    this way (deadlines_list at scale 100: 0.37 s -> 0.15 s). The dtypes are .df()'s: integers
    and booleans nullable only where the column holds a NULL, decimals (sums) as floats, dates
    as datetime64[us], a text column without any text as objects.
    """
    if len(set(table.column_names)) < table.num_columns:
        raise ValueError(f"a query result names a column twice: {table.column_names}")
    columns = {}
    for name, col in zip(table.column_names, table.columns, strict=True):
        typ = col.type
        if pa.types.is_decimal(typ) or (pa.types.is_unsigned_integer(typ) and typ.bit_width == 64):
            columns[name] = pc.cast(col, pa.float64()).to_pandas()
        elif pa.types.is_integer(typ) and col.null_count:
            bits = max(typ.bit_width, 32)
            columns[name] = col.to_pandas().astype(
                f"{'UInt' if pa.types.is_unsigned_integer(typ) else 'Int'}{bits}"
            )
        elif pa.types.is_boolean(typ) and col.null_count:
            columns[name] = col.to_pandas().astype("boolean")
        elif col.null_count == len(col) and (
            pa.types.is_string(typ) or pa.types.is_large_string(typ) or pa.types.is_string_view(typ)
        ):
            columns[name] = pd.Series([None] * len(col), dtype=object)  # no text: .df()'s objects
        elif pa.types.is_date(typ) or (pa.types.is_timestamp(typ) and typ.tz is None):
            columns[name] = col.to_pandas(date_as_object=False).astype("datetime64[us]")
        else:
            columns[name] = col.to_pandas()
    return pd.DataFrame(columns, index=pd.RangeIndex(table.num_rows))
