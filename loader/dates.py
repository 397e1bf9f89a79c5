"""French dates: month names, publication dates, ISO 8601 at a known precision, and the
date expressions of running text ("le 22 mars", "mardi prochain", "à l'automne 2022")
placed on the calendar against an article's publication date, never against the clock.
"""
import bisect
import dataclasses
import datetime
import itertools
import re
from dataclasses import dataclass
from typing import Optional

from .lang.chars import CAPITAL, alternation
from .lang.lexicon import table, words
from .lang.patterns import any_of, every_start, matches_at
from .lang.sentences import sentences
from .lang.vocabulary import MONTHS as MONTH_NAMES, WEEKDAYS as WEEKDAY_NAMES
from .numbers import SPELLED, NotANumber, lookup as _lookup, parse_number


MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
# Accent-less spellings are common in scraped text ("fevrier", "aout", "decembre").
MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12})

PRECISIONS = {4: "year", 7: "month", 10: "day"}


class InvalidDate(ValueError):
    """A date that does not exist on the calendar (2019-13-45, 31 février)."""


def iso_date(year, month=None, day=None):
    """ISO 8601 text and its precision for a date known to the year, month or day."""
    if not 1 <= year <= 9999:
        raise InvalidDate(str(year))
    if month is None:
        return f"{year:04d}", "year"
    if day is None:
        if not 1 <= month <= 12:
            raise InvalidDate(f"{year:04d}-{month:02d}")
        return f"{year:04d}-{month:02d}", "month"
    try:
        return datetime.date(year, month, day).isoformat(), "day"
    except ValueError as error:
        raise InvalidDate(f"{year:04d}-{month:02d}-{day:02d}") from error


def parse_iso(text):
    """Validate an ISO 8601 date of any precision (YYYY, YYYY-MM, YYYY-MM-DD): (text, precision)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        raise InvalidDate(text)
    year, month, day = (int(part) if part else None for part in match.groups())
    return iso_date(year, month, day)


_MONTH_NAMES = alternation(MONTHS)
_WEEKDAY_NAMES = alternation(WEEKDAY_NAMES)
_CUES = words("dates_published_cues.txt")
# Each pattern opens with a look-ahead at a character it must start with: Python's re tries a
# pattern at every character of an article, and a one-character test fails fastest.
_PUBLISHED = "(?=[" + "".join(sorted({re.escape(cue[0]) for cue in _CUES})) + "])(?:" + alternation(_CUES) + r")\s*:?\s*"
# An update line is never the publication date.
_NOT_UPDATE = r"(?=\d)(?<!jour le )(?<!jour : )(?<!jour: )"  # before a day's number
# A line that only dates the article ("Publié le : 08/06/2023 - 17:40", "Mis à jour le 3 juin"):
# the site's, not the story's; the same cues as the patterns below, then a day.
PUBLICATION_LINE = re.compile(r"\A\s*(?:" + _PUBLISHED + r"|Mis à jour le\s*:?\s*)(?:(?:" + _WEEKDAY_NAMES + r")\s+)?\d", re.I)
# Where an article states its own date: the " date YYYY-MM" marker of some
# scrapes, "Publié le 02/06/2015" (never "Mis à jour"), an AFP-style dateline
# "PARIS, 15 septembre 2014 (AFP) -", or a byline date "2 février 2016 à 17h49", "14/11/2019 - 18:30".
PUBLISHED_PATTERNS = [
    ("iso", re.compile(r"\A\s*date (\d{4}-\d{2}(?:-\d{2})?)\b")),
    # "Publié le 02/06/2015 à 17h49", "Publié le : 08/06/2023 - 17:40", "Publié le jeudi 8 juin 2023".
    ("dmy", re.compile(_PUBLISHED + r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")),
    ("iso", re.compile(_PUBLISHED + r"(\d{4}-\d{2}-\d{2})")),
    ("named", re.compile(_PUBLISHED + r"(?:(?:" + _WEEKDAY_NAMES + r")\s+)?(\d{1,2})(?:er)?\s+(" + _MONTH_NAMES + r")\s+(\d{4})", re.I)),
    # The dateline's city in capitals or not, any agency or none: "PARIS, 15 septembre 2014 (AFP)",
    # "Koweït, 13 février 2018 (KUNA) -", "Washington, le 6 février 2019." at the head of a release.
    ("named", re.compile(rf"^{CAPITAL}[\w'’ -]*, (?:le )?(\d{{1,2}})(?:er)? (" + _MONTH_NAMES + rf") (\d{{4}})(?: \({CAPITAL}[\w.&'’/ -]{{0,30}}\))?[ \t]*(?:[.:—–-]|$)", re.M)),
    ("named", re.compile(_NOT_UPDATE + r"\b(\d{1,2}) (" + _MONTH_NAMES + r") (\d{4}) à \d{1,2}h\d{2}", re.I)),
    # A byline's numeric date with its time: "Par Jean Dupont - 14/11/2019 - 18:30", "Le 14/11/2019 à 18h30".
    ("dmy", re.compile(_NOT_UPDATE + r"\b(\d{1,2})/(\d{1,2})/(\d{4})\s*(?:à|-|,)?\s*\d{1,2}[h:]\d{2}", re.I)),
    # A line that is only a date, at the head or the foot of a release: "Le 23 février 2016".
    ("named", re.compile(r"^[ \t]*(?:[Ll]e[ \t]+)?(?:(?:" + _WEEKDAY_NAMES + r")[ \t]+)?(\d{1,2})(?:er)?[ \t]+(" + _MONTH_NAMES + r")[ \t]+(\d{4})[ \t.]*$", re.M | re.I)),
]


def published_from_text(raw):
    """The publication date an article's text gives, as (iso, precision), or (None, None)."""
    for form, pattern in PUBLISHED_PATTERNS:
        match = pattern.search(raw)
        if not match:
            continue
        try:
            if form == "iso":
                return parse_iso(match.group(1))
            if form == "dmy":
                day, month, year = (int(g) for g in match.groups())
                return iso_date(year, month, day)
            day, month, year = match.groups()
            return iso_date(int(year), _lookup(MONTHS, month), int(day))
        except InvalidDate:
            continue
    return None, None


