"""The memo in front of plotly's path parser (etikkmonitor/plotly_paths.py) changes no figure."""

from datetime import date

import pandas as pd
import plotly.basedatatypes as bdt
import plotly.io as pio
import pytest

from etikkmonitor import charts, plotly_paths, timecharts


def test_the_memo_is_in_place_once_charts_is_imported():
    assert plotly_paths.INSTALLED
    assert bdt._str_to_dict_path_full is plotly_paths._parse


@pytest.mark.parametrize(
    "key",
    [
        "paper_bgcolor",
        "legend.title",
        "xaxis.tickformat",
        "error_x",
        "marker.pattern.shape",
        "data[0].x",
        "a__b_",
        "",
        "yaxis2.range[1]",
    ],
)
def test_the_memo_gives_what_plotly_gives(key):
    path, starts = plotly_paths._ORIGINAL(key)
    assert plotly_paths._parse(key) == (path, tuple(starts))
    assert plotly_paths._parse(key) == (path, tuple(starts))  # the second time from the memo


def builders():
    """A few builders over values that need escaping, both languages, with and without legend."""
    by_status = pd.DataFrame(
        {
            "agency": ["Bydel <b>Frogner</b>", "Bydel Frogner", "Sykehjemsetaten"],
            "status": ["not_started", "implemented", "planned"],
            "n": [3, 1, 2],
        }
    )
    trend = pd.DataFrame(
        {
            "as_of": [date(2026, 3, 31), date(2026, 6, 30)],
            "overdue": [4, 2],
            "open_findings": [1, 3],
        }
    )
    return [
        lambda: charts.stacked_status(by_status, "agency", charts.DIALOGUE_STATUSES, "nb"),
        lambda: charts.status_counts({"critical": 3, "major": 1}, charts.SEVERITIES, "en"),
        lambda: charts.counts_bar(by_status, "agency", "nb"),
        lambda: timecharts.trend(trend, "en"),
        lambda: charts.layout(charts.go.Figure(), "nb", height=300, legend=False),
    ]


@pytest.mark.parametrize("build", builders())
def test_figures_are_the_same_with_and_without_the_memo(build, monkeypatch):
    # compared as the JSON st.plotly_chart sends
    with_memo = pio.to_json(build(), validate=False)
    monkeypatch.setattr(bdt, "_str_to_dict_path_full", plotly_paths._ORIGINAL)
    without = pio.to_json(build(), validate=False)
    assert with_memo == without
