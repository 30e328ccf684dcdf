"""The importer page: upload, check, publish; history, roll-back and comparison."""

TEXT = {
    "imp.page": {"nb": "Importer data", "en": "Import data"},
    "imp.intro": {
        "nb": "Last opp en ny eksport fra kontraktsregisteret, revisjonsrapportene og "
        "fabrikklistene (CSV eller Excel, én fil eller ett ark per tabell). Etikkmonitor "
        "kontrollerer alt før noe publiseres: du ser hvilke rader som avvises og hvorfor, og "
        "ingenting endres før du bekrefter. En import erstatter hele datasettet; tidligere "
        "importer kan du sammenligne med og rulle tilbake til.",
        "en": "Upload a new export from the contract register, audit reports and factory lists "
        "(CSV or Excel, one file or sheet per table). Etikkmonitor checks everything before "
        "anything is published: you see which rows are rejected and why, and nothing changes "
        "until you confirm. An import replaces the whole dataset; you can compare with and roll "
        "back to earlier imports.",
    },
    "imp.no_access": {
        "nb": "Bare administratorer kan importere data og rulle tilbake.",
        "en": "Only administrators can import data and roll back.",
    },
    "imp.upload": {"nb": "1. Last opp filer", "en": "1. Upload files"},
    "imp.uploader": {"nb": "CSV- eller Excel-filer", "en": "CSV or Excel files"},
    "imp.uploader.help": {
        "nb": "Filene gjenkjennes på navnet: kontrakter, fabrikker, revisjoner, avvik, "
        "dokumentasjon, frister, avrop, virksomheter (eller engelske navn). Se "
        "docs/dataeksport.md. Største filstørrelse: {mb} MB.",
        "en": "Files are recognised by name: contracts, factories, audits, findings, "
        "documentation, milestones, calloffs, agencies (or the Norwegian names). See "
        "docs/dataeksport.md. Largest file: {mb} MB.",
    },
    "imp.check": {"nb": "Kontroller filene", "en": "Check the files"},
    "imp.checking": {"nb": "Kontrollerer {what} …", "en": "Checking {what} …"},
    "imp.refused": {
        "nb": "Importen kan ikke gjennomføres. Ingenting er endret.",
        "en": "The import cannot go ahead. Nothing was changed.",
    },
    "imp.result": {"nb": "2. Se resultatet av kontrollen", "en": "2. Review the check"},
    "imp.files": {"nb": "Gjenkjente filer", "en": "Recognised files"},
    "imp.columns": {"nb": "Kolonner som ble gjenkjent i {file}", "en": "Columns matched in {file}"},
    "imp.col.header": {"nb": "Kolonne i filen", "en": "Column in the file"},
    "imp.col.canonical": {"nb": "Leses som", "en": "Read as"},
    "imp.summary": {
        "nb": "{imported} rader kan importeres, {rejected} rader avvises.",
        "en": "{imported} rows can be imported, {rejected} rows are rejected.",
    },
    "imp.no_rejects": {"nb": "Ingen rader avvises.", "en": "No rows are rejected."},
    "imp.rejects": {"nb": "Avviste rader", "en": "Rejected rows"},
    "imp.publish": {"nb": "3. Publiser", "en": "3. Publish"},
    "imp.confirm": {
        "nb": "Jeg har sett gjennom kontrollen og vil erstatte dataene i dashbordet",
        "en": "I have reviewed the check and want to replace the dashboard's data",
    },
    "imp.publish.button": {"nb": "Publiser importen", "en": "Publish the import"},
    "imp.published": {
        "nb": "Import {id} er publisert. Alle sider viser nå de nye dataene.",
        "en": "Import {id} is published. Every page now shows the new data.",
    },
    "imp.history": {"nb": "Historikk", "en": "History"},
    "imp.rollback": {"nb": "Rull tilbake", "en": "Roll back"},
    "imp.rollback.pick": {"nb": "Gjør denne importen gjeldende", "en": "Make this import current"},
    "imp.rollback.confirm": {
        "nb": "Jeg vil gjøre import {id} gjeldende igjen",
        "en": "I want to make import {id} current again",
    },
    "imp.rollback.button": {"nb": "Rull tilbake", "en": "Roll back"},
    "imp.rollback.only_one": {
        "nb": "Det finnes ingen annen import å rulle tilbake til ennå.",
        "en": "There is no other import to roll back to yet.",
    },
    "imp.rolled_back": {
        "nb": "Import {id} er gjeldende igjen (loggført som oppføring {entry}).",
        "en": "Import {id} is current again (logged as entry {entry}).",
    },
    "imp.compare": {"nb": "Sammenlign to importer", "en": "Compare two imports"},
    "imp.compare.a": {"nb": "Fra import", "en": "From import"},
    "imp.compare.b": {"nb": "Til import", "en": "To import"},
    "imp.compare.contracts": {
        "nb": "Kontrakter lagt til og fjernet",
        "en": "Contracts added and removed",
    },
    "imp.compare.deadlines": {
        "nb": "Frister som har gått over fristen",
        "en": "Deadlines that became overdue",
    },
    "imp.compare.findings": {"nb": "Avvik åpnet og lukket", "en": "Findings opened and closed"},
    "imp.compare.factories": {
        "nb": "Fabrikker med endret status",
        "en": "Factories whose status changed",
    },
    "imp.compare.none": {"nb": "Ingen endringer.", "en": "No changes."},
    "imp.compare.only_one": {
        "nb": "Sammenligningen trenger minst to importer.",
        "en": "A comparison needs at least two imports.",
    },
    "imp.import_label": {
        "nb": "Import {id} · {when} · {who}",
        "en": "Import {id} · {when} · {who}",
    },
    "imp.change.added": {"nb": "Lagt til", "en": "Added"},
    "imp.change.removed": {"nb": "Fjernet", "en": "Removed"},
    "imp.change.opened": {"nb": "Åpnet", "en": "Opened"},
    "imp.change.closed": {"nb": "Lukket", "en": "Closed"},
    "imp.col.change": {"nb": "Endring", "en": "Change"},
    "imp.col.before": {"nb": "Før", "en": "Before"},
    "imp.col.after": {"nb": "Etter", "en": "After"},
    "imp.col.action": {"nb": "Handling", "en": "Action"},
    "imp.col.data": {"nb": "Data fra import", "en": "Data from import"},
    "imp.col.who": {"nb": "Av", "en": "By"},
    "imp.col.when": {"nb": "Tidspunkt", "en": "Time"},
    "imp.col.entry": {"nb": "Oppføring", "en": "Entry"},
    "imp.col.line": {"nb": "Linje", "en": "Line"},
    "imp.col.column": {"nb": "Kolonne", "en": "Column"},
    "imp.col.value": {"nb": "Verdi", "en": "Value"},
    "imp.col.reason": {"nb": "Årsak", "en": "Reason"},
    "imp.col.file": {"nb": "Fil", "en": "File"},
    "imp.col.table": {"nb": "Tabell", "en": "Table"},
    "imp.col.read": {"nb": "Rader lest", "en": "Rows read"},
    "imp.col.imported": {"nb": "Importeres", "en": "To import"},
    "imp.col.rejected": {"nb": "Avvises", "en": "Rejected"},
    "imp.col.unknown": {"nb": "Ukjente kolonner", "en": "Unknown columns"},
    "imp.action.import": {"nb": "Import", "en": "Import"},
    "imp.action.rollback": {"nb": "Tilbakerulling", "en": "Roll-back"},
}

