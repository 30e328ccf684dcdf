"""The DuckDB database: schema, connections and the query runner.

Every import is kept: data tables carry an `import_id`, and the current dataset is the one the
newest row of `imports` points at; any two imports can be compared later.

Readers and the publisher never share a file. The path the dashboard and the command line are
given (data/etikkmonitor.duckdb) is a symlink to the published version in
`<name>.versions/`, which nobody writes again. Readers open it read-only, so they never hold a
write lock, and notice at their next query when the symlink points elsewhere. An import or a
roll-back (`Store.publishing()`) copies the published version, adds its rows and its log entry
in one transaction, and publishes the copy by renaming the symlink onto it: a reader sees the old
dataset or the new one, never a mix, and a failed import changes nothing. The file work of that
(versions, lock, rename) is versions.py's.

Streamlit runs each session in its own thread: callers take a fresh cursor per query
(`Store.cursor()`), never share one connection between threads.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import schema, versions
from .versions import DatabaseBusy, DatabaseError

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
    "em_bool_word",
    "em_parse_bool",
    "em_orgnr_valid",
    "em_bad_text",
    "em_escape",
    "em_os_id_valid",
)
versions_dir = versions.versions_dir  # where the published versions are (callers ask db)

DATA_MACROS = ("scoped_contracts", "contracts_in_force", "findings_as_of", "deadlines")


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


# Where a value of an import stood in its export: a reject and a value of a column the contract
# does not know are both kept with it (importer.publish adds both the same way).
_VALUE_PLACE = """import_id INTEGER NOT NULL,
    table_name VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    sheet VARCHAR,
    line BIGINT NOT NULL"""

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
    f"""CREATE TABLE IF NOT EXISTS rejects (
    {_VALUE_PLACE},
    column_name VARCHAR,
    value VARCHAR,
    code VARCHAR NOT NULL,
    detail VARCHAR
)""",
    # The file's own header of each column it matched: reports name a column as its file does
    # (an import from before this table has no rows here; reports then use our names).
    """CREATE TABLE IF NOT EXISTS import_columns (
    import_id INTEGER NOT NULL,
    file VARCHAR NOT NULL,
    sheet VARCHAR,
    column_name VARCHAR NOT NULL,
    header VARCHAR NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS contract_links (
    import_id INTEGER NOT NULL,
    contract_id VARCHAR NOT NULL,
    calloff_agencies VARCHAR[] NOT NULL,
    factory_countries VARCHAR[] NOT NULL
)""",
    f"""CREATE TABLE IF NOT EXISTS unknown_values (
    {_VALUE_PLACE},
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
    con.execute(notices_ddl())  # competitions read from eForms notices (etikkmonitor/eforms)
    create_parse_macros(con)
    for name in DATA_MACROS:
        con.execute(sql(f"macros/{name}"))


def notices_ddl() -> str:
    from .eforms.load import DDL  # imported here: the eforms package imports this module

    return DDL


@dataclass
class Store:
    """The published database at `path`, for reading; `publishing()` makes and publishes the next.

    Readers never hold a write lock: each process opens the published file read-only (attached
    to a private in-memory catalog, which holds this code's macros) and checks at every
    `cursor()` whether `path` now names another file; if so, the next query runs on the new one.
    A query already running finishes on the file it started on. `read_only=True` only forbids
    publishing through this Store.
    """

    path: Path
    read_only: bool = False
    _con: duckdb.DuckDBPyConnection | None = field(default=None, repr=False)
    _identity: tuple | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection to the database published now (reopened when that changed)."""
        con = self._con
        if con is not None and versions.identity(self.path) == self._identity:
            return con
        with self._lock:
            for _ in range(5):
                identity = versions.identity(self.path)
                if self._con is not None and identity == self._identity:
                    return self._con
                try:
                    con, identity = _open_published(self.path)
                except FileNotFoundError:  # replaced and cleaned up between look-up and open
                    continue
                # The old connection is dropped, not closed: cursors still running on it keep
                # its file open until they finish (closing it would cut them off).
                self._con, self._identity = con, identity
                return con
            raise DatabaseError("db.error.unstable", path=self.path)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
                self._identity = None

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

    @contextmanager
    def publishing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor, in a transaction, on the next version of the database; published on success.

        The next version is a copy of the published file beside it (every import is kept, so
        it holds the whole history), changed inside the `with` block, checkpointed, synced to
        disk and then published by renaming a symlink at `path` onto it: one atomic step. A
        failure anywhere before that step leaves the published file as it was and removes the
        copy. One publisher at a time per file, across processes: another one meanwhile is
        refused with DatabaseBusy, not queued.
        """
        if self.read_only:
            raise DatabaseError("db.error.read_only_store", path=self.path)
        with versions.next_version(self.path, connect) as cur:
            yield cur


def _open_published(path: Path) -> tuple[duckdb.DuckDBPyConnection, tuple | None]:
    """A reader's connection: an in-memory catalog with the published file attached read-only,
    a view per table onto it (or an empty table where an older file has none) and this code's
    macros, so every cursor sees the same names whatever version the file was written by."""
    real = versions.published_file(path)
    identity = versions.identity(real) if real is not None else None
    con = duckdb.connect()
    try:
        attached: dict[str, set[str]] = {}
        if real is not None:
            quoted = str(real).replace("'", "''")  # a path from the configuration, never data
            try:
                con.execute(f"ATTACH '{quoted}' AS published (READ_ONLY)")
            except duckdb.Error as e:
                if not real.exists():
                    raise FileNotFoundError(real) from e
                _raise_open_error(path, e)
            for table, column in con.execute(
                "SELECT table_name, column_name FROM duckdb_columns() "
                "WHERE database_name = 'published' AND schema_name = 'main'"
            ).fetchall():
                attached.setdefault(table, set()).add(column)
        for name, columns in sorted(attached.items()):
            # A file from an older contract version lacks newer optional columns: NULL here,
            # as ensure_schema adds them empty when the next version is written.
            missing = [
                f"NULL::{schema.STORAGE_TYPE[c.type]} AS {c.name}"
                for c in (schema.TABLES[name].columns if name in schema.TABLES else ())
                if c.name not in columns
            ]
            con.execute(
                f'CREATE VIEW "{name}" AS SELECT *{"".join(", " + m for m in missing)} '
                f'FROM published.main."{name}"'
            )
        for ddl in LOG_DDL:
            if _ddl_table(ddl) not in attached:
                con.execute(ddl)
        for name in schema.TABLE_ORDER:
            if name not in attached:
                con.execute(data_table_ddl(schema.TABLES[name]))
        create_parse_macros(con)
        for name in DATA_MACROS:
            con.execute(sql(f"macros/{name}"))
    except BaseException:
        con.close()
        raise
    return con, identity


def _ddl_table(ddl: str) -> str:
    return re.search(r"CREATE TABLE IF NOT EXISTS (\w+)", ddl).group(1)


def _raise_open_error(path: Path, e: duckdb.Error):
    text = str(e).lower()
    if "lock" in text:
        raise DatabaseBusy("db.error.busy", path=path, error=str(e)) from None
    if "permission denied" in text:
        raise DatabaseError("db.error.unreadable", path=path, error="permission denied") from None
    raise DatabaseError("db.error.not_a_database", path=path, error=str(e)) from None


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A direct connection to one database file (the publisher's, on its next version)."""
    path = Path(path)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as e:
        _raise_open_error(path, e)
    if not read_only:
        ensure_schema(con)
    return con


def add_rows(cur: duckdb.DuckDBPyConnection, into: str, rows: pa.Table, import_id: int) -> None:
    """Add `rows` (Arrow, e.g. from an import's private database) to `into` under `import_id`:
    `into` is a table, with its column list where `rows` holds not all of them; it is built from
    schema names only, never from data."""
    cur.register("incoming", rows)
    try:
        cur.execute(f"INSERT INTO {into} SELECT $id, * FROM incoming", {"id": import_id})
    finally:
        cur.unregister("incoming")


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
