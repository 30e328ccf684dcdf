"""The load test's results and its report: each page run as recorded, the summary (per page
p50/p95/max, errors, the server's CPU and memory), its Markdown, and its block in
docs/performance.md."""

from __future__ import annotations

import asyncio
import itertools
import os
import shlex
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "performance.md"
# performance.md: bench.run writes the file anew but keeps the section between these two as
# it is (results and the words about them); each run's summary is a named block in it.
SECTION, SECTION_END = "<!-- bench.load -->", "<!-- /bench.load -->"
BEGIN, END = "<!-- bench.load: begin", "<!-- bench.load: end"  # + " NAME -->"
TARGET_P95_S = 3.0


@dataclass
class Run:
    """One action and the page run it caused."""

    session: int
    client: str  # "ws" or "browser"
    role: str
    action: str
    page: str = ""
    sent_at: float = 0.0  # seconds since the load test began
    run_s: float | None = None
    settled_s: float | None = None
    bytes: int = 0
    import_id: int | None = None
    query: str = ""  # the address's query string after the run
    replica: str = ""  # behind HAProxy: the replica that served it (its sticky cookie)
    errors: list[str] = field(default_factory=list)
    # An action the page gave no occasion for (its widget is not on the page: e.g. after the
    # import the user's selection has no contracts, so the page shows a note instead), which a
    # user could not have made. Not a page run; counted and shown apart from the errors.
    skipped: str = ""


class Recorder:
    def __init__(self, t0: float, planned: int):
        self.t0 = t0
        self.planned = planned
        self.runs: list[Run] = []
        self.half = asyncio.Event()

    def add(self, run: Run) -> None:
        self.runs.append(run)
        if len(self.runs) * 2 >= self.planned:
            self.half.set()


