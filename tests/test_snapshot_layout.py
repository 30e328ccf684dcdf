"""The PDF status snapshot's shape: at most two pages, byte for byte the same each time and from
the command line, its changes in percentage points, an empty database, the fallback font, a
crowded layout, the pages kept as PNG in test-artifacts/snapshot/ for a person to look at, and
its time. The figures in it: test_snapshot.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import time
from pathlib import Path

import pandas as pd
import pytest
from snapshot_pdf import (  # noqa: F401  (the fixtures `store` and `build`)
    D2,
    GRUNERLOKKA,
    SYKEHJEM,
    D,
    build_fixture,
    normalise,
    page_count,
    store_fixture,
    text,
)

from etikkmonitor import db, snapshot
from etikkmonitor.filters import Filters
from etikkmonitor.headlines import months_before
from etikkmonitor.summary import empty_figures

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts" / "snapshot"


# ---------------------------------------------------------------------------------------------
# Shape, determinism, the command line
# ---------------------------------------------------------------------------------------------


def test_at_most_two_pages(build):
    for args in ((D,), (D2,), (D, GRUNERLOKKA), (D, SYKEHJEM), (D2, None, D, "en")):
        assert page_count(build(*args)) <= 2


def test_deterministic(store, build):
    first = build(D2, compare_to=D)
    again = snapshot.build_pdf(store, D2, Filters(), compare_to=D)
    assert text(again) == text(first)
    assert again == first  # byte for byte: fixed creation date, fixed images


def test_cli_writes_the_file(handmade_db, build, tmp_path, run_cli):
    out = tmp_path / "status.pdf"
    proc = run_cli(
        "snapshot", "--as-of", D2, "--compare-to", D, "--agency", GRUNERLOKKA,
        "--db", handmade_db, "--out", out,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    # the command line and the dashboard's function give the same file
    assert out.read_bytes() == build(D2, GRUNERLOKKA, compare_to=D)


def test_cli_refuses_compare_after_as_of(handmade_db, tmp_path, run_cli):
    out = tmp_path / "status.pdf"
    proc = run_cli("snapshot", "--as-of", D, "--compare-to", D2, "--db", handmade_db, "--out", out)
    assert proc.returncode != 0
    assert "--compare-to" in proc.stderr
    assert not out.exists()
    with pytest.raises(ValueError):
        snapshot.collect(db.Store(handmade_db, read_only=True), D, compare_to=D2)


def test_quarter_before():
    assert months_before(D2, 3) == dt.date(2024, 12, 31)
    assert months_before(dt.date(2025, 5, 31), 3) == dt.date(2025, 2, 28)
    assert months_before(dt.date(2024, 5, 31), 3) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2025, 1, 15), 3) == dt.date(2024, 10, 15)


def _figures(part1: tuple, part2: tuple) -> dict:
    f = empty_figures()
    for key, (relevant, covered) in (("part1", part1), ("part2", part2)):
        coverage = round(covered / relevant, 4) if relevant else None
        f["oslo_model"][key] = {"relevant": relevant, "covered": covered, "coverage": coverage}
    return f


def test_percentage_point_changes():
    # 2 of 3 = 67 % against 1 of 2 = 50 %: up 17 points; 79 of 100 against 4 of 5: down 1 point
    # (singular); nothing relevant before: not comparable.
    now, was = _figures((3, 2), (100, 79)), _figures((2, 1), (5, 4))
    part1, part2, *_ = snapshot.headlines(now, was, D, "nb")
    assert (part1.arrow, part1.change, part1.since) == (
        "↑",
        "17 prosentpoeng",
        "siden 30.06.2024, da 50\u00a0%",
    )
    assert (part2.arrow, part2.change) == ("↓", "1 prosentpoeng")
    part1, *_ = snapshot.headlines(now, _figures((0, 0), (5, 4)), D, "nb")
    assert part1.arrow == ""
    assert part1.since == "kan ikke sammenlignes med 30.06.2024, da ingen relevante"
    part1, *_ = snapshot.headlines(now, was, D, "en")
    assert part1.change == "17 percentage points"


def test_empty_database(tmp_path):
    store = db.Store(tmp_path / "empty.duckdb")
    try:
        pdf = snapshot.build_pdf(store, D2)
    finally:
        store.close()
    t = text(pdf)
    assert page_count(pdf) <= 2
    assert "ingen data er lastet inn" in t
    assert "Ingen kontrakter er relevante for Oslomodellen del 1." in t


# ---------------------------------------------------------------------------------------------
# Fallback font, a crowded layout, the pages as pictures, time
# ---------------------------------------------------------------------------------------------


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed; scripts/test.sh installs it")
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return normalise(out.stdout.decode("utf-8"))


def test_helvetica_fallback_keeps_norwegian_letters_and_arrows(store, tmp_path):
    data = snapshot.collect(store, D2, Filters(agencies=(GRUNERLOKKA,)), compare_to=D)
    pdf = snapshot.render(data, "nb", fonts=None)
    assert b"/Helvetica" in pdf and b"DejaVu" not in pdf
    assert page_count(pdf) <= 2
    t = pdftotext(pdf, tmp_path)
    assert "Bydel Grünerløkka" in t
    # Grünerløkka D2 against D (SENTENCES_GRUNERLOKKA_D2's working)
    assert "2 av 2 relevante kontrakter har seriøsitetskrav (Oslomodellen del 1): 100 %." in t
    assert "1 åpent avvik, derav 0 kritiske og 1 alvorlig" in t
    assert "↑ 2" in t  # the arrows from the Symbol core font
    assert "↓ 17" in t
    assert "→ uendret" in t


def crowded_data() -> snapshot.SnapshotData:
    """Far more than fits: 40 agencies with long names, 30 countries, long texts."""
    figures = _figures((400, 321), (700, 512))
    figures["contracts"] = 2000
    figures["factories"]["central"] = 1000
    figures["factories"]["central_by_status"] = {
        "implemented": 300,
        "in_progress": 250,
        "planned": 150,
        "not_started": 200,
        "not_reported": 100,
    }
    figures["deadlines"] = {"met_on_time": 1, "met_late": 1, "overdue": 1234, "upcoming": 99}
    long = "Renovasjons- og gjenvinningsetaten for særdeles lange navn nummer"
    coverage = pd.DataFrame(
        {
            "agency": [f"{long} {i}" for i in range(40)],
            "part1_relevant": [10] * 40,
            "part1_covered": [i % 11 for i in range(40)],
            "part2_relevant": [20] * 40,
            "part2_covered": [i % 21 for i in range(40)],
        }
    )
    coverage["part1_coverage"] = coverage["part1_covered"] / coverage["part1_relevant"]
    coverage["part2_coverage"] = coverage["part2_covered"] / coverage["part2_relevant"]
    dialogue = pd.DataFrame(
        {
            "country": ["BD", "CN", "IN", "VN", "TR", "PK"] * 5,
            "central": [32] * 30,
            "implemented": [10] * 30,
            "in_progress": [8] * 30,
            "planned": [5] * 30,
            "not_started": [7] * 30,
            "not_reported": [2] * 30,
        }
    )
    kinds = ["social_dialogue", "documentation", "action_plan", "milestone"]
    overdue = pd.DataFrame(
        {
            "kind": kinds,
            "overdue": [400, 300, 334, 200],
            "late_up_to_30": [100, 0, 34, 50],
            "late_31_to_90": [100, 300, 0, 50],
            "late_over_90": [200, 0, 300, 100],
        }
    )
    words = "Leverandøren har ikke levert dokumentasjon av lønns- og arbeidsvilkår " * 4
    most = pd.DataFrame(
        {
            "kind": ["milestone", "action_plan", "documentation", "social_dialogue", "milestone"],
            "contract_id": [f"ABC-2018-{i:04d}" for i in range(5)],
            "title": [words] * 5,
            "agency": [long] * 5,
            "supplier_name": ["Særdeles Langt Leverandørnavn Holding AS Norge Avdeling Vest"] * 5,
            "ref_id": ["M1", "A1", "3", "F1", "M2"],
            "description": [words] * 5,
            "factory_id": [None, None, None, "F1", None],
            "factory_name": [None, None, None, words, None],
            "country": [None, None, None, "BD", None],
            "severity": [None, "critical", None, None, None],
            "due_date": [dt.date(2018, 1, 1)] * 5,
            "days_late": [99999] * 5,
        }
    )
    return snapshot.SnapshotData(
        as_of=D2,
        compare_to=D,
        compare_is_default=False,
        filters=Filters(
            agencies=tuple(coverage["agency"][:6]),
            categories=("Arbeidstøy, fottøy og tekstil", "Bygg og anlegg"),
            countries=("BD", "VN"),
        ),
        rules={
            "part1_categories": ["Bygg og anlegg", "Renhold"],
            "part1_min_value": 100000.0,
            "part2_min_value": 500000.0,
            "dialogue_months": 6,
        },
        figures=figures,
        previous=_figures((400, 300), (700, 600)),
        data_import=None,
        coverage=coverage,
        dialogue=dialogue,
        overdue_by_kind=overdue,
        most_overdue=most,
    )


def test_crowded_layout_stays_on_two_pages():
    pdf = snapshot.render(crowded_data(), "nb")
    assert page_count(pdf) == 2  # render() raises if anything ran past the bottom margin
    t = text(pdf)
    assert "Viser de" in t and "til er ikke vist" in t  # agencies left out, and said so
    assert "land til med til sammen" in t


def test_pages_as_png_for_a_person_to_look_at(build, store, capsys):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed; scripts/test.sh installs it")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*"):
        old.unlink()
    cases = {
        "handmade-2025-03-31-since-2024-06-30": build(D2, compare_to=D),
        "handmade-grunerlokka-2024-06-30": build(D, GRUNERLOKKA),
        "handmade-2025-03-31-en": build(D2, compare_to=D, lang="en"),
        "handmade-helvetica-fallback": snapshot.render(
            snapshot.collect(store, D2, compare_to=D), "nb", fonts=None
        ),
        "crowded-layout": snapshot.render(crowded_data(), "nb"),
    }
    pngs = []
    for name, pdf in cases.items():
        path = ARTIFACTS / f"{name}.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "110", "-png", str(path), str(ARTIFACTS / name)], check=True
        )
        pages = sorted(ARTIFACTS.glob(f"{name}-*.png"))
        assert 1 <= len(pages) <= 2
        pngs += pages
    with capsys.disabled():
        print(f"\nsnapshot pages as PNG: {ARTIFACTS}/ ({len(pngs)} files)")


def test_one_snapshot_takes_well_under_a_few_seconds(store, capsys):
    snapshot.build_pdf(store, D2)  # warm: imports, fonts on disk, query plans
    times = []
    for _ in range(3):
        start = time.perf_counter()
        snapshot.build_pdf(store, D2)
        times.append(time.perf_counter() - start)
    with capsys.disabled():
        print(f"\none snapshot: best {min(times):.2f} s of {', '.join(f'{x:.2f}' for x in times)}")
    assert min(times) < 5
