"""docs/performance.md and its plot from the benchmark's results."""

from __future__ import annotations

import platform
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def _ms(s) -> str:
    return "–" if s is None else f"{s * 1000:,.0f} ms".replace(",", " ")


def _ok(flag: bool) -> str:
    return "met" if flag else "**NOT met**"


def write_report(results: dict, path: Path) -> None:
    from .run import TARGETS

    scales = sorted(results)
    top = results[max(scales)]

    def row(label: str, cell) -> str:
        """A table row: `label`, then `cell(results at that scale)` for each scale."""
        return f"| {label} | " + " | ".join(cell(results[s]) for s in scales) + " |"

    lines = [
        "# Performance",
        "",
        (
            "Measured by `python -m bench.run` (all figures are medians of several runs) on "
            f"this machine: {platform.processor() or platform.machine()}, 2 cores. Demo data "
            "from `etikkmonitor demo-data --scale N`."
        ),
        "",
        "## Scale",
        "",
        "| | " + " | ".join(f"scale {s}" for s in scales) + " |",
        "|---|" + "---|" * len(scales),
        row("rows in the export", lambda r: f"{r['rows']:,}".replace(",", " ")),
        row("import, end to end", lambda r: _ms(r["import_s"])),
        row("floor: DuckDB reads the CSVs, no checks", lambda r: _ms(r["floor_s"])),
        row("import / floor", lambda r: f"{r['import_s'] / r['floor_s']:.2f}×"),
        row("import rows per second", lambda r: f"{r['rows_per_s']:,.0f}".replace(",", " ")),
        row("`summary`", lambda r: _ms(r["summary_s"])),
        row("pandas baseline (read CSVs + key figures)", lambda r: _ms(r["pandas_s"])),
        row("pandas / summary", lambda r: f"{r['pandas_s'] / r['summary_s']:.0f}×"),
        row("snapshot PDF", lambda r: _ms(r["snapshot_s"])),
        "",
    ]
    pages = sorted({p for s in scales for p in results[s]["pages"]})
    if pages:
        lines += [
            "## Pages (full script run, AppTest)",
            "",
            (
                "Cold: no cached query or figure, database opened anew; warm: the same view run "
                "again. Queries: the page's queries together in the cold run. Rows: what its "
                "tables send to the browser."
            ),
            "",
            "| page | "
            + " | ".join(f"scale {s}: cold / warm / queries / rows" for s in scales)
            + " |",
            "|---|" + "---|" * len(scales),
        ]
        for p in pages:
            cells = []
            for s in scales:
                r = results[s]["pages"].get(p)
                cells.append(
                    "–"
                    if r is None
                    else f"{_ms(r['cold_s'])} / {_ms(r['warm_s'])} / {_ms(r['queries_s'])} / "
                    + f"{r['rows_sent']:,}".replace(",", " ")
                )
            lines.append(f"| {p} | " + " | ".join(cells) + " |")
        lines.append("")
    queries = sorted({q for s in scales for q in results[s]["queries_s"]})
    lines += [
        "## Queries (each file in `queries/`)",
        "",
        "| query | " + " | ".join(f"scale {s}" for s in scales) + " |",
        "|---|" + "---|" * len(scales),
    ]
    for q in queries:
        lines.append(
            f"| {q} | " + " | ".join(_ms(results[s]["queries_s"].get(q)) for s in scales) + " |"
        )
    s_top = max(scales)
    app = list(top["pages"].values())
    rss = top.get("app_rss_mb")
    checks = [
        (
            "import within 3× the floor",
            top["import_s"] / top["floor_s"] <= TARGETS["import_vs_floor"],
        ),
        ("summary under 250 ms", top["summary_s"] * 1000 < TARGETS["summary_ms"]),
        (
            "pandas baseline at least 10× slower",
            top["pandas_s"] / top["summary_s"] >= TARGETS["pandas_ratio"],
        ),
    ]
    if app:
        checks += [
            (
                "every page's queries together under 500 ms",
                max(r["queries_s"] for r in app) * 1000 < TARGETS["page_queries_ms"],
            ),
            ("every page under 1.5 s cold", max(r["cold_s"] for r in app) < TARGETS["page_cold_s"]),
            ("every page under 0.3 s warm", max(r["warm_s"] for r in app) < TARGETS["page_warm_s"]),
            (
                f"no page sends more than {TARGETS['rows_sent']:,} rows to the browser".replace(
                    ",", " "
                ),
                max(r["rows_sent"] for r in app) <= TARGETS["rows_sent"],
            ),
        ]
    if rss:
        checks.append(("app process under 1.5 GB", rss < TARGETS["app_memory_mb"]))
    if 10 in results and 100 in results:
        a, b = results[10], results[100]
        rows = b["rows"] / a["rows"]
        costs = {
            "import": (a["import_s"], b["import_s"]),
            "summary": (a["summary_s"], b["summary_s"]),
            "every query": (sum(a["queries_s"].values()), sum(b["queries_s"].values())),
            "every page, cold": (
                sum(r["cold_s"] for r in a["pages"].values()),
                sum(r["cold_s"] for r in b["pages"].values()),
            ),
        }
        for name, (t10, t100) in costs.items():
            grow = (t100 / t10) / rows
            checks.append(
                (
                    f"{name} grows no worse than linearly 10 → 100 ({grow:.2f})",
                    grow <= TARGETS["growth"],
                )
            )
    lines += [
        "",
        f"## Targets at scale {s_top}",
        "",
        *[f"- {name}: {_ok(flag)}" for name, flag in checks],
        "",
        f"Peak memory of the app process running every page: {rss:.0f} MB." if rss else "",
        "",
        "![time against scale](performance.png)",
        "",
    ]
    # bench.load's results (python -m bench.load --docs) stay where they are
    from .load import kept

    load_blocks = kept(path.read_text(encoding="utf-8")) if path.exists() else None
    if load_blocks:
        lines += [load_blocks, ""]
    notes = path.with_name("performance-notes.md")
    if notes.exists():  # the hand-written analysis of the targets, kept across runs
        lines += ["", notes.read_text(encoding="utf-8")]
    path.write_text("\n".join(lines), encoding="utf-8")
    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=120)
    rows = [results[s]["rows"] for s in scales]
    for key, label in (("import_s", "import"), ("floor_s", "floor (DuckDB read only)"),
                       ("summary_s", "summary"), ("pandas_s", "pandas baseline")):  # fmt: skip
        ax.plot(rows, [results[s][key] for s in scales], marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("rows in the export")
    ax.set_ylabel("seconds (median)")
    ax.legend(fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path.with_suffix(".png"))
    plt.close(fig)
