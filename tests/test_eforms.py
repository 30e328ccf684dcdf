"""eForms notices: the reader, what a notice yields, the import of notices beside the register,
and the yearly review's figures, all worked out by hand from tests/fixtures/eforms/ (notices
written for these tests) and tests/fixtures/eforms-sdk/ (OP-TED's own examples)."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from etikkmonitor import db
from etikkmonitor.eforms import load, review
from etikkmonitor.eforms import notices as nt
from etikkmonitor.importer import publish, validate
from etikkmonitor.reading import Refused

FIX = Path(__file__).parent / "fixtures" / "eforms"
SDK = Path(__file__).parent / "fixtures" / "eforms-sdk"

# The workwear procedure of the fixtures (cn-two-lots.xml and can-two-winners.xml)
WORKWEAR = "a3e1f0c2-7d4b-4e8a-b1c9-0d2e3f4a5b01"
CONTRACTS = (
    "contract_id;title;agency;supplier_org_nr;supplier_name;category;high_risk;value_nok;"
    "start_date;end_date;oslo_part2_clauses;notice_id\n"
    # names the workwear procedure (BT-04), with part 2 clauses
    f"K1;Arbeidsklær;Utviklings- og kompetanseetaten;923609016;Tekstil Sør AS;Arbeidstøy;ja;"
    f"28000000;2024-07-01;;ja;{WORKWEAR}\n"
    # names the EUR bridge notice by its notice id (BT-701), upper case: compared folded
    "K2;Bru;Bymiljøetaten;974760673;Bru AS;Bygg og anlegg;nei;600000;2024-10-01;;;"
    "E6A8C0D2-4F6B-4D8F-9A3B-5C7E9A1D2F05\n"
)


def read(name: str) -> nt.Notice:
    return nt.read((FIX / name).read_bytes())


# --- what one notice yields ------------------------------------------------------------------


def test_contract_notice_with_two_lots():
    # cn-two-lots.xml: ContractNotice, BT-02 cn-standard (listName competition), BT-701
    # 6f1c8a3e-..., BT-04 a3e1f0c2-..., BT-05(a) 2024-03-01+01:00 (no OPP-012: it is the
    # publication date), buyer ORG-0001 = UKE 976819837. Two lots:
    #   LOT-0001 Arbeidsklær, CPV 18100000 + 18830000, 30 000 000 NOK, soc-obj,
    #            hum-right and work-cond
    #   LOT-0002 Vernesko, CPV 18830000, 10 000 000 NOK, no strategic or social code
    n = read("cn-two-lots.xml")
    assert (n.notice_id, n.kind, n.notice_type, n.form_type) == (
        "6f1c8a3e-0b5d-4c1e-9a57-2f0d3e8b1a01",
        "competition",
        "cn-standard",
        "competition",
    )
    assert n.procedure_id == WORKWEAR
    assert n.publication_date == date(2024, 3, 1)
    assert (n.buyer_org_nr, n.buyer_name) == ("976819837", "Utviklings- og kompetanseetaten")
    assert n.subtype == "E3" and n.changes is None
    a, b = n.lots
    assert (a.lot_id, a.title, a.cpv_main, a.cpv_additional) == (
        "LOT-0001",
        "Arbeidsklær",
        "18100000",
        ["18830000"],
    )
    assert (a.contract_nature, a.estimated_value, a.currency) == ("supplies", 30_000_000, "NOK")
    assert a.strategic_procurement == ["soc-obj"]
    assert a.social_objectives == ["hum-right", "work-cond"]
    assert (b.lot_id, b.title, b.cpv_main, b.cpv_additional) == (
        "LOT-0002",
        "Vernesko",
        "18830000",
        [],
    )
    assert (b.estimated_value, b.social_objectives, b.strategic_procurement) == (10_000_000, [], [])
    assert a.winner_names == [] and a.award_value is None


def test_award_notice_with_two_winners():
    # can-two-winners.xml: LotResult RES-0001 (selec-w) for LOT-0001 names tenders TEN-0001 and
    # TEN-0002; TEN-0001 -> TPA-0001 -> ORG-0002 Arbeidsklær Nord AS 914778271, 14 000 000 NOK;
    # TEN-0002 -> TPA-0002 -> ORG-0003 Tekstil Sør AS 923609016, 14 000 000 NOK; contract
    # CON-0001 concluded 2024-06-15. Award value 14 + 14 = 28 000 000 NOK.
    n = read("can-two-winners.xml")
    assert n.kind == "result" and n.notice_type == "can-standard"
    assert n.publication_date == date(2024, 6, 20)
    (lot,) = n.lots
    assert lot.winner_names == ["Arbeidsklær Nord AS", "Tekstil Sør AS"]
    assert lot.winner_org_nrs == ["914778271", "923609016"]
    assert (lot.award_value, lot.award_currency) == (28_000_000, "NOK")
    assert lot.conclusion_date == date(2024, 6, 15)
    assert lot.result_code == "selec-w"


def test_notice_in_eur_and_without_cpv():
    eur = read("cn-eur.xml")
    assert (eur.lots[0].estimated_value, eur.lots[0].currency) == (50_000, "EUR")
    assert eur.lots[0].contract_nature == "works"
    bare = read("cn-no-cpv.xml")
    assert bare.lots[0].cpv_main is None and bare.lots[0].cpv_additional == []
    assert bare.publication_date == date(2023, 11, 20)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("not-eforms.xml", "not_eforms"),
        ("hostile-xxe.xml", "xml_dtd"),
        ("hostile-laughs.xml", "xml_dtd"),
    ],
)
def test_refused_files(name, code):
    with pytest.raises(nt.NoticeRejected) as e:
        read(name)
    assert e.value.code == code


def test_dtd_after_a_long_prolog_and_entities_never_expand():
    # A DOCTYPE placed after a long comment is still found before parsing; and an entity
    # reference without a declaration is never resolved into data.
    data = (
        b'<?xml version="1.0"?>\n<!--' + b"x" * 10_000 + b"-->\n"
        b'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>'
    )
    with pytest.raises(nt.NoticeRejected) as e:
        nt.read(data)
    assert e.value.code == "xml_dtd"
    with pytest.raises(nt.NoticeRejected) as e:
        nt.read(b"<a>&e;</a>")
    assert e.value.code == "not_xml"
    with pytest.raises(nt.NoticeRejected) as e:
        nt.read(b"not xml at all")
    assert e.value.code == "not_xml"


def test_too_large_notice_is_refused_unparsed():
    with pytest.raises(nt.NoticeRejected) as e:
        nt.read(b"<a>" + b" " * nt.MAX_NOTICE_BYTES + b"</a>")
    assert e.value.code == "notice_too_large"


# --- change notices, versions, archives ----------------------------------------------------


def test_change_notice_replaces_the_notice_it_changes(tmp_path):
    # cn-renhold-change.xml (d5f7b9c1-...) carries BT-758 c4e6a8b0-...-01: it replaces
    # cn-renhold.xml, which stays in the table with superseded_by set.
    shutil.copy(FIX / "cn-renhold.xml", tmp_path / "a.xml")
    shutil.copy(FIX / "cn-renhold-change.xml", tmp_path / "b.xml")
    batch = load.read(load_sources(tmp_path), 1, 10**9)
    rows = {r["notice_id"][:8]: r for r in batch.table.to_pylist()}
    assert rows["c4e6a8b0"]["superseded_by"] == "d5f7b9c1-3e5a-4c7e-8f2a-4b6d8f0c1e04"
    assert rows["d5f7b9c1"]["superseded_by"] is None
    assert rows["d5f7b9c1"]["social_objectives"] == ["work-cond"]
    assert rows["d5f7b9c1"]["estimated_value"] == 2_500_000


def test_same_notice_twice_and_a_later_version(tmp_path):
    text = (FIX / "cn-eur.xml").read_text(encoding="utf-8")
    (tmp_path / "1.xml").write_text(text, encoding="utf-8")
    (tmp_path / "2.xml").write_text(text, encoding="utf-8")  # same id, same version
    (tmp_path / "3.xml").write_text(
        text.replace("<cbc:VersionID>01</cbc:VersionID>", "<cbc:VersionID>02</cbc:VersionID>"),
        encoding="utf-8",
    )
    batch = load.read(load_sources(tmp_path), 1, 10**9)
    assert [(r[1], r[4]) for r in batch.rejects] == [(2, "notice_duplicate")]
    versions = {r["notice_version"]: r["superseded_by"] for r in batch.table.to_pylist()}
    assert versions == {"01": "e6a8c0d2-4f6b-4d8f-9a3b-5c7e9a1d2f05 v02", "02": None}


def load_sources(folder: Path):
    from etikkmonitor.eforms.sources import split

    _, sources = split([folder])
    return sources


def test_zip_archive_bounds(tmp_path):
    # One good notice, one hostile, one nested archive, one non-XML file, and a member whose
    # declared size is far above the limit: only the good one yields rows; the others are
    # rejected each with its reason, by name.
    z = tmp_path / "notices.zip"
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zi:
        zi.writestr("x.xml", "<a/>")
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(FIX / "cn-eur.xml", "a/cn-eur.xml")
        zf.write(FIX / "hostile-laughs.xml", "b/hostile.xml")
        zf.writestr("c/inner.zip", inner.getvalue())
        zf.writestr("d/readme.txt", "hello")
        zf.writestr("e/bomb.xml", b"<a>" + b" " * (nt.MAX_NOTICE_BYTES + 10) + b"</a>")
    from etikkmonitor.eforms.sources import split

    _, sources = split([z])
    batch = load.read(sources, 1, 10**9)
    assert batch.table.num_rows == 1
    assert sorted((r[2], r[4]) for r in batch.rejects) == [
        ("notices.zip/b/hostile.xml", "xml_dtd"),
        ("notices.zip/c/inner.zip", "zip_nested"),
        ("notices.zip/d/readme.txt", "zip_not_xml"),
        ("notices.zip/e/bomb.xml", "notice_too_large"),
    ]
    assert batch.sources[0].rows_read == 5


def test_not_a_zip_refuses_the_import_and_changes_nothing(tmp_path):
    (tmp_path / "contracts.csv").write_text(CONTRACTS, encoding="utf-8")
    (tmp_path / "notices.zip").write_bytes(b"this is not an archive")
    with pytest.raises(Refused) as e:
        validate([tmp_path / "contracts.csv", tmp_path / "notices.zip"])
    assert "notices.zip" in str(e.value) and "not a zip archive" in str(e.value)


# --- through the import --------------------------------------------------------------------


@pytest.fixture
def dataset(tmp_path) -> Path:
    """The register's contracts beside a folder of every hand-made notice."""
    d = tmp_path / "export"
    (d / "kunngjoringer").mkdir(parents=True)
    (d / "contracts.csv").write_text(CONTRACTS, encoding="utf-8")
    for f in FIX.glob("*.xml"):
        shutil.copy(f, d / "kunngjoringer" / f.name)
    return d


