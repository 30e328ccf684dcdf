"""Agency names as a person types them: matched to the dataset's own, once for CLI and pages.

The rule (README, "Agencies"): a name is matched with case, accents and spacing folded away
("bydel  alna", "BYDEL ALNA" -> "Bydel Alna"); a name that is a whole word or words of exactly
one agency's name is taken as that agency ("Alna" -> "Bydel Alna"), and the CLI says so; a name
that is part of several ("Bydel") or of none is not guessed: it is an error (CLI, exit 2) or a
warning (pages) naming the closest agencies, found with rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

CLOSEST = 3  # agencies named for a name that matches none
_SPACE = re.compile(r"\s+")
_LETTERS = str.maketrans({"ø": "o", "æ": "ae"})


def fold(name: str) -> str:
    """The name without case, accents or repeated spaces: "Bydel  Grünerløkka " ->
    "bydel grunerlokka".

    Accents are dropped by decomposition (å -> a, ü -> u, é -> e); ø and æ, which do not
    decompose, are written as on a keyboard without them (o, ae).
    """
    decomposed = unicodedata.normalize("NFKD", str(name).casefold().translate(_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", plain).strip()


@dataclass
class Resolution:
    """The agencies a list of typed names gives, and what could not be matched."""

    matched: list[str] = field(default_factory=list)  # the dataset's names, in the order given
    guessed: list[tuple[str, str]] = field(default_factory=list)  # (typed, agency) by part
    unknown: list[tuple[str, list[str]]] = field(default_factory=list)  # (typed, closest)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)  # (typed, candidates)

    @property
    def ok(self) -> bool:
        return not self.unknown and not self.ambiguous


def resolve(given: Iterable[str], known: Sequence[str]) -> Resolution:
    """Match each typed name in `given` to one of the dataset's agencies `known`."""
    by_fold: dict[str, str] = {}
    for name in known:
        by_fold.setdefault(fold(name), name)
    folded_known = list(by_fold)
    out = Resolution()
    for typed in given:
        key = fold(typed)
        hit = by_fold.get(key)
        if hit is None and key:
            # whole words only: "alna" is part of "bydel alna", "aln" is not
            word = re.compile(rf"(?:^| ){re.escape(key)}(?: |$)")
            parts = [k for k in folded_known if word.search(k)]
            if len(parts) == 1:
                hit = by_fold[parts[0]]
                out.guessed.append((typed, hit))
            elif parts:
                out.ambiguous.append((typed, [by_fold[k] for k in parts]))
                continue
        if hit is None:
            out.unknown.append((typed, closest(key, by_fold)))
        elif hit not in out.matched:
            out.matched.append(hit)
    return out


def closest(key: str, by_fold: dict[str, str], limit: int = CLOSEST) -> list[str]:
    """The `limit` agencies whose folded names are nearest to `key` (rapidfuzz's WRatio, which
    weighs a word that is part of a longer name as well as a misspelling)."""
    if not by_fold:
        return []
    best = process.extract(key, list(by_fold), scorer=fuzz.WRatio, limit=limit)
    return [by_fold[name] for name, _score, _i in best]
