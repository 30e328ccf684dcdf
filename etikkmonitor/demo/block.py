"""One block of the demo world: its ids, parties and factories, and how its rows are written.

`Block` holds what a block draws everything from (its random generator, the ids it has used,
its suppliers and factories) and writes rows through `Out`, one CSV writer per table of the
export contract, row by row as they are drawn. The drawn world (etikkmonitor/demo/drawn.py) and
the featured cases (etikkmonitor/demo/featured.py) both build on it.
"""

from __future__ import annotations

import csv
import math
import random
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from etikkmonitor.schema import TABLE_ORDER, TABLES

from .reference import (
    AGENCIES,
    CITIES,
    FACTORY_NAMES,
    FACTORY_SUFFIX,
    SUPPLIER_PREFIXES,
    SUPPLIER_REGIONS,
    SUPPLIER_SURNAMES,
    Agency,
    Category,
)

# The demo export was taken on this day: nothing in it happens later, while deadlines may.
EXPORT_DATE = date(2026, 11, 25)

_MOD11_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def orgnr_check_digit(first8: str) -> int | None:
    """The Norwegian MOD11 check digit for the first eight digits, None when none exists."""
    r = sum(int(d) * w for d, w in zip(first8, _MOD11_WEIGHTS, strict=True)) % 11
    check = 0 if r == 0 else 11 - r
    return None if check == 10 else check


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):  # clamp the 31st to the month's last day
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def fmt(v: object) -> str:
    """A value as the clean export writes it (ISO dates, `ja`/`nei`, blank for none)."""
    if v is None:
        return ""
    if type(v) is str:  # the common case first: this runs for every cell
        return v
    if isinstance(v, bool):  # before int: bool is an int
        return "ja" if v else "nei"
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float):
        # Callers round (money to øre, coordinates to 5 decimals); repr is the shortest form.
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


class Out:
    """One csv writer per table; rows are written as they are drawn, never collected."""

    def __init__(self, out_dir: Path, stack: ExitStack):
        self.writers = {}
        self.columns = {}
        self.counts = {}
        for name in TABLE_ORDER:
            # Closed by the caller's ExitStack, which ruff does not see through.
            path = out_dir / f"{name}.csv"
            f = stack.enter_context(open(path, "w", encoding="utf-8", newline=""))  # noqa: SIM115
            self.writers[name] = csv.writer(f, delimiter=";", lineterminator="\n")
            self.columns[name] = TABLES[name].column_names
            self.writers[name].writerow(self.columns[name])
            self.counts[name] = 0

    def write(self, table: str, **row: object) -> None:
        unknown = row.keys() - set(self.columns[table])
        if unknown:
            raise KeyError(f"{table}: {sorted(unknown)}")
        self.writers[table].writerow([fmt(row.get(c)) for c in self.columns[table]])
        self.counts[table] += 1

    def fast(self, table: str, *names: str):
        """A writer for the hottest table: takes formatted strings in the order of `names`."""
        unknown = set(names) - set(self.columns[table])
        if unknown:
            raise KeyError(f"{table}: {sorted(unknown)}")
        pos = [names.index(c) if c in names else None for c in self.columns[table]]
        writerow = self.writers[table].writerow
        counts = self.counts

        def emit(*values: str) -> None:
            writerow([values[i] if i is not None else "" for i in pos])
            counts[table] += 1

        return emit


@dataclass
class Supplier:
    name: str
    org_nr: str
    quality: float


@dataclass
class Factory:
    """A factory as a factory list names it: its fields are the factories table's columns."""

    factory_id: str
    factory_name: str
    country: str
    city: str
    latitude: float | None
    longitude: float | None
    workers: int


@dataclass
class Dialogue:
    """How far a factory's social dialogue is: fields named as the factories table's columns."""

    dialogue_status: str
    dialogue_tool: str | None = None
    dialogue_started: date | None = None
    workers_trained: int | None = None
    worker_committee: bool | None = None
    partner: str | None = None


@dataclass
class Finding:
    """An audit's finding: fields named as the findings table's columns."""

    area: str
    severity: str
    description: str
    status: str
    due_date: date | None = None
    closed_date: date | None = None


