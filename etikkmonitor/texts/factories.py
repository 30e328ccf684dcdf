"""Factory lists, column-mapping profiles and one factory across contracts: the importer's
words for them and the Fabrikker view."""

TEXT = {
    "reason.bad_os_id": {
        "nb": "ikke en gyldig OS ID fra Open Supply Hub (feil form eller kontrolltegn)",
        "en": "not a valid Open Supply Hub OS ID (wrong form or check character)",
    },
}
