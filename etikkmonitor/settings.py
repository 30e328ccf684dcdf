"""Settings: the contract's rule thresholds, read from one TOML file.

The defaults ship in `etikkmonitor/settings.toml`; `ETIKKMONITOR_SETTINGS` names another file.
Keys missing from that file keep their default, so a local file holds only what it changes.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

DEFAULT_FILE = Path(__file__).with_name("settings.toml")


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@lru_cache(maxsize=8)
def load(path: str | None = None) -> dict:
    """The settings as a dict; `path` (or $ETIKKMONITOR_SETTINGS) overrides the defaults."""
    with DEFAULT_FILE.open("rb") as f:
        settings = tomllib.load(f)
    path = path or os.environ.get("ETIKKMONITOR_SETTINGS")
    if path:
        with Path(path).open("rb") as f:
            settings = _merge(settings, tomllib.load(f))
    return settings


def rules(path: str | None = None) -> dict:
    """The `rules` section as the $rules struct the queries take."""
    r = load(path)["rules"]
    return {
        "part1_categories": [str(c) for c in r["part1_categories"]],
        "part1_min_value": float(r["part1_min_value"]),
        "part2_min_value": float(r["part2_min_value"]),
        "dialogue_months": int(r["dialogue_months"]),
    }


def priority(path: str | None = None) -> dict:
    """The `priority` section (docs/priority.md): the weights as floats, and
    `country_risk_file` as a Path (the shipped ITUC table when the key is empty)."""
    p = dict(load(path)["priority"])
    file = str(p.pop("country_risk_file", "") or "")
    out: dict = {key: float(value) for key, value in p.items()}
    out["country_risk_file"] = (
        Path(file) if file else DEFAULT_FILE.with_name("data") / "country_risk.csv"
    )
    return out


def review(path: str | None = None) -> dict:
    """The `review` section as the $cpv and $rates parameters of queries/review_*.sql, and
    the note on where the rates come from (the page shows it)."""
    r = load(path)["review"]
    return {
        "cpv": [
            {
                "prefix": str(e["prefix"]),
                "category": str(e["category"]),
                "high_risk": bool(e.get("high_risk", False)),
            }
            for e in r["cpv"]
        ],
        "rates": [
            {"currency": str(c).upper(), "rate": float(v)} for c, v in r["currency_rates"].items()
        ],
        "currency_note": str(r.get("currency_note", "")),
    }
