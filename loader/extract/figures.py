"""Figures: numbers stated with a counted unit, money or a percentage.

A figure is a number expression (loader.numbers.NUMBER), an optional hedge or
bound before it ("plus de", "environ"), and what it counts: the noun after it
("68 pays", "12 autres pays", "une trentaine de pays", "deux milliards de
dollars", "14.000 de ces combattants"), a currency sign or a percent sign. In a
range ("entre 20.000 et 31.500 combattants") the first bound counts what the
second does. Dates, years, times, ordinals, durations, names ("F-16", "la
résolution 2249") and "deux" meaning both are not figures.
"""
import bisect
import functools
import math
import re

from ..lang.patterns import CaseBlind
from ..lang.chars import APOSTROPHE, alternation, is_word_char
from ..lang.lexicon import table, words
from ..lang.nationalities import DEMONYMS
from ..lang.sentences import sentence_end, sentence_ends, sentence_start
from ..lang.vocabulary import MONTHS, WEEKDAYS, determiners
from ..numbers import INLINE_SPACE, NUMBER, ORDINAL_AFTER, PERCENT, RANGE_LINK, RANGE_START, SCALES, TRAILING_HEDGE, UNSCALED_NUMBER, NotANumber, lookup, number_value
from ..records import Figure

QUALIFIERS = {row["phrase"]: (row["qualifier"] or None, row["approximate"] == "1") for row in table("figures_qualifiers.csv")}
NOT_UNITS = {word.casefold() for word in words("figures_not_units.txt") + MONTHS + WEEKDAYS}
ADJECTIVES_BEFORE = {word.casefold() for word in words("figures_adjectives_before.txt")}
UNIT_MODIFIERS = {word.casefold() for word in words("figures_unit_modifiers.txt")}
MEASURES = {word.casefold() for word in words("figures_measures.txt")}
CURRENCY_SIGNS = {row["symbol"]: row["unit"] for row in table("figures_currency_symbols.csv")}
IDENTIFIERS = {word.casefold() for word in words("figures_identifiers.txt")}
YEAR_CUES = {word.casefold() for word in words("figures_year_cues.txt")}
CURRENCIES = words("figures_currencies.txt")
# Before a bare number, a singular article makes it a day or a name ("le 14", "du 3", "l'an 2000"
# without its apostrophe); a plural one before "deux" means both ("les deux pays"); after "de", a
# demonstrative or possessive introduces the counted noun ("14.000 de ces combattants").
SINGULAR_BEFORE = {word.rstrip("'") for word in determiners(("definite", "contracted"), number="singular")}
PLURAL_BEFORE = determiners(number="plural")
PARTITIVE = determiners(("demonstrative", "possessive"), number="plural")
CAPITALIZED_UNITS = set(words("figures_capitalized_units.txt")) | DEMONYMS
_QUALIFIER = alternation(QUALIFIERS)
# The number, not inside a word, a model name ("F-16") or another number ("2,5", "1.500").
_BEFORE_NUMBER = rf"(?<![\w.,-])(?:(?P<qualifier>{_QUALIFIER})(?:(?<=['’])|\s+))?"
HEAD = re.compile(_BEFORE_NUMBER + NUMBER, re.I)
# Where a HEAD starts, found fast (CaseBlind): there, it matches.
HEAD_START = CaseBlind(_BEFORE_NUMBER + UNSCALED_NUMBER)
CURRENCY = re.compile(rf"(?:{INLINE_SPACE}?|{INLINE_SPACE}+d(?:e{INLINE_SPACE}+|{APOSTROPHE}))(?P<sign>{alternation(CURRENCY_SIGNS)})(?!\w)")
# A word that may name what a number counts ("soldats", "km²", "F-16").
UNIT_WORD = re.compile(r"[^\W\d_][\w²-]*")
# What follows the number: "de"/"d'" or "des", maybe a determiner, adjectives, the noun, an adjective.
LINK = re.compile(rf"{INLINE_SPACE}+(?:(?P<de>d(?:e{INLINE_SPACE}+|{APOSTROPHE}))|(?P<des>des{INLINE_SPACE}+))?")
MODEL = re.compile(r"[A-Z][A-Za-z]{0,3}-[0-9]+[A-Za-z]?")
SENTENCE_ENDS = ".!?:;"
OPENING_MARKS = "«“\"'(—–-"
MAX_PART_GAP = 120
CURRENCY_WORD = re.compile(rf"(?<![\w-])(?:{alternation(CURRENCIES)})(?![\w-])", re.I)


def extract_figures(body):
    """Return the Figure records of `body`, in order of appearance."""
    figures, position, currencies = [], 0, _Currencies(body)
    while start := HEAD_START.search(body, position):
        found, position = _figures(body, HEAD.match(body, start.start()), figures[-1] if figures else None, currencies)
        figures.extend(found)
    return figures


