"""The demo data: deterministic, scalable, realistic, and the messy export as its README says.

Expected values come from the specification of the demo world (the DFØ case, Oslo's agencies,
the export contract), not from the generator's output.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from etikkmonitor import demo, schema

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 25)
MID_2024 = date(2024, 6, 30)
DATA_TABLES = [t for t in schema.TABLE_ORDER if t != "agencies"]


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def mod11_ok(nr: str) -> bool:
    if not re.fullmatch(r"\d{9}", nr):
        return False
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    r = sum(int(d) * w for d, w in zip(nr[:8], weights, strict=True)) % 11
    check = 0 if r == 0 else 11 - r
    return check != 10 and check == int(nr[8])


def d(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def deadline_status(due: date, met: date | None, as_of: date) -> str:
    if met is not None and met <= as_of:
        return "met_on_time" if met <= due else "met_late"
    return "overdue" if due < as_of else "upcoming"


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("demo")
    return out, demo.generate(out)


@pytest.fixture(scope="module")
def tables(world) -> dict[str, list[dict[str, str]]]:
    out, _ = world
    return {t: rows(out, t) for t in schema.TABLE_ORDER}


# -- determinism and scale ---------------------------------------------------------------------


def test_same_scale_and_seed_give_identical_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert demo.generate(a) == demo.generate(b)
    for t in schema.TABLE_ORDER:
        assert (a / f"{t}.csv").read_bytes() == (b / f"{t}.csv").read_bytes(), t


def test_another_seed_gives_another_world(tmp_path):
    demo.generate(tmp_path / "a", seed=1)
    demo.generate(tmp_path / "b", seed=2)
    assert (tmp_path / "a/contracts.csv").read_bytes() != (
        tmp_path / "b/contracts.csv"
    ).read_bytes()


def test_files_are_clean_canonical_csv(world):
    out, counts = world
    for t in schema.TABLE_ORDER:
        raw = (out / f"{t}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
        text = raw.decode("utf-8")
        header = text.split("\n", 1)[0]
        assert header.split(";") == schema.TABLES[t].column_names, t
        assert len(rows(out, t)) == counts[t]


def test_scale_one_is_a_realistic_oslo(world):
    _, counts = world
    assert 300 <= counts["contracts"] <= 400
    assert 120 <= counts["factories"] <= 260
    assert counts["agencies"] >= 25
    for t in schema.TABLE_ORDER:
        assert counts[t] > 0, t
    # scale 100 should be about a million rows: one block about ten thousand
    assert 7_000 <= sum(counts.values()) <= 14_000


def test_scale_two_doubles_and_keys_stay_unique(tmp_path, world):
    _, one = world
    two = demo.generate(tmp_path, scale=2)
    assert two["agencies"] == one["agencies"]
    for t in DATA_TABLES:
        assert 1.5 <= two[t] / one[t] <= 2.5, (t, one[t], two[t])
    for name in schema.TABLE_ORDER:
        key = schema.TABLES[name].key
        if key:
            keys = [tuple(r[c] for c in key) for r in rows(tmp_path, name)]
            assert len(keys) == len(set(keys)), name
    contracts = {r["contract_id"] for r in rows(tmp_path, "contracts")}
    factories = {(r["factory_id"], r["contract_id"]) for r in rows(tmp_path, "factories")}
    audits = {r["audit_id"] for r in rows(tmp_path, "audits")}
    for t in ("factories", "audits", "documentation", "milestones", "calloffs"):
        assert {r["contract_id"] for r in rows(tmp_path, t)} <= contracts, t
    assert {r["audit_id"] for r in rows(tmp_path, "findings")} <= audits
    for t in ("audits", "milestones"):
        for r in rows(tmp_path, t):
            if r["factory_id"]:
                assert (r["factory_id"], r["contract_id"]) in factories, (t, r)


# -- realism -----------------------------------------------------------------------------------

REAL_AGENCIES = {
    "Utviklings- og kompetanseetaten",
    "Bymiljøetaten",
    "Sykehjemsetaten",
    "Helseetaten",
    "Utdanningsetaten",
    "Velferdsetaten",
    "Renovasjons- og gjenvinningsetaten",
    "Vann- og avløpsetaten",
    "Brann- og redningsetaten",
    "Kulturetaten",
    "Barne- og familieetaten",
    "Plan- og bygningsetaten",
    "Eiendoms- og byfornyelsesetaten",
    "Oslobygg KF",
    "Boligbygg Oslo KF",
    "Oslo Havn KF",
}
BYDELER = {
    f"Bydel {n}"
    for n in (
        "Alna", "Bjerke", "Frogner", "Gamle Oslo", "Grorud", "Grünerløkka", "Nordre Aker",
        "Nordstrand", "Sagene", "St. Hanshaugen", "Stovner", "Søndre Nordstrand", "Ullern",
        "Vestre Aker", "Østensjø",
    )
}  # fmt: skip


def test_agencies_are_oslos_and_all_used(tables):
    agencies = {r["agency"]: r for r in tables["agencies"]}
    assert REAL_AGENCIES | BYDELER <= agencies.keys()
    for name in BYDELER:
        assert agencies[name]["agency_type"] == "bydel"
    assert {r["agency_type"] for r in agencies.values()} == {"etat", "bydel", "foretak"}
    assert all(r["department"].startswith("Byrådsavdeling for ") for r in agencies.values())
    used = {r["agency"] for r in tables["contracts"]} | {r["agency"] for r in tables["calloffs"]}
    assert used == agencies.keys()


def test_org_numbers_pass_mod11(tables):
    numbers = {r["supplier_org_nr"] for r in tables["contracts"]}
    assert len(numbers) > 50
    assert all(mod11_ok(n) for n in numbers), [n for n in numbers if not mod11_ok(n)]


def test_org_number_check_digit_helper():
    assert demo.orgnr_check_digit("98765432") == 5  # 987654325 is valid, 987654321 not
    assert mod11_ok("987654325") and not mod11_ok("987654321")


def test_values_cluster_around_the_thresholds(tables):
    values = [float(r["value_nok"]) for r in tables["contracts"]]
    assert sum(v == 500_000 for v in values) >= 3
    assert sum(450_000 <= v <= 550_000 for v in values) >= 30
    assert sum(90_000 <= v <= 110_000 for v in values) >= 15
    assert max(values) >= 40_000_000


def test_categories_cover_high_risk_and_part1(tables):
    cats = Counter(r["category"] for r in tables["contracts"])
    for name in (
        "Arbeidstøy, fottøy og tekstil", "IKT-utstyr", "Medisinsk forbruksmateriell",
        "Hansker og verneutstyr", "Møbler", "Leker og sportsutstyr", "Byggevarer og naturstein",
        "Solcellepaneler", "Kontorrekvisita", "Elektronikk og batterier", "Bygg og anlegg",
        "Renhold", "Konsulenttjenester", "Transport", "Vakttjenester",
    ):  # fmt: skip
        assert cats[name] > 0, name
    assert any(c.startswith("Matvarer") for c in cats)


def test_factories_are_plausible(tables):
    with open(ROOT / "etikkmonitor/data/countries.csv", encoding="utf-8") as f:
        known = {r["alpha2"] for r in csv.DictReader(f, delimiter=";")}
    factories = tables["factories"]
    assert {r["country"] for r in factories} <= known
    assert {"BD", "CN", "VN", "MY"} <= {r["country"] for r in factories}
    for r in factories:
        if r["latitude"]:
            assert -90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180
        if r["workers_trained"]:
            assert int(r["workers_trained"]) <= int(r["workers"])
        if r["dialogue_status"] in ("in_progress", "implemented"):
            assert r["dialogue_started"]
    assert any(not r["latitude"] for r in factories), "some placed by country only"
    statuses = {r["dialogue_status"] for r in factories}
    assert statuses == set(schema.DIALOGUE_STATUS)
    tools = {r["dialogue_tool"] for r in factories}
    for tool in ("Quizrr", "TAOS", "WE Program", "Amader Kotha"):
        assert any(tool in t for t in tools), tool
    assert {r["country"] for r in factories if r["dialogue_tool"] == "Amader Kotha"} == {"BD"}
    assert {"Etisk Handel Norge", "amfori", "Fair Wear"} <= {r["partner"] for r in factories}


def test_every_finding_area_and_severity_occurs(tables):
    findings = tables["findings"]
    assert {r["area"] for r in findings} == set(schema.FINDING_AREA)
    assert {r["severity"] for r in findings} == set(schema.SEVERITY)
    assert {r["status"] for r in findings} == set(schema.FINDING_STATUS)
    for r in findings:
        assert (r["status"] == "closed") == bool(r["closed_date"]), r


def test_critical_forced_and_child_labour_findings_are_open_today(tables):
    open_critical = {
        r["area"]
        for r in tables["findings"]
        if r["severity"] == "critical" and not (r["closed_date"] and d(r["closed_date"]) <= TODAY)
    }
    assert {"forced_labour", "child_labour"} <= open_critical


def test_every_deadline_status_appears_today_and_mid_2024(tables):
    for as_of in (MID_2024, TODAY):
        seen = Counter(
            deadline_status(d(m["due_date"]), d(m["met_date"]), as_of) for m in tables["milestones"]
        )
        seen += Counter(
            deadline_status(d(f["due_date"]), d(f["closed_date"]), as_of)
            for f in tables["findings"]
            if f["due_date"]
        )
        assert set(seen) == {"met_on_time", "met_late", "overdue", "upcoming"}, (as_of, seen)


def test_nothing_happens_after_the_export_date(tables):
    later = [
        (t, c, r[c])
        for t, cols in (
            ("factories", ("dialogue_started",)),
            ("audits", ("audit_date",)),
            ("findings", ("closed_date",)),
            ("documentation", ("received_date",)),
            ("milestones", ("met_date",)),
        )
        for r in tables[t]
        for c in cols
        if r[c] and d(r[c]) > TODAY
    ]
    assert not later


# -- the seed case -----------------------------------------------------------------------------


def test_uke_work_clothes_case(tables):
    (c,) = [r for r in tables["contracts"] if r["contract_id"] == "UKE-2019-0147"]
    assert c["agency"] == "Utviklings- og kompetanseetaten"
    assert c["category"] == "Arbeidstøy, fottøy og tekstil"
    assert c["contract_type"] == "framework"
    assert float(c["value_nok"]) == 40_000_000
    assert c["start_date"] == "2019-09-01"
    assert d(c["end_date"]).year == 2023  # four years
    assert c["high_risk"] == "ja"
    assert c["oslo_part2_clauses"] == "ja" and c["oslo_part2_relevant"] in ("ja", "")
    assert c["social_dialogue_required"] == "ja"

    factories = [r for r in tables["factories"] if r["contract_id"] == "UKE-2019-0147"]
    central = [r for r in factories if r["central"] == "ja"]
    assert len(factories) > 2 and len(central) == 2
    assert {r["country"] for r in central} & {"BD"}
    assert {r["country"] for r in central} & {"CN", "VN"}
    (done,) = [r for r in central if r["dialogue_status"] == "implemented"]
    assert done["partner"] == "Etisk Handel Norge"
    (other,) = [r for r in central if r is not done]
    assert d(other["dialogue_started"]) > d(done["dialogue_started"])  # started later
    tools = " ".join(r["dialogue_tool"] for r in central)
    assert "TAOS" in tools and "Quizrr" in tools

    audits = [r for r in tables["audits"] if r["contract_id"] == "UKE-2019-0147"]
    (desk,) = [r for r in audits if r["audit_type"] == "desk"]
    assert date(2020, 5, 1) <= d(desk["audit_date"]) <= date(2020, 6, 30)  # before summer 2020
    sd = [
        r
        for r in tables["findings"]
        if r["audit_id"] == desk["audit_id"] and r["area"] == "social_dialogue"
    ]
    (finding,) = sd
    assert finding["severity"] == "major"
    assert finding["due_date"] and finding["status"] == "closed"
    assert d(finding["closed_date"]) > d(desk["audit_date"])

    milestones = [r for r in tables["milestones"] if r["contract_id"] == "UKE-2019-0147"]
    assert len(milestones) >= 3  # the action plan
    assert any("kvalitetsansvarlig" in r["description"] for r in milestones)
    buyers = {r["agency"] for r in tables["calloffs"] if r["contract_id"] == "UKE-2019-0147"}
    assert len(buyers) >= 10  # a joint agreement


def test_a_second_dialogue_framework_is_badly_followed(tables):
    contracts = {r["contract_id"]: r for r in tables["contracts"]}
    late = []
    for f in tables["factories"]:
        c = contracts[f["contract_id"]]
        if (
            c["contract_id"] != "UKE-2019-0147"
            and c["contract_type"] == "framework"
            and c["social_dialogue_required"] == "ja"
            and f["central"] == "ja"
            and not f["dialogue_started"]
        ):
            due = demo._add_months(d(c["start_date"]), 6)
            if (TODAY - due).days >= 300:
                late.append(c["contract_id"])
    assert late


# -- committed folders -------------------------------------------------------------------------


def test_committed_demo_equals_a_fresh_generate(tmp_path):
    demo.generate(tmp_path)
    committed = ROOT / "data" / "demo"
    assert sorted(p.name for p in committed.iterdir()) == sorted(p.name for p in tmp_path.iterdir())
    for p in tmp_path.iterdir():
        assert (committed / p.name).read_bytes() == p.read_bytes(), f"data/demo/{p.name}"


def test_committed_messy_equals_a_fresh_write(tmp_path):
    demo.write_messy(tmp_path)
    committed = ROOT / "data" / "demo-messy"
    assert sorted(p.name for p in committed.iterdir()) == sorted(p.name for p in tmp_path.iterdir())
    for p in tmp_path.iterdir():
        assert (committed / p.name).read_bytes() == p.read_bytes(), f"data/demo-messy/{p.name}"


# -- the messy export --------------------------------------------------------------------------

MESSY = ROOT / "data" / "demo-messy"


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def messy_table(name: str) -> tuple[list[str], list[list[str]], list[str]]:
    """(header, data rows, physical lines) of a messy file, its delimiter detected."""
    text = decode((MESSY / name).read_bytes())
    lines = text.split("\r\n")
    delimiter = max((";", ",", "\t"), key=lambda c: len(next(csv.reader([lines[0]], delimiter=c))))
    parsed = list(csv.reader(text.splitlines(), delimiter=delimiter))
    return parsed[0], parsed[1:], lines


def readme_problems() -> list[tuple[str, int, str, str]]:
    text = (MESSY / "README.md").read_text(encoding="utf-8")
    out = []
    row = re.compile(r"^\| (\S+\.csv) \| (\d+) \| ([^|]+?) \| ([^|]+?) \| [^|]+ \|$", re.MULTILINE)
    for m in row.finditer(text):
        value = m[4]
        value = "" if value == "(tom)" else value.strip("`")
        out.append((m[1], int(m[2]), m[3], value))
    return out


def test_messy_readme_lines_exist_and_hold_the_value():
    problems = readme_problems()
    assert len(problems) >= 14
    for file, line, column, value in problems:
        header, data, lines = messy_table(file)
        assert 2 <= line <= len(data) + 1, (file, line)
        assert column in header, (file, column)
        assert data[line - 2][header.index(column)] == value, (file, line, column)
        assert value in lines[line - 1]


def test_messy_readme_covers_every_kind_of_bad_row():
    reasons = (MESSY / "README.md").read_text(encoding="utf-8")
    for words in (
        "finnes ikke",  # unparseable date
        "ikke et tall",
        "ukjent verdi",
        "påkrevd verdi mangler",
        "samme nøkkel",
        "finnes ikke i eksporten",  # broken reference
        "avvises også",  # child of a rejected parent
        "kontrollsiffer",
        "sluttdato er før startdato",
        "flere opplærte",
        "Lukket dato er tom",
        "breddegrad utenfor",
    ):
        assert words in reasons, words


def test_messy_export_is_messy_in_the_promised_ways():
    files = sorted(p.name for p in MESSY.glob("*.csv"))
    assert {"kontrakter.csv", "fabrikker.csv", "revisjoner.csv", "avvik.csv"} <= set(files)
    raw = {name: (MESSY / name).read_bytes() for name in files}
    cp1252 = [n for n, b in raw.items() if not _is_utf8(b)]
    assert cp1252, "at least one Windows-1252 file"
    texts = {n: decode(b) for n, b in raw.items()}
    delimiters = set()
    total = 0
    for name in files:
        header, data, _ = messy_table(name)
        total += len(data)
        first = texts[name].split("\r\n", 1)[0]
        delimiters |= {c for c in ";,\t" if c in first}
    assert delimiters == {";", ",", "\t"}
    assert 40 <= total <= 80
    everything = "\n".join(texts.values())
    assert "\u00a0" in everything and "1.250.000,50" in everything and "250000 kr" in everything
    assert re.search(r"\b\d{2}\.\d{2}\.\d{4}\b", everything)
    for alias in ("pågår", "ikke startet", "kritisk", "åpen", "lukket"):
        assert alias in everything.lower(), alias
    header, _, _ = messy_table("kontrakter.csv")
    assert "Kommentar" in header


def _is_utf8(b: bytes) -> bool:
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_messy_export_imports_as_its_readme_says():
    importer = pytest.importorskip("etikkmonitor.importer")
    v = importer.validate([MESSY])
    try:
        rejected = {(r["file"], r["line"]) for r in v.rejects()}
        files = {f["file"]: f for f in v.files()}
    finally:
        v.close()
    assert rejected == {(f, line) for f, line, _, _ in readme_problems()}
    assert files["kontrakter.csv"]["unknown_columns"] == ["Kommentar"]


def test_clean_demo_imports_without_rejects(world):
    importer = pytest.importorskip("etikkmonitor.importer")
    out, counts = world
    v = importer.validate([out])
    try:
        assert v.rejects() == []
        assert v.counts == counts
    finally:
        v.close()
