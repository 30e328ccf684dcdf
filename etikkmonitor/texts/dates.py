"""What is wrong with a date someone gave (CLI `--as-of`, a page's `?as_of=`)."""

TEXT = {
    "date.not_iso": {
        "nb": "«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD (for eksempel 2024-06-30)",
        "en": "'{text}' is not a date of the form YYYY-MM-DD (for example 2024-06-30)",
    },
    "date.bad_month": {
        "nb": "«{text}»: måned {month} finnes ikke (månedene er 01–12)",
        "en": "'{text}': there is no month {month} (months are 01-12)",
    },
    "date.bad_day": {
        # {name}: the month's name (i18n.month_name)
        "nb": "«{text}»: {name} {year} har ikke dag {day} (den har {days} dager)",
        "en": "'{text}': {name} {year} has no day {day} (it has {days} days)",
    },
    "date.out_of_range": {
        "nb": "«{text}» er utenfor datoene Etikkmonitor regner med ({min}–{max})",
        "en": "'{text}' is outside the dates Etikkmonitor works with ({min} to {max})",
    },
}
