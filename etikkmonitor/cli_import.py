"""The command line's `import`: validate an export, publish it, and report what was read, set
aside and left out, as text in the command's language or as JSON (`--json`). The importer page
goes through the same importer functions; the parser and the other commands are in cli.py.
"""

from __future__ import annotations

from . import db, schema
from .cli import EXIT_REFUSED, default_db, dump, say, who
from .i18n import t


def cmd_import(args) -> int:
    from .import_inputs import validate_args
    from .importer import LossNotConfirmed, missing_tables, publish, validate
    from .reading import Refused

    lang = args.lang
    try:
        v = validate_args(validate, args)
    except Refused as e:
        if args.json:
            dump({"refused": True, "errors": [x.as_dict() for x in e.errors]})
        else:
            say(t("cli.refused", lang), err=True)
            for x in e.errors:
                say(f"  {x.file}: {x.text(lang)}", err=True)
        return EXIT_REFUSED
    try:
        rejects = v.rejects(lang)
        # A table without a file publishes as empty: the dashboard would show no factories,
        # findings ... from then on. Said plainly; --strict refuses it, as it refuses rejects.
        missing = missing_tables(v)
        missing_words = ", ".join(_table_words(m, lang) for m in missing)
        problems = []
        if rejects:
            problems.append(t("cli.strict", lang, n=len(rejects)))
        if missing:
            problems.append(t("cli.strict.missing", lang, tables=missing_words))
        if args.strict and problems:
            if args.json:
                dump(
                    {
                        "refused": True,
                        "errors": [{"file": "", "message": p, "columns": []} for p in problems],
                        "missing_tables": missing,
                        "rejected": rejects,
                    }
                )
            else:
                _print_rejects(rejects, lang)
                for p in problems:
                    say(p, err=True)
            return EXIT_REFUSED
        path = args.db or default_db()
        store = db.Store(path)
        try:
            import_id = publish(v, store, user=who(), allow_loss=args.force)
        except LossNotConfirmed as e:
            message = _loss_message(e.loss, lang)
            if args.json:
                dump(
                    {
                        "refused": True,
                        "errors": [{"file": "", "message": message, "columns": []}],
                        "loss": {
                            "current_contracts": e.loss.current,
                            "lost_contracts": e.loss.lost,
                            "import_contracts": e.loss.incoming,
                        },
                    }
                )
            else:
                say(message, err=True)
            return EXIT_REFUSED
        finally:
            store.close()
        files = v.files()
        if args.json:
            dump(
                {
                    "import_id": import_id,
                    "imported": v.counts,
                    "missing_tables": missing,
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
            )
        else:
            say(t("cli.published", lang, id=import_id, path=path))
            for f in files:
                where = f["file"] + (f" [{f['sheet']}]" if f["sheet"] else "")
                say(
                    "  "
                    + t(
                        "cli.file_counts",
                        lang,
                        where=where,
                        table=_table_words(f["table"], lang),
                        read=f["rows_read"],
                        imported=f["rows_imported"],
                        rejected=f["rows_rejected"],
                    )
                )
                if f["unknown_columns"]:
                    say("    " + t("cli.unknown", lang, cols=", ".join(f["unknown_columns"])))
            _print_rejects(rejects, lang)
            if missing:
                say(err=True)
                say(t("cli.missing_tables", lang, tables=missing_words), err=True)
        return 0
    finally:
        v.close()


def _loss_message(loss, lang: str) -> str:
    from .i18n import fmt_int, fmt_pct

    return t(
        "cli.loss",
        lang,
        lost=fmt_int(loss.lost, lang),
        current=fmt_int(loss.current, lang),
        share=fmt_pct(loss.share, lang),
        incoming=fmt_int(loss.incoming, lang),
    )


def _print_rejects(rejects, lang: str) -> None:
    if not rejects:
        return
    say()
    say(t("cli.problems", lang, n=len(rejects)))
    for r in rejects:
        where = r["file"] + (f" [{r['sheet']}]" if r["sheet"] else "")
        value = "" if r["value"] is None else f" = {r['value']!r}"
        line = t("cli.line", lang, line=r["line"])
        column = r["column_words"] or t("cli.row", lang)
        say(f"  {where} {line}: {column}{value}: {r['reason']}")


def _table_words(name: str, lang: str) -> str:
    # competitions come from eForms notices, not from a table of the export contract
    return name if lang == "en" or name not in schema.TABLES else schema.TABLES[name].alias
