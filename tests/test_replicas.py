"""Two app replicas behind HAProxy on 127.0.0.1 (deploy/): new sessions spread over both and
stay on theirs, an import published while they serve is seen by both, and a replica that
stops gets no new users (health checks) while its users are sent to the other."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.load import REPLICA_COOKIE, WsUser, build_db, run_coroutine
from deploy import replicas

ROOT = Path(__file__).resolve().parent.parent
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"

pytestmark = pytest.mark.skipif(
    not Path(HAPROXY).exists(), reason="Debian's haproxy is not installed (scripts/test.sh)"
)


def test_the_config_gets_one_server_line_per_replica_and_haproxy_accepts_it(tmp_path):
    text = replicas.render([18601, 18602, 18603])
    servers = [line.strip() for line in text.splitlines() if line.strip().startswith("server ")]
    assert servers == [
        "server r1 127.0.0.1:18601 cookie r1",
        "server r2 127.0.0.1:18602 cookie r2",
        "server r3 127.0.0.1:18603 cookie r3",
    ]
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(text, encoding="utf-8")
    env = {**os.environ, "EM_BIND": "127.0.0.1:18501", "EM_STATS_BIND": "127.0.0.1:18404"}
    check = subprocess.run(
        [HAPROXY, "-c", "-f", str(cfg)], env=env, capture_output=True, check=False
    )
    assert check.returncode == 0, check.stderr.decode()
    # the committed file is a working configuration as it stands (two replicas)
    check = subprocess.run([HAPROXY, "-c", "-f", str(replicas.CONFIG)], env=env, check=False)
    assert check.returncode == 0


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    folder = tmp_path_factory.mktemp("replicas")
    path = build_db(ROOT / "data" / "demo", folder / "etikkmonitor.duckdb")
    c = replicas.start(path, replicas=2, log_dir=folder / "run")
    yield c, path
    c.stop()


async def overview(user: WsUser, fresh: bool = True):
    """The overview page: a new session (`fresh`), or a page switch in the user's session."""
    run = await (user.open("", "") if fresh else user.switch(""))
    assert run.errors == [] and run.page == "oversikt"
    return run


def test_sessions_spread_stick_and_all_replicas_see_a_new_import(cluster):
    c, path = cluster

    async def scenario():
        users = [WsUser(c.url, 60) for _ in range(6)]
        try:
            # Six users arrive one after another, each keeping its tab (websocket) open:
            # HAProxy sends each to the replica with fewer open connections, 3 and 3.
            for u in users:
                run = await overview(u)
                assert run.import_id == 1
            on = [u.cookies[REPLICA_COOKIE] for u in users]
            assert sorted(on) == ["r1", "r1", "r1", "r2", "r2", "r2"]
            assert {s: int(row["scur"]) for s, row in c.servers().items()} == {"r1": 3, "r2": 3}

            # A user's next tab (a link it opens) goes to its own replica, by the cookie.
            before = {s: int(row["stot"]) for s, row in c.servers().items()}
            await overview(users[0])
            after = {s: int(row["stot"]) for s, row in c.servers().items()}
            assert after[on[0]] == before[on[0]] + 1
            assert users[0].cookies[REPLICA_COOKIE] == on[0]

            # An import published while both serve (the command line beside them; the
            # importer page publishes the same way; --force: the messy demo's 6 contracts
            # replace the demo's 351, which the importer otherwise asks to confirm) ...
            done = await asyncio.to_thread(
                subprocess.run,
                [
                    sys.executable,
                    "-m",
                    "etikkmonitor",
                    "import",
                    "data/demo-messy",
                    "--db",
                    path,
                    "--force",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, done.stdout + done.stderr
            # ... is what every session on both replicas shows at its next run.
            for u in users:
                run = await overview(u, fresh=False)
                assert run.import_id == 2, u.cookies
        finally:
            for u in users:
                await u.close()

    run_coroutine(scenario())


def test_a_stopped_replica_gets_no_new_users_and_its_users_move(cluster):
    c, _ = cluster

    async def scenario():
        # A user of r1, then r1 stops.
        user = WsUser(c.url, 60)
        user.cookies[REPLICA_COOKIE] = "r1"
        await overview(user)
        await user.close()
        c.apps[0].terminate()
        c.apps[0].wait(timeout=20)
        deadline = time.monotonic() + 20
        while c.servers()["r1"]["status"] != "DOWN":  # two failed checks, 2 s apart
            assert time.monotonic() < deadline, c.servers()
            await asyncio.sleep(0.5)
        # New users all go to r2 and are served; r1's user is sent there too (a new session:
        # its link still holds the view) and keeps r2 from then on.
        for _ in range(3):
            fresh = WsUser(c.url, 60)
            await overview(fresh)
            assert fresh.cookies[REPLICA_COOKIE] == "r2"
            await fresh.close()
        await overview(user)
        assert user.cookies[REPLICA_COOKIE] == "r2"
        await user.close()

    run_coroutine(scenario())
