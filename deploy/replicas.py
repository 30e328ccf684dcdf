"""Several Etikkmonitor replicas behind HAProxy, started with one command:

    python -m deploy.replicas [--replicas 2] [--port 8501] [--db data/etikkmonitor.duckdb]

(or `bash deploy/run.sh`, which installs HAProxy first when it is missing). Each replica is a
`streamlit run app.py` of its own on 127.0.0.1 (ports 8601, 8602, ...), all reading the one
published database ($ETIKKMONITOR_DB or --db; readers open it read-only and switch to a new
import at their next query, so an import published by any replica, or by `etikkmonitor import`,
is seen by all). HAProxy (deploy/haproxy.cfg) is the one address users see: sticky sessions
by cookie, WebSocket pass-through, health checks on /_stcore/health. Ctrl-C stops everything.

Why replicas: a Streamlit server is one Python process, and a page run holds Python's GIL for
most of its time, so one process uses about one core however many users wait. One replica per
core is what makes a machine's cores serve users (docs/scaling.md).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = Path(__file__).resolve().parent / "haproxy.cfg"
_SERVERS = re.compile(r"(    # servers: begin\n).*?(    # servers: end\n)", re.DOTALL)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def streamlit_flags(port: int) -> list[str]:
    """`streamlit run` flags of a replica: only on 127.0.0.1 (the proxy is the way in)."""
    return [
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]


def render(ports: list[int], template: str | None = None) -> str:
    """deploy/haproxy.cfg with one server line per replica port."""
    text = template if template is not None else CONFIG.read_text(encoding="utf-8")
    lines = "".join(
        f"    server r{i} 127.0.0.1:{port} cookie r{i}\n" for i, port in enumerate(ports, 1)
    )
    out, n = _SERVERS.subn(lambda m: m.group(1) + lines + m.group(2), text)
    if n != 1:
        raise ValueError("haproxy.cfg has no '# servers: begin/end' block")
    return out


def start_app(port: int, env: dict[str, str], log, cwd: Path = ROOT) -> subprocess.Popen:
    """One `streamlit run app.py` on 127.0.0.1:`port`, its output to `log` (a file or
    subprocess.DEVNULL); a replica here, and the one server of bench/ and the browser tests."""
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", *streamlit_flags(port)],
        cwd=cwd,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_healthy(url: str, procs: list[subprocess.Popen], seconds: float = 120) -> None:
    """Until `url` answers its health check; an error if one of `procs` exits first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            pass
        for p in procs:
            if p.poll() is not None:
                raise RuntimeError(f"{p.args[0]} exited with {p.returncode} before {url} served")
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy in {seconds:.0f} s")


@dataclass
class Cluster:
    """Replicas and the proxy in front of them, as started by `start`."""

    url: str
    stats_url: str
    apps: list[subprocess.Popen]
    app_urls: list[str]
    proxy: subprocess.Popen
    run_dir: Path
    logs: list = field(default_factory=list)

    @property
    def app_pids(self) -> list[int]:
        return [p.pid for p in self.apps]

    def servers(self) -> dict[str, dict[str, str]]:
        """HAProxy's view of each replica (its statistics as CSV): status (UP/DOWN), scur
        (connections open now, a websocket is one), stot (connections so far)."""
        with urllib.request.urlopen(f"{self.stats_url};csv", timeout=5) as r:
            text = r.read().decode().lstrip("# ")
        rows = csv.DictReader(io.StringIO(text))
        return {
            row["svname"]: row
            for row in rows
            if row["pxname"] == "replicas" and row["svname"] not in ("FRONTEND", "BACKEND")
        }

    def wait_all_up(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if all(s["status"] == "UP" for s in self.servers().values()):
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"replicas not all UP behind the proxy: {self.servers()}")

    def stop(self) -> None:
        for p in [self.proxy, *self.apps]:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in [self.proxy, *self.apps]:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        for f in self.logs:
            f.close()


