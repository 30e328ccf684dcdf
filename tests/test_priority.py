"""The priority score (issue 8): a ranking worked out by hand (its monotonicity:
test_priority_monotonic.py).

Fixture: tests/fixtures/priority/ (canonical headers, one problem-free export), judged as of
A = 2024-06-30 and B = 2024-09-30 with the default weights of settings.toml [priority]:

  product risk   high_risk yes: 6
  value          0.5 per million NOK, at most 5
  country risk   1.5 per ITUC step above 1 of the worst factory country (5 -> 6);
                 a country without a rating counts as 3 (-> 3)
  findings       open: critical 12, major 4, minor 1, observation 0
  overdue        2 per overdue deadline (not annual documentation) + 1 per 30 days of the
                 oldest, that part at most 12
  dialogue       3 per central factory not started by D (contract requires dialogue)
  audit          Oslo model applies: 0.5 per whole month beyond 12 since the last audit
                 (never audited: since the start), at most 12
  documentation  4 per annual documentation overdue

Hand working, as of A = 2024-06-30:
  P1  product 6 | value 4 MNOK * 0.5 = 2 | BD rated 5: 1.5 * 4 = 6 |
      findings C1, C2 critical, closed 15.08 and 20.08 (after A): open, 2 * 12 = 24 |
      overdue: C1 due 01.05 not met, 60 days: 2 + 60/30 = 4 (C2 due 31.07: upcoming) |
      audit A1 01.03.2024: 3 months, within 12: 0                            = 42
  P2  product 6 | value 12 MNOK * 0.5 = 6, capped at 5 | CN rated 5: 6 |
      overdue: milestone M2 due 01.04 not met, 90 days: 2 + 3 = 5 |
      audit: never, 29 months since start 01.01.2022: (29 - 12) * 0.5 = 8.5  = 30.5
  P5  product 6 | value 1 MNOK: 0.5 | PK 5 (VN 4 is lower): 6 |
      overdue: social dialogue at F5A due 01.06.2023 + 6 months = 01.12.2023, not started,
      212 days: 2 + 212/30 = 9.0667 -> 9.07 (F5B started 01.10.2023, on time) |
      dialogue: F5A central, not started: 3 |
      audit A5 01.09.2023: 9 months: 0 |
      documentation: 1st anniversary 01.06.2024 passed, received 01.08.2024 (after A): 4
                                                                            = 28.57
  P7  product 6 | value 0.6 MNOK: 0.3 | SE rated 1: 0 |
      audit A7 30.06.2022: 24 months: (24 - 12) * 0.5 = 6                    = 12.3
  P3  not high risk | value 2 MNOK: 1 | no factories: 0 |
      findings C3 major + C4 minor open: 4 + 1 = 5 (C3 due 31.12.2024: upcoming) |
      audit (Renhold, part 1 applies) A3 15.01.2024: 5 months: 0             = 6
  P4  not high risk | value 2 MNOK: 1 | TW not rated -> 3: 1.5 * 2 = 3 (NO rated 1: 0) |
      findings C5 (in progress) + C6 minor open: 2 | Oslo model does not apply: 0
                                                                            = 6
      P3 and P4 tie at 6: broken by contract_id, P3 first.
  P6  value 0.1 MNOK: 0.05, nothing else                                    = 0.05
  P8  ended 31.03.2024 (open critical finding C8 and all): not in force, not listed
  P9  starts 01.08.2024: not listed yet

  Ranking A: P1 42, P2 30.5, P5 28.57, P7 12.3, P3 6, P4 6, P6 0.05

As of B = 2024-09-30 (what changes):
  P1  C1, C2 closed by B: findings 0, overdue 0 (met late); audit 6 months: 0
      6 + 2 + 6                                                             = 14   (drops 1 -> 3)
  P2  M2 182 days: 2 + 182/30 = 8.0667 -> 8.07 | 32 months: 20 * 0.5 = 10
      6 + 5 + 6 + 8.07 + 10                                                 = 35.07
  P5  F5A 304 days: 2 + 10.1333 -> 12.13 | documentation received 01.08 (late, met): 0 |
      A5 12 months, not beyond 12: 0 | 6 + 0.5 + 6 + 12.13 + 3               = 27.63
  P7  27 months: 15 * 0.5 = 7.5 | 6 + 0.3 + 7.5                              = 13.8
  P3, P4, P6 unchanged (C3 still upcoming; A3 8 months)
  P9  in force now: not high risk, value 1 MNOK: 0.5, nothing else (no audit term: the
      Oslo model does not apply to Konsulenttjenester)                      = 0.5

  Ranking B: P2 35.07, P5 27.63, P1 14, P7 13.8, P3 6, P4 6, P9 0.5, P6 0.05

Next steps (first rule that holds): P1 A follow-up audit (open critical), B monitor;
P2, P5 meeting (overdue deadline); P7 desk audit (24 > 12 months); P3, P4, P6 monitor.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from etikkmonitor import cli, db, geo, priority, settings
from etikkmonitor.filters import Filters
from etikkmonitor.importer import publish, validate

FIXTURE = Path(__file__).parent / "fixtures" / "priority"
A = date(2024, 6, 30)
B = date(2024, 9, 30)

TERMS0 = dict.fromkeys(priority.TERMS, 0.0)


def terms(**points) -> dict:
    return TERMS0 | {k: float(v) for k, v in points.items()}


# contract -> (score, terms, next step), from the hand working above
HAND = {
    A: {
        "P1": (42, terms(product_risk=6, value=2, country_risk=6, findings=24, overdue=4),
               "follow_up_audit"),
        "P2": (30.5, terms(product_risk=6, value=5, country_risk=6, overdue=5, audit=8.5),
               "supplier_meeting"),
        "P5": (28.57, terms(product_risk=6, value=0.5, country_risk=6, overdue=9.07,
                            social_dialogue=3, documentation=4), "supplier_meeting"),
        "P7": (12.3, terms(product_risk=6, value=0.3, audit=6), "desk_audit"),
        "P3": (6, terms(value=1, findings=5), "monitor"),
        "P4": (6, terms(value=1, country_risk=3, findings=2), "monitor"),
        "P6": (0.05, terms(value=0.05), "monitor"),
    },
    B: {
        "P2": (35.07, terms(product_risk=6, value=5, country_risk=6, overdue=8.07, audit=10),
               "supplier_meeting"),
        "P5": (27.63, terms(product_risk=6, value=0.5, country_risk=6, overdue=12.13,
                            social_dialogue=3), "supplier_meeting"),
        "P1": (14, terms(product_risk=6, value=2, country_risk=6), "monitor"),
        "P7": (13.8, terms(product_risk=6, value=0.3, audit=7.5), "desk_audit"),
        "P3": (6, terms(value=1, findings=5), "monitor"),
        "P4": (6, terms(value=1, country_risk=3, findings=2), "monitor"),
        "P9": (0.5, terms(value=0.5), "monitor"),
        "P6": (0.05, terms(value=0.05), "monitor"),
    },
}  # fmt: skip


@pytest.fixture(autouse=True)
def default_settings(monkeypatch):
    """The shipped settings, whatever the environment says; fresh for every test."""
    monkeypatch.delenv("ETIKKMONITOR_SETTINGS", raising=False)
    settings.load.cache_clear()
    yield
    settings.load.cache_clear()


def import_into(folder: Path, path: Path) -> db.Store:
    v = validate([folder])
    try:
        assert not v.rejects(), v.rejects()
        store = db.Store(path)
        publish(v, store)
    finally:
        v.close()
    return store


@pytest.fixture(scope="module")
def db_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("priority") / "priority.duckdb"
    import_into(FIXTURE, path).close()
    return path


@pytest.fixture
def store(db_file):
    s = db.Store(db_file, read_only=True)
    yield s
    s.close()


@pytest.mark.parametrize("as_of", [A, B], ids=["A", "B"])
def test_ranking_as_worked_out_by_hand(store, as_of):
    rows = priority.priorities(store, as_of)
    assert [r["contract_id"] for r in rows] == list(HAND[as_of])
    for r in rows:
        score, expected_terms, step = HAND[as_of][r["contract_id"]]
        assert r["score"] == pytest.approx(score, abs=1e-9), r["contract_id"]
        assert r["terms"] == pytest.approx(expected_terms), r["contract_id"]
        assert r["next_step_code"] == step, r["contract_id"]
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))


@pytest.mark.parametrize("as_of", [A, B], ids=["A", "B"])
def test_tie_is_broken_by_contract_id(store, as_of):
    rows = {r["contract_id"]: r for r in priority.priorities(store, as_of)}
    assert rows["P3"]["score"] == rows["P4"]["score"] == 6
    assert rows["P3"]["rank"] + 1 == rows["P4"]["rank"]


def test_contract_drops_after_its_findings_close(store):
    before = {r["contract_id"]: r for r in priority.priorities(store, A)}
    after = {r["contract_id"]: r for r in priority.priorities(store, B)}
    assert (before["P1"]["rank"], after["P1"]["rank"]) == (1, 3)
    assert before["P1"]["terms"]["findings"] == 24 and after["P1"]["terms"]["findings"] == 0
    assert after["P1"]["next_step_code"] == "monitor"


def test_only_contracts_in_force_are_listed(store):
    # P8 ended 31.03.2024 with a critical finding still open; P9 starts 01.08.2024
    assert "P8" not in {r["contract_id"] for r in priority.priorities(store, A)}
    assert "P9" not in {r["contract_id"] for r in priority.priorities(store, A)}
    assert "P9" in {r["contract_id"] for r in priority.priorities(store, B)}
    early = {r["contract_id"] for r in priority.priorities(store, date(2024, 3, 31))}
    assert "P8" in early  # its last day


def test_score_is_the_sum_of_its_terms(store):
    for as_of in (A, B):
        for r in priority.priorities(store, as_of):
            assert r["score"] == pytest.approx(sum(r["terms"].values()), abs=1e-9)


def test_reasons_in_plain_norwegian(store):
    rows = {r["contract_id"]: r for r in priority.priorities(store, A)}
    assert rows["P1"]["reasons"] == [
        "2 kritiske avvik åpne",
        "1 frist overskredet med 60 dager",
        "høyrisikoprodukt (DFØs liste)",
    ]
    assert rows["P1"]["next_step"] == "Oppfølgingsrevisjon"
    assert rows["P2"]["reasons"][0] == "aldri revidert (29 måneder siden kontraktstart)"
    assert rows["P5"]["reasons"] == [
        "1 frist overskredet med 212 dager",
        "dokumentasjon av sosial dialog mangler for 1 år",
        "1 sentral fabrikk uten sosial dialog",
    ]
    assert rows["P7"]["reasons"] == [
        "ingen revisjon siste 24 måneder",
        "høyrisikoprodukt (DFØs liste)",
    ]
    assert rows["P7"]["next_step"] == "Skrivebordsrevisjon"
    assert rows["P3"]["reasons"][0] == "1 alvorlig og 1 mindre avvik åpne"
    assert "fabrikk i Taiwan (ikke vurdert av ITUC, regnet som 3)" in rows["P4"]["reasons"]
    assert rows["P6"]["reasons"] == []  # 0.05 points explain nothing


def test_reasons_in_english(store):
    rows = {r["contract_id"]: r for r in priority.priorities(store, A, lang="en")}
    assert rows["P1"]["reasons"][:2] == [
        "2 critical findings open",
        "1 deadline overdue by 60 days",
    ]
    assert rows["P1"]["next_step"] == "Follow-up audit"
    assert "factory in Pakistan (ITUC 5)" not in rows["P5"]["reasons"]  # not among the top 3
    assert "documentation of social dialogue missing for 1 year" in rows["P5"]["reasons"]


def test_supplier_roll_up_by_hand(store):
    # A: Tekstil Nord P1 42 + P2 30.5 = 72.5; Linprodukter P5 28.57;
    #    Renhold Øst P7 12.3 + P3 6 = 18.3; Kontor og Papir P4 6 + P6 0.05 = 6.05
    rows = priority.supplier_priorities(store, A)
    assert [(s["supplier_name"], s["score"], s["max_score"], s["contracts"]) for s in rows] == [
        ("Tekstil Nord AS", 72.5, 42, 2),
        ("Linprodukter AS", 28.57, 28.57, 1),
        ("Renhold Øst AS", 18.3, 12.3, 2),
        ("Kontor og Papir AS", 6.05, 6, 2),
    ]
    assert [s["next_step_code"] for s in rows] == [
        "follow_up_audit",  # P1's, the most urgent of P1 and P2
        "supplier_meeting",
        "desk_audit",  # P7's; P3 needs nothing
        "monitor",
    ]
    assert rows[0]["contract_ids"] == ["P1", "P2"] and rows[0]["supplier_org_nr"] == "910000004"
    # B: Tekstil Nord 14 + 35.07 = 49.07, led by P2 now; Renhold Øst 13.8 + 6 = 19.8;
    #    Kontor og Papir P4 6 + P9 0.5 + P6 0.05 = 6.55. (Linprodukter's ended P8: never.)
    rows = priority.supplier_priorities(store, B)
    assert [(s["supplier_name"], s["score"]) for s in rows] == [
        ("Tekstil Nord AS", 49.07),
        ("Linprodukter AS", 27.63),
        ("Renhold Øst AS", 19.8),
        ("Kontor og Papir AS", 6.55),
    ]
    assert rows[3]["contract_ids"] == ["P4", "P9", "P6"]
    assert rows[0]["top_contract_id"] == "P2" and rows[0]["next_step_code"] == "supplier_meeting"


def test_filters_as_everywhere(store):
    # Sykehjemsetaten owns nothing but has a call-off on P5
    rows = priority.priorities(store, A, Filters(agencies=("Sykehjemsetaten",)))
    assert [r["contract_id"] for r in rows] == ["P5"]
    rows = priority.priorities(store, A, Filters(agencies=("Bydel Alna",)))
    assert [r["contract_id"] for r in rows] == ["P3", "P4", "P6"]
    rows = priority.priorities(store, A, Filters(countries=("BD", "CN")))
    assert [r["contract_id"] for r in rows] == ["P1", "P2"]
    assert [r["contract_id"] for r in priority.priorities(store, A, top=2)] == ["P1", "P2"]


def test_empty_database_gives_an_empty_list(tmp_path):
    s = db.Store(tmp_path / "empty.duckdb")
    try:
        assert priority.priorities(s, A) == []
        assert priority.supplier_priorities(s, A) == []
    finally:
        s.close()


def test_cli_json_is_the_same_list(db_file, capsys):
    code = cli.main(
        ["priorities", "--as-of", "2024-06-30", "--top", "3", "--db", str(db_file), "--json"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert [(r["contract_id"], r["score"]) for r in out] == [
        ("P1", 42),
        ("P2", 30.5),
        ("P5", 28.57),
    ]
    assert set(out[0]) >= {
        "contract_id", "supplier_name", "agency", "score", "reasons", "next_step", "terms",
    }  # fmt: skip
    code = cli.main(
        ["priorities", "--as-of", "2024-06-30", "--agency", "Sykehjemsetaten",
         "--db", str(db_file), "--json", "--suppliers"]
    )  # fmt: skip
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert [(s["supplier_name"], s["score"]) for s in out] == [("Linprodukter AS", 28.57)]


def test_cli_import_of_the_fixture_and_text_output(tmp_path, capsys):
    path = tmp_path / "cli.duckdb"
    assert cli.main(["import", str(FIXTURE), "--db", str(path)]) == 0
    capsys.readouterr()
    assert cli.main(["priorities", "--as-of", "2024-09-30", "--db", str(path), "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert "P2 Tekstil Nord AS: Møte med leverandøren" in out
    assert "aldri revidert (32 måneder siden kontraktstart)" in out


def use_settings(monkeypatch, tmp_path, text: str) -> None:
    f = tmp_path / "local.toml"
    f.write_text(text, encoding="utf-8")
    monkeypatch.setenv("ETIKKMONITOR_SETTINGS", str(f))
    settings.load.cache_clear()


def test_weights_and_country_table_come_from_the_settings(store, monkeypatch, tmp_path):
    table = tmp_path / "my_countries.csv"
    table.write_text("alpha2;country;rating\nTW;Taiwan;5+\nBD;Bangladesh;1\n", encoding="utf-8")
    use_settings(
        monkeypatch,
        tmp_path,
        f'[priority]\ncountry_risk_file = "{table.as_posix()}"\nfinding_minor = 2\n',
    )
    rows = {r["contract_id"]: r for r in priority.priorities(store, A)}
    # P4: TW now 5+ -> 1.5 * 5 = 7.5; two minor findings at 2 each = 4
    assert rows["P4"]["terms"]["country_risk"] == 7.5
    assert rows["P4"]["terms"]["findings"] == 4
    assert "fabrikk i Taiwan (ITUC 5+)" in rows["P4"]["reasons"]
    # P1: BD now 1 -> 0; P2's CN is not in this table -> default 3 -> 3
    assert rows["P1"]["terms"]["country_risk"] == 0
    assert rows["P2"]["terms"]["country_risk"] == 3


def test_switching_a_term_off_hides_it_from_score_not_from_next_step(store, monkeypatch, tmp_path):
    use_settings(monkeypatch, tmp_path, "[priority]\nfinding_critical = 0\n")
    p1 = next(r for r in priority.priorities(store, A) if r["contract_id"] == "P1")
    assert p1["terms"]["findings"] == 0 and p1["score"] == 18
    assert p1["next_step_code"] == "follow_up_audit"


@pytest.mark.parametrize(
    "text, message",
    [
        ("[priority]\nfinding_major = -1\n", "must not be negative: finding_major"),
        ("[priority]\ncountry_default_rating = 7\n", "country_default_rating"),
    ],
)
def test_bad_weights_are_refused(store, monkeypatch, tmp_path, text, message):
    use_settings(monkeypatch, tmp_path, text)
    with pytest.raises(ValueError, match=message):
        priority.priorities(store, A)


def test_bad_country_table_is_refused_with_its_line(store, monkeypatch, tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("alpha2;country;rating\nBD;Bangladesh;5\nCN;China;very bad\n", "utf-8")
    use_settings(monkeypatch, tmp_path, f'[priority]\ncountry_risk_file = "{table.as_posix()}"\n')
    with pytest.raises(ValueError, match="line 3: rating 'very bad'"):
        priority.priorities(store, A)


def test_shipped_country_table_covers_the_demo_supply_chains():
    with (Path(priority.__file__).with_name("data") / "country_risk.csv").open() as f:
        rows = {r["alpha2"]: r for r in csv.DictReader(f, delimiter=";")}
    demo = [
        "BD",
        "CN",
        "IN",
        "VN",
        "PK",
        "TR",
        "KH",
        "LK",
        "MM",
        "MY",
        "TH",
        "ID",
        "PH",
        "MX",
        "BR",
        "CO",
        "ET",
        "GH",
        "CI",
        "CR",
        "PT",
        "PL",
        "LT",
        "IT",
        "DE",
        "SE",
        "NO",
        "EG",
        "MA",
        "TN",
        "HN",
        "GT",
        "KE",
    ]
    assert not [c for c in demo if c not in rows]
    assert "TW" not in rows  # not rated by ITUC: the default applies
    assert {r["rating"] for r in rows.values()} <= set(priority.RATINGS)
    assert {r["edition"] for r in rows.values()} == {"2024"}
    assert set(rows) <= set(geo.countries())


@pytest.mark.parametrize(
    "facts, step",
    [
        ({"open_critical": 1}, "follow_up_audit"),
        ({"open_major_overdue": 1, "overdue_count": 1}, "follow_up_audit"),
        ({"overdue_count": 2, "documentation_missing": 1}, "supplier_meeting"),
        ({"documentation_missing": 1, "months_without_audit": 30}, "documentation_reminder"),
        ({"months_without_audit": 13}, "desk_audit"),
        ({"months_without_audit": 12}, "monitor"),
        ({"months_without_audit": 40, "oslo_applies": False}, "monitor"),
    ],
)
def test_next_step_rules(facts, step):
    row = {
        "open_critical": 0,
        "open_major_overdue": 0,
        "overdue_count": 0,
        "documentation_missing": 0,
        "months_without_audit": 0,
        "oslo_applies": True,
    } | facts
    assert priority.next_step_code(row, 12) == step


def test_country_table_from_excel(store, monkeypatch, tmp_path):
    # "CSV UTF-8" from Excel carries a BOM: read as any other; Windows-1252 is refused clearly
    table = tmp_path / "excel.csv"
    table.write_text("alpha2;country;rating\nTW;Taiwan;4\n", encoding="utf-8-sig")
    use_settings(monkeypatch, tmp_path, f'[priority]\ncountry_risk_file = "{table.as_posix()}"\n')
    p4 = next(r for r in priority.priorities(store, A) if r["contract_id"] == "P4")
    assert p4["terms"]["country_risk"] == 4.5
    table.write_text("alpha2;country;rating\nCI;Elfenbenskysten (Côte d'Ivoire);3\n", "cp1252")
    with pytest.raises(ValueError, match="not UTF-8"):
        priority.priorities(store, A)


@pytest.mark.parametrize(
    "n, lang, text",
    [
        (1, "en", "documentation of social dialogue missing for 1 year"),
        (2, "en", "documentation of social dialogue missing for 2 years"),
        (2, "nb", "dokumentasjon av sosial dialog mangler for 2 år"),
    ],
)
def test_missing_documentation_counts_its_years(n, lang, text):
    assert priority.reason("documentation", {"documentation_missing": n}, lang) == text
