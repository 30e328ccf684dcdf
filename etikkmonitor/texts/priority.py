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
    "priority.reason.findings": {
        "nb": "{parts} avvik {open}",
        "en": "{parts} {findings} open",
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
    "priority.reason.documentation": {
        "nb": "dokumentasjon av sosial dialog mangler for {n} år",
        "en": "documentation of social dialogue missing for {n} year(s)",
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
    "priority.term.overdue": {"nb": "Frister over tid", "en": "Overdue deadlines"},
    "priority.term.social_dialogue": {
        "nb": "Sentrale fabrikker uten dialog",
        "en": "Central factories without dialogue",
    },
    "priority.term.audit": {"nb": "Tid siden revisjon", "en": "Time since audit"},
    "priority.term.documentation": {"nb": "Manglende dokumentasjon", "en": "Missing documentation"},
}
