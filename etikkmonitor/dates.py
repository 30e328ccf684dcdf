"""A date as a person gives it (`--as-of`, `?as_of=` in a page's address): read, or told what
is wrong with it, in words, for CLI and pages alike.

Dates are accepted from 1900-01-01 to 2199-12-31. Contracts, deadlines and findings lie well
inside; outside it the figures would be about nothing, and a quarter before 0001-01-01 or a
year after 9999-12-31 cannot even be computed (the snapshot's comparison and the trend did
crash there).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .i18n import fmt_date, month_name, t

MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2199, 12, 31)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class DateProblem(ValueError):
    """What is wrong with a given date, as a text key and its values (see `message`)."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        values = {
            k: fmt_date(x, lang) if isinstance(x, date) else x for k, x in self.values.items()
        }
        if self.key == "date.bad_day":
            values["name"] = month_name(values["month"], lang)
        return t(self.key, lang, **values)


def parse_iso(text: str) -> date:
    """`text` (YYYY-MM-DD) as a date within MIN_DATE..MAX_DATE, else DateProblem saying why:
    not that form, no such month, no such day in that month, or outside the range."""
    text = str(text).strip()
    m = _ISO.fullmatch(text)
    if m is None:
        raise DateProblem("date.not_iso", text=text)
    year, month, day = (int(x) for x in m.groups())
    if not 1 <= month <= 12:
        raise DateProblem("date.bad_month", text=text, month=month)
    if year < 1:  # 0000-01-01: no year 0 in the calendar
        raise DateProblem("date.out_of_range", text=text, min=MIN_DATE, max=MAX_DATE)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateProblem("date.bad_day", text=text, day=day, month=month, year=year, days=days)
    d = date(year, month, day)
    check_range(d, text)
    return d


def check_range(d: date, text: str | None = None) -> date:
    """`d` if within MIN_DATE..MAX_DATE, else DateProblem."""
    if not MIN_DATE <= d <= MAX_DATE:
        raise DateProblem(
            "date.out_of_range", text=text or d.isoformat(), min=MIN_DATE, max=MAX_DATE
        )
    return d
