"""The command line: `etikkmonitor import|history|rollback|summary|snapshot|priorities|demo-data`
(also `python -m etikkmonitor`).

Each command is a thin shell over the package's functions, the same ones the dashboard calls.
Its messages are in one language, `--lang` (Norwegian bokmål unless `--lang en`), as the pages'.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from datetime import date
from pathlib import Path

from . import db, escape, settings
from .dates import DateProblem, parse_iso
from .filters import Filters
from .i18n import DEFAULT_LANG, LANGS, fmt_datetime, t

EXIT_REFUSED = 2
EXIT_PIPE = 141  # 128 + SIGPIPE: what a shell tool reports when the reader went away


class Failure(Exception):
    """A command cannot do what was asked: `message` (already in the command's language) goes
    to stderr, and the exit status is `code`."""

    def __init__(self, message: str, code: int = EXIT_REFUSED):
        super().__init__(message)
        self.code = code


def default_db() -> Path:
    return Path(os.environ.get("ETIKKMONITOR_DB", db.DEFAULT_DB))


def date_type(lang: str):
    """argparse's `type` for a date: YYYY-MM-DD within the supported range, else what is wrong
    (month 13, 30 February, year 9999) in `lang`."""

    def parse_date(text: str) -> date:
        try:
            return parse_iso(text)
        except DateProblem as e:
            raise argparse.ArgumentTypeError(e.message(lang)) from None

    return parse_date


parse_date = date_type(DEFAULT_LANG)


def open_store(path: Path | None, read_only: bool = True, lang: str = DEFAULT_LANG) -> db.Store:
    """The published database, for reading (`read_only=False` only to publish through it);
    the default one is built from the demo data the first time. Readers never lock the file:
    an import may publish beside them at any time."""
    from .bootstrap import ensure_default

    if path is None:
        path = default_db()
        ensure_default(path)
    elif not path.exists():
        raise Failure(t("cli.no_db", lang, path=path))
    return db.Store(path, read_only=read_only)


def agency_filters(store: db.Store, agencies, lang: str) -> Filters:
    """Filters for the agencies named on the command line, matched by `resolve_names`."""
    if not agencies:
        return Filters()
    import_id = store.current_import_id()
    known = []
    if import_id is not None:
        options = store.query(
            "filter_options",
            import_id=import_id,
            filters=Filters().as_param(),
            rules=settings.rules(),
            as_of=date.today(),
        )
        known = options.loc[options["dimension"] == "agencies", "value"].tolist()
    return Filters(agencies=tuple(resolve_names(agencies, known, lang)))


def resolve_names(given, known, lang: str) -> list[str]:
    """The names typed on the command line matched to `known` as `agencies.resolve` says: case
    and accents do not matter, a unique whole-word part is taken (and said so on stderr), a
    name matching none or several is a Failure naming the closest."""
    from .agencies import resolve

    found = resolve(given, known)
    if not found.ok:
        lines = [
            t("cli.agency.unknown", lang, name=typed)
            + (" " + t("cli.agency.closest", lang, names="; ".join(near)) if near else "")
            for typed, near in found.unknown
        ] + [
            t("cli.agency.ambiguous", lang, name=typed, names="; ".join(names))
            for typed, names in found.ambiguous
        ]
        raise Failure("\n".join(map(escape.terminal, lines)))  # typed names as text
    for typed, agency in found.guessed:
        say(t("cli.agency.guessed", lang, name=typed, agency=agency), err=True)
    return list(found.matched)


def who() -> str | None:
    """The account that runs the import, for the import log (the dashboard logs the e-mail)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no such user in the passwd file, no login name set
        return None


def say(text: str = "", err: bool = False) -> None:
    """Print one line: every control character in it (from a file name, a header, a value:
    escape sequences, carriage returns, newlines) written as an escape, never run by the
    terminal. All text output goes through here or `dump`."""
    print(escape.terminal(text), file=sys.stderr if err else sys.stdout)


def dump(obj) -> None:
    """Print `obj` as JSON, with the control characters JSON leaves raw (DEL, C1, bidi)
    escaped too: the same value to a JSON reader, nothing a terminal would run."""
    print(escape.json_text(json.dumps(obj, ensure_ascii=False, indent=2, default=str)))


def cmd_history(args) -> int:
    from .history import history

    store = open_store(args.db, read_only=True, lang=args.lang)
    try:
        log = history(store)
    finally:
        store.close()
    rows = [
        {
            "import_id": int(r["import_id"]),
            "action": r["action"],
            "data_import_id": int(r["data_import_id"]),
            "created_at": r["created_at"].to_pydatetime(),
            "created_by": r["created_by"] if isinstance(r["created_by"], str) else None,
            "note": r["note"] if isinstance(r["note"], str) else None,
            "files": int(r["files"]),
            "rows_imported": int(r["rows_imported"]),
            "rows_rejected": int(r["rows_rejected"]),
            "is_current": bool(r["is_current"]),
        }
        for _, r in log.iterrows()
    ]
    if args.json:
        dump([r | {"created_at": r["created_at"].isoformat(timespec="seconds")} for r in rows])
        return 0
    lang = args.lang
    if not rows:
        say(t("cli.history.empty", lang))
        return 0
    for r in rows:
        what = t(f"cli.history.{r['action']}", lang, data=r["data_import_id"])
        if r["files"]:
            what += ", " + t(
                "cli.history.rows",
                lang,
                files=r["files"],
                imported=r["rows_imported"],
                rejected=r["rows_rejected"],
            )
        if r["note"]:
            what += f" ({r['note']})"
        mark = "*" if r["is_current"] else " "
        when = fmt_datetime(r["created_at"], lang)
        say(f"{mark}{r['import_id']:>4}  {when}  {r['created_by'] or '–'}: {what}")
    say()
    say(t("cli.history.legend", lang))
    return 0


def cmd_rollback(args) -> int:
    from .history import history, rollback

    lang = args.lang
    store = open_store(args.db, read_only=False, lang=lang)  # it publishes a roll-back
    try:
        log = history(store)
        imports = [int(i) for i in log.loc[log["action"] == "import", "import_id"]]
        current = store.current_import_id()
        target = args.import_id
        if target is None:
            # the newest import before the one whose data is current
            earlier = [i for i in imports if current is None or i < current]
            if not earlier:
                raise Failure(t("cli.rollback.nothing", lang))
            target = max(earlier)
        elif target not in imports:
            raise Failure(
                t("cli.rollback.unknown", lang, id=target, ids=", ".join(map(str, sorted(imports))))
            )
        if target == current:
            raise Failure(t("cli.rollback.current", lang, id=target))
        entry = rollback(store, target, user=who())
    finally:
        store.close()
    say(t("cli.rollback.done", lang, id=target, entry=entry, path=args.db or default_db()))
    return 0


def cmd_summary(args) -> int:
    from .summary import key_figures

    store = open_store(args.db, lang=args.lang)
    try:
        flt = agency_filters(store, args.agency, args.lang)
        figures = key_figures(store, args.as_of, flt)
    finally:
        store.close()
    if args.json:
        dump(figures)
    else:
        from .i18n import summary_sentences

        for line in summary_sentences(figures, args.lang):
            say(line)
    return 0


def cmd_priorities(args) -> int:
    from .priority import priorities, supplier_priorities

    store = open_store(args.db, lang=args.lang)
    try:
        flt = agency_filters(store, args.agency, args.lang)
        rows = priorities(store, args.as_of, flt, lang=args.lang)
        if args.suppliers:
            rows = supplier_priorities(store, args.as_of, flt, lang=args.lang, contracts=rows)
    finally:
        store.close()
    rows = rows[: args.top] if args.top is not None else rows
    if args.json:
        dump(rows)
    else:
        for r in rows:
            who = (
                r["supplier_name"] if args.suppliers else f"{r['contract_id']} {r['supplier_name']}"
            )
            say(f"{r['rank']:>3}. {r['score']:6.2f}  {who}: {r['next_step']}")
            for reason in r["reasons"]:
                say(f"          - {reason}")
    return 0


def cmd_snapshot(args) -> int:
    from .snapshot import build_pdf

    lang = args.lang
    if args.compare_to is not None and args.compare_to > args.as_of:
        raise Failure(t("cli.compare_after", lang, compare=args.compare_to, as_of=args.as_of))
    store = open_store(args.db, lang=lang)
    try:
        flt = agency_filters(store, args.agency, lang)
        pdf = build_pdf(store, args.as_of, flt, compare_to=args.compare_to, lang=lang)
    finally:
        store.close()
    Path(args.out).write_bytes(pdf)
    say(t("cli.snapshot.written", lang, path=args.out, n=len(pdf)))
    return 0


def cmd_demo_data(args) -> int:
    from . import demo

    counts = demo.generate(Path(args.out), scale=args.scale, seed=args.seed)
    if args.messy:
        demo.write_messy(Path(args.messy))
    dump(counts)
    return 0


def cmd_check_setup(args) -> int:
    from .auth import problems_before_start

    rest = args.streamlit_args
    problems = problems_before_start(rest[1:] if rest[:1] == ["--"] else rest)
    for p in problems:
        say(f"etikkmonitor: {p}", err=True)
    if problems:
        say("etikkmonitor: not started (see README, Sign-in and roles)", err=True)
        return EXIT_REFUSED
    return 0


# argparse's own words for what is wrong on a command line (it has no Norwegian): the ones a
# person meets, as patterns on its English; anything else stays as argparse says it.
_ARGPARSE_NB = (
    (re.compile(r"the following arguments are required: (.*)"), r"disse mangler: \1"),
    (re.compile(r"expected one argument"), "venter én verdi"),
    (re.compile(r"expected at least one argument"), "venter minst én verdi"),
    (re.compile(r"invalid choice: (.*) \(choose from (.*)\)"), r"ugyldig valg: \1 (velg blant \2)"),
    (re.compile(r"invalid (\w+) value: (.*)"), r"ugyldig verdi: \2"),
    (re.compile(r"unrecognized arguments: (.*)"), r"ukjente argumenter: \1"),
    (re.compile(r"ambiguous option: (.*) could match (.*)"), r"tvetydig valg: \1 kan bety \2"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with its error line in the command's language."""

    lang = DEFAULT_LANG

    def error(self, message: str):
        usage = self.format_usage()
        if self.lang == "nb":
            usage = usage.replace("usage:", "bruk:", 1)
            for pattern, words in _ARGPARSE_NB:
                message = pattern.sub(words, message)
        self._print_message(usage, sys.stderr)
        # argparse quotes what was typed in its message: as text, never a terminal escape
        message = escape.terminal(message)
        self.exit(EXIT_REFUSED, f"{self.prog}: {t('cli.error', self.lang)}: {message}\n")


def _lang_of(argv: list[str]) -> str:
    """The --lang given anywhere on the line (before the parser runs, so that its own errors
    are in that language too)."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            return value
    return DEFAULT_LANG


def build_parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    from .cli_import import cmd_import  # it imports this module's say, Failure, ...

    _Parser.lang = lang
    as_date = date_type(lang)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=LANGS, default=DEFAULT_LANG, help="language of messages and words"
    )
    p = _Parser(prog="etikkmonitor", description=__doc__, parents=[common])
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(name: str, help_: str):
        return sub.add_parser(name, help=help_, parents=[common])

    imp = add("import", "validate an export and publish it")
    imp.add_argument("paths", nargs="+", help="CSV/XLSX files or folders")
    imp.add_argument("--db", type=Path, help="database file (default data/etikkmonitor.duckdb)")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument(
        "--strict", action="store_true", help="refuse if any row is rejected or a table is missing"
    )
    imp.add_argument(
        "--contract",
        help="read the files as suppliers' factory lists (Open Supply Hub's format) of this "
        "contract, merged into the current dataset",
    )
    imp.add_argument("--profile", help="read the files through this column-mapping profile")
    imp.add_argument(
        "--force",
        action="store_true",
        help="publish even if the import drops more of the current contracts than the "
        "settings allow unasked (import.confirm_contract_loss, by default more than half)",
    )
    imp.set_defaults(func=cmd_import)

    h = add("history", "the import log: imports and roll-backs, newest first")
    h.add_argument("--db", type=Path)
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_history)

    rb = add("rollback", "make an earlier import's data current again (logged, can be undone)")
    rb.add_argument(
        "import_id", nargs="?", type=int, help="the import to go back to (default: the one before)"
    )
    rb.add_argument("--db", type=Path)
    rb.set_defaults(func=cmd_rollback)

    s = add("summary", "the key figures as of a date")
    s.add_argument("--as-of", type=as_date, default=date.today(), help="YYYY-MM-DD")
    s.add_argument("--agency", action="append", help="agency (repeat for several)")
    s.add_argument("--db", type=Path)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_summary)

    d = add("demo-data", "write the demo export")
    d.add_argument("--out", required=True)
    d.add_argument("--scale", type=int, default=1)
    d.add_argument("--seed", type=int, default=2020)
    d.add_argument("--messy", help="also write the messy demo export to this folder")
    d.set_defaults(func=cmd_demo_data)

    pr = add("priorities", "what to follow up next: contracts by priority score")
    pr.add_argument("--as-of", type=as_date, default=date.today(), help="YYYY-MM-DD")
    pr.add_argument("--agency", action="append", help="agency (repeat for several)")
    pr.add_argument("--top", type=int, help="only the N highest")
    pr.add_argument("--suppliers", action="store_true", help="rolled up per supplier")
    pr.add_argument("--db", type=Path)
    pr.add_argument("--json", action="store_true", help="print the list as JSON (with terms)")
    pr.set_defaults(func=cmd_priorities)

    sn = add("snapshot", "the status snapshot for politicians as a PDF")
    sn.add_argument("--as-of", type=as_date, default=date.today(), help="YYYY-MM-DD")
    sn.add_argument("--agency", action="append", help="agency (repeat for several)")
    sn.add_argument("--compare-to", type=as_date, help="YYYY-MM-DD (default: a quarter earlier)")
    sn.add_argument("--db", type=Path)
    sn.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    sn.set_defaults(func=cmd_snapshot)

    cs = sub.add_parser(
        "check-setup",
        help="refuse (exit 2) a dashboard start that would not fail closed: sign-in settings"
        " incomplete, or no sign-in and not listening on 127.0.0.1 only (scripts/run.sh)",
    )
    cs.add_argument(
        "streamlit_args", nargs=argparse.REMAINDER, help="the arguments of streamlit run"
    )
    cs.set_defaults(func=cmd_check_setup)

    from .eforms.cli import add_commands  # review, doffin-fetch: etikkmonitor/eforms/cli.py

    add_commands(sub, parse_date)
    return p


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = _lang_of(argv)
    try:
        args = build_parser(lang).parse_args(argv)
        return args.func(args)
    except Failure as e:
        for line in str(e).split("\n"):  # a message of several lines: each as text
            say(line, err=True)
        return e.code
    except db.DatabaseError as e:  # busy, unreadable, not writable: said plainly, no traceback
        say(f"{e.values.get('path', '')}: {e.text(lang)}", err=True)
        return 1
    except BrokenPipeError:
        # The reader went away (`summary --json | head -3`): end quietly. Python would still
        # try to flush stdout at exit and complain, so point it at /dev/null first.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE


if __name__ == "__main__":
    sys.exit(main())
