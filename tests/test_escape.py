"""Values from data shown as the text they are (etikkmonitor.escape): on a terminal (the command
line), in Streamlit's Markdown and in plotly's labels. The browser test of every page with
hostile values is tests/test_browser_hostile.py."""

from __future__ import annotations

import json
import string
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hostile_fixture import HOSTILE

from etikkmonitor import charts, cli, escape, maps, timecharts

HEADER = "contract_id;title;agency;supplier_org_nr;supplier_name;category;value_nok;start_date"
ROW = "K1;Klær;Bymiljøetaten;923609016;T AS;Tekstil;600000;2024-01-01"

# ESC ] 0 ; ... BEL sets the terminal's title; ESC [ 2 J clears the screen; \x9b is the 8-bit
# CSI; \u202e turns the rest of the line around ("Trojan source")
NASTY = "ny\x1b]0;pwned\x07\x1b[2J\r\nlinje\x9b31m\u202eteg"


def test_terminal_escapes_every_control_character():
    assert escape.terminal(NASTY) == "ny\\x1b]0;pwned\\x07\\x1b[2J\\r\\nlinje\\x9b31m\\u202eteg"
    assert escape.terminal("Bymiljøetaten – Kina 中国") == "Bymiljøetaten – Kina 中国"


def test_cli_refusal_prints_a_file_name_as_text(tmp_path, capsys):
    path = tmp_path / f"kontrakter{NASTY}.txt"
    path.write_text(HEADER + "\n" + ROW + "\n", encoding="utf-8")
    code = cli.main(["import", str(path), "--db", str(tmp_path / "x.duckdb")])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_REFUSED
    # the refusal names the file (unknown type .txt) on one line, its escapes written out
    (line,) = [x for x in err.splitlines() if "kontrakterny" in x]
    assert "linje" in line and line.rstrip().endswith("teg.txt") or "teg.txt:" in line
    for raw in ("\x1b", "\x07", "\r", "\x9b", "\u202e"):
        assert raw not in out + err


def test_cli_json_escapes_what_json_leaves_raw(tmp_path, capsys):
    path = tmp_path / f"kontrakter{NASTY}.txt"
    path.write_text(HEADER + "\n" + ROW + "\n", encoding="utf-8")
    assert cli.main(["import", str(path), "--json", "--db", str(tmp_path / "x.duckdb")]) == 2
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\r", "\x9b", "\u202e"):
        assert raw not in out
    assert "kontrakterny" in json.loads(out)["errors"][0]["file"]
    # what JSON itself leaves raw (DEL, C1, bidi) is written as \\u escapes
    assert escape.json_text('"a\x9b\u202eb"') == '"a\\u009b\\u202eb"'


