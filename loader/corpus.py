"""Read a corpus folder into Article records: the text as read, and a cleaned body.

Cleaning removes what is not the story (site chrome, the " date YYYY-MM"
marker, photo captions with their credits, bylines, a truncated teaser that
repeats the lead) and keeps the title apart. Every offset in the database
refers to the cleaned `body`.
"""
import csv
import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .dates import InvalidDate, parse_iso, published_from_text
from .records import Article

MANIFEST = "sources.csv"
MANIFEST_COLUMNS = ("file", "published", "url", "outlet")


def _lexicon(name):
    text = resources.files("loader").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


CHROME_LINES = {line.casefold() for line in _lexicon("chrome_lines.txt")}

DATE_MARKER = re.compile(r"\A\s*date \d{4}-\d{2}(?:-\d{2})?\s*")
# "— KARIM SAHIB / AFP", "- MANDEL NGAN, AFP/Archives", "Photo AFP / Pieter VANDAMME"
CREDIT_AT_END = re.compile(
    r"(?:\s[—–-]\s+(?P<name1>[^—–/]+?)\s*(?:/|,)\s*(?:AFP|Reuters|AP|EPA|Getty)(?:/Archives)?"
    r"|\s*Photos?\s+(?:AFP|Reuters|AP|EPA)\s*/\s*(?P<name2>[^/]+?))\s*\Z"
)
PUBLICATION_LINE = re.compile(r"\A\s*Publié le .*\Z|\A\s*Mis à jour le .*\Z")
BYLINE = re.compile(
    r"\A\s*(?:[Pp]ar\s+\S.{0,80}"  # "Par Hélène MARCHAL", "par La rédaction"
    r"|(?:[A-Z]\.\s*){1,3}et agences"  # "M. T. et agences"
    r"|[A-ZÉ][\w'-]+ [A-ZÉ]{2,}[\w-]*(?:,.{0,60})?(?:,? avec (?:agences|AFP|l'AFP))"  # "Claire DUMONT, à Washington, avec agences"
    r")\s*\Z"
)
# "PARIS, 15 septembre 2014 (AFP) - ": where the wire dates its story, not the story itself.
DATELINE = re.compile(r"\A[A-ZÉÈÎ][A-ZÉÈÎ' -]+, (?:le )?\d{1,2} \w+ \d{4} \((?:AFP|Reuters|AP)\) [-–—] ")
TEASER_END = re.compile(r"(?:\.\.\.|…)\s*\Z")


class CorpusError(Exception):
    """A corpus folder or manifest that cannot be read at all."""


@dataclass
class Problem:
    """Something wrong with one input, told to the user and kept in `load_issues`."""

    path: str
    message: str
    severity: str = "warning"  # 'warning': loaded anyway; 'error': skipped


def read_manifest(folder):
    """Rows of `sources.csv` keyed by file name, and the problems found in it."""
    path = Path(folder) / MANIFEST
    rows, problems = {}, []
    if not path.exists():
        return rows, problems
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "file" not in reader.fieldnames:
            raise CorpusError(f"{path}: no 'file' column in the header (columns must be {', '.join(MANIFEST_COLUMNS)})")
        for number, row in enumerate(reader, start=2):
            name = (row.get("file") or "").strip()
            if not name:
                continue
            if name in rows:
                problems.append(Problem(MANIFEST, f"row {number}: {name} is listed twice; the first row is kept"))
                continue
            entry = {key: (row.get(key) or "").strip() or None for key in MANIFEST_COLUMNS[1:]}
            if entry["published"]:
                try:
                    parse_iso(entry["published"])
                except InvalidDate:
                    problems.append(
                        Problem(MANIFEST, f"row {number}: published {entry['published']!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored")
                    )
                    entry["published"] = None
            rows[name] = entry
    return rows, problems


def title_case(name):
    return " ".join(part.capitalize() if part.isupper() else part for part in name.split())


def _paragraphs(text):
    """Non-empty lines with their offsets in `text`."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match


def clean(raw):
    """Split a raw article into (title, body, byline, credits)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    title, byline, credits, kept = None, None, [], []
    lines = [line.group() for line in _paragraphs(text)]
    for position, line in enumerate(lines):
        marker = DATE_MARKER.match(line) if position == 0 else None
        if marker:
            line = line[marker.end():]
        stripped = line.strip()
        if not stripped or stripped.casefold() in CHROME_LINES or PUBLICATION_LINE.match(stripped):
            continue
        credit = CREDIT_AT_END.search(stripped)
        if credit and len(stripped) < 400:
            credits.append(title_case((credit.group("name1") or credit.group("name2")).strip()))
            continue
        if BYLINE.match(stripped) and len(stripped) < 120:
            byline = byline or stripped
            continue
        if title is None and not kept and _looks_like_title(stripped, lines[position + 1:]):
            title = stripped
            continue
        kept.append(DATELINE.sub("", stripped))
    if len(kept) > 1 and TEASER_END.search(kept[-1]):
        teaser = " ".join(TEASER_END.sub("", kept[-1]).split())
        if teaser and teaser in " ".join(" ".join(kept[:-1]).split()):
            kept.pop()
    return title, "\n\n".join(kept), byline, credits


def _looks_like_title(line, following):
    """A headline: a short line without a final full stop, followed by more text."""
    return bool(following) and len(line) <= 200 and not re.search(r"[.:;,]\s*\Z", line)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def decode(data):
    """Text and encoding of a file's bytes: UTF-8 (with or without BOM), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "cp1252"


def read_article(path, meta=None):
    """One Article from a file and its manifest row (which wins over the text)."""
    path = Path(path)
    data = path.read_bytes()
    raw, encoding = decode(data)
    title, body, byline, credits = clean(raw)
    meta = meta or {}
    if meta.get("published"):
        published, precision = parse_iso(meta["published"])
    else:
        published, precision = published_from_text(raw)
    return Article(
        path=path.name,
        sha256=sha256(data),
        raw=raw,
        body=body,
        title=title,
        published=published,
        published_precision=precision,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        byline=byline,
        credits=credits,
        encoding=encoding,
    )


def read_corpus(folder):
    """Every `*.txt` of `folder`, sorted by name, as Articles; and the problems met."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{folder}: no such folder")
    manifest, problems = read_manifest(folder)
    articles = []
    for path in sorted(folder.glob("*.txt")):
        articles.append(read_article(path, manifest.get(path.name)))
    return articles, problems
