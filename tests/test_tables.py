"""The pages' tables (etikkmonitor/ui/tables.py) under AppTest: each kind of value shown in its
format while the numbers stay numbers, and a table converted once per rows and view."""

from __future__ import annotations

import json

import pandas as pd
import pytest

# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------


def table_script(lang: str):
    # an AppTest script: one ui.table of hand-made rows
    from datetime import date

    import pandas as pd

    from etikkmonitor import ui
    from etikkmonitor.ui import Col

    v = ui.View(db_path="x.duckdb", import_id=1, as_of=date(2024, 6, 30), lang=lang)
    rows = pd.DataFrame(
        {
            "contract_id": ["K01", "K02"],
            "title": ["Arbeidstøy", None],
            "value_nok": [1_250_000.0, 980_000.0],
            "start_date": [date(2024, 6, 30), None],
            "days_late": [-3, 1234],
            "share": [0.8, None],
            "high_risk": [True, False],
        }
    )
    columns = [
        Col("contract_id", "dash.col.contract", "contract"),
        Col("title", "dash.col.title"),
        Col("value_nok", "dash.col.value", "nok"),
        Col("start_date", "dash.col.start_date", "date"),
        Col("days_late", "dash.col.days_late", "days"),
        Col("share", "dash.col.trained_share", "pct"),
        Col("high_risk", "dash.col.high_risk", "bool"),
    ]
    ui.table(rows, columns, v, "t", downloads_too=False)


def shown_table(at) -> tuple[list[str], pd.DataFrame, pd.DataFrame, dict]:
    """(column order, values, display texts, column config) of the page's one table."""
    import pyarrow as pa

    proto = at.dataframe[0].proto

    def frame(data: bytes) -> pd.DataFrame:
        return pa.ipc.open_stream(data).read_all().to_pandas()

    values = frame(proto.arrow_data.data)
    texts = frame(proto.arrow_data.styler.display_values)
    return list(proto.column_order), values, texts, json.loads(proto.columns)


@pytest.mark.parametrize(
    "lang, texts, date_format",
    [
        (
            "nb",
            [
                "1\u00a0250\u00a0000\u00a0kr",
                "-3",
                "80\u00a0%",
                "980\u00a0000\u00a0kr",
                "1\u00a0234",
                "",
            ],
            "DD.MM.YYYY",
        ),
        ("en", ["NOK\u00a01,250,000", "-3", "80%", "NOK\u00a0980,000", "1,234", ""], "YYYY-MM-DD"),
    ],
)
def test_table_shows_formats_and_keeps_numbers(lang, texts, date_format):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(table_script, args=(lang,)).run()
    assert not at.exception
    order, values, shown, config = shown_table(at)
    t = {
        "nb": ("Kontrakt", "Verdi", "Dager etter frist", "Andel opplært", "Startdato"),
        "en": ("Contract", "Value", "Days late", "Share trained", "Start date"),
    }[lang]
    contract, value, days, share, start = t
    assert order[0] == contract and order[2:6] == [value, start, days, share], "columns in place"
    # numbers sort as numbers; the browser shows their texts
    assert values[value].tolist() == [1_250_000.0, 980_000.0]
    assert values[days].tolist() == [-3, 1234]
    got = [shown[value][0], shown[days][0], shown[share][0]]
    got += [shown[value][1], shown[days][1], shown[share][1]]
    assert got == texts
    # dates are formatted by the browser (deterministically), links show the id
    assert config[start]["type_config"] == {"type": "date", "format": date_format}
    assert config[contract]["type_config"]["display_text"] == "contract=([^&]+)"
    # every other cell shows its own value
    for header in set(order) - {value, days, share, start, contract}:
        assert shown[header].tolist() == values[header].astype(str).tolist()


def test_table_is_rendered_once_per_rows_and_view():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(table_script, args=("nb",)).run()
    first = at.dataframe[0].proto.SerializeToString()
    with pytest.MonkeyPatch.context() as mp:
        from etikkmonitor import ui

        def fail(*args, **kwargs):
            raise AssertionError("converted again")

        mp.setattr(ui.tables, "_shown_frame", fail)
        at.run()  # a warm run replays the element
    assert not at.exception
    assert at.dataframe[0].proto.SerializeToString() == first
