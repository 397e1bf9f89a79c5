"""French number expressions: "14.000", "22 000", "8,3 millions", "Quinze", "deux milliards", "une trentaine".

`NUMBER` is a pattern (a string, to be embedded) whose named groups `number_value`
reads; `parse_number` reads a whole expression.
"""
import re
from decimal import Decimal, InvalidOperation

from text_to_num import text2num

from .lang.chars import alternation
from .lang.lexicon import table, words

APPROXIMATE_NOUNS = {row["noun"]: int(row["value"]) for row in table("numbers_approximate.csv")}
SCALES = {row["word"]: int(row["value"]) for row in table("numbers_scales.csv")}
NUMBER_WORDS = set(words("numbers_words.txt"))
SIGN_SCALES = {row["abbreviation"]: int(row["value"]) for row in table("numbers_sign_scales.csv")}


_SEPARATOR = "[.\u00a0\u202f\u2009 ]"
# Thousands separated by a dot, a space or a (narrow, thin) no-break space, with a decimal
# comma; a decimal point only before a scale word ("2.5 millions"), where it cannot be thousands.
DIGITS = (
    rf"[0-9]{{1,3}}(?:{_SEPARATOR}[0-9]{{3}})+(?:,[0-9]+)?(?![0-9])"
    rf"|[0-9]+\.[0-9]{{1,2}}(?=\s+(?:{alternation(SCALES)})\b)"
    rf"|[0-9]{{1,3}}(?:,[0-9]{{3}}){{2,}}(?![0-9])"
    r"|[0-9]+(?:,[0-9]+)?"
)
# Some wire copy separates thousands with a comma ("12,000 combattants"): a comma before
# exactly three digits, with no scale word after, is read so; "2,5 millions" stays a decimal.
COMMA_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
_WORD = alternation(NUMBER_WORDS - {"et"})
# A run of number words: "quatre-vingts", "vingt et un", "deux cent mille".
SPELLED = rf"(?:{_WORD})(?:(?:-|\s)(?:et(?:-|\s))?(?:{_WORD}))*\b"
# "une trentaine", and "une dizaine de milliers" (a scale noun after an approximate noun).
APPROXIMATE = rf"(?:un|une)\s+(?:{alternation(APPROXIMATE_NOUNS)})\b(?:\s+d(?:e\s+|['’])(?P<approx_scale>{alternation(SCALES)})\b)?"
SCALE = (
    rf"(?:\s+(?P<scale>{alternation(SCALES)})\b(?P<half>\s+et\s+demie?\b)?"
    rf"|\s?(?P<sign_scale>(?-i:{alternation(SIGN_SCALES)}))(?=\s?[$€£]))"
)
# The number without its scale: a NUMBER matches where this does (the scale, whose case may
# matter, is optional).
UNSCALED_NUMBER = rf"(?:(?P<approx>{APPROXIMATE})|(?P<digits>{DIGITS})|(?P<spelled>{SPELLED}))"
NUMBER = rf"{UNSCALED_NUMBER}{SCALE}?"

_WHOLE = re.compile(rf"\s*{NUMBER}\s*", re.I)


class NotANumber(ValueError):
    """The text is no French number expression that this module reads."""


def lookup(table, word):
    """table[word] for a word that a case-blind pattern matched: such a pattern also takes
    case twins ("milliardſ", "dızaine"), which casefold() does not bring back to the key."""
    if word.casefold() in table:
        return table[word.casefold()]
    return next(value for key, value in table.items() if re.fullmatch(re.escape(key), word, re.I))


def digits_value(text):
    compact = re.sub(rf"{_SEPARATOR}(?=[0-9]{{3}})", "", text).replace(",", ".")
    try:
        return Decimal(compact)
    except InvalidOperation as error:
        raise NotANumber(text) from error


def spelled_value(text):
    words = text.lower().replace("-", " ").split()
    if words in (["un"], ["une"]):
        return Decimal(1)
    try:
        return Decimal(text2num(" ".join(words), "fr"))
    except ValueError as error:
        raise NotANumber(text) from error


def number_value(match):
    """The value of a NUMBER match (a re.Match with its named groups): an int when whole."""
    if match.group("approx"):
        value = Decimal(lookup(APPROXIMATE_NOUNS, match.group("approx").split()[1]))
        if match.group("approx_scale"):
            value *= lookup(SCALES, match.group("approx_scale"))
    elif match.group("digits") and not match.group("scale") and COMMA_THOUSANDS.fullmatch(match.group("digits")):
        value = Decimal(match.group("digits").replace(",", ""))
    elif match.group("digits"):
        value = digits_value(match.group("digits"))
    else:
        value = spelled_value(match.group("spelled"))
    if match.group("sign_scale"):
        value *= SIGN_SCALES[match.group("sign_scale")]
    if match.group("scale"):
        if match.group("half"):
            value += Decimal("0.5")
        value *= lookup(SCALES, match.group("scale"))
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(text):
    """The value of a whole French number expression; NotANumber when it is none."""
    match = _WHOLE.fullmatch(text)
    if not match:
        raise NotANumber(text)
    return number_value(match)


# ---- around a number

# Between a number and what it counts: spaces, not a line break.
INLINE_SPACE = r"[^\S\n]"
# "14 %", "98 pour cent".
PERCENT = re.compile(rf"{INLINE_SPACE}?%|{INLINE_SPACE}+pour{INLINE_SPACE}?cent\b", re.I)
# "14e", "1er", "2nde", "20h30": an ordinal or a time, no count.
ORDINAL_AFTER = re.compile(r"(?:e|è|ème|eme|-ème|-e|er|ère|re|nd|nde)\b|[hH][0-9]", re.I)
# "3.000 soldats environ": a hedge after the counted noun.
TRAILING_HEDGE = re.compile(rf"{INLINE_SPACE}+environ\b", re.I)
# A range: "entre 20.000 et 31.500 combattants", "de 2.000 à 3.000 soldats", "2.000 à 3.000 soldats":
# the link between its bounds, and the word before the first one (group "word").
RANGE_LINK = re.compile(rf"{INLINE_SPACE}+(?:et|à){INLINE_SPACE}+", re.I)
RANGE_START = re.compile(r"(?:\b(?P<word>entre|de)\s+)?\Z", re.I)
