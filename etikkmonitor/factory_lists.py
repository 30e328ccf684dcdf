"""Suppliers' factory lists in Open Supply Hub's format, read as the factories of one contract.

Brands and suppliers exchange factory lists in the format Open Supply Hub (formerly the Open
Apparel Registry) takes for a list upload: CSV or XLSX with `country`, `name` and `address`
required (opensupplyhub/open-supply-hub, src/django/api/constants.py, `FileHeaderField`) and
optional columns such as `lat`, `lng`, `sector`, `product_type`, `facility_type`,
`processing_type`, `number_of_workers`, `parent_company` and `os_id`. Such a list carries no
contract and no social-dialogue status: it is read as the factories of the contract named at
import, every row as `not_reported` unless the current dataset already holds that factory for
that contract (its status and the other follow-up columns are then kept: a new list of the same
supplier does not wipe what the supplier has reported).

The list becomes a `factories` source of the import like any other file (same checks, same
reject report by file and line); an import of lists alone is merged into the current dataset,
whose tables are read back in as sources (see `add_current_dataset`), the lists' contracts'
factories replaced by the lists.

A factory's id is its OS ID when the row has one; else the id of the factory of the current
dataset it is recognised as (same OS ID, or the same normalised name, address and country, or
a match a person confirmed: etikkmonitor/factory_match.py); else a stable id derived from its
normalised name, address and country, so the same factory keeps its id from one import to the
next.
"""

from __future__ import annotations

import csv
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import factory_match, schema
from .guards import check_size
from .reading import (
    CSV_SUFFIXES,
    XLSX_SUFFIXES,
    Reader,
    RefusalError,
    cell_text,
    csv_rows,
    decode,
    detect_delimiter,
    fold,
)

MAX_LIST_ROWS = 200_000  # a supplier's list has hundreds of rows; this bounds a hostile one

# Open Supply Hub's list headers -> our factories columns. Other headers are kept aside and
# reported as unknown columns, as the export contract does for any file.
OSH_COLUMNS = {
    "country": "country",
    "name": "factory_name",
    "address": "address",
    "lat": "latitude",
    "lng": "longitude",
    "os_id": "os_id",
    "number_of_workers": "workers",
}
OSH_REQUIRED = ("country", "name", "address")
# Follow-up columns a list does not carry: kept from the current dataset for a known factory.
FOLLOW_UP = (
    "central",
    "dialogue_status",
    "dialogue_tool",
    "dialogue_started",
    "workers_trained",
    "worker_committee",
    "partner",
    "city",
)
NOT_REPORTED = "not_reported"
_RANGE = re.compile(r"\s*\d[\d\s]*[-–]\s*\d[\d\s]*")


@dataclass(frozen=True)
class FactoryList:
    """A file to read as Open Supply Hub list, for one contract."""

    path: Path
    name: str
    contract_id: str


def is_osh_header(con, header: list) -> bool:
    """A header that has Open Supply Hub's required columns and not our factories' own."""
    keys = set(fold(con, [str(h) if h is not None else "" for h in header]))
    return set(OSH_REQUIRED) <= keys and not keys & {"factory_id", "fabrikk_id"}


