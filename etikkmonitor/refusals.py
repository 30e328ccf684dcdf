"""Why an import is refused: one RefusalError per problem (file, words in both languages),
and `Refused`, the exception that carries them all. A refused import writes nothing anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import schema
from .guards import printable


@dataclass
class RefusalError:
    """Why a file (or the whole import) is refused. `message` is English (logs, --json);
    `text(lang)` says it in one language, from the text `refusal.<key>` where there is one."""

    file: str
    message: str
    columns: list[str] = field(default_factory=list)
    key: str | None = None
    values: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"file": self.file, "message": self.message, "columns": self.columns}

    def text(self, lang: str) -> str:
        from .i18n import t

        if self.key is None:
            return self.message
        # a value that is itself words is given in both languages: {"nb": ..., "en": ...}
        values = {k: v[lang] if isinstance(v, dict) else v for k, v in self.values.items()}
        return t(f"refusal.{self.key}", lang, **values)


def refusal(file: str, key: str, columns=(), **values) -> RefusalError:
    """A RefusalError in words of the text `refusal.<key>`; `message` is their English."""
    error = RefusalError(file, "", list(columns), key, values)
    error.message = error.text("en")
    return error


class Refused(Exception):
    """The import is refused as a whole; nothing was written."""

    def __init__(self, errors: list[RefusalError]):
        self.errors = errors
        super().__init__("; ".join(f"{e.file}: {e.message}" for e in errors))


def short_error(e: Exception) -> str:
    """An exception of a library as a line of a refusal: its message (data may be in it),
    printable and at most 200 characters."""
    text = printable(str(e) or type(e).__name__)
    return text if len(text) <= 200 else text[:200] + "…"


def unknown_table(file: str, name: str) -> RefusalError:
    known = ", ".join(f"{t.name}/{t.alias}" for t in schema.TABLES.values())
    return refusal(file, "unknown_table", name=repr(name), known=known)
