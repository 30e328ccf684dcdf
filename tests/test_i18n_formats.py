"""The number, date, list, plural and country-name wrappers over Babel (etikkmonitor/i18n.py,
geo.py), in both languages. Expected strings are written out by hand: what a Norwegian and an
English reader expect, and what the pages, the PDF and the CLI have always printed."""

from datetime import date, datetime

import pandas as pd
import pytest

from etikkmonitor.geo import country_name, every_country_name
from etikkmonitor.i18n import (
    fmt_date,
    fmt_date_long,
    fmt_datetime,
    fmt_int,
    fmt_list,
    fmt_nok,
    fmt_number,
    fmt_pct,
    month_name,
    plural,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "lang, number, nok, pct, pct1",
    [
        # bokmål: groups by no-break space, decimal comma, a no-break space before % and kr
        (
            "nb",
            f"1{NBSP}234{NBSP}567",
            f"1{NBSP}250{NBSP}000{NBSP}kr",
            f"80{NBSP}%",
            f"12,5{NBSP}%",
        ),
        ("en", "1,234,567", f"NOK{NBSP}1,250,000", "80%", "12.5%"),
    ],
)
def test_numbers(lang, number, nok, pct, pct1):
    assert fmt_int(1_234_567, lang) == number
    assert fmt_int(1_234_566.6, lang) == number  # rounded to a whole number
    assert (fmt_int(2.5, lang), fmt_int(3.5, lang)) == ("2", "4")  # a half: to the even one
    assert fmt_nok(1_250_000, lang) == nok
    assert fmt_pct(0.8, lang) == pct
    assert fmt_pct(0.125, lang, 1) == pct1
    assert fmt_int(None, lang) == fmt_pct(None, lang) == fmt_nok(None, lang) == "–"


def test_rounding_is_the_floats_not_babels():
    # 0.15 is stored as 0.1499999999999999944...: one decimal is 0.1, as Python has always
    # printed it (Babel alone would round the text "0.15" half to even: 0.2)
    assert fmt_number(0.15, "en", 1) == "0.1"
    assert fmt_number(2.675, "nb", 2) == "2,67"  # 2.67499999...
    assert fmt_number(1265.4, "nb", 0, grouping=False) == "1265"
    assert fmt_number(1.5, "nb", 2, grouping=False, trim=True) == "1,5"
    assert fmt_number(6, "en", 2, grouping=False, trim=True) == "6"
    assert fmt_nok(-5, "en") == f"NOK{NBSP}-5"


@pytest.mark.parametrize(
    "lang, short, long, stamp, month",
    [
        ("nb", "05.12.2026", "5. desember 2026", "05.12.2026 14:05", "februar"),
        ("en", "2026-12-05", "5 December 2026", "2026-12-05 14:05", "February"),
    ],
)
def test_dates(lang, short, long, stamp, month):
    assert fmt_date(date(2026, 12, 5), lang) == short
    assert fmt_date_long(date(2026, 12, 5), lang) == long
    assert fmt_datetime(datetime(2026, 12, 5, 14, 5, 59), lang) == stamp  # to the minute
    assert month_name(2, lang) == month


def test_fmt_datetime_in_both_languages():
    from datetime import datetime

    from etikkmonitor.i18n import fmt_datetime

    at = datetime(2024, 6, 30, 14, 5, 59)
    assert fmt_datetime(at, "nb") == "30.06.2024 14:05"
    assert fmt_datetime(at, "en") == "2024-06-30 14:05"
    assert fmt_datetime(None) == fmt_datetime(pd.NaT) == "–"


@pytest.mark.parametrize(
    "lang, three, two",
    [
        ("nb", "Alna, Bjerke og Frogner", "Alna og Bjerke"),
        ("en", "Alna, Bjerke and Frogner", "Alna and Bjerke"),
    ],
)
def test_lists(lang, three, two):
    assert fmt_list(["Alna", "Bjerke", "Frogner"], lang) == three  # no comma before og/and
    assert fmt_list(["Alna", "Bjerke"], lang) == two
    assert fmt_list(["Alna"], lang) == "Alna"
    assert fmt_list([], lang) == ""


def test_plural_forms():
    # one form for 1, the other for 0, 2 and 1 234 (with its digits grouped)
    assert plural("snapshot.n_contracts", 1, "nb") == "1 kontrakt"
    assert plural("snapshot.n_contracts", 0, "nb") == "0 kontrakter"
    assert plural("snapshot.n_contracts", 1234, "nb") == f"1{NBSP}234 kontrakter"
    assert plural("snapshot.n_contracts", 1, "en") == "1 contract"
    assert plural("snapshot.n_contracts", 2, "en") == "2 contracts"
    # {n} given by the caller is used as given
    assert plural("severity.observation", 3, "nb", n=3) == "3 observasjoner"


def test_country_names():
    # CLDR's names, and the product's own where it has always written them otherwise
    assert country_name("CN", "nb") == "Kina" and country_name("CN", "en") == "China"
    assert country_name("DE", "nb") == "Tyskland" and country_name("DE", "en") == "Germany"
    assert country_name("BY", "nb") == "Hviterussland"  # CLDR: Belarus
    assert country_name("TR", "en") == "Turkey"  # CLDR: Türkiye (taken as an alias on import)
    assert country_name("CD", "en") == "Democratic Republic of the Congo"  # CLDR: Congo - Kinshasa
    assert country_name("XK", "en") == "XK"  # not in countries.csv: shown as it came
    assert country_name(None, "nb") == ""
    names = set(every_country_name())
    assert {("TR", "Turkey"), ("TR", "Tyrkia"), ("TR", "Türkiye"), ("TR", "TR")} <= names
    # "Kongo" alone could be either Congo: CLDR's bokmål name for CD is not taken on import
    assert ("CD", "Kongo") not in names
