"""Suppliers' factory lists in Open Supply Hub's format, imported as one contract's factories.

The fixture (tests/fixtures/osh/): a current dataset of two contracts, K1 and K2, and the list
factory_list.csv that K1's supplier sent. Worked out by hand, line by line (line 1 is the
header):

  2 CHINA, Shenzhen Textile Co Ltd, os_id CN2019303BQ3FZP. Check character: C 67 + N 78 = 145;
    2+0+1+9+3+0+3 = 18; B 11 + Q 23 + 3 + F 15 + Z 31 = 83; 145 + 18 + 83 = 246; 246 mod 32 = 22
    = P (Crockford's symbols 0-9, A-H, J, K, M, N, P...): valid. K2's factory F-K2-1 has that
    OS ID -> the row gets id F-K2-1 (one factory, two contracts), status not_reported (K1 had
    no row for it).
  3 VIET NAM, SAIGON GARMENT JSC, "45 Le Loi Street Ho Chi Minh City": no OS ID; normalised
    (lower case, punctuation to spaces) name, address and country equal K1's SUP-7 -> id SUP-7,
    and SUP-7's follow-up under K1 is kept: in_progress, central, started 2024-03-01. Workers
    "300-500" is a range: not a count, kept aside as an unknown column.
  4 TÜRKIYE, os_id TR2020101ABCDEX: T 84 + R 82 = 166; 2+0+2+0+1+0+1 = 6; A..E = 10+11+12+13+14
    = 60; 232 mod 32 = 8 -> the check character would be 8, not X: rejected (bad_os_id).
  5 BANGLADESH, lat 95.1: outside -90..90: rejected (out_of_range).
  6 the same row as line 3: same id and contract: rejected as a duplicate of line 3.
  7 NARNIA: no such country: rejected (bad_country).
  8 INDIA, os_id IN-2019067-X1K87-G: hyphens dropped as Open Supply Hub does; I 73 + N 78 =
    151; 2+0+1+9+0+6+7 = 25; X 29 + 1 + K 19 + 8 + 7 = 64; 240 mod 32 = 16 = G: valid, new
    -> id IN2019067X1K87G, not_reported. (Open Supply Hub's own docstring example
    "IN 2019067 X1K87 E" would fail its check.)
  9 PAKISTAN, Sialkot Gloves, no OS ID, unknown -> an id derived from name, address and
    country, not_reported.

So 8 data rows: 4 imported (2, 3, 8, 9), 4 rejected (4, 5, 6, 7). K1's factories afterwards:
F-K2-1, SUP-7, IN2019067X1K87G and the derived one; OLD-1 (not on the list) is gone. K2 keeps
F-K2-1 as it was. 5 factory rows in all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etikkmonitor import db
from etikkmonitor.factory_lists import FactoryList
from etikkmonitor.factory_match import derived_id
from etikkmonitor.importer import publish, validate

FIXTURE = Path(__file__).parent / "fixtures" / "osh"
LIST = FIXTURE / "factory_list.csv"
SIALKOT = derived_id("Sialkot Gloves", "Small Industrial Estate Sialkot", "PK")


@pytest.fixture
def store(tmp_path):
    s = db.Store(tmp_path / "osh.duckdb")
    v = validate([FIXTURE / "base"])
    assert v.rejects() == []
    publish(v, s)
    v.close()
    yield s
    s.close()


def import_list(store, path=LIST, contract="K1"):
    v = validate([], lists=[FactoryList(path, path.name, contract)], store=store)
    try:
        rejects = [(r["file"], r["line"], r["code"]) for r in v.rejects()]
        files = {f["file"]: f for f in v.files()}
        publish(v, store)
    finally:
        v.close()
    return rejects, files


def factories(store):
    rows = (
        store.cursor()
        .execute(
            "SELECT contract_id, factory_id, dialogue_status, central, "
            "CAST(dialogue_started AS VARCHAR), os_id, workers FROM factories "
            "WHERE import_id = $id ORDER BY contract_id, factory_id",
            {"id": store.current_import_id()},
        )
        .fetchall()
    )
    return rows


def test_each_row_imported_or_rejected_by_line(store):
    rejects, files = import_list(store)
    assert rejects == [
        ("factory_list.csv", 4, "bad_os_id"),
        ("factory_list.csv", 5, "out_of_range"),
        ("factory_list.csv", 6, "duplicate_key"),
        ("factory_list.csv", 7, "bad_country"),
    ]
    f = files["factory_list.csv"]
    assert (f["rows_read"], f["rows_imported"], f["rows_rejected"]) == (8, 4, 4)
    assert set(f["unknown_columns"]) == {
        "sector",
        "parent_company",
        "number_of_workers (range)",
    }
    assert factories(store) == sorted(
        [
            ("K1", "F-K2-1", "not_reported", None, None, "CN2019303BQ3FZP", 1200),
            ("K1", "IN2019067X1K87G", "not_reported", None, None, "IN2019067X1K87G", 450),
            ("K1", SIALKOT, "not_reported", None, None, None, 150),
            ("K1", "SUP-7", "in_progress", True, "2024-03-01", None, None),
            ("K2", "F-K2-1", "in_progress", True, "2024-02-01", "CN2019303BQ3FZP", None),
        ]
    )


def test_reasons_name_the_problem(store):
    v = validate([], lists=[FactoryList(LIST, LIST.name, "K1")], store=store)
    try:
        by_line = {r["line"]: r for r in v.rejects("en")}
    finally:
        v.close()
    assert by_line[4]["value"] == "TR2020101ABCDEX"
    assert "check character" in by_line[4]["reason"]
    assert by_line[5]["header"] == "lat" and by_line[5]["value"] == "95.1"
    assert "line 3" in by_line[6]["reason"]
    assert by_line[7]["value"] == "NARNIA"


def test_the_rest_of_the_dataset_stays(store):
    import_list(store)
    cur = store.cursor()
    current = store.current_import_id()
    assert cur.execute(
        "SELECT list(contract_id ORDER BY contract_id) FROM contracts WHERE import_id = $id",
        {"id": current},
    ).fetchall() == [(["K1", "K2"],)]


def test_same_list_again_keeps_every_factory_id(store):
    import_list(store)
    first = factories(store)
    rejects, _ = import_list(store)
    assert [r[1:] for r in rejects] == [
        (4, "bad_os_id"),
        (5, "out_of_range"),
        (6, "duplicate_key"),
        (7, "bad_country"),
    ]
    assert factories(store) == first


def test_derived_id_ignores_case_punctuation_and_accents():
    assert derived_id("Sialkot Gloves", "Small Industrial Estate, Sialkot", "PK") == derived_id(
        "SIALKOT  GLOVES", "small industrial estate sialkot", "pk"
    )
    assert derived_id("Café Mill", "Rua 1", "PT") == derived_id("CAFE MILL", "rua 1", "PT")
    assert derived_id("Sialkot Gloves", "Other Road", "PK") != SIALKOT


def test_os_id_in_our_own_format_is_checked(tmp_path):
    base = FIXTURE / "base"
    shutil.copy(base / "contracts.csv", tmp_path / "contracts.csv")
    (tmp_path / "factories.csv").write_text(
        "factory_id;contract_id;factory_name;country;dialogue_status;os_id\n"
        "A;K1;A;CN;planned;CN2019303BQ3FZP\n"
        "B;K1;B;CN;planned;CN2019303BQ3FZQ\n"
        "C;K1;C;CN;planned;cn2019303bq3fzp\n",
        encoding="utf-8",
    )
    v = validate([tmp_path])
    try:
        assert [(r["line"], r["code"]) for r in v.rejects()] == [(3, "bad_os_id"), (4, "bad_os_id")]
    finally:
        v.close()


def test_a_list_without_its_required_columns_is_refused(store, tmp_path):
    from etikkmonitor.reading import Refused

    bad = tmp_path / "list.csv"
    bad.write_text("country,name\nCHINA,X\n", encoding="utf-8")
    before = store.current_import_id()
    with pytest.raises(Refused) as e:
        validate([], lists=[FactoryList(bad, bad.name, "K1")], store=store)
    assert "address" in str(e.value)
    assert store.current_import_id() == before


def test_a_list_for_an_unknown_contract_is_rejected_row_by_row(store):
    rejects, files = import_list(store, contract="K9")
    assert files["factory_list.csv"]["rows_imported"] == 0
    assert {r[2] for r in rejects} >= {"unknown_reference"}


def test_cli_imports_a_list_for_a_contract(store, capsys):
    from etikkmonitor.cli import main

    path = store.path
    store.close()
    assert main(["import", str(LIST), "--contract", "K1", "--db", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert '"factories": 5' in out
    s = db.Store(path)
    try:
        assert ("K1", "SUP-7", "in_progress", True, "2024-03-01", None, None) in factories(s)
    finally:
        s.close()


def test_a_list_above_the_size_limit_is_refused_unread(store, tmp_path, monkeypatch):
    from etikkmonitor import guards
    from etikkmonitor.reading import Refused

    monkeypatch.setattr(guards, "max_file_bytes", lambda: 100)
    with pytest.raises(Refused) as e:
        validate([], lists=[FactoryList(LIST, LIST.name, "K1")], store=store)
    assert "above the limit" in str(e.value)
