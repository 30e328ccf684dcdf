"""Import: validate an export in a private in-memory database, then publish it in one step.

Phase 1 (`validate`) reads the files (reading.py), parses and checks every value in SQL
(checking.py) and sets bad rows aside with file, line, column, value and reason. It never opens the dashboard's database, so a
refused import leaves that file byte for byte as it was.
Phase 2 (`publish`) writes the accepted rows, the rejects and the log entry in one transaction.
The command line and the dashboard's importer page both go through these two functions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from . import checking, db, geo, schema, settings
from .eforms import load as notices
from .eforms.sources import split as split_notices
from .guards import check_size, max_file_bytes
from .reading import Reader, RefusalError, Refused, refusal


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
        checking.parse_tables(con, reader, progress)
        for name in schema.TABLE_ORDER:
            # keys and references in order: a child's check needs its parent's final verdicts
            checking.check_keys(con, schema.TABLES[name])
        checking.collect_rejects(con)
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
            cols = ", ".join(schema.TABLES[name].column_names)
            # In file order: checked tables are kept so (see checking._parse_table).
            accepted = v.con.sql(f"SELECT {cols} FROM checked_{name} WHERE len(errors) = 0")
            db.add_rows(cur, f"{name} (import_id, {cols})", accepted.to_arrow_table(), import_id)
        notices.publish(v.con, cur, import_id)
        rejected = v.con.sql(
            "SELECT table_name, file, sheet, line, column_name, value, code, detail "
            "FROM rejected ORDER BY file_no, line"
        )
        db.add_rows(cur, "rejects", rejected.to_arrow_table(), import_id)
        unknown = v.con.sql(
            "SELECT s.table_name, s.file_name, s.sheet, u.line, u.column_name, u.value "
            "FROM raw_unknown AS u JOIN source_files AS s USING (file_no) "
            "ORDER BY u.file_no, u.line"
        )
        db.add_rows(cur, "unknown_values", unknown.to_arrow_table(), import_id)
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
