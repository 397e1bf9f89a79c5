"""French number expressions: "14.000", "22 000", "8,3 millions", "Quinze", "deux milliards", "une trentaine"."""
import re
from decimal import Decimal

from text_to_num import text2num

from .lexicon import lines, rows

APPROXIMATE_NOUNS = {row["noun"]: int(row["value"]) for row in rows("numbers_approximate.csv")}
SCALES = {row["word"]: int(row["value"]) for row in rows("numbers_scales.csv")}
NUMBER_WORDS = set(lines("numbers_words.txt"))

_WORD = "|".join(sorted((w for w in NUMBER_WORDS if w != "et"), key=len, reverse=True))
# Digits with dot, space or no-break-space thousands separators and a decimal comma.
DIGITS = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?"
# A run of number words: "quatre-vingts", "vingt et un", "deux cent mille".
SPELLED = rf"(?:{_WORD})(?:(?:-|\s)(?:et(?:-|\s))?(?:{_WORD}))*\b"
APPROXIMATE = r"(?:un|une)\s+(?:" + "|".join(APPROXIMATE_NOUNS) + r")\b"
SCALE = r"(?:\s+(?:" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b)"
NUMBER = rf"(?:(?P<approx>{APPROXIMATE})|(?P<digits>{DIGITS})|(?P<spelled>{SPELLED}))(?P<scale>{SCALE})?"


class NotANumber(ValueError):
    pass


def digits_value(text):
    compact = re.sub(r"[.\u00a0\u202f ](?=\d{3})", "", text).replace(",", ".")
    return Decimal(compact)


def spelled_value(text):
    words = text.lower().replace("-", " ").split()
    if words in (["un"], ["une"]):
        return 1
    try:
        return text2num(" ".join(words), "fr")
    except ValueError as error:
        raise NotANumber(text) from error


def number_value(match):
    """The value of a NUMBER match (a re.Match with its named groups)."""
    if match.group("approx"):
        value = APPROXIMATE_NOUNS[match.group("approx").split()[-1].lower()]
    elif match.group("digits"):
        value = digits_value(match.group("digits"))
    else:
        value = spelled_value(match.group("spelled"))
    if match.group("scale"):
        value *= SCALES[match.group("scale").strip().lower()]
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(text):
    """The value of a whole French number expression, or NotANumber."""
    match = re.fullmatch(NUMBER, text.strip(), re.I)
    if not match:
        raise NotANumber(text)
    return number_value(match)
