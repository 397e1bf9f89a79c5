"""Extractors: pure functions from an article's cleaned body to records with offsets."""
from typing import Optional

from ..records import Extraction
from .figures import extract_figures
from .meetings import extract_meetings, link_meetings
from .people import complete_roles, extract_people
from .quotes import extract_quotes


def extract_article(body: str, published: Optional[str]) -> Extraction:
    """Everything one article tells: people, quotes, meetings, figures.

    `published` is the article's ISO date (any precision, or None).
    """
    figures = extract_figures(body)
    meetings = extract_meetings(body, published, figures)
    people = extract_people(body)
    quotes = extract_quotes(body, people)
    complete_roles(people, quotes)
    link_meetings(body, meetings, figures, quotes)
    return Extraction(people=people, quotes=quotes, meetings=meetings, figures=figures)
