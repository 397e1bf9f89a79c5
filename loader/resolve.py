"""Cross-article identity: one row per real person and per real meeting.

Input: the articles (in id order) and their extractions. Output: the rows of
every table but `articles`, with stable ids given in order of first
appearance, so the same corpus always gives the same database.
"""
import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from .lang.fold import fold_words
from .lang.roles import normal_role
from .lang.vocabulary import FOLDED_JOINING, NICKNAMES
from .lang.lexicon import table
from .places import canonical_city


class Row:
    """A row read and set like a dict, its values kept in slots: an archive holds millions of them,
    and a slot costs an eighth of a dict's entry."""

    __slots__ = ()

    def __getitem__(self, column):
        return getattr(self, column)

    def __setitem__(self, column, value):
        setattr(self, column, value)

    def __contains__(self, column):
        return column in self.__slots__


# The rows resolution gives an article, one kind per table.
@dataclass(slots=True)
class ArticleMeeting(Row):
    article_id: int
    meeting_id: int
    status: str
    date: Optional[str]
    date_precision: Optional[str]
    participants: Optional[int]
    start: int
    end: int


@dataclass(slots=True)
class ArticlePerson(Row):
    article_id: int
    person_id: int
    role: Optional[str]
    country: Optional[str]


@dataclass(slots=True)
class PersonRole(Row):
    person_id: int
    article_id: int
    published: Optional[str]
    role: Optional[str]
    country: Optional[str]


@dataclass(slots=True)
class QuoteRow(Row):
    id: int
    article_id: int
    person_id: Optional[int]
    attribution: Optional[str]
    meeting_id: Optional[int]
    text: str
    start: int
    end: int


@dataclass(slots=True)
class FigureRow(Row):
    id: int
    article_id: int
    meeting_id: Optional[int]
    value: float
    unit: str
    approximate: int
    qualifier: Optional[str]
    text: str
    start: int
    end: int


@dataclass
class Resolved:
    people: list = field(default_factory=list)
    person_aliases: list = field(default_factory=list)
    person_roles: list = field(default_factory=list)
    article_people: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    article_meetings: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    # What the LazyRows tables draw their ids from: (article index, mention name) -> person id,
    # (article index, meeting index) -> meeting id.
    person_ids: dict = field(default_factory=dict)
    meeting_ids: dict = field(default_factory=dict)


@functools.lru_cache(maxsize=1 << 16)
def person_key(name):
    """Names that differ only by case, accents, hyphens, initials or a nickname ("Jim" for "James") share a key."""
    words = [word for word in fold_words(name).replace(".", " ").split() if len(word) > 1]
    if len(words) > 1:
        words[0] = NICKNAMES.get(words[0], words[0])
    return " ".join(words)


VOWELS = re.compile(r"[aeiouy]")
DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=1 << 16)
def skeleton(key):
    """A spelling-blind form for transliterated names: no vowels or h after the first letter, no doubled letters."""
    out = []
    for word in key.replace("ou", "u").replace("h", "").split():
        bare = word[0] + VOWELS.sub("", word[1:])
        out.append(DOUBLED.sub(r"\1", bare))
    return " ".join(out)


GOVERNMENT_DOMAINS = [(row["domain"], row["country"]) for row in table("people_government_domains.csv")]


def government_country(url: "str | None") -> "str | None":
    """The country whose government publishes at this address ("https://www.diplomatie.gouv.fr/…": France), or None."""
    host = re.match(r"(?:[a-z]+://)?([^/:?#]+)", (url or "").strip().lower())
    host = host.group(1) if host else ""
    return next((country for domain, country in GOVERNMENT_DOMAINS if host == domain or host.endswith("." + domain)), None)