# --- Date expressions in running text ---------------------------------------------------------


def _apostrophes(text):
    return text.replace("’", "'")


WEEKDAYS = {name: number for number, name in enumerate(WEEKDAY_NAMES)}
SEASONS = {row["season"]: int(row["month"]) for row in table("dates_seasons.csv")}
RELATIVE = {row["phrase"]: (row["unit"], int(row["offset"])) for row in table("dates_relative.csv")}
ANCHORED = {row["phrase"]: int(row["shift"]) for row in table("dates_anchored.csv")}
COUNTED = {row["word"]: (row["unit"], int(row["size"])) for row in table("dates_counted.csv")}
COUNTED_DIRECTION = {row["phrase"]: int(row["sign"]) for row in table("dates_counted_direction.csv")}
DIRECTION_WORDS = {row["word"]: row["direction"] for row in table("dates_direction.csv")}
TENSE_WORDS = {row["word"]: row["kind"] for row in table("dates_tense.csv")}
MOTION_PARTICIPLES = tuple(words("dates_motion_verbs.txt"))
INTENTIONS = set(words("dates_intention.txt"))


@dataclass(frozen=True)
class DateExpression:
    """A date as the text words it, before it is placed on the calendar."""

    text: str
    start: int
    end: int
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None  # the first day of "les 13 et 14 octobre"
    last_day: Optional[int] = None  # the last day of "les 13 et 14 octobre", "du 6 au 8 juin"
    weekday: Optional[int] = None  # 0 = lundi
    season: Optional[int] = None  # first month of the season of "à l'automne"
    offset: Optional[tuple] = None  # ('day' | 'month' | 'year', n) from the publication date
    direction: Optional[str] = None  # 'past' | 'future' when the words say it ("dernier", "prochain")
    same_day: bool = False  # "le même jour", "la veille": dated from the date the text gave just before
    day_shift: int = 0  # days from that date: -1 for "la veille"


