"""Import: validate an export in a private in-memory database, then publish it in one step.

Phase 1 (`validate`) reads the files, parses and checks every value in SQL and sets bad rows
aside with file, line, column, value and reason. It never opens the dashboard's database, so a
refused import leaves that file byte for byte as it was.
Phase 2 (`publish`) writes the accepted rows, the rejects and the log entry in one transaction.
The command line and the dashboard's importer page both go through these two functions.
"""

from __future__ import annotations

import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from . import db, geo, schema, settings
from .eforms import load as notices
from .eforms.sources import split as split_notices
from .guards import check_size, max_file_bytes, max_value_chars
from .reading import ROW_ERROR, Reader, RefusalError, Refused, refusal

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


@dataclass(frozen=True)
class Loss:
    """What an import would do to the current dataset's contracts."""

    current: int  # contracts in the current dataset
    lost: int  # of them, those whose contract_id the import has no accepted row for
    incoming: int  # contracts the import would publish
    limit: float  # the share of `current` that may be lost without confirmation

    @property
    def share(self) -> float:
        return self.lost / self.current if self.current else 0.0

    @property
    def needs_confirmation(self) -> bool:
        return self.lost > self.limit * self.current


class LossNotConfirmed(Exception):
    """The import would drop more of the current contracts than the settings allow unasked."""

    def __init__(self, loss: Loss):
        self.loss = loss
        super().__init__(f"{loss.lost} of {loss.current} contracts would be lost")


@dataclass
class Validation:
    """An export read and checked, ready to publish. Holds its private in-memory database."""

    con: duckdb.DuckDBPyConnection
    sources: list
    counts: dict[str, int] = field(default_factory=dict)

    def rejects(self, lang: str = "en") -> list[dict]:
        """One entry per problem; `header` is the column as the file names it."""
        rows = self.con.execute(
            "SELECT table_name, file, sheet, line, column_name, value, code, detail, file_no "
            "FROM rejected ORDER BY file_no, line, column_name"
        ).fetchall()
        headers = {s.file_no: {c: s.header[i] for i, c in s.mapping.items()} for s in self.sources}
        keys = ("table", "file", "sheet", "line", "column", "value", "code", "detail")
        out = []
        for r in rows:
            names = headers.get(r[8], {})
            column = r[4] or ""
            out.append(
                dict(zip(keys, r[:8], strict=True))
                | {
                    "reason": reason(r[6], r[7], lang),
                    "header": "+".join(names.get(c, c) for c in column.split("+")) or None,
                    "column_words": column_words(r[4], names, r[0], lang),
                }
            )
        return out

    def files(self) -> list[dict]:
        out = []
        for s in self.sources:
            rejected = self.con.execute(
                "SELECT count(DISTINCT line) FROM rejected WHERE file_no = $n", {"n": s.file_no}
            ).fetchall()[0][0]
            out.append(
                {
                    "file": s.file,
                    "sheet": s.sheet,
                    "table": s.table,
                    "rows_read": s.rows_read,
                    "rows_imported": s.rows_read - rejected,
                    "rows_rejected": rejected,
                    "unknown_columns": list(s.unknown.values()),
                    "matched_columns": {s.header[i]: c for i, c in s.mapping.items()},
                    "encoding": s.encoding,
                    "delimiter": s.delimiter,
                    "size_bytes": s.size_bytes,
                    "sha256": s.sha256,
                }
            )
        return out

    def close(self) -> None:
        self.con.close()


def column_words(column: str | None, headers: dict[str, str], table: str, lang: str) -> str:
    """A column as a data owner reads it: the file's own header with our name beside it,
    "Lukket dato (closed_date)", "Contract type (kontraktstype)"; the header alone where it
    is our name but for case, accents and separators ("Lukket dato" is lukket_dato); our name
    alone where the header is not known. `column` may name two ("start_date+end_date")."""
    if not column:
        return ""
    words = []
    for name in column.split("+"):
        try:
            ours = name if lang == "en" else schema.TABLES[table].column(name).alias
        except KeyError:  # not a column of the contract's tables
            ours = name
        given = headers.get(name)
        if given and _bare(given) != _bare(ours):
            words.append(f"{given} ({ours})")
        else:
            words.append(given or ours)
    return " + ".join(words)