def resolve_people(articles, extractions):
    """Map every (article index, mention name) to a person id; return (people rows, mapping).

    Full names join on their key, or failing that on their consonants when only one
    person has them ("Haïdar al Abadi" = "Haider al-Abadi"). A surname alone
    ("Baghdadi", "al-Baghdadi") joins the one person of the corpus with that
    surname; when none or several have it, it is a person of its own. Roles are
    not part of identity: a minister who changes office stays one person.
    """

    def surname(key):
        core = [word for word in key.split() if word not in FOLDED_JOINING]
        return core[-1] if len(core) == 1 else None

    def rank(form):
        """The fuller form wins; on a tie, the given name over a nickname."""
        first = fold_words(form).split()[:1]  # none for a form of punctuation only
        return (len(person_key(form).split()), first != [] and first[0] not in NICKNAMES)

    rows, keys, skeletons, mapping, singles = [], {}, {}, {}, []  # every full key -> row; skeleton -> {id: row}
    first_seen = {}  # row id -> (article index, mention position) of its first mention

    def row_for(key):
        if key in keys:
            return keys[key]
        similar = skeletons.get(skeleton(key), {})
        return next(iter(similar.values())) if len(similar) == 1 else None

    for index, extraction in enumerate(extractions):
        for position, mention in enumerate(extraction.people):
            forms = [mention.name, *mention.aliases]
            full = [person_key(form) for form in forms if person_key(form) and surname(person_key(form)) is None]
            if not full:
                singles.append((index, position, mention.name))
                continue
            # A mention may go by its surname with the full name as an alias ("Trump", "Donald Trump").
            fullest = max(forms, key=rank)
            row = next((found for found in map(row_for, full) if found), None)
            if row is None:
                row = {"id": len(rows) + 1, "name": fullest}
                rows.append(row)
            elif rank(fullest) > rank(row["name"]):
                row["name"] = fullest
            for key in full:
                keys.setdefault(key, row)
                skeletons.setdefault(skeleton(key), {})[row["id"]] = row
            first_seen.setdefault(row["id"], (index, position))
            mapping[(index, mention.name)] = row["id"]
    by_surname = {}  # surname -> the rows of full names ending with it
    for key, row in keys.items():
        core = [word for word in key.split() if word not in FOLDED_JOINING]
        if core:  # a name of particles only ("La", "Ben") has no surname to be called by
            by_surname.setdefault(skeleton(core[-1]), {})[row["id"]] = row
    alone = {}  # surname -> row of a person the corpus names only by it
    for index, position, name in singles:
        key = surname(person_key(name))
        if key is None:
            continue
        owners = by_surname.get(skeleton(key), {})
        if len(owners) == 1:
            row = next(iter(owners.values()))
        else:
            row = alone.get(key)
            if row is None:
                row = alone[key] = {"id": len(rows) + 1, "name": name}
                rows.append(row)
        first_seen[row["id"]] = min(first_seen.get(row["id"], (index, position)), (index, position))
        mapping[(index, name)] = row["id"]
    # One name, one person: rows that end up with the same name (spellings joined in a different
    # order) are merged, so `people.name` is unique, as the schema requires.
    by_name, merged = {}, {}  # name -> its row; row id -> the id of the row it joins
    for row in rows:
        kept = by_name.setdefault(row["name"], row)
        merged[row["id"]] = kept["id"]
        first_seen[kept["id"]] = min(first_seen[kept["id"]], first_seen[row["id"]])
    rows = list(by_name.values())
    mapping = {mention: merged[person_id] for mention, person_id in mapping.items()}
    # Ids in order of first mention, so the same corpus always gives the same ids.
    rows.sort(key=lambda row: first_seen[row["id"]])
    renumber = {row["id"]: number for number, row in enumerate(rows, 1)}
    for row in rows:
        row["id"] = renumber[row["id"]]
    return rows, {mention: renumber[person_id] for mention, person_id in mapping.items()}


def meeting_key(meeting, article_index, position):
    """One real meeting: its city (or, without one, its country) and its date as precisely as
    the text gave it. An announcement and a later report of a meeting give the same key; two
    meetings in one city on different days do not, and a month-only mention of a past meeting
    stays apart from its day-dated row. An undated meeting is its own row (the extractor has
    already merged what its article says of it): nothing says which of a city's meetings it is."""
    place = fold_words(canonical_city(meeting.city) if meeting.city else "") or ("country", fold_words(meeting.country or ""))
    return (place, meeting.date) if meeting.date else (place, "undated", article_index, position)


