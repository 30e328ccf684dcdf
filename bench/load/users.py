"""The load test's users: what the three kinds of user do (a seeded journey of actions over
the demo's agencies, contracts and categories) and the dashboard's pages by address."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

PAGES = {
    "": "oversikt",
    "oslomodellen": "oslomodellen",
    "sosial-dialog": "sosial_dialog",
    "frister-og-avvik": "frister",
    "oppfolging": "oppfolging",
    "kontrakt": "kontrakt",
    "datakvalitet": "datakvalitet",
    "importer": "importer",
}


@dataclass(frozen=True)
class Action:
    """One thing a user does, which makes the server run a page.

    kind: "open" (a link in a new tab: a new session with `path` and `query`), "page" (the
    sidebar's menu: switch to `path`), "widget" (set the widget whose key ends in `key` to
    `value`: option index for a segmented control, a list of option texts for a multiselect,
    an ISO date for a date input, a bool for a toggle).
    """

    kind: str
    path: str = ""
    query: str = ""
    key: str = ""
    value: object = None


@dataclass
class Catalogue:
    """Values of the dataset the users choose from (read before the server opens it)."""

    agencies: list[str]  # largest first
    categories: list[str]
    contracts: dict[str, list[str]]  # agency -> contract ids, in id order
    quarter_ends: list[date]  # newest first, before today

    @classmethod
    def read(cls, export: Path) -> Catalogue:
        """From the export's contracts.csv: the server holds its database."""
        con = duckdb.connect()
        try:
            con.execute(
                "CREATE TABLE contracts AS SELECT * FROM read_csv($p, delim=';', header=true, "
                "all_varchar=true)",
                {"p": str(export / "contracts.csv")},
            )
            agencies = [
                r[0]
                for r in con.execute(
                    "SELECT agency FROM contracts GROUP BY agency ORDER BY count(*) DESC, agency"
                ).fetchall()
            ]
            categories = [
                r[0]
                for r in con.execute(
                    "SELECT DISTINCT category FROM contracts WHERE category IS NOT NULL ORDER BY 1"
                ).fetchall()
            ]
            contracts: dict[str, list[str]] = {}
            for agency, cid in con.execute(
                "SELECT agency, contract_id FROM contracts ORDER BY 2"
            ).fetchall():
                contracts.setdefault(agency, []).append(cid)
        finally:
            con.close()
        today = date.today()
        ends = []
        y, q = today.year, (today.month - 1) // 3  # quarters ended this year
        for _ in range(20):
            if q == 0:
                y, q = y - 1, 4
            month = q * 3
            ends.append(date(y, month, 30 if month in (6, 9) else 31))
            q -= 1
        return cls(agencies, categories, contracts, ends)


COMMON_AGENCIES = 5  # the largest agencies: the views many users share


def journey(role: str, rng: random.Random, cat: Catalogue, runs: int) -> list[Action]:
    """`runs` actions of one user of kind `role` (leader, analyst, politician)."""
    common = cat.agencies[:COMMON_AGENCIES]
    agency = rng.choice(common)
    last_q = cat.quarter_ends[0].isoformat()
    q = urlencode_pairs
    if role == "leader":
        own = cat.contracts.get(agency) or [c for cs in cat.contracts.values() for c in cs]
        # the contracts a leader looks at: their first few (shared), now and then another
        cid = own[rng.randrange(min(3, len(own)))] if rng.random() < 0.7 else rng.choice(own)
        steps = [
            Action("open", "", q(agency=agency)),
            Action("page", "frister-og-avvik"),
            Action("widget", key="url_within", value=1 if rng.random() < 0.8 else 2),
            Action("page", "oppfolging"),
            Action("open", "kontrakt", q(agency=agency, contract=cid)),
            Action("page", "sosial-dialog"),
            Action("widget", key="url_central", value=True),
            Action("page", "oslomodellen"),
            Action("widget", key="flt_as_of", value=last_q),
            Action("page", ""),
        ]
    elif role == "analyst":
        if rng.random() >= 0.5:
            agency = rng.choice(cat.agencies)
        extra = {"category": rng.choice(cat.categories)} if rng.random() < 0.3 else {}
        other = rng.choice(cat.agencies)
        any_contract = rng.choice(rng.choice(list(cat.contracts.values())))
        steps = [
            Action("open", "oslomodellen", q(agency=agency, **extra)),
            Action("widget", key="url_measure", value=1),
            Action("widget", key="flt_agencies", value=sorted({agency, other})),
            Action("page", "sosial-dialog"),
            Action("page", "frister-og-avvik"),
            Action("widget", key="flt_as_of", value=rng.choice(cat.quarter_ends[:8]).isoformat()),
            Action("page", "datakvalitet"),
            Action("open", "kontrakt", q(contract=any_contract)),
            Action("page", ""),
            Action("widget", key="lang", value=1 if rng.random() < 0.3 else 0),
        ]
    else:  # politicians' advisers
        steps = [
            Action("open", "", q(as_of=last_q)),
            Action("page", "oslomodellen"),
            Action("page", "sosial-dialog"),
            Action("widget", key="flt_agencies", value=[agency]),
            Action("page", ""),
            Action("page", "frister-og-avvik"),
        ]
    # Longer journeys go round again, as a user comes back to the pages they follow.
    return [steps[i % len(steps)] for i in range(runs)]


def urlencode_pairs(**values) -> str:
    from urllib.parse import urlencode

    return urlencode([(k, v) for k, v in values.items() if v is not None])


def roles(n: int) -> list[str]:
    """Leaders, analysts and advisers in the ratio 2:2:1, spread evenly over the sessions."""
    cycle = ["leader", "analyst", "politician", "leader", "analyst"]
    return [cycle[i % len(cycle)] for i in range(n)]
