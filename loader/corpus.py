"""Read a corpus folder into Article records: the text as read, and a cleaned body.

Only regular files inside the folder are read: a symbolic link is not
followed and a pipe is not opened for long. The text is normalised once (NFC,
invisible format characters removed) before anything reads it, so names and
numbers are whole; `raw` keeps it as read. Cleaning removes what is not the
story (site chrome, the " date YYYY-MM" marker, photo captions with their
credits, bylines, a truncated teaser that repeats the lead) and keeps the
title apart. Every offset in the database refers to the cleaned `body`.
File names are shown escaped (`printable`), whatever bytes they hold.

Reading never stops at one bad file: a file that cannot be loaded is skipped,
text that looks wrong is loaded anyway, and each case becomes a `Problem`
naming the file (and the line or manifest row) in plain words.
"""
import csv
import errno
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .dates import MONTHS, PUBLICATION_LINE, InvalidDate, iso_date, parse_iso, published_from_text
from .lang.chars import alternation
from .lang.sentences import STOP
from .lang.lexicon import words
from .records import Article

MANIFEST = "sources.csv"
MANIFEST_COLUMNS = ("file", "published", "url", "outlet")
# Far above any news article (a long feature is about 100 kB) and within the
# language model's limit of a million characters; a bigger file is refused
# without being read.
MAX_BYTES = 1_000_000
# A manifest has a row per article: a million rows of a file name, a date, a long address and an outlet.
MAX_MANIFEST_BYTES = 200_000_000
LONG_LINE = 100_000  # characters: a paragraph of news has a few hundred
MAX_DIGITS = 15  # a count or amount with more digits is junk (and no longer exact as a float)


CHROME_LINES = {line.casefold() for line in words("chrome_lines.txt")}
TEASER_LABELS = {line.casefold() for line in words("chrome_teasers.txt")}
# "Lire aussi : La coalition réunie à Rome": the label and another article's headline on one line.
TEASER = re.compile(rf"(?:{alternation(words('chrome_teasers.txt'))})[ \u00a0]*[:\-–—]", re.I)
# A headline under a label of its own line: short, and no stop at its end.
TEASER_HEADLINE = re.compile(rf".{{1,150}}(?<!{STOP})")

# "Temps de lecture : 4 min", "Lecture 3 min": a page's reading time, on a short line of its own
# or after the journalist's desk ("Journaliste au service Monde Temps de lecture: 4 min").
READING_TIME = re.compile(r"(?<!\w)(?:temps de )?lecture\s*:?\s*\d+\s*min(?:utes?)?\.?\s*\Z", re.I)
MAX_CHROME_LINE = 120
# A photo caption ends with a bar or a "©" credit ("... le 30 septembre 2024 à Washington © DR"):
# its words are the story's (who is in the picture, where and when), its credit is not.
CAPTION_END = re.compile(r"\s*(?:\|\s*|©\s*(?P<credit>[^©|]{0,60}?)\s*)\Z")
# What a credit names besides its photographer: an agency, a year, or nobody ("DR", droits réservés).
CREDIT_NOISE = re.compile(r"(?:\s*[/,-]?\s*(?:AFP|Reuters|AP|EPA|Getty(?: Images)?|DR|D\.R\.|Droits réservés|Archives|\d{4}))+\s*\Z", re.I)
DATE_MARKER = re.compile(r"\A\s*date \d{4}-\d{2}(?:-\d{2})?\s*")
# "— KARIM SAHIB / AFP", "- MANDEL NGAN, AFP/Archives", "Photo AFP / Pieter VANDAMME"
CREDIT_AT_END = re.compile(
    r"(?:\s[—–-]\s+(?P<name1>[^—–/]+?)\s*(?:/|,)\s*(?:AFP|Reuters|AP|EPA|Getty)(?:/Archives)?"
    r"|\s*Photos?\s+(?:AFP|Reuters|AP|EPA)\s*/\s*(?P<name2>[^/]+?))\s*\Z"
)
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
    """A corpus folder that cannot be built at all; `problems` are those met before giving up."""

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)


