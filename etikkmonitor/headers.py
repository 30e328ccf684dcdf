"""A file's header against the contract's column names: the fold both are compared in, the table
a file or sheet name names, and the mapping of header positions to columns (repeated and missing
required columns found). The export reader (reading.py) and column-mapping profiles
(profiles.py) map headers through `match_header`, so the two cannot drift apart.
"""

from __future__ import annotations

import duckdb

from . import schema
from .guards import printable
from .refusals import refusal


def fold(con: duckdb.DuckDBPyConnection, names: list[str]) -> list[str]:
    """Fold names as the contract says, with the same SQL macro that folds values."""
    if not names:
        return []
    rows = con.execute(
        "SELECT i, em_fold(n) FROM unnest($names) WITH ORDINALITY AS t(n, i) ORDER BY i",
        {"names": [str(n) if n is not None else "" for n in names]},
    ).fetchall()
    return [r[1] or "" for r in rows]


def table_for(con, name: str) -> str | None:
    tables = list(schema.TABLES.values())
    key, *keys = fold(con, [name] + [n for t in tables for n in (t.name, t.alias)])
    for i, table in enumerate(tables):
        if key in keys[2 * i : 2 * i + 2]:
            return table.name
    return None


def match_header(header: list, header_keys: list[str], names: dict[str, str]):
    """(mapping, unknown, seen, repeats) of a header whose folded names are `header_keys`;
    `names`: folded name -> column. mapping: position -> column; unknown: position -> header
    as written (printable); seen: column -> its header; repeats: (column, first header,
    second header) of a column named twice. An unnamed, blank column is neither."""
    mapping: dict[int, str] = {}
    unknown: dict[int, str] = {}
    seen: dict[str, str] = {}
    repeats: list[tuple[str, str, str]] = []
    for i, (raw, key) in enumerate(zip(header, header_keys, strict=True)):
        if not key and (raw is None or str(raw).strip() == ""):
            continue  # an unnamed, usually empty, trailing column
        column = names.get(key)
        written = printable(str(raw))
        if column is None:
            unknown[i] = written
        elif column in seen:
            repeats.append((column, seen[column], written))
        else:
            seen[column] = written
            mapping[i] = column
    return mapping, unknown, seen, repeats


def repeated(file: str, repeats: list[tuple[str, str, str]]) -> list:
    """The refusals of columns a header names twice (match_header's `repeats`)."""
    return [
        refusal(file, "column_twice", [col], column=col, first=repr(first), second=repr(second))
        for col, first, second in repeats
    ]


def missing_required(table: schema.Table, seen: dict[str, str]) -> list[str]:
    """The table's required columns that no header named."""
    return [c.name for c in table.columns if c.required and c.name not in seen]


def map_header(con, table: schema.Table, header: list[str], file: str):
    """Header positions -> canonical names; refuses missing required and repeated columns."""
    # One fold for the contract's names and the header: a query each costs more than the fold.
    keys = fold(con, [n for col in table.columns for n in (col.name, col.alias)] + list(header))
    names = {}
    for i, col in enumerate(table.columns):
        for key in keys[2 * i : 2 * i + 2]:
            names[key] = col.name
    mapping, unknown, seen, repeats = match_header(header, keys[2 * len(table.columns) :], names)
    errors = repeated(file, repeats)
    missing = missing_required(table, seen)
    if missing:
        errors.append(
            refusal(
                file,
                "missing_columns",
                missing,
                table={"nb": table.alias, "en": f"{table.name} ({table.alias})"},
                names={
                    "nb": ", ".join(table.column(m).alias for m in missing),
                    "en": ", ".join(f"{m} ({table.column(m).alias})" for m in missing),
                },
            )
        )
    return mapping, unknown, errors
