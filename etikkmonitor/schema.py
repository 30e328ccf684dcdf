"""The export contract as data: tables, columns, aliases, types and enumerations.

Everything that reads, validates or stores an export takes its names from here, so the column
whitelist that guards generated SQL and the documentation of the contract are one and the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Column types. Each names a parser (an SQL macro in queries/macros/) and a DuckDB storage type.
TEXT = "text"
DATE = "date"
NUMBER = "number"  # decimal, >= 0
INTEGER = "integer"  # whole number, >= 0
YEAR = "year"  # whole number
BOOL = "bool"
ENUM = "enum"
ORGNR = "orgnr"
COUNTRY = "country"
LATITUDE = "latitude"
LONGITUDE = "longitude"

STORAGE_TYPE = {
    TEXT: "VARCHAR",
    DATE: "DATE",
    NUMBER: "DOUBLE",
    INTEGER: "BIGINT",
    YEAR: "INTEGER",
    BOOL: "BOOLEAN",
    ENUM: "VARCHAR",
    ORGNR: "VARCHAR",
    COUNTRY: "VARCHAR",
    LATITUDE: "DOUBLE",
    LONGITUDE: "DOUBLE",
}


@dataclass(frozen=True)
class Column:
    name: str
    alias: str
    type: str = TEXT
    required: bool = False
    # canonical value -> Norwegian alias, for ENUM columns
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reference:
    """A foreign key: these columns must match a row of the parent table."""

    columns: tuple[str, ...]
    parent: str
    parent_columns: tuple[str, ...]
    optional: bool = False  # checked only where all columns are given


@dataclass(frozen=True)
class Table:
    name: str
    alias: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _c(name, alias, type_=TEXT, required=False, values=None) -> Column:
    return Column(name, alias, type_, required, values or {})


DIALOGUE_STATUS = {
    # v2: what a factory list without statuses brings; counts as not started for deadlines
    "not_reported": "ikke rapportert",
    "not_started": "ikke startet",
    "planned": "planlagt",
    "in_progress": "pågår",
    "implemented": "gjennomført",
}
CONTRACT_TYPE = {"framework": "rammeavtale", "single": "enkeltkontrakt"}
AUDIT_TYPE = {
    "desk": "skrivebordsrevisjon",
    "onsite": "fabrikkrevisjon",
    "follow_up": "oppfølgingsrevisjon",
}
FINDING_AREA = {
    "forced_labour": "tvangsarbeid",
    "child_labour": "barnearbeid",
    "discrimination": "diskriminering",
    "freedom_of_association": "organisasjonsfrihet",
    "wages": "lønn",
    "working_hours": "arbeidstid",
    "health_safety": "hms",
    "social_dialogue": "sosial dialog",
    "management_system": "styringssystem",
    "documentation": "dokumentasjon",
    "other": "annet",
}
SEVERITY = {
    "critical": "kritisk",
    "major": "alvorlig",
    "minor": "mindre",
    "observation": "observasjon",
}
FINDING_STATUS = {"open": "åpen", "in_progress": "under arbeid", "closed": "lukket"}

# The codes queries/macros/deadlines.sql gives its rows (kind, status), in its order: not
# columns of the export, but every page, chart and the PDF names them, so they are listed here.
DEADLINE_KIND = ("social_dialogue", "documentation", "action_plan", "milestone")
DEADLINE_STATUS = ("met_on_time", "met_late", "overdue", "upcoming")

# The dialogue statuses that count as "started" (the headline figure). summary.sql's
# central_started adds the counts of these two; tests/test_page_queries.py checks they agree.
DIALOGUE_STARTED = ("in_progress", "implemented")


def _display_order(codes, order: tuple[str, ...]) -> tuple[str, ...]:
    """`order`, checked to hold each code exactly once: a code added to an enumeration cannot
    go missing from a chart."""
    if sorted(order) != sorted(codes):
        raise AssertionError(f"display order {order} is not the codes {tuple(codes)}")
    return order


# The dashboard's scales read from "needs attention" to "done". `not_reported` (the supplier's
# list gave no status) sits beside `not_started`: it counts as not started.
DIALOGUE_STATUS_ORDER = _display_order(
    DIALOGUE_STATUS, ("not_started", "not_reported", "planned", "in_progress", "implemented")
)
DEADLINE_STATUS_ORDER = _display_order(
    DEADLINE_STATUS, ("overdue", "met_late", "upcoming", "met_on_time")
)

_CONTRACT_REF = Reference(("contract_id",), "contracts", ("contract_id",))
_FACTORY_REF = Reference(
    ("factory_id", "contract_id"), "factories", ("factory_id", "contract_id"), optional=True
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "contracts",
            "kontrakter",
            (
                _c("contract_id", "kontrakt_id", TEXT, True),
                _c("title", "tittel", TEXT, True),
                _c("agency", "virksomhet", TEXT, True),
                _c("supplier_org_nr", "leverandor_orgnr", ORGNR, True),
                _c("supplier_name", "leverandor", TEXT, True),
                _c("category", "kategori", TEXT, True),
                _c("high_risk", "hoyrisiko", BOOL),
                _c("value_nok", "verdi_nok", NUMBER, True),
                _c("start_date", "startdato", DATE, True),
                _c("end_date", "sluttdato", DATE),
                _c("contract_type", "kontraktstype", ENUM, values=CONTRACT_TYPE),
                _c("oslo_part1_relevant", "oslo_del1_relevant", BOOL),
                _c("oslo_part1_clauses", "oslo_del1_krav", BOOL),
                _c("oslo_part2_relevant", "oslo_del2_relevant", BOOL),
                _c("oslo_part2_clauses", "oslo_del2_krav", BOOL),
                _c("social_dialogue_required", "krav_sosial_dialog", BOOL),
                _c("notice_id", "kunngjoring_id"),  # v2: the Doffin/TED notice
            ),
            key=("contract_id",),
        ),
        Table(
            "factories",
            "fabrikker",
            (
                _c("factory_id", "fabrikk_id", TEXT, True),
                _c("contract_id", "kontrakt_id", TEXT, True),
                _c("factory_name", "fabrikknavn", TEXT, True),
                _c("country", "land", COUNTRY, True),
                _c("city", "by"),
                _c("latitude", "breddegrad", LATITUDE),
                _c("longitude", "lengdegrad", LONGITUDE),
                _c("workers", "antall_arbeidere", INTEGER),
                _c("central", "sentral", BOOL),
                _c("dialogue_status", "status_sosial_dialog", ENUM, True, DIALOGUE_STATUS),
                _c("dialogue_tool", "verktoy"),
                _c("dialogue_started", "dialog_startet", DATE),
                _c("workers_trained", "arbeidere_opplaert", INTEGER),
                _c("worker_committee", "arbeiderkomite", BOOL),
                _c("partner", "samarbeidspartner"),
                _c("os_id", "os_id"),  # v2: Open Supply Hub id
                _c("address", "adresse"),  # v2
            ),
            key=("factory_id", "contract_id"),
            references=(_CONTRACT_REF,),
        ),
        Table(
            "audits",
            "revisjoner",
            (
                _c("audit_id", "revisjon_id", TEXT, True),
                _c("contract_id", "kontrakt_id", TEXT, True),
                _c("factory_id", "fabrikk_id"),
                _c("audit_type", "revisjonstype", ENUM, True, AUDIT_TYPE),
                _c("audit_date", "revisjonsdato", DATE, True),
                _c("auditor", "revisor"),
            ),
            key=("audit_id",),
            references=(_CONTRACT_REF, _FACTORY_REF),
        ),
        Table(
            "findings",
            "avvik",
            (
                _c("finding_id", "avvik_id", TEXT, True),
                _c("audit_id", "revisjon_id", TEXT, True),
                _c("area", "omrade", ENUM, True, FINDING_AREA),
                _c("severity", "alvorlighet", ENUM, True, SEVERITY),
                _c("description", "beskrivelse"),
                _c("status", "status", ENUM, True, FINDING_STATUS),
                _c("due_date", "frist", DATE),
                _c("closed_date", "lukket_dato", DATE),
            ),
            key=("finding_id",),
            references=(Reference(("audit_id",), "audits", ("audit_id",)),),
        ),
        Table(
            "documentation",
            "dokumentasjon",
            (
                _c("contract_id", "kontrakt_id", TEXT, True),
                _c("received_date", "mottatt_dato", DATE, True),
            ),
            references=(_CONTRACT_REF,),
        ),
        Table(
            "milestones",
            "frister",
            (
                _c("milestone_id", "frist_id", TEXT, True),
                _c("contract_id", "kontrakt_id", TEXT, True),
                _c("factory_id", "fabrikk_id"),
                _c("description", "beskrivelse", TEXT, True),
                _c("due_date", "frist", DATE, True),
                _c("met_date", "oppfylt_dato", DATE),
            ),
            key=("milestone_id",),
            # The contract does not require a milestone's factory to exist: only the contract.
            references=(_CONTRACT_REF,),
        ),
        Table(
            "calloffs",
            "avrop",
            (
                _c("contract_id", "kontrakt_id", TEXT, True),
                _c("agency", "virksomhet", TEXT, True),
                _c("year", "ar", YEAR),
                _c("amount_nok", "belop_nok", NUMBER),
            ),
            references=(_CONTRACT_REF,),
        ),
        Table(
            "agencies",
            "virksomheter",
            (
                _c("agency", "virksomhet", TEXT, True),
                _c("agency_type", "virksomhetstype"),
                _c("department", "byradsavdeling"),
            ),
            key=("agency",),
        ),
    )
}

# Parents before children: the order rows are validated and references resolved in.
TABLE_ORDER = (
    "agencies",
    "contracts",
    "factories",
    "audits",
    "findings",
    "documentation",
    "milestones",
    "calloffs",
)
