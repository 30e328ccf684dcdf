"""The drawn world: a block's random contracts, and everything drawn around each of them.

For each contract (agency by weight, category by what the agency buys, value clustered around
the Oslo model's thresholds, clauses by how well the agency follows up) it draws factories and
their social dialogue, audits and findings, documentation, deadlines and call-offs. The order
of the draws is the demo's bytes: change one and every later row of the block changes.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from .block import EXPORT_DATE, Block, Contract, Dialogue, Factory, Finding, add_months
from .reference import (
    AGENCIES,
    AREA_WEIGHTS,
    AREAS,
    DESK_AUDITORS,
    EXTRA_TOOLS,
    FINDING_TEXT,
    HOTSPOTS,
    PART1_AUDITORS,
    PART1_TEXT,
    PLACES,
    PROFILES,
    SEVERITIES,
    SEVERITY_BY_AREA,
    SITE_AUDITORS,
    TOOLS,
    Agency,
    Category,
)


class DrawnBlock(Block):
    """A block whose contracts are drawn one by one (`random_contract`)."""

    def factory(self, cat: Category, year: int) -> Factory:
        pool = self.factory_pool.setdefault(cat.name, [])
        if pool and self.r.random() < 0.2:  # the same factory serves several contracts
            return self.r.choice(pool)
        f = self.new_factory(cat, year)
        pool.append(f)
        return f

    # -- the random world -----------------------------------------------------------------------

    def random_contract(self) -> None:
        r = self.r
        agency = r.choices(AGENCIES, self.agency_weights)[0]
        cats, weights = PROFILES.get(agency.code) or PROFILES[agency.type]
        cat = r.choices(cats, weights)[0]
        p_framework = {"etat": 0.3, "bydel": 0.08, "foretak": 0.35}[agency.type]
        framework = r.random() < (0.85 if agency.code == "UKE" else p_framework)
        year = r.choices(range(2018, 2027), (8, 10, 11, 12, 13, 13, 13, 12, 8))[0]
        if framework:
            start = date(year, r.randint(1, 12), 1)
            end = add_months(start, 12 * r.choice((2, 3, 4, 4))) - timedelta(days=1)
        else:
            start = date(year, 1, 1) + timedelta(days=r.randrange(365))
            end = start + timedelta(days=r.randint(60, 1100))
        if r.random() < 0.05:
            end = None
        value = self.value(agency, framework)
        title = r.choice(cat.titles).replace("{place}", r.choice(PLACES))
        title = f"Rammeavtale {title}" if framework else title[0].upper() + title[1:]

        q = agency.quality
        high_risk: bool | None = cat.high_risk if r.random() > 0.03 else None
        # Oslo model part 1: mostly left to the default rule, sometimes decided explicitly.
        p1_explicit: bool | None = None
        if cat.name in ("Transport", "Vakttjenester") and value >= 100_000 and r.random() < 0.4:
            p1_explicit = True
        elif cat.part1 and r.random() < 0.08:
            p1_explicit = value >= 50_000
        part1 = p1_explicit if p1_explicit is not None else cat.part1 and value >= 100_000
        part1_clauses = self.clauses(part1, q)
        # Part 2 likewise: some agencies apply it below the threshold, a few opt out above it.
        p2_explicit: bool | None = None
        if high_risk and value < 500_000 and r.random() < 0.12:
            p2_explicit = True
        elif high_risk and value >= 500_000 and r.random() < 0.06:
            p2_explicit = r.random() < 0.5
        part2 = p2_explicit if p2_explicit is not None else bool(high_risk) and value >= 500_000
        part2_clauses = self.clauses(part2, q)
        dialogue: bool | None = None
        if part2 and cat.dialogue and framework and part2_clauses and start >= date(2019, 6, 1):
            dialogue = r.random() < (0.6 if agency.code == "UKE" else 0.3)
        elif part2 and r.random() < 0.5:
            dialogue = False

        c = Contract(
            self.contract_id(agency.code, start.year),
            agency,
            cat,
            self.supplier(cat),
            value,
            start,
            end,
            framework,
            part1,
            part1_clauses,
            part2,
            part2_clauses,
            bool(dialogue),
        )
        self.write_contract(c, title, high_risk, p1_explicit, p2_explicit, dialogue)
        factories = self.random_factories(c)
        self.random_audits(c, factories)
        self.documentation(c)
        self.milestones(c, factories)
        self.calloffs(c)

    def value(self, agency: Agency, framework: bool) -> float:
        r = self.r
        u = r.random()
        if agency.code == "UKE" and framework:  # joint agreements are large
            v = float(round(math.exp(r.uniform(math.log(2e6), math.log(3e8))), -4))
        elif u < 0.04:
            v = 100_000.0
        elif u < 0.10:
            v = 500_000.0
        elif u < 0.25:
            v = float(r.randrange(80_000, 125_000, 500))
        elif u < 0.45:
            v = float(r.randrange(420_000, 590_000, 1_000))
        else:
            top = 6e7 if framework else 2.5e7 if agency.type != "bydel" else 3e6
            v = float(round(math.exp(r.uniform(math.log(30_000), math.log(top))), -3))
        if r.random() < 0.08:
            v += r.choice((0.5, 0.25, 0.75, 0.4))
        return v

    def clauses(self, relevant: bool, q: float) -> bool | None:
        r = self.r
        if relevant:
            if r.random() < 0.5 + 0.48 * q:
                return True
            return None if r.random() < 0.6 else False  # blank counts as not covered
        u = r.random()
        return True if u < 0.08 else False if u < 0.3 else None

    def diligence(self, c: Contract) -> float:
        return 0.5 * c.supplier.quality + 0.5 * c.agency.quality

    def random_factories(self, c: Contract) -> list[tuple[Factory, bool]]:
        r = self.r
        cat = c.category
        if not cat.countries:
            return []
        if c.dialogue:
            n = r.randint(2, 4)
        elif c.part2 and r.random() < 0.6 or r.random() < 0.06:
            n = r.choices((1, 2, 3), (5, 3, 1))[0]
        else:
            return []
        n_central = min(n, r.choice((1, 2, 2, 3))) if c.dialogue else 0
        d = self.diligence(c)
        result, seen = [], set()
        for i in range(n):
            f = self.factory(cat, c.start.year)
            if f.factory_id in seen:
                continue
            seen.add(f.factory_id)
            if c.dialogue:
                central: bool | None = i < n_central
            else:
                u = r.random()
                central = True if u < 0.4 else False if u < 0.7 else None
            self.factory_dialogue(c, f, central, d)
            result.append((f, bool(central)))
        return result

    def factory_dialogue(self, c: Contract, f: Factory, central: bool | None, d: float) -> None:
        """The factory's row, its social dialogue drawn by the contract's diligence `d`."""
        r = self.r
        started: date | None = None
        planned = False
        if c.dialogue and central:
            if d > 0.65:
                delay = r.randint(40, 200)  # mostly within the six months
            elif d > 0.4:
                delay = r.randint(150, 520)
            else:
                delay = None if r.random() < 0.6 else r.randint(400, 900)
            if delay is not None:
                started = c.start + timedelta(days=delay)
            planned = r.random() < 0.45
        else:  # nothing required: some suppliers start anyway
            u = r.random()
            if u < 0.35:
                started = c.start + timedelta(days=r.randint(60, 900))
            planned = r.random() < 0.3
        if started is not None and started > EXPORT_DATE:
            started = None
        if started is not None:
            old = (EXPORT_DATE - started).days > 240
            status = "implemented" if old and r.random() < 0.65 else "in_progress"
        else:
            status = "planned" if planned else "not_started"
        if central is None and status == "not_started":
            # a factory list that marks neither centrality nor status (export contract v2);
            # decided without a draw, so the rest of the world stays as it was
            status = "not_reported"
        trained = committee = tool = partner = None
        if status in ("in_progress", "implemented"):
            share = r.uniform(0.1, 0.6) if status == "in_progress" else r.uniform(0.6, 1.0)
            trained = int(f.workers * share)
            committee = r.random() < (0.85 if status == "implemented" else 0.4)
            tool = r.choice(TOOLS + EXTRA_TOOLS.get(f.country, ()))
            u = r.random()
            fair_wear = c.category.key == "Arbeidstøy"
            partner = (
                "Etisk Handel Norge"
                if u < 0.3
                else "amfori"
                if u < 0.55
                else "Fair Wear"
                if u < 0.7 and fair_wear
                else None
            )
        elif status == "planned":
            tool = r.choice(TOOLS) if r.random() < 0.5 else None
            committee = False if r.random() < 0.5 else None
        dialogue = Dialogue(status, tool, started, trained, committee, partner)
        self.write_factory(c, f, central, dialogue)
        if committee and started is not None and r.random() < 0.6:
            due = add_months(c.start, 12)
            met = started + timedelta(days=r.randint(30, 250))
            self.write_milestone(c, "Sosial dialog: arbeiderkomité valgt", due, met, f.factory_id)

    def random_audits(self, c: Contract, factories: list[tuple[Factory, bool]]) -> None:
        r = self.r
        q = c.agency.quality
        if factories:
            if r.random() < 0.25 + 0.5 * q + (0.2 if c.dialogue else 0):
                when = c.start + timedelta(days=r.randint(120, 540))
                self.audit(c, "desk", when, None, r.choice(DESK_AUDITORS))
            if r.random() < 0.15 + 0.35 * q:
                f, _ = r.choice(factories)
                when = c.start + timedelta(days=r.randint(200, 900))
                severe = self.audit(c, "onsite", when, f, r.choice(SITE_AUDITORS))
                if severe and r.random() < 0.6:
                    later = when + timedelta(days=r.randint(120, 360))
                    self.audit(c, "follow_up", later, f, r.choice(SITE_AUDITORS))
        elif c.part1 and r.random() < 0.12 + 0.2 * q:
            when = c.start + timedelta(days=r.randint(60, 500))
            kind = r.choice(("onsite", "desk"))
            self.audit(c, kind, when, None, r.choice(PART1_AUDITORS), part1=True)
        elif c.category.high_risk and c.part2 and r.random() < 0.1:
            when = c.start + timedelta(days=r.randint(120, 540))
            self.audit(c, "desk", when, None, r.choice(DESK_AUDITORS))

    def audit(
        self,
        c: Contract,
        kind: str,
        when: date,
        f: Factory | None,
        auditor: str,
        part1: bool = False,
    ) -> bool:
        """Write an audit and its findings; True when a critical or major finding came up."""
        if when > EXPORT_DATE:
            return False
        r = self.r
        aid = self.write_audit(c, kind, when, f, auditor)
        n = {"desk": r.randint(0, 4), "onsite": r.randint(1, 7), "follow_up": r.randint(0, 2)}
        weights = list(AREA_WEIGHTS["part1" if part1 else "desk" if kind == "desk" else "onsite"])
        if c.dialogue:
            weights[AREAS.index("social_dialogue")] += 8
        if f is not None:
            hotspot = HOTSPOTS.get((c.category.key, f.country))
            if hotspot:
                weights[AREAS.index(hotspot[0])] += hotspot[1]
        severe = False
        d = self.diligence(c)
        for k in range(1, n[kind] + 1):
            area = r.choices(AREAS, weights)[0]
            severity = r.choices(SEVERITIES, SEVERITY_BY_AREA[area])[0]
            texts = PART1_TEXT if part1 else FINDING_TEXT
            description = r.choice(texts.get(area) or FINDING_TEXT[area])
            severe = severe or severity in ("critical", "major")
            self.finding(aid, k, area, severity, description, when, d)
        return severe

    def finding(
        self, aid: str, k: int, area: str, severity: str, text: str, when: date, d: float
    ) -> None:
        r = self.r
        due: date | None
        if severity == "critical":
            due = when + timedelta(days=r.randint(30, 45))
        elif severity == "major":
            due = when + timedelta(days=r.randint(60, 120))
        elif severity == "minor":
            due = when + timedelta(days=r.randint(90, 180))
        else:
            due = None if r.random() < 0.6 else when + timedelta(days=180)
        closed: date | None = None
        if r.random() < 0.25 + 0.7 * d:
            base = due or when + timedelta(days=r.randint(30, 300))
            slip = r.randint(-40, 5) if r.random() < 0.2 + 0.8 * d else r.randint(1, 260)
            closed = max(base + timedelta(days=slip), when + timedelta(days=7))
            if closed > EXPORT_DATE:
                closed = None
        status = "closed" if closed else r.choice(("open", "in_progress"))
        self.write_finding(aid, k, Finding(area, severity, text, status, due, closed))

    def documentation(self, c: Contract) -> None:
        """Annual documentation of social dialogue, for contracts that require it."""
        if not c.dialogue:
            return
        r = self.r
        d = self.diligence(c)
        k = 1
        while True:
            anniversary = add_months(c.start, 12 * k)
            if anniversary > EXPORT_DATE or (c.end and anniversary > c.end):
                return
            if r.random() < 0.3 + 0.65 * d:
                late = r.random() > d
                shift = r.randint(11, 200) if late else r.randint(-45, 10)
                received = anniversary + timedelta(days=shift)
                if received <= EXPORT_DATE:
                    self.write_documentation(c, received)
            k += 1

    def milestones(self, c: Contract, factories: list[tuple[Factory, bool]]) -> None:
        r = self.r
        if c.part2_clauses:
            self.maybe_met(c, "Egenerklæring om etiske krav levert", c.start + timedelta(days=30))
            if factories:
                text = "Oversikt over produksjonssteder (fabrikkliste) levert"
                self.maybe_met(c, text, c.start + timedelta(days=60))
            if r.random() < 0.5:
                last = c.end or add_months(EXPORT_DATE, 12)
                for k in range(1, 5):
                    due = add_months(c.start, 12 * k)
                    if due > last:
                        break
                    self.maybe_met(c, f"Årlig oppfølgingsmøte om etiske krav (år {k})", due)
        if c.part1_clauses:
            self.maybe_met(
                c, "Oversikt over underleverandører levert", c.start + timedelta(days=30)
            )
            text = "Dokumentasjon av lønns- og arbeidsvilkår (seriøsitetskrav)"
            self.maybe_met(c, text, c.start + timedelta(days=90))

    def maybe_met(self, c: Contract, text: str, due: date, factory_id: str | None = None) -> None:
        r = self.r
        d = self.diligence(c)
        met: date | None = None
        if r.random() < 0.35 + 0.6 * d:
            on_time = r.random() < 0.25 + 0.75 * d
            shift = r.randint(-30, 0) if on_time else r.randint(1, 200)
            met = due + timedelta(days=shift)
        self.write_milestone(c, text, due, met, factory_id)
