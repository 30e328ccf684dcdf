"""A memo for plotly's property-path parser, the largest single cost of building a figure.

Every `update_layout`, `add_bar` and property lookup turns a key such as "paper_bgcolor" or
"legend.title" into a path with `plotly.basedatatypes._str_to_dict_path_full`: string splits,
underscore handling and a `reduce`, on every call, for the same few hundred keys. Under the load
test (bench/load.py, 20 users) building figures on a cache miss was a third of the server's
Python time and this parser a third of that. The parser is a pure function of its string, so
its results are remembered; figures come out identical (tests/test_plotly_paths.py).

plotly has no public option for this (7.1.0), hence the wrapper around a private function. If a
plotly upgrade renames it, `install` leaves plotly as it is: slower, never wrong.
"""

from __future__ import annotations

from functools import lru_cache

import plotly.basedatatypes as _bdt

_ORIGINAL = getattr(_bdt, "_str_to_dict_path_full", None)


@lru_cache(maxsize=4096)  # the keys our builders use are a few hundred; the bound is for safety
def _cached(key_path_str: str) -> tuple[tuple, tuple]:
    path, starts = _ORIGINAL(key_path_str)
    # A tuple, not plotly's list: one result is shared by every caller, so none may change it
    # (plotly's callers only read it).
    return path, tuple(starts)


def _parse(key_path_str):
    if isinstance(key_path_str, str):
        return _cached(key_path_str)
    return _ORIGINAL(key_path_str)


def install() -> bool:
    """Put the memo in front of plotly's parser (once; True if it is in place)."""
    if _ORIGINAL is None:
        return False
    _bdt._str_to_dict_path_full = _parse
    return True


INSTALLED = install()
