"""The Fabrikker view's figure and table: one factory place per point and per row, with every
contract it supplies and its social-dialogue status under each (rows of queries/factory_places).

Every value from data in a hover text is HTML-escaped: plotly reads hover text as HTML.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import charts
from .geo import country_name, place
from .i18n import label, t

# From least to most advanced (the dashboard's order): a place is drawn in the colour of its
# least advanced contract.
PLACE_STATUSES = charts.DIALOGUE_STATUSES


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


def places_map(df: pd.DataFrame, lang: str) -> go.Figure:
    """Factory places on a world map: one point per place (a factory shared by contracts is
    drawn once, larger), coloured by its least advanced status; the hover lists every contract
    with its status. Places without coordinates sit at their country's centroid."""
    placed = place(df.assign(_status=[least_advanced(c) for c in df["contracts"]]))
    fig = go.Figure()
    for status in PLACE_STATUSES:
        part = placed[placed["_status"] == status]
        if part.empty:
            continue
        hover = []
        for r in part.itertuples():
            lines = [
                f"<b>{html.escape(str(r.factory_name))}</b>",
                html.escape(country_name(r.country, lang)),
            ]
            if isinstance(r.os_id, str) and r.os_id:
                lines.append(f"OS ID {html.escape(r.os_id)}")
            lines.append(t("fab.map.contracts", lang, n=int(r.n_contracts)))
            for c in r.contracts:
                lines.append(
                    f"&nbsp;&nbsp;{html.escape(str(c['contract_id']))} "
                    f"({html.escape(str(c['supplier_name']))}): "
                    f"{html.escape(status_word(c['dialogue_status'], lang))}"
                )
            hover.append("<br>".join(lines))
        fig.add_scattergeo(
            lat=part["latitude"].to_numpy(),
            lon=part["longitude"].to_numpy(),
            mode="markers",
            name=status_word(status, lang),
            marker={
                "color": charts.STATUS_COLORS[status],
                "symbol": charts.MAP_SYMBOLS[status],
                "size": np.where(part["n_contracts"].to_numpy() > 1, 14, 8),
                "line": {"color": charts.DARK_BLUE, "width": 1},
                "opacity": 0.95,
            },
            hovertext=np.array(hover, dtype=object),
            hoverinfo="text",
        )
    fig.update_geos(
        projection_type="natural earth",
        resolution=110,
        showland=True,
        landcolor=charts.BEIGE,
        showcountries=True,
        countrycolor=charts.DARK_BEIGE,
        showocean=True,
        oceancolor="#EEF9FB",
        showcoastlines=True,
        coastlinecolor=charts.DARK_BEIGE,
        showframe=False,
        lataxis_range=[-45, 75],
    )
    return charts.layout(fig, lang, height=430)
