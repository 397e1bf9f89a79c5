"""French dates: month names, publication dates, and ISO 8601 at a known precision."""
import datetime
import re
from importlib import resources


def _lexicon(name):
    text = resources.files("loader").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


MONTHS = {name: number for number, name in enumerate(_lexicon("months.txt"), start=1)}
# Accent-less spellings are common in scraped text ("fevrier", "aout", "decembre").
MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12})

PRECISIONS = {4: "year", 7: "month", 10: "day"}


class InvalidDate(ValueError):
    """A date that does not exist on the calendar (2019-13-45, 31 février)."""


def iso_date(year, month=None, day=None):
    """ISO 8601 text and its precision for a date known to the year, month or day."""
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


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# Where an article states its own date: the " date YYYY-MM" marker of some
# scrapes, "Publié le 02/06/2015" (never "Mis à jour"), an AFP-style dateline
# "PARIS, 15 septembre 2014 (AFP) -", or a byline date "2 février 2016 à 17h49".
PUBLISHED_PATTERNS = [
    ("iso", re.compile(r"\A\s*date (\d{4}-\d{2}(?:-\d{2})?)\b")),
    ("dmy", re.compile(r"Publié le (\d{1,2})/(\d{1,2})/(\d{4})")),
    ("iso", re.compile(r"Publié le (\d{4}-\d{2}-\d{2})")),
    ("named", re.compile(r"^[A-ZÉÈÎÏ' -]+, (?:le )?(\d{1,2}) (" + _MONTH_NAMES + r") (\d{4}) \((?:AFP|Reuters|AP)\)", re.M)),
    ("named", re.compile(r"(?<!Mis à jour le )\b(\d{1,2}) (" + _MONTH_NAMES + r") (\d{4}) à \d{1,2}h\d{2}", re.I)),
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
            return iso_date(int(year), MONTHS[month.lower()], int(day))
        except InvalidDate:
            continue
    return None, None
