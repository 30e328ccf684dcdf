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
        "| rows in the export | "
        + " | ".join(f"{results[s]['rows']:,}".replace(",", " ") for s in scales)
        + " |",
        "| import, end to end | " + " | ".join(_ms(results[s]["import_s"]) for s in scales) + " |",
        "| floor: DuckDB reads the CSVs, no checks | "
        + " | ".join(_ms(results[s]["floor_s"]) for s in scales)
        + " |",
        "| import / floor | "
        + " | ".join(f"{results[s]['import_s'] / results[s]['floor_s']:.2f}×" for s in scales)
        + " |",
        "| import rows per second | "
        + " | ".join(f"{results[s]['rows_per_s']:,.0f}".replace(",", " ") for s in scales)
        + " |",
        "| `summary` | " + " | ".join(_ms(results[s]["summary_s"]) for s in scales) + " |",
        "| pandas baseline (read CSVs + key figures) | "
        + " | ".join(_ms(results[s]["pandas_s"]) for s in scales)
        + " |",
        "| pandas / summary | "
        + " | ".join(f"{results[s]['pandas_s'] / results[s]['summary_s']:.0f}×" for s in scales)
        + " |",
        "| snapshot PDF | " + " | ".join(_ms(results[s]["snapshot_s"]) for s in scales) + " |",
        "",
    ]
    pages = sorted({p for s in scales for p in results[s]["pages_s"] if not p.startswith("_")})
    if pages:
        lines += [
            "## Pages (full script run, AppTest: cold cache / warm cache)",
            "",
            "| page | " + " | ".join(f"scale {s}" for s in scales) + " |",
            "|---|" + "---|" * len(scales),
        ]
        for p in pages:
            cells = []
            for s in scales:
                cold, warm = results[s]["pages_s"].get(p, (None, None))
                cells.append(f"{_ms(cold)} / {_ms(warm)}")
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
    page_cold = [v[0] for k, v in top["pages_s"].items() if not k.startswith("_")]
    page_warm = [v[1] for k, v in top["pages_s"].items() if not k.startswith("_")]
    rss = top["pages_s"].get("_peak_rss_mb", (None,))[0]
    checks = [
        (
            "import within 3× the floor",
            top["import_s"] / top["floor_s"] <= TARGETS["import_vs_floor"],
        ),
        ("summary under 250 ms", top["summary_s"] * 1000 < TARGETS["summary_ms"]),
        ("pandas baseline at least 10× slower", top["pandas_s"] / top["summary_s"] >= 10),
    ]
    if page_cold:
        checks += [
            ("every page under 1.5 s cold", max(page_cold) < TARGETS["page_cold_s"]),
            ("every page under 0.3 s warm", max(page_warm) < TARGETS["page_warm_s"]),
        ]
    if rss:
        checks.append(("app process under 1.5 GB", rss < TARGETS["app_memory_mb"]))
    if 10 in results and 100 in results:
        grow = (results[100]["import_s"] / results[10]["import_s"]) / (
            results[100]["rows"] / results[10]["rows"]
        )
        checks.append((f"import grows no worse than linearly 10 → 100 ({grow:.2f})", grow <= 1.1))
    lines += [
        "",
        f"## Targets at scale {s_top}",
        "",
        *[f"- {name}: {_ok(flag)}" for name, flag in checks],
        "",
        f"Peak memory of the process running every page: {rss:.0f} MB." if rss else "",
        "",
        "![time against scale](performance.png)",
        "",
    ]
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
