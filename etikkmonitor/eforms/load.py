"""Notices into the import: read every notice source, stage competitions and rejects in the
import's private database, and publish them with the rest in the same transaction.

The importer calls three functions, in one place each: `read` (during validation), `stage`
(after the register's rejects are collected) and `publish` (inside the publish
transaction). Nothing here opens the dashboard's database on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from .. import db
from ..reading import RefusalError, Source
from . import notices as nt
from .sources import Digest, NoticeSource, SourceRefused, items

TABLE = "competitions"  # the table name in the import log, the reject report and the database

COLUMNS: list[tuple[str, pa.DataType, str]] = [
    ("notice_id", pa.string(), "VARCHAR NOT NULL"),
    ("notice_version", pa.string(), "VARCHAR"),
    ("notice_type", pa.string(), "VARCHAR"),
    ("form_type", pa.string(), "VARCHAR"),
    ("notice_kind", pa.string(), "VARCHAR"),
    ("notice_subtype", pa.string(), "VARCHAR"),
    ("changes_notice", pa.string(), "VARCHAR"),
    ("superseded_by", pa.string(), "VARCHAR"),
    ("procedure_id", pa.string(), "VARCHAR"),
    ("issue_date", pa.date32(), "DATE"),
    ("publication_date", pa.date32(), "DATE NOT NULL"),
    ("ted_publication", pa.string(), "VARCHAR"),
    ("doffin_id", pa.string(), "VARCHAR"),
    ("buyer_org_nr", pa.string(), "VARCHAR"),
    ("buyer_name", pa.string(), "VARCHAR"),
    ("lot_id", pa.string(), "VARCHAR"),
    ("title", pa.string(), "VARCHAR"),
    ("cpv_main", pa.string(), "VARCHAR"),
    ("cpv_additional", pa.list_(pa.string()), "VARCHAR[]"),
    ("contract_nature", pa.string(), "VARCHAR"),
    ("estimated_value", pa.float64(), "DOUBLE"),
    ("currency", pa.string(), "VARCHAR"),
    ("strategic_procurement", pa.list_(pa.string()), "VARCHAR[]"),
    ("social_objectives", pa.list_(pa.string()), "VARCHAR[]"),
    ("result_code", pa.string(), "VARCHAR"),
    ("winner_org_nrs", pa.list_(pa.string()), "VARCHAR[]"),
    ("winner_names", pa.list_(pa.string()), "VARCHAR[]"),
    ("award_value", pa.float64(), "DOUBLE"),
    ("award_currency", pa.string(), "VARCHAR"),
    ("conclusion_date", pa.date32(), "DATE"),
    ("file", pa.string(), "VARCHAR"),
]
COLUMN_NAMES = [c[0] for c in COLUMNS]
SCHEMA = pa.schema([(name, type_) for name, type_, _ in COLUMNS])

DDL = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (\n    import_id INTEGER NOT NULL,\n    "
    + ",\n    ".join(f"{name} {ddl}" for name, _, ddl in COLUMNS)
    + "\n)"
)

_DOFFIN_ID = re.compile(r"\d{4}-\d{4,9}")  # Doffin's own notice number, e.g. 2024-110265


@dataclass
class _Read:
    notice: nt.Notice
    file_no: int
    line: int
    file: str


@dataclass
class NoticeBatch:
    """What the notice sources held: competitions, rejects and one log entry per source."""

    sources: list[Source] = field(default_factory=list)
    errors: list[RefusalError] = field(default_factory=list)
    rejects: list[tuple] = field(default_factory=list)  # file_no, line, file, id, code, detail
    read: list[_Read] = field(default_factory=list)
    table: pa.Table | None = None

    @property
    def notices_read(self) -> int:
        return sum(s.rows_read for s in self.sources)


def read(notice_sources: list[NoticeSource], first_file_no: int, max_file_bytes: int):
    """Read every notice; a source that cannot be read at all is a refusal (errors)."""
    batch = NoticeBatch()
    for k, src in enumerate(notice_sources):
        file_no = first_file_no + k
        digest = Digest()
        count = 0
        try:
            for line, name, data in items(src, digest, max_file_bytes):
                count += 1
                _one(batch, file_no, line, name, data)
        except SourceRefused as e:
            batch.errors.append(RefusalError(e.file, e.message))
            continue
        except OSError as e:
            batch.errors.append(RefusalError(src.name, f"cannot read: {e.strerror or e}"))
            continue
        size = src.path.stat().st_size if src.kind != "folder" else digest.size
        batch.sources.append(
            Source(
                file_no=file_no,
                path=src.path,
                file=src.name,
                sheet=None,
                table=TABLE,
                header=[],
                mapping={},
                unknown={},
                size_bytes=size,
                sha256=digest.h.hexdigest(),
                rows_read=count,
            )
        )
    _resolve_versions(batch)
    batch.table = _table(batch)
    return batch


def _one(batch: NoticeBatch, file_no: int, line: int, name: str, data) -> None:
    if isinstance(data, nt.NoticeRejected):
        batch.rejects.append((file_no, line, name, None, data.code, data.detail))
        return
    try:
        notice = nt.read(data)
    except nt.NoticeRejected as e:
        batch.rejects.append((file_no, line, name, e.notice_id, e.code, e.detail))
        return
    except (RecursionError, MemoryError, ValueError, TypeError) as e:  # bounded, never fatal
        batch.rejects.append((file_no, line, name, None, "not_xml", type(e).__name__))
        return
    batch.read.append(_Read(notice, file_no, line, name))


def _version_key(v: str | None) -> tuple:
    return (int(v), "") if v and v.isdigit() else (-1, v or "")


def _resolve_versions(batch: NoticeBatch) -> None:
    """A later version of a notice (same BT-701, higher BT-757) replaces it; a change notice
    (BT-758 names the notice it changes) replaces that notice. The replaced notice stays in
    the table with `superseded_by` set, so nothing disappears unseen; reviews leave it out.
    The same notice and version twice: the later copy is rejected as a duplicate."""
    latest: dict[str, _Read] = {}
    superseded: dict[int, str] = {}
    for i, r in enumerate(batch.read):
        n = r.notice
        prev = latest.get(n.notice_id)
        if prev is None:
            latest[n.notice_id] = r
            continue
        if _version_key(n.version) == _version_key(prev.notice.version):
            batch.rejects.append(
                (
                    r.file_no,
                    r.line,
                    r.file,
                    n.notice_id,
                    "notice_duplicate",
                    f"{prev.file}",
                )
            )
            r.notice = None  # type: ignore[assignment]
            continue
        older, newer = sorted((prev, r), key=lambda x: _version_key(x.notice.version))
        superseded[id(older)] = f"{newer.notice.notice_id} v{newer.notice.version}"
        latest[n.notice_id] = newer
    batch.read = [r for r in batch.read if r.notice is not None]
    for r in batch.read:
        target = nt.changed_notice_id(r.notice.changes)
        if target and target != r.notice.notice_id and target in latest:
            old = latest[target]
            superseded.setdefault(id(old), r.notice.notice_id)
    batch._superseded = superseded  # type: ignore[attr-defined]


def _table(batch: NoticeBatch) -> pa.Table:
    superseded = getattr(batch, "_superseded", {})
    cols: dict[str, list] = {name: [] for name in COLUMN_NAMES}
    for r in batch.read:
        n = r.notice
        stem = Path(r.file).stem
        doffin = stem if _DOFFIN_ID.fullmatch(stem) else None
        by = superseded.get(id(r))
        for lot in n.lots:
            row = {
                "notice_id": n.notice_id,
                "notice_version": n.version,
                "notice_type": n.notice_type,
                "form_type": n.form_type,
                "notice_kind": n.kind,
                "notice_subtype": n.subtype,
                "changes_notice": n.changes,
                "superseded_by": by,
                "procedure_id": n.procedure_id,
                "issue_date": n.issue_date,
                "publication_date": n.publication_date,
                "ted_publication": n.ted_publication,
                "doffin_id": doffin,
                "buyer_org_nr": n.buyer_org_nr,
                "buyer_name": n.buyer_name,
                "lot_id": lot.lot_id,
                "title": lot.title,
                "cpv_main": lot.cpv_main,
                "cpv_additional": lot.cpv_additional,
                "contract_nature": lot.contract_nature,
                "estimated_value": lot.estimated_value,
                "currency": lot.currency,
                "strategic_procurement": lot.strategic_procurement,
                "social_objectives": lot.social_objectives,
                "result_code": lot.result_code,
                "winner_org_nrs": lot.winner_org_nrs,
                "winner_names": lot.winner_names,
                "award_value": lot.award_value,
                "award_currency": lot.award_currency,
                "conclusion_date": lot.conclusion_date,
                "file": r.file,
            }
            for k, v in row.items():
                cols[k].append(v)
    return pa.table(cols, schema=SCHEMA)


def stage(con, batch: NoticeBatch) -> None:
    """The competitions and the notices' rejects into the import's private database; the
    rejects join the register's in `rejected`, so every report shows both."""
    con.register("incoming_notices", batch.table)
    con.execute(f"CREATE TABLE staged_{TABLE} AS SELECT * FROM incoming_notices")
    con.unregister("incoming_notices")
    if batch.rejects:
        con.executemany(
            "INSERT INTO rejected (table_name, file, sheet, file_no, line, column_name, value, "
            "code, detail) VALUES ($t, $file, NULL, $no, $line, 'notice_id', $id, $code, $detail)",
            [
                {
                    "t": TABLE,
                    "file": file,
                    "no": no,
                    "line": line,
                    "id": notice_id,
                    "code": code,
                    "detail": detail,
                }
                for no, line, file, notice_id, code, detail in batch.rejects
            ],
        )


def publish(vcon, cur, import_id: int) -> None:
    """Inside the publish transaction: the staged competitions under this import's id."""
    cur.execute(DDL)
    has = vcon.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = $t",
        {"t": f"staged_{TABLE}"},
    ).fetchall()[0][0]
    if not has:
        return
    cols = ", ".join(COLUMN_NAMES)
    incoming = vcon.sql(f"SELECT {cols} FROM staged_{TABLE}").to_arrow_table()
    db.add_rows(cur, f"{TABLE} (import_id, {cols})", incoming, import_id)
