"""The featured cases: the contracts the demo tells its stories with, from featured.toml.

Written first in block 0, before the drawn world: UKE's framework agreement for work clothes
from DFØ's published case, a dialogue framework that went well and one that went badly, and
three high-risk purchases with grave findings. The file holds every fixed fact; this module
writes them, drawing only what the file leaves out, in the file's order.
"""

from __future__ import annotations

import tomllib

from .block import Block, Contract, Dialogue, Factory, Finding, Supplier
from .reference import AGENCIES, AGENCY, CATEGORY, DATA

with open(DATA / "featured.toml", "rb") as _f:
    CASES: tuple[dict, ...] = tuple(tomllib.load(_f)["case"])

# What a factory entry says about the factory itself; the rest is its dialogue (row columns).
_FACTORY_FIELDS = ("key", "country", "name", "city", "latitude", "longitude", "workers", "central")


def write_featured(b: Block) -> None:
    """Write every featured case into block `b` (block 0, before anything is drawn)."""
    for case in CASES:
        _case(b, case)


def _case(b: Block, case: dict) -> None:
    cat = CATEGORY[case["category"]]
    supplier = Supplier(case["supplier"], b.org_nr(), 0.5)
    b.supplier_names.add(supplier.name)
    dialogue = case["dialogue"]
    c = Contract(
        b.reserve(case["contract_id"]),
        AGENCY[case["agency"]],
        cat,
        supplier,
        case["value"],
        case["start"],
        case["end"],
        case.get("framework", True),
        False,  # part 1: not relevant, no clauses ...
        None,
        True,  # ... part 2: relevant, with clauses
        True,
        dialogue,
    )
    # high-risk, part 1 left to the default rule, part 2 marked relevant
    b.write_contract(c, case["title"], True, None, True, dialogue)

    year = case["factory_year"]
    factories: dict[str, Factory] = {}
    for entry in case["factories"]:  # ids first, in order: they are drawn
        if "name" in entry:
            factories[entry["key"]] = Factory(
                b.factory_id(entry["country"], year),
                entry["name"],
                entry["country"],
                entry["city"],
                entry.get("latitude"),
                entry.get("longitude"),
                entry["workers"],
            )
        else:
            factories[entry["key"]] = b.new_factory(cat, year, entry["country"])
    for entry in case["factories"]:
        f = factories[entry["key"]]
        row = {k: v for k, v in entry.items() if k not in _FACTORY_FIELDS}
        if isinstance(row.get("workers_trained"), str):  # "1/3": that share of its workers
            num, den = map(int, row["workers_trained"].split("/"))
            row["workers_trained"] = f.workers * num // den
        b.write_factory(c, f, entry["central"], Dialogue(**row))

    for audit in case.get("audits", ()):
        f = factories[audit["factory"]] if "factory" in audit else None
        aid = b.write_audit(c, audit["type"], audit["date"], f, audit["auditor"])
        for k, finding in enumerate(audit["findings"], 1):
            b.write_finding(aid, k, Finding(**finding))
    for m in case.get("milestones", ()):
        fid = factories[m["factory"]].factory_id if "factory" in m else None
        b.write_milestone(c, m["description"], m["due_date"], m.get("met_date"), fid)
    for received in case.get("documentation", ()):
        b.write_documentation(c, received)
    if "calloffs" in case:
        b.calloffs(c, _buyers(case["calloffs"]))


def _buyers(spec: str | list | dict) -> list | None:
    """The agencies that buy on a featured framework (featured.toml's calloffs)."""
    if spec == "drawn":
        return None
    if isinstance(spec, dict):
        return [a for a in AGENCIES if a.code not in spec["all_but"]]
    buyers = []
    for code_or_type in spec:
        if code_or_type in AGENCY:
            buyers.append(AGENCY[code_or_type])
        else:
            of_type = [a for a in AGENCIES if a.type == code_or_type]
            if not of_type:
                raise ValueError(f"featured.toml: no agency code or type {code_or_type!r}")
            buyers += of_type
    return buyers
