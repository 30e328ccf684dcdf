"""The embedded default: a first start builds data/etikkmonitor.duckdb from data/demo/."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb

from . import db

DEMO_DIR = db.ROOT / "data" / "demo"
_lock = threading.Lock()


def ensure_default(path: Path) -> None:
    """Import the demo export into `path` if it holds no import yet."""
    with _lock:
        if path.exists():
            store = db.Store(path, read_only=True)
            try:
                has_data = store.current_import_id() is not None
            except duckdb.Error:  # not an Etikkmonitor database (yet)
                has_data = False
            finally:
                store.close()
            if has_data:
                return
        from .importer import publish, validate

        v = validate([DEMO_DIR])
        try:
            store = db.Store(path)
            try:
                publish(v, store, user="demo", note="demo data, built at first start")
            finally:
                store.close()
        finally:
            v.close()