def _bare(name: str) -> str:
    """A column name without case, accents, spaces, hyphens or underscores."""
    from .agencies import fold

    return re.sub(r"[\s_\-]+", "", fold(name))


def missing_tables(v: Validation) -> list[str]:
    """The export's tables that no file of `v` holds, in the contract's order: published, each
    is empty in the new dataset (an import replaces the whole dataset)."""
    present = {s.table for s in v.sources}
    return [name for name in schema.TABLE_ORDER if name not in present]


def reason(code: str, detail: str | None, lang: str = "en") -> str:
    """The reason for a reject in words; `detail` is the parent table of a broken reference,
    or `file:line` of the first row with a duplicate key."""
    from .i18n import t

    if code == "value_too_long" and detail and "/" in detail:
        from .i18n import fmt_int

        n, _, most = detail.partition("/")
        return t(f"reason.{code}", lang, n=fmt_int(int(n), lang), max=fmt_int(int(most), lang))
    text = t(f"reason.{code}", lang)
    if not detail:
        return text
    if code == "duplicate_key":
        file, _, line = detail.rpartition(":")
        return f"{text} ({t('reason.first_seen', lang, file=file, line=line)})"
    if code in ("unknown_reference", "parent_rejected") and detail in schema.TABLES:
        name = detail if lang == "en" else schema.TABLES[detail].alias
        return f"{text} ({name})"
    return f"{text} ({detail})"


def expand(paths) -> list[tuple[Path, str]]:
    """(file, name) for the files named, and the .csv/.xlsx files in folders named, in a stable
    order. An item may be a (path, name) pair: an uploaded file stored under a name of ours."""
    out: list[tuple[Path, str]] = []
    for item in paths:
        if isinstance(item, tuple):
            out.append((Path(item[0]), item[1]))
            continue
        p = Path(item)
        if p.is_dir():
            out.extend(
                (f, f.name)
                for f in sorted(p.iterdir())
                if f.suffix.lower() in {".csv", ".xlsx", ".xlsm"}
            )
        else:
            out.append((p, p.name))
    return out


def validate(paths, progress=None, lists=(), store=None, profiles=None) -> Validation:
    """Read and check the export; raises Refused with every structural problem found.
    `lists`: suppliers' factory lists (factory_lists.FactoryList), each for one contract;
    `store`: the database whose current dataset lists alone are merged into;
    `profiles`: column-mapping profiles to read every file by (profiles.py; default: the saved
    ones, each for the files with its header set).
    Notices (.xml files, .zip archives, and those in folders) are read beside the register's
    files: etikkmonitor/eforms/load.py."""
    paths, notice_sources = split_notices(paths)
    files = expand(paths)
    con = duckdb.connect()
    try:
        # A private database that lives for one import: compressing its tables at every
        # automatic checkpoint (each 16 MB written) cost ~0.2 s a time at a million rows.
        con.execute("SET checkpoint_threshold = '1GB'")
        # Arrow string views share DuckDB's own string layout: less copying when publishing.
        con.execute("SET produce_arrow_string_view = true")
        db.create_parse_macros(con)
        _load_lookups(con)
        if profiles is None:
            from .profiles import saved_profiles

            profiles = saved_profiles()
        reader = Reader(con, profiles=profiles)
        size_errors, readable = [], []
        for path, name in files:
            if path.is_file() and (problem := check_size(path.stat().st_size)):
                size_errors.append(RefusalError(name, problem))
            else:
                readable.append((path, name))
        reader.read(readable, progress and (lambda share, name: progress(0.6 * share, name)))
        if lists:  # factory lists (and the dataset they are merged into): factory_lists.py
            from .factory_lists import extend

            extend(reader, list(lists), store)
        batch = notices.read(notice_sources, len(reader.sources) + 1, max_file_bytes())
        errors = size_errors + reader.errors + batch.errors
        if not files and not lists and not notice_sources:
            errors.append(refusal("", "no_files"))
        elif not errors and not any(s.table == "contracts" for s in reader.sources):
            errors.append(
                refusal(", ".join(name for _, name in files), "no_contracts", ["contracts"])
            )
        if errors:
            raise Refused(errors)
        reader.finish()
        con.execute(
            "CREATE TABLE source_files (file_no INTEGER, file_name VARCHAR, sheet VARCHAR, "
            "table_name VARCHAR)"
        )
        con.executemany(
            "INSERT INTO source_files VALUES (?, ?, ?, ?)",
            [(s.file_no, s.file, s.sheet, s.table) for s in reader.sources],
        )
        _parse_tables(con, reader, progress)
        for name in schema.TABLE_ORDER:
            # keys and references in order: a child's check needs its parent's final verdicts
            _check_keys(con, schema.TABLES[name])
        _collect_rejects(con)
        notices.stage(con, batch)
        _count_rows(con, reader.sources)
        v = Validation(con, reader.sources + batch.sources)
        v.counts = {
            name: con.execute(
                f"SELECT count(*) FROM checked_{name} WHERE len(errors) = 0"
            ).fetchall()[0][0]
            for name in schema.TABLE_ORDER
        }
        if notice_sources:
            v.counts[notices.TABLE] = batch.table.num_rows
        if v.counts["contracts"] == 0:
            raise Refused([_no_contracts(v)])
        if progress:
            progress(1.0, "checked")
        return v
    except BaseException:
        con.close()
        raise


