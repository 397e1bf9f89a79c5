"""Cross-article identity: one row per real person and per real meeting.

Input: the articles (in id order) and their extractions. Output: the rows of
every table but `articles`, with stable ids given in order of first
appearance, so the same corpus always gives the same database.
"""
import re
import unicodedata
from dataclasses import dataclass, field

from .lexicon import rows


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


def fold(text):
    """Lower case, no accents, hyphens and apostrophes as spaces: the key names and cities are compared by."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[-'’\u00a0]", " ", text)
    return " ".join(text.split())


NICKNAMES = {row["nickname"].lower(): row["given_name"].lower() for row in rows("nicknames.csv")}


def person_key(name):
    """Names that differ only by case, accents, hyphens or a nickname ("Jim" for "James") share a key."""
    words = fold(name).split()
    if len(words) > 1:
        words[0] = NICKNAMES.get(words[0], words[0])
    return " ".join(words)


def _preferred(name, other):
    """The fuller of two forms of a name (the first seen on a tie); a nickname form loses to the given name."""
    def rank(form):
        words = fold(form).split()
        return (len(words), words[0] not in NICKNAMES)
    return name if rank(name) >= rank(other) else other


def resolve_people(articles, extractions):
    """Map every (article index, mention name) to a person id; return (people rows, mapping).

    A one-word name ("Baghdadi") joins the one person of the corpus whose
    name ends with it; when none or several do, it names nobody we can tell.
    """
    people = {}  # key -> row
    mapping = {}
    singles = []
    for index, extraction in enumerate(extractions):
        for mention in extraction.people:
            if " " not in mention.name.strip():
                singles.append((index, mention.name))
                continue
            key = person_key(mention.name)
            row = people.get(key)
            if row is None:
                row = people[key] = {"id": len(people) + 1, "name": mention.name}
            else:
                row["name"] = _preferred(row["name"], mention.name)
            mapping[(index, mention.name)] = row["id"]
    for index, name in singles:
        owners = {row["id"] for key, row in people.items() if key.endswith(" " + person_key(name))}
        if len(owners) == 1:
            mapping[(index, name)] = owners.pop()
    return list(people.values()), mapping


def meeting_key(meeting):
    """One real meeting: its city (or none, for a virtual meeting) and its date as precisely
    as the text gave it. An announcement and a later report of a meeting give the same key;
    two meetings in one city on different days do not, and a month-only mention of a past
    meeting stays apart from its day-dated row."""
    return (fold(meeting.city or ""), meeting.date or "")


def resolve_meetings(articles, extractions):
    """Map every (article index, meeting index) to a meeting id; return (meeting rows, mapping).

    Where the articles that tell of one meeting disagree (its kind, its participants), the
    row takes what most of them say, reports of the held meeting before announcements.
    """

    def consensus(values):
        given = [value for value in values if value is not None]
        return max(given, key=lambda value: (given.count(value), -given.index(value))) if given else None

    ids, mentions = {}, {}  # key -> meeting id; meeting id -> every mention, in article order
    mapping = {}
    for index, extraction in enumerate(extractions):
        for position, meeting in enumerate(extraction.meetings):
            meeting_id = ids.setdefault(meeting_key(meeting), len(ids) + 1)
            mentions.setdefault(meeting_id, []).append(meeting)
            mapping[(index, position)] = meeting_id
    rows = []
    for number, group in mentions.items():
        ordered = [m for m in group if m.status == "held"] + [m for m in group if m.status != "held"]
        first = group[0]
        located = next((m for m in group if m.latitude is not None), first)
        rows.append(
            {
                "id": number,
                "date": first.date,
                "date_precision": first.date_precision,
                "city": first.city,
                "country": consensus(m.country for m in ordered),
                "latitude": located.latitude,
                "longitude": located.longitude,
                "kind": consensus(m.kind for m in ordered),
                "participants": consensus(m.participants for m in ordered),
            }
        )
    return rows, mapping


def resolve(articles, extractions):
    """Turn per-article extractions into the rows of the shared tables."""
    resolved = Resolved()
    people, person_ids = resolve_people(articles, extractions)
    meetings, meeting_ids = resolve_meetings(articles, extractions)
    latest_role = {}  # person id -> (published, role, country)
    forms = {}  # person id -> every form of the name the corpus uses
    for index, (article, extraction) in enumerate(zip(articles, extractions)):
        article_id = index + 1
        linked = set()
        for mention in extraction.people:
            person_id = person_ids.get((index, mention.name))
            if person_id is None:
                continue
            forms.setdefault(person_id, set()).update([mention.name, *mention.aliases])
            if person_id in linked:
                continue
            linked.add(person_id)
            resolved.article_people.append(
                {"article_id": article_id, "person_id": person_id, "role": mention.role, "country": mention.country}
            )
            if mention.role or mention.country:
                resolved.person_roles.append(
                    {
                        "person_id": person_id,
                        "article_id": article_id,
                        "published": article.published,
                        "role": mention.role,
                        "country": mention.country,
                    }
                )
                stamp = article.published or ""
                if person_id not in latest_role or stamp >= latest_role[person_id][0]:
                    latest_role[person_id] = (stamp, mention.role, mention.country)
        seen_meetings = set()
        for position, meeting in enumerate(extraction.meetings):
            meeting_id = meeting_ids[(index, position)]
            if meeting_id in seen_meetings:
                continue
            seen_meetings.add(meeting_id)
            resolved.article_meetings.append(
                {"article_id": article_id, "meeting_id": meeting_id, "status": meeting.status}
            )
        for quote in extraction.quotes:
            resolved.quotes.append(
                {
                    "id": len(resolved.quotes) + 1,
                    "article_id": article_id,
                    "person_id": person_ids.get((index, quote.speaker)) if quote.speaker else None,
                    "attribution": quote.attribution,
                    "meeting_id": meeting_ids.get((index, quote.meeting_index)),
                    "text": quote.text,
                    "start": quote.start,
                    "end": quote.end,
                }
            )
        for figure in extraction.figures:
            resolved.figures.append(
                {
                    "id": len(resolved.figures) + 1,
                    "article_id": article_id,
                    "meeting_id": meeting_ids.get((index, figure.meeting_index)),
                    "value": figure.value,
                    "unit": figure.unit,
                    "approximate": int(figure.approximate),
                    "qualifier": figure.qualifier,
                    "text": figure.text,
                    "start": figure.start,
                    "end": figure.end,
                }
            )
    for row in people:
        _, row["role"], row["country"] = latest_role.get(row["id"], (None, None, None))
    # An article that names a person without saying whom they serve keeps the country the corpus knows.
    known_country = {row["id"]: row["country"] for row in people if row["country"]}
    for link in resolved.article_people:
        if link["country"] is None:
            link["country"] = known_country.get(link["person_id"])
    for row in people:
        resolved.person_aliases.extend(
            {"person_id": row["id"], "alias": alias} for alias in sorted(forms.get(row["id"], ())) if alias != row["name"]
        )
    resolved.people = people
    resolved.meetings = meetings
    return resolved
