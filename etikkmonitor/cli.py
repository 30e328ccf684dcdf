"""The command line: `etikkmonitor import|summary|demo-data ...` (also `python -m etikkmonitor`).

Each command is a thin shell over the package's functions, the same ones the dashboard calls.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import date
from pathlib import Path

from . import db, schema
from .i18n import t

EXIT_REFUSED = 2


def default_db() -> Path:
    return Path(os.environ.get("ETIKKMONITOR_DB", db.DEFAULT_DB))


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def open_store(path: Path | None, read_only: bool = False) -> db.Store:
    """The database; the default one is built from the demo data the first time."""
    from .bootstrap import ensure_default

    if path is None:
        path = default_db()
        ensure_default(path)
    elif not path.exists():
        raise SystemExit(f"no database at {path}: run `etikkmonitor import ... --db {path}` first")
    return db.Store(path, read_only=read_only)


def _who() -> str | None:
    """The account that runs the import, for the import log (the dashboard logs the e-mail)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no such user in the passwd file, no login name set
        return None


def cmd_import(args) -> int:
    from .importer import publish, validate
    from .reading import Refused

    try:
        v = validate(args.paths)
    except Refused as e:
        if args.json:
            print(
                json.dumps(
                    {"refused": True, "errors": [x.as_dict() for x in e.errors]},
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            print(t("cli.refused", args.lang), file=sys.stderr)
            for x in e.errors:
                print(f"  {x.file}: {x.message}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        rejects = v.rejects(args.lang)
        if args.strict and rejects:
            if args.json:
                print(
                    json.dumps(
                        {
                            "refused": True,
                            "errors": [
                                {
                                    "file": "",
                                    "message": t("cli.strict", "en", n=len(rejects)),
                                    "columns": [],
                                }
                            ],
                            "rejected": rejects,
                        },
                        ensure_ascii=False,
                        indent=2,
                        default=str,
                    )
                )
            else:
                _print_rejects(rejects, args.lang)
                print(
                    t("cli.strict", args.lang, n=len(rejects)),
                    file=sys.stderr,
                )
            return EXIT_REFUSED
        path = args.db or default_db()
        store = db.Store(path)
        try:
            import_id = publish(v, store, user=_who())
        finally:
            store.close()
        files = v.files()
        if args.json:
            out = {
                "import_id": import_id,
                "imported": v.counts,
                "rejected": [
                    {
                        k: r[k]
                        for k in (
                            "table",
                            "file",
                            "sheet",
                            "line",
                            "column",
                            "value",
                            "reason",
                            "code",
                        )
                    }
                    for r in rejects
                ],
                "files": [
                    {
                        k: f[k]
                        for k in (
                            "file",
                            "sheet",
                            "table",
                            "rows_read",
                            "rows_imported",
                            "rows_rejected",
                            "unknown_columns",
                        )
                    }
                    for f in files
                ],
            }
            print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        else:
            lang = args.lang
            print(t("cli.published", lang, id=import_id, path=path))
            for f in files:
                where = f["file"] + (f" [{f['sheet']}]" if f["sheet"] else "")
                table = f["table"] if lang == "en" else schema.TABLES[f["table"]].alias
                print(
                    "  "
                    + t(
                        "cli.file_counts",
                        lang,
                        where=where,
                        table=table,
                        read=f["rows_read"],
                        imported=f["rows_imported"],
                        rejected=f["rows_rejected"],
                    )
                )
                if f["unknown_columns"]:
                    print("    " + t("cli.unknown", lang, cols=", ".join(f["unknown_columns"])))
            _print_rejects(rejects, args.lang)
        return 0
    finally:
        v.close()


def _print_rejects(rejects, lang: str) -> None:
    if not rejects:
        return
    print("\n" + t("cli.problems", lang, n=len(rejects)))
    for r in rejects:
        where = r["file"] + (f" [{r['sheet']}]" if r["sheet"] else "")
        value = "" if r["value"] is None else f" = {r['value']!r}"
        line = t("cli.line", lang, line=r["line"])
        print(f"  {where} {line}: {r['header'] or '(row)'}{value}: {r['reason']}")


def cmd_summary(args) -> int:
    from .filters import Filters
    from .summary import key_figures

    store = open_store(args.db, read_only=args.db is not None)
    try:
        figures = key_figures(store, args.as_of, Filters(agencies=tuple(args.agency or ())))
    finally:
        store.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        from .i18n import summary_sentences

        for line in summary_sentences(figures, "nb"):
            print(line)
    return 0


def cmd_priorities(args) -> int:
    from .filters import Filters
    from .priority import priorities, supplier_priorities

    store = open_store(args.db, read_only=args.db is not None)
    try:
        flt = Filters(agencies=tuple(args.agency or ()))
        rows = priorities(store, args.as_of, flt, lang=args.lang)
        if args.suppliers:
            rows = supplier_priorities(store, args.as_of, flt, lang=args.lang, contracts=rows)
    finally:
        store.close()
    rows = rows[: args.top] if args.top is not None else rows
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            who = (
                r["supplier_name"] if args.suppliers else f"{r['contract_id']} {r['supplier_name']}"
            )
            print(f"{r['rank']:>3}. {r['score']:6.2f}  {who}: {r['next_step']}")
            for reason in r["reasons"]:
                print(f"          - {reason}")
    return 0


def cmd_snapshot(args) -> int:
    from .filters import Filters
    from .snapshot import build_pdf

    if args.compare_to is not None and args.compare_to > args.as_of:
        raise SystemExit(f"--compare-to {args.compare_to} is after --as-of {args.as_of}")
    store = open_store(args.db, read_only=args.db is not None)
    try:
        flt = Filters(agencies=tuple(args.agency or ()))
        pdf = build_pdf(store, args.as_of, flt, compare_to=args.compare_to, lang=args.lang)
    finally:
        store.close()
    Path(args.out).write_bytes(pdf)
    print(f"{args.out}: {len(pdf)} bytes")
    return 0


def cmd_demo_data(args) -> int:
    from . import demo

    counts = demo.generate(Path(args.out), scale=args.scale, seed=args.seed)
    if args.messy:
        demo.write_messy(Path(args.messy))
    print(json.dumps(counts, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="etikkmonitor", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    imp = sub.add_parser("import", help="validate an export and publish it")
    imp.add_argument("paths", nargs="+", help="CSV/XLSX files or folders")
    imp.add_argument("--db", type=Path, help="database file (default data/etikkmonitor.duckdb)")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument("--strict", action="store_true", help="refuse if any row is rejected")
    imp.add_argument("--lang", choices=("nb", "en"), default="nb", help="language of reasons")
    imp.set_defaults(func=cmd_import)

    s = sub.add_parser("summary", help="the key figures as of a date")
    s.add_argument("--as-of", type=parse_date, default=date.today(), help="YYYY-MM-DD")
    s.add_argument("--agency", action="append", help="agency (repeat for several)")
    s.add_argument("--db", type=Path)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_summary)

    d = sub.add_parser("demo-data", help="write the demo export")
    d.add_argument("--out", required=True)
    d.add_argument("--scale", type=int, default=1)
    d.add_argument("--seed", type=int, default=2020)
    d.add_argument("--messy", help="also write the messy demo export to this folder")
    d.set_defaults(func=cmd_demo_data)

    pr = sub.add_parser("priorities", help="what to follow up next: contracts by priority score")
    pr.add_argument("--as-of", type=parse_date, default=date.today(), help="YYYY-MM-DD")
    pr.add_argument("--agency", action="append", help="agency (repeat for several)")
    pr.add_argument("--top", type=int, help="only the N highest")
    pr.add_argument("--suppliers", action="store_true", help="rolled up per supplier")
    pr.add_argument("--lang", choices=("nb", "en"), default="nb", help="language of the words")
    pr.add_argument("--db", type=Path)
    pr.add_argument("--json", action="store_true", help="print the list as JSON (with terms)")
    pr.set_defaults(func=cmd_priorities)

    sn = sub.add_parser("snapshot", help="the status snapshot for politicians as a PDF")
    sn.add_argument("--as-of", type=parse_date, default=date.today(), help="YYYY-MM-DD")
    sn.add_argument("--agency", action="append", help="agency (repeat for several)")
    sn.add_argument("--compare-to", type=parse_date, help="YYYY-MM-DD (default: a quarter earlier)")
    sn.add_argument("--lang", choices=("nb", "en"), default="nb")
    sn.add_argument("--db", type=Path)
    sn.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    sn.set_defaults(func=cmd_snapshot)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except db.DatabaseBusy as e:
        print(str(e), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
