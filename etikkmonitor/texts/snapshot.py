"""Texts of the PDF status snapshot (etikkmonitor/snapshot.py)."""

TEXT = {
    "snapshot.org": {"nb": "Oslo kommune · Etikkmonitor", "en": "City of Oslo · Etikkmonitor"},
    "snapshot.title": {
        "nb": "Etisk handel i Oslo kommunes kontrakter",
        "en": "Ethical trade in the City of Oslo's contracts",
    },
    "snapshot.subtitle": {"nb": "Status per {date}", "en": "Status as of {date}"},
    # the box under the title
    "snapshot.covers": {"nb": "Omfatter", "en": "Covers"},
    "snapshot.covers_all": {"nb": "alle virksomheter", "en": "all agencies"},
    "snapshot.covers_agencies": {
        "nb": "{agencies} (kontrakter virksomheten eier eller gjør avrop på)",
        "en": "{agencies} (contracts the agency owns or buys on through call-offs)",
    },
    "snapshot.n_contracts.one": {"nb": "{n} kontrakt", "en": "{n} contract"},
    "snapshot.n_contracts.other": {"nb": "{n} kontrakter", "en": "{n} contracts"},
    "snapshot.filter.categories": {"nb": "kategori", "en": "category"},
    "snapshot.filter.suppliers": {"nb": "leverandør", "en": "supplier"},
    "snapshot.filter.countries": {"nb": "fabrikkland", "en": "factory country"},
    "snapshot.filter.contract_types": {"nb": "kontraktstype", "en": "contract type"},
    "snapshot.compared": {"nb": "Endring siden", "en": "Change since"},
    "snapshot.compared_quarter": {
        "nb": "{date} (ett kvartal tidligere)",
        "en": "{date} (one quarter earlier)",
    },
    "snapshot.data": {"nb": "Datagrunnlag", "en": "Data"},
    "snapshot.imported": {
        "nb": "import nr. {id}, lastet inn {date} kl. {time}",
        "en": "import no. {id}, loaded {date} at {time}",
    },
    "snapshot.no_import": {"nb": "ingen data er lastet inn", "en": "no data has been loaded"},
    # key figures
    "snapshot.key_figures": {"nb": "Hovedtall", "en": "Key figures"},
    "snapshot.caption.part1": {
        "nb": "Oslomodellen del 1: seriøsitetskrav",
        "en": "Oslo model part 1: seriousness clauses",
    },
    "snapshot.caption.part2": {
        "nb": "Oslomodellen del 2: etisk handel",
        "en": "Oslo model part 2: ethical trade",
    },
    "snapshot.caption.dialogue": {
        "nb": "Sentrale fabrikker med sosial dialog",
        "en": "Central factories with social dialogue",
    },
    "snapshot.caption.overdue": {"nb": "Overskredne frister", "en": "Overdue deadlines"},
    "snapshot.caption.findings": {
        "nb": "Åpne kritiske og alvorlige avvik",
        "en": "Open critical and major findings",
    },
    "snapshot.of": {"nb": "{a} av {b}", "en": "{a} of {b}"},
    "snapshot.change.unchanged": {"nb": "uendret", "en": "unchanged"},
    "snapshot.change.pp.one": {"nb": "{n} prosentpoeng", "en": "{n} percentage point"},
    "snapshot.change.pp.other": {"nb": "{n} prosentpoeng", "en": "{n} percentage points"},
    "snapshot.change.since": {"nb": "siden {date}, da {was}", "en": "since {date}, was {was}"},
    "snapshot.change.na": {
        "nb": "kan ikke sammenlignes med {date}, da {was}",
        "en": "not comparable with {date}, was {was}",
    },
    "snapshot.definitions": {
        "nb": "Slik leses tallene: Tallene gjelder kontraktene som var i kraft {date} (startet "
        "og ikke avsluttet), og det som hører til dem. «Relevant» betyr at Oslomodellen gjelder for kontrakten: "
        "del 1 for {categories} fra {part1_min}, del 2 for kontrakter på DFØs høyrisikoliste fra "
        "{part2_min}, eller der kontraktsregisteret sier det. «Over frist» betyr at fristen var "
        "passert {date} uten at kravet var oppfylt. «Sentrale fabrikker» er leverandørens "
        "viktigste fabrikker for kontrakten; dialogen er startet når den pågår eller er "
        "gjennomført. Pilen viser om tallet har gått opp, ned eller er uendret.",
        "en": "How to read the figures: The figures cover the contracts in force on {date} "
        "(started and not ended) and what belongs to them. \u201cRelevant\u201d means the Oslo model applies to the "
        "contract: part 1 for {categories} from {part1_min}, part 2 for contracts on DFØ's "
        "high-risk list from {part2_min}, or where the contract register says so. \u201cOverdue\u201d "
        "means the deadline had passed on {date} without being met. \u201cCentral factories\u201d "
        "are the supplier's most important factories for the contract; dialogue has started "
        "when it is in progress or implemented. The arrow shows whether a figure went up, down "
        "or stayed the same.",
    },
    # charts
    "snapshot.chart.coverage": {
        "nb": "Andel relevante kontrakter med krav, per virksomhet",
        "en": "Share of relevant contracts with clauses, by agency",
    },
    "snapshot.chart.coverage_note": {
        "nb": "En virksomhet regnes med for kontrakter den eier eller gjør avrop på.",
        "en": "An agency counts the contracts it owns or buys on through call-offs.",
    },
    "snapshot.chart.coverage_more": {
        "nb": "Viser de {shown} virksomhetene med flest relevante kontrakter; {hidden} til er "
        "ikke vist.",
        "en": "Shows the {shown} agencies with most relevant contracts; {hidden} more are not "
        "shown.",
    },
    "snapshot.chart.total": {"nb": "Alle i utvalget", "en": "All selected"},
    "snapshot.chart.part1": {"nb": "Del 1: seriøsitetskrav", "en": "Part 1: seriousness clauses"},
    "snapshot.chart.part2": {"nb": "Del 2: etisk handel", "en": "Part 2: ethical trade"},
    "snapshot.chart.not_relevant": {"nb": "ingen relevante", "en": "none relevant"},
    "snapshot.chart.dialogue": {
        "nb": "Sosial dialog ved sentrale fabrikker, per land",
        "en": "Social dialogue at central factories, by country",
    },
    "snapshot.chart.dialogue_more": {
        "nb": "{hidden} land til med til sammen {n} sentrale fabrikker er ikke vist.",
        "en": "{hidden} more countries with {n} central factories in all are not shown.",
    },
    "snapshot.chart.factories_share": {
        "nb": "Andel av de sentrale fabrikkene (tallene i feltene er antall fabrikker)",
        "en": "Share of the central factories (the numbers in the bars count factories)",
    },
    "snapshot.chart.started": {"nb": "{a} av {b} startet", "en": "{a} of {b} started"},
    "snapshot.chart.no_factories": {
        "nb": "Ingen sentrale fabrikker i utvalget.",
        "en": "No central factories in the selection.",
    },
    "snapshot.chart.overdue": {
        "nb": "Overskredne frister per {date}, etter type",
        "en": "Overdue deadlines as of {date}, by kind",
    },
    "snapshot.chart.deadlines": {"nb": "Overskredne frister", "en": "Overdue deadlines"},
    "snapshot.chart.late_up_to_30": {"nb": "1–30 dager", "en": "1–30 days"},
    "snapshot.chart.late_31_to_90": {"nb": "31–90 dager", "en": "31–90 days"},
    "snapshot.chart.late_over_90": {"nb": "over 90 dager", "en": "over 90 days"},
    # the table of the most overdue items
    "snapshot.most_overdue.one": {
        "nb": "Fristen som er over tid",
        "en": "The overdue deadline",
    },
    "snapshot.most_overdue.other": {
        "nb": "De {n} fristene som er mest over tid",
        "en": "The {n} most overdue deadlines",
    },
    "snapshot.col.contract": {"nb": "Kontrakt", "en": "Contract"},
    "snapshot.col.agency": {"nb": "Virksomhet", "en": "Agency"},
    "snapshot.col.supplier": {"nb": "Leverandør", "en": "Supplier"},
    "snapshot.col.what": {"nb": "Hva", "en": "What"},
    "snapshot.col.due": {"nb": "Frist", "en": "Due"},
    "snapshot.col.days_late": {"nb": "Dager over", "en": "Days late"},
    "snapshot.what.documentation": {
        "nb": "Årlig dokumentasjon av sosial dialog, år {k}",
        "en": "Annual documentation of social dialogue, year {k}",
    },
    "snapshot.what.social_dialogue": {
        "nb": "Sosial dialog skulle vært startet: {factory}",
        "en": "Social dialogue should have started: {factory}",
    },
    "snapshot.what.action_plan": {
        "nb": "Tiltak mot {severity}: {description}",
        "en": "Action on {severity}: {description}",
    },
    "snapshot.what.milestone": {"nb": "Milepæl: {description}", "en": "Milestone: {description}"},
    "snapshot.severity.critical": {"nb": "kritisk avvik", "en": "critical finding"},
    "snapshot.severity.major": {"nb": "alvorlig avvik", "en": "major finding"},
    "snapshot.severity.minor": {"nb": "mindre avvik", "en": "minor finding"},
    "snapshot.severity.observation": {"nb": "observasjon", "en": "observation"},
    "snapshot.severity.unknown": {"nb": "avvik", "en": "finding"},
    "snapshot.none_overdue": {
        "nb": "Ingen frister var over tid {date}.",
        "en": "No deadlines were overdue on {date}.",
    },
    # footer
    "snapshot.footer": {
        "nb": "Etikkmonitor · status per {date} · samme tall som «etikkmonitor summary» "
        "for samme dato og utvalg · side {page} av {pages}",
        "en": "Etikkmonitor · status as of {date} · the same figures as \u201cetikkmonitor "
        "summary\u201d for the same date and selection · page {page} of {pages}",
    },
}
