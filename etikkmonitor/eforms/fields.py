"""The eForms business terms a notice is read by: UBL's namespaces, the document types read,
the form types, and every term's path (`P`, BT -> the `xpathAbsolute` of OP-TED's eForms SDK,
fields/fields.json, SDK 1.x), compiled once (`X`). docs/dataeksport.md lists them field by field.
"""

from __future__ import annotations

from lxml import etree

NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
    "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
    "efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
}


def tag(prefix: str, name: str) -> str:
    """Clark notation ({namespace}name) of a prefixed name, as lxml gives an element's tag."""
    return f"{{{NS[prefix]}}}{name}"


def tags(*steps: str) -> list[str]:
    """The tags of path steps such as `cbc:ID` (for the readers that walk children by tag)."""
    return [tag(*step.split(":")) for step in steps]


# The three UBL document types eForms uses for the notices we read.
ROOTS = {
    "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2": "ContractNotice",
    "urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2": "ContractAwardNotice",
    "urn:oasis:names:specification:ubl:schema:xsd:PriorInformationNotice-2": (
        "PriorInformationNotice"
    ),
}
# eForms roots we recognise but do not read (business registration notices, X01/X02).
OTHER_EFORMS_ROOTS = {
    "http://data.europa.eu/p27/eforms-business-registration-information-notice/1",
}
# BT-03 form type (the listName of BT-02) -> our kind of notice. Others are refused by name:
# consultation (E1, market consultation), dir-awa-pre (VEAT: intention to award without a
# competition), cont-modif (contract modification), completion, bri.
FORM_KINDS = {"planning": "planning", "competition": "competition", "result": "result"}

EXT = "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension"
LOT = "cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot' or cbc:ID/@schemeName='Part']"

# BT -> path. Notice level: absolute. Lot level: relative to the lot. Result level: relative
# to efac:NoticeResult's children as named.
P = {
    "BT-701": "/*/cbc:ID[@schemeName='notice-id']",
    "BT-757": "/*/cbc:VersionID",
    "BT-02": "/*/cbc:NoticeTypeCode",
    "BT-03": "/*/cbc:NoticeTypeCode/@listName",
    "OPP-070": f"{EXT}/efac:NoticeSubType/cbc:SubTypeCode",
    "BT-758": f"{EXT}/efac:Changes/efbc:ChangedNoticeIdentifier",
    "BT-04": "/*/cbc:ContractFolderID",
    "BT-05(a)": "/*/cbc:IssueDate",
    "OPP-012": f"{EXT}/efac:Publication/efbc:PublicationDate",
    "OPP-010": f"{EXT}/efac:Publication/efbc:NoticePublicationID[@schemeName='ojs-notice-id']",
    "OPT-300-Buyer": "/*/cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID",
    "Organizations": f"{EXT}/efac:Organizations/efac:Organization/efac:Company",
    # relative to efac:Company
    "OPT-200": "cac:PartyIdentification/cbc:ID",
    "BT-501": "cac:PartyLegalEntity/cbc:CompanyID",
    "BT-500": "cac:PartyName/cbc:Name",
    # procedure level (used where a lot says nothing)
    "BT-21-Procedure": "/*/cac:ProcurementProject/cbc:Name",
    "BT-262-Procedure": (
        "/*/cac:ProcurementProject/cac:MainCommodityClassification/cbc:ItemClassificationCode"
    ),
    "BT-263-Procedure": (
        "/*/cac:ProcurementProject/cac:AdditionalCommodityClassification/cbc:ItemClassificationCode"
    ),
    "BT-23-Procedure": "/*/cac:ProcurementProject/cbc:ProcurementTypeCode",
    "BT-27-Procedure": (
        "/*/cac:ProcurementProject/cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount"
    ),
    "Lots": f"/*/{LOT}",
    # relative to the lot
    "BT-137": "cbc:ID",
    "BT-21": "cac:ProcurementProject/cbc:Name",
    "BT-262": "cac:ProcurementProject/cac:MainCommodityClassification/cbc:ItemClassificationCode",
    "BT-263": (
        "cac:ProcurementProject/cac:AdditionalCommodityClassification/cbc:ItemClassificationCode"
    ),
    "BT-23": "cac:ProcurementProject/cbc:ProcurementTypeCode[@listName='contract-nature']",
    "BT-27": "cac:ProcurementProject/cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount",
    "BT-06": (
        "cac:ProcurementProject/cac:ProcurementAdditionalType"
        "[cbc:ProcurementTypeCode/@listName='strategic-procurement']/cbc:ProcurementTypeCode"
    ),
    "BT-775": (
        "cac:ProcurementProject/cac:ProcurementAdditionalType"
        "[cbc:ProcurementTypeCode/@listName='social-objective']/cbc:ProcurementTypeCode"
    ),
    # results
    "LotResults": f"{EXT}/efac:NoticeResult/efac:LotResult",
    "LotTenders": f"{EXT}/efac:NoticeResult/efac:LotTender",
    "TenderingParties": f"{EXT}/efac:NoticeResult/efac:TenderingParty",
    "SettledContracts": f"{EXT}/efac:NoticeResult/efac:SettledContract",
    "BT-13713": "efac:TenderLot/cbc:ID",  # LotResult -> lot
    "BT-142": "cbc:TenderResultCode",  # LotResult: winner chosen (selec-w) or not
    "OPT-320": "efac:LotTender/cbc:ID",  # LotResult -> winning tender(s)
    "OPT-315": "efac:SettledContract/cbc:ID",  # LotResult -> contract(s)
    "BT-709": "efac:FrameworkAgreementValues/cbc:MaximumValueAmount",  # LotResult
    "OPT-321": "cbc:ID",  # LotTender's own id
    "BT-720": "cac:LegalMonetaryTotal/cbc:PayableAmount",  # LotTender's value
    "OPT-310": "efac:TenderingParty/cbc:ID",  # LotTender -> tendering party
    "OPT-210": "cbc:ID",  # TenderingParty's own id
    "OPT-300-Tenderer": "efac:Tenderer/cbc:ID",  # TenderingParty -> organisation(s)
    "OPT-316": "cbc:ID",  # SettledContract's own id
    "BT-145": "cbc:IssueDate",  # SettledContract: conclusion date
}
X = {k: etree.XPath(v, namespaces=NS, smart_strings=False) for k, v in P.items()}
