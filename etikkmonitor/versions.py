"""The published versions of a database file, and why a database cannot be used as asked.

`path` (data/etikkmonitor.duckdb) is a symlink to the published version in `<name>.versions/`,
which nobody writes again. `next_version` copies it, lets the caller change the copy in one
transaction, syncs it to disk and publishes it by renaming the symlink onto it, one atomic step,
under a lock across processes; older versions are then removed. db.Store reads through
`published_file` and `identity`. DatabaseError and DatabaseBusy are db's errors (db re-exports
them), here because publishing raises them too.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb


class DatabaseError(RuntimeError):
    """The database cannot be used as asked. `key` and `values` give the words for a person
    (etikkmonitor/texts/database.py); str() is the English text with the path."""

    def __init__(self, key: str, **values) -> None:
        self.key, self.values = key, values
        super().__init__(f"{values.get('path', '')}: {self.text('en')}")

    @property
    def path(self) -> Path | None:
        return self.values.get("path")

    def text(self, lang: str) -> str:
        """The message in `lang`, without the server's paths (it may reach a browser)."""
        from .i18n import t

        return t(self.key, lang, **self.values)


class DatabaseBusy(DatabaseError):
    """Another process holds the database file, or is publishing to it."""


_publish_lock = threading.Lock()  # one publisher per process; _exclusive() across processes


@contextmanager
def next_version(path: Path, connect) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor, in a transaction, on the next version of the database at `path`; published on
    success (Store.publishing says how). `connect(file)` opens the new version for writing."""
    with _publish_lock, _exclusive(path):
        published = published_file(path)
        folder = versions_dir(path)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        new = folder / f"{stamp}-{secrets.token_hex(4)}.duckdb"
        try:
            _writable(folder.mkdir, path, exist_ok=True)
            if published is not None:
                _writable(shutil.copyfile, path, published, new)
                if _wal(published).exists():  # a file last closed uncleanly: keep its log
                    shutil.copyfile(_wal(published), _wal(new))
            con = connect(new)
            try:
                cur = con.cursor()
                cur.execute("BEGIN TRANSACTION")
                yield cur
                cur.execute("COMMIT")
                con.execute("CHECKPOINT")  # the published file is whole, without a log
            finally:
                con.close()
            _fsync(new)
            _fsync(folder)
            _point(path, new)
        except BaseException:
            for f in (new, _wal(new)):
                f.unlink(missing_ok=True)
            raise
        _clean(folder, keep={new.name, published.name if published else ""})


def versions_dir(path: Path) -> Path:
    """Where the published versions of the database at `path` are kept."""
    return path.with_name(path.name + ".versions")


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def published_file(path: Path) -> Path | None:
    """The file `path` names now (through its symlink), or None when there is none yet."""
    real = Path(os.path.realpath(path))
    return real if real.exists() else None


def identity(path: Path) -> tuple | None:
    """What tells the published file from its successor: a new version is a new inode."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise DatabaseError("db.error.unreadable", path=path, error=e.strerror) from None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """The publishing lock of `path` (flock on a file beside it), or DatabaseBusy at once."""
    lock_file = path.with_name(path.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise DatabaseError("db.error.not_writable", path=path, error=e.strerror) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseBusy("db.error.publishing", path=path) from None
        yield
    finally:
        os.close(fd)  # releases the lock


def _writable(fn, path: Path, *args, **kwargs):
    """fn(*args), with a folder or disk that refuses the write said plainly."""
    try:
        return fn(*args, **kwargs)
    except OSError as e:
        raise DatabaseError("db.error.not_writable", path=path, error=e.strerror) from None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _point(path: Path, target: Path) -> None:
    """Make `path` a symlink to `target` in one atomic rename (relative: the folder may move)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        os.symlink(os.path.relpath(target, path.parent), tmp)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise DatabaseError("db.error.not_writable", path=path, error=e.strerror) from None
    _fsync(path.parent)
    # A log left beside a plain file of an older layout would be replayed onto the new version
    # by anything opening `path` directly; it was copied into the new version above.
    _wal(path).unlink(missing_ok=True)


def _clean(folder: Path, keep: set[str]) -> None:
    """Remove versions no longer published, keeping the current and the one before it (a reader
    may have looked it up and not opened it yet). A reader that still has an older one open
    keeps reading it: on Linux a removed file lives on until its last user closes it."""
    for f in folder.iterdir():
        base = f.name.removesuffix(".wal")
        if base.endswith(".duckdb") and base not in keep:
            f.unlink(missing_ok=True)
