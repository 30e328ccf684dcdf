"""The yearly review page ("Årlig gjennomgang") under AppTest: the same figures as
`etikkmonitor review` on the hand-made notices (worked out in test_eforms.py), hostile values
shown as data only, the demo data, and a database without notices."""

from __future__ import annotations

import shutil

import pytest
from app_under_test import app_test
from dashboard_dbs import build
from streamlit.testing.v1 import AppTest
from test_eforms import CONTRACTS, FIX

PAGE = "pages/arlig_gjennomgang.py"
NBSP = "\u00a0"
HOSTILE = "![x](http://127.0.0.1:9/x.png) <b>fet</b> [lenke](http://127.0.0.1:9/)"


@pytest.fixture(scope="module")
def notices_db(tmp_path_factory):
    d = tmp_path_factory.mktemp("export")
    (d / "contracts.csv").write_text(CONTRACTS, encoding="utf-8")
    for f in FIX.glob("cn-*.xml"):
        shutil.copy(f, d / f.name)
    shutil.copy(FIX / "can-two-winners.xml", d / "can-two-winners.xml")
    # a hostile title and buyer name in the EUR notice (relevant, on the action list)
    text = (FIX / "cn-eur.xml").read_text(encoding="utf-8")
    hostile = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("Rehabilitering av bru", hostile).replace("Bymiljøetaten", hostile)
    (d / "cn-eur.xml").write_text(text, encoding="utf-8")
    return build(d, tmp_path_factory.mktemp("db") / "notices.duckdb")


def open_page(db_file, monkeypatch, **params) -> AppTest:
    at = app_test(db_file, monkeypatch, **params)
    at.run(timeout=60)
    at.switch_page(PAGE).run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_figures_match_the_review(notices_db, monkeypatch):
    # test_eforms.test_review_figures_for_2024_worked_by_hand: 4 competitions, part 1 1 of 2,
    # part 2 1 of 2, 2 to act on (Vernesko 10 000 000 NOK, then the bridge 581 500 NOK).
    at = open_page(notices_db, monkeypatch, year="2024")
    assert [t.value for t in at.title] == ["Årlig gjennomgang"]
    m = {x.label: x.value for x in at.metric}
    assert m == {
        "Konkurranser kunngjort": "4",
        "Del 1: krav stilt": f"50{NBSP}%",
        "Del 2: krav stilt": f"50{NBSP}%",
        "Å følge opp": "2",
    }
    # the first table is the settings' CPV table, in the rules' expander; then the action list
    actions = at.dataframe[1].value
    assert list(actions["Tittel"]) == ["Vernesko", HOSTILE]
    assert list(actions["Mangler"]) == ["del 2: hum-right mangler", "del 1: work-cond mangler"]


def test_hostile_values_never_become_markdown(notices_db, monkeypatch):
    at = open_page(notices_db, monkeypatch, year="2024")
    texts = [e.value for kind in (at.markdown, at.caption, at.info, at.warning) for e in kind]
    assert texts and not any("127.0.0.1:9" in str(x) for x in texts)
    assert not any("127.0.0.1:9" in str(x.label) for x in at.metric)
    # in tables it is plain data, as written
    assert any(HOSTILE in set(df.value.astype(str).stack()) for df in at.dataframe)


def test_chart_labels_are_escaped():
    # plotly reads a subset of HTML in labels: a buyer's name must not become a link; the
    # chart shows it literally (escaped once, by the chart)
    import pandas as pd

    from etikkmonitor import charts
    from etikkmonitor.eforms.review import chart_rows

    rows = pd.DataFrame(
        {
            "grp": ['<a href="http://127.0.0.1:9/">x</a>'],
            "part1_relevant": [1],
            "part1_stated": [0],
            "part2_relevant": [2],
            "part2_stated": [1],
        }
    )
    out = chart_rows(rows)
    assert (out["part1_coverage"][0], out["part2_coverage"][0]) == (0.0, 0.5)
    fig = charts.coverage_by_group(out, "nb")
    labels = {str(y) for bar in fig.data for y in bar.y}
    assert labels == {'&lt;a href="http://127.0.0.1:9/"&gt;x&lt;/a&gt;'}


def test_notices_upload_through_the_importer_page(empty_copy, monkeypatch):
    # The register's contracts and a .zip of three notices: two usable (the workwear contract
    # notice with two lots and its award notice with one lot: 3 rows), one hostile (rejected).
    import io
    import zipfile

    from etikkmonitor import db

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in ("cn-two-lots.xml", "can-two-winners.xml", "hostile-xxe.xml"):
            z.write(FIX / name, name)
    db_file = empty_copy
    at = app_test(db_file, monkeypatch)
    at.run()
    at.switch_page("pages/importer.py").run()
    files = [
        ("contracts.csv", CONTRACTS.encode(), "text/csv"),
        ("kunngjoringer.zip", buf.getvalue(), "application/zip"),
    ]
    at.file_uploader(key="imp_files").set_value(files).run()
    next(b for b in at.button if b.label == "Kontroller filene").click().run()
    assert not at.exception, [e.value for e in at.exception]
    rejects = [df.value for df in at.dataframe if "Årsak" in df.value.columns]
    assert rejects and len(rejects[0]) == 1
    assert "DTD" in rejects[0]["Årsak"].iloc[0]
    at.checkbox(key="imp_confirm").check().run()
    next(b for b in at.button if b.label == "Publiser importen").click().run()
    assert not at.exception, [e.value for e in at.exception]
    store = db.Store(db_file)  # as the app has it open in this process
    try:
        n = store.cursor().execute("SELECT count(*) FROM competitions").fetchall()[0][0]
    finally:
        store.close()
    assert n == 3
