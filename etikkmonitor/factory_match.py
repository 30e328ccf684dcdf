"""One factory across contracts and imports: identity, likely matches and people's decisions.

A factory is one place when it has the same id, the same OS ID, or the same normalised name,
address and country. A factory list's row that is none of these for any factory of the current
dataset, but has the same address or a similar name in the same country, is offered to a person
as a *likely match*, with the reason; the person confirms or rejects it on the importer page.
Decisions are kept in the database (`factory_matches`): a confirmed match gives the row the
factory's id in this and every later import; a rejected one is never offered again.

Names are compared with rapidfuzz (the maintained library of the field), normalised first.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz

NAME_SIMILARITY = 85  # rapidfuzz token_sort_ratio (0-100) from which names count as similar
_NON_WORD = re.compile(r"[^0-9a-z]+")

MATCHES_DDL = """CREATE TABLE IF NOT EXISTS factory_matches (
    incoming_key VARCHAR NOT NULL,      -- a list row's own key (OS ID, or derived id)
    factory_id VARCHAR NOT NULL,        -- the factory of the dataset it was matched with
    decision VARCHAR NOT NULL,          -- 'confirmed' or 'rejected'
    decided_by VARCHAR,
    decided_at TIMESTAMP NOT NULL
)"""


def normalise(text: str | None) -> str:
    """Lower case, æ/ø/å as ae/o/a, other accents dropped, anything not a letter or digit one
    space: `Shenzhen Textile Co., Ltd.` and `SHENZHEN TEXTILE CO LTD` are the same."""
    if not text:
        return ""
    s = str(text).lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", s).strip()


def derived_id(name: str | None, address: str | None, country: str | None) -> str:
    """A stable id from the normalised name, address and country (alpha-2 where known):
    `EM-` and 12 hexadecimal digits of their SHA-256."""
    text = "|".join((normalise(name), normalise(address), normalise(country)))
    return "EM-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12].upper()


@dataclass(frozen=True)
class Incoming:
    """A factory list's row as matching sees it; `country` is alpha-2 where it is known."""

    name: str | None
    address: str | None
    country: str | None
    os_id: str | None = None

    @property
    def key(self) -> str:
        return self.os_id or derived_id(self.name, self.address, self.country)

    @property
    def place(self) -> tuple[str, str, str]:
        return (normalise(self.name), normalise(self.address), normalise(self.country))


