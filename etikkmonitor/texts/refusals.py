"""Why an import is refused (reading.refusal): one language per message."""

TEXT = {
    "refusal.column_twice": {
        "nb": "kolonnen {column} står to ganger ({first} og {second})",
        "en": "column {column} appears twice ({first} and {second})",
    },
    "refusal.missing_columns": {
        "nb": "mangler påkrevde kolonner i tabellen {table}: {names}",
        "en": "missing required column(s) for table {table}: {names}",
    },
    "refusal.no_such_file": {
        "nb": "finner ikke filen {path}",
        "en": "cannot read {path}: no such file",
    },
    "refusal.unreadable": {
        "nb": "filen kan ikke leses: {error}",
        "en": "cannot read the file: {error}",
    },
    "refusal.not_xlsx": {
        "nb": "heter .xlsx, men er ikke en Excel-arbeidsbok",
        "en": "is named .xlsx but is not an Excel workbook",
    },
    "refusal.not_text": {
        "nb": "heter .csv, men er ikke en tekstfil",
        "en": "is named .csv but is not a text file",
    },
    "refusal.file_type": {
        "nb": "ukjent filtype {suffix}: bruk .csv eller .xlsx",
        "en": "unknown file type {suffix}: use .csv or .xlsx",
    },
    "refusal.no_header": {
        "nb": "har ingen overskriftsrad",
        "en": "has no header row",
    },
    "refusal.unknown_table": {
        "nb": "ukjent tabell {name}: navnet må være ett av {known}",
        "en": "unknown table {name}: the name must be one of {known}",
    },
    "refusal.no_files": {
        "nb": "ingen filer å importere",
        "en": "no files to import",
    },
    "refusal.no_contracts": {
        "nb": "ingen kontrakttabell: en import er en hel eksport og må ha kontrakter "
        "(kontrakter.csv)",
        "en": "no contracts table: an import is a full export and must hold contracts (kontrakter)",
    },
}
