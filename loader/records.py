"""The records that flow between the stages: corpus -> extract -> resolve -> store.

Offsets (`start`, `end`) always index the article's cleaned `body`, so that
`body[start:end] == text` for every quote and figure.
"""
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Article:
    path: str  # file name within the corpus folder
    sha256: str
    raw: str  # the text exactly as read (decoded)
    body: str  # the cleaned story every offset refers to
    title: Optional[str] = None
    published: Optional[str] = None  # ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
    published_precision: Optional[str] = None  # 'year' | 'month' | 'day'
    url: Optional[str] = None
    outlet: Optional[str] = None
    byline: Optional[str] = None
    credits: list = field(default_factory=list)  # photo credits, as written
    encoding: str = "utf-8"


@dataclass
class PersonMention:
    """A named person of one article, under the fullest form the article gives."""

    name: str
    aliases: list = field(default_factory=list)  # other forms naming the same person here
    role: Optional[str] = None  # as this article states it
    country: Optional[str] = None  # the country the person serves (French name)
    start: int = 0  # first mention in body
    end: int = 0


@dataclass
class Quote:
    text: str
    start: int
    end: int
    speaker: Optional[str] = None  # a PersonMention.name of the same article, or None
    attribution: Optional[str] = None  # who said it, as the article words it
    meeting_index: Optional[int] = None  # index into the article's meetings


@dataclass
class MeetingMention:
    """A coalition meeting as one article tells it."""

    date: Optional[str]  # ISO 8601 at the precision known
    date_precision: Optional[str]  # 'year' | 'month' | 'day'
    city: Optional[str]
    country: Optional[str]
    kind: str  # ministerial | defence | political_directors | small_group | other
    status: str  # announced | held
    participants: Optional[int] = None
    latitude: Optional[float] = None  # of the city, from the offline gazetteer
    longitude: Optional[float] = None
    start: int = 0  # the sentence of body that tells of the meeting (its provenance)
    end: int = 0
    virtual: bool = False  # held by videoconference: no city


@dataclass
class Figure:
    value: float
    unit: str
    text: str
    start: int
    end: int
    approximate: bool = False  # "un millier", "une vingtaine", "environ", "quelque"
    qualifier: Optional[str] = None  # lower/upper bound: 'plus de', 'au moins', 'moins de'
    meeting_index: Optional[int] = None  # index into the article's meetings


@dataclass
class Extraction:
    """Everything the extractors found in one article."""

    people: list = field(default_factory=list)  # PersonMention
    quotes: list = field(default_factory=list)  # Quote
    meetings: list = field(default_factory=list)  # MeetingMention
    figures: list = field(default_factory=list)  # Figure
