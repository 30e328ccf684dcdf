"""The command line's messages: the report of an import, the import log, refusals."""

TEXT = {
    "cli.published": {
        "nb": "Import {id} er publisert i {path}",
        "en": "Import {id} published to {path}",
    },
    "cli.file_counts": {
        "nb": "{where}: {table}, {read} rader lest, {imported} importert, {rejected} avvist",
        "en": "{where}: {table}, {read} rows read, {imported} imported, {rejected} rejected",
    },
    "cli.unknown": {
        "nb": "ukjente kolonner, lagt til side: {cols}",
        "en": "unknown columns kept aside: {cols}",
    },
    "cli.problems": {
        "nb": "{n} feil i avviste rader:",
        "en": "{n} problem(s) in rejected rows:",
    },
    "cli.strict": {
        "nb": "Importen er avvist (--strict): {n} feil i avviste rader; ingenting er endret.",
        "en": "Import refused (--strict): {n} problem(s) in rejected rows; nothing was changed.",
    },
    "cli.loss": {
        "nb": "Importen er ikke publisert: {lost} av de {current} kontraktene i dataene som "
        "gjelder nå ({share}), finnes ikke i denne importen, som har {incoming} kontrakter. "
        "Er eksporten riktig, kjør igjen med --force. Ingenting er endret.",
        "en": "Import not published: {lost} of the {current} contracts in the current data "
        "({share}) are not in this import, which has {incoming} contracts. If the export is "
        "right, run again with --force. Nothing was changed.",
    },
    "cli.line": {"nb": "linje {line}", "en": "line {line}"},
    "cli.refused": {
        "nb": "Importen er avvist; ingenting er endret:",
        "en": "Import refused; nothing was changed:",
    },
    "cli.row": {"nb": "(raden)", "en": "(row)"},
    "cli.strict.missing": {
        "nb": "Importen er avvist (--strict): eksporten har ingen fil for {tables}; "
        "ingenting er endret.",
        "en": "Import refused (--strict): the export has no file for {tables}; "
        "nothing was changed.",
    },
    "cli.missing_tables": {
        "nb": "Merk: eksporten har ingen fil for {tables}. En import erstatter hele datasettet, "
        "så disse tabellene er nå tomme. Importer hele eksporten (en mappe) for å få dem "
        "tilbake, eller rull tilbake med `etikkmonitor rollback`.",
        "en": "Note: the export has no file for {tables}. An import replaces the whole dataset, "
        "so these tables are now empty. Import the whole export (a folder) to have them back, "
        "or roll back with `etikkmonitor rollback`.",
    },
    "cli.error": {"nb": "feil", "en": "error"},
    "cli.no_data": {
        "nb": "Ingen data er importert ennå: importer først med `etikkmonitor import MAPPE`.",
        "en": "No data has been imported yet: import first with `etikkmonitor import FOLDER`.",
    },
    "cli.no_db": {
        "nb": "Det finnes ingen database i {path}: importer først med "
        "`etikkmonitor import MAPPE --db {path}`.",
        "en": "There is no database at {path}: import first with "
        "`etikkmonitor import FOLDER --db {path}`.",
    },
    "cli.agency.unknown": {
        "nb": "Ingen virksomhet heter «{name}».",
        "en": "No agency is called '{name}'.",
    },
    "cli.agency.closest": {
        "nb": "Nærmest: {names}.",
        "en": "Closest: {names}.",
    },
    "cli.agency.ambiguous": {
        "nb": "«{name}» passer til flere virksomheter: {names}. Skriv hele navnet.",
        "en": "'{name}' fits several agencies: {names}. Write the whole name.",
    },
    "cli.agency.guessed": {
        "nb": "«{name}» tolket som «{agency}».",
        "en": "'{name}' taken as '{agency}'.",
    },
    "cli.compare_after": {
        "nb": "--compare-to {compare} er etter --as-of {as_of}: sammenligningsdatoen må være før.",
        "en": "--compare-to {compare} is after --as-of {as_of}: the comparison date must be "
        "earlier.",
    },
    "cli.snapshot.written": {
        "nb": "{path}: {n} byte skrevet",
        "en": "{path}: {n} bytes written",
    },
    "cli.history.import": {"nb": "import", "en": "import"},
    "cli.history.rollback": {
        "nb": "tilbakerulling til import {data}",
        "en": "roll-back to import {data}",
    },
    "cli.history.rows": {
        "nb": "{files} filer, {imported} rader importert, {rejected} avvist",
        "en": "{files} files, {imported} rows imported, {rejected} rejected",
    },
    "cli.history.legend": {
        "nb": "* = gjeldende. `etikkmonitor rollback NR` gjør dataene fra import NR gjeldende "
        "igjen.",
        "en": "* = current. `etikkmonitor rollback NO` makes import NO's data current again.",
    },
    "cli.history.empty": {
        "nb": "Databasen har ingen importer ennå.",
        "en": "The database holds no import yet.",
    },
    "cli.rollback.nothing": {
        "nb": "Det finnes ingen tidligere import å rulle tilbake til.",
        "en": "There is no earlier import to roll back to.",
    },
    "cli.rollback.unknown": {
        "nb": "Det finnes ingen import {id}. Importene er: {ids} (se `etikkmonitor history`).",
        "en": "There is no import {id}. The imports are: {ids} (see `etikkmonitor history`).",
    },
    "cli.rollback.current": {
        "nb": "Dataene fra import {id} er allerede gjeldende; ingenting er endret.",
        "en": "Import {id}'s data is current already; nothing was changed.",
    },
    "cli.rollback.done": {
        "nb": "Rullet tilbake: dataene fra import {id} er gjeldende igjen i {path} "
        "(loggført som {entry}).",
        "en": "Rolled back: import {id}'s data is current again in {path} (logged as {entry}).",
    },
}
