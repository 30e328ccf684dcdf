"""One eForms notice (UBL 2.3 with the efac/efbc/efext extensions) read safely into rows.

The terms' paths are in fields.py (`xpathAbsolute` of OP-TED's eForms SDK); lot-level terms are
evaluated relative to their `cac:ProcurementProjectLot`.

Safety: lxml with entity resolution, DTD loading and network access off, and huge_tree off
(lxml's limits on depth and text size stay on). A document type declaration is refused
before parsing at all: eForms never has one, and a DTD is how XXE and billion-laughs files
work. A notice is at most MAX_NOTICE_BYTES, so one parsed tree is bounded; the files and
archives around it are read one notice at a time (sources.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from .fields import FORM_KINDS, OTHER_EFORMS_ROOTS, ROOTS, tags
from .fields import X as _X

MAX_NOTICE_BYTES = 8 * 1024 * 1024  # the SDK's largest example (100 lots) is 1.8 MB

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_UUID_VERSION = re.compile(r"^(.+)-(\d{2})$")


class NoticeRejected(Exception):
    """A notice that cannot be used; `code` names the reason (texts: reason.<code>)."""

    def __init__(self, code: str, detail: str | None = None, notice_id: str | None = None):
        self.code, self.detail, self.notice_id = code, detail, notice_id
        super().__init__(f"{code}: {detail}" if detail else code)


@dataclass
class Lot:
    lot_id: str | None
    title: str | None
    cpv_main: str | None
    cpv_additional: list[str]
    contract_nature: str | None
    estimated_value: float | None
    currency: str | None
    strategic_procurement: list[str]
    social_objectives: list[str]
    result_code: str | None = None
    winner_org_nrs: list[str] = field(default_factory=list)
    winner_names: list[str] = field(default_factory=list)
    award_value: float | None = None
    award_currency: str | None = None
    conclusion_date: date | None = None


@dataclass
class Notice:
    notice_id: str
    version: str | None
    notice_type: str  # BT-02, e.g. cn-standard
    form_type: str  # BT-03, e.g. competition
    kind: str  # planning / competition / result
    subtype: str | None  # OPP-070, e.g. 16 or E3
    changes: str | None  # BT-758: the notice this one changes ("<uuid>-<version>")
    procedure_id: str | None
    issue_date: date | None
    publication_date: date
    ted_publication: str | None
    buyer_org_nr: str | None
    buyer_name: str | None
    lots: list[Lot]


def _texts(node, key: str) -> list[str]:
    out = []
    for v in _X[key](node):
        s = (v if isinstance(v, str) else (v.text or "")).strip()
        if s:
            out.append(s)
    return out


def _text(node, key: str) -> str | None:
    values = _texts(node, key)
    return values[0] if values else None


def _date(text: str | None) -> date | None:
    """An xs:date, with or without a time zone (`2024-03-01+01:00`, `2024-03-01Z`)."""
    if not text:
        return None
    m = _DATE.match(text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def parse(data: bytes) -> etree._Element:
    """The notice's root element, or NoticeRejected (hostile, not XML, too large)."""
    if len(data) > MAX_NOTICE_BYTES:
        raise NoticeRejected("notice_too_large", f"{len(data) / 1e6:.1f} MB")
    # A DTD can only come before the root element; eForms never has one.
    prolog_end = data.find(b"<", data.find(b"?>") + 1 if data.lstrip().startswith(b"<?") else 0)
    head = data[: max(prolog_end, 0) + 4096]
    if _DOCTYPE.search(head):
        raise NoticeRejected("xml_dtd")
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise NoticeRejected("not_xml", str(e).splitlines()[0][:200]) from None
    except ValueError as e:  # e.g. a unicode string with an encoding declaration
        raise NoticeRejected("not_xml", str(e)[:200]) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise NoticeRejected("xml_dtd")
    return root


def read(data: bytes) -> Notice:
    """A notice from its bytes; NoticeRejected says why it cannot be used."""
    return extract(parse(data))