def _no_contracts(v: Validation) -> RefusalError:
    """The refusal of an import that would leave no contracts: none read, or all rejected
    (with the commonest reasons, so that the person sees what to mend)."""
    files = [s for s in v.sources if s.table == "contracts"]
    names = ", ".join(s.file + (f" [{s.sheet}]" if s.sheet else "") for s in files)
    read = sum(s.rows_read for s in files)
    if read == 0:
        return RefusalError(
            names,
            "has no data rows: the import would leave no contracts, and is refused",
            ["contracts"],
        )
    reasons = Counter(
        r["reason"] for r in v.rejects("en") if r["table"] == "contracts"
    ).most_common(3)
    return RefusalError(
        names,
        f"all {read} data rows are rejected, so the import would leave no contracts, and is "
        "refused; the commonest reasons: " + "; ".join(f"{r} ({n})" for r, n in reasons),
        ["contracts"],
    )


def contract_loss(v: Validation, cur) -> Loss:
    """How many of the current dataset's contracts the import would drop; `cur` is a cursor
    on the database (the published one, or the next version being written)."""
    ids = v.con.sql(
        "SELECT DISTINCT contract_id FROM checked_contracts WHERE len(errors) = 0"
    ).to_arrow_table()
    cur.register("incoming_contract_ids", ids)
    try:
        row = db.run(cur, "import_contract_loss").iloc[0]
    finally:
        cur.unregister("incoming_contract_ids")
    return Loss(
        current=int(row["current_contracts"]),
        lost=int(row["lost_contracts"]),
        incoming=int(ids.num_rows),
        limit=float(settings.load()["import"]["confirm_contract_loss"]),
    )


def _count_rows(con, sources) -> None:
    """rows_read of every source: its rows in the checked table (one per data row read)."""
    for name in schema.TABLE_ORDER:
        counts = dict(
            con.execute(f"SELECT file_no, count(*) FROM checked_{name} GROUP BY file_no").fetchall()
        )
        for s in sources:
            if s.table == name:
                s.rows_read = counts.get(s.file_no, 0)


def _load_lookups(con) -> None:
    """Enumeration and country names, folded, as lookup tables (data, never SQL text)."""
    con.execute("CREATE TABLE enum_lookup (column_name VARCHAR, key VARCHAR, value VARCHAR)")
    rows = []
    for table in schema.TABLES.values():
        for col in table.columns:
            for canonical, alias in col.values.items():
                rows += [(col.name, canonical, canonical), (col.name, alias, canonical)]
    con.execute(
        "INSERT INTO enum_lookup SELECT DISTINCT c, em_fold(k), v "
        "FROM (SELECT unnest($c) AS c, unnest($k) AS k, unnest($v) AS v)",
        {"c": [r[0] for r in rows], "k": [r[1] for r in rows], "v": [r[2] for r in rows]},
    )
    # The country's code, English and Norwegian names, and the other names it goes by
    # (ISO 3166's own English short names such as `Viet Nam`, `Türkiye`; common variants).
    names = geo.every_country_name()
    con.execute(
        "CREATE TABLE country_lookup AS "
        "SELECT DISTINCT em_fold(k) AS key, alpha2 "
        "FROM (SELECT unnest($codes) AS alpha2, unnest($names) AS k) WHERE k IS NOT NULL",
        {"codes": [code for code, _ in names], "names": [name for _, name in names]},
    )


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
        # These words fold to themselves: the same answer as em_parse_bool, without the fold.
        return (
            (
                f"CASE WHEN {raw} IS NULL THEN NULL "
                f"WHEN {raw} IN ('ja', 'yes', 'true', '1', 'x') THEN TRUE "
                f"WHEN {raw} IN ('nei', 'no', 'false', '0') THEN FALSE "
                f"ELSE em_parse_bool({raw}) END"
            ),
            None,
        )
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


