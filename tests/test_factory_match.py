"""One factory across contracts and imports: the Fabrikker view's places, the map's points,
likely matches a person confirms or rejects.

Starts from tests/fixtures/osh (see test_factory_lists.py for the list worked out by hand):
after K1's list, F-K2-1 supplies K1 (not_reported) and K2 (in_progress).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_factory_lists import FIXTURE, LIST, SIALKOT, import_list

from etikkmonitor import db, factory_match, factory_view, maps, settings
from etikkmonitor.factory_lists import FactoryList
from etikkmonitor.filters import Filters
from etikkmonitor.importer import publish, validate


@pytest.fixture
def store(tmp_path):
    s = db.Store(tmp_path / "m.duckdb")
    v = validate([FIXTURE / "base"])
    publish(v, s)
    v.close()
    import_list(s)
    yield s
    s.close()


def places(store):
    return factory_view.with_contracts(
        store.query(
            "factory_places",
            import_id=store.current_import_id(),
            as_of=date(2024, 6, 30),  # K1 and K2 started 2024-01-01: both in force
            filters=Filters().as_param(),
            rules=settings.rules(),
        )
    )


def test_two_contracts_sharing_a_factory_are_one_place(store):
    df = places(store).set_index("place_id")
    # K1: F-K2-1, SUP-7, IN2019067X1K87G, SIALKOT; K2: F-K2-1 -> 4 places, one with 2
    # contracts. A place is named by its OS ID where the factory has one.
    assert sorted(df.index) == sorted(["CN2019303BQ3FZP", "SUP-7", "IN2019067X1K87G", SIALKOT])
    shared = df.loc["CN2019303BQ3FZP"]
    assert list(shared["factory_ids"]) == ["F-K2-1"]
    assert shared["n_contracts"] == 2
    assert [(c["contract_id"], c["dialogue_status"]) for c in shared["contracts"]] == [
        ("K1", "not_reported"),
        ("K2", "in_progress"),
    ]
    assert (shared["latitude"], shared["longitude"]) == (22.54, 114.05)  # K1's row has them
    table = factory_view.places_table(df.reset_index(), "nb").set_index("place_id")
    assert table.loc["CN2019303BQ3FZP", "statuses"] == "K1: Ikke rapportert; K2: Pågår"


def test_the_map_draws_a_shared_factory_once_with_both_contracts(store):
    fig = maps.places_map(places(store), "nb")
    hovers = [h for trace in fig.data for h in trace.hovertext]
    assert sum(1 for t in fig.data for _ in t.lat) == 4  # four places, four points
    shenzhen = [h for h in hovers if "Shenzhen" in h]
    assert len(shenzhen) == 1
    assert "K1" in shenzhen[0] and "K2" in shenzhen[0]
    assert "Ikke rapportert" in shenzhen[0] and "Pågår" in shenzhen[0]


def test_two_ids_with_one_os_id_are_one_place(tmp_path):
    s = db.Store(tmp_path / "o.duckdb")
    d = tmp_path / "x"
    d.mkdir()
    (d / "contracts.csv").write_bytes((FIXTURE / "base" / "contracts.csv").read_bytes())
    (d / "factories.csv").write_text(
        "factory_id;contract_id;factory_name;country;dialogue_status;os_id\n"
        "A-1;K1;Shenzhen Textile;CN;planned;CN2019303BQ3FZP\n"
        "B-9;K2;Shenzhen Textile Co;CN;implemented;CN-2019303-BQ3FZ-P\n",
        encoding="utf-8",
    )
    v = validate([d])
    publish(v, s)
    v.close()
    df = places(s)
    assert len(df) == 1
    assert list(df.loc[0, "factory_ids"]) == ["A-1", "B-9"]
    assert df.loc[0, "place_id"] == "CN2019303BQ3FZP"
    s.close()


def test_hover_text_is_escaped(store):
    df = places(store)
    df.loc[0, "factory_name"] = "<a href='http://x'>evil</a>"
    fig = maps.places_map(df, "en")
    hovers = " ".join(h for t in fig.data for h in t.hovertext)
    assert "<a href" not in hovers and "&lt;a href=" in hovers


def write_list(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "second_list.csv"
    path.write_text("country,name,address\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def check(store, path):
    return validate([], lists=[FactoryList(path, path.name, "K1")], store=store)


def test_a_confirmed_match_keeps_its_factory_id(store, tmp_path):
    # Saigon's name is written differently; its address is the same as SUP-7's (normalised):
    # not the same name+address+country, so not matched by itself: offered, reason address.
    path = write_list(
        tmp_path,
        ['VIET NAM,Saigon Garments Joint Stock Company,"45 Le Loi Street, Ho Chi Minh City"'],
    )
    v = check(store, path)
    try:
        found = factory_match.suggestions(v, store)
    finally:
        v.close()
    assert [(s["line"], s["factory_id"], s["reasons"]) for s in found] == [
        (2, "SUP-7", ["same_address"])
    ]
    key = found[0]["key"]
    factory_match.decide(store, key, "SUP-7", True, "tester")
    # checked again: the row is SUP-7 now, and keeps SUP-7's follow-up under K1
    v = check(store, path)
    try:
        assert factory_match.suggestions(v, store) == []
        publish(v, store)
    finally:
        v.close()
    rows = (
        store.cursor()
        .execute(
            "SELECT factory_id, dialogue_status FROM factories WHERE import_id = $id AND "
            "contract_id = 'K1'",
            {"id": store.current_import_id()},
        )
        .fetchall()
    )
    assert rows == [("SUP-7", "in_progress")]
    # and in the next import too
    v = check(store, path)
    try:
        ids = v.con.execute(
            "SELECT factory_id FROM checked_factories WHERE contract_id = 'K1' AND len(errors) = 0"
        ).fetchall()
    finally:
        v.close()
    assert ids == [("SUP-7",)]


def test_a_rejected_suggestion_is_not_offered_again(store, tmp_path):
    # "Sialkot Glove Works" at Sialkot Gloves' address: offered (same address; names 'sialkot
    # glove works' / 'sialkot gloves' are not 85 % alike by token_sort_ratio)
    path = write_list(tmp_path, ["PAKISTAN,Sialkot Glove Works,Small Industrial Estate Sialkot"])
    v = check(store, path)
    try:
        found = factory_match.suggestions(v, store)
    finally:
        v.close()
    assert [(s["factory_id"], s["reasons"][0]) for s in found] == [(SIALKOT, "same_address")]
    factory_match.decide(store, found[0]["key"], SIALKOT, False, "tester")
    v = check(store, path)
    try:
        assert factory_match.suggestions(v, store) == []
        own = v.con.execute(
            "SELECT factory_id FROM checked_factories WHERE contract_id = 'K1' AND len(errors) = 0"
        ).fetchall()
    finally:
        v.close()
    assert own == [(found[0]["key"],)] and own[0][0] != SIALKOT


def test_a_similar_name_is_offered_with_its_score(store, tmp_path):
    path = write_list(tmp_path, ["INDIA,Tiruppur Knit Work,Another Road 9"])
    v = check(store, path)
    try:
        found = factory_match.suggestions(v, store)
    finally:
        v.close()
    assert [(s["factory_id"], s["reasons"]) for s in found] == [
        ("IN2019067X1K87G", ["similar_name"])
    ]
    assert found[0]["similarity"] >= factory_match.NAME_SIMILARITY


def test_list_imported_twice_offers_nothing(store):
    v = validate([], lists=[FactoryList(LIST, LIST.name, "K1")], store=store)
    try:
        assert factory_match.suggestions(v, store) == []
    finally:
        v.close()


def test_fabrikker_page_shows_one_row_per_place(store, monkeypatch):
    import streamlit as st
    from dashboard_dbs import ROOT
    from streamlit.testing.v1 import AppTest

    path = store.path
    store.close()
    monkeypatch.setenv("ETIKKMONITOR_DB", str(path))
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.query_params["as_of"] = "2024-06-30"
    at.switch_page("pages/fabrikker.py").run()
    assert not at.exception, [e.value for e in at.exception]
    # 4 places, 1 shared (Shenzhen: K1 and K2), 3 with a contract not reported (Shenzhen,
    # Tiruppur, Sialkot under K1)
    assert [m.value for m in at.metric] == ["4", "1", "3"]
    table = at.dataframe[0].value
    assert len(table) == 4


def test_places_cover_the_contracts_in_force_on_the_date(store):
    # K1 and K2 start on 2024-01-01: on 2023-12-31 neither is in force, so no place
    df = store.query(
        "factory_places",
        import_id=store.current_import_id(),
        as_of=date(2023, 12, 31),
        filters=Filters().as_param(),
        rules=settings.rules(),
    )
    assert df.empty