class UnreadableFile(Exception):
    """A file that cannot be loaded as text; the message says why, in plain words."""


# Characters a terminal would act on or hide: controls, invisible format marks (U+202E turns the
# line around), line separators, and the bytes of a file name that is not UTF-8 (lone surrogates).
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def visible(text: str) -> str:
    """`text` with every control, invisible or undecodable character written as an escape (\\n, \\x1b, \\u202e, \\xe9)."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if "\udc80" <= char <= "\udcff":  # a byte that is not UTF-8, as Python decodes file names
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif unicodedata.category(char) in _UNSAFE_CATEGORIES:
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def printable(name: str) -> str:
    """A file name as one line of valid text that names no other file: escapes as in `visible`, a backslash doubled."""
    return visible(name.replace("\\", "\\\\"))


EXCERPT = 40  # characters of the input a message quotes


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The start of `text` for a message that quotes it: a line of news, not a megabyte."""
    return text if len(text) <= limit else text[:limit] + "…"


MAX_MESSAGE = 500  # characters: what no message of the loader's own reaches


@dataclass
class Problem:
    """Something wrong with one input, told to the user and kept in `load_issues`."""

    path: str
    message: str
    severity: str = "warning"  # 'warning': loaded anyway; 'error': the file is skipped

    def __post_init__(self):
        # Every line reaches a terminal: nothing in it may act on the terminal or start a line of its own,
        # and none may fill the screen, whatever input or error it quotes.
        self.path, self.message = visible(self.path), excerpt(visible(self.message), MAX_MESSAGE)


# What a folder entry is when it is not a regular file.
_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device", stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def _not_regular(kind):
    return UnreadableFile(f"not a regular file ({kind}); only regular files inside the folder are read")


