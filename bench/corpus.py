"""Deterministic synthetic corpora recombined from real text: the build benchmark's, and a rough one for tests.

usage: python bench/corpus.py [--articles 10000] [--first 0] [--out bench/out/corpus-10000]

The paragraphs come from the cleaned bodies of seeds/, the development
articles and, when ../shared/real is there, the real press articles (read at
run time, never copied into the project).

`generate`: each article recombines paragraphs (300-600 words), with the gold
people swapped for other recombined names, the meeting cities for other
cities, and the numbers, days, months and years redrawn; one paragraph in
eight is cut mid-sentence, as scraped pages are. Article `i` depends only on
`i`, so `--first 10000 --articles 10` adds ten new articles to a
10,000-article folder, and its rows to the manifest.

`generate_rough`: shorter articles (one to six paragraphs, often cut), with
and without a publication date, many damaged the ways real files are (NFD
accents, invisible characters, Windows-1252, UTF-16, HTML, CRLF), beside bad
entries (empty, binary, a pipe, links, names that are not UTF-8 or hold
control characters, a PDF, a subfolder). A build of it must never fail.
"""
import argparse
import csv
import functools
import json
import os
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loader.corpus import read_corpus  # noqa: E402
from loader.lang.lexicon import table, words  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
SOURCES = [ROOT / "seeds", ROOT / "tests" / "data" / "dev" / "articles", REAL / "articles"]
GOLDS = [ROOT / "tests" / "data" / "gold" / "seeds", ROOT / "tests" / "data" / "dev" / "gold", REAL / "gold"]
OUTLETS = ["Le Monde", "Le Figaro", "Libération", "France 24", "RFI", "La Croix", "Ouest-France", "20 Minutes"]
MONTHS = words("months.txt")
# A date keeps a calendar day, a year stays a year, another number keeps its length.
NUMBERS = re.compile(
    rf"\b(?P<day>1er|\d{{1,2}}) (?P<month>{'|'.join(MONTHS)})(?: (?P<year>\d{{4}}))?\b"
    r"|\b(?P<lone_year>(?:19|20)\d\d)\b"
    r"|(?P<number>\d+)"
)
MIN_WORDS, MAX_WORDS = 300, 600


@functools.lru_cache(maxsize=None)
def material():
    """Titles, paragraphs, gold names and gold cities of every source article, in a fixed order."""
    titles, paragraphs = [], []
    for folder in SOURCES:
        if not folder.is_dir():
            continue  # ../shared/real is not everywhere
        articles, _ = read_corpus(folder)
        for article in articles:
            if article.title:
                titles.append(article.title)
            paragraphs.extend(part.strip() for part in article.body.split("\n") if part.strip())
    names, cities = set(), set()
    for folder in GOLDS:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            names.update(person["name"] for person in gold["people"] if " " in person.get("name", ""))
            cities.update(meeting["city"] for meeting in gold["meetings"] if meeting.get("city"))
    gazetteer = sorted({row["city"] for row in table("places.csv")} | cities)
    return titles, paragraphs, sorted(names, key=lambda name: (-len(name), name)), sorted(cities, key=lambda city: (-len(city), city)), gazetteer


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


