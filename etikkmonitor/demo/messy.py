"""`write_messy`: the small, deliberately messy demo export, copied from data/demo-messy/.

The folder is the source, committed by hand like tests/fixtures/handmade/: Norwegian file and
column names, three encodings and delimiters, and bad rows on purpose, each named in its
README (Norwegian) so that a user can compare it with the import's reject report.
tests/test_demo.py checks the README against what the importer rejects.
"""

from __future__ import annotations

import shutil
from pathlib import Path

MESSY_DIR = Path(__file__).resolve().parents[2] / "data" / "demo-messy"


def write_messy(out_dir: Path) -> None:
    """Copy the messy export and its README to out_dir, byte for byte."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for f in sorted(MESSY_DIR.iterdir()):
        shutil.copyfile(f, out_dir / f.name)
