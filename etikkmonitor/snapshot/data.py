"""The snapshot's data: every figure and table it shows, read from one import (SnapshotData).

Owns which queries the snapshot runs and the default comparison date (a quarter earlier); no
words and no drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from .. import db, settings
from .. import headlines as hl
from ..filters import Filters
from ..summary import figures_then, key_figures

MOST_OVERDUE = 5  # rows of the table of the most overdue deadlines


@dataclass(frozen=True)
class SnapshotData:
    """Everything a snapshot shows, read from one import."""

    as_of: date
    compare_to: date
    compare_is_default: bool
    filters: Filters
    rules: dict
    figures: dict
    previous: dict
    data_import: dict | None
    coverage: pd.DataFrame
    dialogue: pd.DataFrame
    overdue_by_kind: pd.DataFrame
    most_overdue: pd.DataFrame


def collect(
    store: db.Store,
    as_of: date,
    filters: Filters | None = None,
    compare_to: date | None = None,
    import_id: int | None = None,
) -> SnapshotData:
    """Read the snapshot's figures. The figures of `compare_to` come from the data that was
    current then (summary.figures_then), so a change since then includes new deliveries."""
    filters = filters or Filters()
    compare_is_default = compare_to is None
    compare_to = hl.months_before(as_of, 3) if compare_to is None else compare_to
    if compare_to > as_of:
        raise ValueError(f"compare_to {compare_to} is after as_of {as_of}")
    import_id = store.current_import_id() if import_id is None else import_id
    rules = settings.rules()
    params = {
        "import_id": import_id,
        "as_of": as_of,
        "filters": filters.as_param(),
        "rules": rules,
        "limit": MOST_OVERDUE,
    }
    imports = store.query("snapshot_import", **params)
    return SnapshotData(
        as_of=as_of,
        compare_to=compare_to,
        compare_is_default=compare_is_default,
        filters=filters,
        rules=rules,
        figures=key_figures(store, as_of, filters, import_id),
        previous=figures_then(store, compare_to, filters),
        data_import=None if imports.empty else imports.iloc[0].to_dict(),
        coverage=_agencies_with_relevant(store.query("coverage_by_group", **params)),
        dialogue=store.query("snapshot_dialogue_by_country", **params),
        overdue_by_kind=store.query("snapshot_overdue_by_kind", **params),
        most_overdue=store.query("snapshot_most_overdue", **params),
    )


def _agencies_with_relevant(groups: pd.DataFrame) -> pd.DataFrame:
    """The agency rows of coverage_by_group (the dashboard's query) that have something relevant:
    each counts the contracts the agency owns or has call-offs on, as the agency filter does."""
    rows = groups[(groups["dimension"] == "agency")]
    rows = rows[rows["part1_relevant"] + rows["part2_relevant"] > 0]
    return rows.rename(columns={"grp": "agency"}).reset_index(drop=True)
