"""Words of the eForms notices (etikkmonitor/eforms): reject reasons, the yearly review page."""


def _(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


TEXT: dict[str, dict[str, str]] = {
    "dash.table.competitions": _("Kunngjøringer", "Notices"),
    # why a notice was rejected (reason.<code>)
    "reason.xml_dtd": _(
        "XML med DTD eller entiteter avvises (vern mot XXE og «billion laughs»)",
        "XML with a DTD or entities is refused (protection against XXE and billion laughs)",
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

TEXT |= {
    "rev.page": _("Årlig gjennomgang", "Yearly review"),
    "rev.intro": _(
        "Alle konkurranser som ble kunngjort på Doffin i året, lest fra eForms-kunngjøringene: "
        "hvilke som er relevante for Oslomodellen, om kunngjøringen sier at kravet stilles, og "
        "om kontraktsregisteret har kontrakten som fulgte, med kravene. Nederst: listen over "
        "relevante konkurranser uten kravet, størst verdi først.",
        "Every competition published on Doffin in the year, read from its eForms notices: which "
        "are relevant to the Oslo model, whether the notice states the requirement, and whether "
        "the contract register holds the resulting contract, with the clauses. Below: the list "
        "of relevant competitions without the requirement, largest value first.",
    ),
    "rev.no_notices": _(
        "Datasettet har ingen kunngjøringer. Importer eForms-kunngjøringer (XML-filer, en mappe "
        "eller en .zip) sammen med kontraktsregisteret, eller hent dem fra Doffin med "
        "`etikkmonitor doffin-fetch`.",
        "The dataset holds no notices. Import eForms notices (XML files, a folder or a .zip) "
        "with the contract register, or fetch them from Doffin with `etikkmonitor doffin-fetch`.",
    ),
    "rev.rules.title": _("Slik vurderes konkurransene", "How competitions are judged"),
    "rev.rules": _(
        "- En **konkurranse** er et delkontrakt (lot) i en anskaffelse (BT-04), fra den "
        "gjeldende versjonen av konkurranse- og tildelingskunngjøringene; året er året den "
        "først ble kunngjort. Veiledende kunngjøringer og erstattede versjoner telles ikke.\n"
        "- **Kategori** fra hoved-CPV-koden etter tabellen under (lengste prefiks gjelder).\n"
        "- **Del 1** er relevant for kategoriene {part1_categories} med verdi minst {part1_min}; "
        "kravet regnes som stilt når kunngjøringen har sosialt formål *work-cond* (rettferdige "
        "arbeidsvilkår, BT-775).\n"
        "- **Del 2** er relevant for høyrisikokategorier (DFØs liste) med verdi minst "
        "{part2_min}; kravet regnes som stilt når kunngjøringen har *hum-right* "
        "(aktsomhetsvurderinger for menneskerettigheter i globale leverandørkjeder, BT-775).\n"
        "- **Verdi**: anslått verdi (BT-27), ellers tildelt verdi; uten verdi, eller i en valuta "
        "uten kurs, telles konkurransen som relevant, så den blir sett på.\n"
        "- **I registeret**: en kontrakt har kunngjøringens id, Doffin-nummer eller "
        "anskaffelsens id i kolonnen kunngjoring_id.",
        "- A **competition** is a lot of a procedure (BT-04), from the current version of its "
        "contract and award notices; its year is the year it was first published. Prior "
        "information notices and replaced versions are not counted.\n"
        "- **Category** from the main CPV code by the table below (the longest prefix wins).\n"
        "- **Part 1** is relevant for the categories {part1_categories} with a value of at least "
        "{part1_min}; the requirement counts as stated when the notice carries the social "
        "objective *work-cond* (fair working conditions, BT-775).\n"
        "- **Part 2** is relevant for high-risk categories (DFØ's list) with a value of at "
        "least {part2_min}; stated when the notice carries *hum-right* (human-rights due "
        "diligence in global supply chains, BT-775).\n"
        "- **Value**: the estimated value (BT-27), else the awarded value; without a value, or "
        "in a currency without a rate, a competition counts as relevant, so that it is looked at.\n"
        "- **In the register**: a contract names the notice id, Doffin number or the "
        "procedure's id in its notice_id column.",
    ),
    "rev.rates": _(
        "Beløp i andre valutaer er regnet om til NOK med kursene i innstillingene: {rates} "
        "({note}).",
        "Amounts in other currencies are converted to NOK at the rates in the settings: {rates} "
        "({note}).",
    ),
    "rev.rates.help": _(
        "Kursene og CPV-tabellen står i innstillingsfilen (etikkmonitor/settings.toml, [review]).",
        "The rates and the CPV table are in the settings file (etikkmonitor/settings.toml, "
        "[review]).",
    ),
    "rev.year": _("År", "Year"),
    "rev.year.help": _(
        "Året konkurransen først ble kunngjort.", "The year the competition was first published."
    ),
    "rev.buyer": _("Oppdragsgiver", "Buyer"),
    "rev.buyer.help": _(
        "Oppdragsgiveren i kunngjøringen (navn og organisasjonsnummer). Uten valg: alle i "
        "utvalget i sidemenyen.",
        "The buyer named in the notice (name and organisation number). None chosen: all in the "
        "sidebar's selection.",
    ),
    "rev.buyer.all": _("Alle oppdragsgivere", "All buyers"),
    "rev.none_in_year": _(
        "Ingen konkurranser kunngjort i året for dette utvalget.",
        "No competitions published in the year for this selection.",
    ),
    "rev.metric.competitions": _("Konkurranser kunngjort", "Competitions published"),
    "rev.metric.competitions.caption": _(
        "{awards} med tildelingskunngjøring · {register} i kontraktsregisteret",
        "{awards} with an award notice · {register} in the contract register",
    ),
    "rev.metric.part1": _("Del 1: krav stilt", "Part 1: requirement stated"),
    "rev.metric.part1.help": _(
        "Andel av konkurransene som er relevante for del 1 (seriøsitet) der kunngjøringen har "
        "work-cond.",
        "Share of the competitions relevant to part 1 (seriousness) whose notice carries "
        "work-cond.",
    ),
    "rev.metric.part2": _("Del 2: krav stilt", "Part 2: requirement stated"),
    "rev.metric.part2.help": _(
        "Andel av konkurransene som er relevante for del 2 (etisk handel) der kunngjøringen har "
        "hum-right.",
        "Share of the competitions relevant to part 2 (ethical trade) whose notice carries "
        "hum-right.",
    ),
    "rev.metric.part.caption": _(
        "{stated} av {relevant} relevante · {register} i registeret, {clauses} med kravene",
        "{stated} of {relevant} relevant · {register} in the register, {clauses} with the clauses",
    ),
    "rev.metric.actions": _("Å følge opp", "To act on"),
    "rev.metric.actions.caption": _(
        "relevante konkurranser uten kravet i kunngjøringen",
        "relevant competitions whose notice lacks the requirement",
    ),
    "rev.actions": _("Handlingsliste", "Action list"),
    "rev.actions.intro": _(
        "Relevante konkurranser der kunngjøringen ikke sier at Oslomodellens krav stilles, "
        "størst verdi først. Sjekk konkurransegrunnlaget og kontrakten.",
        "Relevant competitions whose notice does not state the Oslo model's requirement, "
        "largest value first. Check the tender documents and the contract.",
    ),
    "rev.actions.none": _(
        "Alle relevante konkurranser i utvalget har kravet i kunngjøringen.",
        "Every relevant competition in the selection states the requirement in its notice.",
    ),
    "rev.by_group": _("Dekning", "Coverage"),
    "rev.by_category": _("Etter kategori", "By category"),
    "rev.by_buyer": _("Etter oppdragsgiver", "By buyer"),
    "rev.no_category": _("(ikke i CPV-tabellen)", "(not in the CPV table)"),
    "rev.all": _("Alle konkurranser ({n})", "All competitions ({n})"),
    "rev.missing.work-cond": _("del 1: work-cond mangler", "part 1: no work-cond"),
    "rev.missing.hum-right": _("del 2: hum-right mangler", "part 2: no hum-right"),
    "rev.value_note.no_value": _("ingen verdi oppgitt", "no value given"),
    "rev.value_note.no_rate": _("ingen kurs for valutaen", "no rate for the currency"),
    "rev.value_note.converted": _("omregnet fra annen valuta", "converted from another currency"),
    "rev.col.missing": _("Mangler", "Missing"),
    "rev.col.published": _("Kunngjort", "Published"),
    "rev.col.buyer": _("Oppdragsgiver", "Buyer"),
    "rev.col.title": _("Tittel", "Title"),
    "rev.col.lot": _("Delkontrakt", "Lot"),
    "rev.col.cpv": _("Hoved-CPV", "Main CPV"),
    "rev.col.cpv_prefix": _("CPV-prefiks", "CPV prefix"),
    "rev.col.category": _("Kategori", "Category"),
    "rev.col.high_risk": _("Høyrisiko (del 2)", "High risk (part 2)"),
    "rev.col.value_nok": _("Verdi (NOK)", "Value (NOK)"),
    "rev.col.value_note": _("Om verdien", "About the value"),
    "rev.col.objectives": _("Sosiale formål (BT-775)", "Social objectives (BT-775)"),
    "rev.col.strategic": _("Strategisk anskaffelse (BT-06)", "Strategic procurement (BT-06)"),
    "rev.col.in_register": _("I registeret", "In the register"),
    "rev.col.contracts": _("Kontrakter", "Contracts"),
    "rev.col.winners": _("Leverandører", "Winners"),
    "rev.col.notice_id": _("Kunngjøring (id)", "Notice (id)"),
    "rev.col.conclusion": _("Kontrakt inngått", "Contract concluded"),
    "rev.col.competitions": _("Konkurranser", "Competitions"),
    "rev.col.part1_stated": _("Del 1 stilt", "Part 1 stated"),
    "rev.col.part2_stated": _("Del 2 stilt", "Part 2 stated"),
    "rev.col.part1_is_stated": _("Del 1 stilt", "Part 1 stated"),
    "rev.col.part2_is_stated": _("Del 2 stilt", "Part 2 stated"),
    "rev.col.needs_action": _("Å følge opp", "To act on"),
}
