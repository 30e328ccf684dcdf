"""Generated eForms notices shaped like the SDK's own examples (examples/notices/cn_24_*.xml,
can_24_*.xml): for the demo data and the benchmark, never for real data.

Only the elements Etikkmonitor reads are filled in, in the SDK's element order; the notices
are not meant to pass the SDK's schematron validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape, quoteattr

_NAMESPACES = (
    'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" '
    'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" '
    'xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" '
    'xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1" '
    'xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1" '
    'xmlns:efbc="http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"'
)
_ROOT = {
    "competition": ("ContractNotice", "cn-standard", "E3"),
    "result": ("ContractAwardNotice", "can-standard", "E4"),
    "planning": ("PriorInformationNotice", "pin-only", "E2"),
}


@dataclass
class Org:
    org_nr: str
    name: str


@dataclass
class GenLot:
    lot_id: str
    title: str
    cpv: str | None
    nature: str = "supplies"
    value: float | None = None
    currency: str = "NOK"
    cpv_additional: list[str] = field(default_factory=list)
    strategic: list[str] = field(default_factory=list)
    social: list[str] = field(default_factory=list)
    # award notices only
    winners: list[Org] = field(default_factory=list)
    award_value: float | None = None
    conclusion: date | None = None


def _t(s: str) -> str:
    return escape(str(s))


def notice(
    *,
    kind: str,
    notice_id: str,
    procedure_id: str | None,
    issued: date,
    buyer: Org,
    title: str,
    lots: list[GenLot],
    version: str = "01",
    changes: str | None = None,
) -> str:
    """The XML text of one notice (kind: competition, result or planning)."""
    root, type_code, subtype = _ROOT[kind]
    orgs = [buyer]
    for lot in lots:
        for w in lot.winners:
            if w not in orgs:
                orgs.append(w)
    org_ref = {id(o): f"ORG-{i:04d}" for i, o in enumerate(orgs, start=1)}
    ref_by_org = {(o.org_nr, o.name): org_ref[id(o)] for o in orgs}
    out = [
        (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="urn:oasis:names:'
            f'specification:ubl:schema:xsd:{root}-2" {_NAMESPACES}>'
        )
    ]
    out.append("<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension>")
    if changes:
        out.append(
            f"<efac:Changes><efbc:ChangedNoticeIdentifier>{_t(changes)}"
            "</efbc:ChangedNoticeIdentifier><efac:ChangeReason><cbc:ReasonCode "
            'listName="change-corrig-justification">update-add</cbc:ReasonCode>'
            "</efac:ChangeReason></efac:Changes>"
        )
    if kind == "result":
        out.append(_result(lots, ref_by_org))
    out.append(
        f'<efac:NoticeSubType><cbc:SubTypeCode listName="notice-subtype">{subtype}'
        "</cbc:SubTypeCode></efac:NoticeSubType><efac:Organizations>"
    )
    for o in orgs:
        out.append(
            "<efac:Organization><efac:Company><cac:PartyIdentification>"
            f'<cbc:ID schemeName="organization">{org_ref[id(o)]}</cbc:ID>'
            f'</cac:PartyIdentification><cac:PartyName><cbc:Name languageID="NOR">{_t(o.name)}'
            "</cbc:Name></cac:PartyName><cac:PartyLegalEntity>"
            f'<cbc:CompanyID schemeName="ORGNR">{_t(o.org_nr)}</cbc:CompanyID>'
            "</cac:PartyLegalEntity></efac:Company></efac:Organization>"
        )
    out.append(
        "</efac:Organizations></efext:EformsExtension></ext:ExtensionContent>"
        "</ext:UBLExtension></ext:UBLExtensions>"
    )
    out.append(
        "<cbc:UBLVersionID>2.3</cbc:UBLVersionID>"
        "<cbc:CustomizationID>eforms-sdk-1.13</cbc:CustomizationID>"
        f'<cbc:ID schemeName="notice-id">{_t(notice_id)}</cbc:ID>'
    )
    if procedure_id:
        out.append(f"<cbc:ContractFolderID>{_t(procedure_id)}</cbc:ContractFolderID>")
    out.append(
        f"<cbc:IssueDate>{issued.isoformat()}+01:00</cbc:IssueDate>"
        "<cbc:IssueTime>12:00:00+01:00</cbc:IssueTime>"
        f"<cbc:VersionID>{_t(version)}</cbc:VersionID>"
        "<cbc:RegulatoryDomain>other</cbc:RegulatoryDomain>"
        f'<cbc:NoticeTypeCode listName="{kind}">{type_code}</cbc:NoticeTypeCode>'
        "<cbc:NoticeLanguageCode>NOR</cbc:NoticeLanguageCode>"
        "<cac:ContractingParty><cac:Party><cac:PartyIdentification>"
        f'<cbc:ID schemeName="organization">{org_ref[id(buyer)]}</cbc:ID>'
        "</cac:PartyIdentification></cac:Party></cac:ContractingParty>"
        f'<cac:ProcurementProject><cbc:Name languageID="NOR">{_t(title)}</cbc:Name>'
    )
    if lots and lots[0].nature:
        out.append(
            f'<cbc:ProcurementTypeCode listName="contract-nature">{_t(lots[0].nature)}'
            "</cbc:ProcurementTypeCode>"
        )
    out.append("</cac:ProcurementProject>")
    scheme = "Part" if kind == "planning" else "Lot"
    for lot in lots:
        out.append(
            f'<cac:ProcurementProjectLot><cbc:ID schemeName="{scheme}">{_t(lot.lot_id)}</cbc:ID>'
            f'<cac:ProcurementProject><cbc:Name languageID="NOR">{_t(lot.title)}</cbc:Name>'
            f'<cbc:ProcurementTypeCode listName="contract-nature">{_t(lot.nature)}'
            "</cbc:ProcurementTypeCode>"
        )
        for code in lot.strategic:
            out.append(
                "<cac:ProcurementAdditionalType><cbc:ProcurementTypeCode "
                f'listName="strategic-procurement">{_t(code)}</cbc:ProcurementTypeCode>'
                "</cac:ProcurementAdditionalType>"
            )
        for code in lot.social:
            out.append(
                "<cac:ProcurementAdditionalType><cbc:ProcurementTypeCode "
                f'listName="social-objective">{_t(code)}</cbc:ProcurementTypeCode>'
                "</cac:ProcurementAdditionalType>"
            )
        if lot.cpv:
            out.append(
                '<cac:MainCommodityClassification><cbc:ItemClassificationCode listName="cpv">'
                f"{_t(lot.cpv)}</cbc:ItemClassificationCode></cac:MainCommodityClassification>"
            )
        for code in lot.cpv_additional:
            out.append(
                "<cac:AdditionalCommodityClassification><cbc:ItemClassificationCode "
                f'listName="cpv">{_t(code)}</cbc:ItemClassificationCode>'
                "</cac:AdditionalCommodityClassification>"
            )
        if lot.value is not None:
            out.append(
                "<cac:RequestedTenderTotal><cbc:EstimatedOverallContractAmount "
                f"currencyID={quoteattr(lot.currency)}>{lot.value:.2f}"
                "</cbc:EstimatedOverallContractAmount></cac:RequestedTenderTotal>"
            )
        out.append("</cac:ProcurementProject></cac:ProcurementProjectLot>")
    out.append(f"</{root}>\n")
    return "".join(out)


def _result(lots: list[GenLot], ref_by_org: dict) -> str:
    """efac:NoticeResult as the SDK's award examples have it: one LotResult, LotTender,
    TenderingParty and SettledContract per lot and winner."""
    results, tenders, parties, contracts = [], [], [], []
    n = 0
    for k, lot in enumerate(lots, start=1):
        tender_ids = []
        share = (lot.award_value / len(lot.winners)) if lot.award_value and lot.winners else None
        for w in lot.winners:
            n += 1
            tender_ids.append(f"TEN-{n:04d}")
            tenders.append(
                f'<efac:LotTender><cbc:ID schemeName="tender">TEN-{n:04d}</cbc:ID>'
                + (
                    f'<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="{_t(lot.currency)}">'
                    f"{share:.2f}</cbc:PayableAmount></cac:LegalMonetaryTotal>"
                    if share is not None
                    else ""
                )
                + f'<efac:TenderingParty><cbc:ID schemeName="tendering-party">TPA-{n:04d}'
                "</cbc:ID></efac:TenderingParty>"
                f'<efac:TenderLot><cbc:ID schemeName="Lot">{_t(lot.lot_id)}</cbc:ID>'
                "</efac:TenderLot></efac:LotTender>"
            )
            parties.append(
                f'<efac:TenderingParty><cbc:ID schemeName="tendering-party">TPA-{n:04d}</cbc:ID>'
                f'<efac:Tenderer><cbc:ID schemeName="organization">'
                f"{ref_by_org[(w.org_nr, w.name)]}</cbc:ID></efac:Tenderer></efac:TenderingParty>"
            )
        code = "selec-w" if lot.winners else "clos-nw"
        # the lot's tenders, as the result and the settled contract both refer to them
        tender_refs = "".join(
            f'<efac:LotTender><cbc:ID schemeName="tender">{t}</cbc:ID></efac:LotTender>'
            for t in tender_ids
        )
        contract = ""
        if lot.winners:
            contract = f'<efac:SettledContract><cbc:ID schemeName="contract">CON-{k:04d}</cbc:ID></efac:SettledContract>'
            contracts.append(
                f'<efac:SettledContract><cbc:ID schemeName="contract">CON-{k:04d}</cbc:ID>'
                + (
                    f"<cbc:IssueDate>{lot.conclusion.isoformat()}+01:00</cbc:IssueDate>"
                    if lot.conclusion
                    else ""
                )
                + tender_refs
                + "</efac:SettledContract>"
            )
        results.append(
            f'<efac:LotResult><cbc:ID schemeName="result">RES-{k:04d}</cbc:ID>'
            f'<cbc:TenderResultCode listName="winner-selection-status">{code}</cbc:TenderResultCode>'
            + tender_refs
            + contract
            + f'<efac:TenderLot><cbc:ID schemeName="Lot">{_t(lot.lot_id)}</cbc:ID></efac:TenderLot>'
            "</efac:LotResult>"
        )
    total = sum(lot.award_value or 0 for lot in lots)
    currency = lots[0].currency if lots else "NOK"
    return (
        f'<efac:NoticeResult><cbc:TotalAmount currencyID="{_t(currency)}">{total:.2f}'
        "</cbc:TotalAmount>"
        + "".join(results)
        + "".join(tenders)
        + "".join(parties)
        + "".join(contracts)
        + "</efac:NoticeResult>"
    )