@dataclass(frozen=True)
class ResolvedDate:
    expression: DateExpression
    iso: Optional[str]
    precision: Optional[str]


_S = r"[\s\u00a0\u202f]+"
_WEEKDAY = alternation(WEEKDAYS)
_MONTH = alternation(MONTHS)
_DIRECTION = alternation(DIRECTION_WORDS)
_SEASON = alternation(SEASONS)
_DAY = r"1er|\d{1,2}"

DAY_DATE = re.compile(
    rf"(?<![\w.,/-])(?:(?:le|les|ce|du|au){_S})?"
    rf"(?:(?P<weekday>{_WEEKDAY})(?:{_S}(?P<wrel>prochain|dernier))?,?{_S})?"
    rf"(?P<day>{_DAY})(?:{_S}(?:et|au|à){_S}(?:(?:{_WEEKDAY}){_S})?(?P<last>{_DAY})|-(?P<last_number>\d{{1,2}}))?"
    rf"{_S}(?P<month>{_MONTH})(?:{_S}(?P<year>\d{{4}}))?(?:{_S}(?P<rel>{_DIRECTION}))?(?![\w-])",
    re.I,
)
# Any number before a month name: masks "le 80 mars" so that its "mars" is not read alone.
NUMBER_MONTH = re.compile(rf"(?<![\w.,])\d+{_S}(?:{_MONTH})(?:{_S}\d{{4}})?(?![\w-])", re.I)
MONTH_DATE = re.compile(
    rf"(?<![\w-])(?:(?P<prep>en|depuis|début|fin|courant|dès|d'ici|d’ici|mois de|mi-|de|d'|d’)(?:{_S})?)?"
    rf"(?P<month>{_MONTH})(?:{_S}(?P<year>\d{{4}}))?(?:{_S}(?P<rel>{_DIRECTION}))?(?![\w-])",
    re.I,
)
# A season needs its article: "a été" is no summer.
SEASON_DATE = re.compile(
    rf"(?<![\w-])(?:au|à l'|à l’|en|cet|ce|cette|l'|l’|d'|d’|de l'|de l’|dès l'|dès l’|depuis l'|depuis l’)(?:{_S})?"
    rf"(?P<season>{_SEASON})(?:{_S}(?P<year>\d{{4}}))?(?:{_S}(?P<rel>{_DIRECTION}))?(?![\w-])",
    re.I,
)
YEAR_DATE = re.compile(
    rf"(?<![\w-])(?:en|depuis|début|fin|dès|d'ici|d’ici|courant|avant|après){_S}(?P<year>(?:19|20)\d{{2}})(?![\w-])",
    re.I,
)
RELATIVE_DATE = re.compile(
    r"(?<![\w-])(?P<phrase>" + alternation(RELATIVE) + r")(?![\w-])",
    re.I,
)
# "mercredi et jeudi": dated by its first day.
WEEKDAY_DATE = re.compile(
    rf"(?<![\w-])(?:(?:ce|dès|depuis){_S})?(?P<weekday>{_WEEKDAY})(?:{_S}(?:et|au){_S}(?:{_WEEKDAY}))?"
    rf"(?:{_S}(?P<rel>prochain|dernier))?(?![\w-])",
    re.I,
)
# "il y a deux mois", "dans dix jours": the count is digits or a number word.
COUNTED_DATE = re.compile(
    r"(?<![\w-])(?P<direction>" + alternation(COUNTED_DIRECTION) + r")\s+"
    rf"(?P<count>\d{{1,3}}|{SPELLED})\s+(?P<unit>" + alternation(COUNTED) + r")(?![\w-])",
    re.I,
)
SAME_DAY = re.compile(
    r"(?<![\w'’-])(?P<phrase>"
    + alternation(ANCHORED)
    + r")(?![\w-])(?!\s+d(?:e|u|es)?(?:\s|['’]))",
    re.I,
)


