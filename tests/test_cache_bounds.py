"""Every cache of the dashboard is bounded by time and by memory, not only by its number of
entries (issue 14, item 9: opening links with random dates grew the server from 858 MB to
1 264 MB over 540 runs). docs/performance.md has what the server then holds, measured."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [*(ROOT / "etikkmonitor").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
)
# One object per database path for the life of the process, not one per view: no bound needed.
PER_PROCESS = {"store", "_ensure_default"}


def cache_decorators():
    """(file, function, kind, keyword names) of every @st.cache_data/@st.cache_resource."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for d in node.decorator_list:
                call = d if isinstance(d, ast.Call) else None
                target = call.func if call else d
                if isinstance(target, ast.Attribute) and target.attr in (
                    "cache_data",
                    "cache_resource",
                ):
                    names = {k.arg for k in call.keywords} if call else set()
                    yield path.relative_to(ROOT), node.name, target.attr, names


def test_the_caches_are_found():
    found = {(str(f), name) for f, name, _, _ in cache_decorators()}
    assert ("etikkmonitor/ui/caches.py", "_cached_query") in found
    assert ("pages/oppfolging.py", "frames") in found
    assert len(found) >= 10


def test_every_cache_per_view_has_a_time_to_live_and_a_bound():
    for file, name, kind, keywords in cache_decorators():
        if name in PER_PROCESS:
            continue
        assert "ttl" in keywords, f"{file}:{name} keeps a view for ever"
        assert "max_entries" in keywords, f"{file}:{name} has no bound on its entries"
        if kind == "cache_data":  # Streamlit can bound these by the bytes they hold
            assert "max_size" in keywords, f"{file}:{name} has no bound on its bytes"


def test_all_cached_data_together_has_a_byte_budget():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    budget = config["server"]["maxCacheDataSize"].lower()
    assert budget.endswith("mb") and 0 < int(budget[:-2]) <= 1024
