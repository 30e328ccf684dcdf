"""Deterministic demo data: a realistic Oslo kommune, and a small deliberately messy export.

`generate` (world.py) writes the clean export: the world is cut into blocks of about 10 000
rows; block 0 holds the featured cases (featured.py, from data/demo/featured.toml: UKE's
framework agreement for work clothes from DFØ's published case, and a few deliberately bad
ones); every further block is another independently drawn Oslo (drawn.py) whose ids carry a
`-NNN` suffix, so `scale=N` is N blocks, written row by row as they are drawn (block.py). The
agencies, categories, cities, names and findings the world is drawn from are data files in
etikkmonitor/data/demo/, read once by reference.py.

`write_messy` (messy.py) copies the messy export committed in data/demo-messy/.
"""

from .block import EXPORT_DATE, add_months, orgnr_check_digit
from .messy import write_messy
from .reference import AGENCIES, CATEGORIES, CITIES, Agency, Category
from .world import RANDOM_CONTRACTS_PER_BLOCK, generate

_add_months = add_months  # the name tests/test_demo.py calls it by

__all__ = [
    "AGENCIES",
    "CATEGORIES",
    "CITIES",
    "EXPORT_DATE",
    "RANDOM_CONTRACTS_PER_BLOCK",
    "Agency",
    "Category",
    "add_months",
    "generate",
    "orgnr_check_digit",
    "write_messy",
]