def _direction(word):
    return _lookup(DIRECTION_WORDS, word) if word else None


def _day_fields(match):
    day = 1 if match.group("day").lower() == "1er" else int(match.group("day"))
    month = _lookup(MONTHS, match.group("month"))
    year = int(match.group("year")) if match.group("year") else None
    iso_date(year or 2000, month, day)  # a leap year: 29 février may exist when the year is unknown
    weekday = match.group("weekday")
    last = match.group("last") or match.group("last_number")
    last_day = int(last) if last and last.isdigit() and day < int(last) <= 31 else None
    return dict(
        year=year,
        month=month,
        day=day,
        last_day=last_day,
        weekday=_lookup(WEEKDAYS, weekday) if weekday else None,
        direction=_direction(match.group("rel") or match.group("wrel")),
    )


def _month_fields(match):
    if not (match.group("prep") or match.group("year")):
        return None  # a bare month name is too often something else ("Mars")
    if (match.group("prep") or "").lower() in ("de", "d'", "d’") and not match.group("month").islower() and not match.group("year"):
        return None  # "la réunion de juin" is a date, "la planète de Mars" none
    year = int(match.group("year")) if match.group("year") else None
    return dict(year=year, month=_lookup(MONTHS, match.group("month")), direction=_direction(match.group("rel")))


def _season_fields(match):
    year = int(match.group("year")) if match.group("year") else None
    return dict(year=year, season=_lookup(SEASONS, match.group("season")), direction=_direction(match.group("rel")))


def _counted_fields(match):
    try:
        count = int(parse_number(match.group("count")))
    except NotANumber:
        return None
    unit, size = _lookup(COUNTED, match.group("unit"))
    sign = _lookup(COUNTED_DIRECTION, " ".join(match.group("direction").split()))
    return dict(offset=(unit, sign * count * size))


# In order: a longer form wins over the shorter forms inside it.
_FORMS = [
    (MONTH_DATE, _month_fields),
    (SEASON_DATE, _season_fields),
    (YEAR_DATE, lambda match: dict(year=int(match.group("year")))),
    (RELATIVE_DATE, lambda match: dict(offset=_lookup(RELATIVE, _apostrophes(match.group("phrase"))))),
    (COUNTED_DATE, _counted_fields),
    (SAME_DAY, lambda match: dict(same_day=True, day_shift=_lookup(ANCHORED, _apostrophes(" ".join(match.group("phrase").split()))))),
    (WEEKDAY_DATE, lambda match: dict(weekday=_lookup(WEEKDAYS, match.group("weekday")), direction=_direction(match.group("rel")))),
]


# Where a date of any form may start: searched for once, each form then matched only there.
DATE_START = any_of([DAY_DATE, NUMBER_MONTH, *(pattern for pattern, _ in _FORMS)])


def find_dates(text):
    """Every date expression of `text`, in order, not yet placed on the calendar.

    Invalid dates ("le 31 février", "le 80 mars") are no dates at all.
    """
    found = []
    taken = []  # spans already read, sorted and never overlapping: a lookup is a binary search

    def free(span):
        index = bisect.bisect_left(taken, (span[1],))
        return index == 0 or taken[index - 1][1] <= span[0]

    def take(span):
        bisect.insort(taken, span)

    starts = every_start(DATE_START, text)
    for match in matches_at(DAY_DATE, text, starts):
        take(match.span())
        try:
            found.append(DateExpression(match.group(), *match.span(), **_day_fields(match)))
        except InvalidDate:
            continue
    for match in matches_at(NUMBER_MONTH, text, starts):
        if free(match.span()):
            take(match.span())
    for pattern, fields_of in _FORMS:
        for match in matches_at(pattern, text, starts):
            if not free(match.span()):
                continue
            fields = fields_of(match)
            if fields is not None:
                take(match.span())
                found.append(DateExpression(match.group(), *match.span(), **fields))
    return sorted(found, key=lambda expression: expression.start)