def pct(values: list[float], p: float) -> float | None:
    """The p-th percentile, nearest rank (an observed value, never interpolated)."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[k]


def summarise(runs: list[Run], samples: list, wall: float, args, imp: dict) -> dict:
    skipped = [r for r in runs if r.skipped]
    runs = [r for r in runs if not r.skipped]
    by_page: dict[str, dict] = {}
    for client in ("ws", "browser"):
        for page in sorted({r.page for r in runs if r.client == client}):
            rs = [r for r in runs if r.client == client and r.page == page]
            ok = [r for r in rs if r.run_s is not None]
            by_page[f"{client}:{page}"] = {
                "runs": len(rs),
                "errors": sum(1 for r in rs if r.errors),
                **{
                    f"{m}_{name}": pct([getattr(r, m) for r in ok if getattr(r, m) is not None], p)
                    for m in ("run_s", "settled_s")
                    for name, p in (("p50", 50), ("p95", 95), ("max", 100))
                },
                "kb_p50": (pct([r.bytes for r in rs], 50) or 0) / 1024,
            }
    ws_runs = [r.run_s for r in runs if r.client == "ws" and r.run_s is not None]
    settled = [r.settled_s for r in runs if r.client == "ws" and r.settled_s is not None]
    b_settled = [r.settled_s for r in runs if r.client == "browser" and r.settled_s is not None]
    cpu0, cpu1 = samples[0][1], samples[-1][1]
    span = samples[-1][0] - samples[0][0]
    cores = sum(cpu1) - sum(cpu0)
    per_sample = [
        (sum(b[1]) - sum(a[1])) / (b[0] - a[0])
        for a, b in itertools.pairwise(samples)
        if b[0] > a[0]
    ]
    rss = [sum(s[2]) for s in samples]
    sessions = args.sessions + args.browsers
    used = cores / span if span else 0.0
    after = [
        r
        for r in runs
        if imp.get("at_s") is not None and r.sent_at > imp["at_s"] + imp.get("seconds", 0)
    ]
    errors = [f"{r.client} {r.session} {r.page} {r.action}: {e}" for r in runs for e in r.errors]
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.load " + " ".join(shlex.quote(a) for a in args.argv),
        "sessions": args.sessions,
        "browsers": args.browsers,
        "replicas": args.replicas,
        "scale": args.scale,
        "think_s": list(args.think),
        "planned_runs": args.planned,
        "runs": len(runs),
        "wall_s": wall,
        "cold_start": bool(getattr(args, "cold_start", False)),
        # the load generator's own CPU (its websocket users; not the browsers' processes),
        # which shares the machine with the server
        "generator_cpu_cores_mean": getattr(args, "generator_cpu_s", 0.0) / wall if wall else None,
        "run_p50_s": pct(ws_runs, 50),
        "run_p95_s": pct(ws_runs, 95),
        "run_max_s": pct(ws_runs, 100),
        "settled_p95_s": pct(settled, 95),
        "browser_settled_p50_s": pct(b_settled, 50),
        "browser_settled_p95_s": pct(b_settled, 95),
        "errors": len(errors),
        "skipped": len(skipped),
        "skipped_list": [f"{r.client} {r.session} {r.action}: {r.skipped}" for r in skipped][:50],
        "error_list": errors[:50],
        "server_cpu_cores_mean": used,
        "server_cpu_cores_peak": max(per_sample, default=0.0),
        "server_rss_mb_start": rss[0],
        "server_rss_mb_peak": max(rss),
        "server_rss_mb_end": rss[-1],
        "runs_per_cpu_s": len(runs) / cores if cores else None,
        "sessions_per_busy_core": sessions / used if used else None,
        "sessions_per_machine_core": sessions / (os.cpu_count() or 1),
        "cpu_count": os.cpu_count(),
        "loadavg_before": args.loadavg_before,
        "loadavg_after": list(os.getloadavg()),
        "import": imp,
        "import_ids_after_publish": sorted({r.import_id for r in after if r.import_id}),
        "runs_per_replica": dict(Counter(r.replica for r in runs if r.replica)),
        "pages": by_page,
        "each_run": [asdict(r) for r in runs],
    }


def _s(x) -> str:
    return "–" if x is None else f"{x:.2f} s"


def markdown(res: dict) -> str:
    imp = res["import"]
    met = (res["run_p95_s"] or 1e9) < TARGET_P95_S and res["errors"] == 0
    lines = [
        f"Run {res['when']}: `{res['command']}` — {res['sessions']} protocol sessions"
        + (f" + {res['browsers']} browsers" if res["browsers"] else "")
        + f", {res['replicas']} replica(s), scale {res['scale']}, think time "
        f"{res['think_s'][0]:g}–{res['think_s'][1]:g} s, {res['runs']} of "
        f"{res['planned_runs']} planned page runs in {res['wall_s']:.0f} s; load average "
        f"before {res['loadavg_before'][0]:.2f} (1 min), after {res['loadavg_after'][0]:.2f}; "
        + (
            "cold start: the users are each app process's first visitors."
            if res.get("cold_start")
            else "each app process had served one page no user opens before the users came."
        ),
        "",
        f"- script run (protocol sessions): p50 {_s(res['run_p50_s'])}, **p95 "
        f"{_s(res['run_p95_s'])}**, max {_s(res['run_max_s'])}; until settled p95 "
        f"{_s(res['settled_p95_s'])}"
        + (
            f"; browsers settled p50 {_s(res['browser_settled_p50_s'])}, p95 "
            f"{_s(res['browser_settled_p95_s'])}"
            if res["browsers"]
            else ""
        ),
        f"- errors: {res['errors']}"
        + ("" if not res["error_list"] else f" (first: {res['error_list'][0]})")
        + (
            f"; actions the page gave no occasion for (skipped, not page runs): "
            f"{res['skipped']} (first: {res['skipped_list'][0]})"
            if res.get("skipped")
            else ""
        ),
        (
            f"- import published at {imp.get('at_s', 0):.0f} s: exit {imp.get('exit', '–')} in "
            f"{imp.get('seconds', 0):.1f} s; imports shown by runs after it: "
            f"{res['import_ids_after_publish'] or '–'}; a new session on each app process "
            f"afterwards: {sorted((imp.get('shown_after') or {}).values()) or '–'}"
        ),
        (
            f"- server CPU: {res['server_cpu_cores_mean']:.2f} cores on average, peak "
            f"{res['server_cpu_cores_peak']:.2f} (of {res['cpu_count']}); memory "
            f"{res['server_rss_mb_start']:.0f} → peak {res['server_rss_mb_peak']:.0f} → end "
            f"{res['server_rss_mb_end']:.0f} MB; the load generator's websocket users "
            f"{res.get('generator_cpu_cores_mean') or 0:.2f} cores"
        ),
        (
            f"- sessions per core: {res['sessions_per_machine_core']:.1f} per core of the machine, "
            f"{res['sessions_per_busy_core'] or 0:.1f} per core the server kept busy; "
            f"{res['runs_per_cpu_s'] or 0:.2f} page runs per CPU second"
        ),
        *(
            [f"- page runs per replica (by its sticky cookie): {res['runs_per_replica']}"]
            if res.get("runs_per_replica")
            else []
        ),
        f"- target (p95 run < {TARGET_P95_S:g} s, no errors): "
        + ("**met**" if met else "**not met**"),
        "",
        "| page | runs | errors | run p50 / p95 / max | settled p50 / p95 / max | KB sent p50 |",
        "|---|---|---|---|---|---|",
    ]
    for name, p in res["pages"].items():
        lines.append(
            f"| {name} | {p['runs']} | {p['errors']} | {_s(p['run_s_p50'])} / "
            f"{_s(p['run_s_p95'])} / {_s(p['run_s_max'])} | {_s(p['settled_s_p50'])} / "
            f"{_s(p['settled_s_p95'])} / {_s(p['settled_s_max'])} | {p['kb_p50']:.0f} |"
        )
    return "\n".join(lines)


def kept(text: str) -> str | None:
    """The bench.load section of performance.md, which bench.run keeps when it writes the file."""
    if SECTION not in text or SECTION_END not in text:
        return None
    return text[text.index(SECTION) : text.index(SECTION_END) + len(SECTION_END)]


def write_docs(block: str, name: str, path: Path = DOCS) -> None:
    """Put `block` between the markers named `name` in performance.md's bench.load section (a
    new name goes at the section's end; a missing section is added at the file's end)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    begin, end = f"{BEGIN} {name} -->", f"{END} {name} -->"
    new = f"{begin}\n{block}\n{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + new + rest.split(end, 1)[1]
    elif SECTION_END in text:
        head, rest = text.split(SECTION_END, 1)
        text = f"{head.rstrip()}\n\n{new}\n{SECTION_END}{rest}"
    else:
        text = (
            f"{text.rstrip()}\n\n{SECTION}\n## Many users at once (`python -m bench.load`)\n\n"
            f"{new}\n{SECTION_END}\n"
        )
    path.write_text(text, encoding="utf-8")