def _finer_keys(keys):
    """Map a key known to the month or the year to the one key of its city known to the day
    within that period, when exactly one fits ("Marrakech, mai 2022" in one article is the
    "Marrakech, 11 mai 2022" of another); a year with no such day, to the one month that fits."""
    dated = [key for key in keys if key[1] != "undated"]
    # (place, start of a date, length of the date) -> the keys of that place whose date begins so:
    # a key is compared with the finer keys of its own city and period alone.
    within = {}
    for key in dated:
        place, date = key
        for cut in (4, 7):
            if len(date) > cut:
                within.setdefault((place, date[:cut], len(date)), []).append(key)
    mapped = {}
    for precision in (7, 4):  # month, then year
        for key in dated:
            place, date = key
            if len(date) != precision:
                continue
            for length in (10, 7):
                fits = {mapped.get(other, other) for other in within.get((place, date, length), ())}
                if len(fits) == 1:
                    mapped[key] = fits.pop()
                    break
                if fits:
                    break
    return mapped


def resolve_meetings(articles, extractions):
    """Map every (article index, meeting index) to a meeting id; return (meeting rows, mapping).

    Where the articles that tell of one meeting disagree (its kind, its participants), the
    row takes what most of them say, reports of the held meeting before announcements.
    """

    def consensus(values):
        given = [value for value in values if value is not None]
        return max(given, key=lambda value: (given.count(value), -given.index(value))) if given else None

    keys = {
        (index, position): meeting_key(meeting, index, position)
        for index, extraction in enumerate(extractions)
        for position, meeting in enumerate(extraction.meetings)
    }
    finer = _finer_keys(set(keys.values()))
    ids, mentions = {}, {}  # key -> meeting id; meeting id -> every mention, in article order
    mapping = {}
    for index, extraction in enumerate(extractions):
        for position, meeting in enumerate(extraction.meetings):
            meeting_id = ids.setdefault(finer.get(keys[(index, position)], keys[(index, position)]), len(ids) + 1)
            mentions.setdefault(meeting_id, []).append(meeting)
            mapping[(index, position)] = meeting_id
    rows = []
    for number, group in mentions.items():
        ordered = [m for m in group if m.status == "held"] + [m for m in group if m.status != "held"]
        first = group[0]
        # The day one article gives, where another gives only the month.
        dated = max(group, key=lambda m: len(m.date or ""))
        located = next((m for m in group if m.latitude is not None), first)
        rows.append(
            {
                "id": number,
                "date": dated.date,
                "date_precision": dated.date_precision,
                "city": first.city,
                "country": consensus(m.country for m in ordered),
                "latitude": located.latitude,
                "longitude": located.longitude,
                "kind": consensus(m.kind for m in ordered),
                "participants": consensus(m.participants for m in ordered),
                "virtual": int(any(m.virtual for m in group)),
            }
        )
    return rows, mapping


class LazyRows:
    """The rows of one table that has rows for each article, made again from the articles' records
    each time they are read: an archive's quotes and figures are never all in memory at once."""

    def __init__(self, make):
        self._make = make

    def __iter__(self):
        return self._make()


def _people_of(index, article, extraction, person_ids):
    """(person id, role, country, the mentions' forms) of each person an article names, in order of first mention."""
    linked = {}  # person id -> the article's mentions of that person, in order
    for mention in extraction.people:
        person_id = person_ids.get((index, mention.name))
        if person_id is not None:
            linked.setdefault(person_id, []).append(mention)
    found = []
    for person_id, mentions in linked.items():
        # Two spellings of one name in one article ("Anthony" in a caption, "Antony" in the
        # story): the person takes the role and country that either gives.
        role = next((m.role for m in mentions if m.role), None)
        country = next((m.country for m in mentions if m.country), None)
        if country is None and role and government_country(article.url):
            # A government's own page names its ministers without their country. (Imported here: a build
            # with nothing to extract does not load the extractors.)
            from .extract.people import national_office

            country = government_country(article.url) if national_office(role) else None
        forms = {form for m in mentions for form in (m.name, *m.aliases)}
        found.append((person_id, role, country, forms))
    return found


