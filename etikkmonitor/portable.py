"""The path past one machine: queries/ rewritten for a distributed SQL engine (Trino).

Trino has no table macros, so `inline` replaces each call of a table macro of
queries/macros/ by its body as a subquery, arguments substituted, until none is left; sqlglot
then transpiles DuckDB's dialect to Trino's. What stays for a real move is listed in
docs/scaling.md (the scalar parse macros become SQL routines; $parameters become `?`). A test
runs every query through this, so a DuckDB-only construct that cannot be carried over is caught
when it is written, not when the move is due.
"""

from __future__ import annotations

from functools import cache

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

from . import db

TARGET = "trino"


@cache
def table_macros() -> dict[str, tuple[list[str], exp.Expression]]:
    """name -> (parameter names, body) of each table macro in queries/macros/."""
    out = {}
    for name in db.DATA_MACROS:
        create = sqlglot.parse_one(db.sql(f"macros/{name}"), read="duckdb")
        params = [p.name for p in create.this.expressions]
        out[name] = (params, create.expression)
    return out


def _substitute(body: exp.Expression, values: dict[str, exp.Expression]) -> exp.Expression:
    def swap(node):
        if isinstance(node, exp.Column) and not node.table and node.name in values:
            return values[node.name].copy()
        return node

    return body.copy().transform(swap)


def inline(text: str) -> exp.Expression:
    """The statement with every table-macro call replaced by the macro's body."""
    tree = sqlglot.parse_one(text, read="duckdb")
    macros = table_macros()
    for _ in range(20):  # macros call macros; each round inlines one level
        calls = [
            t
            for t in tree.find_all(exp.Table)
            if isinstance(t.this, exp.Anonymous) and t.this.name.lower() in macros
        ]
        if not calls:
            return tree
        for call in calls:
            params, body = macros[call.this.name.lower()]
            args = dict(zip(params, call.this.expressions, strict=True))
            alias = call.alias or call.this.name
            call.replace(exp.Subquery(this=_substitute(body, args), alias=exp.TableAlias(
                this=exp.to_identifier(alias))))  # fmt: skip
    raise RecursionError("table macros nest more than 20 deep")


def _for_trino(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.ArrayOverlaps):  # DuckDB's list_has_any; Trino spells it so
        return exp.Anonymous(this="arrays_overlap", expressions=[node.this, node.expression])
    if isinstance(node, exp.Placeholder) and node.this:
        # $name: in Trino a value bound to a one-row `params` relation (or a `?`), p_name here
        return exp.column(f"p_{node.name}")
    return node


def to_trino(text: str) -> str:
    """The statement in Trino's dialect; raises where sqlglot cannot carry a construct over."""
    tree = inline(text).transform(_for_trino)
    return tree.sql(dialect=TARGET, unsupported_level=ErrorLevel.RAISE, pretty=True)
