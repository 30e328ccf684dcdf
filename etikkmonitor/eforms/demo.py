"""The demo Oslo's notices: generated eForms XML (etikkmonitor/eforms/generate.py, shaped like
the SDK's examples) for the competitions behind the demo register's contracts, so that the
yearly review has something true to say.

For every contract started from 2021 on (and the seed case's workwear agreement of 2019) a
contract notice is published a few months before the start, and for most an award notice
naming the contract's supplier. The notice states the social objectives the contract's clauses
imply (hum-right for part 2 clauses, work-cond for part 1), except where the buyer forgot: a
few relevant competitions state none, as in real life. Most contracts name their notice
(notice_id); some competitions have no contract in the register. Everything is drawn from the
seed, so the same seed gives the same bytes. The notices go into one uncompressed zip archive
(`kunngjoringer.zip`): byte for byte the same on any machine, unlike a deflated one.
"""

from __future__ import annotations

import csv
import io
import random
import uuid
import zipfile
from datetime import date, timedelta
from pathlib import Path

from ..demo.block import fmt, orgnr_check_digit
from ..demo.reference import CATEGORIES
from .generate import GenLot, Org, notice

ARCHIVE = "kunngjoringer.zip"
FIRST_YEAR = 2021
SEED_CONTRACT = "UKE-2019-0147"
_STAMP = (2026, 1, 1, 0, 0, 0)  # every member's time: the archive's bytes depend on nothing else

# The demo's categories -> (main CPV code, contract nature), from categories.toml
# (etikkmonitor/settings.toml maps codes back to the review's categories).
CATEGORY_CPV = {c.name: (c.cpv, c.nature) for c in CATEGORIES}
_YES = fmt(True)  # how the demo's contracts.csv, which this reads back, writes a yes


def org_nr(rng: random.Random) -> str:
    """A nine-digit number starting with 9 whose MOD11 check digit holds."""
    while True:
        first8 = f"9{rng.randrange(10_000_000):07d}"
        check = orgnr_check_digit(first8)
        if check is not None:
            return f"{first8}{check}"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def add_notices(out_dir: Path, seed: int = 2020, scale: int = 1) -> dict[str, int]:
    """Write kunngjoringer.zip beside the export and fill contracts.csv's notice_id for the
    contracts whose competition it holds. Returns {"competitions": rows the import yields}.
    Only the first block's contracts (1/scale of them) get notices: the benchmark of the
    register at scale 100 measures the register, and bench/notices.py measures notices."""
    out_dir = Path(out_dir)
    rng = random.Random(seed * 7_919 + 15)
    path = out_dir / "contracts.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        header = next(reader)
        rows = list(reader)
    col = {name: i for i, name in enumerate(header)}
    if "notice_id" not in col:  # an export contract without the column: nothing to link
        return {}
    agencies: dict[str, Org] = {}
    files: list[tuple[str, str]] = []
    serial = {}
    lots_total = 0

    def doffin_id(d: date) -> str:
        serial[d.year] = serial.get(d.year, 100_000 + rng.randrange(1_000)) + rng.randrange(1, 40)
        return f"{d.year}-{serial[d.year]}"

    def buyer(name: str) -> Org:
        if name not in agencies:
            agencies[name] = Org(org_nr(rng), name)
        return agencies[name]

    def publish(
        doffin: str,
        kind: str,
        notice_id: str,
        procedure_id: str,
        issued: date,
        org: Org,
        title: str,
        lots: list[GenLot],
    ) -> None:
        """One notice into the archive, as <Doffin number>.xml."""
        nonlocal lots_total
        files.append(
            (
                f"{doffin}.xml",
                notice(
                    kind=kind,
                    notice_id=notice_id,
                    procedure_id=procedure_id,
                    issued=issued,
                    buyer=org,
                    title=title,
                    lots=lots,
                ),
            )
        )
        lots_total += len(lots)

    for row in rows[: max(1, len(rows) // max(1, scale))]:
        cid = row[col["contract_id"]]
        start = date.fromisoformat(row[col["start_date"]])
        if start.year < FIRST_YEAR and cid != SEED_CONTRACT:
            continue
        category = row[col["category"]]
        cpv, nature = CATEGORY_CPV.get(category, (None, "services"))
        value = float(row[col["value_nok"]])
        p1 = row[col["oslo_part1_clauses"]] == _YES
        p2 = row[col["oslo_part2_clauses"]] == _YES
        forgot = rng.random() < 0.25  # the notice says nothing, whatever the contract holds
        social = [] if forgot else (["hum-right"] if p2 else []) + (["work-cond"] if p1 else [])
        strategic = ["soc-obj"] if social else []
        published = start - timedelta(days=rng.randrange(90, 200))
        org = buyer(row[col["agency"]])
        winner = Org(row[col["supplier_org_nr"]], row[col["supplier_name"]])
        title = row[col["title"]]
        if cid == SEED_CONTRACT:
            lots = [
                GenLot(
                    "LOT-0001",
                    "Arbeidsklær",
                    "18100000",
                    value=28_000_000,
                    strategic=["soc-obj"],
                    social=["hum-right"],
                ),
                GenLot(
                    "LOT-0002",
                    "Sko og verneutstyr",
                    "18830000",
                    value=12_000_000,
                    cpv_additional=["18143000"],
                    strategic=["soc-obj"],
                    social=["hum-right"],
                ),
            ]
            published = date(2019, 4, 15)
        else:
            lots = [
                GenLot(
                    "LOT-0000",
                    title,
                    cpv,
                    nature=nature,
                    value=round(value, -3),
                    strategic=strategic,
                    social=social,
                )
            ]
        procedure = _uuid(rng)
        cn_id = _uuid(rng)
        cn_doffin = doffin_id(published)
        publish(cn_doffin, "competition", cn_id, procedure, published, org, title, lots)
        if rng.random() < 0.7 or cid == SEED_CONTRACT:
            awarded = start - timedelta(days=rng.randrange(10, 40))
            for lot in lots:
                lot.winners = [winner]
                lot.award_value = lot.value
                lot.conclusion = awarded - timedelta(days=5)
            publish(doffin_id(awarded), "result", _uuid(rng), procedure, awarded, org, title, lots)
        # most contracts name their competition: by Doffin number, notice id or procedure id
        r = rng.random()
        if r < 0.45:
            row[col["notice_id"]] = cn_doffin
        elif r < 0.7:
            row[col["notice_id"]] = cn_id
        elif r < 0.85:
            row[col["notice_id"]] = procedure
    # competitions with no contract in the register (not exported, or not yet signed)
    names = sorted(agencies)
    for k in range(max(3, len(files) // 12)):
        published = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(5 * 365))
        category = rng.choice(sorted(CATEGORY_CPV))
        cpv, nature = CATEGORY_CPV[category]
        title = f"{category}: ny konkurranse {k + 1}"
        publish(
            doffin_id(published),
            "competition",
            _uuid(rng),
            _uuid(rng),
            published,
            buyer(names[k % len(names)]),
            title,
            [
                GenLot(
                    "LOT-0000",
                    title,
                    cpv,
                    nature=nature,
                    value=float(rng.choice((80_000, 450_000, 900_000, 3_500_000))),
                    social=["hum-right"] if rng.random() < 0.3 else [],
                )
            ],
        )
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    write_archive(out_dir / ARCHIVE, files)
    return {"competitions": lots_total}


def write_archive(path: Path, files: list[tuple[str, str]]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, text in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_STAMP)
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    path.write_bytes(buf.getvalue())
