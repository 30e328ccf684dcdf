"""The world maps of factories: Sosial dialog's `factory_map` (one point per factory row) and
Fabrikker's `places_map` (one point per factory place), drawn by one `_world_map`.

Both show the social-dialogue status by colour, symbol and legend name (charts' palette and
MAP_SYMBOLS), draw the larger points alike and share the offline base map (charts.PLOTLY_CONFIG
serves its topojson). A point without coordinates sits at its country's centroid (geo.place).
plotly reads hover texts as HTML: every value from data goes through `esc` (escape.plotly).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import charts
from .charts import DARK_BEIGE, DARK_BLUE, DIALOGUE_STATUSES, MAP_SYMBOLS, STATUS_COLORS
from .escape import plotly as esc
from .factory_view import least_advanced, status_word
from .geo import country_name, place
from .i18n import label, t

# the factory rows' columns in factory_map's hover text
TEXT_COLUMNS = ["factory_name", "supplier_name", "country", "city", "central", "map_placed_by"]


def _world_map(placed: pd.DataFrame, status_column: str, lang: str) -> go.Figure:
    """One trace per dialogue status, in the dashboard's order, of the rows of `placed` (with
    latitude, longitude, `status_column`, and per row its point's `_size` and `_hover`)."""
    fig = go.Figure()
    for status in DIALOGUE_STATUSES:
        part = placed[placed[status_column] == status]
        if part.empty:
            continue
        # numpy arrays, not lists: plotly copies a list item by item (~0.2 s for 16 000 points)
        fig.add_scattergeo(
            lat=part["latitude"].to_numpy(),
            lon=part["longitude"].to_numpy(),
            mode="markers",
            name=label(status, lang),
            marker={
                "color": STATUS_COLORS[status],
                "symbol": MAP_SYMBOLS[status],
                "size": part["_size"].to_numpy(),
                "line": {"color": DARK_BLUE, "width": 1},
                "opacity": 0.95,
            },
            hovertext=part["_hover"].to_numpy(dtype=object),
            hoverinfo="text",
        )
    fig.update_geos(
        projection_type="natural earth",
        resolution=110,
        showland=True,
        landcolor=charts.BEIGE,
        showcountries=True,
        countrycolor=DARK_BEIGE,
        showocean=True,
        oceancolor="#EEF9FB",
        showcoastlines=True,
        coastlinecolor=DARK_BEIGE,
        showframe=False,
        lataxis_range=[-45, 75],
    )
    return charts.layout(fig, lang, height=430)


def factory_map(df: pd.DataFrame, lang: str) -> go.Figure:
    """Factories on a world map, one trace per dialogue status (colour, symbol and name).

    Uses factories_dialogue rows; those without coordinates sit at their country's centroid.
    Central factories are drawn larger.
    """
    placed = place(df)
    rows = placed[[*TEXT_COLUMNS, "dialogue_status"]].astype(object).itertuples()
    hover = [
        "<b>{}</b><br>{}<br>{}{}<br>{}: {}{}".format(
            esc(r.factory_name),
            esc(r.supplier_name),
            esc(country_name(r.country, lang)),
            f", {esc(r.city)}" if isinstance(r.city, str) and r.city else "",
            t("dash.col.dialogue_status", lang),
            label(r.dialogue_status, lang),
            f"<br>{t('dash.central', lang)}" if r.central else "",
        )
        + (f"<br><i>{t('dash.map.by_country', lang)}</i>" if r.map_placed_by == "country" else "")
        for r in rows
    ]
    size = np.where(placed["central"].to_numpy(dtype=bool), 13, 8)
    return _world_map(placed.assign(_size=size, _hover=hover), "dialogue_status", lang)


def _place_hover(r, lang: str) -> str:
    """A place's name, country and OS ID, then each contract it supplies with its status."""
    lines = [f"<b>{esc(r.factory_name)}</b>", esc(country_name(r.country, lang))]
    if isinstance(r.os_id, str) and r.os_id:
        lines.append(f"OS ID {esc(r.os_id)}")
    lines.append(t("fab.map.contracts", lang, n=int(r.n_contracts)))
    for c in r.contracts:
        lines.append(
            f"&nbsp;&nbsp;{esc(c['contract_id'])} ({esc(c['supplier_name'])}): "
            f"{esc(status_word(c['dialogue_status'], lang))}"
        )
    return "<br>".join(lines)


def places_map(df: pd.DataFrame, lang: str) -> go.Figure:
    """Factory places on a world map: one point per place (a factory shared by contracts is
    drawn once, larger), coloured by its least advanced status; the hover lists every contract
    with its status. Places without coordinates sit at their country's centroid.

    Uses factory_places rows with their `contracts` (factory_view.with_contracts)."""
    placed = place(df.assign(_status=[least_advanced(c) for c in df["contracts"]]))
    hover = [_place_hover(r, lang) for r in placed.itertuples()]
    size = np.where(placed["n_contracts"].to_numpy() > 1, 14, 8)
    return _world_map(placed.assign(_size=size, _hover=hover), "_status", lang)
