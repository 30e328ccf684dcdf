"""The key figures of the export contract, from queries/summary.sql.

`summary --json`, the dashboard's overview and the snapshot all call `key_figures`, so the
same date and filters give the same numbers everywhere.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from . import db, schema, settings
from .filters import Filters

# dialogue statuses; `not_reported` (v2) has its own key in by_status
STATUSES = tuple(schema.DIALOGUE_STATUS)
SEVERITIES = ("critical", "major", "minor", "observation")


def key_figures(
    store: db.Store, as_of: date, filters: Filters | None = None, import_id: int | None = None
) -> dict:
    """The contract's `summary --json` object (more keys may follow the contract's ones)."""
    filters = filters or Filters()
    import_id = import_id if import_id is not None else store.current_import_id()
    agency = None
    if len(filters.agencies) == 1:
        agency = filters.agencies[0]
    elif filters.agencies:
        agency = list(filters.agencies)
    base = {"as_of": as_of.isoformat(), "agency": agency}
    if import_id is None:
        return base | empty_figures()
    row = store.query(
        "summary",
        import_id=import_id,
        as_of=as_of,
        filters=filters.as_param(),
        rules=settings.rules(),
    ).iloc[0]

    def n(key: str) -> int:
        return int(row[key])

    def fraction(key: str):
        value = row[key]
        return None if pd.isna(value) else round(float(value), 4)

    return base | {
        "contracts": n("contracts"),
        "oslo_model": {
            "part1": {
                "relevant": n("part1_relevant"),
                "covered": n("part1_covered"),
                "coverage": fraction("part1_coverage"),
            },
            "part2": {
                "relevant": n("part2_relevant"),
                "covered": n("part2_covered"),
                "coverage": fraction("part2_coverage"),
            },
        },
        "factories": {
            "total": n("factories_total"),
            "central": n("factories_central"),
            "by_status": {s: n(s) for s in STATUSES},
            # an addition to the contract's shape: the same counts for central factories only
            "central_by_status": {s: n(f"central_{s}") for s in STATUSES},
        },
        "deadlines": {s: n(s) for s in ("met_on_time", "met_late", "overdue", "upcoming")},
        "findings": {
            "open": n("findings_open"),
            "open_overdue": n("findings_open_overdue"),
            "by_severity": {s: n(s) for s in SEVERITIES},
            # an addition to the contract's shape: open findings by severity
            "open_by_severity": {s: n(f"open_{s}") for s in SEVERITIES},
        },
        "import_id": import_id,
    }


def import_as_of(store: db.Store, d: date) -> int | None:
    """The import whose data was current on day `d` (None if nothing was published yet)."""
    rows = store.query("import_as_of", as_of=d)
    return None if rows.empty else int(rows.iloc[0, 0])


def figures_then(store: db.Store, d: date, filters: Filters | None = None) -> dict:
    """The key figures as of `d` from the data that was current on `d`: what the dashboard
    showed then. Before the first import, the current data judged as of `d`."""
    return key_figures(store, d, filters, import_id=import_as_of(store, d))


def empty_figures() -> dict:
    zero = {"relevant": 0, "covered": 0, "coverage": None}
    return {
        "contracts": 0,
        "oslo_model": {"part1": dict(zero), "part2": dict(zero)},
        "factories": {
            "total": 0,
            "central": 0,
            "by_status": dict.fromkeys(STATUSES, 0),
            "central_by_status": dict.fromkeys(STATUSES, 0),
        },
        "deadlines": dict.fromkeys(("met_on_time", "met_late", "overdue", "upcoming"), 0),
        "findings": {
            "open": 0,
            "open_overdue": 0,
            "by_severity": dict.fromkeys(SEVERITIES, 0),
            "open_by_severity": dict.fromkeys(SEVERITIES, 0),
        },
        "import_id": None,
    }
