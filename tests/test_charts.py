"""The figure builders as functions (etikkmonitor/charts.py, maps.py, timecharts.py): words and
patterns for every status, orders and cuts, axes, the offline base map; the texts the pages and
builders name exist.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest
from dashboard_dbs import ROOT
from page_query import D, params

from etikkmonitor import charts, db, maps, timecharts
from etikkmonitor.geo import country_name, place
from etikkmonitor.i18n import CODES, _all_text
from etikkmonitor.summary import key_figures

# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(handmade_db):
    s = db.Store(handmade_db)
    yield s
    s.close()


def legend_names(fig: go.Figure) -> list[str]:
    return [t.name for t in fig.data]


def test_status_charts_speak_words_and_hatch_what_needs_attention():
    counts = {"not_started": 1, "not_reported": 4, "planned": 1, "in_progress": 3, "implemented": 2}
    fig = charts.status_counts(counts, charts.DIALOGUE_STATUSES, "nb")
    assert legend_names(fig) == [
        "Ikke startet", "Ikke rapportert", "Planlagt", "Pågår", "Gjennomført"
    ]  # fmt: skip
    assert [t.y[0] for t in fig.data] == [1, 4, 1, 3, 2]
    assert fig.data[0].marker.pattern.shape == "/" and not fig.data[4].marker.pattern.shape
    # not reported (v2) is its own status: marked with dots, not the "needs attention" hatching
    assert fig.data[1].marker.pattern.shape == "."
    assert fig.layout.separators == ",\u00a0"
    fig_en = charts.status_counts(counts, charts.DIALOGUE_STATUSES, "en")
    assert legend_names(fig_en)[:2] == ["Not started", "Not reported"]


def test_status_scales_read_without_red_green():
    # Each scale: one hatched "needs attention" status; "done" is the dark blue, far darker
    # (CIE L*) than the rest; the rest are warm or cool (yellow/red vs blue), an axis that
    # red-green colour blindness keeps. And every status has its own colour.
    def lightness(hex_color):
        r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
        return 116 * y ** (1 / 3) - 16

    for scale in (charts.DIALOGUE_STATUSES, charts.DEADLINE_STATUSES):
        colours = [charts.STATUS_COLORS[s] for s in scale]
        assert len(set(colours)) == len(scale)
        assert [s in charts.HATCHED for s in scale] == [True] + [False] * (len(scale) - 1)
        done, others = lightness(colours[-1]), [lightness(c) for c in colours[:-1]]
        assert min(others) - done > 40


def test_stacked_status_orders_and_cuts():
    df = pd.DataFrame(
        {
            "agency": ["A", "A", "B", "C", "C"],
            "status": ["overdue", "met_on_time", "met_on_time", "overdue", "overdue"],
            "n": [1, 10, 5, 2, 1],
        }
    )
    fig = charts.stacked_status(
        df, "agency", charts.DEADLINE_STATUSES, "nb", sort_by="overdue", top=2
    )
    assert list(fig.data[0].y) == ["C", "A"]  # most overdue first; B cut by top=2
    assert fig.data[0].name == "Over frist"


def test_coverage_charts(store):
    f = key_figures(store, D)
    fig = charts.coverage_split(f, "nb")
    covered, missing = fig.data
    assert list(covered.x) == [0.5, 0.8] and list(missing.x) == [0.5, pytest.approx(0.2)]
    groups = store.query("coverage_by_group", **params(store))
    agency = groups[groups["dimension"] == "agency"]
    fig = charts.coverage_by_group(agency, "nb")
    assert legend_names(fig) == ["Oslomodellen del 1", "Oslomodellen del 2"]
    assert fig.data[0].y[0] == "Utviklings- og kompetanseetaten"  # lowest coverage first
    assert "2/3" in " ".join(fig.data[0].text)


def test_factory_map_is_offline_and_places_every_factory(store):
    df = store.query("factories_dialogue", **params(store))
    fig = maps.factory_map(df, "nb")
    assert all(isinstance(t, go.Scattergeo) for t in fig.data)
    assert sum(len(t.lat) for t in fig.data) == len(df) == 9
    assert all(v is not None for t in fig.data for v in t.lat)
    assert fig.layout.geo.resolution == 110
    assert charts.PLOTLY_CONFIG["topojsonURL"] == "app/static/topojson/"
    symbols = {t.name: t.marker.symbol for t in fig.data}
    assert symbols["Ikke startet"] == "x"


def test_place_spreads_factories_of_one_country():
    df = pd.DataFrame(
        {
            "country": ["CN", "CN", "BD"],
            "latitude": [None, None, 23.8],
            "longitude": [None, None, 90.4],
        }
    )
    placed = place(df)
    assert placed.loc[2, "latitude"] == 23.8
    assert (placed.loc[0, "latitude"], placed.loc[0, "longitude"]) != (
        placed.loc[1, "latitude"],
        placed.loc[1, "longitude"],
    )
    assert country_name("CN", "nb") == "Kina" and country_name("CN", "en") == "China"


def test_share_axes_reach_100_percent_written_as_the_figures(store):
    nb_ticks = ["0\u00a0%", "25\u00a0%", "50\u00a0%", "75\u00a0%", "100\u00a0%"]
    figures = key_figures(store, D)
    for fig, lang, ticks in [
        (charts.coverage_split(figures, "nb"), "nb", nb_ticks),
        (charts.coverage_split(figures, "en"), "en", ["0%", "25%", "50%", "75%", "100%"]),
    ]:
        axis = fig.layout.xaxis
        assert list(axis.ticktext) == ticks, lang
        assert list(axis.tickvals)[-1] == 1 and axis.range[1] > 1  # the 100 % label is drawn


def test_count_axes_mark_whole_numbers_only():
    zero = charts.status_counts({}, charts.SEVERITIES, "nb")  # nothing open: all four 0
    assert zero.layout.yaxis.dtick == 1 and list(zero.layout.yaxis.range) == [0, 1.2]
    few = charts.status_counts({"critical": 3, "major": 1}, charts.SEVERITIES, "nb")
    assert few.layout.yaxis.dtick == 1 and few.layout.yaxis.range[1] > 3  # room for "3"
    many = charts.status_counts({"critical": 30}, charts.SEVERITIES, "nb")
    assert many.layout.yaxis.dtick is None  # plotly's own steps (0, 5, 10, ...)
    quiet = pd.DataFrame(
        {"as_of": [date(2024, 3, 31), D], "overdue": [0, 0], "open_findings": [0, 0]}
    )
    assert timecharts.trend(quiet, "nb").layout.yaxis.dtick == 1


def test_deadline_timeline_and_trend(store):
    df = store.query("deadlines_list", **params(store), limit=None)
    fig = timecharts.deadline_timeline(df, D, "nb")
    assert sum(len(t.x) for t in fig.data) == len(df)
    assert set(legend_names(fig)) == {
        "Over frist",
        "Innfridd for sent",
        "Kommende",
        "Innfridd i tide",
    }
    trend = pd.DataFrame(
        {"as_of": [date(2024, 3, 31), D], "overdue": [1, 3], "open_findings": [2, 4]}
    )
    fig = timecharts.trend(trend, "nb")
    assert list(fig.layout.xaxis.ticktext) == ["31.03.2024", "30.06.2024"]
    assert list(fig.data[0].customdata) == ["31.03.2024", "30.06.2024"]  # the hover's dates
    en = timecharts.trend(trend, "en")
    assert (
        list(en.layout.xaxis.ticktext)
        == list(en.data[1].customdata)
        == [
            "2024-03-31",
            "2024-06-30",
        ]
    )


def test_quality_charts(store):
    files = store.query("import_files", import_id=store.current_import_id())
    fig = charts.import_rows(files, "nb")
    assert legend_names(fig) == ["Importert", "Avvist"]
    assert sum(fig.data[0].x) + sum(fig.data[1].x) == files["rows_read"].sum()


# ---------------------------------------------------------------------------------------------
# Texts and static files
# ---------------------------------------------------------------------------------------------


def test_every_text_key_used_exists():
    texts = _all_text()
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]
    files += [*(ROOT / "etikkmonitor" / "ui").glob("*.py")]
    files += [ROOT / "etikkmonitor" / n for n in ("charts.py", "maps.py", "timecharts.py")]
    files += [ROOT / "etikkmonitor" / "headlines.py"]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            # whole keys only: an f-string's fixed part ("dash.status.") is not one
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(r"dash\.[a-z0-9_.]*[a-z0-9_]", node.value)
            ):
                assert node.value in texts, f"{path.name}: {node.value}"


def test_statuses_have_words():
    for code in (*charts.DIALOGUE_STATUSES, *charts.DEADLINE_STATUSES, *charts.SEVERITIES):
        assert code in CODES


def test_offline_base_map_is_served():
    topo = json.loads((ROOT / "static" / "topojson" / "world_110m.json").read_text())
    assert topo["type"] == "Topology"
    assert {"land", "countries", "coastlines", "ocean"} <= set(topo["objects"])
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableStaticServing"] is True
    assert config["browser"]["gatherUsageStats"] is False
    assert config["theme"]["primaryColor"] == "#2A2859"
    assert (ROOT / "static" / "favicon.png").exists()
