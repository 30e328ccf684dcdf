"""Publishing beside the readers: imports and roll-backs while the dashboard and the command line
read (issue 14, item 8).

Readers open the published file read-only and never lock it for writing; the publisher writes the
next version beside it and publishes it with one rename. The exports are test_history's two tiny
hand-made ones, whose figures are worked out there:
  export 1: contracts A, B; part 2 relevant A and B (high risk, >= 500 000), covered A: 1 of 2
  export 2: contracts A, C; part 2 relevant A and C, both with clauses:                2 of 2
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from etikkmonitor import db
from etikkmonitor.history import rollback
from etikkmonitor.importer import publish, validate
from etikkmonitor.summary import key_figures
from tests.test_history import AS_OF, EXPORT_1, EXPORT_2, write_export

ROOT = Path(__file__).resolve().parent.parent
PART2 = {
    1: {"relevant": 2, "covered": 1, "coverage": 0.5},
    2: {"relevant": 2, "covered": 2, "coverage": 1.0},
}


@pytest.fixture
def place():
    """A folder others may enter: the commands below may run as another user (see cli())."""
    folder = Path(tempfile.mkdtemp(prefix="em-publish-"))
    folder.chmod(0o755)
    for name, files in (("one", EXPORT_1), ("two", EXPORT_2)):
        write_export(folder / name, files)
    yield folder
    for p in [folder, *folder.rglob("*")]:  # give back what a test took away
        if not p.is_symlink():
            p.chmod(0o755)
    shutil.rmtree(folder)


def cli(*args, as_other_user=False, env=None, timeout=120) -> subprocess.CompletedProcess:
    """`python -m etikkmonitor ...`; as_other_user: as 'nobody' when the tests run as root, for
    whom file permissions do not apply (a server's service account is not root either)."""
    prefix = []
    if as_other_user and os.geteuid() == 0:
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "etikkmonitor", *map(str, args)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
    )


def first(place: Path) -> Path:
    path = place / "em.duckdb"
    publish(validate([place / "one"]), db.Store(path), user="test")
    return path


