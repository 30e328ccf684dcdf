"""Where notices come from: single .xml files, folders of them and .zip archives.

Everything is read one notice at a time, so memory stays bounded whatever an archive holds:
an archive's members are checked against their declared sizes and compression ratio before
they are opened, and each is read at most MAX_NOTICE_BYTES + 1 bytes (a member that lies about
its size is caught by what it actually gives). An archive inside an archive is not opened.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .notices import MAX_NOTICE_BYTES, NoticeRejected

NOTICE_SUFFIXES = {".xml", ".zip"}
MAX_MEMBERS = 200_000  # a year of every Norwegian buyer's notices is some 20 000
MAX_ARCHIVE_UNCOMPRESSED = 4 * 1024**3
MAX_RATIO = 100  # uncompressed / compressed for a member above 1 MB: beyond this, a bomb
MAX_FOLDER_FILES = 200_000


class SourceRefused(Exception):
    """A notice source that cannot be read at all (refuses the import, as a bad CSV does)."""

    def __init__(self, file: str, message: str):
        self.file, self.message = file, message
        super().__init__(f"{file}: {message}")


@dataclass
class NoticeSource:
    """One .xml file, one folder of notices or one .zip archive, as the user gave it."""

    path: Path
    name: str  # as reports show it
    kind: str  # "file", "folder" or "zip"


def is_notice_path(name: str) -> bool:
    return Path(name).suffix.lower() in NOTICE_SUFFIXES


def split(paths) -> tuple[list, list[NoticeSource]]:
    """(what the register's reader takes, notice sources), from the paths of an import.
    A folder goes to both: the reader takes its .csv/.xlsx files, and its .xml/.zip files,
    at any depth, are notices. An item may be a (path, name) pair (an uploaded file)."""
    register: list = []
    notices: list[NoticeSource] = []
    for item in paths:
        if isinstance(item, tuple):
            path, name = Path(item[0]), item[1]
            if is_notice_path(name):
                notices.append(_file_source(path, Path(name).name))
            else:
                register.append(item)
            continue
        p = Path(item)
        if p.is_dir():
            register.append(item)
            if any(True for _ in _notice_files(p)):
                notices.append(NoticeSource(p, p.name or str(p), "folder"))
            for z in sorted(p.rglob("*.zip")):  # an archive in the folder is a source of its own
                if z.is_file() and not z.name.startswith("."):
                    notices.append(_file_source(z, z.relative_to(p).as_posix()))
        elif is_notice_path(p.name):
            notices.append(_file_source(p, p.name))
        else:
            register.append(item)
    return register, notices


def _file_source(path: Path, name: str) -> NoticeSource:
    return NoticeSource(path, name, "zip" if name.lower().endswith(".zip") else "file")


def _notice_files(folder: Path) -> Iterator[Path]:
    for f in sorted(folder.rglob("*")):
        if f.is_file() and f.suffix.lower() == ".xml" and not f.name.startswith("."):
            yield f


class Digest:
    """Size and SHA-256 of what a source held, taken as it is read."""

    def __init__(self):
        self.h = hashlib.sha256()
        self.size = 0

    def add(self, data: bytes) -> None:
        self.h.update(data)
        self.size += len(data)


def items(src: NoticeSource, digest: Digest, max_file_bytes: int) -> Iterator[tuple]:
    """(number, file name, bytes or NoticeRejected) for every notice of the source, in a
    stable order; the number is the notice's place in the source (its "line")."""
    if src.kind == "file":
        size = src.path.stat().st_size
        if size > max_file_bytes:
            raise SourceRefused(src.name, f"is {size / 1e6:.1f} MB, above the limit")
        yield 1, src.name, _read_file(src.path, digest)
    elif src.kind == "folder":
        files = list(_notice_files(src.path))
        if len(files) > MAX_FOLDER_FILES:
            raise SourceRefused(
                src.name, f"holds {len(files)} notices, more than {MAX_FOLDER_FILES}"
            )
        for i, f in enumerate(files, start=1):
            name = f"{src.name}/{f.relative_to(src.path).as_posix()}"
            yield i, name, _read_file(f, digest)
    else:
        yield from _zip_items(src, digest, max_file_bytes)


def _read_file(path: Path, digest: Digest) -> bytes | NoticeRejected:
    size = path.stat().st_size
    if size > MAX_NOTICE_BYTES:
        return NoticeRejected("notice_too_large", f"{size / 1e6:.1f} MB")
    data = path.read_bytes()
    digest.add(data)
    return data


def _zip_items(src: NoticeSource, digest: Digest, max_file_bytes: int) -> Iterator[tuple]:
    size = src.path.stat().st_size
    if size > max_file_bytes:
        raise SourceRefused(src.name, f"is {size / 1e6:.1f} MB, above the limit")
    with src.path.open("rb") as f:
        if f.read(4) != b"PK\x03\x04":
            raise SourceRefused(src.name, "is named .zip but is not a zip archive")
    try:
        z = zipfile.ZipFile(src.path)
    except (zipfile.BadZipFile, OSError) as e:
        raise SourceRefused(src.name, f"is not a readable zip archive ({e})") from None
    with z:
        infos = [i for i in z.infolist() if not i.is_dir()]
        if len(infos) > MAX_MEMBERS:
            raise SourceRefused(src.name, f"holds {len(infos)} files, more than {MAX_MEMBERS}")
        total = sum(i.file_size for i in infos)
        if total > MAX_ARCHIVE_UNCOMPRESSED:
            raise SourceRefused(
                src.name, f"unpacks to {total / 1e9:.1f} GB: refused as a possible zip bomb"
            )
        for n, info in enumerate(sorted(infos, key=lambda i: i.filename), start=1):
            name = f"{src.name}/{info.filename}"
            yield n, name, _zip_member(z, info, digest)


def _zip_member(z: zipfile.ZipFile, info: zipfile.ZipInfo, digest: Digest):
    lower = info.filename.lower()
    if lower.endswith(".zip"):
        return NoticeRejected("zip_nested")
    if not lower.endswith(".xml"):
        return NoticeRejected("zip_not_xml")
    if info.flag_bits & 0x1:
        return NoticeRejected("zip_encrypted")
    if info.file_size > MAX_NOTICE_BYTES:
        return NoticeRejected("notice_too_large", f"{info.file_size / 1e6:.1f} MB")
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return NoticeRejected("zip_bomb")
    try:
        with z.open(info) as f:
            data = f.read(MAX_NOTICE_BYTES + 1)
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError) as e:
        return NoticeRejected("zip_bad_member", str(e)[:200])
    if len(data) > MAX_NOTICE_BYTES:  # the header lied about the size
        return NoticeRejected("notice_too_large", f"> {MAX_NOTICE_BYTES / 1e6:.0f} MB")
    digest.add(data)
    return data
