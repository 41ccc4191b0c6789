"""Numbers as each of the course's languages writes them, for printed results and figures alike.

    percent(0.9914)  ->  99.14%   99.14 %   99.14%   99,14 %     (en, es, zh, fr)
    number(242062)   ->  242,062  242 062   242,062  242 062
    number(0.0255, 4) -> 0.0255   0.0255    0.0255   0,0255

The conventions (STYLES) follow each language's usual rules: Spanish writes the decimal
point, as the RAE's Ortografía (2010) recommends, a space before % and groups of three only
from five digits on (1720, 55 000); French writes a decimal comma, a space before % and
groups of three. The spaces are non-breaking, so a number never splits across two lines.
The notebooks' prose follows the same conventions (tests/test_numbers.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import language

NBSP = "\u00a0"


@dataclass(frozen=True)
class Style:
    decimal: str  # the decimal mark
    thousands: str  # between groups of three digits
    group_from: int  # how many digits a whole number needs before it is grouped
    before_percent: str  # between a number and %


STYLES = {
    "en": Style(decimal=".", thousands=",", group_from=4, before_percent=""),
    "es": Style(decimal=".", thousands=NBSP, group_from=5, before_percent=NBSP),
    "zh": Style(decimal=".", thousands=",", group_from=4, before_percent=""),
    "fr": Style(decimal=",", thousands=NBSP, group_from=4, before_percent=NBSP),
}


def number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """``value`` with ``decimals`` digits after the decimal mark, in ``lang`` (default: the chosen one)."""
    style = STYLES[lang or language()]
    text = f"{value:,.{decimals}f}"  # Python's English form, e.g. -1,234.50
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    digits = whole.replace(",", "")
    whole = whole.replace(",", style.thousands) if len(digits) >= style.group_from else digits
    return sign + whole + (style.decimal + fraction if fraction else "")


def percent(share: float, decimals: int = 1, lang: str | None = None) -> str:
    """A share (0.9914) as a percentage ("99.14%" with ``decimals=2``), in ``lang``."""
    style = STYLES[lang or language()]
    return number(100 * share, decimals, lang) + style.before_percent + "%"
