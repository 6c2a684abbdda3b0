"""One strict parser for the whole numbers people type: quantities, page numbers, ids.

``str.isdigit()`` and ``int()`` accept far more than digits a shopper means:
``"²".isdigit()`` is true yet ``int("²")`` raises, ``int("١٢")`` is 12 (Arabic-Indic
digits), ``int(" +3")`` is 3, ``int("1_0")`` is 10, and a thousand-digit string makes
a number no database column holds. Every number read from a request goes through
``parse_whole_number`` instead, so all of them accept exactly the same thing.
"""

ASCII_DIGITS = frozenset("0123456789")
# Longer than any bound a shop uses (a 64-bit id has 19 digits); keeps int() cheap.
MAX_DIGITS = 19


def parse_whole_number(raw, *, minimum: int, maximum: int) -> int | None:
    """``raw`` as an int when it is 1 to 19 ASCII digits within [minimum, maximum]; else None.

    No sign, blank, underscore, exponent, decimal point or non-ASCII digit is
    accepted, so "²", "١٢", " +3", "1_0", "1e3", "3.0" and "-1" are all refused;
    leading zeros are fine ("007" is 7). Anything that is not a string (a list from
    ``?n=1&n=2`` read with ``getlist``, None for a missing field) is refused too,
    except a real int, which is range-checked.
    """
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, str) and 0 < len(raw) <= MAX_DIGITS and ASCII_DIGITS.issuperset(raw):
        value = int(raw)
    else:
        return None
    return value if minimum <= value <= maximum else None