def resolve(articles, extractions):
    """Turn per-article extractions into the rows of the shared tables.

    The tables of people and meetings are lists; the tables with rows for each article are made
    as they are read (`LazyRows`), from `extractions`, which must stay as they are while they are.
    """
    resolved = Resolved()
    people, person_ids = resolve_people(articles, extractions)
    meetings, meeting_ids = resolve_meetings(articles, extractions)
    latest_role = {}  # person id -> (published, role, country)
    latest_country = {}  # person id -> (published, country) of the latest article that gives one
    forms = {}  # person id -> every form of the name the corpus uses
    for index, (article, extraction) in enumerate(zip(articles, extractions)):
        for person_id, role, country, names in _people_of(index, article, extraction, person_ids):
            forms.setdefault(person_id, set()).update(names)
            if role or country:
                role = normal_role(role)
                stamp = article.published or ""
                if person_id not in latest_role or stamp >= latest_role[person_id][0]:
                    latest_role[person_id] = (stamp, role, country)
                if country and (person_id not in latest_country or stamp >= latest_country[person_id][0]):
                    latest_country[person_id] = (stamp, country)
    for row in people:
        _, row["role"], row["country"] = latest_role.get(row["id"], (None, None, None))
    # An article that names a person without saying whom they serve keeps the country the corpus knows.
    known_country = {person_id: country for person_id, (_, country) in latest_country.items()}

    def article_people():
        for index, (article, extraction) in enumerate(zip(articles, extractions)):
            for person_id, role, country, _ in _people_of(index, article, extraction, person_ids):
                yield ArticlePerson(article_id=index + 1, person_id=person_id, role=role, country=known_country.get(person_id) if country is None else country)

    def person_roles():
        for index, (article, extraction) in enumerate(zip(articles, extractions)):
            for person_id, role, country, _ in _people_of(index, article, extraction, person_ids):
                if role or country:
                    # The history of roles compares them across articles: one form for each (the article's own words
                    # stay in article_people).
                    yield PersonRole(person_id=person_id, article_id=index + 1, published=article.published, role=normal_role(role), country=country)

    def article_meetings():
        for index, extraction in enumerate(extractions):
            seen = set()
            for position, meeting in enumerate(extraction.meetings):
                meeting_id = meeting_ids[(index, position)]
                if meeting_id not in seen:
                    seen.add(meeting_id)
                    yield ArticleMeeting(
                        article_id=index + 1,
                        meeting_id=meeting_id,
                        status=meeting.status,
                        date=meeting.date,
                        date_precision=meeting.date_precision,
                        participants=meeting.participants,
                        start=meeting.start,
                        end=meeting.end,
                    )

    def quotes():
        number = 0
        for index, extraction in enumerate(extractions):
            for quote in extraction.quotes:
                number += 1
                yield QuoteRow(
                    id=number,
                    article_id=index + 1,
                    person_id=person_ids.get((index, quote.speaker)) if quote.speaker else None,
                    attribution=quote.attribution,
                    meeting_id=meeting_ids.get((index, quote.meeting_index)),
                    text=quote.text,
                    start=quote.start,
                    end=quote.end,
                )

    def figures():
        number = 0
        for index, extraction in enumerate(extractions):
            for figure in extraction.figures:
                number += 1
                yield FigureRow(
                    id=number,
                    article_id=index + 1,
                    meeting_id=meeting_ids.get((index, figure.meeting_index)),
                    value=figure.value,
                    unit=figure.unit,
                    approximate=int(figure.approximate),
                    qualifier=figure.qualifier,
                    text=figure.text,
                    start=figure.start,
                    end=figure.end,
                )

    resolved.article_people = LazyRows(article_people)
    resolved.person_roles = LazyRows(person_roles)
    resolved.article_meetings = LazyRows(article_meetings)
    resolved.quotes = LazyRows(quotes)
    resolved.figures = LazyRows(figures)
    for row in people:
        resolved.person_aliases.extend(
            {"person_id": row["id"], "alias": alias} for alias in sorted(forms.get(row["id"], ())) if alias != row["name"]
        )
    resolved.people = people
    resolved.meetings = meetings
    resolved.person_ids = person_ids
    resolved.meeting_ids = meeting_ids
    return resolved
