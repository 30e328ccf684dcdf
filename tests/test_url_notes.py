"""A page's address as a newcomer copies or types it (issue 12, section 2): a bad or far-off
`as_of` is replaced by today and said so; an agency is matched as the CLI matches it, and one
the data does not have is named in a warning with the closest, never read as Markdown. The
sidebar's date box writes dates as the language does.

On the hand-made fixture (tests/fixtures/handmade/): its agencies are Utviklings- og
kompetanseetaten, Bydel Grünerløkka and Sykehjemsetaten.
"""

from __future__ import annotations

from datetime import date

import pytest
from app_under_test import open_app
from dashboard_dbs import ROOT
from streamlit.testing.v1 import AppTest

from etikkmonitor import ui

APP = str(ROOT / "app.py")
PAGES = [
    "pages/oversikt.py",
    "pages/oslomodellen.py",
    "pages/sosial_dialog.py",
    "pages/frister.py",
    "pages/oppfolging.py",
    "pages/kontrakt.py",
    "pages/datakvalitet.py",
]
GRUNERLOKKA = "Bydel Grünerløkka"


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def as_of(at: AppTest) -> date:
    return at.sidebar.date_input(key="flt_as_of").value


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ("2024-13-01", "måned 13 finnes ikke"),
        ("30.06.2024", "ikke en dato på formen ÅÅÅÅ-MM-DD"),
        ("9999-12-31", "utenfor datoene Etikkmonitor regner med"),
        ("0001-01-01", "utenfor datoene Etikkmonitor regner med"),
    ],
)
def test_bad_date_in_the_address_is_today_with_a_warning(handmade_db, monkeypatch, given, words):
    at = open_app(handmade_db, monkeypatch, as_of=given)
    assert as_of(at) == date.today()
    [note] = warnings(at)
    # the user's text is shown as given: escaped as every value from outside (ui.esc)
    assert f"«{ui.esc(given)}»" in note
    assert words in note.replace("\\", "") and "i stedet" in note


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("given", ["9999-12-31", "0001-01-01"])
def test_far_off_dates_crash_no_page(handmade_db, monkeypatch, page, given):
    # today's code crashed three pages on these (a quarter before year 1, a year after 9999)
    at = open_app(handmade_db, monkeypatch, page, as_of=given)
    assert not at.exception
    assert as_of(at) == date.today()


def test_date_box_can_only_reach_the_range(handmade_db, monkeypatch):
    from etikkmonitor.dates import MAX_DATE, MIN_DATE

    at = open_app(handmade_db, monkeypatch, as_of="2024-06-30")
    box = at.sidebar.date_input(key="flt_as_of")
    assert (box.proto.min, box.proto.max) == (MIN_DATE.isoformat(), MAX_DATE.isoformat())


@pytest.mark.parametrize(("lang", "fmt"), [("nb", "DD.MM.YYYY"), ("en", "YYYY-MM-DD")])
def test_date_box_writes_dates_as_the_language_does(handmade_db, monkeypatch, lang, fmt):
    # English dates are ISO everywhere else (i18n.fmt_date): the box showed 05.12.2026
    at = open_app(handmade_db, monkeypatch, as_of="2024-06-30", lang=lang)
    assert at.sidebar.date_input(key="flt_as_of").proto.format == fmt


@pytest.mark.parametrize("typed", ["bydel grunerlokka", "BYDEL GRÜNERLØKKA", "grünerløkka"])
def test_agency_in_the_address_matched_without_case_or_accents(handmade_db, monkeypatch, typed):
    at = open_app(handmade_db, monkeypatch, as_of="2024-06-30", agency=typed)
    assert at.sidebar.multiselect(key="flt_agencies").value == [GRUNERLOKKA]
    assert warnings(at) == []
    assert any(f"virksomhet: {GRUNERLOKKA}" in c.value for c in at.caption)


def test_unknown_agency_in_the_address_is_a_warning_naming_the_closest(handmade_db, monkeypatch):
    # a link straight to a page: the page it opens shows the warning
    monkeypatch.setenv("ETIKKMONITOR_DB", str(handmade_db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["as_of"] = "2024-06-30"
    at.query_params["agency"] = "Grunerlokka bydel x"
    at.switch_page("pages/frister.py").run(timeout=60)
    assert not at.exception
    assert at.sidebar.multiselect(key="flt_agencies").value == []
    [note] = warnings(at)
    assert "«Grunerlokka bydel x»" in note and "ikke finnes i dataene" in note
    assert "Nærmest: Bydel Grünerløkka" in note
    assert [t.value for t in at.title] == ["Frister og avvik"]


def test_a_word_of_one_agency_in_the_address_is_that_agency(handmade_db, monkeypatch):
    # "Bydel" is a whole word of one agency's name here (with Bydel Alna beside it, it would
    # fit two and be refused: test_cli's test_agency_that_matches_none_or_several...)
    at = open_app(handmade_db, monkeypatch, as_of="2024-06-30", agency="Bydel")
    assert at.sidebar.multiselect(key="flt_agencies").value == [GRUNERLOKKA]


def test_agency_from_the_address_is_never_read_as_markdown(handmade_db, monkeypatch):
    typed = "**Narnia** [klikk](http://example.org) ![x](http://example.org/x.png) :red[r]"
    at = open_app(handmade_db, monkeypatch, as_of="2024-06-30", agency=typed)
    [note] = warnings(at)
    assert "\\*\\*Narnia\\*\\*" in note
    assert "\\[klikk\\]\\(http\\:" in note
    # (ui.esc also puts a word joiner after ":", so Streamlit finds no :directive: after parsing)
    assert "\\!\\[x\\]" in note and ui.esc(":red[r]") in note


def test_english_warning_is_english(handmade_db, monkeypatch):
    at = open_app(handmade_db, monkeypatch, as_of="2024-13-01", agency="Narnia", lang="en")
    notes = warnings(at)
    assert len(notes) == 2
    assert any("there is no month 13" in n and "instead" in n for n in notes)
    assert any("'Narnia', which is not in the data" in n for n in notes)
    assert not any("«" in n for n in notes)


def test_a_web_address_or_email_in_the_address_is_no_link(handmade_db, monkeypatch):
    # Streamlit links bare www.… and a@b.no in text after parsing, where backslashes are gone;
    # the note has a word joiner (U+2060) after "www" and before "@" (escape.markdown)
    for typed, broken in (("www.example.org", "www\u2060\\.example"), ("a@b.no", "a\u2060\\@b")):
        at = open_app(handmade_db, monkeypatch, as_of="2024-06-30", agency=typed)
        [note] = warnings(at)
        assert broken in note and typed not in note