def read_bytes(path, limit=MAX_BYTES, too_large="far more than any news article"):
    """A regular file's bytes, refusing one above `limit` without reading it all.

    A symbolic link is not followed and a pipe or device is not read: the
    build reads only what lies in the folder, and never waits on a pipe.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _not_regular("a symbolic link") from error
        raise UnreadableFile(f"cannot be read ({error.strerror or error})") from error
    try:
        with open(descriptor, "rb") as handle:
            mode = os.fstat(descriptor).st_mode
            if not stat.S_ISREG(mode):
                raise _not_regular(_KINDS.get(stat.S_IFMT(mode), "a special file"))
            data = handle.read(limit + 1)
            if len(data) > limit:
                size = os.fstat(descriptor).st_size
                raise UnreadableFile(f"too large ({size:,} bytes; the limit is {limit:,}, {too_large})")
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror or error})") from error
    return data


# Byte order marks: (mark, codec, name for the user). UTF-32's come first: the little-endian one
# begins with UTF-16's.
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
# A byte that is not UTF-8, as the "surrogateescape" error handler decodes it.
BAD_BYTE = re.compile("[\udc80-\udcff]")
NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def decode(data):
    """Text and encoding of a file's bytes: by their byte order mark, UTF-8 (its few bad bytes
    replaced by U+FFFD), else Windows-1252."""
    for mark, encoding, name in BOMS:
        if data.startswith(mark):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableFile(f"starts with a {name} byte order mark but is not {name} text") from error
            if "\x00" in text:
                raise UnreadableFile(f"{name} text holding NUL characters (U+0000), which no article has; save it as UTF-8")
            return text, encoding
    if b"\x00" in data:
        raise UnreadableFile("binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 but for a few bytes (a stray byte, a lone surrogate) stays UTF-8: in Windows-1252 text
    # nearly every accented letter is a byte UTF-8 refuses, so its bad bytes outnumber the rest.
    text = data.decode("utf-8", "surrogateescape")
    if len(BAD_BYTE.findall(text)) < len(NON_ASCII.findall(text)):
        return BAD_BYTE.sub("\ufffd", text), "utf-8"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise UnreadableFile(f"neither UTF-8 nor Windows-1252 text (byte 0x{byte:02x} at offset {error.start}); save it as UTF-8") from error


def encoding_warning(data: bytes, encoding: str) -> "str | None":
    """What the user should know about how `data` was decoded as `encoding`, or None."""
    if encoding == "cp1252":
        return NOT_UTF8
    if encoding != "utf-8":
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as error:
        first = error.start
    count = len(BAD_BYTE.findall(data.decode("utf-8", "surrogateescape")))
    bytes_ = f"{count:,} bytes" if count > 1 else "1 byte"
    return f"not UTF-8 in {bytes_} (the first, 0x{data[first]:02x}, at offset {first:,}): read as UTF-8, each replaced by U+FFFD (\ufffd)"


def read_text(path, limit=MAX_BYTES, too_large="far more than any news article"):
    """The decoded text of a file and its encoding; UnreadableFile when it holds no text."""
    data = read_bytes(path, limit, too_large)
    text, encoding = decode(data)
    if not data:
        raise UnreadableFile("empty file")
    if not text.strip():
        raise UnreadableFile("only blank space, no text")
    return data, text, encoding


NOT_UTF8 = "not UTF-8: read as Windows-1252 (Latin-1); if accents look wrong, save it as UTF-8"

# Format characters that show nothing but split a word or a number for every pattern: soft hyphen,
# zero-width spaces and joiners, direction marks and embeddings, word joiner, byte order mark.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def normalise(text: str) -> str:
    """The text extractors read: accents as one character each (NFC), invisible characters removed."""
    return INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def normalisation_warning(raw: str) -> "str | None":
    """What `normalise` changed in `raw`, in plain words, or None."""
    parts = []
    if not unicodedata.is_normalized("NFC", raw):
        parts.append("accents written as two characters (NFD) joined into one")
    removed = INVISIBLE.findall(raw)
    if removed:
        kinds = sorted(set(removed))
        named = ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, '').lower()}".rstrip() for char in kinds[:3])
        count = f"{len(removed):,} invisible character{'s' if len(removed) > 1 else ''}"
        parts.append(f"{count} removed ({named}{', …' if len(kinds) > 3 else ''})")
    return "Unicode text normalised: " + " and ".join(parts) if parts else None


def _delimiter(header):
    """The delimiter the header line uses when it is not a comma."""
    if "," in header:
        return ","
    for delimiter in (";", "\t", "|"):
        if delimiter in header:
            return delimiter
    return ","


def read_manifest(folder, names=None):
    """Rows of `sources.csv` keyed by file name, and the problems found in it.

    `names` are the article files of the folder: a row naming another file is reported.
    """
    path = Path(folder) / MANIFEST
    rows, problems = {}, []
    if not os.path.lexists(path):
        return rows, problems
    try:
        data, text, encoding = read_text(path, MAX_MANIFEST_BYTES, "a million rows of file, date, address and outlet")
    except UnreadableFile as error:
        return rows, [Problem(MANIFEST, f"{error}; the manifest is ignored", "error")]
    warning = encoding_warning(data, encoding)
    if warning:
        problems.append(Problem(MANIFEST, warning))
    # File names are matched in NFC, whichever form the manifest or the file system wrote.
    text = normalise(text)
    text = text.lstrip()
    delimiter = _delimiter(text.split("\n", 1)[0])
    if delimiter != ",":
        shown = "tabs" if delimiter == "\t" else f"'{delimiter}'"
        problems.append(Problem(MANIFEST, f"columns are separated by {shown} instead of commas; read anyway"))
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter)
    columns = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = columns
    known = ", ".join(MANIFEST_COLUMNS)
    if "file" not in columns:
        problems.append(Problem(MANIFEST, f"no 'file' column in the header (the columns are {known}); the manifest is ignored", "error"))
        return rows, problems
    unknown = [name for name in columns if name not in MANIFEST_COLUMNS]
    # Extra columns (a note) are welcome; they are worth a word only when they may stand for a missing one.
    if unknown and not set(MANIFEST_COLUMNS) <= set(columns):
        named = ", ".join(repr(excerpt(name)) for name in unknown[:5]) + (", …" if len(unknown) > 5 else "")
        verb = "columns {} are not known and are ignored" if len(unknown) > 1 else "column {} is not known and is ignored"
        problems.append(Problem(MANIFEST, verb.format(named) + f" (the columns are {known})"))
    number = 1
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            # The reader has consumed a row over its field limit: the rows after it are read as usual.
            if "field limit" in str(error):
                problems.append(Problem(MANIFEST, f"row {number}: a value of more than {csv.field_size_limit():,} characters; row ignored"))
                continue
            problems.append(Problem(MANIFEST, f"row {number}: cannot be read ({error}); the rows from there on are ignored"))
            break
        problem = _check_row(row, rows, names)
        if problem:
            problems.append(Problem(MANIFEST, f"row {number}: {problem}"))
    return rows, problems


def _value(text):
    text = (text or "").strip()
    return text if text and "\n" not in text else None


def _check_row(row, rows, names):
    """Add one manifest row to `rows`; return what is wrong with it, if anything."""
    name = unicodedata.normalize("NFC", (row.get("file") or "").strip())
    values = [value for key, value in row.items() if key is not None and value]
    if any("\n" in value for value in values):
        # An unclosed quote mark swallows the rows after it into one value.
        problem = 'a value runs over several lines (is a double quote mark " left unclosed?); the value is ignored'
    elif None in row:
        problem = "more values than columns; the extra ones are ignored (put a value holding a comma in double quotes)"
    else:
        problem = None
    if not name:
        return "no file name; row ignored" if values else problem
    if name in rows:
        return f"{printable(excerpt(name))} is listed twice; the first row is kept"
    if names is not None and name not in names:
        return f"there is no file {printable(excerpt(name))} in the folder; row ignored"
    entry = {key: _value(row.get(key)) for key in MANIFEST_COLUMNS[1:]}
    rows[name] = entry
    if entry["published"]:
        try:
            parse_iso(entry["published"])
        except InvalidDate:
            published, entry["published"] = entry["published"], None
            return f"published {excerpt(published)!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored"
    return problem


def title_case(name):
    return " ".join(part.capitalize() if part.isupper() else part for part in name.split())


def _paragraphs(text):
    """Non-empty lines with their offsets in `text`."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match


