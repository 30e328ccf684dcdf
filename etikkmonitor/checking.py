"""Phase 1's checks, as SQL over the staged rows of a private database (importer.validate):
every value parsed into its type and checked on its own (checked_<table>, with a list of
problems per row), the checks across a row's columns, duplicate keys and broken references,
and `rejected`, every problem with its file, line, column and value.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, as_completed

from . import schema
from .guards import max_value_chars
from .reading import ROW_ERROR, Reader

# Checks across columns of one row: (code, column named in the report, condition on typed
# columns that makes the row bad). Conditions are code, never user input.
ROW_CHECKS: dict[str, list[tuple[str, str, str]]] = {
    "contracts": [("end_before_start", "end_date", "end_date < start_date")],
    "factories": [
        ("trained_above_workers", "workers_trained", "workers_trained > workers"),
        ("bad_os_id", "os_id", "NOT em_os_id_valid(os_id)"),
    ],
    "findings": [
        (
            "closed_without_date",
            "closed_date",
            "status = 'closed' AND nullif(trim(raw__closed_date), '') IS NULL",
        )
    ],
}


def _parse_expr(col: schema.Column) -> tuple[str, str | None]:
    """(SQL giving the typed value from raw__<name>, join needed)."""
    raw = f"raw__{col.name}"
    t = col.type
    if t == schema.TEXT:
        # Text that starts and ends with a printable ASCII character has nothing to trim.
        return (
            (
                f"CASE WHEN ord({raw}) BETWEEN 33 AND 126 AND ord({raw}[-1]) BETWEEN 33 AND 126 "
                f"THEN {raw} ELSE nullif(trim({raw}), '') END"
            ),
            None,
        )
    # Each type has a fast path for the form most exports use (plain digits, ISO dates), so the
    # general parser runs only for the rest: at a million rows that halves the check.
    if t == schema.DATE:
        return (
            (
                f"CASE WHEN regexp_full_match({raw}, '\\d{{4}}-\\d{{2}}-\\d{{2}}') "
                f"THEN TRY_CAST({raw} AS DATE) ELSE em_parse_date({raw}) END"
            ),
            None,
        )
    if t == schema.NUMBER:
        # Plain digits with at most two decimals after a point: never a thousands group.
        return (
            (
                f"CASE WHEN regexp_full_match({raw}, '\\d{{1,15}}(\\.\\d{{1,2}})?') "
                f"THEN CAST({raw} AS DOUBLE) ELSE em_parse_number({raw}) END"
            ),
            None,
        )
    if t in (schema.INTEGER, schema.YEAR):
        # The parsed number bound once (see em_parse_number): it is used three times.
        whole = "lambda n: CASE WHEN n = trunc(n) THEN CAST(n AS BIGINT) END"
        return (
            (
                f"CASE WHEN regexp_full_match({raw}, '\\d{{1,15}}') THEN CAST({raw} AS BIGINT) "
                f"ELSE list_transform([em_parse_number({raw})], {whole})[1] END"
            ),
            None,
        )
    if t == schema.BOOL:
        # The words fold to themselves: most values are answered without the fold.
        return f"coalesce(em_bool_word({raw}), em_parse_bool({raw}))", None
    if t in (schema.LATITUDE, schema.LONGITUDE):
        # A coordinate's dot is always a decimal point (10.750 is not ten thousand).
        return f"TRY_CAST(replace(trim({raw}), ',', '.') AS DOUBLE)", None
    if t == schema.ORGNR:
        digits = f"regexp_replace({raw}, '[\\s\\x{{00A0}}\\x{{202F}}]', '', 'g')"
        return (
            (
                f"CASE WHEN regexp_full_match({raw}, '\\d{{9}}') THEN {raw} "
                f"WHEN regexp_full_match({digits}, '\\d{{9}}') THEN {digits} END"
            ),
            None,
        )
    if t == schema.ENUM:
        alias = f"enum__{col.name}"
        join = (
            f"LEFT JOIN enum_lookup AS {alias} ON {alias}.column_name = '{col.name}' "
            f"AND {alias}.key = em_fold(r.{col.name})"
        )
        return f"{alias}.value", join
    if t == schema.COUNTRY:
        alias = f"country__{col.name}"
        join = f"LEFT JOIN country_lookup AS {alias} ON {alias}.key = em_fold(r.{col.name})"
        return f"{alias}.alpha2", join
    raise ValueError(t)


def _error_expr(col: schema.Column) -> str:
    """The problem code of one value, NULL when it is fine. A blank value never parses, so the
    (costlier) blank test runs only for values that gave nothing."""
    raw, v = f"raw__{col.name}", col.name
    missing = "'missing_required'" if col.required else "NULL"
    if col.type == schema.TEXT:
        # The value is the trimmed text: NULL exactly when the cell is blank.
        return f"CASE WHEN {v} IS NULL THEN {missing} END" if col.required else "NULL::VARCHAR"
    bad = {
        schema.DATE: "bad_date",
        schema.NUMBER: "bad_number",
        schema.INTEGER: "bad_integer",
        schema.YEAR: "bad_integer",
        schema.BOOL: "bad_bool",
        schema.ENUM: "bad_enum",
        schema.COUNTRY: "bad_country",
        schema.ORGNR: "bad_orgnr_format",
        schema.LATITUDE: "bad_number",
        schema.LONGITUDE: "bad_number",
    }[col.type]
    parsed = {  # checks on a value that parsed
        schema.NUMBER: f"CASE WHEN {v} < 0 THEN 'negative' END",
        schema.INTEGER: f"CASE WHEN {v} < 0 THEN 'negative' END",
        schema.ORGNR: f"CASE WHEN NOT em_orgnr_valid({v}) THEN 'bad_orgnr_check' END",
        schema.LATITUDE: f"CASE WHEN {v} NOT BETWEEN -90 AND 90 THEN 'out_of_range' END",
        schema.LONGITUDE: f"CASE WHEN {v} NOT BETWEEN -180 AND 180 THEN 'out_of_range' END",
    }.get(col.type, "NULL")
    whens = [
        f"WHEN {v} IS NOT NULL THEN {parsed}",
        f"WHEN nullif(trim({raw}), '') IS NULL THEN {missing}",
    ]
    if col.type == schema.INTEGER:
        whens.append(f"WHEN em_parse_number({raw}) IS NULL THEN 'bad_number'")
    return "CASE " + " ".join(whens) + f" ELSE '{bad}' END"


def _err(column: str | None, value: str, code: str, detail: str = "NULL") -> str:
    col = "NULL::VARCHAR" if column is None else f"'{column}'"
    return (
        f"struct_pack(column_name := {col}, value := CAST({value} AS VARCHAR), "
        f"code := {code}, detail := CAST({detail} AS VARCHAR))"
    )


def parse_tables(con, reader: Reader, progress=None) -> None:
    """checked_<table> for every table, two at a time on cursors of the private database.

    Parsing one table needs only its own raw rows. A table under some 120 000 rows is one
    DuckDB row group and so parsed on one core: side by side, the small tables use the
    second core while the other works (validation at scale 100: ~1.2 s -> ~1.0 s). The
    largest go first, so the last to finish is a small one. Tables of the private database are
    plain tables, not TEMP ones, so that every cursor sees them.
    """
    size = {s.table: 0 for s in reader.sources}
    for s in reader.sources:
        size[s.table] += s.size_bytes
    names = sorted(schema.TABLE_ORDER, key=lambda n: -size.get(n, 0))

    def parse(name: str) -> str:
        cur = con.cursor()
        try:
            _parse_table(cur, schema.TABLES[name])
        finally:
            cur.close()
        return name

    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="em-parse")
    try:
        futures = [pool.submit(parse, name) for name in names]
        # progress from this thread only: the dashboard's progress bar belongs to its run
        for i, future in enumerate(as_completed(futures), start=1):
            name = future.result()  # re-raises a failure here
            if progress:
                progress(0.6 + 0.4 * i / len(names), name)
    except BaseException:
        pool.shutdown(cancel_futures=True)  # the tables not begun yet are not parsed in vain
        raise
    pool.shutdown()


def check_keys(con, table: schema.Table) -> None:
    """Duplicate keys and broken references of checked_<table>, added to its `errors`."""
    if table.key:
        _check_duplicates(con, table)
    for ref in table.references:
        _check_reference(con, table, ref)


def _parse_table(con, table: schema.Table) -> None:
    """checked_<table>: typed columns plus `errors`, a list of problems (empty = accepted):
    each value parsed and checked on its own, and the checks across a row's columns."""
    selects, joins = [], []
    for col in table.columns:
        expr, join = _parse_expr(col)
        selects.append(f"{expr} AS {col.name}")
        if join:
            joins.append(join)
    raws = ", ".join(f"r.{c} AS raw__{c}" for c in table.column_names)
    # A value too long, with a control character or with mojibake is bad whatever its column
    # (em_bad_text). Tested once per row on all its values together, and value by value only
    # where that finds something: nearly every row has none.
    max_chars = max_value_chars()  # an int from the settings: code, never data
    suspect = (
        f"em_bad_text(concat({', '.join(f'r.{c}' for c in table.column_names)}), {max_chars}) "
        "IS NOT NULL AS _suspect"
    )
    bad_text = {
        c.name: f"CASE WHEN _suspect THEN em_bad_text(raw__{c.name}, {max_chars}) END"
        for c in table.columns
    }
    codes = [f"coalesce({bad_text[c.name]}, {_error_expr(c)})" for c in table.columns]
    errors = [
        _err(
            c.name,
            f"raw__{c.name}",
            code,
            f"CASE WHEN _suspect AND length(raw__{c.name}) > {max_chars} "
            f"THEN length(raw__{c.name}) || '/{max_chars}' END",
        )
        for c, code in zip(table.columns, codes, strict=True)
    ]
    # A problem found while reading a row: `code`, or `code<US>column<US>value`
    # (see textfiles.csv_rows).
    codes.append(ROW_ERROR)
    part = f"nullif(split_part({ROW_ERROR}, chr(31), {{}}), '')"
    errors.append(
        f"struct_pack(column_name := {part.format(2)}, value := {part.format(3)}, "
        f"code := {part.format(1)}, detail := NULL::VARCHAR)"
    )
    for code, column, condition in ROW_CHECKS.get(table.name, []):
        codes.append(f"CASE WHEN {condition} THEN '{code}' END")
        errors.append(_err(column, f"raw__{column}", codes[-1]))
    # Most rows have no problem: the list of problem structs is built only for the others.
    # The table is kept in file order, so publishing need not sort it: a scan keeps its order,
    # a join with a lookup may not.
    order = " ORDER BY file_no, line" if joins else ""
    con.execute(
        f"CREATE TABLE checked_{table.name} AS "
        f"WITH parsed AS (SELECT r.file_no, r.line, r.{ROW_ERROR}, {raws}, {suspect}, "
        f"{', '.join(selects)} FROM raw_{table.name} AS r {' '.join(joins)}) "
        f"SELECT file_no, line, {', '.join(table.column_names)}, "
        f"CASE WHEN coalesce({', '.join(codes)}) IS NULL THEN [] "
        f"ELSE list_filter([{', '.join(errors)}], lambda e: e.code IS NOT NULL) END AS errors "
        f"FROM parsed{order}"
    )