def test_a_cli_import_succeeds_while_a_reader_process_holds_the_database(place):
    path = first(place)
    # A reader opened as the dashboard opens it (ui.store: db.Store(path)), kept open.
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys\nfrom etikkmonitor import db\ns = db.Store(sys.argv[1])\n"
                "for _ in sys.stdin:\n    print(s.current_import_id(), flush=True)\n"
            ),
            str(path),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        reader.stdin.write("?\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1"
        done = cli("import", place / "two", "--db", path, "--json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["import_id"] == 2
        # The same open reader sees the new import at its next query, without reopening.
        reader.stdin.write("?\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "2"
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)
    assert reader.returncode == 0


def test_summary_in_a_loop_during_imports_sees_the_old_or_the_new_never_an_error_or_a_mix(place):
    path = first(place)
    exports = {1: validate([place / "one"]), 2: validate([place / "two"])}
    # Whole answers for each dataset alone, to compare with: anything else would be a mix.
    alone = {}
    for n, v in exports.items():
        s = db.Store(place / f"alone{n}.duckdb")
        publish(v, s)
        alone[n] = key_figures(s, AS_OF)
        alone[n].pop("import_id", None)
        s.close()
        assert alone[n]["oslo_model"]["part2"] == PART2[n]  # by hand, see the module's doc
    store = db.Store(path)
    stop = threading.Event()
    published = []

    def keep_publishing():
        n = 2
        while not stop.is_set():
            published.append(publish(exports[n], store))
            n = 3 - n

    writer = threading.Thread(target=keep_publishing)
    writer.start()
    seen, reads = set(), []
    try:
        # A long-lived reader (as the dashboard) and the command line, both during the imports.
        in_process = db.Store(path)
        deadline = time.monotonic() + 120
        while len(reads) < 6 or len(seen) < 2:
            assert time.monotonic() < deadline, (seen, reads)
            run = cli("summary", "--db", path, "--as-of", AS_OF, "--json")
            reads.append(run.returncode)
            assert run.returncode == 0, run.stderr
            for got in (json.loads(run.stdout), key_figures(in_process, AS_OF)):
                got.pop("import_id", None)
                match = [n for n in (1, 2) if got == alone[n]]
                assert match, got  # exactly export 1's figures or export 2's
                seen.add(match[0])
        in_process.close()
    finally:
        stop.set()
        writer.join()
        store.close()
        for v in exports.values():
            v.close()
    assert len(published) >= 2  # it really published meanwhile
    # Every publish kept its history, and only the last two versions are left on disk.
    assert sorted(history_ids(path)) == list(range(1, len(published) + 2))
    assert len(list(db.versions_dir(path).glob("*.duckdb"))) == 2


def history_ids(path: Path) -> list[int]:
    s = db.Store(path)
    try:
        return [r[0] for r in s.cursor().execute("SELECT import_id FROM imports").fetchall()]
    finally:
        s.close()


def test_a_query_started_on_the_old_version_finishes_on_it_after_it_is_replaced(place):
    path = first(place)
    store = db.Store(path)
    old = store.cursor()  # on version 1
    for _ in range(3):  # three publishes later version 1's file is removed from the folder
        rollback(store, 1)
    assert len(list(db.versions_dir(path).glob("*.duckdb"))) == 2
    assert old.execute("SELECT count(*) FROM imports").fetchall() == [(1,)]
    assert store.cursor().execute("SELECT count(*) FROM imports").fetchall() == [(4,)]
    store.close()


def test_two_publishers_at_once_one_wins_the_other_is_refused_and_nothing_mixes(place):
    path = first(place)
    store = db.Store(path)
    inside, release = threading.Event(), threading.Event()

    def slow_rollback():
        with store.publishing() as cur:
            cur.execute("INSERT INTO imports SELECT 2, 'rollback', 1, now(), 'slow', NULL")
            inside.set()
            release.wait(60)

    t = threading.Thread(target=slow_rollback)
    t.start()
    try:
        assert inside.wait(60)
        done = cli("import", place / "two", "--db", path)
        assert done.returncode == 1
        assert "En annen import eller tilbakestilling publiseres akkurat nå" in done.stderr
        assert "Traceback" not in done.stderr
        assert store.current_import_id() == 1  # the slow one is not published before its end
    finally:
        release.set()
        t.join()
    assert history_ids(path) == [1, 2]  # the winner, and nothing of the refused import
    assert store.cursor().execute("SELECT count(*) FROM contracts").fetchall() == [(2,)]
    store.close()


def test_a_failed_publish_changes_nothing_and_leaves_no_file(place):
    path = first(place)
    before = sorted(p.name for p in db.versions_dir(path).iterdir())
    target = os.readlink(path)
    store = db.Store(path)
    with pytest.raises(RuntimeError, match="power cut"), store.publishing() as cur:
        cur.execute("DELETE FROM contracts")
        raise RuntimeError("power cut")
    assert os.readlink(path) == target
    assert sorted(p.name for p in db.versions_dir(path).iterdir()) == before
    assert store.cursor().execute("SELECT count(*) FROM contracts").fetchall() == [(2,)]
    store.close()


def test_a_plain_database_file_of_the_older_layout_is_read_and_then_published_beside(place):
    built = first(place)
    plain = place / "plain.duckdb"
    shutil.copyfile(built, plain)  # a regular file, as before versions existed
    store = db.Store(plain)
    assert store.current_import_id() == 1
    publish(validate([place / "two"]), store)
    assert plain.is_symlink()
    assert store.current_import_id() == 2
    assert history_ids(plain) == [1, 2]
    store.close()


def test_readers_need_no_write_access_and_a_refused_write_says_why(place):
    path = first(place)
    # The service account may read the published database, and nothing more.
    for p in [place, db.versions_dir(path), *db.versions_dir(path).iterdir()]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    env = {"ETIKKMONITOR_DB": str(path)}  # the default database: summary used to open it rw
    run = cli("summary", "--as-of", AS_OF, "--json", env=env, as_other_user=True)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["oslo_model"]["part2"] == PART2[1]
    run = cli("import", place / "two", "--db", path, as_other_user=True)
    assert run.returncode == 1
    assert "Kan ikke publisere: mappen med databasen tillater ikke skriving" in run.stderr
    assert "Traceback" not in run.stderr
    assert history_ids(path) == [1]


def test_an_unreadable_or_foreign_database_file_is_a_message_not_a_traceback(place):
    path = first(place)
    os.chmod(os.path.realpath(path), 0o000)
    run = cli("summary", "--db", path, "--as-of", AS_OF, as_other_user=True)
    assert run.returncode == 1
    assert "Kan ikke lese databasefilen" in run.stderr
    assert "Traceback" not in run.stderr
    foreign = place / "notes.duckdb"
    foreign.write_text("not a database\n")
    run = cli("summary", "--db", foreign, "--as-of", AS_OF)
    assert run.returncode == 1
    assert "ikke en Etikkmonitor-database" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_reader_of_a_file_from_an_older_contract_version_sees_its_newer_columns_empty(place):
    """Readers cannot add columns to the published file (test_contract_v2: the publisher does):
    its views give them as NULL, so this code's queries run on it."""
    plain = place / "v1.duckdb"
    shutil.copyfile(first(place), plain)
    con = db.connect(plain)
    con.execute("ALTER TABLE contracts DROP COLUMN notice_id")
    con.execute("ALTER TABLE factories DROP COLUMN os_id")
    con.close()
    store = db.Store(plain)
    got = store.cursor().execute("SELECT count(*), count(notice_id) FROM contracts").fetchall()
    assert got == [(2, 0)]  # A and B, no notice id
    assert key_figures(store, AS_OF)["oslo_model"]["part2"] == PART2[1]
    store.close()


def test_the_dashboard_shows_an_import_published_from_the_command_line_at_its_next_run(
    place, monkeypatch
):
    """The dashboard keeps its Store (st.cache_resource) open across runs, as a server does."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    path = first(place)
    monkeypatch.setenv("ETIKKMONITOR_DB", str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["as_of"] = AS_OF.isoformat()

    def part2() -> str:
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return next(m for m in at.metric if m.label == "Oslomodellen del 2: etisk handel").value

    assert part2() == "50\u00a0%"  # export 1: A of A and B
    done = cli("import", place / "two", "--db", path)
    assert done.returncode == 0, done.stderr
    assert part2() == "100\u00a0%"  # export 2: A and C, both with clauses
    st.cache_resource.clear()
