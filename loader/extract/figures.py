"""Figures: numbers stated with a counted unit, money or a percentage.

A figure is a number expression (loader.numbers.NUMBER), an optional hedge or
bound before it ("plus de", "environ"), and what it counts: the noun after it
("68 pays", "une trentaine de pays", "deux milliards de dollars") or a percent
sign. Dates, years, times, ordinals and durations are not figures.
"""
import re

from ..lexicon import lines, rows
from ..numbers import NUMBER, NotANumber, number_value
from ..records import Figure

QUALIFIERS = {row["phrase"]: (row["qualifier"], row["approximate"] == "1") for row in rows("figures_qualifiers.csv")}
NOT_UNITS = set(lines("figures_not_units.txt"))
UNIT_MODIFIERS = set(lines("figures_unit_modifiers.txt"))
CAPITALIZED_UNITS = set(lines("figures_capitalized_units.txt"))

_QUALIFIER = "|".join(re.escape(phrase) for phrase in sorted(QUALIFIERS, key=len, reverse=True))
_APOSTROPHE = "['’]"
_NOUN = r"[^\W\d_][\w²-]*"
FIGURE = re.compile(
    rf"(?<![\w.,-])(?:(?P<qualifier>{_QUALIFIER.replace(chr(39), _APOSTROPHE)})\s*)?"
    rf"{NUMBER}"
    rf"(?:(?P<percent>\s?%|\s+pour\s?cent\b)"
    rf"|(?:(?P<link>\s+d(?:e\s+|{_APOSTROPHE}))|\s+)(?P<unit>{_NOUN})(?:\s+(?P<modifier>{_NOUN}))?)",
    re.I,
)
ORDINAL_AFTER = re.compile(r"\A(?:e|è|ème|eme|-ème|er|ère|re)\b", re.I)


def extract_figures(body):
    """Return the Figure records of `body`, in order of appearance."""
    figures = []
    for match in FIGURE.finditer(body):
        figure = _figure(body, match)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(body, match):
    number_start = match.start("approx") if match.group("approx") else match.start("digits") if match.group("digits") else match.start("spelled")
    number_end = match.end("scale") if match.group("scale") else max(match.end("approx"), match.end("digits"), match.end("spelled"))
    if ORDINAL_AFTER.match(body[number_end:]) or body[number_end:number_end + 1] in ("h", "H") and body[number_end + 1:number_end + 2].isdigit():
        return None
    spelled = match.group("spelled")
    if spelled and spelled.lower() in ("un", "une") and not match.group("scale"):
        return None  # an article, not a number
    if spelled and spelled[0].isupper() and not (number_start == 0 or re.search(r"[.!?:»\n]\s*\Z", body[:number_start])):
        return None  # a capitalised number word inside a sentence is a name ("Dix-Huit")
    try:
        value = number_value(match)
    except (NotANumber, ArithmeticError):
        return None
    if match.group("percent"):
        unit = "%"
    else:
        unit = match.group("unit")
        if unit.lower() in NOT_UNITS or unit.lower().rstrip("sx") in ("million", "milliard"):
            return None
        if unit[0].isupper() and unit not in CAPITALIZED_UNITS:
            return None
        if _is_year(match) and not match.group("link"):
            return None
        modifier = match.group("modifier")
        if modifier and modifier.lower() in UNIT_MODIFIERS:
            unit = f"{unit} {modifier}"
    qualifier, approximate = QUALIFIERS.get(_normalise(match.group("qualifier")), (None, False)) if match.group("qualifier") else (None, False)
    start = match.start()
    end = match.end("percent") if match.group("percent") else match.start("unit") + len(unit)
    return Figure(
        value=float(value),
        unit=unit,
        text=body[start:end],
        start=start,
        end=end,
        approximate=approximate or bool(match.group("approx")),
        qualifier=qualifier,
    )


def _is_year(match):
    digits = match.group("digits")
    return bool(digits) and re.fullmatch(r"(?:19|20)\d\d", digits) is not None


def _normalise(phrase):
    return " ".join(phrase.lower().replace("’", "'").split()).replace("' ", "'")
