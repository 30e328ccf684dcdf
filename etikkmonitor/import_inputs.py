"""What the command line's `import` hands the importer beyond the files: factory lists for a
contract (`--contract`) and column-mapping profiles (`--profile`). Kept apart from cli.py so
that the CLI's own code changes little."""

from __future__ import annotations

from pathlib import Path

from . import db
from .reading import RefusalError, Refused


def validate_args(validate, args):
    """`validate` called for the CLI's arguments; the database is opened only when a factory
    list needs the current dataset."""
    from . import profiles

    chosen = None
    if getattr(args, "profile", None):
        try:
            chosen = [profiles.load(args.profile)]
        except profiles.ProfileError as e:
            raise Refused([RefusalError(f"--profile {args.profile}", str(e))]) from None
    contract = getattr(args, "contract", None)
    if contract is None:
        return validate(args.paths, profiles=chosen)
    from .factory_lists import FactoryList
    from .importer import expand

    lists = [FactoryList(path, name, contract) for path, name in expand(args.paths)]
    path = Path(args.db) if args.db else None
    store = db.Store(path) if path is not None and path.exists() else None
    if store is None and path is None:
        from .cli import default_db

        if default_db().exists():
            store = db.Store(default_db())
    try:
        return validate([], lists=lists, store=store, profiles=chosen)
    finally:
        if store is not None:
            store.close()
