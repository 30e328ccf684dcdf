"""`generate`: the clean demo export of a deterministic Oslo, block by block.

One CSV per table of the export contract (canonical headers, `;`, UTF-8, ISO dates,
`ja`/`nei`), and the competitions' eForms notices beside them. Everything comes from
`random.Random` seeded per block and from fixed dates, never the clock, so the same scale and
seed give byte-identical files.
"""

from __future__ import annotations

import random
from contextlib import ExitStack
from pathlib import Path

from .block import Out
from .drawn import DrawnBlock
from .featured import write_featured
from .reference import AGENCIES

# One block is about 10 000 rows, so scale 100 is about a million.
RANDOM_CONTRACTS_PER_BLOCK = 345


def generate(out_dir: Path, scale: int = 1, seed: int = 2020) -> dict[str, int]:
    """Write the clean demo export (one CSV per table) to out_dir; return rows per table."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        out = Out(out_dir, stack)
        for a in AGENCIES:
            out.write("agencies", agency=a.name, agency_type=a.type, department=a.department)
        used_orgnr: set[str] = set()
        for block in range(scale):
            # An integer seed per block: stable across Python versions and hash seeds.
            rng = random.Random(seed * 1_000_003 + block)
            b = DrawnBlock(rng, block, out, used_orgnr)
            if block == 0:
                write_featured(b)
            for _ in range(RANDOM_CONTRACTS_PER_BLOCK):
                b.random_contract()
    # Imported here: etikkmonitor.eforms.demo reads this package's reference tables.
    from ..eforms.demo import add_notices

    return dict(out.counts) | add_notices(out_dir, seed, scale)
