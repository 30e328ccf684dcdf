"""The importer page's parts for data as it comes: files read as a contract's factory list, the
column-mapping profile builder for an export the contract's names do not fit, and the likely
factory matches a person confirms or rejects. Called from pages/importer.py at three places;
kept here so that the page itself changes little.

No value from data is ever rendered as Markdown or HTML here: file names, headers, values and
factory names appear only in tables (st.dataframe) and widget options, which show text as text.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from . import db, factory_match, profiles, schema
from .factory_lists import FactoryList, read_table_file
from .i18n import t
from .reading import CSV_SUFFIXES, XLSX_SUFFIXES, RefusalError, fold, table_for

LISTS = "imp_lists"  # uploaded file name -> contract id, for files read as factory lists
INPUTS = "imp_inputs"  # what the last check read: [(name, bytes)] and the list choices
NONE = ""
PREVIEW_VALUES = 3
MAX_WORDS = 30  # distinct unknown words offered for mapping per column


# --- 1. which uploads are factory lists -------------------------------------------------------


def list_choices(lang: str, names: list[str], contracts: list[str]) -> dict[str, str]:
    """A choice per uploaded file: an export file, or a factory list of one contract."""
    chosen: dict[str, str] = {}
    if not names:
        return chosen
    with st.expander(t("fab.imp.lists", lang), icon=":material/factory:"):
        st.caption(t("fab.imp.lists.help", lang))
        for i, name in enumerate(names):
            pick = st.selectbox(
                t("fab.imp.list_for", lang, n=i + 1),
                [NONE, *contracts],
                key=f"imp_list_{i}",
                format_func=lambda c: t("fab.imp.not_a_list", lang) if c == NONE else c,
                help=t("fab.imp.list_for.help", lang),
            )
            st.dataframe(pd.DataFrame({t("imp.col.file", lang): [name]}), hide_index=True)
            if pick != NONE:
                chosen[name] = pick
    return chosen


def validate_uploads(validate, pairs, choices: dict[str, str], store, progress=None):
    """validate() with the uploads chosen as factory lists read as such."""
    lists = [FactoryList(p, name, choices[name]) for p, name in pairs if name in choices]
    files = [(p, name) for p, name in pairs if name not in choices]
    return validate(files, progress=progress, lists=lists, store=store if lists else None)


# --- 2. likely matches ------------------------------------------------------------------------


def match_section(lang: str, val, store, user: str) -> bool:
    """Likely matches of the check's list rows, each to confirm or reject. True when a decision
    was taken (the caller checks the files again, so the decision applies at once)."""
    found = factory_match.suggestions(val, store)
    if not found:
        return False
    st.markdown(f"**{t('fab.imp.matches', lang)}**")
    st.caption(t("fab.imp.matches.help", lang))
    table = pd.DataFrame(
        {
            "#": range(1, len(found) + 1),
            t("imp.col.file", lang): [s["file"] for s in found],
            t("imp.col.line", lang): [s["line"] for s in found],
            t("fab.imp.col.in_list", lang): [s["name"] for s in found],
            t("fab.imp.col.address", lang): [s["address"] for s in found],
            t("fab.imp.col.known", lang): [s["factory_name"] for s in found],
            t("fab.imp.col.known_address", lang): [s["factory_address"] for s in found],
            t("fab.imp.col.known_id", lang): [s["factory_id"] for s in found],
            t("fab.imp.col.contracts", lang): [", ".join(s["contracts"]) for s in found],
            t("fab.imp.col.reason", lang): [reason_text(s, lang) for s in found],
        }
    )
    st.dataframe(table, hide_index=True)
    decided = False
    for i, s in enumerate(found, start=1):
        c1, c2, _ = st.columns([1, 1, 3])
        if c1.button(t("fab.imp.confirm", lang, n=i), key=f"imp_match_yes_{i}"):
            factory_match.decide(store, s["key"], s["factory_id"], True, user)
            decided = True
        if c2.button(t("fab.imp.reject", lang, n=i), key=f"imp_match_no_{i}"):
            factory_match.decide(store, s["key"], s["factory_id"], False, user)
            decided = True
    return decided


def reason_text(s: dict, lang: str) -> str:
    words = []
    for r in s["reasons"]:
        if r == "similar_name":
            words.append(t("fab.reason.similar_name", lang, score=s["similarity"]))
        else:
            words.append(t(f"fab.reason.{r}", lang))
    return ", ".join(words)


# --- 3. column-mapping profiles ----------------------------------------------------------------


def _fold_con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    db.create_parse_macros(con)
    return con


def mappable(errors: list[RefusalError], uploads: dict[str, bytes]) -> list[str]:
    """Uploaded files refused for their header or an unknown table: a profile may read them."""
    out = []
    for e in errors:
        name = e.file.split(" [", 1)[0]
        if (
            name in uploads
            and name not in out
            and ("missing required column" in e.message or "unknown table" in e.message)
        ):
            out.append(name)
    return out


def _read_upload(name: str, data: bytes):
    folder = Path(tempfile.mkdtemp(prefix="etikkmonitor-profile-"))
    try:
        path = folder / ("upload" + Path(name).suffix.lower())
        path.write_bytes(data)
        return read_table_file(path, name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def profile_builder(lang: str, uploads: dict[str, bytes], names: list[str]) -> bool:
    """Map a refused file's columns and words to the contract's and save it as a profile.
    True when a profile was saved (the caller checks the files again)."""
    st.subheader(t("fab.prof.title", lang))
    st.caption(t("fab.prof.help", lang))
    name = st.selectbox(t("fab.prof.file", lang), names, key="prof_file")
    if name is None:
        return False
    if Path(name).suffix.lower() not in CSV_SUFFIXES | XLSX_SUFFIXES:
        return False
    got = _read_upload(name, uploads[name])
    if isinstance(got, RefusalError):
        st.error(t("fab.prof.unreadable", lang), icon=":material/block:")
        return False
    _sheet, header, body, _enc, _delim = got
    header = [h if h else f"({i + 1})" for i, h in enumerate(header)]
    con = _fold_con()
    try:
        guessed = table_for(con, Path(name).stem) or _best_table(con, header)
        tables = list(schema.TABLES)
        table_name = st.selectbox(
            t("fab.prof.table", lang),
            tables,
            index=tables.index(guessed) if guessed else 0,
            key="prof_table",
            format_func=lambda n: n if lang == "en" else f"{schema.TABLES[n].alias} ({n})",
        )
        table = schema.TABLES[table_name]
        columns_of = {h: [v[i] for _, v, _ in body if i < len(v)] for i, h in enumerate(header)}
        preview = pd.DataFrame(
            {
                t("fab.prof.col.header", lang): header,
                t("fab.prof.col.values", lang): [
                    ", ".join(str(x) for x in columns_of[h] if x not in (None, ""))[:120]
                    for h in header
                ],
            }
        )
        st.dataframe(preview, hide_index=True)
        canonical = {k: c for c in table.columns for k in fold(con, [c.name, c.alias])}
        header_keys = fold(con, header)
        mapping: dict[str, str] = {}
        st.markdown(f"**{t('fab.prof.columns', lang)}**")
        for col in table.columns:
            default = next(
                (h for h, k in zip(header, header_keys, strict=True) if canonical.get(k) is col),
                NONE,
            )
            options = [NONE, *header]
            pick = st.selectbox(
                (col.name if lang == "en" else f"{col.alias} ({col.name})")
                + (" *" if col.required else ""),
                options,
                index=options.index(default),
                key=f"prof_col_{table_name}_{col.name}",
                format_func=lambda h: t("fab.prof.unmapped", lang) if h == NONE else h,
            )
            if pick != NONE:
                mapping[pick] = col.name
        missing = [c.name for c in table.columns if c.required and c.name not in mapping.values()]
        twice = len(set(mapping.values())) < len(mapping)
        words = _word_choices(lang, con, table, mapping, columns_of)
        prof_name = st.text_input(t("fab.prof.name", lang), key="prof_name", max_chars=64)
        ok_name = bool(profiles.NAME.fullmatch(prof_name or ""))
        if missing:
            st.warning(
                t("fab.prof.missing", lang, cols=", ".join(missing)), icon=":material/warning:"
            )
        if prof_name and not ok_name:
            st.warning(t("fab.prof.bad_name", lang), icon=":material/warning:")
        if st.button(
            t("fab.prof.save", lang),
            disabled=bool(missing) or twice or not ok_name,
            type="primary",
            key="prof_save",
        ):
            profile = profiles.Profile(
                prof_name,
                table_name,
                tuple(h for h in header if not h.startswith("(")),
                mapping,
                {c: w for c, w in words.items() if w},
            )
            try:
                profiles.save(profile)
            except (profiles.ProfileError, OSError) as e:
                st.error(t("fab.prof.not_saved", lang, why=type(e).__name__))
                return False
            return True
    finally:
        con.close()
    return False


def _best_table(con, header: list[str]) -> str | None:
    """The table most of whose column names or aliases the header has (None if none)."""
    keys = set(fold(con, header))
    best, hits = None, 0
    for table in schema.TABLES.values():
        n = len(keys & set(fold(con, [x for c in table.columns for x in (c.name, c.alias)])))
        if n > hits:
            best, hits = table.name, n
    return best


def _unknown_words(con, col: schema.Column, values: list[str]) -> list[str]:
    """The values that are not ours. Yes/no: those em_parse_bool cannot read, so its macro
    stays the one list of yes/no words; a choice: neither a code nor its Norwegian word."""
    if col.type == schema.BOOL:
        read = con.execute(
            "SELECT list_transform($v, lambda x: em_parse_bool(x) IS NOT NULL)", {"v": values}
        ).fetchone()[0]
        return [w for w, ok in zip(values, read, strict=True) if not ok]
    known = set(fold(con, [w for pair in col.values.items() for w in pair]))
    return [w for w, k in zip(values, fold(con, values), strict=True) if k not in known]


def _word_choices(lang, con, table, mapping, columns_of) -> dict[str, dict[str, str]]:
    """For each mapped choice or yes/no column, the file's words that are not ours, each with a
    selectbox of our values ('' keeps the word: its rows are then rejected, and reported)."""
    out: dict[str, dict[str, str]] = {}
    shown_title = False
    for header, column in mapping.items():
        col = table.column(column)
        if col.type not in (schema.ENUM, schema.BOOL):
            continue
        targets = list(col.values) if col.type == schema.ENUM else list(profiles.BOOL_VALUES)
        values = sorted({str(x).strip() for x in columns_of.get(header, []) if x not in (None, "")})
        unknown = _unknown_words(con, col, values)
        if not unknown:
            continue
        if not shown_title:
            st.markdown(f"**{t('fab.prof.words', lang)}**")
            shown_title = True
        out[column] = {}
        for j, word in enumerate(unknown[:MAX_WORDS]):
            pick = st.selectbox(
                t("fab.prof.word", lang, column=column, n=j + 1),
                [NONE, *targets],
                key=f"prof_word_{column}_{j}",
                format_func=lambda v, w=word: (
                    f"{w} → " + (t("fab.prof.keep", lang) if v == NONE else v)
                ),
            )
            if pick != NONE:
                out[column][word] = pick
    return out