def extract(root) -> Notice:
    qname = etree.QName(root)
    if qname.namespace not in ROOTS:
        if qname.namespace in OTHER_EFORMS_ROOTS:
            raise NoticeRejected("eforms_unsupported_type", qname.localname)
        raise NoticeRejected("not_eforms", qname.localname[:80])
    # The notice's own terms are children of the root (BT-701, BT-757, BT-02/BT-03, BT-05(a),
    # BT-04, OPT-300): one pass over them rather than an XPath each.
    head = _head(root)
    notice_id, notice_type, form_type = head["BT-701"], head["BT-02"], head["BT-03"]
    if not notice_id:
        raise NoticeRejected("notice_no_id")
    if form_type not in FORM_KINDS:
        raise NoticeRejected(
            "eforms_unsupported_type", f"{form_type or '?'}/{notice_type or '?'}", notice_id
        )
    issue = _date(head["BT-05(a)"])
    published = _date(_text(root, "OPP-012")) or issue
    if published is None:
        raise NoticeRejected("notice_no_date", None, notice_id)

    companies = {}
    for company in _X["Organizations"](root):
        ident = _child(_child(company, _PARTY_ID), _ID)  # OPT-200
        if ident is not None and (org_id := (ident.text or "").strip()):
            companies[org_id] = company
    buyer_org = buyer_name = None
    for ref in head["OPT-300-Buyer"]:
        if ref in companies:
            buyer_org = _org_nr(_text(companies[ref], "BT-501"))
            buyer_name = _name(companies[ref])
            break

    lots = _lots(root)
    if FORM_KINDS[form_type] == "result":
        _results(root, lots, companies)
    return Notice(
        notice_id=notice_id,
        version=head["BT-757"],
        notice_type=notice_type or "",
        form_type=form_type,
        kind=FORM_KINDS[form_type],
        subtype=_text(root, "OPP-070"),
        changes=_text(root, "BT-758"),
        procedure_id=head["BT-04"],
        issue_date=issue,
        publication_date=published,
        ted_publication=_text(root, "OPP-010"),
        buyer_org_nr=buyer_org,
        buyer_name=buyer_name,
        lots=lots,
    )


# The children read by tag in one pass (_head, _project): the steps of P's paths.
_ID, _VERSION, _NOTICE_TYPE, _ISSUE_DATE, _FOLDER = tags(
    "cbc:ID", "cbc:VersionID", "cbc:NoticeTypeCode", "cbc:IssueDate", "cbc:ContractFolderID"
)
_CONTRACTING_PARTY, _PARTY, _PARTY_ID = tags(
    "cac:ContractingParty", "cac:Party", "cac:PartyIdentification"
)
_PP, _NAME, _TYPE, _ADDITIONAL_TYPE = tags(
    "cac:ProcurementProject", "cbc:Name", "cbc:ProcurementTypeCode", "cac:ProcurementAdditionalType"
)
_MAIN, _ADDITIONAL, _CODE, _TOTAL, _ESTIMATE = tags(
    "cac:MainCommodityClassification",
    "cac:AdditionalCommodityClassification",
    "cbc:ItemClassificationCode",
    "cac:RequestedTenderTotal",
    "cbc:EstimatedOverallContractAmount",
)


def _head(root) -> dict:
    """BT-701, BT-757, BT-02, BT-03, BT-05(a), BT-04 and the buyers' OPT-300 in one pass over
    the root's children (the paths of P: /*/cbc:ID[@schemeName='notice-id'], /*/cbc:VersionID,
    /*/cbc:NoticeTypeCode and its @listName, /*/cbc:IssueDate, /*/cbc:ContractFolderID,
    /*/cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID)."""
    out: dict = dict.fromkeys(("BT-701", "BT-757", "BT-02", "BT-03", "BT-05(a)", "BT-04"))
    out["OPT-300-Buyer"] = []

    def first(key: str, el) -> None:
        if out[key] is None:
            out[key] = (el.text or "").strip() or None

    for el in root:
        tag = el.tag
        if tag == _ID:
            if el.get("schemeName") == "notice-id":
                first("BT-701", el)
        elif tag == _VERSION:
            first("BT-757", el)
        elif tag == _NOTICE_TYPE:
            first("BT-02", el)
            if out["BT-03"] is None:
                out["BT-03"] = (el.get("listName") or "").strip() or None
        elif tag == _ISSUE_DATE:
            first("BT-05(a)", el)
        elif tag == _FOLDER:
            first("BT-04", el)
        elif tag == _CONTRACTING_PARTY:
            ident = _child(_child(_child(el, _PARTY), _PARTY_ID), _ID)
            if ident is not None and (ref := (ident.text or "").strip()):
                out["OPT-300-Buyer"].append(ref)
    return out


