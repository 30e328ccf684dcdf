"""CSV text as the importer reads it: a file's encoding judged line by line, its delimiter,
spreadsheet cells as the text a CSV export would hold, and CSV records with the line each
starts on (a line in another encoding than its file's is flagged, so that its row is rejected).

reading.py (the export's files) and factory_lists.py (suppliers' lists) read text through here.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time

from .guards import printable

DELIMITERS = (";", "\t", ",")  # preference order when a header line counts the same
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
US = "\x1f"  # separates a row error's code, column and value (see csv_rows)
# csv's own limit (128 KiB a field) ends in an uncaught _csv.Error: a file is at most
# max_file_mb anyway, and a value longer than max_value_chars is a bad value (em_bad_text).
csv.field_size_limit(2**31 - 1)


def decode(data: bytes) -> tuple[str, str, dict[int, str]]:
    """The text (line ends as LF), the file's encoding, and the lines not valid in it.

    UTF-8 (with or without BOM) or Windows-1252, judged on all lines, never on one: the file
    is UTF-8 unless more of its lines are invalid UTF-8 than are UTF-8 with characters beyond
    ASCII. Each line is decoded on its own; a line that does not fit the file's encoding
    comes back in the third item (line number -> reason code), its undecodable bytes kept as
    surrogates (surrogateescape), so that its row is rejected, never read as mojibake."""
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        return data.decode("utf-8"), ("utf-8-sig" if bom else "utf-8"), {}
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    kinds = []  # None: ASCII; True: UTF-8 beyond ASCII; False: not UTF-8
    for line in lines:
        if line.isascii():
            kinds.append(None)
            continue
        try:
            line.decode("utf-8")
            kinds.append(True)
        except UnicodeDecodeError:
            kinds.append(False)
    utf8 = bom or kinds.count(True) >= kinds.count(False)
    text, flagged = [], {}
    for no, (line, kind) in enumerate(zip(lines, kinds, strict=True), start=1):
        if kind is None:
            text.append(line.decode("ascii"))
        elif kind:
            text.append(line.decode("utf-8"))
            if not utf8:
                flagged[no] = "utf8_in_cp1252"
        elif utf8:
            text.append(line.decode("utf-8", "surrogateescape"))
            flagged[no] = "not_utf8"
        else:
            try:
                text.append(line.decode("cp1252"))
            except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D mean nothing in it
                text.append(line.decode("cp1252", "surrogateescape"))
                flagged[no] = "not_cp1252"
    return "\n".join(text), ("utf-8-sig" if bom else "utf-8") if utf8 else "cp1252", flagged


def detect_delimiter(header_line: str) -> str:
    counts = {d: next(csv.reader([header_line], delimiter=d), []) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: (len(counts[d]), -DELIMITERS.index(d)))


def cell_text(value) -> str | None:
    """A spreadsheet cell as the text a CSV export would hold."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        # A decimal comma: a dot followed by three digits would read as thousands grouping.
        return format(value, "f").rstrip("0").replace(".", ",")
    return str(value)


def body_lines(body: str) -> int | None:
    """Data lines of a body (the text after the header), None if empty or with a blank line."""
    body = body.rstrip("\n")
    if not body or _BLANK_LINE.search(f"\n{body}\n"):
        return None
    return body.count("\n") + 1


def plain_body_lines(data: bytes) -> int | None:
    """The data lines of a plain UTF-8 file with LF line ends, header included; None if there
    are none or the last is blank. A blank line inside is not looked for: DuckDB skips it, and
    then reads fewer rows than this count, which sends the file the general way."""
    start = data.find(b"\n")
    end = len(data)
    while end > start + 1 and data[end - 1] == 0x0A:
        end -= 1  # trailing line ends
    if start < 0 or end <= start + 1:
        return None
    last = data.rfind(b"\n", start, end)
    if not data[last + 1 : end].strip(b" \t"):
        return None
    return data.count(b"\n", start + 1, end) + 1


def csv_rows(body: str, delimiter: str, width: int, flagged=None, columns=None):
    """(line, values, row_error) for each record, with the line the record starts on.
    `flagged`: lines not in the file's encoding (see decode), whose records are rejected:
    the row error names the code, the first column whose value holds such bytes (`columns`:
    position -> canonical name) and that value, bytes as \\xNN: `code<US>column<US>value`."""
    reader = csv.reader(io.StringIO(body), delimiter=delimiter)
    previous_end = 1  # the header is line 1
    try:
        for values in reader:
            start = previous_end + 1
            previous_end = reader.line_num + 1
            error = None
            if flagged:
                code = next(
                    (flagged[n] for n in range(start, previous_end + 1) if n in flagged), None
                )
                if code:
                    error = _encoding_error(code, values, columns or {})
                    values = [_SURROGATE.sub(_byte, v) for v in values]
            extra = [v for v in values[width:] if v.strip()]
            yield start, values, error or ("too_many_fields" if extra else None)
    except csv.Error as e:
        raise csv.Error(f"line {previous_end + 1}: {e}") from None


_SURROGATE = re.compile("[\udc80-\udcff]")


def _byte(m: re.Match) -> str:
    return f"\\x{ord(m.group()) - 0xDC00:02x}"


def _encoding_error(code: str, values: list[str], columns: dict[int, str]) -> str:
    """The row error of a record on a line in another encoding: the first value with bytes
    that are not text (or, for a UTF-8 line in a Windows-1252 file, beyond ASCII)."""
    pick = next((i for i, v in enumerate(values) if _SURROGATE.search(v)), None)
    if pick is None:
        pick = next((i for i, v in enumerate(values) if not v.isascii()), None)
    if pick is None:
        return code  # the bytes are on a line of a quoted value's other lines
    return US.join((code, columns.get(pick, ""), printable(values[pick])))
