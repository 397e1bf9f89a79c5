"""Property tests: on any text, the reader and every extractor finish, and every span lies in the body.

Texts are random unicode, or French-like text made of the seeds' words, quote
marks, dashes, digits and line breaks, which reaches much deeper into the
extractors' patterns than random characters do.
"""
import datetime
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from loader.corpus import UnreadableFile, check_text, clean, decode
from loader.dates import parse_iso, published_from_text
from loader.extract import extract_article
from loader.extract.figures import extract_figures
from loader.extract.meetings import extract_meetings
from loader.extract.people import extract_people
from loader.extract.quotes import extract_quotes

from .conftest import SEEDS

SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
WORDS = sorted({word for text in SEED_TEXTS for word in re.findall(r"[\w'’-]+", text)})
# Runs of words as the seeds write them ("le 6 février à Washington"), cut anywhere.
PHRASES = sorted({phrase for text in SEED_TEXTS for phrase in re.findall(r"[^.!?\n]{1,80}", text)})
MARKS = ["«", "»", "« ", " »", "“", "”", '"', "'", "’", "—", "–", " - ", ":", ",", ".", "!", "?", "…", "(", ")", "%", "€", "$", "\n", "\n\n", "\r\n", " ", "\u00a0", "\u202f"]
NUMBERS = st.one_of(
    st.integers(0, 10**24).map(str),
    st.from_regex(r"\A[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3}){1,7}\Z"),
    st.from_regex(r"\A[0-9]{1,4},[0-9]{1,3}\Z"),
)
# Letters that a case-insensitive pattern takes for ASCII ones: "marſ" matches "mars" under re.I.
CASE_TWINS = str.maketrans({"s": "ſ", "i": "ı", "k": "\u212a"})
WORD = st.sampled_from(WORDS).flatmap(lambda word: st.sampled_from([word, word.upper(), word.translate(CASE_TWINS)]))
PARTS = st.one_of(WORD.map(lambda word: word + " "), st.sampled_from(PHRASES), st.sampled_from(MARKS), NUMBERS)
FRENCH = st.lists(PARTS, max_size=60).map("".join)
# Found by these tests: a month name spelt with a case twin of one of its letters.
TWIN_MONTH = "Par X, le 2 marſ 2016 à 17h49. Les ministres de la coalition se réuniront le 3 juın à Paris."
TEXTS = st.one_of(st.text(max_size=400), FRENCH)
PUBLISHED = st.one_of(
    st.none(),
    st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31)).flatmap(
        lambda day: st.sampled_from([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]])
    ),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_in_body(body, records, text=False):
    for record in records:
        assert 0 <= record.start <= record.end <= len(body), record
        if text:
            assert record.text == body[record.start : record.end], record


def assert_meetings(body, meetings):
    assert_in_body(body, meetings)
    for meeting in meetings:
        if meeting.date is not None:
            assert parse_iso(meeting.date) == (meeting.date, meeting.date_precision), meeting


def assert_extraction(body, extraction):
    assert_in_body(body, extraction.people)
    assert_in_body(body, extraction.quotes, text=True)
    assert_in_body(body, extraction.figures, text=True)
    assert_meetings(body, extraction.meetings)
    names = {person.name for person in extraction.people}
    for quote in extraction.quotes:
        assert quote.speaker is None or quote.speaker in names, quote
    for record in extraction.quotes + extraction.figures:
        assert record.meeting_index is None or 0 <= record.meeting_index < len(extraction.meetings), record


@FAST
@given(TEXTS)
@example(TWIN_MONTH)
def test_figures(body):
    assert_in_body(body, extract_figures(body), text=True)


@FAST
@given(TEXTS, PUBLISHED)
@example(TWIN_MONTH, "2016-01-01")
def test_meetings(body, published):
    assert_meetings(body, extract_meetings(body, published, extract_figures(body)))


@FAST
@given(TEXTS)
@example(TWIN_MONTH)
def test_people_and_quotes(body):
    people = extract_people(body)
    assert_in_body(body, people)
    assert_in_body(body, extract_quotes(body, people), text=True)


@FAST
@given(TEXTS, PUBLISHED)
@example(TWIN_MONTH, "2016-01-01")
def test_article(body, published):
    assert_extraction(body, extract_article(body, published))


@FAST
@given(TEXTS)
@example(TWIN_MONTH)
def test_publication_date_of_any_text(raw):
    published, precision = published_from_text(raw)
    assert published is None or parse_iso(published) == (published, precision)


@FAST
@given(st.one_of(st.binary(max_size=300), TEXTS.map(lambda text: text.encode("utf-8")), TEXTS.map(lambda text: text.encode("utf-16"))))
@example(TWIN_MONTH.encode("utf-8"))
def test_reading_any_bytes(data):
    try:
        raw, _ = decode(data)
    except UnreadableFile:
        return
    title, body, _, _ = clean(raw)
    assert all(paragraph.strip() for paragraph in body.split("\n\n") if body)
    check_text(raw, body)