class _Currencies:
    """The currency words of a sentence, found once per sentence as the numbers are read in
    order: a long sentence of sums would otherwise be searched again for each (quadratic time)."""

    def __init__(self, body):
        self.body = body
        self.searched_from, self.end = None, None  # the last search for a sentence's end
        self.low, self.high, self.starts, self.units = None, None, [], []

    def sentence_end(self, position):
        """`sentence_end(body, position)`: the end found from an earlier position holds for any
        position up to it, since a search finds the first end at or after where it starts."""
        if self.searched_from is None or not self.searched_from <= position <= self.end:
            self.searched_from, self.end = position, sentence_end(self.body, position)
        return self.end

    def named(self, low, high):
        """The one currency named in body[low:high], or None when none or several are."""
        if high != self.high or low < self.low:
            matches = list(CURRENCY_WORD.finditer(self.body, low, high))
            self.low, self.high = low, high
            self.starts = [match.start() for match in matches]
            self.ends = [match.end() for match in matches]
            # units[i]: the one currency of matches[i:] (MIXED for several, None for none).
            self.units, unit = [None] * (len(matches) + 1), None
            for index in range(len(matches) - 1, -1, -1):
                named = _currency_unit(matches[index].group())
                unit = named if unit in (None, named) else _MIXED
                self.units[index] = unit
        index = bisect.bisect_left(self.starts, low)
        if index and self.ends[index - 1] > low:  # a word across `low`: read from there instead
            named = {_currency_unit(word.group()) for word in CURRENCY_WORD.finditer(self.body, low, high)}
            return named.pop() if len(named) == 1 else None
        # Past the words before `low`, a search from `low` finds the same words as one from self.low.
        unit = self.units[index]
        return None if unit is _MIXED else unit


_MIXED = object()


def _figures(body, match, last, currencies):
    """The figures a HEAD match starts (none, its own, or the lower bound of a range), and
    where to look for the next one: past its unit ("98 pour cent"), or at a range's upper bound.
    `last` is the figure found before it, whose unit a part of it stated after "dont" takes."""
    if _not_a_count(body, match):
        return [], match.end()
    counted = _counted(body, match, match.end())
    if counted is None:
        lower = _range(body, match)
        if lower:
            return lower, match.end()
        if _is_part_of(body, match, last):
            counted = last.unit, match.end(), False
        else:
            counted = _sentence_currency(body, match, currencies)
            if counted is None:
                return [], match.end()
    unit, end, hedged = counted
    value = _value(match)
    if value is None:
        return [], match.end()
    qualifier, approximate = _qualifier(match)
    start = match.start()
    figure = Figure(
        value=value,
        unit=unit,
        text=body[start:end],
        start=start,
        end=end,
        approximate=approximate or hedged or bool(match.group("approx")),
        qualifier=qualifier,
    )
    return [figure], end


def _range(body, match):
    """The lower bound of a range, with the unit of the upper bound; the upper bound is
    found on its own when the scan reaches it."""
    link = RANGE_LINK.match(body, match.end())
    if not link or match.group("qualifier"):
        return []
    upper = HEAD.match(body, link.end())
    if not upper or upper.group("qualifier") or _not_a_count(body, upper):
        return []
    counted = _counted(body, upper, upper.end())
    lower_value, upper_value = _value(match), _value(upper)
    if lower_value is not None and upper.group("scale") and not (match.group("scale") or match.group("approx")):
        lower_value *= lookup(SCALES, upper.group("scale"))  # "entre 5 et 10 millions de dollars"
    if counted is None or lower_value is None or upper_value is None or lower_value >= upper_value:
        return []
    opening = RANGE_START.search(body, max(0, match.start() - 10), match.start())
    word = (opening.group("word") or "").casefold()
    if (link.group().strip().casefold() == "et") != (word == "entre"):
        return []  # "les 13 et 14", "entre 2 à 3"
    unit, end, hedged = counted
    start = opening.start("word") if word else match.start()
    return [
        Figure(
            value=lower_value,
            unit=unit,
            text=body[start:end],
            start=start,
            end=end,
            approximate=hedged or bool(match.group("approx")),
            qualifier="au moins",
        )
    ]


def _sentence_currency(body, match, currencies):
    """(currency, end, False) for a sum in millions or billions without a unit ("5,6
    milliards") whose sentence names one currency and one only; else None."""
    if not match.group("scale") or match.group("approx"):
        return None
    unit = currencies.named(sentence_start(body, match.start()), currencies.sentence_end(match.end()))
    return (unit, match.end(), False) if unit else None


def _currency_unit(word):
    """The plural a currency is counted in ("dollar" -> "dollars")."""
    word = word.casefold()
    return word if word.endswith("s") or " " in word else word + "s"


def _is_part_of(body, match, last):
    """Whether the number is a part, stated after "dont", of the figure `last` of the same
    sentence: "plus de 70 pays, dont une quarantaine étaient représentés"."""
    if last is None or not 0 < match.start() - last.end <= MAX_PART_GAP:
        return False
    value = _value(match)
    if value is None or value >= last.value:
        return False
    return _previous_word(body, match.start()).casefold() == "dont" and next(sentence_ends(body, last.end, match.start()), None) is None