def read_table_file(path: Path, file: str):
    """(sheet, header, rows as (line, values, row_error), encoding, delimiter) or a refusal.
    The first sheet of a workbook; a CSV file decoded line by line as reading.decode does
    (a line not in the file's encoding is a rejected row, never mojibake). Bounded: the
    header by guards.check_header, the rows by MAX_LIST_ROWS."""
    from .guards import check_header, printable

    suffix = Path(file).suffix.lower()
    if suffix in XLSX_SUFFIXES:
        import openpyxl

        from .guards import check_xlsx

        problem = check_xlsx(path)
        if problem:
            return RefusalError(file, problem)
        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as e:  # noqa: BLE001 - any unreadable workbook is refused, never a traceback
            return RefusalError(file, f"cannot be read as a workbook: {type(e).__name__}")
        try:
            sheet = wb.sheetnames[0]
            ws = wb[sheet]
            ws.reset_dimensions()  # its stated size may be wrong either way (see reading.py)
            header = list(next(ws.iter_rows(max_row=1, values_only=True), None) or ())
            while header and (header[-1] is None or str(header[-1]).strip() == ""):
                header.pop()
            where = f"{file} [{printable(sheet)}]"
            if not header:
                return RefusalError(where, "has no header row")
            if problem := check_header(header):
                return RefusalError(where, problem)
            body = []
            for line, row in enumerate(
                ws.iter_rows(min_row=2, max_col=len(header), values_only=True), start=2
            ):
                if not any(v is not None for v in row):
                    continue  # blank rows are not data rows
                if len(body) >= MAX_LIST_ROWS:
                    return RefusalError(file, f"has more than {MAX_LIST_ROWS} rows")
                body.append((line, [cell_text(v) for v in row], None))
            return printable(sheet), [cell_text(h) or "" for h in header], body, None, None
        except Exception as e:  # noqa: BLE001 - a damaged sheet is refused, never a traceback
            return RefusalError(file, f"cannot be read: the sheet is damaged ({type(e).__name__})")
        finally:
            wb.close()
    if suffix not in CSV_SUFFIXES:
        return RefusalError(file, f"unknown file type {suffix or '(none)'}: use .csv or .xlsx")
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04") or b"\x00" in data[:4096]:
        return RefusalError(file, "is named .csv but is not a text file")
    text, encoding, flagged = decode(data)
    header_line, _, body_text = text.partition("\n")
    if not header_line.strip():
        return RefusalError(file, "has no header row")
    if 1 in flagged:
        return RefusalError(file, "its header row (line 1) is not in the file's encoding")
    delimiter = detect_delimiter(header_line)
    header = next(csv.reader([header_line], delimiter=delimiter))
    if problem := check_header(header):
        return RefusalError(file, problem)
    body = []
    try:
        for row in csv_rows(body_text, delimiter, len(header), flagged):
            if len(body) >= MAX_LIST_ROWS:
                return RefusalError(file, f"has more than {MAX_LIST_ROWS} rows")
            body.append(row)
    except csv.Error as e:
        return RefusalError(file, f"cannot be read as CSV: {printable(str(e))}")
    return None, header, body, encoding, delimiter


def _countries(con, names: list[str | None]) -> list[str | None]:
    """Each country name or code as its alpha-2 code (the import's own lookup), else None."""
    if not names:
        return []
    rows = con.execute(
        "SELECT i, l.alpha2 FROM unnest($names) WITH ORDINALITY AS t(n, i) "
        "LEFT JOIN country_lookup AS l ON l.key = em_fold(t.n) ORDER BY i",
        {"names": [n or "" for n in names]},
    ).fetchall()
    return [r[1] for r in rows]


