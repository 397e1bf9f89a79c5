"""The lexicons: French vocabulary as data files in loader/lexicons/, each declaring what it holds.

The first line of every file is its declaration:

    # lexicon: words                          literal words or phrases, one a line
    # lexicon: patterns                       regular expressions, one a line
    # lexicon: marked patterns                regular expressions, each after "<" (before a word) or ">" (after it)
    # lexicon: table                          CSV with a header row
    # lexicon: table, pattern column: NAME    CSV whose column NAME holds regular expressions

Other lines starting with "#" are comments; blank lines are skipped. A file is checked when it
is read: a word that looks like a pattern, a pattern that does not compile, a duplicate, a row
with too many or too few fields raise LexiconError naming the file and the line.
"""
import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

DECLARATION = re.compile(r"# lexicon: (?P<kind>words|patterns|marked patterns|table)(?:, pattern column: (?P<column>\w+))?")
# A literal word holds none of these: a line that does is a pattern in a words file.
PATTERN_CHARACTERS = re.compile(r"[\\()\[\]{}|*+?^$]")


class LexiconError(ValueError):
    """A lexicon line that breaks its file's declaration: the message starts with "lexicons/FILE:LINE:"."""


@dataclass(frozen=True)
class Lexicon:
    name: str
    kind: str
    entries: tuple  # (line number, text), comments and blank lines left out
    pattern_column: str = None


def names() -> list[str]:
    """Every lexicon file."""
    return sorted(entry.name for entry in resources.files("loader").joinpath("lexicons").iterdir() if entry.is_file())


@functools.lru_cache(maxsize=None)
def read(name: str) -> Lexicon:
    """The checked entries of one lexicon file."""
    text = resources.files("loader").joinpath("lexicons", name).read_text(encoding="utf-8")
    lines = text.splitlines()
    declaration = DECLARATION.fullmatch(lines[0].strip()) if lines else None
    if declaration is None:
        raise LexiconError(f"lexicons/{name}:1: no declaration; the first line must be '# lexicon: words', 'patterns', 'marked patterns' or 'table'")
    entries = tuple((number, line.strip()) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#"))
    lexicon = Lexicon(name, declaration.group("kind"), entries, declaration.group("column"))
    _check(lexicon)
    return lexicon


def _fail(lexicon, number, message):
    raise LexiconError(f"lexicons/{lexicon.name}:{number}: {message}")


def _check(lexicon):
    seen = {}
    for number, line in lexicon.entries:
        if line in seen:
            _fail(lexicon, number, f"{line!r} is already on line {seen[line]}")
        seen[line] = number
        if lexicon.kind == "words" and PATTERN_CHARACTERS.search(line):
            _fail(lexicon, number, f"{line!r} holds a pattern character, in a file of words")
        if lexicon.kind == "marked patterns" and line[0] not in "<>":
            _fail(lexicon, number, f"{line!r} is marked neither '<' nor '>'")
        if lexicon.kind in ("patterns", "marked patterns"):
            _compile(lexicon, number, line.lstrip("<>") if lexicon.kind == "marked patterns" else line)
    if lexicon.kind == "table":
        _check_table(lexicon)


def _check_table(lexicon):
    if not lexicon.entries:
        _fail(lexicon, 1, "a table needs a header row")
    (_, header), *rows = lexicon.entries
    columns = next(csv.reader([header]))
    if lexicon.pattern_column and lexicon.pattern_column not in columns:
        _fail(lexicon, lexicon.entries[0][0], f"no column {lexicon.pattern_column!r} in the header")
    for number, line in rows:
        fields = next(csv.reader([line]))
        if len(fields) != len(columns):
            _fail(lexicon, number, f"{len(fields)} fields for the {len(columns)} columns of the header")
        if lexicon.pattern_column:
            _compile(lexicon, number, fields[columns.index(lexicon.pattern_column)])


def _compile(lexicon, number, pattern):
    try:
        re.compile(pattern)
    except re.error as error:
        _fail(lexicon, number, f"{pattern!r} is no regular expression ({error})")


def _of_kind(name, *kinds):
    lexicon = read(name)
    if lexicon.kind not in kinds:
        raise LexiconError(f"lexicons/{name}:1: declared '{lexicon.kind}', read as {' or '.join(kinds)}")
    return lexicon


def words(name: str) -> list[str]:
    """The words of a lexicon declared `words`."""
    return [line for _, line in _of_kind(name, "words").entries]


def patterns(name: str) -> list[str]:
    """The patterns of a lexicon declared `patterns` or `marked patterns` (with their mark)."""
    return [line for _, line in _of_kind(name, "patterns", "marked patterns").entries]


def table(name: str) -> list[dict]:
    """The rows of a lexicon declared `table`, as dicts by column."""
    return list(csv.DictReader(line for _, line in _of_kind(name, "table").entries))
