"""The load test's server and data: the demo exports, the database, one `streamlit run` or
replicas behind HAProxy (deploy/replicas.py), their CPU and memory over /proc, and the
import published mid-run."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from pathlib import Path

from bench.load.report import Recorder
from deploy.replicas import free_port, start_app, wait_healthy
from deploy.replicas import start as replicas_start

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench" / "out" / "load"


def start_servers(db_path: Path, replicas: int, log_dir: Path) -> tuple[str, list, list[int]]:
    """(base URL, what to stop, pids of the app processes): one `streamlit run app.py`, or
    `replicas` of them behind HAProxy (deploy/replicas.py)."""
    if replicas <= 1:
        port = free_port()
        env = {**os.environ, "ETIKKMONITOR_DB": str(db_path)}
        proc = start_app(port, env, (log_dir / "streamlit.log").open("w"))
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, [proc])
        return url, [proc], [proc.pid]
    cluster = replicas_start(db_path, replicas=replicas, log_dir=log_dir)
    return cluster.url, [cluster], cluster.app_pids


def stop_servers(procs: list) -> None:
    for p in procs:
        if isinstance(p, subprocess.Popen):
            p.terminate()
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
        else:
            p.stop()


TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / TICK  # utime, stime


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def sample(pids: list[int], out: list, stop: asyncio.Event, every: float = 0.5) -> None:
    """(seconds, CPU seconds per pid, RSS MB per pid) every `every` seconds until stopped."""
    t0 = time.perf_counter()
    while True:
        try:
            out.append(
                (
                    time.perf_counter() - t0,
                    [cpu_seconds(p) for p in pids],
                    [rss_mb(p) for p in pids],
                )
            )
        except OSError:
            pass
        if stop.is_set():
            return
        try:
            await asyncio.wait_for(stop.wait(), every)
        except TimeoutError:
            pass


# ---------------------------------------------------------------------------------------------
# Data and the import mid-run
# ---------------------------------------------------------------------------------------------


def exports(scale: int) -> tuple[Path, Path]:
    """The demo export the run starts from and the one imported mid-run (another seed)."""
    from etikkmonitor import demo

    first = OUT / "data" / f"scale-{scale}"
    second = OUT / "data" / f"scale-{scale}-seed-2"
    for folder, seed in ((first, 2020), (second, 2)):
        if not (folder / "contracts.csv").exists():
            demo.generate(folder, scale=scale, seed=seed)
    return first, second


def build_db(export: Path, path: Path) -> Path:
    from etikkmonitor import db
    from etikkmonitor.importer import publish, validate

    v = validate([export])
    store = db.Store(path)
    try:
        publish(v, store, user="bench.load", note=f"bench.load: {export.name}")
    finally:
        store.close()
        v.close()
    return path


async def import_midway(rec: Recorder, cmd: list[str], result: dict, stop: asyncio.Event):
    done = asyncio.create_task(rec.half.wait())
    halt = asyncio.create_task(stop.wait())
    await asyncio.wait([done, halt], return_when=asyncio.FIRST_COMPLETED)
    halt.cancel()
    if not rec.half.is_set():
        return
    result["at_s"] = time.perf_counter() - rec.t0
    t = time.perf_counter()
    proc = await asyncio.to_thread(subprocess.run, cmd, cwd=ROOT, capture_output=True, text=True)
    result["seconds"] = time.perf_counter() - t
    result["exit"] = proc.returncode
    result["output"] = (proc.stdout + proc.stderr)[-600:]
