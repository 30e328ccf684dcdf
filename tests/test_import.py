"""The importer's reading paths and its promises: line numbers, encodings, refusals that change
nothing, and readers that never see half an import."""

from __future__ import annotations

import hashlib
import threading
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from etikkmonitor import db
from etikkmonitor.importer import publish, validate
from etikkmonitor.reading import Refused
from etikkmonitor.summary import key_figures

CONTRACT_HEADER = (
    "contract_id;title;agency;supplier_org_nr;supplier_name;category;high_risk;value_nok;"
    "start_date;end_date;oslo_part2_clauses"
)
# 923609016 and 974760673 pass the MOD11 check (worked out in test_parsing.py).
GOOD_ROWS = [
    "A1;Arbeidsklær;Bymiljøetaten;923609016;Tekstil AS;Arbeidstøy;ja;600000;2024-01-01;;ja",
    "A2;Hansker;Bymiljøetaten;974760673;Hanske AS;Hansker;ja;700000;2024-01-01;;nei",
]


def write(path: Path, lines: list[str], encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode())
    return path


def rejects_by_line(v) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for r in v.rejects():
        out.setdefault(r["line"], set()).add(r["code"])
    return out


def test_semicolon_utf8(tmp_path):
    v = validate([write(tmp_path / "contracts.csv", [CONTRACT_HEADER, *GOOD_ROWS])])
    assert v.counts["contracts"] == 2
    assert v.rejects() == []


def test_windows_1252_and_norwegian_headers(tmp_path):
    header = (
        "Kontrakt-ID\tTittel\tVirksomhet\tLeverandør orgnr\tLeverandør\tKategori\tHøyrisiko\t"
        "Verdi NOK\tStartdato"
    )
    row = "K1\tArbeidsklær\tBydel Grünerløkka\t923 609 016\tØst AS\tArbeidstøy\tJa\t1 250 000\t31.08.2024"
    path = write(tmp_path / "Kontrakter.csv", [header, row], encoding="cp1252")
    v = validate([path])
    assert v.files()[0]["encoding"] == "cp1252"
    assert v.files()[0]["delimiter"] == "\t"
    got = v.con.execute(
        "SELECT agency, supplier_name, supplier_org_nr, value_nok, start_date FROM checked_contracts"
    ).fetchall()
    assert got == [("Bydel Grünerløkka", "Øst AS", "923609016", 1250000.0, date(2024, 8, 31))]


def test_bom_and_crlf(tmp_path):
    path = tmp_path / "kontrakter.csv"
    path.write_bytes(
        b"\xef\xbb\xbf" + ("\r\n".join([CONTRACT_HEADER, *GOOD_ROWS]) + "\r\n").encode()
    )
    v = validate([path])
    assert v.counts["contracts"] == 2
    assert v.files()[0]["encoding"] == "utf-8-sig"


def test_line_numbers_survive_quoted_line_breaks_and_blank_lines(tmp_path):
    # Line 2 holds a title with a line break inside quotes, so row 2 starts on line 4;
    # line 5 is blank; the bad value sits on line 6.
    lines = [
        CONTRACT_HEADER,
        'B1;"Arbeidsklær,',
        'to linjer";Bymiljøetaten;923609016;T AS;Tekstil;ja;600000;2024-01-01;;ja',
        "B2;Hansker;Bymiljøetaten;974760673;H AS;Hansker;ja;700000;2024-01-01;;ja",
        "",
        "B3;Sko;Bymiljøetaten;974760673;H AS;Sko;ja;12x;2024-01-01;;ja",
    ]
    v = validate([write(tmp_path / "contracts.csv", lines)])
    assert v.counts["contracts"] == 2
    assert rejects_by_line(v) == {6: {"bad_number"}}
    assert v.files()[0]["rows_read"] == 3


def test_line_numbers_survive_blank_lines_in_a_plain_file(tmp_path):
    # Plain UTF-8 with LF line ends, no quoted line breaks: line 3 is empty and line 4 holds
    # only spaces (neither is a data row), so the bad value sits on line 6
    lines = [CONTRACT_HEADER, GOOD_ROWS[0], "", "   ", GOOD_ROWS[1]]
    lines.append("B3;Sko;Bymiljøetaten;974760673;H AS;Sko;ja;12x;2024-01-01;;ja")
    v = validate([write(tmp_path / "contracts.csv", lines)])
    assert v.counts["contracts"] == 2
    assert rejects_by_line(v) == {6: {"bad_number"}}
    assert v.files()[0]["rows_read"] == 3
    assert v.files()[0]["encoding"] == "utf-8"


