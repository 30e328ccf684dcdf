"""The import log: history, roll-back and comparison of two imports.

A roll-back adds a log entry that points at an earlier import's data; nothing is deleted, so a
roll-back can itself be undone, and it is logged like any import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from . import db, settings
from .filters import Filters


def history(store: db.Store) -> pd.DataFrame:
    return store.query("import_history")


def rollback(store: db.Store, to_import_id: int, user: str | None = None) -> int:
    """Make import `to_import_id`'s data current again; returns the new log entry's id."""
    with store.publishing() as cur:
        known = cur.execute(
            "SELECT count(*) FROM imports WHERE import_id = $id AND action = 'import'",
            {"id": to_import_id},
        ).fetchall()[0][0]
        if not known:
            raise ValueError(f"no import {to_import_id} to roll back to")
        entry = cur.execute("SELECT coalesce(max(import_id), 0) + 1 FROM imports").fetchall()[0][0]
        cur.execute(
            "INSERT INTO imports VALUES ($id, 'rollback', $to, $at, $user, $note)",
            {
                "id": entry,
                "to": to_import_id,
                "at": datetime.now(),
                "user": user,
                # no note: the action and data_import_id say it, in any language
                "note": None,
            },
        )
    return entry


@dataclass
class Comparison:
    contracts: pd.DataFrame  # change: added / removed
    deadlines: pd.DataFrame  # became overdue
    findings: pd.DataFrame  # change: opened / closed
    factories: pd.DataFrame  # status changed


def compare(
    store: db.Store,
    import_a: int,
    import_b: int,
    as_of: date,
    filters: Filters | None = None,
) -> Comparison:
    """What changed from import `import_a` to import `import_b`, judged as of `as_of`."""
    params = {
        "import_a": import_a,
        "import_b": import_b,
        "as_of": as_of,
        "filters": (filters or Filters()).as_param(),
        "rules": settings.rules(),
    }
    return Comparison(
        contracts=store.query("compare_contracts", **params),
        deadlines=store.query("compare_deadlines", **params),
        findings=store.query("compare_findings", **params),
        factories=store.query("compare_factories", **params),
    )
