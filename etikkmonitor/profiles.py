"""Column-mapping profiles: how to read an export whose headers and words are not the contract's.

A profile is a readable TOML file in the profiles folder (`data/profiles/`, or the folder
`$ETIKKMONITOR_PROFILES` names), made on the importer page or by hand:

    # Contracts from the register's own export
    name = "register-kontrakter"
    table = "contracts"                      # the table the file holds
    headers = ["Avtalenr", "Avtalenavn", ...] # the file's header set, as written
    [columns]                                # the file's header -> the contract's column
    "Avtalenr" = "contract_id"
    [values.dialogue_status]                 # the file's word -> the contract's value
    "Startet" = "in_progress"
    [values.high_risk]
    "J" = "yes"

A file whose header set is a profile's `headers` (folded as the contract folds header names) is
read through it by itself; the command line's `--profile NAME` reads every file through NAME.
A profile renames columns and replaces the words it lists, nothing else: every value is then
parsed and checked as always, so a row that does not parse after mapping is rejected and
reported with its file, line and original value. A profile never hides a reject.

Profiles are input like any file: each is checked when it is loaded (size, form, names of
tables, columns and values from the contract only), and one that fails is refused with a
message, never half used.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from . import schema
from .headers import fold, map_header, match_header, missing_required, repeated, table_for
from .reading import Reader, RefusalError

ROOT = Path(__file__).resolve().parent.parent
MAX_PROFILE_BYTES = 64 * 1024
MAX_ENTRIES = 500
MAX_TEXT = 200
NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
BOOL_VALUES = {"yes": "ja", "no": "nei"}  # what a yes/no word may be mapped to


class ProfileError(ValueError):
    """A profile that cannot be used, with the reason."""


def folder() -> Path:
    return Path(os.environ.get("ETIKKMONITOR_PROFILES", ROOT / "data" / "profiles"))


@dataclass(frozen=True)
class Profile:
    name: str
    table: str
    headers: tuple[str, ...]
    columns: dict[str, str] = field(default_factory=dict)  # file header -> our column
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # column -> word -> value
    forced: bool = False  # named by the user: read every file through it

    def to_toml(self) -> str:
        q = lambda s: json.dumps(str(s), ensure_ascii=False)
        lines = [
            f"# Column-mapping profile for Etikkmonitor (docs/dataeksport.md). Table: {self.table}",
            f"name = {q(self.name)}",
            f"table = {q(self.table)}",
            "headers = [" + ", ".join(q(h) for h in self.headers) + "]",
            "",
            "[columns]",
        ]
        lines += [f"{q(k)} = {q(v)}" for k, v in self.columns.items()]
        for column, words in self.values.items():
            if words:
                lines += ["", f"[values.{column}]"]
                lines += [f"{q(k)} = {q(v)}" for k, v in words.items()]
        return "\n".join(lines) + "\n"


def _text(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
        raise ProfileError(f"{what} must be a text of 1 to {MAX_TEXT} characters")
    if any(ord(ch) < 32 for ch in value):
        raise ProfileError(f"{what} must not hold control characters")
    return value


def parse(text: str, source: str = "profile") -> Profile:
    """A profile from TOML text, checked as hostile input."""
    if len(text.encode("utf-8")) > MAX_PROFILE_BYTES:
        raise ProfileError(f"{source}: larger than {MAX_PROFILE_BYTES // 1024} KB")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ProfileError(f"{source}: not valid TOML ({e})") from None
    unknown = set(data) - {"name", "table", "headers", "columns", "values"}
    if unknown:
        raise ProfileError(f"{source}: unknown key(s) {', '.join(sorted(unknown))}")
    name = data.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise ProfileError(f"{source}: name must be 1-64 lower-case letters, digits, '-' or '_'")
    table_name = data.get("table")
    if table_name not in schema.TABLES:
        raise ProfileError(f"{source}: table must be one of {', '.join(schema.TABLES)}")
    table = schema.TABLES[table_name]
    headers = data.get("headers", [])
    if not isinstance(headers, list) or len(headers) > MAX_ENTRIES:
        raise ProfileError(f"{source}: headers must be a list of at most {MAX_ENTRIES} texts")
    headers = tuple(_text(h, f"{source}: a header") for h in headers)
    columns = data.get("columns", {})
    if not isinstance(columns, dict) or len(columns) > MAX_ENTRIES:
        raise ProfileError(f"{source}: [columns] must be a table of at most {MAX_ENTRIES} entries")
    seen: dict[str, str] = {}
    for header, column in columns.items():
        _text(header, f"{source}: a header in [columns]")
        if column not in table.column_names:
            raise ProfileError(f"{source}: {column!r} is not a column of table {table_name}")
        if column in seen:
            raise ProfileError(f"{source}: {column} is mapped twice ({seen[column]!r}, {header!r})")
        seen[column] = header
    values = data.get("values", {})
    if not isinstance(values, dict):
        raise ProfileError(f"{source}: [values] must be a table")
    checked_values: dict[str, dict[str, str]] = {}
    for column, words in values.items():
        if column not in table.column_names:
            raise ProfileError(f"{source}: {column!r} is not a column of table {table_name}")
        col = table.column(column)
        allowed = (
            col.values
            if col.type == schema.ENUM
            else BOOL_VALUES
            if col.type == schema.BOOL
            else {}
        )
        if not allowed:
            raise ProfileError(f"{source}: {column} takes no mapped words (not a choice or yes/no)")
        if not isinstance(words, dict) or len(words) > MAX_ENTRIES:
            raise ProfileError(f"{source}: [values.{column}] must be a table of words")
        for word, value in words.items():
            _text(word, f"{source}: a word in [values.{column}]")
            if value not in allowed:
                raise ProfileError(
                    f"{source}: [values.{column}] maps {word!r} to {value!r}, not one of "
                    + ", ".join(allowed)
                )
        checked_values[column] = dict(words)
    return Profile(name, table_name, headers, dict(columns), checked_values)


def load(name: str) -> Profile:
    """The saved profile `name`, checked; ProfileError if there is none or it is unusable."""
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise ProfileError(f"{name!r} is not a profile name")
    path = folder() / f"{name}.toml"
    if not path.is_file():
        raise ProfileError(f"no profile named {name} in {folder()}")
    if path.stat().st_size > MAX_PROFILE_BYTES:
        raise ProfileError(f"{path.name}: larger than {MAX_PROFILE_BYTES // 1024} KB")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ProfileError(f"{path.name}: cannot be read ({type(e).__name__})") from None
    p = parse(text, path.name)
    if p.name != name:
        raise ProfileError(f"{path.name}: its name is {p.name!r}, not {name!r}")
    return Profile(p.name, p.table, p.headers, p.columns, p.values, forced=True)


def saved_profiles() -> list[Profile]:
    """Every usable saved profile, for recognising files by their header set. A file that is
    not a usable profile is skipped here (the page lists it with its problem: `problems`)."""
    out = []
    d = folder()
    if not d.is_dir():
        return out
    for path in sorted(d.glob("*.toml"))[:MAX_ENTRIES]:
        try:
            p = load(path.stem)
        except ProfileError:
            continue
        out.append(Profile(p.name, p.table, p.headers, p.columns, p.values, forced=False))
    return out


def problems() -> list[tuple[str, str]]:
    """(file, problem) for each saved profile that cannot be used."""
    out = []
    d = folder()
    if d.is_dir():
        for path in sorted(d.glob("*.toml"))[:MAX_ENTRIES]:
            try:
                load(path.stem)
            except ProfileError as e:
                out.append((path.name, str(e)))
    return out


def save(profile: Profile) -> Path:
    """Write the profile (checked by reading it back as a loaded one would be)."""
    text = profile.to_toml()
    parse(text, f"{profile.name}.toml")
    d = folder()
    d.mkdir(parents=True, exist_ok=True)
    path = d / f"{profile.name}.toml"
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def header_key(con, header) -> frozenset[str]:
    """A header set as compared: folded names, blanks left out."""
    return frozenset(k for k in fold(con, [str(h) if h is not None else "" for h in header]) if k)


def choose(con, profiles: list[Profile], header) -> Profile | None:
    """The profile a file with this header is read by: a named one, else the saved profile made
    for exactly this header set."""
    for p in profiles:
        if p.forced:
            return p
    key = header_key(con, header)
    for p in profiles:
        if p.headers and header_key(con, p.headers) == key:
            return p
    return None


def header_mapping(con, profile: Profile, header: list[str], file: str):
    """(mapping, unknown, errors) as reading.map_header gives them, through the profile."""
    table = schema.TABLES[profile.table]
    wanted = dict(zip(fold(con, list(profile.columns)), profile.columns.values(), strict=True))
    mapping, unknown, seen, repeats = match_header(header, fold(con, header), wanted)
    errors = repeated(file, repeats)  # in words of both languages, as without a profile
    missing = missing_required(table, seen)
    if missing:
        errors.append(
            RefusalError(
                file,
                f"profile {profile.name}: missing required column(s) for table {table.name} "
                f"({table.alias}): " + ", ".join(missing),
                missing,
            )
        )
    return mapping, unknown, errors


def _fits_the_contract(con, file: str, header: list[str]) -> bool:
    """The file's name names a table and its header has that table's required columns."""
    table = table_for(con, Path(file).stem)
    return table is not None and not map_header(con, schema.TABLES[table], header, file)[2]


def read_with_profile(reader: Reader, path: Path, file: str) -> bool:
    """Read the file through the profile it calls for, if any (True when it did)."""
    from .factory_lists import read_table_file

    header = peek_header(path, file)
    if header is None:
        return False
    profile = choose(reader.con, reader.profiles, header)
    if profile is None:
        return False
    if profile.forced and _fits_the_contract(reader.con, file, header):
        return False  # a named profile is for the files our own names do not fit
    got = read_table_file(path, file)
    if isinstance(got, RefusalError):
        reader.errors.append(got)
        return True
    sheet, header, body, encoding, delimiter = got
    mapped = header_mapping(reader.con, profile, header, file)
    src = reader._new_source(path, file, sheet, profile.table, header, None, mapped)
    if src is None:
        return True
    src.encoding, src.delimiter = encoding, delimiter
    words = {}  # header position -> {folded word: our value}
    for i, column in mapped[0].items():
        if profile.values.get(column):
            keys = fold(reader.con, list(profile.values[column]))
            words[i] = dict(zip(keys, profile.values[column].values(), strict=True))
    if words:
        body = _map_words(reader.con, body, words)
    reader._load_rows(src, body)
    return True


def _map_words(con, body, words: dict[int, dict[str, str]]):
    """Rows with the profile's words replaced by our values (folded as the contract folds
    enumeration values); a word the profile does not list is left exactly as written."""
    distinct = sorted(
        {str(v[i]) for _, v, _ in body for i in words if i < len(v) and v[i] is not None}
    )
    folded = dict(zip(distinct, fold(con, distinct), strict=True))
    out = []
    for line, values, error in body:
        values = list(values)
        for i, table in words.items():
            if i < len(values) and values[i] is not None:
                values[i] = table.get(folded[str(values[i])], values[i])
        out.append((line, values, error))
    return out


def peek_header(path: Path, file: str) -> list[str] | None:
    """The file's header row, read cheaply; None if it cannot be read (the ordinary reader
    then reports why)."""
    import csv

    from .reading import CSV_SUFFIXES
    from .textfiles import cell_text, decode, detect_delimiter

    suffix = Path(file).suffix.lower()
    try:
        if suffix in CSV_SUFFIXES:
            with Path(path).open("rb") as f:
                head = f.read(256 * 1024)
            end = head.find(b"\n")
            text = decode(head if end < 0 else head[:end])[0]
            line = text.replace("\r", "\n").partition("\n")[0]
            if not line.strip():
                return None
            return next(csv.reader([line], delimiter=detect_delimiter(line)))
        import openpyxl

        from .guards import check_xlsx

        if check_xlsx(path):
            return None
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            row = next(wb[wb.sheetnames[0]].iter_rows(values_only=True, max_row=1), None)
        finally:
            wb.close()
        return [cell_text(v) or "" for v in row] if row else None
    except Exception:  # noqa: BLE001 - unreadable here means: not read by a profile
        return None