def add_list(reader: Reader, item: FactoryList, known: factory_match.Known) -> None:
    """Read one list as a factories source of `reader`; header problems become refusals."""
    con = reader.con
    file = Path(item.name).name
    path = Path(item.path)
    if not path.is_file():
        reader.errors.append(RefusalError(file, f"cannot read {path}: no such file"))
        return
    problem = check_size(path.stat().st_size)  # the same limit as any file of an import
    if problem:
        reader.errors.append(RefusalError(file, problem))
        return
    got = read_table_file(path, file)
    if isinstance(got, RefusalError):
        reader.errors.append(got)
        return
    sheet, header, body, encoding, delimiter = got
    contract_id = (item.contract_id or "").strip()
    if not contract_id:
        reader.errors.append(RefusalError(file, "a factory list needs the contract it belongs to"))
        return
    keys = fold(con, header)
    position: dict[str, int] = {}
    unknown: dict[int, str] = {}
    for i, (raw, key) in enumerate(zip(header, keys, strict=True)):
        if key in OSH_COLUMNS and key not in position:
            position[key] = i
        elif key or str(raw).strip():
            unknown[i] = str(raw)
    missing = [c for c in OSH_REQUIRED if c not in position]
    if missing:
        reader.errors.append(
            RefusalError(
                file,
                "missing required column(s) for an Open Supply Hub factory list: "
                + ", ".join(missing),
                missing,
            )
        )
        return

    def cell(values, key):
        i = position.get(key)
        if i is None or i >= len(values):
            return None
        v = values[i]
        return None if v is None or str(v).strip() == "" else str(v).strip()

    countries = _countries(con, [cell(v, "country") for _, v, _ in body])
    table = schema.TABLES["factories"]
    ours = [c for c in table.column_names if c in set(OSH_COLUMNS.values()) | set(FOLLOW_UP)]
    out_columns = ["factory_id", "contract_id"] + ours
    labels = {
        ours_name: header[position[osh]]
        for osh, ours_name in OSH_COLUMNS.items()
        if osh in position
    }
    extra = list(unknown.items())
    range_at = len(out_columns) + len(extra)  # a worker range is kept aside, not as a count
    out_header = [labels.get(c, c) for c in out_columns] + [h for _, h in extra]
    out_header.append(
        f"{header[position['number_of_workers']]} (range)"
        if "number_of_workers" in position
        else ""
    )
    mapping = {i: c for i, c in enumerate(out_columns)}
    out_unknown = {len(out_columns) + j: h for j, (_, h) in enumerate(extra)}
    if "number_of_workers" in position:
        out_unknown[range_at] = out_header[range_at]

    rows = []
    identities = []
    for (line, values, row_error), alpha2 in zip(body, countries, strict=True):
        name, address, country = (
            cell(values, "name"),
            cell(values, "address"),
            cell(values, "country"),
        )
        os_id = cell(values, "os_id")
        if os_id:
            os_id = os_id.replace("-", "").replace(" ", "")
        incoming = factory_match.Incoming(name, address, alpha2 or country, os_id)
        factory_id, how = known.resolve(incoming, contract_id)
        identities.append((line, incoming.key, factory_id, how, name, address, alpha2, os_id))
        previous = known.follow_up(factory_id, contract_id)
        workers = cell(values, "number_of_workers")
        worker_range = None
        if workers and _RANGE.fullmatch(workers):
            worker_range, workers = workers, None
        picked = {
            "factory_id": factory_id,
            "contract_id": contract_id,
            "factory_name": name,
            "country": country,
            "address": address,
            "latitude": cell(values, "lat"),
            "longitude": cell(values, "lng"),
            "workers": workers,
            "os_id": os_id,
        }
        follow = {c: previous.get(c) for c in FOLLOW_UP} if previous else {}
        if not follow.get("dialogue_status"):
            follow["dialogue_status"] = NOT_REPORTED
        out = [picked.get(c, follow.get(c)) for c in out_columns]
        out += [values[i] if i < len(values) else None for i, _ in extra]
        out.append(worker_range)
        rows.append((line, [None if v is None else str(v) for v in out], row_error))

    src = reader._new_source(
        Path(item.path), file, sheet, "factories", out_header, None, (mapping, out_unknown, [])
    )
    src.encoding, src.delimiter = encoding, delimiter
    reader._load_rows(src, rows)
    factory_match.record_identities(con, src.file_no, identities)


def add_current_dataset(reader: Reader, store, replaced_contracts: set[str]) -> None:
    """The current dataset's tables as sources of `reader`, so that an import of factory lists
    alone keeps everything else; the factories of `replaced_contracts` are left out (their
    lists replace them). Rows are read back as the export contract writes them and checked
    again like any file: they were accepted once, and pass again."""
    current = store.current_import_id()
    if current is None:
        return
    profiles, reader.profiles = reader.profiles, None  # our own format: read as it is
    with tempfile.TemporaryDirectory(prefix="etikkmonitor-current-") as tmp:
        cur = store.cursor()
        try:
            for name in schema.TABLE_ORDER:
                table = schema.TABLES[name]
                cols = ", ".join(table.column_names)
                where = "import_id = $id"
                params: dict = {"id": current}
                if name == "factories" and replaced_contracts:
                    where += " AND NOT list_contains($replaced, contract_id)"
                    params["replaced"] = sorted(replaced_contracts)
                path = Path(tmp) / f"{name}.csv"
                rel = cur.sql(f"SELECT {cols} FROM {name} WHERE {where}", params=params)
                # DuckDB writes dates ISO, numbers with a point and booleans as true/false:
                # all forms the contract reads.
                rel.write_csv(str(path), sep=";", header=True)
                before = len(reader.sources)
                reader.add(path, f"{name}.csv")
                for src in reader.sources[before:]:
                    src.file = f"{name} ({CURRENT_LABEL})"
        finally:
            cur.close()
            reader.profiles = profiles
    for src in reader.sources:
        if CURRENT_LABEL in src.file:
            src.path = Path(src.file)  # the temporary file is gone; nothing reads it again


CURRENT_LABEL = "gjeldende datasett"


def extend(reader: Reader, lists: list[FactoryList], store=None) -> None:
    """The importer's one hook: read `lists` into `reader` and, when the files hold no
    contracts, the current dataset of `store` beside them."""
    if not lists:
        return
    known = factory_match.Known.load(store)
    if store is not None and not any(s.table == "contracts" for s in reader.sources):
        add_current_dataset(reader, store, {x.contract_id.strip() for x in lists})
    for item in lists:
        add_list(reader, item, known)
