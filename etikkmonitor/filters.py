"""The dimensions a user may filter on: the whitelist every page, the CLI and snapshot share."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Filters:
    """Each field a tuple of chosen values; empty means everything."""

    agencies: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    suppliers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO alpha-2
    contract_types: tuple[str, ...] = ()

    def as_param(self) -> dict:
        """The $filters struct of the queries."""
        return {f.name: list(getattr(self, f.name)) for f in fields(self)}

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


DIMENSIONS = tuple(f.name for f in fields(Filters))
