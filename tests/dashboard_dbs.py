"""How the tests build a database from an export: the demo export, the hand-made fixture, any
other (`build`), or none at all (`empty`). conftest.py builds the shared ones once a session."""

from __future__ import annotations

from pathlib import Path

from etikkmonitor import db
from etikkmonitor.importer import publish, validate

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"
HANDMADE = ROOT / "tests" / "fixtures" / "handmade"


def build(source: Path, path: Path) -> Path:
    """Import the export in `source` into a new database at `path`."""
    v = validate([source])
    try:
        store = db.Store(path)
        try:
            publish(v, store, user="test")
        finally:
            store.close()
    finally:
        v.close()
    return path


def empty(path: Path) -> Path:
    """A database with the schema and no import."""
    store = db.Store(path)
    with store.publishing():  # publishes a version with the schema and nothing else
        pass
    store.close()
    return path
