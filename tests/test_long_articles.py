"""An article far longer than any real one, naming thousands of people, is read in time linear in
its length: each extractor finishes in seconds, not minutes (speed figures are in bench/)."""
import time

from loader.extract.figures import extract_figures
from loader.extract.people import extract_people
from loader.extract.quotes import extract_quotes

GIVEN = ["Paul", "Jean", "Marie", "Claire", "Louis", "Anne", "Marc", "Sophie", "Pierre", "Julie", "Henri", "Lucie", "Hugo", "Emma", "Léa"]
SYLLABLES = ["ba", "ro", "ti", "lu", "ne", "ka", "mo", "di", "ve", "sa", "fu", "le"]
# Generous: the article takes about two seconds per extractor here; before reading it linearly, minutes.
LIMIT = 30


def surname(index):
    return "".join(SYLLABLES[index // len(SYLLABLES) ** power % len(SYLLABLES)] for power in range(3)).capitalize()


def long_article(size):
    paragraphs, index = [], 0
    while sum(map(len, paragraphs)) < size:
        name = f"{GIVEN[index % len(GIVEN)]} {surname(index)}"
        paragraphs.append(
            f"Le ministre {name} a promis {index + 2} millions de dollars. « Nous resterons unis {index} ans », a déclaré M. {surname(index)}.\n"
        )
        index += 1
    return "".join(paragraphs)


def test_a_300_kb_article_naming_thousands_of_people_is_read_in_seconds():
    body = long_article(300_000)
    start = time.perf_counter()
    people = extract_people(body)
    quotes = extract_quotes(body, people)
    figures = extract_figures(body)
    assert time.perf_counter() - start < LIMIT
    assert (len(people), len(quotes), len(figures)) == (body.count("Le ministre"),) * 3
