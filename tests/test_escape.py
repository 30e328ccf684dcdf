"""Values from data shown as the text they are (etikkmonitor.escape): on a terminal (the command
line), in Streamlit's Markdown and in plotly's labels. The browser test of every page with
hostile values is tests/test_browser_hostile.py."""

from __future__ import annotations

import json

from etikkmonitor import cli, escape

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
    # the refusal names the file (unknown type .txt) on one line, escapes written out
    assert len(err.splitlines()) == 2
    assert "kontrakterny\\x1b]0;pwned\\x07\\x1b[2J\\r\\nlinje\\x9b31m\\u202eteg.txt" in err
    for raw in ("\x1b", "\x07", "\r", "\x9b", "\u202e"):
        assert raw not in out + err


def test_cli_json_keeps_the_value_and_escapes_what_json_leaves_raw(tmp_path, capsys):
    path = tmp_path / f"kontrakter{NASTY}.txt"
    path.write_text(HEADER + "\n" + ROW + "\n", encoding="utf-8")
    assert cli.main(["import", str(path), "--json", "--db", str(tmp_path / "x.duckdb")]) == 2
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\r", "\x9b", "\u202e"):
        assert raw not in out
    # the JSON reader gets the name exactly
    assert json.loads(out)["errors"][0]["file"] == f"kontrakter{NASTY}.txt"


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
    assert "6\\x1b[31m00" in out