def _org_nr(value: str | None) -> str | None:
    """A Norwegian organisation number is written with or without spaces and an `NO` prefix
    or `MVA` suffix; anything else (a foreign id) is kept as written."""
    if not value:
        return None
    digits = re.sub(r"[\s\u00a0.]", "", value)
    m = re.fullmatch(r"(?:NO)?(\d{9})(?:MVA)?", digits, re.IGNORECASE)
    return m[1] if m else value.strip()


def _cpv(code: str | None) -> str | None:
    """The 8 digits of a CPV code (`18100000` of `18100000-0`)."""
    if not code:
        return None
    m = re.match(r"\s*(\d{8})", code)
    return m[1] if m else None


@dataclass
class _Project:
    names: list
    cpv_main: str | None
    cpv_additional: list[str]
    nature: str | None
    estimate: object  # the BT-27 element, or None
    strategic: list[str]
    social: list[str]


def _project(pp, lot_level: bool) -> _Project:
    """The fields of one cac:ProcurementProject in a single pass over its children: BT-21
    (cbc:Name), BT-23 (cbc:ProcurementTypeCode, on a lot the one with listName
    contract-nature), BT-06 and BT-775 (cac:ProcurementAdditionalType/cbc:ProcurementTypeCode
    by listName), BT-262 and BT-263 (the classifications' cbc:ItemClassificationCode) and BT-27
    (cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount): exactly the paths of P
    above, which are all children of it. One pass instead of an XPath per term: the import of
    a year of notices spends most of its time here."""
    out = _Project([], None, [], None, None, [], [])
    if pp is None:
        return out
    for el in pp:
        tag = el.tag
        if tag == _NAME:
            out.names.append(el)
        elif tag == _TYPE:
            if out.nature is None and (not lot_level or el.get("listName") == "contract-nature"):
                out.nature = (el.text or "").strip() or None
        elif tag == _ADDITIONAL_TYPE:
            for code in el:
                if code.tag == _TYPE and (value := (code.text or "").strip()):
                    kind = code.get("listName")
                    if kind == "strategic-procurement":
                        out.strategic.append(value)
                    elif kind == "social-objective":
                        out.social.append(value)
        elif tag == _MAIN:
            for code in el:
                if code.tag == _CODE and out.cpv_main is None:
                    out.cpv_main = _cpv(code.text)
        elif tag == _ADDITIONAL:
            for code in el:
                if code.tag == _CODE and (c := _cpv(code.text)):
                    out.cpv_additional.append(c)
        elif tag == _TOTAL and out.estimate is None:
            for amount in el:
                if amount.tag == _ESTIMATE:
                    out.estimate = amount
                    break
    return out


def _child(el, tag: str):
    if el is None:
        return None
    for c in el:
        if c.tag == tag:
            return c
    return None


def _pick_name(els) -> str | None:
    """A multilingual text (BT-500, BT-21): Norwegian first, then English, then the first."""
    by_lang = {(e.get("languageID") or "").upper(): (e.text or "").strip() for e in els}
    for lang in ("NOR", "NOB", "NNO", "ENG"):
        if by_lang.get(lang):
            return by_lang[lang]
    return next((v for v in by_lang.values() if v), None)


def _estimate(el) -> tuple[float | None, str | None]:
    """An amount element's value and currency; (None, None) unless a finite amount >= 0."""
    if el is None:
        return None, None
    try:
        value = float((el.text or "").strip())
    except ValueError:
        return None, None
    if not math.isfinite(value) or value < 0:
        return None, None
    return value, (el.get("currencyID") or "").strip().upper() or None


def _amount(node, key: str) -> tuple[float | None, str | None]:
    """The first usable amount of the term `key` under `node`."""
    return next(
        (amount for el in _X[key](node) if (amount := _estimate(el))[0] is not None),
        (None, None),
    )


def _name(company) -> str | None:
    return _pick_name(_X["BT-500"](company))  # BT-500 is multilingual


