"""Words of the dashboard's pages (app.py, pages/, etikkmonitor/ui/ and the figure
builders: charts.py, maps.py, timecharts.py)."""


def _(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


TEXT: dict[str, dict[str, str]] = {
    # pages
    "dash.page.overview": _("Oversikt", "Overview"),
    "dash.page.oslo": _("Oslomodellen", "Oslo model"),
    "dash.page.dialogue": _("Sosial dialog", "Social dialogue"),
    "dash.page.deadlines": _("Frister og avvik", "Deadlines and findings"),
    "dash.page.contract": _("Kontrakt", "Contract"),
    "dash.page.quality": _("Datakvalitet", "Data quality"),
    # sidebar
    "dash.filters": _("Utvalg", "Selection"),
    "dash.as_of": _("Per dato", "As of"),
    "dash.as_of.help": _(
        "Frister, avvik og revisjoner vurderes slik de sto denne dagen.",
        "Deadlines, findings and audits are judged as they stood on this day.",
    ),
    "dash.filter.agencies": _("Virksomhet", "Agency"),
    "dash.filter.agencies.help": _(
        "Kontrakter virksomheten eier, og rammeavtaler den gjør avrop på.",
        "Contracts the agency owns, and framework agreements it has call-offs on.",
    ),
    "dash.filter.categories": _("Kategori", "Category"),
    "dash.filter.categories.help": _("Kontraktens innkjøpskategori.", "The contract's category."),
    "dash.filter.suppliers": _("Leverandør", "Supplier"),
    "dash.filter.suppliers.help": _("Leverandøren på kontrakten.", "The contract's supplier."),
    "dash.filter.countries": _("Produksjonsland", "Country of production"),
    "dash.filter.countries.help": _(
        "Kontrakter med minst én fabrikk i landet.",
        "Contracts with at least one factory in the country.",
    ),
    "dash.filter.contract_types": _("Kontraktstype", "Contract type"),
    "dash.filter.contract_types.help": _(
        "Rammeavtale eller enkeltkontrakt.", "Framework agreement or single contract."
    ),
    "dash.filter.all": _("Alle", "All"),
    "dash.filter.reset": _("Nullstill utvalget", "Reset selection"),
    "dash.language": _("Språk", "Language"),
    "dash.data_from": _("Data fra import nr. {import_id}", "Data from import no. {import_id}"),
    # caption and empty states
    "dash.as_of_caption": _("Per {date}", "As of {date}"),
    "dash.unfiltered": _("alle kontrakter", "all contracts"),
    "dash.filtered_on": _("filtrert på {filters}", "filtered on {filters}"),
    "dash.caption.help": _(
        "Endre utvalget i menyen til venstre. Lenken i adressefeltet viser det samme utvalget "
        "for den du deler den med.",
        "Change the selection in the menu on the left. The link in the address bar opens the "
        "same selection for whoever you share it with.",
    ),
    "dash.empty.database": _(
        "Det er ikke importert noen data ennå. Importer en eksport med "
        "`python -m etikkmonitor import MAPPE`, og last siden på nytt.",
        "No data has been imported yet. Import an export with "
        "`python -m etikkmonitor import FOLDER`, then reload the page.",
    ),
    "dash.empty.selection": _(
        "Ingenting å vise for dette utvalget. Prøv en annen dato eller færre filtre.",
        "Nothing to show for this selection. Try another date or fewer filters.",
    ),
    "dash.error.busy": _(
        "Databasen {path} er i bruk av en annen prosess (kanskje en import). Prøv igjen om litt.",
        "The database {path} is in use by another process (an import, perhaps). Try again shortly.",
    ),
    "dash.error.open": _(
        "Klarte ikke å åpne databasen. Feilen står i serverens logg.",
        "Could not open the database. The error is in the server's log.",
    ),
    "dash.not_filtered": _(
        "Utvalget i menyen gjelder ikke her: en import vises i sin helhet.",
        "The selection in the menu does not apply here: an import is shown whole.",
    ),
    # common words
    "dash.yes": _("Ja", "Yes"),
    "dash.no": _("Nei", "No"),
    "dash.part1": _("Oslomodellen del 1", "Oslo model part 1"),
    "dash.part2": _("Oslomodellen del 2", "Oslo model part 2"),
    "dash.covered": _("Har krav", "Clauses set"),
    "dash.not_covered": _("Mangler krav", "Clauses missing"),
    "dash.coverage.hover.covered": _(
        "{n} kontrakter har krav ({pct})", "{n} contracts with clauses ({pct})"
    ),
    "dash.coverage.hover.not_covered": _(
        "{n} kontrakter mangler krav ({pct})", "{n} contracts without clauses ({pct})"
    ),
    "dash.central": _("Sentral fabrikk", "Central factory"),
    "dash.n_of_m": _("{n} av {m}", "{n} of {m}"),
    "dash.pp": _("%-poeng", "pp"),
    "dash.unchanged": _("uendret", "unchanged"),
    "dash.since_quarter": _(
        "siden forrige kvartal ({date})", "since the previous quarter ({date})"
    ),
    "dash.since_import": _(
        "siden forrige import (nr. {import_id})", "since the previous import (no. {import_id})"
    ),
    "dash.link.help": _("Åpner kontraktsiden", "Opens the contract page"),
    "dash.download.csv": _("Last ned CSV", "Download CSV"),
    "dash.download.xlsx": _("Last ned Excel", "Download Excel"),
    "dash.imported": _("Importert", "Imported"),
    "dash.rejected": _("Avvist", "Rejected"),
    "dash.map.by_country": _(
        "Uten koordinater: plassert i landet", "No coordinates: placed in its country"
    ),
    "dash.timeline.as_of": _("Per {date}", "As of {date}"),
    "dash.timeline.n_deadlines": _("<b>{n} frister</b>", "<b>{n} deadlines</b>"),
    "dash.trend.overdue": _("Overskredne frister", "Overdue deadlines"),
    "dash.trend.open_findings": _("Åpne avvik", "Open findings"),
    "dash.gap.missing": _("Krav mangler", "Clauses missing"),
    "dash.gap.unknown": _("Ikke oppgitt", "Not stated"),
    "dash.status.overdue": _("Over frist", "Overdue"),
    "dash.status.met_late": _("Innfridd for sent", "Met late"),
    "dash.status.upcoming": _("Kommende", "Upcoming"),
    "dash.status.met_on_time": _("Innfridd i tide", "Met on time"),
    # headline figures (Oversikt)
    "dash.headline.part1": _(
        "Oslomodellen del 1: seriøsitetskrav", "Oslo model part 1: seriousness clauses"
    ),
    "dash.headline.part1.help": _(
        "Andel relevante kontrakter med Oslomodellens seriøsitetskrav mot arbeidslivskriminalitet.",
        "Share of relevant contracts with the Oslo model's seriousness clauses against labour "
        "crime.",
    ),
    "dash.headline.part2": _(
        "Oslomodellen del 2: etisk handel", "Oslo model part 2: ethical trade"
    ),
    "dash.headline.part2.help": _(
        "Andel relevante kontrakter med krav om etisk handel (ILO, menneskerettigheter).",
        "Share of relevant contracts with ethical-trade clauses (ILO, human rights).",
    ),
    "dash.headline.dialogue": _(
        "Sosial dialog startet ved sentrale fabrikker",
        "Social dialogue started at central factories",
    ),
    "dash.headline.dialogue.help": _(
        "Andel sentrale fabrikker der sosial dialog er gjennomført eller pågår.",
        "Share of central factories where social dialogue is implemented or in progress.",
    ),
    "dash.headline.overdue": _("Overskredne frister", "Overdue deadlines"),
    "dash.headline.overdue.help": _(
        "Frister som ikke var innfridd per dato: sosial dialog, årlig dokumentasjon, tiltaksplan "
        "og milepæler.",
        "Deadlines not met as of the date: social dialogue, annual documentation, action plan "
        "and milestones.",
    ),
    "dash.headline.findings": _(
        "Åpne kritiske og alvorlige avvik", "Open critical and major findings"
    ),
    "dash.headline.findings.help": _(
        "Avvik fra revisjoner som ikke var lukket per dato, med alvorlighet kritisk eller alvorlig.",
        "Audit findings not closed as of the date, of severity critical or major.",
    ),
    # Oversikt
    "dash.overview.intro": _(
        "Status for de etiske kravene i Oslo kommunes kontrakter, med endring siden forrige "
        "kvartal.",
        "The state of the ethical requirements in Oslo's contracts, with the change since the "
        "previous quarter.",
    ),
    "dash.overview.changes": _(
        "Pilene viser endringen siden {date}, ett kvartal tidligere, med samme utvalg og "
        "dataene slik de var den dagen.",
        "The arrows show the change since {date}, a quarter earlier, with the same selection and "
        "the data as they stood that day.",
    ),
    "dash.overview.coverage": _(
        "Oslomodellen: kontrakter med krav", "Oslo model: contracts with clauses"
    ),
    "dash.overview.dialogue": _(
        "Sosial dialog ved sentrale fabrikker", "Social dialogue at central factories"
    ),
    "dash.overview.deadlines": _("Frister etter status", "Deadlines by status"),
    "dash.overview.findings": _("Åpne avvik etter alvorlighet", "Open findings by severity"),
    "dash.overview.trend": _("Utviklingen de siste to årene", "The last two years"),
    "dash.overview.trend.note": _(
        "Overskredne frister og åpne avvik per dato og på samme dag i hvert av de sju kvartalene "
        "før, med dagens data.",
        "Overdue deadlines and open findings as of the date and on the same day of each of the "
        "seven quarters before, from today's data.",
    ),
    "dash.overview.to_oslo": _(
        "Dekning per virksomhet og handlingsliste", "Coverage per agency and action list"
    ),
    "dash.overview.to_dialogue": _("Fabrikker og kart", "Factories and map"),
    "dash.overview.to_deadlines": _("Alle frister og avvik", "All deadlines and findings"),
    # Oslomodellen
    "dash.oslo.intro": _(
        "Hvor stor andel av de relevante kontraktene som har Oslomodellens krav: del 1 "
        "(seriøsitetskrav) og del 2 (etisk handel).",
        "How large a share of the relevant contracts carry the Oslo model's clauses: part 1 "
        "(seriousness) and part 2 (ethical trade).",
    ),
    "dash.oslo.rules.title": _("Slik regnes det", "How it is counted"),
    "dash.oslo.rules": _(
        "- **Del 1** er relevant der eksporten sier det, ellers for kategoriene {categories} "
        "med verdi minst {part1_min}.\n"
        "- **Del 2** er relevant der eksporten sier det, ellers for høyrisikokontrakter "
        "(DFØs liste) med verdi minst {part2_min}.\n"
        "- **Dekning** = relevante kontrakter med krav / relevante kontrakter. Er kravfeltet tomt, "
        "telles kontrakten som uten krav.",
        "- **Part 1** is relevant where the export says so, else for the categories "
        "{categories} with a value of at least {part1_min}.\n"
        "- **Part 2** is relevant where the export says so, else for high-risk contracts "
        "(DFØ's list) with a value of at least {part2_min}.\n"
        "- **Coverage** = relevant contracts with clauses / relevant contracts. A blank clauses "
        "field counts as no clauses.",
    ),
    "dash.oslo.metric.part1": _("Del 1: dekning", "Part 1: coverage"),
    "dash.oslo.metric.part2": _("Del 2: dekning", "Part 2: coverage"),
    "dash.oslo.lacking": _("Kontrakter som mangler krav", "Contracts lacking clauses"),
    "dash.oslo.lacking.caption": _(
        "Relevante for del 1 eller del 2, uten kravene", "Relevant for part 1 or 2, without them"
    ),
    "dash.oslo.lacking_value": _("Verdi uten krav (kr)", "Value without clauses (NOK)"),
    "dash.oslo.lacking_value.caption": _(
        "Samlet verdi av kontraktene i handlingslisten", "Total value of the action list"
    ),
    "dash.oslo.by_group": _("Dekning per gruppe", "Coverage by group"),
    "dash.oslo.measure": _("Andel av", "Share of"),
    "dash.oslo.measure.count": _("Antall kontrakter", "Number of contracts"),
    "dash.oslo.measure.value": _("Kontraktsverdi", "Contract value"),
    "dash.oslo.measure.help": _(
        "Antall: hver kontrakt teller likt. Verdi: store kontrakter teller mer.",
        "Number: every contract counts the same. Value: large contracts count more.",
    ),
    "dash.oslo.dim.agency": _("Virksomhet", "Agency"),
    "dash.oslo.dim.category": _("Kategori", "Category"),
    "dash.oslo.dim.start_year": _("Startår", "Start year"),
    "dash.oslo.agency.note": _(
        "En rammeavtale telles hos eieren og hos hver virksomhet som gjør avrop på den, slik "
        "virksomhetsfilteret gjør. Radene summerer derfor ikke til totalen.",
        "A framework agreement counts for its owner and for every agency with call-offs on it, "
        "as the agency filter does. Rows therefore do not add up to the total.",
    ),
    "dash.oslo.top_note": _(
        "De {n} med lavest dekning; alle står i tabellen under.",
        "The {n} with the lowest coverage; all are in the table below.",
    ),
    "dash.oslo.none_relevant": _(
        "Ingen kontrakter i utvalget er relevante for Oslomodellen.",
        "No contract in the selection is relevant for the Oslo model.",
    ),
    "dash.oslo.actions": _(
        "Handlingsliste: relevante kontrakter uten krav",
        "Action list: relevant contracts without clauses",
    ),
    "dash.oslo.actions.intro": _(
        "Største verdi først. «Ikke oppgitt» betyr at kravfeltet er tomt i eksporten.",
        'Largest value first. "Not stated" means the clauses field is blank in the export.',
    ),
    "dash.oslo.actions.none": _(
        "Alle relevante kontrakter i utvalget har kravene. Bra!",
        "Every relevant contract in the selection carries the clauses. Well done!",
    ),
    "dash.oslo.all_contracts": _(
        "Kontraktene i utvalget som er i kraft", "The contracts in the selection in force"
    ),
    "dash.oslo.in_force.note": _(
        "Dekningstallene, handlingslisten og fordelingen per virksomhet og kategori gjelder "
        "kontraktene som er i kraft {date} (startet og ikke avsluttet).",
        "The coverage figures, the action list and the breakdown by agency and category cover "
        "the contracts in force on {date} (started and not ended).",
    ),
    "dash.oslo.start_year.note": _(
        "Årlig gjennomgang: per startår regnes alle kontrakter som startet til og med {date}, "
        "i året de startet, også de som er avsluttet. Tallene her er derfor ikke de samme som "
        "dekningen over.",
        "Yearly review: by start year, every contract started on or before {date} counts, in "
        "the year it started, ended or not. These figures therefore differ from the coverage "
        "above.",
    ),
    # Sosial dialog
    "dash.dialogue.intro": _(
        "Sosial dialog ved leverandørenes fabrikker: status, verktøy, opplæring og fristen på "
        "seks måneder fra kontraktsstart for de sentrale fabrikkene.",
        "Social dialogue at the suppliers' factories: status, tool, training, and the six-month "
        "deadline from contract start for the central factories.",
    ),
    "dash.dialogue.none": _(
        "Ingen fabrikker hører til kontraktene i utvalget.",
        "No factories belong to the contracts in the selection.",
    ),
    "dash.dialogue.central": _("Sentrale fabrikker", "Central factories"),
    "dash.dialogue.central.caption": _("av {total} fabrikker i alt", "of {total} factories in all"),
    "dash.dialogue.started": _("Dialog startet", "Dialogue started"),
    "dash.dialogue.requirement": _("Krav i kontrakten", "Required by contract"),
    "dash.dialogue.top_note": _(
        "De {n} med flest fabrikker; alle står i tabellen nederst.",
        "The {n} with the most factories; all are in the table at the bottom.",
    ),
    "dash.dialogue.not_started": _("Sentrale uten startet dialog", "Central, dialogue not started"),
    "dash.dialogue.not_started.caption": _(
        "Status ikke rapportert, ikke startet eller planlagt",
        "Status not reported, not started or planned",
    ),
    "dash.dialogue.late": _("Over seksmånedersfristen", "Past the six-month deadline"),
    "dash.dialogue.late.caption": _(
        "Sentrale fabrikker der dialogen ikke var startet innen fristen",
        "Central factories without dialogue started by the deadline",
    ),
    "dash.dialogue.actions": _(
        "Sentrale fabrikker som ikke har startet sosial dialog",
        "Central factories that have not started social dialogue",
    ),
    "dash.dialogue.actions.intro": _(
        "Lengst over fristen først. «Dager etter frist» er negativt når fristen ennå ikke er nådd.",
        'Furthest past the deadline first. "Days late" is negative while the deadline is still '
        "ahead.",
    ),
    "dash.dialogue.actions.none": _(
        "Alle sentrale fabrikker i utvalget har startet sosial dialog.",
        "Every central factory in the selection has started social dialogue.",
    ),
    "dash.dialogue.only_central": _("Vis bare sentrale fabrikker", "Show central factories only"),
    "dash.dialogue.only_central.help": _(
        "Gjelder kartet, fordelingene og tabellen under.",
        "Applies to the map, the breakdowns and the table below.",
    ),
    "dash.dialogue.map": _("Fabrikker etter status", "Factories by status"),
    "dash.dialogue.map.alt": _(
        "Verdenskart over fabrikkene, farget og merket etter status for sosial dialog",
        "World map of the factories, coloured and marked by social dialogue status",
    ),
    "dash.dialogue.map.note": _(
        "Store merker: sentrale fabrikker. Åpen firkant: ikke rapportert, kryss: ikke startet, "
        "ring: planlagt, punkt: pågår, rute: gjennomført. Fabrikker uten koordinater står midt "
        "i landet sitt.",
        "Large marks: central factories. Open square: not reported, cross: not started, "
        "ring: planned, dot: in progress, diamond: implemented. Factories without coordinates "
        "sit in the middle of their country.",
    ),
    "dash.dialogue.by": _("Status per leverandør og land", "Status by supplier and country"),
    "dash.dialogue.by_supplier": _("Leverandør", "Supplier"),
    "dash.dialogue.by_country": _("Land", "Country"),
    "dash.dialogue.progress": _(
        "Fremdrift per kontrakt med krav om sosial dialog",
        "Progress per contract requiring social dialogue",
    ),
    "dash.dialogue.progress.intro": _(
        "Andel av kontraktens sentrale fabrikker i hver status.",
        "Share of the contract's central factories in each status.",
    ),
    "dash.dialogue.progress.none": _(
        "Ingen kontrakter i utvalget har krav om sosial dialog med sentrale fabrikker.",
        "No contract in the selection requires social dialogue at central factories.",
    ),
    "dash.dialogue.all": _("Alle fabrikker", "All factories"),
    # Frister og avvik
    "dash.deadlines.intro": _(
        "Alle frister av de fire slagene: sosial dialog, årlig dokumentasjon, tiltaksplaner etter "
        "revisjon og milepæler. Over frist først, lengst over først.",
        "Every deadline of the four kinds: social dialogue, annual documentation, action plans "
        "after audits and milestones. Overdue first, most days late first.",
    ),
    "dash.deadlines.window": _("Kommende frister innen", "Upcoming deadlines within"),
    "dash.deadlines.days": _("{n} dager", "{n} days"),
    "dash.deadlines.doc_k": _("Dokumentasjon år {k}", "Documentation, year {k}"),
    "dash.deadlines.overdue.caption": _(
        "Ikke innfridd, fristen er passert", "Not met, deadline passed"
    ),
    "dash.deadlines.upcoming_within": _("Kommende innen {n} dager", "Due within {n} days"),
    "dash.deadlines.upcoming.caption": _("av {n} kommende i alt", "of {n} upcoming in all"),
    "dash.deadlines.met_late.caption": _("{n} innfridd i tide", "{n} met on time"),
    "dash.deadlines.findings_overdue": _(
        "Avvik over tiltaksfristen", "Findings past action deadline"
    ),
    "dash.deadlines.findings_overdue.caption": _("av {n} åpne avvik", "of {n} open findings"),
    "dash.deadlines.tab.overdue": _("Over frist ({n})", "Overdue ({n})"),
    "dash.deadlines.tab.upcoming": _(
        "Kommende innen {days} dager ({n})", "Due within {days} days ({n})"
    ),
    "dash.deadlines.tab.met_late": _("Innfridd for sent ({n})", "Met late ({n})"),
    "dash.deadlines.tab.all": _("Alle frister ({n})", "All deadlines ({n})"),
    "dash.deadlines.none_overdue": _(
        "Ingen frister er over tid. Bra!", "No deadline is overdue. Well done!"
    ),
    "dash.deadlines.none_upcoming": _(
        "Ingen frister i denne perioden.", "No deadlines in this period."
    ),
    "dash.deadlines.none_met_late": _(
        "Ingen frister innfridd for sent.", "No deadline was met late."
    ),
    "dash.deadlines.timeline": _("Tidslinje", "Timeline"),
    "dash.deadlines.timeline.caption": _(
        "Frister fra {start} til {end}. Et større punkt samler flere frister av samme slag og "
        "status samme dag; hold over det for å se hvor mange.",
        "Deadlines from {start} to {end}. A larger point gathers several deadlines of one kind "
        "and status on the same day; hover over it to see how many.",
    ),
    "dash.deadlines.by_kind": _("Frister per slag", "Deadlines by kind"),
    "dash.deadlines.by_agency": _("Frister per virksomhet", "Deadlines by agency"),
    "dash.deadlines.by_agency.caption": _(
        "Virksomheten som eier kontrakten og følger opp fristen; de {n} med flest frister over "
        "tid. Alle står i tabellen under.",
        "The agency that owns the contract and follows up the deadline; the {n} with the most "
        "overdue deadlines. All are in the table below.",
    ),
    "dash.deadlines.by_agency.table": _(
        "Tabell: frister per virksomhet", "Table: deadlines by agency"
    ),
    "dash.deadlines.findings": _(
        "Åpne avvik etter område og alvorlighet", "Open findings by area and severity"
    ),
    "dash.deadlines.no_open_findings": _(
        "Ingen åpne avvik per denne datoen.", "No open findings as of this date."
    ),
    # Kontrakt
    "dash.contract.intro": _(
        "Alt om én kontrakt: krav, fabrikker, revisjoner, avvik, frister og dokumentasjon.",
        "Everything about one contract: clauses, factories, audits, findings, deadlines and "
        "documentation.",
    ),
    "dash.contract.choose": _("Kontrakt", "Contract"),
    "dash.contract.choose.help": _(
        "Skriv for å søke på id, tittel eller virksomhet.", "Type to search by id, title or agency."
    ),
    "dash.contract.outside": _("utenfor utvalget", "outside the selection"),
    "dash.contract.not_in_force": _(
        "Kontrakten er ikke i kraft {date} (perioden er {period}). Nøkkeltallene per denne "
        "datoen regner den ikke med, og fristene og avvikene under vises ikke. Velg en dato i "
        "kontraktsperioden for å se dem.",
        "The contract is not in force on {date} (its period is {period}). The key figures as "
        "of that date leave it out, and its deadlines and findings are not shown below. Choose a "
        "date within the contract's period to see them.",
    ),
    "dash.contract.outside.note": _(
        "Denne kontrakten er ikke med i utvalget i menyen, men vises likevel.",
        "This contract is not in the selection in the menu, but is shown all the same.",
    ),
    "dash.contract.not_available": _(
        "Kontrakten {contract_id} finnes ikke i dataene, eller du har ikke tilgang til den. "
        "Velg en annen kontrakt i listen.",
        "Contract {contract_id} is not in the data, or you do not have access to it. "
        "Choose another contract from the list.",
    ),
    "dash.contract.not_available_any": _(
        "Kontrakten i lenken finnes ikke i dataene, eller du har ikke tilgang til den. "
        "Velg en annen kontrakt i listen.",
        "The contract in the link is not in the data, or you do not have access to it. "
        "Choose another contract from the list.",
    ),
    "dash.contract.orgnr": _("org.nr.", "org. no."),
    "dash.contract.calloffs_more": _(
        "{first} og {n} til (se fanen Avrop)", "{first} and {n} more (see the Call-offs tab)"
    ),
    "dash.contract.period": _("Periode", "Period"),
    "dash.contract.open_ended": _("løpende", "open-ended"),
    "dash.contract.sd_required": _("Krav om sosial dialog", "Social dialogue required"),
    "dash.contract.oslo": _("Oslomodellen", "Oslo model"),
    "dash.contract.not_relevant": _("ikke relevant", "not relevant"),
    "dash.contract.covered": _("krav satt", "clauses set"),
    "dash.contract.reason.export": _(
        "Relevans oppgitt i eksporten", "Relevance given in the export"
    ),
    "dash.contract.reason.rule": _(
        "Relevans etter regelen (kategori, risiko og verdi)",
        "Relevance by the rule (category, risk and value)",
    ),
    "dash.contract.factories": _("Fabrikker", "Factories"),
    "dash.contract.central": _("Sentrale: {n}", "Central: {n}"),
    "dash.contract.upcoming": _("Kommende: {n}", "Upcoming: {n}"),
    "dash.contract.open_findings": _("Åpne avvik", "Open findings"),
    "dash.contract.audits": _("Revisjoner: {n}", "Audits: {n}"),
    "dash.contract.documentation": _("Dokumentasjon mottatt", "Documentation received"),
    "dash.contract.documentation.caption": _(
        "Årlig dokumentasjon av sosial dialog", "Annual documentation of social dialogue"
    ),
    "dash.contract.timeline": _("Kontraktens frister", "The contract's deadlines"),
    "dash.contract.no_deadlines": _(
        "Kontrakten har ingen frister.", "The contract has no deadlines."
    ),
    "dash.contract.none": _("Ingen.", "None."),
    "dash.contract.tab.factories": _("Fabrikker ({n})", "Factories ({n})"),
    "dash.contract.tab.deadlines": _("Frister ({n})", "Deadlines ({n})"),
    "dash.contract.tab.findings": _("Avvik ({n})", "Findings ({n})"),
    "dash.contract.tab.audits": _("Revisjoner ({n})", "Audits ({n})"),
    "dash.contract.tab.documentation": _("Dokumentasjon ({n})", "Documentation ({n})"),
    "dash.contract.tab.calloffs": _("Avrop ({n})", "Call-offs ({n})"),
    "dash.contract.calloffs_others": _(
        "Andre virksomheter i alt ({agencies} virksomheter, {rows} avrop)",
        "Other agencies in all ({agencies} agencies, {rows} call-offs)",
    ),
    "dash.contract.calloffs_others.caption": _(
        "Du ser avropene til dine virksomheter; de andre virksomhetenes avrop på avtalen vises"
        " bare som én sum.",
        "You see your agencies' call-offs; the other agencies' call-offs on the agreement are"
        " shown only as one total.",
    ),
    # Datakvalitet
    "dash.quality.intro": _(
        "Hva siste import leste, hva som ble avvist og hvorfor, og alle importer så langt.",
        "What the last import read, what was rejected and why, and every import so far.",
    ),
    "dash.quality.current": _(
        "Dataene som vises, kommer fra **import nr. {import_id}**, publisert {when} av {who}. {note}",
        "The data shown comes from **import no. {import_id}**, published {when} by {who}. {note}",
    ),
    "dash.quality.files": _("Filer", "Files"),
    "dash.quality.rows_read": _("Rader lest", "Rows read"),
    "dash.quality.rows_imported": _("Rader importert", "Rows imported"),
    "dash.quality.rows_rejected": _("Rader avvist", "Rows rejected"),
    "dash.quality.share_rejected": _("{pct} av radene", "{pct} of the rows"),
    "dash.quality.per_file": _("Rader per fil", "Rows per file"),
    "dash.quality.reasons": _("Avvisninger etter årsak", "Rejections by reason"),
    "dash.quality.files_table": _("Filer i importen", "Files of the import"),
    "dash.quality.no_files": _("Importen leste ingen filer.", "The import read no files."),
    "dash.quality.rejects": _("Avviste rader ({n} problemer)", "Rejected rows ({n} problems)"),
    "dash.quality.values_hidden": _(
        "Du har bare tilgang til enkelte virksomheter, og en avvist rad kan høre til hvilken som helst "
        "virksomhet. Derfor vises hvor og hvorfor rader ble avvist, men ikke verdiene i dem.",
        "You have access to some agencies only, and a rejected row may belong to any agency. "
        "So where and why rows were rejected is shown, but not the values in them.",
    ),
    "dash.quality.rejects.intro": _(
        "Linjenummeret er filens eget (overskriften er linje 1). En rad med to feil står to "
        "ganger. Rett radene i kildesystemet og importer på nytt.",
        "Line numbers are the file's own (the header is line 1). A row with two problems is "
        "listed twice. Fix the rows at the source and import again.",
    ),
    "dash.quality.no_rejects": _("Ingen rader ble avvist.", "No rows were rejected."),
    "dash.quality.unknown": _("Ukjente kolonner (lagt til side)", "Unknown columns (kept aside)"),
    "dash.quality.no_unknown": _("Ingen ukjente kolonner.", "No unknown columns."),
    "dash.quality.history": _("Importhistorikk", "Import history"),
    "dash.action.import": _("Import", "Import"),
    "dash.action.rollback": _("Tilbakerulling", "Rollback"),
    # tables
    "dash.table.contracts": _("Kontrakter", "Contracts"),
    "dash.table.factories": _("Fabrikker", "Factories"),
    "dash.table.audits": _("Revisjoner", "Audits"),
    "dash.table.findings": _("Avvik", "Findings"),
    "dash.table.documentation": _("Dokumentasjon", "Documentation"),
    "dash.table.milestones": _("Frister", "Milestones"),
    "dash.table.agencies": _("Virksomheter", "Agencies"),
    "dash.table.calloffs": _("Avrop", "Call-offs"),
    # reject reasons (codes of the importer)
    # column headers
    "dash.col.contract": _("Kontrakt", "Contract"),
    "dash.col.title": _("Tittel", "Title"),
    "dash.col.agency": _("Virksomhet", "Agency"),
    "dash.col.calloff_agencies": _("Avrop fra", "Call-offs by"),
    "dash.col.supplier": _("Leverandør", "Supplier"),
    "dash.col.category": _("Kategori", "Category"),
    "dash.col.contract_type": _("Kontraktstype", "Contract type"),
    "dash.col.value": _("Verdi", "Value"),
    "dash.col.high_risk": _("Høyrisiko", "High risk"),
    "dash.col.start_date": _("Startdato", "Start date"),
    "dash.col.end_date": _("Sluttdato", "End date"),
    "dash.col.contracts": _("Kontrakter", "Contracts"),
    "dash.col.part1_relevant": _("Del 1 relevante", "Part 1 relevant"),
    "dash.col.part1_covered": _("Del 1 med krav", "Part 1 with clauses"),
    "dash.col.part1_coverage": _("Del 1 dekning", "Part 1 coverage"),
    "dash.col.part1_value_coverage": _("Del 1 dekning (verdi)", "Part 1 coverage (value)"),
    "dash.col.part2_relevant": _("Del 2 relevante", "Part 2 relevant"),
    "dash.col.part2_covered": _("Del 2 med krav", "Part 2 with clauses"),
    "dash.col.part2_coverage": _("Del 2 dekning", "Part 2 coverage"),
    "dash.col.part2_value_coverage": _("Del 2 dekning (verdi)", "Part 2 coverage (value)"),
    "dash.col.part1_gap": _("Del 1", "Part 1"),
    "dash.col.part2_gap": _("Del 2", "Part 2"),
    "dash.col.part1_is_relevant": _("Del 1 relevant", "Part 1 relevant"),
    "dash.col.part1_is_covered": _("Del 1 krav", "Part 1 clauses"),
    "dash.col.part2_is_relevant": _("Del 2 relevant", "Part 2 relevant"),
    "dash.col.part2_is_covered": _("Del 2 krav", "Part 2 clauses"),
    "dash.col.factory": _("Fabrikk", "Factory"),
    "dash.col.factory_id": _("Fabrikk-ID", "Factory id"),
    "dash.col.country": _("Land", "Country"),
    "dash.col.city": _("By", "City"),
    "dash.col.central": _("Sentral", "Central"),
    "dash.col.dialogue_status": _("Sosial dialog", "Social dialogue"),
    "dash.col.tool": _("Verktøy", "Tool"),
    "dash.col.started": _("Startet", "Started"),
    "dash.col.dialogue_due": _("Frist (6 mnd.)", "Deadline (6 months)"),
    "dash.col.days_late": _("Dager etter frist", "Days late"),
    "dash.col.days_vs_deadline": _("Dager etter frist (− = før)", "Days late (− = ahead)"),
    "dash.col.deadline_status": _("Status", "Status"),
    "dash.col.workers": _("Arbeidere", "Workers"),
    "dash.col.trained_share": _("Andel opplært", "Share trained"),
    "dash.col.worker_committee": _("Arbeiderkomité", "Worker committee"),
    "dash.col.partner": _("Samarbeidspartner", "Partner"),
    "dash.col.kind": _("Slag", "Kind"),
    "dash.col.what": _("Gjelder", "Concerns"),
    "dash.col.due_date": _("Frist", "Due"),
    "dash.col.due": _("Frist", "Due"),  # pages/importer.py's name for the same header
    "dash.col.met_date": _("Innfridd", "Met"),
    "dash.col.finding": _("Avvik", "Finding"),
    "dash.col.severity": _("Alvorlighet", "Severity"),
    "dash.col.area": _("Område", "Area"),
    "dash.col.description": _("Beskrivelse", "Description"),
    "dash.col.action_due": _("Frist i tiltaksplan", "Action-plan deadline"),
    "dash.col.days_past_due": _("Dager over tiltaksfrist", "Days past action deadline"),
    "dash.col.closed_date": _("Lukket", "Closed"),
    "dash.col.is_open": _("Åpent", "Open"),
    "dash.col.audit": _("Revisjon", "Audit"),
    "dash.col.audit_date": _("Revisjonsdato", "Audit date"),
    "dash.col.audit_type": _("Revisjonstype", "Audit type"),
    "dash.col.auditor": _("Revisor", "Auditor"),
    "dash.col.findings": _("Avvik", "Findings"),
    "dash.col.open_findings": _("Åpne avvik", "Open findings"),
    "dash.col.after_as_of": _("Etter valgt dato", "After the chosen date"),
    "dash.col.k": _("År nr.", "Year no."),
    "dash.col.received_date": _("Mottatt", "Received"),
    "dash.col.year": _("År", "Year"),
    "dash.col.amount": _("Beløp", "Amount"),
    "dash.col.file": _("Fil", "File"),
    "dash.col.sheet": _("Ark", "Sheet"),
    "dash.col.table": _("Tabell", "Table"),
    "dash.col.rows_read": _("Rader lest", "Rows read"),
    "dash.col.rows_imported": _("Importert", "Imported"),
    "dash.col.rows_rejected": _("Avvist", "Rejected"),
    "dash.col.unknown_columns": _("Ukjente kolonner", "Unknown columns"),
    "dash.col.encoding": _("Tegnsett", "Encoding"),
    "dash.col.delimiter": _("Skilletegn", "Delimiter"),
    "dash.col.line": _("Linje", "Line"),
    "dash.col.column": _("Kolonne", "Column"),
    "dash.col.value_given": _("Verdi i filen", "Value in the file"),
    "dash.col.reason": _("Årsak", "Reason"),
    "dash.col.rows_with_value": _("Rader med verdi", "Rows with a value"),
    "dash.col.example": _("Eksempel", "Example"),
    "dash.col.import_id": _("Import nr.", "Import no."),
    "dash.col.action": _("Handling", "Action"),
    "dash.col.data_import_id": _("Data fra import", "Data from import"),
    "dash.col.is_current": _("Vises nå", "Shown now"),
    "dash.col.created_at": _("Tidspunkt", "When"),
    "dash.col.created_by": _("Av", "By"),
    "dash.col.note": _("Merknad", "Note"),
    "dash.col.files": _("Filer", "Files"),
}