# Line ends as editors and converters write them: Windows and old Mac ends, vertical tab and form
# feed (Word, pdftotext), next line (NEL), line and paragraph separators (U+2028, U+2029).
# (One pattern: str.translate with a table takes ten times as long on an article.)
LINE_BREAK = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def unify_lines(text: str) -> str:
    """`text` with every kind of line end written as one "\\n"."""
    return LINE_BREAK.sub("\n", text)


def clean(raw):
    """Split a raw article into (title, body, byline, credits)."""
    text = unify_lines(raw)
    title, byline, credits, kept = None, None, [], []
    lines = [line.group() for line in _paragraphs(text)]
    teaser = False  # the line before was a teaser's label alone
    for position, line in enumerate(lines):
        marker = DATE_MARKER.match(line) if position == 0 else None
        if marker:
            line = line[marker.end():]
        stripped = line.strip()
        if not stripped:
            continue
        after_label, teaser = teaser, stripped.casefold() in TEASER_LABELS
        if teaser or (after_label and TEASER_HEADLINE.fullmatch(stripped)) or TEASER.match(stripped):
            continue
        if stripped.casefold() in CHROME_LINES or PUBLICATION_LINE.match(stripped):
            continue
        if len(stripped) < MAX_CHROME_LINE and READING_TIME.search(stripped):
            continue
        # The length test comes first: on a very long line the search would take quadratic time.
        credit = CREDIT_AT_END.search(stripped) if len(stripped) < 400 else None
        if credit:
            credits.append(title_case((credit.group("name1") or credit.group("name2")).strip()))
            continue
        caption = CAPTION_END.search(stripped) if len(stripped) < 400 else None
        if caption and caption.start() > 0:
            name = CREDIT_NOISE.sub("", caption.group("credit") or "").strip()
            if name:
                credits.append(title_case(name))
            kept.append(stripped[: caption.start()])
            continue
        if len(stripped) < 120 and BYLINE.match(stripped):
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


