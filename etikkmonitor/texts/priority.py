"""Words of the priority list (etikkmonitor/priority.py) and the Oppfølging page."""

TEXT = {
    # reasons: one per term of the score
    "priority.reason.product_risk": {
        "nb": "høyrisikoprodukt (DFØs liste)",
        "en": "high-risk product (DFØ's list)",
    },
    "priority.reason.value": {
        "nb": "kontraktsverdi {value}",
        "en": "contract value {value}",
    },
    "priority.reason.country_risk": {
        "nb": "fabrikk i {country} (ITUC {rating})",
        "en": "factory in {country} (ITUC {rating})",
    },
    "priority.reason.country_risk_default": {
        "nb": "fabrikk i {country} (ikke vurdert av ITUC, regnet som {rating})",
        "en": "factory in {country} (not rated by ITUC, counted as {rating})",
    },
    "priority.reason.findings.one": {"nb": "{parts} avvik åpent", "en": "{parts} finding open"},
    "priority.reason.findings.other": {
        "nb": "{parts} avvik åpne",
        "en": "{parts} findings open",
    },
    "priority.reason.overdue_one": {
        "nb": "1 frist overskredet med {days} dager",
        "en": "1 deadline overdue by {days} days",
    },
    "priority.reason.overdue_many": {
        "nb": "{n} frister overskredet, den eldste med {days} dager",
        "en": "{n} deadlines overdue, the oldest by {days} days",
    },
    "priority.reason.social_dialogue_one": {
        "nb": "1 sentral fabrikk uten sosial dialog",
        "en": "1 central factory without social dialogue",
    },
    "priority.reason.social_dialogue_many": {
        "nb": "{n} sentrale fabrikker uten sosial dialog",
        "en": "{n} central factories without social dialogue",
    },
    "priority.reason.audit": {
        "nb": "ingen revisjon siste {months} måneder",
        "en": "no audit in the last {months} months",
    },
    "priority.reason.audit_never": {
        "nb": "aldri revidert ({months} måneder siden kontraktstart)",
        "en": "never audited ({months} months since the contract started)",
    },
    "priority.reason.documentation_one": {
        "nb": "dokumentasjon av sosial dialog mangler for 1 år",
        "en": "documentation of social dialogue missing for 1 year",
    },
    "priority.reason.documentation_many": {
        "nb": "dokumentasjon av sosial dialog mangler for {n} år",
        "en": "documentation of social dialogue missing for {n} years",
    },
    "priority.and": {"nb": "og", "en": "and"},
    # severities as adjectives: singular, plural
    "priority.sev.critical": {"nb": "kritisk|kritiske", "en": "critical|critical"},
    "priority.sev.major": {"nb": "alvorlig|alvorlige", "en": "major|major"},
    "priority.sev.minor": {"nb": "mindre|mindre", "en": "minor|minor"},
    "priority.sev.observation": {
        "nb": "observasjon|observasjoner",
        "en": "observation|observation",
    },
    # next steps, most urgent first
    "priority.step.follow_up_audit": {"nb": "Oppfølgingsrevisjon", "en": "Follow-up audit"},
    "priority.step.supplier_meeting": {
        "nb": "Møte med leverandøren",
        "en": "Meeting with the supplier",
    },
    "priority.step.documentation_reminder": {
        "nb": "Purring på dokumentasjon",
        "en": "Reminder of documentation",
    },
    "priority.step.desk_audit": {"nb": "Skrivebordsrevisjon", "en": "Desk audit"},
    "priority.step.monitor": {
        "nb": "Ingen tiltak nå – følg med",
        "en": "No action now – keep watching",
    },
    # term names (page, exports)
    "priority.term.product_risk": {"nb": "Produktrisiko", "en": "Product risk"},
    "priority.term.value": {"nb": "Verdi", "en": "Value"},
    "priority.term.country_risk": {"nb": "Landrisiko", "en": "Country risk"},
    "priority.term.findings": {"nb": "Åpne avvik", "en": "Open findings"},
    "priority.term.overdue": {"nb": "Overskredne frister", "en": "Overdue deadlines"},
    "priority.term.social_dialogue": {
        "nb": "Sentrale fabrikker uten dialog",
        "en": "Central factories without dialogue",
    },
    "priority.term.audit": {"nb": "Tid siden revisjon", "en": "Time since audit"},
    "priority.term.documentation": {"nb": "Manglende dokumentasjon", "en": "Missing documentation"},
    # the Oppfølging page
    "priority.page.title": {"nb": "Oppfølging", "en": "Follow-up"},
    "priority.page.intro": {
        "nb": "Hvilke kontrakter og leverandører bør følges opp først, og hvorfor. Poengene "
        "legger sammen det dataene sier: produktrisiko, verdi, landrisiko, åpne avvik, "
        "overskredne frister, sentrale fabrikker uten sosial dialog, tid siden revisjon og manglende "
        "dokumentasjon. Bare kontrakter som løper på datoen er med.",
        "en": "Which contracts and suppliers to follow up first, and why. The points add up "
        "what the data says: product risk, value, country risk, open findings, overdue "
        "deadlines, central factories without social dialogue, time since audit and missing "
        "documentation. Only contracts in force on the date are included.",
    },
    "priority.not_verdict": {
        "nb": "Poengene er ingen dom over leverandøren: de viser hvor egne data tilsier at "
        "oppfølging trengs mest nå.",
        "en": "The points are no verdict on the supplier: they show where our own data say "
        "follow-up is most needed now.",
    },
    "priority.week": {"nb": "Denne uken", "en": "This week"},
    "priority.week.caption": {
        "nb": "De {n} kontraktene med flest poeng som har et neste steg, med grunnene.",
        "en": "The {n} contracts with the most points that have a next step, with the reasons.",
    },
    "priority.week.caption_one": {
        "nb": "Den ene kontrakten som har et neste steg, med grunnene.",
        "en": "The one contract that has a next step, with the reasons.",
    },
    "priority.week.none": {
        "nb": "Ingen kontrakt i utvalget trenger et tiltak nå. Alle står i listen under.",
        "en": "No contract in the selection needs a step now. All are in the list below.",
    },
    "priority.card.points": {"nb": "{points} poeng", "en": "{points} points"},
    "priority.card.next": {"nb": "Neste steg: **{step}**", "en": "Next step: **{step}**"},
    "priority.tab.contracts": {"nb": "Alle kontrakter", "en": "All contracts"},
    "priority.tab.suppliers": {"nb": "Per leverandør", "en": "Per supplier"},
    "priority.suppliers.caption": {
        "nb": "Leverandørens poeng er summen av kontraktenes; grunner fra kontrakten med flest "
        "poeng, neste steg det mest presserende.",
        "en": "A supplier's points are the sum of its contracts'; reasons from its highest "
        "contract, the next step the most urgent.",
    },
    "priority.col.rank": {"nb": "Nr.", "en": "No."},
    "priority.col.contract": {"nb": "Kontrakt", "en": "Contract"},
    "priority.col.title": {"nb": "Tittel", "en": "Title"},
    "priority.col.supplier": {"nb": "Leverandør", "en": "Supplier"},
    "priority.col.org_nr": {"nb": "Org.nr.", "en": "Org. no."},
    "priority.col.agency": {"nb": "Virksomhet", "en": "Agency"},
    "priority.col.score": {"nb": "Poeng", "en": "Points"},
    "priority.col.max_score": {"nb": "Høyeste kontrakt", "en": "Highest contract"},
    "priority.col.contracts": {"nb": "Antall kontrakter", "en": "Contracts"},
    "priority.col.contract_ids": {"nb": "Kontrakter", "en": "Contract ids"},
    "priority.col.reasons": {"nb": "Hvorfor", "en": "Why"},
    "priority.col.next_step": {"nb": "Neste steg", "en": "Next step"},
    "priority.method.title": {"nb": "Slik regnes poengene", "en": "How the points are counted"},
    "priority.method.body": {
        "nb": "Hvert ledd gir poeng etter vektene i innstillingsfilen (`[priority]` i "
        "`settings.toml`); poengsummen er summen av leddene i tabellen. Like poengsummer "
        "sorteres på kontrakt-ID. Landrisiko er ITUC Global Rights Index 2024 for det "
        "dårligst vurderte landet blant kontraktens fabrikker; land uten vurdering regnes som "
        "{default}. Neste steg er den første regelen som slår til: kritisk avvik åpent eller "
        "alvorlig avvik over frist → oppfølgingsrevisjon; frist over tid → møte med "
        "leverandøren; årlig dokumentasjon mangler → purring; ingen revisjon på over "
        "{grace} måneder der Oslomodellen gjelder → skrivebordsrevisjon. Se docs/priority.md.",
        "en": "Each term gives points by the weights in the settings file (`[priority]` in "
        "`settings.toml`); the score is the sum of the terms in the table. Equal scores are "
        "ordered by contract id. Country risk is the ITUC Global Rights Index 2024 of the "
        "worst-rated country among the contract's factories; unrated countries count as "
        "{default}. The next step is the first rule that holds: open critical finding or major "
        "finding past its deadline → follow-up audit; overdue deadline → meeting with the "
        "supplier; annual documentation missing → reminder; no audit for more than {grace} "
        "months where the Oslo model applies → desk audit. See docs/priority.md.",
    },
    "priority.method.setting": {"nb": "Innstilling", "en": "Setting"},
    "priority.method.value": {"nb": "Verdi", "en": "Value"},
}