@pytest.fixture
def store(tmp_path, dataset):
    s = db.Store(tmp_path / "db.duckdb")
    v = validate([dataset])
    publish(v, s)
    v.close()
    yield s
    s.close()


def test_import_mixes_register_and_notices(dataset):
    v = validate([dataset])
    try:
        assert v.counts["contracts"] == 2
        # 6 usable notices: cn-two-lots (2 lots) + can-two-winners (1) + cn-renhold (1) +
        # cn-renhold-change (1) + cn-eur (1) + cn-no-cpv (1) = 7 rows
        assert v.counts["competitions"] == 7
        rejects = [r for r in v.rejects() if r["table"] == "competitions"]
        assert sorted((r["file"], r["code"]) for r in rejects) == [
            ("export/kunngjoringer/hostile-laughs.xml", "xml_dtd"),
            ("export/kunngjoringer/hostile-xxe.xml", "xml_dtd"),
            ("export/kunngjoringer/not-eforms.xml", "not_eforms"),
        ]
        assert all(r["reason"] for r in rejects)
        (notices_file,) = [f for f in v.files() if f["table"] == "competitions"]
        assert (notices_file["rows_read"], notices_file["rows_imported"]) == (9, 6)
    finally:
        v.close()


def test_review_figures_for_2024_worked_by_hand(store):
    # Competitions first published in 2024 (current notices only; cn-no-cpv is 2023):
    #   W1 workwear LOT-0001: CPV 18100000 -> Arbeidstøy (high risk), 30 000 000 NOK >= 500 000:
    #      part 2 relevant; hum-right stated. Award notice: two winners. K1 names the
    #      procedure, with part 2 clauses -> in register, clauses.
    #   W2 workwear LOT-0002: CPV 18830000 -> Arbeidstøy, 10 000 000 NOK: part 2 relevant,
    #      nothing stated -> action. K1 names the procedure too -> in register, clauses.
    #   R  cleaning (change notice replaces the first): CPV 90910000 -> Renhold (part 1
    #      sector), 2 500 000 NOK >= 100 000: part 1 relevant; work-cond stated.
    #   B  bridge: CPV 45221111 -> Bygg og anlegg, 50 000 EUR x 11.63 = 581 500 NOK >= 100 000:
    #      part 1 relevant; nothing stated -> action. K2 names its notice id; no part 1 clause
    #      given -> in register, without clauses.
    # part 1: relevant 2 (R, B), stated 1 (R), in register 1 (B), with clauses 0
    # part 2: relevant 2 (W1, W2), stated 1 (W1), in register 2, with clauses 2
    # action list, largest value first: W2 (10 000 000), B (581 500)
    cur = store.cursor()
    df = review.competitions(cur, store.current_import_id(), 2024)
    f = review.figures(df, 2024)
    assert f["competitions"] == 4
    assert f["with_award_notice"] == 1
    assert f["in_register"] == 3
    assert f["part1"] == {
        "relevant": 2,
        "stated": 1,
        "coverage": 0.5,
        "in_register": 1,
        "with_clauses": 0,
    }
    assert f["part2"] == {
        "relevant": 2,
        "stated": 1,
        "coverage": 0.5,
        "in_register": 2,
        "with_clauses": 2,
    }
    assert [(a["title"], a["value_nok"], a["missing"]) for a in f["action_list"]] == [
        ("Vernesko", 10_000_000, ["hum-right"]),
        ("Rehabilitering av bru", 581_500, ["work-cond"]),
    ]
    by_buyer = {b["buyer"]: (b["competitions"], b["needs_action"]) for b in f["by_buyer"]}
    assert by_buyer == {
        "Bymiljøetaten (996922766)": (2, 1),
        "Utviklings- og kompetanseetaten (976819837)": (2, 1),
    }
    by_cat = {c["category"]: c["competitions"] for c in f["by_category"]}
    assert by_cat == {"Arbeidstøy, fottøy og tekstil": 2, "Bygg og anlegg": 1, "Renhold": 1}
    w1 = df[df["lot_id"] == "LOT-0001"].iloc[0]
    assert list(w1["winner_names"]) == ["Arbeidsklær Nord AS", "Tekstil Sør AS"]
    bridge = df[df["title"] == "Rehabilitering av bru"].iloc[0]
    assert bridge["value_note"] == "converted" and list(bridge["contract_ids"]) == ["K2"]


