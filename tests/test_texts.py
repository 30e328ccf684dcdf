"""Every text of the interface exists in both languages (issue 13, item 6).

What it walks: the tables etikkmonitor/i18n.py keeps itself (any module-level dict of entries,
TEXT and CODES today) and every module of etikkmonitor/texts/ (any module-level dict of
entries, TEXT today), each module on its own, so an entry shadowed when i18n merges them is
checked too. An entry is `{lang: value}`; a value is a text or, for plural forms, a dict of
form -> text (so the check holds whichever plural mechanism the texts use). Every entry has
exactly the languages i18n.LANGS, every text is non-empty, and both languages name the same
{placeholders}.
"""

from __future__ import annotations

import importlib
import pkgutil
import string

from etikkmonitor import i18n, texts


def is_entry(value) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= {*i18n.LANGS, "nb", "en"}


def tables(module) -> dict[str, dict]:
    """The module's dicts of text entries, by name."""
    return {
        name: value
        for name, value in vars(module).items()
        if isinstance(value, dict)
        and value
        and all(isinstance(k, str) and is_entry(v) for k, v in value.items())
    }


def registries() -> dict[str, dict]:
    """Every table of texts: i18n's own and each texts/ module's, by where it is."""
    found = {f"i18n.{name}": table for name, table in tables(i18n).items()}
    for mod in pkgutil.iter_modules(texts.__path__):
        module = importlib.import_module(f"{texts.__name__}.{mod.name}")
        found |= {f"texts.{mod.name}.{name}": table for name, table in tables(module).items()}
    return found


def forms(value) -> list[str]:
    """The texts of one language's value: itself, or each of its plural forms."""
    if isinstance(value, str):
        return [value]
    assert isinstance(value, dict) and value, value
    return [text for form in value.values() for text in forms(form)]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_walk_finds_the_tables_the_code_merges():
    found = registries()
    # a check that walked nothing could not fail: the merged table is the registries' union
    walked = {key for name, table in found.items() if name != "i18n.CODES" for key in table}
    assert walked == set(i18n._all_text())
    assert "i18n.CODES" in found
    assert len(found) >= 1 + len(list(pkgutil.iter_modules(texts.__path__)))


def problems_of(entry) -> list[str]:
    if set(entry) != set(i18n.LANGS):
        return [f"languages {sorted(entry)}"]
    out = []
    names = {}
    for lang in i18n.LANGS:
        words = forms(entry[lang])
        out += [f"{lang} empty" for w in words if not (isinstance(w, str) and w.strip())]
        names[lang] = set().union(*map(placeholders, words))
    if len({frozenset(n) for n in names.values()}) > 1:
        out.append(f"placeholders {names}")
    return out


def test_every_text_has_both_languages_and_the_same_placeholders():
    problems = [
        f"{where}: {key}: {problem}"
        for where, table in registries().items()
        for key, entry in table.items()
        for problem in problems_of(entry)
    ]
    assert problems == []