def _parse_tables(con, reader: Reader, progress=None) -> None:
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


def _check_keys(con, table: schema.Table) -> None:
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
    # A problem found while reading a row: `code`, or `code<US>column<US>value` (see reading).
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


def _collect_rejects(con) -> None:
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


def publish(
    v: Validation,
    store: db.Store,
    user: str | None = None,
    note: str | None = None,
    allow_loss: bool = False,
) -> int:
    """Make the validated export the current dataset, in one step (db.Store.publishing: written
    beside the published file, then published by one rename). Returns its id."""
    with store.publishing() as cur:
        # Judged on the data this version replaces, under the publishing lock: what the page
        # showed at its check may have changed since. Raising here publishes nothing.
        loss = contract_loss(v, cur)
        if loss.needs_confirmation and not allow_loss:
            raise LossNotConfirmed(loss)
        import_id = cur.execute("SELECT coalesce(max(import_id), 0) + 1 FROM imports").fetchall()[
            0
        ][0]
        for name in schema.TABLE_ORDER:
            table = schema.TABLES[name]
            cols = ", ".join(table.column_names)
            # In file order: checked tables are kept so (see _parse_table).
            accepted = v.con.sql(
                f"SELECT {cols} FROM checked_{name} WHERE len(errors) = 0"
            ).to_arrow_table()
            cur.register("incoming", accepted)
            cur.execute(
                f"INSERT INTO {name} (import_id, {cols}) SELECT $id, {cols} FROM incoming",
                {"id": import_id},
            )
            cur.unregister("incoming")
        notices.publish(v.con, cur, import_id)
        rejected = v.con.sql(
            "SELECT table_name, file, sheet, line, column_name, value, code, detail "
            "FROM rejected ORDER BY file_no, line"
        ).to_arrow_table()
        cur.register("incoming", rejected)
        cur.execute("INSERT INTO rejects SELECT $id, * FROM incoming", {"id": import_id})
        cur.unregister("incoming")
        unknown = v.con.sql(
            "SELECT s.table_name, s.file_name, s.sheet, u.line, u.column_name, u.value "
            "FROM raw_unknown AS u JOIN source_files AS s USING (file_no) "
            "ORDER BY u.file_no, u.line"
        ).to_arrow_table()
        cur.register("incoming", unknown)
        cur.execute("INSERT INTO unknown_values SELECT $id, * FROM incoming", {"id": import_id})
        cur.unregister("incoming")
        for f, s in zip(v.files(), v.sources, strict=True):
            cur.execute(
                "INSERT INTO import_files VALUES ($id, $file_no, $file, $sheet, $table, "
                "$size, $sha, $enc, $delim, $read, $imported, $rejected, $unknown)",
                {
                    "id": import_id,
                    "file_no": s.file_no,
                    "file": f["file"],
                    "sheet": f["sheet"],
                    "table": f["table"],
                    "size": f["size_bytes"],
                    "sha": f["sha256"],
                    "enc": f["encoding"],
                    "delim": f["delimiter"],
                    "read": f["rows_read"],
                    "imported": f["rows_imported"],
                    "rejected": f["rows_rejected"],
                    "unknown": f["unknown_columns"],
                },
            )
        headers = [
            (import_id, s.file, s.sheet, name, str(s.header[i]))
            for s in v.sources
            for i, name in s.mapping.items()
        ]
        if headers:
            cur.executemany("INSERT INTO import_columns VALUES (?, ?, ?, ?, ?)", headers)
        cur.execute(db.sql("derive_contract_links"))
        # Last: this row is what makes the new dataset current for every reader.
        cur.execute(
            "INSERT INTO imports VALUES ($id, 'import', $id, $at, $user, $note)",
            {"id": import_id, "at": datetime.now(), "user": user, "note": note},
        )
    return import_id
