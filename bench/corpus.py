"""A deterministic synthetic corpus for the build benchmark.

usage: python bench/corpus.py [--articles 10000] [--first 0] [--out bench/out/corpus-10000]

Each article recombines paragraphs of the seeds' and the development articles'
cleaned bodies (300-600 words), with the gold people swapped for other
recombined names, the meeting cities for other cities, and the numbers,
days, months and years redrawn. Article `i` depends only on `i`, so
`--first 10000 --articles 10` adds ten new articles to a 10,000-article
folder, and its rows to the manifest.
"""
import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loader.corpus import read_corpus  # noqa: E402
from loader.lexicon import lines, rows  # noqa: E402

SOURCES = [ROOT / "seeds", ROOT / "tests" / "data" / "dev" / "articles"]
GOLDS = [ROOT / "tests" / "data" / "gold" / "seeds", ROOT / "tests" / "data" / "dev" / "gold"]
OUTLETS = ["Le Monde", "Le Figaro", "Libération", "France 24", "RFI", "La Croix", "Ouest-France", "20 Minutes"]
MONTHS = lines("months.txt")
# A date keeps a calendar day, a year stays a year, another number keeps its length.
NUMBERS = re.compile(
    rf"\b(?P<day>1er|\d{{1,2}}) (?P<month>{'|'.join(MONTHS)})(?: (?P<year>\d{{4}}))?\b"
    r"|\b(?P<lone_year>(?:19|20)\d\d)\b"
    r"|(?P<number>\d+)"
)
MIN_WORDS, MAX_WORDS = 300, 600


def material():
    """Titles, paragraphs, gold names and gold cities of every source article, in a fixed order."""
    titles, paragraphs = [], []
    for folder in SOURCES:
        articles, _ = read_corpus(folder)
        for article in articles:
            if article.title:
                titles.append(article.title)
            paragraphs.extend(part.strip() for part in article.body.split("\n") if part.strip())
    names, cities = set(), set()
    for folder in GOLDS:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            names.update(person["name"] for person in gold["people"] if " " in person["name"])
            cities.update(meeting["city"] for meeting in gold["meetings"] if meeting.get("city"))
    gazetteer = sorted({row["city"] for row in rows("places.csv")} | cities)
    return titles, paragraphs, sorted(names, key=len, reverse=True), sorted(cities, key=len, reverse=True), gazetteer


def redraw_numbers(text, rng):
    """Other days, months, years and counts."""

    def redraw(match):
        if match.group("month"):
            year = f" {rng.randint(2014, 2023)}" if match.group("year") else ""
            return f"{rng.randint(1, 28)} {rng.choice(MONTHS)}{year}"
        if match.group("lone_year"):
            return str(rng.randint(2014, 2023))
        digits = match.group("number")
        if len(digits) == 1:
            return str(rng.randint(2, 9))
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(len(digits) - 1))

    return NUMBERS.sub(redraw, text)


def article(index, source):
    """Title and body of article `index`."""
    titles, paragraphs, names, cities, gazetteer = source
    rng = random.Random(f"coalition-bench:{index}")
    given = [name.split(" ", 1)[0] for name in names]
    family = [name.split(" ", 1)[1] for name in names]
    people = {name: f"{rng.choice(given)} {rng.choice(family)}" for name in names}
    places = {city: rng.choice(gazetteer) for city in cities}
    target = rng.randint(MIN_WORDS + 50, MAX_WORDS - 50)
    chosen, words = [], 0
    while words < target:
        paragraph = rng.choice(paragraphs)
        count = len(paragraph.split())
        if words + count <= MAX_WORDS:
            chosen.append(paragraph)
            words += count
    text = "\n\n".join([rng.choice(titles), *chosen])
    # Full names first (longest first), then the surnames they leave, then the cities.
    for name, other in people.items():
        text = text.replace(name, other)
    for name, other in people.items():
        text = re.sub(rf"\b{re.escape(name.split(' ', 1)[1])}\b", other.split(" ", 1)[1], text)
    for city, other in places.items():
        text = re.sub(rf"\b{re.escape(city)}\b", other, text)
    return redraw_numbers(text, rng) + "\n"


def manifest_row(index):
    rng = random.Random(f"coalition-bench-manifest:{index}")
    published = f"{rng.randint(2014, 2023)}-{rng.randint(1, 12):02d}" + (f"-{rng.randint(1, 28):02d}" if index % 5 else "")
    return {"file": f"{index:06d}.txt", "published": published, "url": f"https://example.org/bench/{index}", "outlet": OUTLETS[index % len(OUTLETS)]}


def generate(folder, articles, first=0):
    """Write articles `first` .. `first + articles - 1` into `folder` and append their rows to its manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    source = material()
    manifest = folder / "sources.csv"
    new = not manifest.exists()
    with open(manifest, "a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "published", "url", "outlet"])
        if new:
            writer.writeheader()
        for index in range(first, first + articles):
            (folder / f"{index:06d}.txt").write_text(article(index, source), encoding="utf-8")
            writer.writerow(manifest_row(index))
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--first", type=int, default=0, help="index of the first article to write")
    parser.add_argument("--out", type=Path, help="folder (default: bench/out/corpus-N)")
    args = parser.parse_args()
    folder = generate(args.out or ROOT / "bench" / "out" / f"corpus-{args.articles}", args.articles, args.first)
    print(f"{args.articles} articles written to {folder}")


if __name__ == "__main__":
    main()
