"""Uploaded files for the importer page: stored under names of our own, within limits.

The names people give their files find the table and label reports; they never become paths.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .guards import check_size
from .reading import RefusalError


@dataclass(frozen=True)
class Upload:
    name: str  # as the person named it
    data: bytes


def store_uploads(uploads: list[Upload]) -> tuple[Path, list[tuple[Path, str]], list[RefusalError]]:
    """Write uploads into a fresh private folder as upload-0.xlsx, upload-1.csv, ...

    Returns the folder, the (file, given name) pairs for `importer.validate`, and the uploads
    refused before reading (too large).
    """
    folder = Path(tempfile.mkdtemp(prefix="etikkmonitor-upload-"))
    pairs, refused = [], []
    for i, up in enumerate(uploads):
        given = Path(up.name.replace("\\", "/")).name or f"upload-{i}"
        problem = check_size(len(up.data))
        if problem:
            refused.append(RefusalError(given, problem))
            continue
        path = folder / f"upload-{i}{_suffix(given)}"
        path.write_bytes(up.data)
        pairs.append((path, given))
    return folder, pairs, refused


def _suffix(given: str) -> str:
    """The given name's extension, lower case, when it is a plain one (".xlsx"), else none.

    The stored file keeps it: openpyxl refuses a workbook whose file name has no workbook
    extension. The reader still judges the file by the name the person gave it.
    """
    suffix = Path(given).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
