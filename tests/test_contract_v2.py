"""Export contract version 2's schema: notice_id on contracts, os_id and address on factories,
and the dialogue status `not_reported`, on a tiny hand-made export."""

from __future__ import annotations

from datetime import date

import pytest

from etikkmonitor import charts, db, settings, snapshot
from etikkmonitor.filters import Filters
from etikkmonitor.importer import publish, validate
from etikkmonitor.summary import key_figures

# Norwegian headers, as a data owner writes them (the v2 columns by their aliases).
EXPORT = {
    "kontrakter.csv": [
        (
            "kontrakt_id;tittel;virksomhet;leverandor_orgnr;leverandor;kategori;hoyrisiko;"
            "verdi_nok;startdato;sluttdato;krav_sosial_dialog;Kunngjøring-ID"
        ),
        "A;Klær;Bymiljøetaten;923609016;T AS;Tekstil;ja;600000;2024-01-01;;ja;2023-412345",
        "B;Sko;Bydel Alna;974760673;S AS;Sko;ja;700000;2024-01-01;;nei;",
    ],
    "fabrikker.csv": [
        (
            "fabrikk_id;kontrakt_id;fabrikknavn;land;sentral;status_sosial_dialog;dialog_startet;"
            "OS ID;Adresse"
        ),
        # A valid OS ID (15 characters; its check character is checked on import): B 66 + D 68
        # = 134; 2+0+1+9+3+5+4 = 24; Y 30 + H 17 + 8 + R 24 + 6 = 85; 243 mod 32 = 19 = K.
        "FA;A;Dhaka 1;BD;ja;ikke rapportert;;BD2019354YH8R6K;Road 4, Gazipur",
        "FB;A;Dhaka 2;BD;nei;Not Reported;;;",
        "FC;A;Ningbo 1;CN;ja;ikke startet;;;",
        "FD;B;Izmir 1;TR;ja;pågår;2024-03-01;;",
    ],
}


@pytest.fixture
def store(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    for name, lines in EXPORT.items():
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    v = validate([folder])
    assert v.rejects() == []
    s = db.Store(tmp_path / "v2.duckdb")
    publish(v, s, user="test")
    yield s
    s.close()


def test_new_columns_are_stored_as_text(store):
    con = store.cursor()
    assert con.execute(
        "SELECT contract_id, notice_id FROM contracts ORDER BY contract_id"
    ).fetchall() == [("A", "2023-412345"), ("B", None)]
    assert con.execute(
        "SELECT factory_id, os_id, address FROM factories ORDER BY factory_id"
    ).fetchall() == [
        ("FA", "BD2019354YH8R6K", "Road 4, Gazipur"),
        ("FB", None, None),
        ("FC", None, None),
        ("FD", None, None),
    ]
    assert con.execute(
        "SELECT factory_id, dialogue_status FROM factories ORDER BY factory_id"
    ).fetchall() == [
        ("FA", "not_reported"),  # `ikke rapportert`
        ("FB", "not_reported"),  # `Not Reported`, folded as headers are
        ("FC", "not_started"),
        ("FD", "in_progress"),
    ]


def test_not_reported_has_its_own_key_and_counts_as_not_started_for_deadlines(store):
    # Both contracts start 2024-01-01 with no end: in force on both dates.
    # Factories: FA (central, not reported), FB (not central, not reported), FC (central, not
    # started) under A; FD (central, in progress) under B.
    # -> total 4, central 3; by_status not_reported 2 (FA, FB), not_started 1 (FC),
    #    in_progress 1 (FD); central: not_reported 1 (FA), not_started 1, in_progress 1.
    # Deadlines: A requires social dialogue, B does not. Social dialogue due 2024-01-01 + 6
    # months = 2024-07-01 for A's central factories FA and FC, neither with dialogue_started:
    # as of 2024-09-30 both overdue (a not-reported factory is judged as one not started);
    # as of 2024-06-30 both upcoming. Documentation of A: first anniversary 2025-01-01, the only
    # one due (no end date: up to the first anniversary after D) -> upcoming on both dates.
    f = key_figures(store, date(2024, 9, 30))
    assert f["contracts"] == 2
    assert f["factories"]["total"] == 4 and f["factories"]["central"] == 3
    assert f["factories"]["by_status"] == {
        "not_reported": 2,
        "not_started": 1,
        "planned": 0,
        "in_progress": 1,
        "implemented": 0,
    }
    assert f["factories"]["central_by_status"] == {
        "not_reported": 1,
        "not_started": 1,
        "planned": 0,
        "in_progress": 1,
        "implemented": 0,
    }
    assert f["deadlines"] == {"met_on_time": 0, "met_late": 0, "overdue": 2, "upcoming": 1}
    before = key_figures(store, date(2024, 6, 30))
    assert before["deadlines"] == {"met_on_time": 0, "met_late": 0, "overdue": 0, "upcoming": 3}
    overdue = store.query(
        "deadlines_list",
        import_id=f["import_id"],
        as_of=date(2024, 9, 30),
        filters=_no_filters(),
        rules=_rules(),
        limit=100,
    )
    overdue = overdue[overdue["status"] == "overdue"]
    assert sorted(zip(overdue["kind"], overdue["ref_id"], strict=True)) == [
        ("social_dialogue", "FA"),
        ("social_dialogue", "FC"),
    ]


def test_snapshot_counts_not_reported_by_country(store):
    data = snapshot.collect(store, date(2024, 9, 30))
    by_country = {
        r["country"]: (r["central"], r["not_reported"], r["not_started"], r["in_progress"])
        for _, r in data.dialogue.iterrows()
    }
    # central factories: BD: FA (not reported); CN: FC (not started); TR: FD (in progress)
    assert by_country == {"BD": (1, 1, 0, 0), "CN": (1, 0, 1, 0), "TR": (1, 0, 0, 1)}
    rows, _, _ = snapshot.dialogue_rows(data, "nb", snapshot.MAX_COUNTRIES)
    assert rows[0][1]["not_reported"] == 1
    assert rows[0][2] == "1 av 3 startet"  # started: only FD
    en = snapshot.render(data, "en")
    assert en[:4] == b"%PDF"


def test_not_reported_has_words_and_a_mark_of_its_own():
    fig = charts.status_counts({"not_reported": 3}, charts.DIALOGUE_STATUSES, "en")
    bar = next(t for t in fig.data if t.name == "Not reported")
    assert bar.y[0] == 3 and bar.marker.pattern.shape == "."
    assert "not_reported" in charts.MAP_SYMBOLS
    assert len(set(charts.MAP_SYMBOLS.values())) == len(charts.MAP_SYMBOLS)
    nb = charts.status_counts({}, charts.DIALOGUE_STATUSES, "nb")
    assert "Ikke rapportert" in [t.name for t in nb.data]


def test_a_version_1_database_gains_the_new_columns(tmp_path):
    path = tmp_path / "v1.duckdb"
    con = db.connect(path)
    for table, column in (
        ("contracts", "notice_id"),
        ("factories", "os_id"),
        ("factories", "address"),
    ):
        con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.close()
    con = db.connect(path)  # opening it brings it to this version
    cols = {
        (t, c)
        for t, c in con.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
        ).fetchall()
    }
    assert {("contracts", "notice_id"), ("factories", "os_id"), ("factories", "address")} <= cols
    con.close()


def _no_filters():
    return Filters().as_param()


def _rules():
    return settings.rules()
