"""The reference data of the demo Oslo, read once from etikkmonitor/data/demo/.

Each file says in its header what it holds; here they become the tables the generator draws
from. The files are checked as they are read (every area, severity and category key known, the
tables complete), so that a slip in one stops the generator with its name rather than drawing a
different world. The order of every list is part of the demo's bytes: the generator draws from
them by position.

    agencies.csv     the agencies: name, contract-id code, type, department, how well they
                     follow up (quality, 0..1), how many contracts they own (weight)
    categories.toml  the categories of purchase (Category below)
    buying.toml      what each agency buys most (PROFILES)
    cities.csv       where factories are: cities by country, with coordinates
    names.toml       words for the names of factories and suppliers, places in Oslo, dialogue
                     tools, auditors
    findings.toml    audit findings: texts per area, how severe, which areas each kind of audit
                     finds, known hotspots
    featured.toml    the featured cases (read by etikkmonitor/demo/featured.py)
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from pathlib import Path

from etikkmonitor import schema

DATA = Path(__file__).resolve().parent.parent / "data" / "demo"


@dataclass(frozen=True)
class Agency:
    name: str
    code: str  # prefix of the agency's contract ids
    type: str
    department: str
    quality: float  # how well it follows up ethical requirements, 0..1
    weight: int  # how many contracts it owns, relatively


@dataclass(frozen=True)
class Category:
    name: str
    key: str  # its first word: the name the other demo tables use
    high_risk: bool  # on DFØ's high-risk list
    part1: bool  # labour-crime exposed (Oslo model part 1 by default)
    dialogue: bool  # social dialogue can sensibly be required (factory work)
    cpv: str  # the main CPV code of its competitions' notices
    nature: str  # their contract nature: supplies, services or works
    titles: tuple[str, ...]
    stems: tuple[str, ...]  # for supplier names
    countries: tuple[tuple[str, int], ...]  # where factories are, with weights
    workers: tuple[int, int]
    factory_words: tuple[str, ...]  # for factory names


def _csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def _toml(name: str) -> dict:
    with open(DATA / name, "rb") as f:
        return tomllib.load(f)


def _check(keys, allowed, what: str, complete: bool = True):
    """`keys` back when they are `allowed` (all of them, if `complete`), else a clear error."""
    wrong = set(keys) - set(allowed)
    if complete:
        wrong |= set(allowed) - set(keys)
    if wrong:
        raise ValueError(f"etikkmonitor/data/demo/{what}: {sorted(wrong)} missing or unknown")
    return keys


AGENCIES: tuple[Agency, ...] = tuple(
    Agency(r["name"], r["code"], r["type"], r["department"], float(r["quality"]), int(r["weight"]))
    for r in _csv("agencies.csv")
)
AGENCY = {a.code: a for a in AGENCIES}

CATEGORIES: tuple[Category, ...] = tuple(
    Category(
        c["name"],
        c["key"],
        c["high_risk"],
        c["part1"],
        c["dialogue"],
        c["cpv"],
        c["nature"],
        tuple(c["titles"]),
        tuple(c["stems"]),
        tuple(c.get("countries", {}).items()),
        tuple(c.get("workers", (0, 0))),
        tuple(c.get("factory_words", ())),
    )
    for c in _toml("categories.toml")["category"]
)
CATEGORY = {c.name: c for c in CATEGORIES}
_BY_KEY = {c.key: c for c in CATEGORIES}


def _profile(weights: dict[str, int]) -> tuple[tuple[Category, ...], tuple[int, ...]]:
    _check(weights, _BY_KEY, "buying.toml", complete=False)
    return tuple(_BY_KEY[k] for k in weights), tuple(weights.values())


# Agency code, or type for the agencies without a table of their own -> (categories, weights)
PROFILES = {key: _profile(weights) for key, weights in _toml("buying.toml").items()}
_check(PROFILES, {a.code for a in AGENCIES} | {a.type for a in AGENCIES}, "buying.toml", False)
_check({a.code for a in AGENCIES if a.type not in PROFILES}, PROFILES, "buying.toml", False)

# Where factories are: country -> ((city, lat, lon), ...); coordinates near the city.
CITIES: dict[str, tuple[tuple[str, float, float], ...]] = {}
for _r in _csv("cities.csv"):
    _city = (_r["city"], float(_r["latitude"]), float(_r["longitude"]))
    CITIES[_r["country"]] = (*CITIES.get(_r["country"], ()), _city)

_NAMES = _toml("names.toml")
FACTORY_NAMES: tuple[str, ...] = tuple(_NAMES["factory_names"])
FACTORY_SUFFIX: dict[str, str] = _check(_NAMES["factory_suffix"], CITIES, "names.toml")
SUPPLIER_PREFIXES: tuple[str, ...] = tuple(_NAMES["suppliers"]["prefixes"])
SUPPLIER_SURNAMES: tuple[str, ...] = tuple(_NAMES["suppliers"]["surnames"])
SUPPLIER_REGIONS: tuple[str, ...] = tuple(_NAMES["suppliers"]["regions"])
PLACES: tuple[str, ...] = tuple(_NAMES["contracts"]["places"])
TOOLS: tuple[str, ...] = tuple(_NAMES["dialogue"]["tools"])
EXTRA_TOOLS = {k: tuple(v) for k, v in _NAMES["dialogue"]["extra_tools"].items()}
DESK_AUDITORS: tuple[str, ...] = tuple(_NAMES["auditors"]["desk"])
SITE_AUDITORS: tuple[str, ...] = tuple(_NAMES["auditors"]["site"])
PART1_AUDITORS: tuple[str, ...] = tuple(_NAMES["auditors"]["part1"])

# Areas and severities in the export contract's order: weights below follow it.
AREAS = tuple(schema.FINDING_AREA)
SEVERITIES = tuple(schema.SEVERITY)
_FINDINGS = _toml("findings.toml")
_F = "findings.toml"
FINDING_TEXT = {a: tuple(t) for a, t in _check(_FINDINGS["texts"], AREAS, _F).items()}
# Part 1 checks' own words; an area without falls back to FINDING_TEXT.
PART1_TEXT = {
    a: tuple(t) for a, t in _check(_FINDINGS["part1_texts"], AREAS, _F, complete=False).items()
}
# area -> weights in the order of SEVERITIES
SEVERITY_BY_AREA = {
    area: tuple(_check(w, SEVERITIES, _F)[s] for s in SEVERITIES)
    for area, w in _check(_FINDINGS["severity"], AREAS, _F).items()
}
# kind of audit (onsite, desk, part1) -> weights in the order of AREAS
AREA_WEIGHTS = {
    kind: tuple(_check(w, AREAS, _F)[a] for a in AREAS)
    for kind, w in _FINDINGS["area_weights"].items()
}
# (category key, country) -> (area, extra weight)
HOTSPOTS = {(h["category"], h["country"]): (h["area"], h["weight"]) for h in _FINDINGS["hotspots"]}
_check({h["area"] for h in _FINDINGS["hotspots"]}, AREAS, _F, complete=False)
_check({h["category"] for h in _FINDINGS["hotspots"]}, _BY_KEY, _F, complete=False)
