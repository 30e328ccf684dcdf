"""The embedded default: a first start builds data/etikkmonitor.duckdb from data/demo/."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import duckdb

from . import db

DEMO_DIR = db.ROOT / "data" / "demo"
_lock = threading.Lock()


def _has_data(path: Path) -> bool:
    store = db.Store(path)
    try:
        return store.current_import_id() is not None
    except (duckdb.Error, db.DatabaseError):  # not an Etikkmonitor database (yet)
        return False
    finally:
        store.close()


def ensure_default(path: Path, wait: float = 120.0) -> None:
    """Import the demo export into `path` if it holds no import yet."""
    with _lock:
        if _has_data(path):
            return
        from .importer import publish, validate

        v = validate([DEMO_DIR])
        try:
            store = db.Store(path)
            try:
                publish(v, store, user="demo", note="demo data, built at first start")
            except db.DatabaseBusy:
                # another process (a second command, the dashboard) is building it right now
                deadline = time.monotonic() + wait
                while not _has_data(path):
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            finally:
                store.close()
        finally:
            v.close()
