"""What is wrong with a date someone gave (CLI `--as-of`, a page's `?as_of=`)."""

_MONTHS = (
    ("januar", "January"),
    ("februar", "February"),
    ("mars", "March"),
    ("april", "April"),
    ("mai", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("august", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("desember", "December"),
)

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
        "nb": "«{text}»: {name} {year} har ikke dag {day} (den har {days} dager)",
        "en": "'{text}': {name} {year} has no day {day} (it has {days} days)",
    },
    "date.out_of_range": {
        "nb": "«{text}» er utenfor datoene Etikkmonitor regner med ({min}–{max})",
        "en": "'{text}' is outside the dates Etikkmonitor works with ({min} to {max})",
    },
} | {f"date.month.{i}": {"nb": nb, "en": en} for i, (nb, en) in enumerate(_MONTHS, start=1)}
