"""The command line's report of an import."""

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
    "cli.line": {"nb": "linje {line}", "en": "line {line}"},
    "cli.refused": {
        "nb": "Importen er avvist; ingenting er endret:",
        "en": "Import refused; nothing was changed:",
    },
}
