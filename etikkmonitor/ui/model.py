"""The View, what every page reads (dataset, date, filters, language, what the person may see),
and the escaping of values from data before they go into Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .. import escape, settings
from ..filters import Filters
from ..i18n import DEFAULT_LANG, t


@dataclass(frozen=True)
class View:
    """The dataset, date, filters and language a page shows."""

    db_path: str
    import_id: int | None
    as_of: date
    filters: Filters = field(default_factory=Filters)
    lang: str = DEFAULT_LANG
    # What the person may see at all (auth.restrict of no filter): the contract page shows a
    # contract outside the selection, never one outside this.
    access: Filters = field(default_factory=Filters)

    def t(self, key: str, **values) -> str:
        """Our own text; `values` are ours too (numbers, dates we format). See `md`."""
        return t(key, self.lang, **values)

    def md(self, key: str, **values) -> str:
        """Our own text as Markdown with `values` from data shown literally (see `esc`)."""
        return t(key, self.lang, **{k: esc(x) for k, x in values.items()})

    def params(self, **extra) -> dict:
        """The standard $parameters of the page queries, plus `extra`."""
        return {
            "import_id": self.import_id,
            "as_of": self.as_of,
            "filters": self.filters.as_param(),
            "access": self.access.as_param(),
            "rules": settings.rules(),
        } | extra


def esc(value) -> str:
    """A value from data as Markdown that Streamlit shows as the text it is: no link, image,
    icon, math, emphasis or HTML from it (etikkmonitor.escape.markdown). Every header,
    caption, card, message and label that shows a value from data takes it through here, or
    through `md` / `View.md`."""
    return escape.markdown(value)


def md(template: str, **values) -> str:
    """`template`, our own Markdown, with `values` from data filled in as literal text."""
    return template.format(**{k: esc(x) for k, x in values.items()})


# momentjs formats of i18n.fmt_date (and of a time of day), which the browser applies itself:
# the sidebar's date box and the tables' date columns
DATE_FORMATS = {"nb": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
DATETIME_FORMATS = {"nb": "DD.MM.YYYY HH:mm", "en": "YYYY-MM-DD HH:mm"}
