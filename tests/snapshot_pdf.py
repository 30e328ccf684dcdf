"""What the snapshot tests share: the dates and agencies of the hand-worked summaries, the PDF's
text as pypdf reads it, and the fixtures `store` (the hand-made database, read-only) and `build`
(its PDFs, built once a module). A test module imports `store_fixture` and `build_fixture` and
asks for `store` and `build`.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest

from etikkmonitor import db, snapshot
from etikkmonitor.filters import Filters

D = dt.date(2024, 6, 30)
D2 = dt.date(2025, 3, 31)
UKE = "Utviklings- og kompetanseetaten"
GRUNERLOKKA = "Bydel Grünerløkka"
SYKEHJEM = "Sykehjemsetaten"


def normalise(text: str) -> str:
    """One line, single spaces; non-breaking spaces (Norwegian number groups) as spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def pages_text(pdf: bytes) -> list[str]:
    """The text of each page in content order (pypdf), normalised."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [normalise(page.extract_text()) for page in reader.pages]


def text(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module", name="store")
def store_fixture(handmade_db):
    s = db.Store(handmade_db, read_only=True)
    yield s
    s.close()


@pytest.fixture(scope="module", name="build")
def build_fixture(store):
    """build(as_of, agency=None, compare_to=None, lang="nb") -> PDF bytes, cached per module."""
    cache: dict = {}

    def _build(as_of, agency=None, compare_to=None, lang="nb") -> bytes:
        key = (as_of, agency, compare_to, lang)
        if key not in cache:
            flt = Filters(agencies=(agency,) if agency else ())
            cache[key] = snapshot.build_pdf(store, as_of, flt, compare_to=compare_to, lang=lang)
        return cache[key]

    return _build