def start(
    db_path: Path | None = None,
    replicas: int = 2,
    port: int | None = None,
    app_ports: list[int] | None = None,
    stats_port: int | None = None,
    log_dir: Path | None = None,
    host: str = "127.0.0.1",
) -> Cluster:
    """Start `replicas` app processes and HAProxy in front; returns once all serve."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        raise RuntimeError("HAProxy is not installed: apt-get install haproxy (deploy/run.sh)")
    run_dir = Path(log_dir) if log_dir else Path(tempfile.mkdtemp(prefix="etikkmonitor-"))
    run_dir.mkdir(parents=True, exist_ok=True)
    app_ports = app_ports or [free_port() for _ in range(replicas)]
    port = port or free_port()
    stats_port = stats_port or free_port()
    env = dict(os.environ)
    if db_path is not None:
        env["ETIKKMONITOR_DB"] = str(db_path)
    # The same cookie secret on every replica (Streamlit takes it only from the environment or
    # a config file): a browser moved to another replica, its own being down, keeps a valid
    # XSRF cookie for uploads.
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    logs, apps = [], []
    try:
        for i, p in enumerate(app_ports, 1):
            log = (run_dir / f"replica-{i}.log").open("w")
            logs.append(log)
            apps.append(start_app(p, env, log))
        app_urls = [f"http://127.0.0.1:{p}" for p in app_ports]
        for url in app_urls:
            wait_healthy(url, apps)
        cfg = run_dir / "haproxy.cfg"
        cfg.write_text(render(app_ports), encoding="utf-8")
        log = (run_dir / "haproxy.log").open("w")
        logs.append(log)
        proxy = subprocess.Popen(
            [haproxy, "-db", "-f", str(cfg)],
            env={**env, "EM_BIND": f"{host}:{port}", "EM_STATS_BIND": f"127.0.0.1:{stats_port}"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    except BaseException:
        for p in apps:
            p.kill()
        for f in logs:
            f.close()
        raise
    cluster = Cluster(
        url=f"http://{'127.0.0.1' if host in ('', '0.0.0.0') else host}:{port}",
        stats_url=f"http://127.0.0.1:{stats_port}/stats",
        apps=apps,
        app_urls=app_urls,
        proxy=proxy,
        run_dir=run_dir,
        logs=logs,
    )
    try:
        wait_healthy(cluster.url, [proxy, *apps])
        cluster.wait_all_up()
    except BaseException:
        cluster.stop()
        raise
    return cluster


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--replicas", type=int, default=2, help="app processes (one per core)")
    p.add_argument("--port", type=int, default=8501, help="where users connect")
    p.add_argument("--host", default="127.0.0.1", help="the proxy's address (0.0.0.0: all)")
    p.add_argument("--first-app-port", type=int, default=8601)
    p.add_argument("--stats-port", type=int, default=8404)
    p.add_argument("--db", type=Path, help="the published database (default $ETIKKMONITOR_DB)")
    p.add_argument("--run-dir", type=Path, default=ROOT / "deploy" / "run", help="logs, config")
    args = p.parse_args(argv)
    ports = [args.first_app_port + i for i in range(args.replicas)]
    if args.db is None and not os.environ.get("ETIKKMONITOR_DB"):
        # Built once here, not by each replica's first session at the same time.
        from etikkmonitor import db
        from etikkmonitor.bootstrap import ensure_default

        ensure_default(db.DEFAULT_DB)
        args.db = db.DEFAULT_DB
    cluster = start(
        args.db,
        replicas=args.replicas,
        port=args.port,
        app_ports=ports,
        stats_port=args.stats_port,
        log_dir=args.run_dir,
        host=args.host,
    )
    print(f"Etikkmonitor: {cluster.url} ({args.replicas} replicas: {', '.join(cluster.app_urls)})")
    print(f"HAProxy statistics: {cluster.stats_url}; logs in {cluster.run_dir}. Ctrl-C stops.")

    def stop_on_term(signum, frame):
        raise KeyboardInterrupt  # `kill`, systemd: stop the replicas and the proxy too

    signal.signal(signal.SIGTERM, stop_on_term)
    try:
        while all(p.poll() is None for p in [cluster.proxy, *cluster.apps]):
            time.sleep(1)
        print("a process ended; stopping the rest", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
