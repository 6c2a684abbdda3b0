"""core.numbers.parse_whole_number: ASCII digits within bounds, nothing else."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.numbers import MAX_DIGITS, parse_whole_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0", 0), ("1", 1), ("7", 7), ("007", 7), ("99", 99), ("100", 100)],
)
def test_ascii_digits_within_bounds_are_numbers(raw, expected):
    assert parse_whole_number(raw, minimum=0, maximum=100) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "²",  # superscript two: isdigit() is true, int() raises
        "١٢",  # Arabic-Indic digits: int() reads 12
        "１２",  # full-width digits: int() reads 12
        "𝟙",  # mathematical digit one
        " +3",
        "+3",
        "3 ",
        " 3",
        "-1",
        "1_0",
        "1e3",
        "3.0",
        "0x1f",
        "",
        "\x003",
        "3\n",
        "三",
        "1" * (MAX_DIGITS + 1),
        None,
        ["3"],
        3.0,
        True,
    ],
)
def test_anything_else_is_refused(raw):
    assert parse_whole_number(raw, minimum=0, maximum=10**30) is None


def test_bounds_are_inclusive():
    assert parse_whole_number("1", minimum=1, maximum=99) == 1
    assert parse_whole_number("99", minimum=1, maximum=99) == 99
    assert parse_whole_number("0", minimum=1, maximum=99) is None
    assert parse_whole_number("100", minimum=1, maximum=99) is None


def test_a_real_int_is_only_range_checked():
    assert parse_whole_number(5, minimum=1, maximum=9) == 5
    assert parse_whole_number(10, minimum=1, maximum=9) is None


@given(st.text(max_size=30))
def test_whatever_the_text_the_answer_is_none_or_what_its_ascii_digits_say(raw):
    value = parse_whole_number(raw, minimum=0, maximum=10**MAX_DIGITS)

    if value is not None:
        assert raw.isascii() and raw.isdigit() and int(raw) == value