def _previous_word(body, position):
    """The word before `position` within 40 characters, maybe followed by an apostrophe and
    spaces ("le 14", "l'an 2000"), or "". A scan back, where a pattern would be tried at each
    of the 40 characters: this runs for every number of the text."""
    low, index = max(0, position - 40), position
    while index > low and body[index - 1].isspace():
        index -= 1
    if index > low and body[index - 1] in "'’":
        index -= 1
    end = index
    while index > low and (is_word_char(body[index - 1]) or body[index - 1] == "°"):
        index -= 1
    return body[index:end]


@functools.lru_cache(maxsize=4)  # asked of the same number by several rules
def _value(match):
    try:
        value = float(number_value(match))
    except (NotANumber, OverflowError):
        return None
    return value if math.isfinite(value) else None


def _qualifier(match):
    if not match.group("qualifier"):
        return None, False
    return QUALIFIERS.get(_normalise(match.group("qualifier")), (None, False))


def _number_start(match):
    for group in ("approx", "digits", "spelled"):
        if match.group(group):
            return match.start(group)
    return match.start()


def _not_a_count(body, match):
    """Whether the number itself is an ordinal, a time, a day, a year, a name or "un"."""
    if ORDINAL_AFTER.match(body, match.end()):
        return True
    spelled, scaled = match.group("spelled"), match.group("scale") or match.group("approx")
    number_start = _number_start(match)
    word = "" if match.group("qualifier") else _previous_word(body, number_start)
    if spelled:
        if spelled.casefold() in ("un", "une") and not scaled:
            return True  # an article, not a number
        if spelled[0].isupper() and not _sentence_start(body, number_start):
            return True  # a capitalised number word inside a sentence is a name ("Dix-Huit")
        if spelled.casefold() == "deux" and not scaled and word.casefold() in PLURAL_BEFORE:
            return True  # "les deux pays": both of them
    digits = match.group("digits")
    if digits and not scaled:
        if word.casefold() in SINGULAR_BEFORE or word.casefold() in IDENTIFIERS:
            return True  # "le 14", "la résolution 2249", "Mirage 2000"
        if _is_year(digits) and word.casefold() in YEAR_CUES:
            return True
    return False


def _sentence_start(body, position):
    """Whether only spaces and opening marks stand between `position` and a sentence's end."""
    index = position - 1
    while index >= 0 and (body[index].isspace() or body[index] in OPENING_MARKS):
        if body[index] == "\n":
            return True
        index -= 1
    return index < 0 or body[index] in SENTENCE_ENDS


def _counted(body, match, position):
    """(unit, end, hedged) for what the number at `match` counts from `position`, or None."""
    percent = PERCENT.match(body, position)
    if percent:
        return "%", percent.end(), False
    currency = CURRENCY.match(body, position)
    if currency:
        return CURRENCY_SIGNS[currency.group("sign")], currency.end(), False
    link = LINK.match(body, position)
    if not link or (match.group("scale") or match.group("approx")) and not (link.group("de") or link.group("des")):
        return None  # "un millier de soldats", "deux millions d'habitants": a bare noun after them is none of theirs
    cursor = link.end()
    word = UNIT_WORD.match(body, cursor)
    if word and link.group("de") and word.group() in PARTITIVE:
        cursor = _skip_space(body, word.end())
        word = UNIT_WORD.match(body, cursor)
    if word and link.group("des") is None and word.group().casefold() in ADJECTIVES_BEFORE:
        following = UNIT_WORD.match(body, _skip_space(body, word.end()))
        if following and _is_unit(following.group(), match):
            word = following
    if not word or not _is_unit(word.group(), match):
        return None
    unit, end = word.group(), word.end()
    modifier = UNIT_WORD.match(body, _skip_space(body, end))
    if modifier and modifier.group().casefold() in UNIT_MODIFIERS:
        unit, end = body[word.start() : modifier.end()], modifier.end()
    hedge = TRAILING_HEDGE.match(body, end)
    return unit, hedge.end() if hedge else end, bool(hedge)


def _skip_space(body, position):
    """After the spaces at `position` (not a line break: a number and its unit share a line)."""
    while position < len(body) and body[position].isspace() and body[position] != "\n":
        position += 1
    return position


def _is_year(digits):
    """1500 to 2099, written with four digits."""
    return len(digits) == 4 and digits.isascii() and digits.isdigit() and 1500 <= int(digits) <= 2099


def _is_unit(word, match):
    """Whether `word`, right after the number of `match`, is what the number counts."""
    folded = word.casefold()
    if folded in MEASURES:
        return True
    if folded in NOT_UNITS:
        return False
    if word[0].isupper():
        return word in CAPITALIZED_UNITS or MODEL.fullmatch(word) is not None
    value = _value(match)
    # More than one of a thing is written in the plural: a singular word is a verb or an adjective.
    return value is not None and (value < 2 or folded.endswith(("s", "x", "z")))


def _normalise(phrase):
    return " ".join(phrase.lower().replace("’", "'").split()).replace("' ", "'")
