"""Words for what can go wrong with the database file (etikkmonitor.db.DatabaseError).

No text names the server's paths: the dashboard shows these to a browser. The command line
puts the path in front.
"""


def _(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


TEXT: dict[str, dict[str, str]] = {
    "db.error.publishing": _(
        "En annen import eller tilbakestilling publiseres akkurat nå. Ingenting er endret; "
        "prøv igjen når den er ferdig.",
        "Another import or roll-back is being published right now. Nothing was changed; try "
        "again when it is done.",
    ),
    "db.error.busy": _(
        "Databasefilen er låst for skriving av en annen prosess (en eldre versjon av "
        "Etikkmonitor, eller et annet program). Prøv igjen når den er lukket.",
        "The database file is locked for writing by another process (an older version of "
        "Etikkmonitor, or another program). Try again when it has closed it.",
    ),
    "db.error.not_writable": _(
        "Kan ikke publisere: mappen med databasen tillater ikke skriving ({error}). Ingenting "
        "er endret. En import skriver en ny versjon ved siden av den publiserte; mappen må "
        "være skrivbar for den som importerer.",
        "Cannot publish: the database's folder does not allow writing ({error}). Nothing was "
        "changed. An import writes a new version beside the published one; the folder must be "
        "writable by whoever imports.",
    ),
    "db.error.unreadable": _(
        "Kan ikke lese databasefilen ({error}).",
        "Cannot read the database file ({error}).",
    ),
    "db.error.not_a_database": _(
        "Filen er ikke en Etikkmonitor-database (DuckDB), eller den er skadet.",
        "The file is not an Etikkmonitor (DuckDB) database, or it is damaged.",
    ),
    "db.error.unstable": _(
        "Databasen ble publisert på nytt flere ganger mens den ble åpnet. Prøv igjen.",
        "The database was published anew several times while it was being opened. Try again.",
    ),
    "db.error.read_only_store": _(
        "Databasen er åpnet bare for lesing og kan ikke publiseres gjennom.",
        "The database was opened for reading only and cannot be published through.",
    ),
}
