"""Countries: their names in both languages, a centroid for factories without coordinates, and
every name an export may give a country by.

Names are CLDR's (Babel's `Locale.territories`), except the few the product has always written
otherwise ("Hviterussland", "Turkey", "Democratic Republic of the Congo"): those stand in
`data/countries.csv` beside each country's centroid, as does what Babel cannot know, the other
names exports use (`data/country_aliases.csv`). This module is the only reader of both files.
"""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

import pandas as pd

from .i18n import LANGS, babel_locale

DATA = Path(__file__).with_name("data")
COUNTRIES_FILE = DATA / "countries.csv"
ALIASES_FILE = DATA / "country_aliases.csv"


@cache
def countries() -> dict[str, dict]:
    """ISO alpha-2 -> {lat, lon, names: {lang: the product's own name, where not CLDR's}}."""
    with COUNTRIES_FILE.open(encoding="utf-8", newline="") as f:
        return {
            r["alpha2"]: {
                "lat": float(r["lat"]),
                "lon": float(r["lon"]),
                "names": {lang: r[f"name_{lang}"] for lang in LANGS if r[f"name_{lang}"]},
            }
            for r in csv.DictReader(f, delimiter=";")
        }


def country_name(code: str | None, lang: str = "nb") -> str:
    """The country's name in `lang`; a code not in countries.csv as it is, a missing one ""."""
    if code is None or (isinstance(code, float) and math.isnan(code)):
        return ""
    entry = countries().get(str(code))
    if entry is None:
        return str(code)
    return entry["names"].get(lang) or babel_locale(lang).territories[str(code)]


@cache
def every_country_name() -> tuple[tuple[str, str], ...]:
    """(alpha-2, name) for every way an export may name a country: its code, its names in
    both languages and its aliases (ISO's own English short names, common variants)."""
    pairs = [(code, code) for code in countries()]
    pairs += [(code, country_name(code, lang)) for code in countries() for lang in LANGS]
    with ALIASES_FILE.open(encoding="utf-8", newline="") as f:
        pairs += [(r["alpha2"], r["name"]) for r in csv.DictReader(f, delimiter=";")]
    return tuple(pairs)


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
