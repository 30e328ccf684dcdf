"""Reading export files into raw staging tables, one VARCHAR column per contract column.

Nothing here judges values: it finds the table each file holds, maps its headers to the
contract's names (headers.py), decodes its text (textfiles.py) and loads every data row with the
file's own line number. A file that cannot be read at all raises `Refused` (refusals.py), before
anything is written anywhere.
"""

from __future__ import annotations

import csv
import hashlib
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from . import schema
from .guards import check_header, printable
from .headers import fold, map_header, table_for
from .refusals import RefusalError, Refused, refusal, short_error, unknown_table
from .textfiles import body_lines, cell_text, csv_rows, decode, detect_delimiter, plain_body_lines

# Names other modules and the tests import from here (refusals, headers and text decoding
# used to live in this module).
__all__ = [
    "CSV_SUFFIXES",
    "ROW_ERROR",
    "XLSX_SUFFIXES",
    "Reader",
    "RefusalError",
    "Refused",
    "Source",
    "cell_text",
    "csv_rows",
    "decode",
    "detect_delimiter",
    "fold",
    "map_header",
    "refusal",
    "table_for",
]

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
ROW_ERROR = "_row_error"  # a raw-table column for problems found while reading a row
EXCEL_MAX_ROWS = 1_048_576  # a sheet row beyond Excel's last is a broken or hostile file


@dataclass
class Source:
    """One table as found in one file (a CSV file, or one sheet of a workbook)."""

    file_no: int
    path: Path
    file: str  # base name, as reports show it
    sheet: str | None
    table: str
    header: list[str]
    mapping: dict[int, str]  # header position -> canonical column
    unknown: dict[int, str]  # header position -> header as written
    size_bytes: int
    sha256: str
    encoding: str | None = None
    delimiter: str | None = None
    rows_read: int = 0
    # (relation, its column names, line expression, row-error expression), for finish()
    part: tuple[str, list[str], str, str] | None = field(default=None, repr=False)


def _digest(path: Path, data: bytes | None = None) -> tuple[int, str]:
    if data is not None:  # already read
        return len(data), hashlib.sha256(data).hexdigest()
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return size, h.hexdigest()