def _add_errors(con, table_name: str, problems_sql: str) -> None:
    """Append the problems a query finds (file_no, line, problem struct) to checked rows."""
    con.execute(
        f"UPDATE checked_{table_name} AS t SET errors = list_append(t.errors, p.problem) "
        f"FROM ({problems_sql}) AS p WHERE t.file_no = p.file_no AND t.line = p.line"
    )


def _check_duplicates(con, table: schema.Table) -> None:
    keys = list(table.key)
    given = " AND ".join(f"{k} IS NOT NULL" for k in keys)
    key_text = " || '+' || ".join(keys)
    first = "first_value(file_name || ':' || line)"
    _add_errors(
        con,
        table.name,
        f"SELECT file_no, line, {_err('+'.join(keys), key_text, chr(39) + 'duplicate_key' + chr(39), 'first_seen')} AS problem "
        f"FROM (SELECT c.file_no, c.line, {', '.join('c.' + k for k in keys)}, "
        f"row_number() OVER w AS n, "
        f"{first} OVER w AS first_seen "
        f"FROM checked_{table.name} AS c JOIN source_files USING (file_no) "
        # Only keys given more than once can have a duplicate: a grouping, not a sort, finds them.
        f"SEMI JOIN (SELECT {', '.join(keys)} FROM checked_{table.name} WHERE {given} "
        f"GROUP BY ALL HAVING count(*) > 1) AS d ON {' AND '.join(f'c.{k} = d.{k}' for k in keys)} "
        f"WHERE {given} WINDOW w AS (PARTITION BY {', '.join(keys)} ORDER BY c.file_no, c.line)) "
        f"WHERE n > 1",
    )