TEXT |= {
    "auth.title": {"nb": "Etikkmonitor", "en": "Etikkmonitor"},
    "auth.sign_in_needed": {
        "nb": "Logg inn med Oslo kommunes konto for å se dashbordet.",
        "en": "Sign in with your Oslo kommune account to see the dashboard.",
    },
    "auth.sign_in": {"nb": "Logg inn", "en": "Sign in"},
    "auth.setup_refused": {
        "nb": "Etikkmonitor starter ikke med dette oppsettet (innlogging må virke, eller appen må"
        " bare være åpen på denne maskinen). Rett opp og start på nytt:",
        "en": "Etikkmonitor does not start with this set-up (sign-in must work, or the app must"
        " be open on this machine only). Fix it and start again:",
    },
    "auth.sign_out": {"nb": "Logg ut", "en": "Sign out"},
    "auth.no_role": {
        "nb": "{email} har ikke tilgang til Etikkmonitor. Ta kontakt med UKE for å få en rolle.",
        "en": "{email} has no access to Etikkmonitor. Ask UKE for a role.",
    },
    "auth.local_mode": {
        "nb": "Lokal modus: ingen innlogging er satt opp, og alle har alle rettigheter.",
        "en": "Local mode: no sign-in is configured, and everyone has every right.",
    },
    "auth.signed_in": {"nb": "Innlogget som {who} ({role})", "en": "Signed in as {who} ({role})"},
    "auth.limited": {
        "nb": "Du ser bare data for: {agencies}.",
        "en": "You see only the data of: {agencies}.",
    },
    "auth.role.viewer": {"nb": "leser", "en": "viewer"},
    "auth.role.analyst": {"nb": "analytiker", "en": "analyst"},
    "auth.role.admin": {"nb": "administrator", "en": "admin"},
    "dash.table.limited": {
        "nb": "Viser de {shown} første av {n} rader. Last ned tabellen for å få alle.",
        "en": "Showing the first {shown} of {n} rows. Download the table to get them all.",
    },
    "snapshot.download": {"nb": "Statusrapport (PDF)", "en": "Status report (PDF)"},
    "snapshot.download.help": {
        "nb": "To sider for politikere og ledelse, med tallene og utvalget du ser nå.",
        "en": "Two pages for politicians and management, with the figures and selection shown.",
    },
}