def test_windows_1252_behind_an_ascii_header(tmp_path):
    # No BOM, LF line ends and a header of plain ASCII: only the rows tell that the file is
    # not UTF-8 (ø and ü are single bytes in Windows-1252)
    row = "K1;Klær;Bydel Grünerløkka;923609016;Øst AS;Arbeidstøy;ja;600000;2024-01-01;;ja"
    v = validate([write(tmp_path / "contracts.csv", [CONTRACT_HEADER, row], encoding="cp1252")])
    assert v.files()[0]["encoding"] == "cp1252"
    got = v.con.execute("SELECT title, agency, supplier_name FROM checked_contracts").fetchall()
    assert got == [("Klær", "Bydel Grünerløkka", "Øst AS")]


def test_too_many_fields_is_a_rejected_row_not_a_refusal(tmp_path):
    lines = [CONTRACT_HEADER, GOOD_ROWS[0], GOOD_ROWS[1] + ";extra"]
    v = validate([write(tmp_path / "contracts.csv", lines)])
    assert rejects_by_line(v) == {3: {"too_many_fields"}}
    f = v.files()[0]
    assert (f["rows_read"], f["rows_imported"], f["rows_rejected"]) == (2, 1, 1)


def test_comma_delimited_with_quotes(tmp_path):
    lines = [
        CONTRACT_HEADER.replace(";", ","),
        'C1,"Klær, sko og verneutstyr",Bymiljøetaten,923609016,T AS,Tekstil,ja,"1.250.000,50",2024-01-01,,ja',
    ]
    v = validate([write(tmp_path / "contracts.csv", lines)])
    got = v.con.execute("SELECT title, value_nok FROM checked_contracts").fetchall()
    assert got == [("Klær, sko og verneutstyr", 1250000.5)]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"leverandorer.csv": "a;b\n1;2\n"}, "unknown table"),
        ({"contracts.csv": "contract_id;title\nX;Y\n"}, "missing required column"),
        ({"contracts.xlsx": "contract_id;title\n"}, "not an Excel workbook"),
        ({"contracts.pdf": "%PDF-1.4"}, "unknown file type"),
        (
            {"factories.csv": "factory_id;contract_id;factory_name;country;dialogue_status\n"},
            "no contracts table",
        ),
    ],
)
def test_refusals_name_the_file(tmp_path, files, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(Refused) as e:
        validate([tmp_path / n for n in files])
    assert message in str(e.value)
    assert all(err.file for err in e.value.errors)


def test_missing_columns_are_listed(tmp_path):
    path = write(tmp_path / "kontrakter.csv", ["kontrakt_id;tittel", "X;Y"])
    with pytest.raises(Refused) as e:
        validate([path])
    (err,) = e.value.errors
    assert err.file == "kontrakter.csv"
    assert set(err.columns) == {
        "agency",
        "supplier_org_nr",
        "supplier_name",
        "category",
        "value_nok",
        "start_date",
    }


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_refused_import_leaves_database_byte_for_byte(tmp_path):
    db_path = tmp_path / "e.duckdb"
    good = write(tmp_path / "good" / "contracts.csv", [CONTRACT_HEADER, *GOOD_ROWS])
    store = db.Store(db_path)
    publish(validate([good]), store)
    store.close()
    before = (sha(db_path), db_path.stat().st_mtime_ns)
    bad = write(tmp_path / "bad" / "contracts.csv", ["contract_id;title", "X;Y"])
    from etikkmonitor.cli import main

    assert main(["import", str(bad), "--db", str(db_path)]) == 2
    assert (sha(db_path), db_path.stat().st_mtime_ns) == before


def test_xlsx_single_table_named_by_file_with_native_dates_and_formulas(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ark1"  # not a table name: a one-sheet workbook is named by its file
    ws.append(CONTRACT_HEADER.split(";"))
    ws.append(
        [
            "X1",
            "Klær",
            "Bymiljøetaten",
            "923609016",
            "T AS",
            "Tekstil",
            "ja",
            600000,
            date(2024, 8, 31),
            None,
            "ja",
        ]
    )
    ws.append(
        [
            "X2",
            "Sko",
            "Bymiljøetaten",
            "974760673",
            "S AS",
            "Sko",
            "ja",
            "=1+1",
            date(2024, 8, 31),
            None,
            "ja",
        ]
    )
    path = tmp_path / "kontrakter.xlsx"
    wb.save(path)
    v = validate([path])
    got = v.con.execute(
        "SELECT contract_id, value_nok, start_date FROM checked_contracts WHERE len(errors) = 0"
    ).fetchall()
    assert got == [("X1", 600000.0, date(2024, 8, 31))]
    # openpyxl saved no cached value for the formula: it is read as blank, never evaluated
    assert rejects_by_line(v) == {3: {"missing_required"}}
    assert v.files()[0]["sheet"] == "Ark1"


def test_readers_see_old_or_new_dataset_never_a_mix(tmp_path):
    """Threads query the key figures while imports publish: every answer is one whole dataset."""
    db_path = tmp_path / "c.duckdb"
    one = write(tmp_path / "one" / "contracts.csv", [CONTRACT_HEADER, GOOD_ROWS[0]])
    two = write(tmp_path / "two" / "contracts.csv", [CONTRACT_HEADER, *GOOD_ROWS])
    store = db.Store(db_path)
    publish(validate([one]), store)
    # dataset one: 1 contract, part 2 covered 1/1; dataset two: 2 contracts, covered 1/2
    allowed = {(1, 1, 1), (2, 2, 1)}
    seen, errors = set(), []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                f = key_figures(store, date(2024, 6, 30))
                p2 = f["oslo_model"]["part2"]
                seen.add((f["contracts"], p2["relevant"], p2["covered"]))
            except Exception as e:  # noqa: BLE001 - any error is the failure we look for
                errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    validations = [validate([two]), validate([one]), validate([two])]
    for v in validations:
        publish(v, store)
    stop.set()
    for t in threads:
        t.join()
    store.close()
    assert errors == []
    assert seen <= allowed
    assert seen  # the readers did read


def test_fast_paths_read_values_as_the_general_parsers_do(tmp_path):
    # Each row's value_nok, start_date, high_risk and title in the forms the importer reads
    # without the general parser (plain digits, two decimals after a point, ISO dates, yes/no
    # words, text with nothing to trim) and in forms that need it: the same values either way.
    cells = [
        ("58150.91", "2024-06-30", "ja", "Sko"),
        ("1.250", "30.06.2024", "Ja", " Sko "),
        ("1.25", "2024-6-30", " ja", "\u00a0Sko"),
        ("0.5", "2024-06-30 00:00", "x", "Sko\u00a0"),
        ("1 250 000 kr", "2024-06-30", "X", "Skø"),
        ("1250000,50", "2024-06-30", "nei", "ø"),
        ("007", "2024-06-30", "NEI", "S"),
        ("1234.567", "2024-06-30", "0", "Sko og støvler"),
    ]
    lines = [CONTRACT_HEADER] + [
        f"F{i};{title};Bymiljøetaten;923609016;T AS;Sko;{yes};{value};{start};;ja"
        for i, (value, start, yes, title) in enumerate(cells)
    ]
    v = validate([write(tmp_path / "contracts.csv", lines)])
    got = v.con.execute(
        "SELECT value_nok, start_date, high_risk, title FROM checked_contracts ORDER BY line"
    ).fetchall()
    june30 = date(2024, 6, 30)
    assert got == [
        (58150.91, june30, True, "Sko"),
        (1250.0, june30, True, "Sko"),
        (1.25, june30, True, "Sko"),
        (0.5, june30, True, "Sko"),
        (1250000.0, june30, True, "Skø"),
        (1250000.5, june30, False, "ø"),
        (7.0, june30, False, "S"),
        (1234.567, june30, False, "Sko og støvler"),
    ]
    assert v.counts["contracts"] == len(cells)


FACTORY_HEADER = "factory_id;contract_id;factory_name;country;dialogue_status"


def test_country_names_as_iso_and_suppliers_write_them(tmp_path):
    """ISO 3166's own English short names and common variants are country names too (the
    contract: an English or Norwegian name); a name of no country is still refused."""
    names = {
        "F1": ("Viet Nam", "VN"),
        "F2": ("Türkiye", "TR"),
        "F3": ("Czech Republic", "CZ"),
        "F4": ("Korea, Republic of", "KR"),
        "F5": ("Taiwan, Province of China", "TW"),
        "F6": ("Storbritannia", "GB"),  # Norwegian, in countries.csv already
        "F7": ("bangladesh", "BD"),
        "F8": ("Burma", "MM"),
    }
    rows = [f"{fid};A1;Fabrikk {fid};{name};not_started" for fid, (name, _) in names.items()]
    folder = tmp_path / "export"
    write(folder / "contracts.csv", [CONTRACT_HEADER, *GOOD_ROWS])
    ambiguous = ["F9;A1;Fabrikk F9;Korea;not_started", "F10;A1;Fabrikk F10;Congo;not_started"]
    write(folder / "factories.csv", [FACTORY_HEADER, *rows, *ambiguous])
    v = validate([folder])
    got = dict(v.con.execute("SELECT factory_id, country FROM checked_factories").fetchall())
    # `Korea` or `Congo` alone could be either of two: not guessed (no country), their rows
    # refused (lines 10 and 11: the header is line 1)
    assert got == {fid: code for fid, (_, code) in names.items()} | {"F9": None, "F10": None}
    assert rejects_by_line(v) == {10: {"bad_country"}, 11: {"bad_country"}}


def test_every_country_name_means_one_country():
    """A name that two countries share would join a factory row to both."""
    import duckdb

    from etikkmonitor import importer

    con = duckdb.connect()
    db.create_parse_macros(con)
    importer._load_lookups(con)
    clashes = con.execute(
        "SELECT key, list(alpha2) FROM country_lookup GROUP BY key HAVING count(*) > 1"
    ).fetchall()
    assert clashes == []
    assert con.execute("SELECT count(DISTINCT alpha2) FROM country_lookup").fetchone()[0] == 249
