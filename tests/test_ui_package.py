"""The dashboard's shared parts as a package (etikkmonitor/ui/): what a page, app.py and the
tests reach as `ui.X` is there, and the imports a function makes only when it runs (the demo
database's bootstrap, the snapshot PDF behind the sidebar's button) resolve from inside the
package; the PDF the button hands out is made."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from datetime import date

from dashboard_dbs import HANDMADE, ROOT, build

from etikkmonitor import ui
from etikkmonitor.filters import Filters

PACKAGE = ROOT / "etikkmonitor" / "ui"


def test_every_import_of_the_package_resolves_also_those_made_when_a_function_runs():
    # A module moved into the package keeps `from .x import` inside its functions: such an
    # import is read only when the function runs (a click on the PDF button), so import
    # each one here, top level or not.
    seen = 0
    for path in sorted(PACKAGE.glob("*.py")):
        package = "etikkmonitor.ui"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                name = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
                module = importlib.import_module(name)
                for alias in node.names:
                    assert hasattr(module, alias.name) or importlib.util.find_spec(
                        f"{name}.{alias.name}"
                    ), f"{path.name}: {name}.{alias.name}"
                seen += 1
    assert seen >= 40  # every module imports several of its neighbours


def test_what_pages_call_is_there():
    for name in ("page", "query", "table", "Col", "show_chart", "empty", "esc", "md", "view",
                 "setup", "gate", "language", "deferred_page", "url_key", "url_flag",
                 "url_toggle", "keep_in_url", "store", "figures", "publishing",
                 "uploader_words", "frames", "downloads", "MAX_SHOWN", "CACHE_TTL",
                 "cache_key", "text_width", "contract_url", "dialogue_columns"):  # fmt: skip
        assert callable(getattr(ui, name)) or name in ("MAX_SHOWN", "CACHE_TTL"), name


def test_the_sidebar_pdf_is_made(tmp_path):
    from etikkmonitor.ui.caches import _snapshot_pdf

    path = build(HANDMADE, tmp_path / "handmade.duckdb")
    store = ui.store(str(path))
    f = Filters()
    pdf = _snapshot_pdf(
        str(path), store.current_import_id(), date(2024, 6, 30), ui.cache_key(f.as_param()), f, "nb"
    )
    assert pdf.startswith(b"%PDF-")