def test_cli_published_output_escapes_names_and_values(tmp_path, capsys):
    folder = tmp_path / "eksport"
    folder.mkdir()
    # an unknown column whose header clears the screen (reported by name), and a row whose
    # value_nok holds a colour escape (rejected, reported with its value)
    (folder / "kontrakter.csv").write_text(
        HEADER + ";Merknad\x1b[2J\n"
        + ROW + ";x\n"
        + ROW.replace("K1", "K3").replace("600000", "6\x1b[31m00") + ";y\n",
        encoding="utf-8",
    )  # fmt: skip
    assert cli.main(["import", str(folder), "--db", str(tmp_path / "x.duckdb")]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    assert "Merknad\\x1b[2J" in out
    assert "6\\" in out and "x1b[31m00" in out  # the rejected value, its escape as text


# --- Markdown (Streamlit) and plotly labels -----------------------------------------------------


@pytest.mark.parametrize("key", list(HOSTILE))
def test_markdown_escapes_every_punctuation_character(key):
    value = HOSTILE[key].replace("{bait}", "http://127.0.0.1:18999")
    # read back: every ASCII punctuation character is escaped, nothing else changed but the
    # invisible word joiners that break Streamlit's links and emoji found in text
    out = escape.markdown(value).replace(escape.WORD_JOINER, "")
    i, back = 0, []
    while i < len(out):
        if out[i] == "\\":
            assert out[i + 1] in string.punctuation, (key, out[i : i + 2])
            back.append(out[i + 1])
            i += 2
        else:
            assert out[i] not in string.punctuation, (key, out[i])
            back.append(out[i])
            i += 1
    assert "".join(back) == value


def test_markdown_breaks_links_and_emoji_found_in_text():
    wj = escape.WORD_JOINER
    out = escape.markdown("www.x.no http://a.b a@b.no :smile:")
    assert "www" + wj + "\\." in out
    assert "http\\:" + wj + "\\/\\/" in out
    assert "a" + wj + "\\@b" in out
    assert "\\:" + wj + "smile\\:" + wj in out


def test_markdown_puts_a_value_on_one_line():
    assert escape.markdown("a\n# b\r\n- c\t\x1b[2Jd") == "a \\# b \\- c \\[2Jd"


def test_plotly_escapes_tags_and_entities():
    assert escape.plotly('<a href="x">A & B</a><br>') == (
        '&lt;a href="x"&gt;A &amp; B&lt;/a&gt;&lt;br&gt;'
    )
    assert escape.plotly("&lt;") == "&amp;lt;"  # shown as typed, not as "<"
    assert escape.plotly("Bydel\nAlna") == "Bydel Alna"


BAIT = "http://127.0.0.1:18999"
NASTY_NAMES = [v.replace("{bait}", BAIT) for v in HOSTILE.values()]
# as an axis shows them: cut at 60 characters (charts.LABEL_CHARS), hand-written here
CUT_NAMES = [x if len(x) <= 60 else x[:59].rstrip() + "…" for x in NASTY_NAMES]


def figure_texts(fig) -> list[str]:
    """Every string in a figure (labels, names, hover texts, titles), arrays included."""
    out: list[str] = []

    def walk(x):
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for value in x.values():
                walk(value)
        elif isinstance(x, (list, tuple, np.ndarray, pd.Series)):
            for value in list(x):
                walk(value)

    walk(fig.to_plotly_json())
    return out


def assert_escaped(fig, names):
    """Each name is in the figure only escaped: never as the raw markup it holds."""
    text = "\0".join(figure_texts(fig))
    for name in names:
        assert escape.plotly(name) in text, name
        if escape.plotly(name) != name:
            assert name not in text, name


def test_stacked_status_escapes_row_names():
    df = pd.DataFrame(
        {"who": NASTY_NAMES, "status": "overdue", "n": range(1, len(NASTY_NAMES) + 1)}
    )
    fig = charts.stacked_status(df, "who", charts.DEADLINE_STATUSES, "nb")
    assert set(fig.data[0].y) == {escape.plotly(x) for x in CUT_NAMES}
    assert_escaped(fig, CUT_NAMES)


def test_coverage_by_group_and_counts_bar_escape_names():
    df = pd.DataFrame({"grp": NASTY_NAMES})
    for col in ("part1_relevant", "part1_covered", "part2_relevant", "part2_covered"):
        df[col] = 2
    for col in ("part1_coverage", "part2_coverage", "part1_value_coverage", "part2_value_coverage"):
        df[col] = 1.0
    fig = charts.coverage_by_group(df, "nb")
    assert set(fig.data[0].y) == {escape.plotly(x) for x in CUT_NAMES}
    assert_escaped(fig, CUT_NAMES)
    fig = charts.counts_bar(pd.DataFrame({"reason": NASTY_NAMES, "n": 1}), "reason", "nb")
    assert set(fig.data[0].y) == {escape.plotly(x) for x in CUT_NAMES}


def test_factory_map_and_timeline_escape_hover_texts():
    n = len(NASTY_NAMES)
    factories = pd.DataFrame(
        {
            "factory_name": NASTY_NAMES,
            "supplier_name": NASTY_NAMES[::-1],
            "country": "CN",
            "city": NASTY_NAMES,
            "central": True,
            "dialogue_status": "planned",
            "latitude": 30.0,
            "longitude": 120.0,
            "map_placed_by": "factory",
        }
    )
    fig = maps.factory_map(factories, "nb")
    hover = " ".join(fig.data[0].hovertext)
    assert "<b>" + escape.plotly(NASTY_NAMES[2]) + "</b>" in hover  # our bold, their text
    assert_escaped(fig, NASTY_NAMES)
    deadlines = pd.DataFrame(
        {
            "kind": "milestone",
            "status": "overdue",
            "due_date": pd.Timestamp("2024-03-01"),
            "contract_id": NASTY_NAMES,
            "description": NASTY_NAMES[::-1],
        }
    )
    fig = timecharts.deadline_timeline(deadlines, date(2024, 6, 30), "nb")
    assert_escaped(fig, NASTY_NAMES)
    assert len(fig.data[0].hovertext) == n


def test_import_rows_escapes_file_and_sheet_names():
    df = pd.DataFrame(
        {
            "file": ["<a href='x'>k.csv</a>", "b&c.xlsx"],
            "sheet": [None, "<b>Ark</b>"],
            "rows_imported": [3, 4],
            "rows_rejected": [0, 1],
        }
    )
    fig = charts.import_rows(df, "nb")
    assert list(fig.data[0].y) == [
        "&lt;a href='x'&gt;k.csv&lt;/a&gt;",
        "b&amp;c.xlsx [&lt;b&gt;Ark&lt;/b&gt;]",
    ]


def test_long_names_are_cut_on_the_axis_and_kept_apart():
    a, b = "A" * 100 + "1", "A" * 100 + "2"  # the same first 60 characters
    df = pd.DataFrame({"who": [a, b, "<b>kort</b>"], "status": "overdue", "n": [3, 2, 1]})
    fig = charts.stacked_status(df, "who", charts.DEADLINE_STATUSES, "nb")
    assert list(fig.data[0].y) == [
        "A" * 59 + "…",
        "A" * 59 + "… (2)",
        "&lt;b&gt;kort&lt;/b&gt;",
    ]
    assert list(fig.data[0].x) == [3, 2, 1]  # two bars, not one of 5


def test_snapshot_labels_are_never_math():
    from matplotlib.text import Text

    from etikkmonitor.snapshot import _wrap_label

    label = _wrap_label("$x^2$ og $$y$$ AS")
    # matplotlib reads a pair of unescaped $ as mathtext; the label is shown as typed
    assert Text(text=label)._preprocess_math(label) == ("$x^2$ og $$y$$ AS", False)


def test_snapshot_pdf_of_hostile_values(tmp_path):
    """The status PDF of the hostile export is made, with the values as text (fpdf2 draws
    text as given; its Markdown is never switched on)."""
    from dashboard_dbs import build
    from hostile_fixture import write_export
    from pypdf import PdfReader

    from etikkmonitor import db
    from etikkmonitor.snapshot import build_pdf

    write_export(tmp_path / "export", BAIT)
    store = db.Store(build(tmp_path / "export", tmp_path / "h.duckdb"), read_only=True)
    try:
        pdf = build_pdf(store, date(2024, 6, 30))
    finally:
        store.close()
    path = tmp_path / "s.pdf"
    path.write_bytes(pdf)
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert "![bilde](" in text or "[Klikk her](" in text, text[:2000]
