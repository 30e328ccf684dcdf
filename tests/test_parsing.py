"""The contract's value forms, one by one, and a property-based test of the number parser."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etikkmonitor.parsing import fold, orgnr_valid, parse_bool, parse_date, parse_number

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-06-30", date(2024, 6, 30)),
        ("30.06.2024", date(2024, 6, 30)),
        ("1.7.2024", date(2024, 7, 1)),
        (" 2024-06-30 ", date(2024, 6, 30)),
        ("2024-06-30 00:00:00", date(2024, 6, 30)),  # how spreadsheets write a date
        ("29.02.2024", date(2024, 2, 29)),
        ("29.02.2023", None),  # not a calendar date
        ("31.02.2024", None),
        ("2024-13-01", None),
        ("30/06/2024", None),
        ("06.30.2024", None),
        ("", None),
        (None, None),
        ("i går", None),
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1250000", 1250000),
        ("1 250 000", 1250000),
        (f"1{NBSP}250{NBSP}000", 1250000),
        ("1\u202f250\u202f000", 1250000),  # narrow no-break space
        ("1.250.000,50", 1250000.5),
        ("1.250.000", 1250000),
        ("1250000,50", 1250000.5),
        ("1250000.5", 1250000.5),
        ("1 250 000 kr", 1250000),
        ("kr 1 250 000", 1250000),
        ("NOK 1.250.000,50", 1250000.5),
        ("1250000 NOK", 1250000),
        ("250 000,-", 250000),
        ("1.250", 1250),  # a dot before three digits groups thousands, Norwegian style
        ("0", 0),
        ("-5", -5),  # read; the importer rejects it as negative where values must be >= 0
        ("12x", None),
        ("1,250,000", None),  # English grouping is not in the contract: refused, not guessed
        ("1.25.000", None),
        ("", None),
        ("kr", None),
        (None, None),
    ],
)
def test_numbers(text, expected):
    assert parse_number(text) == expected


def _norwegian(n: int, sep: str) -> str:
    """n with thousands grouped by `sep`, as a person writes it."""
    return f"{n:,}".replace(",", sep)


@given(
    whole=st.integers(min_value=0, max_value=10**12),
    cents=st.integers(min_value=0, max_value=99),
    sep=st.sampled_from(["", " ", NBSP, "."]),
    currency=st.sampled_from(["", " kr", " NOK", "NOK ", "kr "]),
    with_decimals=st.booleans(),
)
def test_number_forms_round_trip(whole, cents, sep, currency, with_decimals):
    """Every way the contract allows to write a number reads back as that number."""
    body = _norwegian(whole, sep)
    expected = float(whole)
    if with_decimals:
        body += f",{cents:02d}"
        expected = whole + cents / 100
    text = currency + body if currency.endswith(" ") else body + currency
    assert parse_number(text) == pytest.approx(expected, rel=0, abs=1e-6)


@given(st.text(alphabet="0123456789 .,-krNOabc", max_size=20))
def test_number_parser_never_raises(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", True),
        ("Ja", True),
        ("JA", True),
        ("yes", True),
        ("true", True),
        ("1", True),
        ("x", True),
        ("X", True),
        ("nei", False),
        ("Nei", False),
        ("no", False),
        ("false", False),
        ("0", False),
        ("", None),
        (None, None),
        ("kanskje", None),
    ],
)
def test_yes_no(text, expected):
    assert parse_bool(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kontrakt-ID", "kontrakt_id"),
        ("Leverandør orgnr", "leverandor_orgnr"),
        ("  Status sosial dialog ", "status_sosial_dialog"),
        ("Høyrisiko", "hoyrisiko"),
        ("Bydel Grünerløkka", "bydel_grunerlokka"),
        ("År", "ar"),
        ("ÆRESORD", "aeresord"),
        ("pågår", "pagar"),
        ("ikke  startet", "ikke_startet"),
        ("antall__arbeidere", "antall_arbeidere"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        # 974760673 (Brønnøysundregistrene): 9*3+7*2+4*7+7*6+6*5+0*4+6*3+7*2 = 27+14+28+42+30+0
        # +18+14 = 173; 173 mod 11 = 8; 11 - 8 = 3 = last digit
        ("974760673", True),
        ("974760674", False),
        # 923609016: 27+4+21+36+0+36+0+2 = 126; 126 mod 11 = 5; 11 - 5 = 6 = last digit
        ("923609016", True),
        ("923609015", False),
        # 123456789: 3+4+21+24+25+24+21+16 = 138; 138 mod 11 = 6; 11 - 6 = 5 != 9
        ("123456789", False),
    ],
)
def test_orgnr_check_digit(digits, valid):
    assert orgnr_valid(digits) is valid


def test_orgnr_remainder_zero_means_check_digit_zero():
    # 100000010: 1*3 + 1*2 = 5 ... choose one whose sum is a multiple of 11:
    # 20000000x: 2*3 = 6; 30000000x: 9; 11 needs e.g. 1 (3) + 4 (8): 14000000x -> 3 + 8 = 11,
    # 11 mod 11 = 0 -> check digit 0.
    assert orgnr_valid("140000000") is True
    assert orgnr_valid("140000001") is False