def _published(published):
    """(date, precision) of a publication date; the date of a month or a year is its first day."""
    if not published:
        return None, None
    try:
        text, precision = parse_iso(published)
    except InvalidDate:
        return None, None
    parts = [int(part) for part in text.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2]), precision


_KEY_LENGTH = {"year": 1, "month": 2, "week": 2, "day": 3}


def _key(date, precision):
    return (date.year, date.month, date.day)[: _KEY_LENGTH[precision]]


def _choose(candidates, reference, precision, direction, strict):
    """The candidate date on the side of `reference` that `direction` says, else the nearest.

    Dates are compared at the publication date's precision: in an article of March 2017,
    "le 22 mars" is as much ahead as behind.
    """
    if not candidates:
        return None
    ref = _key(reference, precision)
    if direction == "past":
        behind = [c for c in candidates if (_key(c, precision) < ref if strict else _key(c, precision) <= ref)]
        return max(behind) if behind else None
    if direction == "future":
        ahead = [c for c in candidates if (_key(c, precision) > ref if strict else _key(c, precision) >= ref)]
        return min(ahead) if ahead else None
    middle = {"day": reference, "month": reference.replace(day=15), "year": reference.replace(month=7)}[precision]
    # The nearest; a tie goes to the past, which news tells more often.
    return min(candidates, key=lambda c: (abs((c - middle).days), c > middle))


