"""Values from data shown as the text they are: in Markdown, in plotly's labels, on a terminal.

Export values are hostile input. Streamlit reads every header, caption, card and message as
Markdown (links, images fetched by every viewer's browser, :material: icons, $math$, colours),
plotly reads its labels and hover texts as a subset of HTML (<a href>, <b>, <br>), and a
terminal runs the escape sequences a file name may hold. Each function here turns a value into
text that its reader shows literally; the page furniture (`ui.md`), the figure builders and the
command line call them, so a caller never escapes by hand.
"""

from __future__ import annotations

import re
import string
import unicodedata

# CommonMark lets a backslash escape any ASCII punctuation character, and an escaped one is
# always literal text: no link, image, emphasis, code, HTML, entity, list or heading marker.
# Streamlit's own syntax builds on the same characters: `:` (icons, emoji, colour directives),
# `$` (math), `[`/`]`, `~`, `|` (tables).
_MARKDOWN_SPECIAL = frozenset(string.punctuation)
WORD_JOINER = "\u2060"
_MARKDOWN_CHAR = {ch: "\\" + ch for ch in _MARKDOWN_SPECIAL} | {
    ":": "\\:" + WORD_JOINER,
    "@": WORD_JOINER + "\\@",
}
_WWW = re.compile(r"www(?=\.)", re.IGNORECASE)

# Characters that move, hide or reorder text: C0 and C1 controls, DEL, line and paragraph
# separators, and the bidirectional overrides and isolates ("Trojan source").
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[\s\u2028\u2029]+")
# ... of which JSON leaves these raw (it escapes U+0000-U+001F inside strings itself, and the
# line breaks outside them are its own)
_CONTROL_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def markdown(value) -> str:
    """`value` as Markdown text that Streamlit shows literally, on one line.

    Every ASCII punctuation character is backslash-escaped (so `![x](http://...)`, `<img>`,
    `&amp;`, `:material/home:`, `$x$` and backticks show as typed), and line breaks, tabs and
    other control characters become single spaces (a line break could start a heading, a list
    or a code block of its own).

    Escapes do not reach everything: Streamlit finds links in plain text (http://..., www.,
    a@b.no) and emoji shortcodes (:smile:) in the text after parsing, where escapes are gone.
    An invisible word joiner (U+2060) breaks those patterns: after every colon and after
    "www", and before every "@". The text reads and wraps the same.
    """
    text = _SPACES.sub(" ", _CONTROL.sub(" ", str(value)))
    text = _WWW.sub(lambda m: m.group()[:3] + WORD_JOINER, text)
    return "".join(_MARKDOWN_CHAR.get(ch, ch) for ch in text)


def plotly(value) -> str:
    """`value` as text for a plotly label, legend, title or hover text, shown literally.

    plotly reads `<`, `>` and `&` (tags such as <a href>, <b>, <br>, and entities) in every
    text it draws; their entities are shown as the characters. Line breaks become spaces:
    plotly would otherwise draw a raw newline as nothing at all."""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", str(value)))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def terminal(value) -> str:
    """`value` safe to print on a terminal, on one line: control characters (escape sequences,
    carriage returns, newlines, bidirectional overrides) written as Python escapes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(value))


def json_text(text: str) -> str:
    """JSON text (from json.dumps) with the control characters JSON leaves raw (DEL, C1 and
    the bidirectional ones; JSON itself escapes U+0000-U+001F) written as \\u escapes: the same
    value to a JSON reader, no escape sequence to a terminal."""
    return _CONTROL_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def formula_like(text: str) -> bool:
    """A spreadsheet would read a cell starting like this as a formula: =, +, -, @, a tab or a
    carriage return, also as their full-width or small forms (＝＋－＠, which Excel takes as
    the ASCII ones): judged on the first character's compatibility form (NFKC)."""
    if not text:
        return False
    return unicodedata.normalize("NFKC", text[0])[:1] in ("=", "+", "-", "@", "\t", "\r")
