"""What many test files share: the databases (built once per test session) and the command.

`demo_db`, `handmade_db` and `empty_db` are built once and only read: a test that writes to its
database (an import, a roll-back, an upload on the importer page) asks for `handmade_copy`,
`empty_copy` or `private_copy(db)`, a copy of its own, so no write leaks into another test. `run_cli` runs
`python -m etikkmonitor` in a fresh process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from dashboard_dbs import DEMO, HANDMADE, ROOT, build, empty


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo export (data/demo/), imported."""
    return build(DEMO, tmp_path_factory.mktemp("demo") / "demo.duckdb")


@pytest.fixture(scope="session")
def handmade_db(tmp_path_factory) -> Path:
    """The hand-made fixture (tests/fixtures/handmade/), imported; figures in
    test_handmade_fixture.py."""
    return build(HANDMADE, tmp_path_factory.mktemp("handmade") / "handmade.duckdb")


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory) -> Path:
    """The schema and no import."""
    return empty(tmp_path_factory.mktemp("empty") / "empty.duckdb")


@pytest.fixture
def private_copy(tmp_path):
    """private_copy(db_file, name=None) -> a plain file in this test's folder holding the
    database published at `db_file`, for this test alone to change."""

    def copy(db_file: Path, name: str | None = None) -> Path:
        path = tmp_path / (name or db_file.name)
        shutil.copyfile(db_file, path)  # follows the symlink to the published version
        return path

    return copy


@pytest.fixture
def handmade_copy(handmade_db, private_copy) -> Path:
    return private_copy(handmade_db)


@pytest.fixture
def empty_copy(empty_db, private_copy) -> Path:
    return private_copy(empty_db)


def _run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    # PYTHONIOENCODING only fixes how the child's stdout is encoded for us to read; file
    # reading inside the importer is left to its own encoding detection.
    return subprocess.run(
        [sys.executable, "-m", "etikkmonitor", *map(str, args)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=300,
    )


@pytest.fixture(scope="session")
def run_cli():
    """run_cli(*args) -> the finished `python -m etikkmonitor ARGS`, its output as text."""
    return _run_cli