class Reader:
    """Loads each source into a table of its own (src_<n>) of a private in-memory DuckDB;
    `finish` then gives every contract table a raw_<table> view over its sources."""

    def __init__(self, con: duckdb.DuckDBPyConnection, prefix: str = "src", profiles=None):
        self.con = con
        self.profiles = profiles  # column-mapping profiles (profiles.py) files may be read by
        self.sources: list[Source] = []
        self.errors: list[RefusalError] = []
        self._prefix = prefix  # of the sources' table names: one per file read side by side

    def read(self, files: list[tuple[Path, str | None]], progress=None, workers: int = 2) -> None:
        """Read `files` (path, name given) two at a time, each on a cursor of its own: while
        DuckDB reads one file, Python checks and hashes the next. Sources are numbered and
        errors listed in file order, whatever order the reading finished in. `progress(share,
        name)` is called in this thread as each file is read."""

        def size(i: int) -> int:
            try:
                return Path(files[i][0]).stat().st_size
            except OSError:
                return 0

        def read_one(i: int) -> Reader:
            cur = self.con.cursor()
            try:
                one = Reader(cur, prefix=f"src{i}", profiles=self.profiles)
                one.add(*files[i])
                return one
            finally:
                cur.close()

        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="em-read")
        try:
            # the largest first, so that the last to finish is a small one
            futures = {
                pool.submit(read_one, i): i
                for i in sorted(range(len(files)), key=size, reverse=True)
            }
            done: dict[int, Reader] = {}
            for future in as_completed(futures):
                i = futures[future]
                done[i] = future.result()  # re-raises a failure here
                if progress:
                    progress(len(done) / len(files), Path(files[i][1] or files[i][0]).name)
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
        pool.shutdown()
        for one in (done[i] for i in range(len(files))):
            for src in one.sources:
                src.file_no = len(self.sources) + 1
                self.sources.append(src)
            self.errors.extend(one.errors)

    # --- files ---------------------------------------------------------------------------

    def add(self, path: Path, name: str | None = None) -> None:
        """Read one file. `name` is the name the user gave it (an upload is stored under a
        name of our own): it finds the table and names the file in reports, never a path."""
        path = Path(path)
        file = printable(Path(name).name if name else path.name)
        if not path.is_file():
            self.errors.append(refusal(file, "no_such_file", path=path))
            return
        suffix = Path(file).suffix.lower()
        try:
            with path.open("rb") as f:
                head = f.read(4096)
        except OSError as e:
            self.errors.append(refusal(file, "unreadable", error=e.strerror))
            return
        if self.profiles and suffix in XLSX_SUFFIXES | CSV_SUFFIXES:
            from .profiles import read_with_profile

            if read_with_profile(self, path, file):
                return
        if suffix in XLSX_SUFFIXES:
            if not head.startswith(b"PK\x03\x04"):
                self.errors.append(refusal(file, "not_xlsx"))
                return
            self._add_xlsx(path, file)
        elif suffix in CSV_SUFFIXES:
            # A NUL in a value is a bad value of its row (em_bad_text); a text with many is
            # binary, or UTF-16, which the contract does not accept.
            if head.startswith((b"PK\x03\x04", b"\xff\xfe", b"\xfe\xff")) or (
                head.count(b"\x00") > len(head) // 100
            ):
                self.errors.append(refusal(file, "not_text"))
                return
            self._add_csv(path, file)
        else:
            self.errors.append(refusal(file, "file_type", suffix=suffix or "–"))

    def _new_source(
        self, path, file, sheet, table_name, header, data=None, mapped=None
    ) -> Source | None:
        """The source of `header`, or None with its header problems among the errors.
        `mapped`: map_header's answer for this header, where the caller has it already."""
        table = schema.TABLES[table_name]
        mapping, unknown, errors = mapped or map_header(self.con, table, header, file)
        if errors:
            self.errors.extend(errors)
            return None
        size, digest = _digest(path, data)
        src = Source(
            file_no=len(self.sources) + 1,  # within this reader; read() numbers them all
            path=path,
            file=file,
            sheet=sheet,
            table=table_name,
            header=[printable(str(h)) if h is not None else "" for h in header],
            mapping=mapping,
            unknown=unknown,
            size_bytes=size,
            sha256=digest,
        )
        self.sources.append(src)
        return src

    def _add_csv(self, path: Path, file: str) -> None:
        table_name = table_for(self.con, Path(file).stem)
        if table_name is None:
            self.errors.append(unknown_table(file, Path(file).stem))
            return
        data = path.read_bytes()
        kept = len(self.sources)
        try:
            if not self._add_plain_csv(path, file, table_name, data):
                self._add_text_csv(path, file, table_name, data)
        except csv.Error as e:  # csv is lenient: kept as a refusal, never a traceback
            del self.sources[kept:]
            self.errors.append(RefusalError(file, f"cannot be read as CSV: {printable(str(e))}"))

    def _add_text_csv(self, path: Path, file: str, table_name: str, data: bytes) -> None:
        """The general way: decoded line by line in Python (see decode)."""
        text, encoding, flagged = decode(data)
        header_line, _, body = text.partition("\n")
        if not header_line.strip():
            self.errors.append(refusal(file, "no_header"))
            return
        if 1 in flagged:
            names = {"not_utf8": "UTF-8", "not_cp1252": "Windows-1252"}
            self.errors.append(
                RefusalError(
                    file,
                    f"its header row (line 1) is not {names.get(flagged[1], 'Windows-1252')} "
                    f"text as the rest of the file is: save the whole file as UTF-8",
                )
            )
            return
        delimiter = detect_delimiter(header_line)
        header = next(csv.reader([header_line], delimiter=delimiter))
        if problem := check_header(header):
            self.errors.append(RefusalError(file, problem))
            return
        src = self._new_source(path, file, None, table_name, header, data)
        if src is None:
            return
        src.encoding, src.delimiter = encoding, delimiter
        # DuckDB reads a UTF-8 copy: not where lines keep bytes that are not text
        if not flagged and self._load_csv_duckdb(src, None, body_lines(body), body):
            return
        self._load_rows(src, csv_rows(body, delimiter, len(header), flagged, src.mapping))

    def _add_plain_csv(self, path: Path, file: str, table_name: str, data: bytes) -> bool:
        """UTF-8 without a BOM, with LF line ends (most exports): DuckDB reads the file as it
        is, and checks its UTF-8 itself, so no decoded copy of a 40 MB text is made. False
        (nothing kept) for any other file, or one DuckDB cannot read with certain line
        numbers: the general way reads it, and reports what is wrong."""
        if data.startswith(b"\xef\xbb\xbf") or b"\r" in data:
            return False
        end = data.find(b"\n")
        try:
            header_line = (data if end < 0 else data[:end]).decode("utf-8")
        except UnicodeDecodeError:
            return False
        if not header_line.strip():
            return False
        delimiter = detect_delimiter(header_line)
        header = next(csv.reader([header_line], delimiter=delimiter))
        if check_header(header):
            return False  # refused the general way
        mapped = map_header(self.con, schema.TABLES[table_name], header, file)
        if mapped[2]:
            return False  # a header problem: reported the general way
        src = self._new_source(path, file, None, table_name, header, data, mapped)
        src.encoding, src.delimiter = "utf-8", delimiter
        if self._load_csv_duckdb(src, path, plain_body_lines(data)):
            return True
        self.sources.remove(src)  # not valid UTF-8, ragged, or lines DuckDB would skip
        return False

    def _load_csv_duckdb(self, src: Source, original, n_lines, body: str = "") -> bool:
        """DuckDB's own reader, with explicit columns: fast, but only where line numbers are
        certain (no blank lines, no line breaks inside quotes). False means: read it in Python.
        `original`: the file itself, when it is plain UTF-8 with LF line ends (no copy needed);
        else `body`, the text after the header, is written to a temporary file.
        `n_lines`: the data lines, None when the body is empty or has a blank line."""
        if n_lines is None:
            return False
        tmp = None
        if original is None:
            with tempfile.NamedTemporaryFile(
                "w", suffix=".csv", encoding="utf-8", delete=False
            ) as f:
                f.write(body.rstrip("\n"))
                tmp = Path(f.name)
        names = [f"c{i}" for i in range(len(src.header))]
        relation = f"{self._prefix}_{src.file_no}"
        try:
            self.con.execute(
                f"CREATE TABLE {relation} AS SELECT * FROM read_csv($path, "
                "delim=$delim, header=false, skip=$skip, auto_detect=false, columns=$columns, "
                "quote='\"', escape='\"', null_padding=true)",
                {
                    "path": str(tmp or original),
                    "skip": 0 if tmp else 1,
                    "delim": src.delimiter,
                    "columns": {n: "VARCHAR" for n in names},
                },
            )
        except duckdb.Error:
            return False  # ragged or odd rows: the Python reader says which, by line
        finally:
            if tmp:
                tmp.unlink(missing_ok=True)
        # DuckDB skips empty lines: a count below the lines means line numbers would be off.
        if self.con.execute(f"SELECT count(*) FROM {relation}").fetchall()[0][0] != n_lines:
            self.con.execute(f"DROP TABLE {relation}")
            return False
        self._add_part(relation, src, names, line_expr="rowid + 2")
        return True

    def _add_xlsx(self, path: Path, file: str) -> None:
        import openpyxl

        from .guards import check_xlsx

        problem = check_xlsx(path)
        if problem:
            self.errors.append(RefusalError(file, problem))
            return
        try:
            # data_only: a formula cell gives the value Excel last saved, never evaluated here.
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        # A hostile workbook can break openpyxl in any way: every failure is a refusal.
        except Exception as e:  # noqa: BLE001
            self.errors.append(
                RefusalError(file, f"cannot be read as a workbook: {short_error(e)}")
            )
            return
        try:
            sheets = wb.sheetnames
            for name in sheets:
                self._add_sheet(wb, path, file, name, len(sheets))
        except Exception as e:  # noqa: BLE001 (as above)
            self.errors.append(
                RefusalError(file, f"cannot be read as a workbook: {short_error(e)}")
            )
        finally:
            wb.close()

    def _add_sheet(self, wb, path: Path, file: str, name: str, n_sheets: int) -> None:
        sheet = printable(name)
        where = f"{file} [{sheet}]"
        table_name = table_for(self.con, name)
        if table_name is None and n_sheets == 1:
            table_name = table_for(self.con, Path(file).stem)
        if table_name is None:
            self.errors.append(unknown_table(where, sheet))
            return
        ws = wb[name]
        # Its stated size (the dimension part) may be wrong either way: openpyxl would pad every
        # row to a stated width and silently drop the rows below a stated last row.
        ws.reset_dimensions()
        header = list(next(ws.iter_rows(max_row=1, values_only=True), None) or ())
        while header and (header[-1] is None or str(header[-1]).strip() == ""):
            header.pop()  # a sheet's stated width (its dimension) may run past its columns
        if not header:
            self.errors.append(refusal(where, "no_header"))
            return
        if problem := check_header(header):
            self.errors.append(RefusalError(where, problem))
            return
        src = self._new_source(path, file, sheet, table_name, header)
        if src is None:
            return
        state = {"line": 1}

        def rows():
            # Cells beyond the header's width are not read; rows are counted as they come,
            # so that a row number past Excel's last (a gap openpyxl would fill row by row)
            # stops the reading.
            blank = None
            for line, row in enumerate(
                ws.iter_rows(min_row=2, max_col=len(header), values_only=True), start=2
            ):
                if line > EXCEL_MAX_ROWS:
                    raise _SheetError("has rows beyond row 1 048 576, Excel's last")
                if row is blank or not any(v is not None for v in row):
                    blank = row  # openpyxl gives a gap's rows as one tuple: skipped at once
                    continue  # blank rows are not data rows
                state["line"] = line
                yield line, [cell_text(v) for v in row], None

        try:
            self._load_rows(src, rows())
        # A corrupt cell (a saved value not of its type: <v>=...</v>), a broken part ...
        except Exception as e:  # noqa: BLE001
            self.sources.remove(src)
            message = (
                str(e)
                if isinstance(e, _SheetError)
                else f"cannot be read after row {state['line']}: the sheet is damaged ({short_error(e)})"
            )
            self.errors.append(RefusalError(where, message))

    # --- rows ----------------------------------------------------------------------------

    def _load_rows(self, src: Source, rows) -> None:
        """Rows as (line, values, row_error), through a DataFrame into the raw table."""
        width = len(src.header)
        lines, errors, columns = [], [], [[] for _ in range(width)]
        for line, values, row_error in rows:
            values = list(values[:width]) + [None] * (width - len(values))
            if all(v is None or str(v).strip() == "" for v in values) and not row_error:
                continue  # blank rows are not data rows
            lines.append(line)
            errors.append(row_error)
            for i, v in enumerate(values):
                columns[i].append(v)
        frame = pd.DataFrame(
            {"line": lines, "row_error": errors}
            | {f"c{i}": pd.Series(col, dtype="object") for i, col in enumerate(columns)}
        )
        if frame.empty:
            frame = pd.DataFrame(
                {"line": pd.Series([], dtype="int64"), "row_error": pd.Series([], dtype="object")}
                | {f"c{i}": pd.Series([], dtype="object") for i in range(width)}
            )
        frame = frame.astype({f"c{i}": "string" for i in range(width)} | {"row_error": "string"})
        relation = f"{self._prefix}_{src.file_no}"
        self.con.register("rows_in", frame)
        try:
            self.con.execute(f"CREATE TABLE {relation} AS SELECT * FROM rows_in")
        finally:
            self.con.unregister("rows_in")
        self._add_part(relation, src, [f"c{i}" for i in range(width)], "line", "row_error")

    def _add_part(self, relation, src, names, line_expr, error_expr="NULL") -> None:
        """Keep where the source's rows are, for its table's raw view (see finish)."""
        src.part = (relation, names, line_expr, error_expr)

    def finish(self) -> None:
        """raw_<table>: a view over the table's sources, in file order (nothing is copied), and
        raw_unknown: the values of columns the contract does not know. Blank rows are not data
        rows."""
        self.con.execute(
            "CREATE TABLE raw_unknown (file_no INTEGER, line BIGINT, "
            "column_name VARCHAR, value VARCHAR)"
        )
        parts: dict[str, list[str]] = {name: [] for name in schema.TABLE_ORDER}
        for src in self.sources:
            relation, names, line_expr, error_expr = src.part
            # "Some cell is not blank", so most rows stop at their first cell, most often at
            # its first character (printable ASCII); ltrim tells blank (spaces only) from not
            # as trim does, at a third of the cost.
            filled = (
                " OR ".join(f"ord({n}) BETWEEN 33 AND 126 OR ltrim({n}) <> ''" for n in names)
                or "TRUE"
            )
            table = schema.TABLES[src.table]
            picks = {c: names[i] for i, c in src.mapping.items()}
            cols = ", ".join(f"{picks.get(c, 'NULL::VARCHAR')} AS {c}" for c in table.column_names)
            parts[src.table].append(
                f"SELECT {src.file_no} AS file_no, CAST({line_expr} AS BIGINT) AS line, "
                f"CAST({error_expr} AS VARCHAR) AS {ROW_ERROR}, {cols} "
                f"FROM {relation} WHERE {filled} OR {error_expr} IS NOT NULL"
            )
            if src.unknown:
                # One scan for all unknown columns, each row unnested into (name, value): one
                # INSERT per column, each testing every column, was quadratic in the columns.
                values = ", ".join(names[i] for i in src.unknown)
                self.con.execute(
                    # control characters as \\xNN: these values are stored unchecked
                    "INSERT INTO raw_unknown SELECT $file_no, line, column_name, em_escape(value) "
                    "FROM ("
                    f"SELECT {line_expr} AS line, unnest($names) AS column_name, "
                    f"unnest([{values}]) AS value FROM {relation} WHERE {filled}) "
                    "WHERE nullif(trim(value), '') IS NOT NULL",
                    {"file_no": src.file_no, "names": list(src.unknown.values())},
                )
        for name in schema.TABLE_ORDER:
            table = schema.TABLES[name]
            if not parts[name]:
                cols = ", ".join(f"NULL::VARCHAR AS {c}" for c in table.column_names)
                none = "NULL::INTEGER AS file_no, NULL::BIGINT AS line"
                parts[name] = [f"SELECT {none}, NULL::VARCHAR AS {ROW_ERROR}, {cols} WHERE FALSE"]
            self.con.execute(f"CREATE VIEW raw_{name} AS " + " UNION ALL ".join(parts[name]))


class _SheetError(Exception):
    """A sheet that cannot be read on: its message is the refusal's."""