def test_review_by_agency_and_other_year(store):
    cur = store.cursor()
    imp = store.current_import_id()
    # by organisation number, or by name written in another case
    uke = review.figures(review.competitions(cur, imp, 2024, ["976819837"]), 2024)
    assert (uke["competitions"], uke["needs_action"]) == (2, 1)
    bym = review.figures(review.competitions(cur, imp, 2024, ["BYMILJØETATEN"]), 2024)
    assert (bym["competitions"], bym["part1"]["relevant"]) == (2, 2)
    # 2023: only the notice without CPV; no category, so relevant to neither part
    f = review.figures(review.competitions(cur, imp, 2023), 2023)
    assert (f["competitions"], f["part1"]["relevant"], f["part2"]["relevant"]) == (1, 0, 0)
    assert f["by_category"] == [
        {
            "category": None,
            "competitions": 1,
            "part1_relevant": 0,
            "part1_stated": 0,
            "part2_relevant": 0,
            "part2_stated": 0,
            "needs_action": 0,
        }
    ]
    assert review.years(cur, imp) == [2024, 2023]


def test_review_cli_json(store, capsys):
    from etikkmonitor.cli import main

    store.close()  # the command opens the file itself, read-only
    code = main(["review", "--year", "2024", "--db", str(store.path), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["competitions"] == 4 and out["needs_action"] == 2
    assert out["part2"]["coverage"] == 0.5


def test_review_cli_matches_buyer_names_as_summary_matches_agencies(store, capsys):
    from etikkmonitor.cli import main

    store.close()
    base = ["review", "--year", "2024", "--db", str(store.path), "--json"]
    # a unique whole word of a buyer's name is taken, and said so: UKE's 2 competitions, 1
    # needing action (as by its organisation number in the test above)
    assert main(base + ["--agency", "kompetanseetaten"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["agencies"] == ["Utviklings- og kompetanseetaten"]
    assert (out["competitions"], out["needs_action"]) == (2, 1)
    assert "Utviklings- og kompetanseetaten" in captured.err
    # an organisation number as it is, beside a name
    assert main(base + ["--agency", "996922766", "--agency", "KOMPETANSEETATEN"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["competitions"] == 4  # both buyers: all four of 2024
    # a name matching no buyer: exit 2 naming the closest, not empty figures
    assert main(base + ["--agency", "Bymiljøetatn"]) == 2
    err = capsys.readouterr().err
    assert "Bymiljøetatn" in err and "Bymiljøetaten" in err


# --- every example notice of the eForms SDK ------------------------------------------------


def test_every_sdk_example_yields_competitions_or_is_rejected_with_a_reason(tmp_path):
    files = sorted(SDK.glob("*.xml"))
    assert len(files) >= 90
    from etikkmonitor.eforms.sources import split

    _, sources = split([SDK])
    batch = load.read(sources, 1, 10**9)
    names_with_rows = {Path(f).name for f in batch.table.column("file").to_pylist()}
    rejected = {Path(r[2]).name: r[4] for r in batch.rejects}
    for f in files:
        assert (f.name in names_with_rows) != (f.name in rejected), f.name
    # the types we do not read are rejected by name, never crash
    assert rejected["veat_24.xml"] == "eforms_unsupported_type"
    assert rejected["can-modif_24_value.xml"] == "eforms_unsupported_type"
    assert rejected["X01_EEIG.xml"] == "eforms_unsupported_type"
    assert rejected["INVALID_cn_24_empty.xml"] == "notice_no_id"
    assert len(names_with_rows) >= 60


def _sdk(name: str) -> nt.Notice:
    return nt.read((SDK / name).read_bytes())


def test_sdk_examples_checked_by_hand_against_the_xml():
    # can_24_minimal.xml: LotResult RES-0001 (selec-w) -> TEN-0001 (PayableAmount 95414 EUR)
    # -> TPA-0001 -> ORG-0004 "Espaces Verts Lemire", CompanyID "326 912 557"; SettledContract
    # CON-0001 IssueDate 2019-09-03+02:00. Buyer ORG-0001 Rouen Habitat "123 456 789". Lot
    # LOT-0000 "Agence centre", CPV 77310000. IssueDate 2019-10-23.
    n = _sdk("can_24_minimal.xml")
    assert (n.notice_id, n.publication_date) == (
        "65667997-031a-4198-bd25-7225449ef479",
        date(2019, 10, 23),
    )
    assert (n.buyer_org_nr, n.buyer_name) == ("123456789", "Rouen Habitat")
    (lot,) = n.lots
    assert (lot.lot_id, lot.title, lot.cpv_main) == ("LOT-0000", "Agence centre", "77310000")
    assert (lot.winner_names, lot.winner_org_nrs) == (["Espaces Verts Lemire"], ["326912557"])
    assert (lot.award_value, lot.award_currency, lot.conclusion_date) == (
        95414,
        "EUR",
        date(2019, 9, 3),
    )

    # can_24_maximal.xml: LOT-0001's result (selec-w) names TEN-0001 (-> TPA-0001, tenderers
    # ORG-0008 Gyro Soft SA and ORG-0009 The best App Ltd.; ORG-0010 is a subcontractor) and
    # TEN-0002 (-> TPA-0002, ORG-0011 Competitor), 9 999 999.99 EUR each; LOT-0002's result is
    # clos-nw (no winner), though it names TEN-0003.
    n = _sdk("can_24_maximal.xml")
    lot1, lot2 = n.lots
    assert lot1.winner_names == ["Gyro Soft SA", "The best App Ltd.", "Competitor"]
    assert lot1.award_value == pytest.approx(19_999_999.98)
    assert lot1.conclusion_date == date(2023, 3, 24)
    assert lot1.social_objectives == ["acc-all"] and lot1.strategic_procurement == ["env-imp"]
    assert (lot2.result_code, lot2.winner_names) == ("clos-nw", [])

    # cn-social_25.xml: BT-775 opp and acc-all on its lot, 1231 BWP
    n = _sdk("cn-social_25.xml")
    assert n.lots[0].social_objectives == ["acc-all", "opp"]
    assert (n.lots[0].estimated_value, n.lots[0].currency) == (1231, "BWP")

    # cn_24_maximal_100_lots.xml: a hundred lots
    assert len(_sdk("cn_24_maximal_100_lots.xml").lots) == 100

    # change-cn_24_void.xml: a change notice (BT-758 present)
    assert _sdk("change-cn_24_void.xml").changes

    # pin-only_24_lots.xml: a prior information notice's parts (schemeName Part) are its lots
    n = _sdk("pin-only_24_lots.xml")
    assert n.kind == "planning" and len(n.lots) == 10