@dataclass
class Known:
    """The current dataset's factories and the decisions taken, for one import."""

    factories: list[dict] = field(default_factory=list)
    confirmed: dict[str, str] = field(default_factory=dict)  # incoming key -> factory id
    rejected: set[tuple[str, str]] = field(default_factory=set)  # (incoming key, factory id)

    @classmethod
    def load(cls, store) -> Known:
        if store is None:
            return cls()
        cur = store.cursor()
        try:
            current = store.current_import_id()
            factories = []
            if current is not None:
                rel = cur.sql(
                    "SELECT * FROM factories WHERE import_id = $id", params={"id": current}
                )
                cols = rel.columns
                factories = [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]
            confirmed, rejected = {}, set()
            if _has_matches_table(cur):
                for key, fid, decision in cur.execute(
                    "SELECT incoming_key, factory_id, decision FROM factory_matches "
                    "ORDER BY decided_at"
                ).fetchall():
                    if decision == "confirmed":
                        confirmed[key] = fid
                        rejected.discard((key, fid))
                    else:
                        rejected.add((key, fid))
                        if confirmed.get(key) == fid:
                            del confirmed[key]
        finally:
            cur.close()
        return cls(factories, confirmed, rejected)

    def resolve(self, row: Incoming, contract_id: str) -> tuple[str, str]:
        """(factory id, how): `confirmed` (a person's match), `os_id` (a factory with that OS
        ID), `place` (same normalised name, address and country) or `own` (the row's key)."""
        key = row.key
        if key in self.confirmed:
            return self.confirmed[key], "confirmed"
        if row.os_id:
            same = sorted(f["factory_id"] for f in self.factories if f.get("os_id") == row.os_id)
            if same:
                return same[0], "os_id"
        if row.address:
            place = row.place
            same = sorted(
                f["factory_id"]
                for f in self.factories
                if f.get("address")
                and (
                    normalise(f.get("factory_name")),
                    normalise(f.get("address")),
                    normalise(f.get("country")),
                )
                == place
            )
            if same:
                return same[0], "place"
        return key, "own"

    def follow_up(self, factory_id: str, contract_id: str) -> dict | None:
        """The current row of this factory under this contract, if any."""
        for f in self.factories:
            if f["factory_id"] == factory_id and f["contract_id"] == contract_id:
                return {k: _text(v) for k, v in f.items()}
        return None

    def suggestions(self, rows: list[dict]) -> list[dict]:
        """Likely matches for rows resolved to their own key whose id the dataset does not hold
        yet: a factory in the same country with the same address or a similar name, not
        rejected before for that row. Rows: dicts with file, line, key, name, address,
        country, os_id."""
        by_id: dict[str, dict] = {}
        contracts: dict[str, set[str]] = {}
        for f in self.factories:
            by_id.setdefault(f["factory_id"], f)
            contracts.setdefault(f["factory_id"], set()).add(f["contract_id"])
        out = []
        for row in rows:
            if row["key"] in by_id:
                continue
            name, address = normalise(row["name"]), normalise(row["address"])
            for fid, f in sorted(by_id.items()):
                if (row["key"], fid) in self.rejected:
                    continue
                if normalise(f.get("country")) != normalise(row["country"]):
                    continue
                reasons = []
                if row.get("os_id") and f.get("os_id") == row["os_id"]:
                    reasons.append("same_os_id")
                if address and normalise(f.get("address")) == address:
                    reasons.append("same_address")
                score = fuzz.token_sort_ratio(name, normalise(f.get("factory_name")))
                if score >= NAME_SIMILARITY:
                    reasons.append("similar_name")
                if reasons:
                    out.append(
                        row
                        | {
                            "factory_id": fid,
                            "factory_name": f.get("factory_name"),
                            "factory_address": f.get("address"),
                            "contracts": sorted(contracts[fid]),
                            "reasons": reasons,
                            "similarity": round(score),
                        }
                    )
        return out


def _text(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _has_matches_table(cur) -> bool:
    return bool(
        cur.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_name = 'factory_matches'"
        ).fetchall()
    )


def decide(store, incoming_key: str, factory_id: str, confirmed: bool, user: str | None) -> None:
    """Remember a person's decision on a likely match (the newest decision on a pair counts).
    Published as the database's next version, as an import is (readers never write)."""
    with store.publishing() as cur:
        cur.execute(MATCHES_DDL)
        cur.execute(
            "INSERT INTO factory_matches VALUES ($key, $fid, $decision, $user, $at)",
            {
                "key": incoming_key,
                "fid": factory_id,
                "decision": "confirmed" if confirmed else "rejected",
                "user": user,
                "at": datetime.now(),
            },
        )


def record_identities(con, file_no: int, identities: list[tuple]) -> None:
    """Keep how each list row got its id, in the import's private database (list_identities),
    for the suggestions and the report."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS list_identities (file_no INTEGER, line BIGINT, "
        "incoming_key VARCHAR, factory_id VARCHAR, how VARCHAR, name VARCHAR, address VARCHAR, "
        "country VARCHAR, os_id VARCHAR)"
    )
    if identities:
        con.executemany(
            "INSERT INTO list_identities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(file_no, *row) for row in identities],
        )


def list_rows(validation) -> list[dict]:
    """The accepted rows of the import's factory lists, with how each got its id."""
    con = validation.con
    if not con.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_name = 'list_identities'"
    ).fetchall():
        return []
    rel = con.sql(
        "SELECT s.file_name AS file, i.line, i.incoming_key AS key, i.factory_id AS id, i.how, "
        "i.name, i.address, i.country, i.os_id, c.contract_id "
        "FROM list_identities AS i JOIN source_files AS s USING (file_no) "
        "JOIN checked_factories AS c ON c.file_no = i.file_no AND c.line = i.line "
        "WHERE len(c.errors) = 0 ORDER BY i.file_no, i.line"
    )
    return [dict(zip(rel.columns, r, strict=True)) for r in rel.fetchall()]


def suggestions(validation, store) -> list[dict]:
    """Likely matches for the import's list rows that got an id of their own."""
    rows = [r for r in list_rows(validation) if r["how"] == "own"]
    if not rows:
        return []
    return Known.load(store).suggestions(rows)
