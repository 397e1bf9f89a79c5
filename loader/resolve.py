"""Cross-article identity: one row per real person and per real meeting.

Input: the articles (in id order) and their extractions. Output: the rows of
every table but `articles`, with stable ids given in order of first
appearance, so the same corpus always gives the same database.
"""
import re
import unicodedata
from dataclasses import dataclass, field


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


def person_key(name):
    return fold(name)


def resolve_people(articles, extractions):
    """Map every (article index, mention name) to a person id; return (people rows, mapping)."""
    people = {}  # key -> row
    mapping = {}
    for index, extraction in enumerate(extractions):
        for mention in extraction.people:
            key = person_key(mention.name)
            row = people.get(key)
            if row is None:
                row = people[key] = {"id": len(people) + 1, "name": mention.name}
            elif len(mention.name) > len(row["name"]):
                row["name"] = mention.name
            mapping[(index, mention.name)] = row["id"]
    return list(people.values()), mapping


def meeting_key(meeting):
    return (fold(meeting.city or ""), meeting.date or "")


def resolve_meetings(articles, extractions):
    """Map every (article index, meeting index) to a meeting id; return (meeting rows, mapping)."""
    meetings = {}
    mapping = {}
    for index, extraction in enumerate(extractions):
        for position, meeting in enumerate(extraction.meetings):
            key = meeting_key(meeting)
            row = meetings.get(key)
            if row is None:
                row = meetings[key] = {
                    "id": len(meetings) + 1,
                    "date": meeting.date,
                    "date_precision": meeting.date_precision,
                    "city": meeting.city,
                    "country": meeting.country,
                    "latitude": meeting.latitude,
                    "longitude": meeting.longitude,
                    "kind": meeting.kind,
                    "participants": meeting.participants,
                }
            elif row["participants"] is None:
                row["participants"] = meeting.participants
            mapping[(index, position)] = row["id"]
    return list(meetings.values()), mapping


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
            person_id = person_ids[(index, mention.name)]
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
        resolved.person_aliases.extend(
            {"person_id": row["id"], "alias": alias} for alias in sorted(forms.get(row["id"], ())) if alias != row["name"]
        )
    resolved.people = people
    resolved.meetings = meetings
    return resolved
