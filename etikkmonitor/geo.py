"""Countries: names in both languages and a centroid for factories without coordinates."""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

import pandas as pd

COUNTRIES_FILE = Path(__file__).with_name("data") / "countries.csv"


@cache
def countries() -> dict[str, dict]:
    """ISO alpha-2 -> {name_en, name_nb, lat, lon}."""
    with COUNTRIES_FILE.open(encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter=";")
        return {
            r["alpha2"]: {
                "name_en": r["name_en"],
                "name_nb": r["name_nb"],
                "lat": float(r["lat"]),
                "lon": float(r["lon"]),
            }
            for r in rows
        }


def country_name(code: str | None, lang: str = "nb") -> str:
    """The country's name in `lang`; an unknown code as it is."""
    if code is None or (isinstance(code, float) and math.isnan(code)):
        return ""
    entry = countries().get(str(code))
    if entry is None:
        return str(code)
    return entry["name_nb"] if lang == "nb" else entry["name_en"]


def place(df: pd.DataFrame) -> pd.DataFrame:
    """Fill missing latitude/longitude from the country's centroid.

    Several factories placed in one country would hide each other on the map, so the n-th of
    them is set on a small spiral around the centroid (deterministic: the same data gives the
    same map).
    """
    out = df.copy()
    missing = out["latitude"].isna() | out["longitude"].isna()
    order = out[missing].groupby("country").cumcount()
    lat, lon = [], []
    for idx in out.index[missing]:
        c = countries().get(out.at[idx, "country"])
        n = int(order.at[idx])
        if c is None:
            lat.append(None)
            lon.append(None)
            continue
        radius = 0.0 if n == 0 else 0.6 * math.sqrt(n)
        angle = n * 2.4  # golden angle, radians: points spread evenly
        lat.append(c["lat"] + radius * math.sin(angle))
        lon.append(c["lon"] + radius * math.cos(angle))
    out.loc[missing, "latitude"] = lat
    out.loc[missing, "longitude"] = lon
    return out
