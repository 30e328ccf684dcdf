"""The Fabrikker view's places: one factory place per row, with every contract it supplies and
its social-dialogue status under each (rows of queries/factory_places), for the page's table;
maps.places_map draws the same places.
"""

from __future__ import annotations

import pandas as pd

from . import schema
from .i18n import label

# From least to most advanced (the dashboard's order): a place is drawn in the colour of its
# least advanced contract.
PLACE_STATUSES = schema.DIALOGUE_STATUS_ORDER


def with_contracts(df: pd.DataFrame) -> pd.DataFrame:
    """factory_places rows with `contracts`: per place a list of dicts (contract_id,
    supplier_name, dialogue_status, central) from the query's four lists."""
    out = df.copy()
    out["contracts"] = [
        [
            {"contract_id": c, "supplier_name": s, "dialogue_status": d, "central": bool(x)}
            for c, s, d, x in zip(cs, ss, ds, xs, strict=True)
        ]
        for cs, ss, ds, xs in zip(
            df["contract_ids"],
            df["supplier_names"],
            df["dialogue_statuses"],
            df["centrals"],
            strict=True,
        )
    ]
    return out


def status_word(status: str | None, lang: str) -> str:
    return label(status, lang) if status else "–"


def least_advanced(contracts) -> str | None:
    ranks = [
        PLACE_STATUSES.index(c["dialogue_status"])
        for c in contracts
        if c["dialogue_status"] in PLACE_STATUSES
    ]
    return PLACE_STATUSES[min(ranks)] if ranks else None


def contracts_text(contracts, lang: str) -> str:
    """`K1: Pågår; K2: Ikke rapportert` (plain text: tables show it as text)."""
    return "; ".join(
        f"{c['contract_id']}: {status_word(c['dialogue_status'], lang)}" for c in contracts
    )


def places_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per place, for the page's table and its download."""
    out = df[["place_id", "factory_name", "country", "address", "os_id", "n_contracts"]].copy()
    out["statuses"] = [contracts_text(c, lang) for c in df["contracts"]]
    out["suppliers"] = [
        ", ".join(sorted({c["supplier_name"] for c in cs})) for cs in df["contracts"]
    ]
    out["least_advanced"] = [least_advanced(c) for c in df["contracts"]]
    return out
