"""Words of the eForms notices (etikkmonitor/eforms): reject reasons, the yearly review page."""


def _(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


TEXT: dict[str, dict[str, str]] = {
    "dash.table.competitions": _("Kunngjøringer", "Notices"),
    # why a notice was rejected (reason.<code>)
    "reason.xml_dtd": _(
        "XML med dokumenttypedeklarasjon (DTD/entiteter) avvises: slik virker XXE- og "
        "«billion laughs»-angrep, og eForms har aldri en",
        "XML with a document type declaration (DTD/entities) is refused: that is how XXE and "
        "billion-laughs attacks work, and eForms never has one",
    ),
    "reason.not_xml": _("ikke gyldig XML", "not well-formed XML"),
    "reason.not_eforms": _(
        "ikke en eForms-kunngjøring (rotelement)", "not an eForms notice (root element)"
    ),
    "reason.eforms_unsupported_type": _(
        "kunngjøringstypen leses ikke (bare konkurranse-, tildelings- og veiledende kunngjøringer)",
        "notice type not read (only contract notices, award notices and prior information notices)",
    ),
    "reason.notice_no_id": _(
        "mangler kunngjøringens id (BT-701)", "the notice identifier (BT-701) is missing"
    ),
    "reason.notice_no_date": _(
        "mangler publiserings- og utsendelsesdato (OPP-012, BT-05)",
        "no publication or dispatch date (OPP-012, BT-05)",
    ),
    "reason.notice_duplicate": _(
        "samme kunngjøring og versjon to ganger; den første er brukt",
        "the same notice and version twice; the first is used",
    ),
    "reason.notice_too_large": _("kunngjøringen er for stor", "the notice is too large"),
    "reason.zip_nested": _(
        "et arkiv inne i et arkiv åpnes ikke", "an archive inside an archive is not opened"
    ),
    "reason.zip_not_xml": _("ikke en .xml-fil", "not an .xml file"),
    "reason.zip_encrypted": _("kryptert fil i arkivet", "encrypted file in the archive"),
    "reason.zip_bomb": _(
        "pakkes ut til mye mer enn den fyller: avvist som mulig zip-bombe",
        "unpacks to far more than it takes: refused as a possible zip bomb",
    ),
    "reason.zip_bad_member": _("kan ikke pakkes ut", "cannot be unpacked"),
}

TEXT |= {
    "rev.cli.head": _(
        "Årlig gjennomgang {year}: {n} konkurranser kunngjort",
        "Yearly review {year}: {n} competitions published",
    ),
    "rev.cli.part1": _(
        "Del 1 (seriøsitet): {relevant} relevante, {stated} med arbeidsvilkår (work-cond) i "
        "kunngjøringen ({share}); {in_register} i kontraktsregisteret, {clauses} med kravene",
        "Part 1 (seriousness): {relevant} relevant, {stated} stating fair working conditions "
        "(work-cond) ({share}); {in_register} in the contract register, {clauses} with the clauses",
    ),
    "rev.cli.part2": _(
        "Del 2 (etisk handel): {relevant} relevante, {stated} med menneskerettigheter "
        "(hum-right) i kunngjøringen ({share}); {in_register} i kontraktsregisteret, {clauses} "
        "med kravene",
        "Part 2 (ethical trade): {relevant} relevant, {stated} stating human-rights due "
        "diligence (hum-right) ({share}); {in_register} in the contract register, {clauses} with "
        "the clauses",
    ),
    "rev.cli.actions": _(
        "Å følge opp: {n} relevante konkurranser uten kravet i kunngjøringen, størst verdi først:",
        "To act on: {n} relevant competitions whose notice does not state the requirement, "
        "largest value first:",
    ),
}