def _shift_month(date, months):
    index = date.year * 12 + date.month - 1 + months
    return date.replace(year=index // 12, month=index % 12 + 1, day=1)


def in_year_of(expression: DateExpression, earlier: DateExpression) -> DateExpression:
    """`expression` in the year of the date before it in one enumeration ("à Paris en juin 2015
    puis à Québec en juillet": July 2015), or the next year when its month comes earlier in the
    year ("en novembre 2015, puis en février": February 2016). A date that has its year or its
    own direction ("en juillet prochain"), or has no month, or follows a date without one, is
    left as it is."""
    if expression.year is not None or expression.month is None or expression.direction or earlier.year is None or earlier.month is None:
        return expression
    year = earlier.year if (expression.month, expression.day or 0) >= (earlier.month, earlier.day or 0) else earlier.year + 1
    return dataclasses.replace(expression, year=year)


def resolve_date(expression, published, direction=None):
    """Place `expression` on the calendar: (ISO 8601 text, precision), or (None, None).

    `published` is the article's date (YYYY, YYYY-MM, YYYY-MM-DD or None); `direction`
    ('past' | 'future' | None) is what the clause's tense says, and the expression's own
    "dernier" / "prochain" overrides it. A year the text and the publication date do not
    give is never invented.
    """
    try:
        return _resolve(expression, published, direction)
    except (InvalidDate, OverflowError, ValueError):
        return None, None  # off the calendar's edge (year 0, year 10000)


# Days from the paper's that stay in its month often enough to be dated to it.
NEAR_DAYS = 2


def _resolve(expression, published, direction):
    strict = expression.direction is not None
    direction = expression.direction or direction
    reference, precision = _published(published)
    if expression.same_day:
        return None, None
    if expression.offset:
        unit, offset = expression.offset
        if unit == "day" and precision == "month" and abs(offset) <= NEAR_DAYS:
            # "aujourd'hui", "hier" in a paper known to the month: that month, as "mardi" is.
            return iso_date(reference.year, reference.month)
        if reference is None or _KEY_LENGTH[precision] < _KEY_LENGTH[unit]:
            return None, None
        if unit == "year":
            return iso_date(reference.year + offset)
        if unit == "week":
            # A week has no ISO form of its own here: the month it falls in, when known.
            if precision == "month" and offset:
                return None, None
            shifted = reference + datetime.timedelta(days=7 * offset)
            monday = shifted - datetime.timedelta(days=shifted.weekday())
            sunday = monday + datetime.timedelta(days=6)
            if precision == "day" and monday.month != sunday.month:
                return None, None  # a week across two months gives neither
            return iso_date(shifted.year, shifted.month)
        if unit == "month":
            shifted = _shift_month(reference, offset)
            return iso_date(shifted.year, shifted.month)
        return (reference + datetime.timedelta(days=offset)).isoformat(), "day"
    if expression.year is not None:
        if expression.day is not None:
            return iso_date(expression.year, expression.month, expression.day)
        if expression.month is not None:
            return iso_date(expression.year, expression.month)
        return iso_date(expression.year)
    if reference is None:
        return None, None
    years = (reference.year - 1, reference.year, reference.year + 1)
    if expression.day is not None:
        candidates = []
        for year in years:
            try:
                candidates.append(datetime.date(year, expression.month, expression.day))
            except ValueError:
                continue
        if expression.weekday is not None and any(c.weekday() == expression.weekday for c in candidates):
            candidates = [c for c in candidates if c.weekday() == expression.weekday]
        if precision == "year":
            candidates = [c for c in candidates if c.year == reference.year]
        chosen = _choose(candidates, reference, precision, direction, strict)
        return (chosen.isoformat(), "day") if chosen else (None, None)
    if expression.month is not None or expression.season is not None:
        month = expression.month or expression.season
        candidates = [datetime.date(year, month, 1) for year in years]
        if precision == "year":
            candidates = [c for c in candidates if c.year == reference.year]
        chosen = _choose(candidates, reference, "month" if precision == "day" else precision, direction, strict)
        if chosen is None:
            return None, None
        return iso_date(chosen.year) if expression.season else iso_date(chosen.year, chosen.month)
    if expression.weekday is not None:
        if precision == "month":
            # The week is unknown, the month is not: the story happened in its month of publication.
            return iso_date(reference.year, reference.month)
        if precision != "day":
            return None, None
        back = (reference.weekday() - expression.weekday) % 7
        ahead = (expression.weekday - reference.weekday()) % 7
        if strict:
            back, ahead = back or 7, ahead or 7
        if direction == "past" or (direction is None and back <= ahead):
            return (reference - datetime.timedelta(days=back)).isoformat(), "day"
        return (reference + datetime.timedelta(days=ahead)).isoformat(), "day"
    return None, None


# --- Tense: which way from the publication date a clause points ------------------------------

_WORD = re.compile(r"\w+(?:-\w+)*")
_PARTICIPLE = re.compile(r"(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|int|inte|ints|ert|erte|erts|ort|orte|orts)$")
_NOT_PARTICIPLES = {"qui", "lui", "ici", "ceci", "celui", "aussi", "parmi", "ni", "si", "oui", "puis", "plus", "sous",
                    "nous", "vous", "tous", "depuis", "peu", "du", "au", "tu", "jusqu", "voici", "sauf", "lieu"}
_FUTURE_ENDING = re.compile(r"(?:e|i|d|v|u|r|t|l)r(?:a|as|ons|ez|ont)$")
_CONDITIONAL_ENDING = re.compile(r"(?:e|i|d|v|r|t)r(?:ait|aient)$")
_IMPERFECT_ENDING = re.compile(r"(?:ait|aient)$")


def _is_participle(word):
    # Weekdays and some nouns end like participles ("qui a lieu jeudi", "ont rendez-vous").
    return (
        len(word) >= 2
        and word not in _NOT_PARTICIPLES
        and word not in WEEKDAYS
        and TENSE_WORDS.get(word) != "not_a_participle"
        and bool(_PARTICIPLE.search(word))
    )


@dataclass(frozen=True)
class TenseMarker:
    start: int
    end: int
    direction: str  # 'past' | 'future'


def _next_words(text, end, count=3):
    # Read only for the words that need them: a list of every word of a text is costly.
    return [match.group().lower() for match in itertools.islice(_WORD.finditer(text, end), count)]


# What a future or an imperfect ends with: a word that does not is read no further.
_VERB_ENDINGS = ("ra", "ras", "ons", "ez", "ont", "ait", "aient")


def tense_markers(text):
    """The words of `text` that set a direction in time: future and conditional of
    "devoir", "aller" + infinitive, future endings ("réunira", "se tiendront"); auxiliary +
    participle ("se sont réunis", "avait réuni"), imperfect ("réunissait"). "convenus de" +
    infinitive and the conditionals of reported plans ("se tiendrait") point ahead; other
    conditionals ("compterait") and a passive present ("sont représentés") set none.
    """
    markers = []
    previous = None
    for match in _WORD.finditer(text):
        word = match.group().lower()
        kind = TENSE_WORDS.get(word)
        if word in INTENTIONS and _next_words(text, match.end(), 1) in (["de"], ["d"]):
            markers.append(TenseMarker(match.start(), match.end(), "future"))
        elif kind in ("future", "past"):
            markers.append(TenseMarker(match.start(), match.end(), kind))
        elif kind == "auxiliary":
            if any(_is_participle(w) for w in _next_words(text, match.end())):
                markers.append(TenseMarker(match.start(), match.end(), "past"))
        elif kind == "reflexive_auxiliary":
            reflexive = previous in ("s", "se")
            if any(_is_participle(w) and (reflexive or w.startswith(MOTION_PARTICIPLES)) for w in _next_words(text, match.end())):
                markers.append(TenseMarker(match.start(), match.end(), "past"))
        elif kind is None and len(word) >= 3 and word.endswith(_VERB_ENDINGS) and match.group()[0].islower():
            if _FUTURE_ENDING.search(word):
                markers.append(TenseMarker(match.start(), match.end(), "future"))
            elif len(word) >= 5 and _IMPERFECT_ENDING.search(word) and not _CONDITIONAL_ENDING.search(word):
                markers.append(TenseMarker(match.start(), match.end(), "past"))
        previous = word
    return sorted(markers, key=lambda marker: marker.start)


def direction_near(text, markers, start, end, low, high):
    """The direction of the tense marker nearest to text[start:end], within [low, high).

    A marker in the same clause comes first: in "doivent se retrouver en juin à Rome, a annoncé
    le ministre", the incise after the comma tells when it was said.
    """
    best = None
    # The markers are in order: only those of [low, high) are read (a binary search).
    first = bisect.bisect_left(markers, low, key=lambda marker: marker.start)
    last = bisect.bisect_left(markers, high, key=lambda marker: marker.start)
    for marker in markers[first:last]:
        if marker.end > high or start <= marker.start < end:
            continue
        distance = start - marker.end if marker.end <= start else marker.start - end
        between = text[marker.end : start] if marker.end <= start else text[end : marker.start]
        rank = (bool(_CLAUSE_BREAK.search(between)), distance)
        if best is None or rank < best[0]:
            best = (rank, marker.direction)
    return best[1] if best else None


_CLAUSE_BREAK = re.compile(r"[,;:()«»]")


def anchored_date(expression, last):
    """(iso, precision) of "le même jour", "la veille"...: `last` (the date given just
    before) shifted by the expression's days; a shift needs a day-precise date."""
    iso, precision = last or (None, None)
    if not iso or not expression.day_shift:
        return iso, precision
    if precision != "day":
        return None, None
    shifted = datetime.date.fromisoformat(iso) + datetime.timedelta(days=expression.day_shift)
    return shifted.isoformat(), "day"


def resolve_dates(text, published):
    """Every date expression of `text` placed on the calendar against `published`.

    Each takes its direction from its own words ("dernier"), else from the nearest tense
    marker of its sentence; "le même jour", "la veille" count from the last date given before
    them that is not itself counted so.
    """
    markers = tense_markers(text)
    resolved, last = [], (None, None)
    for expression in find_dates(text):
        if expression.same_day:
            iso, precision = anchored_date(expression, last)
        else:
            low, high = next(((s, e) for s, e in sentences(text) if s <= expression.start < e), (0, len(text)))
            direction = direction_near(text, markers, expression.start, expression.end, low, high)
            iso, precision = resolve_date(expression, published, direction)
        resolved.append(ResolvedDate(expression, iso, precision))
        if iso and not expression.same_day:
            last = (iso, precision)
    return resolved
