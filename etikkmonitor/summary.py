"""The key figures of the export contract, from queries/summary.sql.

`summary --json`, the dashboard's overview and the snapshot all call `key_figures`, so the
same date and filters give the same numbers everywhere.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from . import db, schema, settings
from .filters import Filters

# The codes each count is kept by, from the one list of each in schema.py; `not_reported` (v2)
# has its own key in by_status.
STATUSES = tuple(schema.DIALOGUE_STATUS)
SEVERITIES = tuple(schema.SEVERITY)


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

    def fraction(key: str):
        value = row[key]
        return None if pd.isna(value) else round(float(value), 4)

    return base | _shape(lambda key: int(row[key]), fraction) | {"import_id": import_id}


def _shape(n, fraction) -> dict:
    """The figures' nested shape, each count `n(column)` and each share `fraction(column)` of
    summary.sql's row: one shape for a database and for none (empty_figures)."""
    return {
        "contracts": n("contracts"),
        "oslo_model": {
            part: {
                "relevant": n(f"{part}_relevant"),
                "covered": n(f"{part}_covered"),
                "coverage": fraction(f"{part}_coverage"),
            }
            for part in ("part1", "part2")
        },
        "factories": {
            "total": n("factories_total"),
            "central": n("factories_central"),
            "by_status": {s: n(s) for s in STATUSES},
            # additions to the contract's shape: the same counts for central factories only,
            # and the headline's count and share of them with dialogue started (summary.sql)
            "central_by_status": {s: n(f"central_{s}") for s in STATUSES},
            "central_started": n("central_started"),
            "central_started_share": fraction("central_started_share"),
        },
        "deadlines": {s: n(s) for s in schema.DEADLINE_STATUS},
        "findings": {
            "open": n("findings_open"),
            "open_overdue": n("findings_open_overdue"),
            "by_severity": {s: n(s) for s in SEVERITIES},
            # additions to the contract's shape: open findings by severity, and the serious ones
            "open_by_severity": {s: n(f"open_{s}") for s in SEVERITIES},
            "open_serious": n("findings_open_serious"),
        },
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
    return _shape(lambda key: 0, lambda key: None) | {"import_id": None}