def _check_reference(con, table: schema.Table, ref: schema.Reference) -> None:
    child = " AND ".join(f"c.{k} IS NOT NULL" for k in ref.columns)
    on = " AND ".join(
        f"c.{k} = p.{pk}" for k, pk in zip(ref.columns, ref.parent_columns, strict=True)
    )
    pcols = ", ".join(ref.parent_columns)
    value = " || '+' || ".join(f"c.{k}" for k in ref.columns)
    code = (
        "CASE WHEN p.any_accepted IS NULL THEN 'unknown_reference' "
        "WHEN NOT p.any_accepted THEN 'parent_rejected' END"
    )
    _add_errors(
        con,
        table.name,
        f"SELECT c.file_no, c.line, {_err('+'.join(ref.columns), value, code, repr(ref.parent))} AS problem "
        f"FROM checked_{table.name} AS c LEFT JOIN ("
        f"  SELECT {pcols}, bool_or(len(errors) = 0) AS any_accepted "
        f"  FROM checked_{ref.parent} GROUP BY {pcols}) AS p ON {on} "
        f"WHERE {child} AND (p.any_accepted IS NULL OR NOT p.any_accepted)",
    )


def collect_rejects(con) -> None:
    parts = []
    for name in schema.TABLE_ORDER:
        parts.append(
            f"SELECT '{name}' AS table_name, file_no, line, unnest(errors, recursive := true) "
            f"FROM checked_{name} WHERE len(errors) > 0"
        )
    con.execute(
        # A rejected value is kept as text anyone can read: control characters as \\xNN (a NUL
        # is never stored), and at most 1 000 characters of a longer one.
        "CREATE TABLE rejected AS SELECT r.table_name, s.file_name AS file, s.sheet, "
        "r.file_no, r.line, r.column_name, em_escape(CASE WHEN length(r.value) > 1000 "
        "THEN left(r.value, 1000) || '…' ELSE r.value END) AS value, r.code, r.detail FROM ("
        + " UNION ALL ".join(parts)
        + ") AS r JOIN source_files AS s USING (file_no)"
    )