@dataclass
class Contract:
    contract_id: str
    agency: Agency
    category: Category
    supplier: Supplier
    value: float
    start: date
    end: date | None
    framework: bool
    part1: bool  # relevant, after the default rule
    part1_clauses: bool | None
    part2: bool
    part2_clauses: bool | None
    dialogue: bool


class Block:
    """What one block draws from and has drawn: ids in use, suppliers, factories; its rows."""

    def __init__(self, rng: random.Random, block: int, out: Out, used_orgnr: set[str]):
        self.r = rng
        self.sfx = "" if block == 0 else f"-{block:03d}"
        self.out = out
        self.used_orgnr = used_orgnr
        self.contract_ids: set[str] = set()
        self.seq: dict[tuple[str, int], int] = {}
        self.audit_seq: dict[int, int] = {}
        self.milestone_n = 0
        self.factory_ids: set[str] = set()
        self.suppliers: dict[str, list[Supplier]] = {}
        self.supplier_names: set[str] = set()
        self.factory_pool: dict[str, list[Factory]] = {}
        self.agency_weights = [a.weight for a in AGENCIES]

    # -- ids ------------------------------------------------------------------------------------

    def contract_id(self, code: str, year: int) -> str:
        n = self.seq.get((code, year), 0)
        while True:
            n += self.r.randint(1, 6)
            cid = f"{code}-{year}-{n:04d}{self.sfx}"
            if cid not in self.contract_ids:
                self.seq[(code, year)] = n
                self.contract_ids.add(cid)
                return cid

    def reserve(self, cid: str) -> str:
        cid += self.sfx
        assert cid not in self.contract_ids, cid
        self.contract_ids.add(cid)
        return cid

    def audit_id(self, year: int) -> str:
        n = self.audit_seq.get(year, 0) + 1
        self.audit_seq[year] = n
        return f"REV-{year}-{n:04d}{self.sfx}"

    def milestone_id(self) -> str:
        self.milestone_n += 1
        return f"FR-{self.milestone_n:05d}{self.sfx}"

    def org_nr(self) -> str:
        while True:
            first8 = str(self.r.choice((8, 9))) + f"{self.r.randrange(10**7):07d}"
            check = orgnr_check_digit(first8)
            nr = f"{first8}{check}"
            if check is not None and nr not in self.used_orgnr:
                self.used_orgnr.add(nr)
                return nr

    def factory_id(self, country: str, year: int) -> str:
        # Open Supply Hub style: country, year, day of year, seven characters.
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        while True:
            tail = "".join(self.r.choice(alphabet) for _ in range(7))
            fid = f"{country}{year}{self.r.randint(1, 365):03d}{tail}"
            if fid not in self.factory_ids:
                self.factory_ids.add(fid)
                return fid

    # -- parties --------------------------------------------------------------------------------

    def supplier(self, cat: Category) -> Supplier:
        pool = self.suppliers.setdefault(cat.name, [])
        if len(pool) < 3 or self.r.random() < 0.3:
            name = self.supplier_name(cat)
            s = Supplier(name, self.org_nr(), round(self.r.uniform(0.1, 1.0), 2))
            pool.append(s)
            return s
        return self.r.choice(pool)

    def supplier_name(self, cat: Category) -> str:
        r = self.r
        for _ in range(1000):
            stem = r.choice(cat.stems)
            u = r.random()
            if u < 0.45:
                name = f"{r.choice(SUPPLIER_PREFIXES)} {stem} AS"
            elif u < 0.8:
                name = f"{r.choice(SUPPLIER_SURNAMES)} {stem} AS"
            else:
                name = f"{stem} {r.choice(SUPPLIER_REGIONS)} AS"
            if name not in self.supplier_names:
                self.supplier_names.add(name)
                return name
        # The name space is spent (only in huge categories): number the company.
        name = f"{r.choice(SUPPLIER_PREFIXES)} {r.choice(cat.stems)} {len(self.supplier_names)} AS"
        self.supplier_names.add(name)
        return name

    def new_factory(self, cat: Category, year: int, country: str | None = None) -> Factory:
        r = self.r
        if country is None:
            countries, weights = zip(*cat.countries, strict=True)
            country = r.choices(countries, weights)[0]
        city, lat, lon = r.choice(CITIES[country])
        name = f"{r.choice(FACTORY_NAMES)} {r.choice(cat.factory_words)} {FACTORY_SUFFIX[country]}"
        if r.random() < 0.15:  # no coordinates: the map places it by country
            flat = flon = None
        else:
            flat = round(lat + r.uniform(-0.08, 0.08), 5)
            flon = round(lon + r.uniform(-0.08, 0.08), 5)
        lo, hi = cat.workers
        workers = int(math.exp(r.uniform(math.log(lo), math.log(hi))))
        return Factory(self.factory_id(country, year), name, country, city, flat, flon, workers)

    # -- rows -----------------------------------------------------------------------------------

    def write_contract(
        self,
        c: Contract,
        title: str,
        high_risk: bool | None,
        p1: bool | None,
        p2: bool | None,
        dialogue: bool | None,
    ) -> None:
        self.out.write(
            "contracts",
            contract_id=c.contract_id,
            title=title,
            agency=c.agency.name,
            supplier_org_nr=c.supplier.org_nr,
            supplier_name=c.supplier.name,
            category=c.category.name,
            high_risk=high_risk,
            value_nok=c.value,
            start_date=c.start,
            end_date=c.end,
            contract_type="framework" if c.framework else "single",
            oslo_part1_relevant=p1,
            oslo_part1_clauses=c.part1_clauses,
            oslo_part2_relevant=p2,
            oslo_part2_clauses=c.part2_clauses,
            social_dialogue_required=dialogue,
        )

    def write_factory(self, c: Contract, f: Factory, central: bool | None, d: Dialogue) -> None:
        """A factory list's row: the factory on the contract, and how far its dialogue is."""
        self.out.write(
            "factories", contract_id=c.contract_id, central=central, **vars(f), **vars(d)
        )

    def write_audit(
        self, c: Contract, kind: str, when: date, f: Factory | None, auditor: str
    ) -> str:
        """An audit's row; returns its id, which its findings carry."""
        aid = self.audit_id(when.year)
        self.out.write(
            "audits",
            audit_id=aid,
            contract_id=c.contract_id,
            factory_id=f.factory_id if f else None,
            audit_type=kind,
            audit_date=when,
            auditor=auditor,
        )
        return aid

    def write_finding(self, aid: str, k: int, finding: Finding) -> None:
        """The audit's k-th finding (from 1)."""
        self.out.write("findings", finding_id=f"{aid}-{k:02d}", audit_id=aid, **vars(finding))

    def write_milestone(
        self, c: Contract, text: str, due: date, met: date | None, factory_id: str | None = None
    ) -> None:
        if met is not None and met > EXPORT_DATE:
            met = None
        self.out.write(
            "milestones",
            milestone_id=self.milestone_id(),
            contract_id=c.contract_id,
            factory_id=factory_id,
            description=text,
            due_date=due,
            met_date=met,
        )

    def write_documentation(self, c: Contract, received: date) -> None:
        self.out.write("documentation", contract_id=c.contract_id, received_date=received)

    def calloffs(self, c: Contract, buyers: list[Agency] | None = None) -> None:
        """Call-offs (avrop) on framework agreements: single orders by year and agency."""
        if not c.framework or c.start > EXPORT_DATE:
            return
        r = self.r
        if buyers is None:
            if c.agency.code == "UKE":
                buyers = r.sample(AGENCIES, r.randint(10, len(AGENCIES)))
            else:
                others = [a for a in AGENCIES if a is not c.agency]
                buyers = [c.agency, *r.sample(others, r.randint(0, 4))]
        last_year = min((c.end or EXPORT_DATE).year, EXPORT_DATE.year)
        years = range(c.start.year, last_year + 1)
        shares = [r.uniform(0.2, 3.0) for _ in buyers]
        total = sum(shares)
        emit = self.out.fast("calloffs", "contract_id", "agency", "year", "amount_nok")
        for year in years:
            for agency, share in zip(buyers, shares, strict=True):
                if r.random() > 0.9:
                    continue
                amount = c.value / len(years) * share / total * r.uniform(0.6, 1.4)
                orders = 1 + int(r.random() * 3.2)  # 1..4 orders a year
                for _ in range(orders):
                    part = amount / orders * r.uniform(0.7, 1.3)
                    part = float(round(part)) if r.random() < 0.75 else round(part, 2)
                    emit(c.contract_id, agency.name, str(year), fmt(part))
