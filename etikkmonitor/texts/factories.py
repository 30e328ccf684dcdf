"""Factory lists, column-mapping profiles and one factory across contracts: the importer's
words for them and the Fabrikker view."""

TEXT = {
    "reason.bad_os_id": {
        "nb": "ikke en gyldig OS ID fra Open Supply Hub (feil form eller kontrolltegn)",
        "en": "not a valid Open Supply Hub OS ID (wrong form or check character)",
    },
}
TEXT |= {
    "fab.page": {"nb": "Fabrikker", "en": "Factories"},
    "fab.intro": {
        "nb": "Hver fabrikk én gang, med alle kontraktene den leverer til og statusen for sosial "
        "dialog under hver av dem. Samme fabrikk er samme fabrikk-ID eller samme OS ID (Open "
        "Supply Hub); fabrikklister kobles til kjente fabrikker ved import.",
        "en": "Each factory once, with every contract it supplies and the social dialogue "
        "status under each. The same factory means the same factory id or the same OS ID (Open "
        "Supply Hub); factory lists are linked to known factories when imported.",
    },
    "fab.none": {
        "nb": "Ingen fabrikker i utvalget.",
        "en": "No factories in the selection.",
    },
    "fab.places": {"nb": "Fabrikker", "en": "Factories"},
    "fab.shared": {
        "nb": "Leverer til flere kontrakter",
        "en": "Supply several contracts",
    },
    "fab.not_reported": {"nb": "Status ikke rapportert", "en": "Status not reported"},
    "fab.map": {"nb": "Kart", "en": "Map"},
    "fab.map.alt": {
        "nb": "Verdenskart med ett punkt per fabrikk; fabrikker som leverer til flere kontrakter "
        "er større.",
        "en": "World map with one point per factory; factories that supply several contracts "
        "are larger.",
    },
    "fab.map.note": {
        "nb": "Ett punkt per fabrikk, farget etter den minst fremskredne statusen blant "
        "kontraktene. Fabrikker uten koordinater står ved landets midtpunkt.",
        "en": "One point per factory, coloured by the least advanced status among its contracts. "
        "Factories without coordinates sit at their country's centre.",
    },
    "fab.map.contracts": {"nb": "Kontrakter: {n}", "en": "Contracts: {n}"},
    "fab.only_shared": {
        "nb": "Bare fabrikker som leverer til flere kontrakter",
        "en": "Only factories that supply several contracts",
    },
    "fab.col.place": {"nb": "Fabrikk-ID", "en": "Factory id"},
    "fab.col.factory": {"nb": "Fabrikk", "en": "Factory"},
    "fab.col.address": {"nb": "Adresse", "en": "Address"},
    "fab.col.os_id": {"nb": "OS ID", "en": "OS ID"},
    "fab.col.n_contracts": {"nb": "Kontrakter", "en": "Contracts"},
    "fab.col.statuses": {"nb": "Status per kontrakt", "en": "Status per contract"},
    "fab.col.suppliers": {"nb": "Leverandører", "en": "Suppliers"},
    "fab.col.least": {"nb": "Minst fremskredne status", "en": "Least advanced status"},
}
TEXT |= {
    "fab.imp.lists": {
        "nb": "Fabrikklister fra leverandører (Open Supply Hub-format)",
        "en": "Suppliers' factory lists (Open Supply Hub format)",
    },
    "fab.imp.lists.help": {
        "nb": "En fabrikkliste med kolonnene country, name og address (og gjerne lat, lng, os_id, "
        "number_of_workers) leses som fabrikkene til én kontrakt. Velg kontrakten for hver fil "
        "som er en slik liste. Resten av dataene beholdes; fabrikkene uten status får «Ikke "
        "rapportert».",
        "en": "A factory list with the columns country, name and address (and often lat, lng, "
        "os_id, number_of_workers) is read as the factories of one contract. Choose the "
        "contract for each file that is such a list. The rest of the data stays; factories "
        "without a status come in as 'Not reported'.",
    },
    "fab.imp.list_for": {
        "nb": "Fil {n}: fabrikkliste for kontrakt",
        "en": "File {n}: factory list of contract",
    },
    "fab.imp.list_for.help": {
        "nb": "La stå tom for en vanlig eksportfil.",
        "en": "Leave blank for an ordinary export file.",
    },
    "fab.imp.not_a_list": {"nb": "– ikke en fabrikkliste –", "en": "– not a factory list –"},
    "fab.imp.matches": {"nb": "Mulige treff på kjente fabrikker", "en": "Likely matches"},
    "fab.imp.matches.help": {
        "nb": "Disse radene i fabrikklista ligner en fabrikk vi kjenner fra før. Bekreft om det "
        "er samme fabrikk (raden får da fabrikkens ID, nå og ved senere importer), eller avvis "
        "(forslaget kommer ikke igjen). Filene kontrolleres på nytt etter hvert valg.",
        "en": "These rows of the factory list resemble a factory we already know. Confirm that "
        "it is the same factory (the row then gets that factory's id, now and in later "
        "imports), or reject (the suggestion is not made again). The files are checked again "
        "after each decision.",
    },
    "fab.imp.col.in_list": {"nb": "Navn i lista", "en": "Name in the list"},
    "fab.imp.col.address": {"nb": "Adresse i lista", "en": "Address in the list"},
    "fab.imp.col.known": {"nb": "Kjent fabrikk", "en": "Known factory"},
    "fab.imp.col.known_address": {"nb": "Dens adresse", "en": "Its address"},
    "fab.imp.col.known_id": {"nb": "Dens ID", "en": "Its id"},
    "fab.imp.col.contracts": {"nb": "Dens kontrakter", "en": "Its contracts"},
    "fab.imp.col.reason": {"nb": "Hvorfor", "en": "Why"},
    "fab.imp.confirm": {"nb": "Bekreft forslag {n}", "en": "Confirm suggestion {n}"},
    "fab.imp.reject": {"nb": "Avvis forslag {n}", "en": "Reject suggestion {n}"},
    "fab.reason.same_os_id": {"nb": "samme OS ID", "en": "same OS ID"},
    "fab.reason.same_address": {"nb": "samme adresse", "en": "same address"},
    "fab.reason.similar_name": {
        "nb": "navnelikhet {score} %",
        "en": "name similarity {score}%",
    },
    "fab.prof.title": {"nb": "Koble kolonnene (kolonneprofil)", "en": "Map the columns (profile)"},
    "fab.prof.help": {
        "nb": "Fila har ikke kolonnenavnene eksportkontrakten bruker. Velg hvilken kolonne i fila "
        "som er hvilken hos oss, og hvilke ord i fila som betyr hva. Lagre det som en profil: "
        "neste fil med de samme kolonnene leses da av seg selv (også med `--profile NAVN` på "
        "kommandolinjen). Verdier som ikke passer etter koblingen, avvises og vises som vanlig.",
        "en": "The file does not use the export contract's column names. Choose which column of "
        "the file is which of ours, and what the file's words mean. Save it as a profile: the "
        "next file with the same columns is then read by itself (also with `--profile NAME` on "
        "the command line). Values that do not fit after mapping are rejected and shown as "
        "always.",
    },
    "fab.prof.file": {"nb": "Fil", "en": "File"},
    "fab.prof.unreadable": {
        "nb": "Fila kan ikke leses; se meldingen over.",
        "en": "The file cannot be read; see the message above.",
    },
    "fab.prof.table": {"nb": "Fila inneholder tabellen", "en": "The file holds the table"},
    "fab.prof.col.header": {"nb": "Kolonne i fila", "en": "Column in the file"},
    "fab.prof.col.values": {"nb": "Eksempler på verdier", "en": "Example values"},
    "fab.prof.columns": {
        "nb": "Våre kolonner (* = påkrevd) og kolonnen i fila",
        "en": "Our columns (* = required) and the file's column",
    },
    "fab.prof.unmapped": {"nb": "– ingen –", "en": "– none –"},
    "fab.prof.words": {
        "nb": "Ord i fila som ikke er våre: hva betyr de?",
        "en": "Words in the file that are not ours: what do they mean?",
    },
    "fab.prof.word": {"nb": "{column}: ord {n}", "en": "{column}: word {n}"},
    "fab.prof.keep": {"nb": "ikke koblet (raden avvises)", "en": "not mapped (row rejected)"},
    "fab.prof.name": {
        "nb": "Profilens navn (små bokstaver, tall, - og _)",
        "en": "Profile name (lower-case letters, digits, - and _)",
    },
    "fab.prof.bad_name": {
        "nb": "Navnet kan bare ha små bokstaver a–z, tall, - og _ (høyst 64 tegn).",
        "en": "The name may only hold lower-case letters a–z, digits, - and _ (at most 64).",
    },
    "fab.prof.missing": {
        "nb": "Påkrevde kolonner mangler kobling: {cols}",
        "en": "Required columns not mapped yet: {cols}",
    },
    "fab.prof.save": {
        "nb": "Lagre profilen og kontroller på nytt",
        "en": "Save the profile and check again",
    },
    "fab.prof.not_saved": {
        "nb": "Profilen ble ikke lagret ({why}).",
        "en": "The profile was not saved ({why}).",
    },
}