def cut(paragraph, rng):
    """The paragraph cut at a random character after its first quarter, as a scrape stops mid-sentence."""
    return paragraph[: rng.randint(len(paragraph) // 4, len(paragraph))].rstrip() or paragraph


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
        if rng.random() < 1 / 8:
            paragraph = cut(paragraph, rng)
        count = len(paragraph.split())
        if words + count <= MAX_WORDS:
            chosen.append(paragraph)
            words += count
    text = "\n\n".join([rng.choice(titles), *chosen])
    # Full names first (longest first), then the surnames they leave, then the cities.
    for name, other in people.items():
        text = text.replace(name, other)
    # A pattern is run only where its text occurs: most of the names and cities are in no article.
    for name, other in people.items():
        surname = name.split(" ", 1)[1]
        if surname in text:
            text = word(surname).sub(other.split(" ", 1)[1], text)
    for city, other in places.items():
        if city in text:
            text = word(city).sub(other, text)
    return redraw_numbers(text, rng) + "\n"


@functools.lru_cache(maxsize=None)
def word(text):
    """`text` as a whole word; compiled once (re's own cache holds fewer patterns than there are names)."""
    return re.compile(rf"\b{re.escape(text)}\b")


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


def _damage(text, rng):
    """`text` as one of the ways real files arrive: (name suffix, bytes)."""
    kind = rng.choice(["plain"] * 6 + ["nfd", "invisible", "cp1252", "utf-16", "html", "crlf", "bom"])
    if kind == "nfd":
        return unicodedata.normalize("NFD", text).encode("utf-8")
    if kind == "invisible":
        # A zero-width space inside a number, soft hyphens and word joiners inside words, direction marks around quotes.
        text = re.sub(r"(\d)(\d)", "\\1\u200b\\2", text, count=1)
        text = re.sub(r"(\w{3})(\w{3})", lambda match: match.group(1) + rng.choice(["\u00ad", "\u2060", "\u200c"]) + match.group(2), text, count=5)
        return text.replace("«", "\u200f«").replace("»", "»\u202e").encode("utf-8")
    if kind == "cp1252":
        return text.encode("cp1252", "replace")
    if kind == "utf-16":
        return text.encode("utf-16")
    if kind == "html":
        return re.sub(r"\n\n", "</p>\n\n<p>", text, count=2).encode("utf-8")
    if kind == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if kind == "bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")


def rough_article(index, seed=0):
    """Title and body of rough article `index`: one to six paragraphs, a third of them cut mid-sentence."""
    titles, paragraphs, *_ = material()
    rng = random.Random(f"coalition-rough:{seed}:{index}")
    chosen = [rng.choice(paragraphs) for _ in range(rng.randint(1, 6))]
    chosen = [cut(paragraph, rng) if rng.random() < 1 / 3 else paragraph for paragraph in chosen]
    head = [rng.choice(titles)] if titles and rng.random() < 0.7 else []
    return "\n\n".join(head + chosen) + "\n"


BAD_ENTRIES = {
    "empty.txt": b"",
    "binary.txt": b"%PDF-1.4\x00\x01\x02",
    "blank.txt": b" \n\t\n",
    "menu.txt": "Rechercher\n\nDernières Infos\n".encode("utf-8"),
    "mixed.txt": b"Le ministre \x81 a parl\xe9.",
    "report.pdf": b"%PDF-1.4",
}


def generate_rough(folder, articles, seed=0):
    """Write a rough corpus of `articles` articles and the bad entries into `folder` (see the module's docstring)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"coalition-rough:{seed}")
    texts = []
    with open(folder / "sources.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "published", "url", "outlet"])
        writer.writeheader()
        # Written composed here, decomposed (as macOS writes names) on the disk below.
        writer.writerow({"file": "réunion.txt", "published": "2019-02-06", "url": None, "outlet": "AFP"})
        for index in range(articles):
            name = f"{index:05d}.txt"
            text = rough_article(index, seed)
            texts.append(text)
            (folder / name).write_bytes(_damage(text, rng))
            if rng.random() < 0.5:  # half the articles have no publication date, and must do without
                published = rng.choice(["{y}", "{y}-{m:02d}", "{y}-{m:02d}-{d:02d}"]).format(y=rng.randint(2014, 2024), m=rng.randint(1, 12), d=rng.randint(1, 28))
                writer.writerow({"file": name, "published": published, "url": f"https://example.org/{index}", "outlet": rng.choice(OUTLETS)})
    for name, content in BAD_ENTRIES.items():
        (folder / name).write_bytes(content)
    (folder / "copy.txt").write_text(texts[0], encoding="utf-8")  # the same text under two names
    (folder / "images").mkdir(exist_ok=True)
    bad_names = [b"caf\xe9.txt", b"x\nerror: forged\x1b[31m.txt", "re\u0301union.txt".encode("utf-8")]
    for number, name in enumerate(bad_names):
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(rough_article(articles + number, seed).encode("utf-8"))
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
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
