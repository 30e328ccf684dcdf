"""The notices' benchmark (bench/notices.py) as a smoke test with a few hundred notices: it runs,
its generated year imports, and its report has every measure (the full run, 20 000 notices, is
`python -m bench.notices`, not in CI)."""

from __future__ import annotations

import zipfile

from bench import notices as bench


def test_generated_year_of_notices(tmp_path):
    counts = bench.year_of_notices(300, tmp_path / "n.zip")
    assert sum(counts.values()) == 300
    assert counts["competition"] > counts["result"] > counts["change"] > 0
    with zipfile.ZipFile(tmp_path / "n.zip") as z:
        assert len(z.namelist()) == 300


def test_bench_runs_and_reports(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "OUT", tmp_path)
    r = bench.run(300, 1)
    assert r["notices"] == 300 and r["competition_rows"] > 300
    assert 0 < r["review_competitions"] <= r["competition_rows"]
    assert r["import_s"] > 0 and r["import_rss_mb"] > 0
    assert r["page"]["rows_sent"] > 0
    text = bench.report(r)
    assert "notices per second" in text and "Årlig gjennomgang" in text
