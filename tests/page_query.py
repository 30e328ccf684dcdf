"""How a page binds its query's standard $parameters (ui.View.params), for the tests that run
queries/ on the hand-made database: `params(store, agency, as_of)`, as of D unless told."""

from __future__ import annotations

from datetime import date

from etikkmonitor import settings
from etikkmonitor.filters import Filters

D = date(2024, 6, 30)


def params(store, agency=None, as_of=D):
    return {
        "import_id": store.current_import_id(),
        "as_of": as_of,
        "filters": Filters(agencies=(agency,) if agency else ()).as_param(),
        "access": Filters().as_param(),
        "rules": settings.rules(),
    }