def _lots(root) -> list[Lot]:
    proc = _project(_child(root, _PP), lot_level=False)
    proc_title = _pick_name(proc.names)
    proc_value, proc_currency = _estimate(proc.estimate)
    lot_nodes = _X["Lots"](root)
    lots = []
    for node in lot_nodes:
        pp = _project(_child(node, _PP), lot_level=True)
        value, currency = _estimate(pp.estimate)
        if value is None and len(lot_nodes) == 1:
            # One lot: the procedure's estimate is the lot's. With several it is their total.
            value, currency = proc_value, proc_currency
        lot_id = _child(node, _ID)
        lots.append(
            Lot(
                lot_id=((lot_id.text or "").strip() or None) if lot_id is not None else None,
                title=_pick_name(pp.names) or proc_title,
                cpv_main=pp.cpv_main or proc.cpv_main,
                cpv_additional=sorted(set(pp.cpv_additional or proc.cpv_additional)),
                contract_nature=pp.nature or proc.nature,
                estimated_value=value,
                currency=currency,
                strategic_procurement=sorted(set(pp.strategic)),
                social_objectives=sorted(set(pp.social)),
            )
        )
    if not lots:  # no lot in the notice: the procedure is the one competition
        lots.append(
            Lot(
                lot_id=None,
                title=proc_title,
                cpv_main=proc.cpv_main,
                cpv_additional=sorted(set(proc.cpv_additional)),
                contract_nature=proc.nature,
                estimated_value=proc_value,
                currency=proc_currency,
                strategic_procurement=[],
                social_objectives=[],
            )
        )
    return lots


def _results(root, lots: list[Lot], companies: dict) -> None:
    """Winners, award value and conclusion date per lot, from efac:NoticeResult:
    LotResult -> LotTender (OPT-320) -> TenderingParty (OPT-310) -> Tenderer
    (OPT-300) -> Organization (OPT-200: BT-501 number, BT-500 name); LotResult ->
    SettledContract (OPT-315) -> conclusion date (BT-145)."""
    tenders = {_text(t, "OPT-321"): t for t in _X["LotTenders"](root)}
    parties = {_text(p, "OPT-210"): p for p in _X["TenderingParties"](root)}
    contracts = {_text(c, "OPT-316"): c for c in _X["SettledContracts"](root)}
    by_lot = {lot.lot_id: lot for lot in lots}
    for result in _X["LotResults"](root):
        lot = by_lot.get(_text(result, "BT-13713"))
        if lot is None:
            continue
        lot.result_code = _text(result, "BT-142")
        if lot.result_code not in (None, "selec-w"):
            # clos-nw / open-nw: no winner chosen; a tender the result names did not win
            continue
        total, currency = 0.0, None
        any_value = False
        for tender_id in _texts(result, "OPT-320"):
            tender = tenders.get(tender_id)
            if tender is None:
                continue
            value, cur = _amount(tender, "BT-720")
            if value is not None and (currency is None or cur == currency):
                total += value
                currency = cur
                any_value = True
            for party_id in _texts(tender, "OPT-310"):
                party = parties.get(party_id)
                if party is None:
                    continue
                for org_ref in _texts(party, "OPT-300-Tenderer"):
                    company = companies.get(org_ref)
                    if company is None:
                        continue
                    org = _org_nr(_text(company, "BT-501"))
                    name = _name(company)
                    if (org, name) not in zip(lot.winner_org_nrs, lot.winner_names, strict=True):
                        lot.winner_org_nrs.append(org or "")
                        lot.winner_names.append(name or "")
        if any_value:
            lot.award_value, lot.award_currency = total, currency
        else:
            lot.award_value, lot.award_currency = _amount(result, "BT-709")
        dates = [
            d
            for cid in _texts(result, "OPT-315")
            if cid in contracts and (d := _date(_text(contracts[cid], "BT-145")))
        ]
        if dates:
            lot.conclusion_date = min(dates)


def changed_notice_id(changes: str | None) -> str | None:
    """The notice identifier in BT-758 (`<uuid>-<version>`): the notice a change replaces."""
    if not changes:
        return None
    m = _UUID_VERSION.match(changes.strip())
    return m[1] if m else changes.strip()
