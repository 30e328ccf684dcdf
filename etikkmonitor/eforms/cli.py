"""The notices' commands: `etikkmonitor review` and `etikkmonitor doffin-fetch`.

Registered on the main parser by one call (`add_commands`), so that the command line's own
module changes in one line only.
"""

from __future__ import annotations

import re
from pathlib import Path

ORG_NR = re.compile(r"\d{9}")  # a Norwegian organisation number


def add_commands(sub, parse_date) -> None:
    r = sub.add_parser(
        "review",
        help="the yearly review of the year's competitions (eForms notices) as in the dashboard",
    )
    r.add_argument("--year", type=int, required=True, help="publication year, e.g. 2024")
    r.add_argument(
        "--agency", action="append", help="buyer by name or organisation number (repeatable)"
    )
    r.add_argument("--db", type=Path)
    r.add_argument("--json", action="store_true", help="print the figures as JSON")
    r.add_argument("--lang", choices=("nb", "en"), default="nb")
    r.set_defaults(func=cmd_review)

    f = sub.add_parser(
        "doffin-fetch",
        help="download a buyer's notices from Doffin's public API (key in $DOFFIN_API_KEY)",
    )
    f.add_argument("--buyer", required=True, help="the buyer's organisation number")
    f.add_argument("--from", dest="date_from", type=parse_date, required=True, help="YYYY-MM-DD")
    f.add_argument("--to", dest="date_to", type=parse_date, required=True, help="YYYY-MM-DD")
    f.add_argument("--out", type=Path, required=True, help="folder for the notices' XML")
    f.add_argument("--base-url", default=None, help="API root (default Doffin's; for tests)")
    f.add_argument("--rate", type=float, default=2.0, help="at most this many requests a second")
    f.set_defaults(func=cmd_doffin_fetch)


def cmd_review(args) -> int:
    from ..cli import dump, open_store, resolve_names, say
    from ..i18n import t
    from . import review

    store = open_store(args.db, read_only=args.db is not None)
    try:
        import_id = store.current_import_id()
        if import_id is None:
            say(t("cli.no_data", args.lang), err=True)
            return 2
        cur = store.cursor()
        given = args.agency or []
        # an organisation number is taken as it is; a name is matched to the year's buyers as
        # `summary --agency` matches agencies (a name matching none: exit 2, the closest named)
        numbers = [a for a in given if ORG_NR.fullmatch(a.strip())]
        names = [a for a in given if a not in numbers]
        if names:
            year = review.competitions(cur, import_id, args.year, [])
            known = sorted(set(year["buyer_name"].dropna()))
            names = resolve_names(names, known, args.lang)
        agencies = [a.strip() for a in numbers] + names
        df = review.competitions(cur, import_id, args.year, agencies)
    finally:
        store.close()
    figures = review.figures(df, args.year, agencies)
    if args.json:
        dump(figures)
        return 0
    for line in review.sentences(figures, args.lang):
        say(line)  # buyers' names are data: printed as text, never as terminal escapes
    return 0


def cmd_doffin_fetch(args) -> int:
    from ..cli import dump, say
    from . import doffin

    if args.date_to < args.date_from:
        raise SystemExit(f"--to {args.date_to} is before --from {args.date_from}")
    try:
        result = doffin.fetch(
            buyer=args.buyer,
            date_from=args.date_from,
            date_to=args.date_to,
            out=args.out,
            base_url=args.base_url,
            rate=args.rate,
        )
    except doffin.FetchError as e:
        say(str(e), err=True)
        return 2
    dump(result)
    return 0