def read_article(path, meta=None):
    """One Article from a file and its manifest row (which wins over the text), and the warnings
    about its text, one message each.

    Raises UnreadableFile when the file holds no text or no story.
    """
    path = Path(path)
    data, raw, encoding = read_text(path)
    # Every stage reads the normalised text, and every offset refers to the body cleaned from it.
    text = normalise(raw)
    title, body, byline, credits = clean(text)
    if not body:
        raise UnreadableFile("no story text once menus, captions and bylines are set aside")
    meta = meta or {}
    if meta.get("published"):
        published, precision = parse_iso(meta["published"])
    else:
        published, precision = published_from_text(unify_lines(text))
    article = Article(
        path=printable(path.name),
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
    return article, _warnings(article, encoding_warning(data, encoding))


_SPACE = r"[ \u00a0\u202f]"
# "<p>", "</div>", "<script src=…>", but not the "<<" ">>" some texts use for guillemets.
HTML_TAG = re.compile(r"<(?<!<<)/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]{0,500})?/?>(?!>)")
# These patterns begin with what they match and look behind it only then: a pattern that begins with
# a look-behind is tried at every character of the text, three times slower.
DAY_MONTH = re.compile(
    rf"([0-9](?<![\w,.][0-9])(?:(?<=1)er|[0-9])?){_SPACE}+({'|'.join(sorted(MONTHS, key=len, reverse=True))})(?:{_SPACE}+([0-9]{{4}}))?(?!\w)",
    re.I,
)
NUMBER = re.compile(rf"[0-9](?<![\w/.,-][0-9])[0-9]*(?:{_SPACE}[0-9]{{3}})*(?![\w/-])")
LETTER = re.compile(r"[^\W\d_]")
STOP_MARK = re.compile(STOP)  # one mark that may end a sentence: ".", "!", "?", "…"


def _impossible_date(match):
    day, month, year = match.groups()
    number = MONTHS.get(month.lower())
    if number is None:  # ignoring case lets "marſ" (a long s) match "mars": not a month name
        return False
    try:
        # A year that is not given could be a leap year: "29 février" passes.
        iso_date(int(year) if year else 2000, number, 1 if day == "1er" else int(day))
    except InvalidDate:
        return True
    return False


def _has_sentence(line):
    """A word, then a full stop, question or exclamation mark (two linear scans, safe on any line)."""
    letter = LETTER.search(line)
    return bool(letter and STOP_MARK.search(line, letter.end()))


def check_text(raw, body):
    """Warnings about text that loads but looks wrong, one per kind, at its first line."""
    # The patterns never cross a line, so they run over the whole text at once; a line
    # number is counted only for what they find.
    text = unify_lines(raw)
    found = {}  # kind -> (first line number, first text, count)

    def note(kind, offset, text_found):
        if kind in found:
            number, first_text, count = found[kind]
            found[kind] = (number, first_text, count + 1)
        else:
            found[kind] = (text.count("\n", 0, offset) + 1, text_found, 1)

    offset = 0
    for line in text.split("\n"):
        if len(line) > LONG_LINE:
            note("long", offset, f"{len(line):,}")
        offset += len(line) + 1
    for match in HTML_TAG.finditer(text):
        note("html", match.start(), excerpt(match.group()))
    for match in DAY_MONTH.finditer(text):
        if _impossible_date(match):
            note("date", match.start(), excerpt(match.group()))
    for match in NUMBER.finditer(text):
        # Too many digits needs at least as many characters: most numbers are dismissed by their length.
        if len(match.group()) > MAX_DIGITS and len(re.sub("[^0-9]", "", match.group())) > MAX_DIGITS:
            note("number", match.start(), excerpt(match.group()))
    messages = {
        "long": "{text} characters on one line, where a paragraph of news has a few hundred: is this really an article?",
        "html": "HTML tags in the text, such as {text}{more}; they are kept as plain text",
        "date": "'{text}' is not a date on the calendar{more}",
        "number": f"the number '{{text}}' is too large to be a real count (more than {MAX_DIGITS} digits){{more}}",
    }
    warnings = []
    for kind, template in messages.items():
        if kind in found:
            number, text, count = found[kind]
            more = f" ({count:,} in all)" if count > 1 else ""
            warnings.append(f"line {number}: " + template.format(text=text, more=more))
    if not any(_has_sentence(line) for line in body.split("\n")):
        warnings.append("no sentence in the text (no word is followed by . ! or ?): there is little to extract")
    return warnings


def _warnings(article, decoding):
    """What looks wrong in a loaded article, one message each; `decoding` is what its encoding
    warned of, or None."""
    warnings = [decoding] if decoding else []
    text = normalise(article.raw)
    if text != article.raw:
        warnings.append(normalisation_warning(article.raw) + "; raw keeps the text as read")
    return warnings + check_text(text, article.body)


def _listing(folder, output=None):
    """The article files of `folder` and the printable names of the other entries, both sorted.

    A `*.txt` that is no regular file (a link, a pipe) is listed, so that reading it says why it is skipped.
    The build's own `output` file is no input, and not listed.
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        raise CorpusError(f"{printable(str(folder))}: cannot be read ({error.strerror or error})") from error
    articles, others = [], []
    for entry in entries:
        if entry.name.startswith(".") or entry.name in (MANIFEST, output):
            continue  # hidden files: ".DS_Store", macOS "._a.txt" forks
        folder_entry = entry.is_dir(follow_symlinks=False)
        if entry.name.lower().endswith(".txt") and not folder_entry:
            articles.append(Path(entry.path))
        else:
            others.append(printable(entry.name) + ("/" if folder_entry else ""))
    return articles, others


def open_corpus(folder, output=None):
    """The article files of `folder` (sorted), its manifest rows, and the problems of the folder itself.

    `output` names the database the build writes when it lies in `folder`.
    Raises CorpusError when the folder is missing or holds no article file.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{printable(str(folder))}: no such folder")
    paths, others = _listing(folder, output)
    # A file name written in NFD (as macOS may) still finds its row.
    manifest, problems = read_manifest(folder, {unicodedata.normalize("NFC", path.name) for path in paths})
    if others:
        shown = ", ".join(others[:5]) + (", …" if len(others) > 5 else "")
        count = f"{len(others)} files" if len(others) > 1 else "1 file"
        problems.append(Problem(printable(folder.resolve().name) + "/", f"{count} ignored (not .txt): {shown}"))
    if not paths:
        raise CorpusError(f"{printable(str(folder))}: no .txt article in the folder", problems)
    return paths, manifest, problems


def load_file(path, manifest):
    """One file as an Article (None when it cannot be loaded) and its problems; never raises."""
    name = printable(Path(path).name)
    try:
        article, warnings = read_article(path, manifest.get(unicodedata.normalize("NFC", Path(path).name)))
    except UnreadableFile as error:
        return None, [Problem(name, f"{error}; skipped", "error")]
    except Exception as error:  # a bug met on one file must not stop the others
        return None, [Problem(name, f"reading failed ({type(error).__name__}: {error}); skipped, please report this", "error")]
    return article, [Problem(name, message) for message in warnings]


def duplicate(article, seen):
    """The problem of an article whose text an earlier one has (`seen`: sha256 -> name), or None after noting it."""
    first = seen.setdefault(article.sha256, article.path)
    return None if first == article.path else Problem(article.path, f"same text as {first}; skipped, {first} is kept", "error")


def read_corpus(folder, output=None):
    """Every `*.txt` of `folder`, sorted by name, as Articles; and the problems met.

    `output` names the database the build writes when it lies in `folder`.
    Raises CorpusError when the folder is missing or gives no article at all.
    """
    paths, manifest, problems = open_corpus(folder, output)
    articles, seen = [], {}
    for path in paths:
        article, found = load_file(path, manifest)
        copy = duplicate(article, seen) if article else None
        problems.extend([copy] if copy else found)
        if article and not copy:
            articles.append(article)
    if not articles:
        raise CorpusError(f"{printable(str(folder))}: none of its {len(paths)} .txt file(s) could be read", problems)
    return articles, problems
