"""Why a row was rejected, by reason code: the import report, the CLI and the Datakvalitet page."""

TEXT = {
    "reason.missing_required": {
        "nb": "påkrevd verdi mangler",
        "en": "required value is missing",
    },
    "reason.bad_date": {
        "nb": "ikke en dato (bruk 30.06.2024 eller 2024-06-30)",
        "en": "not a date (use 2024-06-30 or 30.06.2024)",
    },
    "reason.bad_number": {
        "nb": "ikke et tall (bruk 1250000, 1 250 000 eller 1.250.000,50)",
        "en": "not a number (use 1250000, 1 250 000 or 1.250.000,50)",
    },
    "reason.bad_integer": {"nb": "ikke et heltall", "en": "not a whole number"},
    "reason.negative": {"nb": "kan ikke være negativ", "en": "must not be negative"},
    "reason.bad_bool": {
        "nb": "ikke ja/nei (bruk ja/nei, yes/no, true/false, 1/0 eller x/tomt)",
        "en": "not yes/no (use ja/nei, yes/no, true/false, 1/0 or x/blank)",
    },
    "reason.bad_enum": {
        "nb": "ikke en av de tillatte verdiene",
        "en": "not one of the allowed values",
    },
    "reason.bad_country": {
        "nb": "ukjent land (bruk ISO-kode eller landnavn på norsk eller engelsk)",
        "en": "not a known country (ISO code or English/Norwegian name)",
    },
    "reason.bad_orgnr_format": {
        "nb": "organisasjonsnummeret må ha 9 sifre",
        "en": "organisation number must have 9 digits",
    },
    "reason.bad_orgnr_check": {
        "nb": "organisasjonsnummeret har feil kontrollsiffer (MOD11)",
        "en": "organisation number fails its check digit (MOD11)",
    },
    "reason.out_of_range": {
        "nb": "koordinat utenfor gyldig område",
        "en": "coordinate out of range",
    },
    "reason.end_before_start": {
        "nb": "sluttdato er før startdato",
        "en": "end date is before start date",
    },
    "reason.trained_above_workers": {
        "nb": "flere opplærte enn arbeidere",
        "en": "more workers trained than workers",
    },
    "reason.closed_without_date": {
        "nb": "status er lukket, men lukket-dato mangler",
        "en": "status is closed but closed_date is missing",
    },
    "reason.duplicate_key": {
        "nb": "nøkkelen finnes fra før",
        "en": "duplicate key: an earlier row has the same key",
    },
    "reason.unknown_reference": {
        "nb": "henviser til en rad som ikke finnes i eksporten",
        "en": "refers to a row that is not in the export",
    },
    "reason.parent_rejected": {
        "nb": "henviser til en rad som ble avvist",
        "en": "refers to a row that was rejected",
    },
    "reason.too_many_fields": {
        "nb": "raden har flere felt enn overskriften",
        "en": "the row has more fields than the header",
    },
    "reason.value_too_long": {
        "nb": "verdien er for lang: {n} tegn, høyst {max} er tillatt",
        "en": "the value is too long: {n} characters, at most {max} allowed",
    },
    "reason.control_character": {
        "nb": "verdien inneholder et kontrolltegn (vist som \\xNN, f.eks. \\x00 for NUL), som "
        "ikke kan lagres",
        "en": "the value holds a control character (shown as \\xNN, e.g. \\x00 for NUL), which "
        "cannot be stored",
    },
    "reason.mojibake": {
        "nb": "teksten er ødelagt av feil tegnkoding et sted på veien (f.eks. «Ã¸» for «ø»): "
        "rett den i kildesystemet",
        "en": "the text was garbled by a wrong character encoding on its way (e.g. 'Ã¸' for "
        "'ø'): correct it at the source",
    },
    "reason.not_utf8": {
        "nb": "linjen er ikke gyldig UTF-8, som resten av filen er (bytes vist som \\xNN): "
        "lagre hele filen som UTF-8",
        "en": "the line is not valid UTF-8 as the rest of the file is (bytes shown as \\xNN): "
        "save the whole file as UTF-8",
    },
    "reason.not_cp1252": {
        "nb": "linjen har bytes som ikke er tegn i Windows-1252, filens tegnkoding (vist som "
        "\\xNN): lagre hele filen som UTF-8",
        "en": "the line has bytes that are no character in Windows-1252, the file's encoding "
        "(shown as \\xNN): save the whole file as UTF-8",
    },
    "reason.utf8_in_cp1252": {
        "nb": "linjen er UTF-8, mens resten av filen er Windows-1252: lagre hele filen som UTF-8",
        "en": "the line is UTF-8 while the rest of the file is Windows-1252: save the whole "
        "file as UTF-8",
    },
    "reason.first_seen": {
        "nb": "første gang i {file}, linje {line}",
        "en": "first at {file}, line {line}",
    },
}
