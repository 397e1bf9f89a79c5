"""Patterns searched fast: case-blind ones in a text lower-cased once (`CaseBlind`), and several
patterns tried only where one of them may start (`any_of`, `every_start`, `matches_at`).

Python's re has no literal prefix to skip to in a case-blind alternation or a pattern that opens
with a look-behind: it tries the whole pattern at every character. These find the same matches.
"""
import codecs
import functools
import re
import string
import sys
from collections.abc import Iterator
from typing import Optional


# re.IGNORECASE takes "ſ" for "s" and "ı" for "i" ("marſ", "juın"), and "İ" lower-cases to two
# characters: a text that holds one is searched case-blind as it is.
_CASE_TWINS = "ſıİ"
# The letters a lower-cased pattern may hold: in a text without _CASE_TWINS, lower() brings each
# character that re.IGNORECASE takes for one of them to it, and no other (tests/test_dates.py
# reads every character of Unicode).
LOWERED_LETTERS = frozenset(string.ascii_lowercase + "ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿœ")
# A pattern's source in pieces: a character's code, escapes and group names (kept as they are),
# inline flags, the rest.
_SOURCE_PIECES = re.compile(
    r"(?P<code>\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[^}]*\}))|(?P<kept>\\.|\(\?P[<=]\w+>?)"
    r"|(?P<flags>\(\?[aiLmsux-]+[:)])|[^\\(]+|\(",
    re.S,
)


@functools.lru_cache(maxsize=8)
def lowered(text: str) -> Optional[str]:
    """`text` lower-cased, or None when it holds a case twin that lower() does not bring back."""
    return None if any(twin in text for twin in _CASE_TWINS) else text.lower()


def _lower_case_copy(source):
    """`source` with its letters in lower case; ValueError when the copy may match otherwise than
    `source` case-blind (inline flags, a letter outside LOWERED_LETTERS)."""
    pieces = []
    for match in _SOURCE_PIECES.finditer(source):
        if match.group("flags"):
            raise ValueError(f"inline flags in a case-blind pattern: {source!r}")
        piece = match.group() if match.group("code") or match.group("kept") else match.group().lower()
        letters = codecs.decode(piece, "unicode_escape") if match.group("code") else "" if match.group("kept") else piece
        if not set(filter(str.isalpha, letters)) <= LOWERED_LETTERS:
            raise ValueError(f"a letter that lower() may not match as re.IGNORECASE does: {source!r}")
        pieces.append(piece)
    return "".join(pieces)


class CaseBlind:
    """A pattern matched with re.IGNORECASE, found about three times faster: Python's re tries every
    alternative of a case-blind alternation at each character, a case-sensitive one only those that
    start with it. A copy of the pattern in lower case is searched in the text lower-cased once, and
    the pattern itself is matched where the copy starts: the matches are the pattern's own."""

    def __init__(self, source: str, flags: int = 0):
        self.pattern = re.compile(source, flags | re.I)
        self._copy = re.compile(_lower_case_copy(source), flags)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Optional[re.Match]:
        lower = lowered(text)
        if lower is None:
            return self.pattern.search(text, pos, endpos)
        found = self._copy.search(lower, pos, endpos)
        return self.pattern.match(text, found.start(), endpos) if found else None

    def fullmatch(self, text: str) -> Optional[re.Match]:
        return self.pattern.fullmatch(text)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        lower = lowered(text)
        if lower is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        while found := self._copy.search(lower, pos, endpos):
            match = self.pattern.match(text, found.start(), endpos)
            yield match
            pos = max(match.end(), match.start() + 1)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def any_of(patterns: list[re.Pattern]) -> CaseBlind:
    """One pattern, case-blind, that matches where one of `patterns` does: their alternation (group
    names left out, for they may be the same), after no word character, which each one's own
    look-behind also requires (the search then tries one look-behind at each character, not one
    per pattern)."""
    if not all(pattern.pattern.startswith("(?<![\\w") for pattern in patterns):
        raise ValueError("a pattern that may start after a word character")
    return CaseBlind(r"(?<!\w)(?:" + "|".join(f"(?:{_NAMED_GROUP.sub('(?:', pattern.pattern)})" for pattern in patterns) + ")")


def every_start(pattern: CaseBlind, text: str) -> list[int]:
    """Every place where `pattern` matches in `text`, within another match too."""
    found, match = [], pattern.search(text)
    while match:
        found.append(match.start())
        match = pattern.search(text, match.start() + 1)
    return found


def matches_at(pattern: re.Pattern, text: str, places: list[int]) -> Iterator[re.Match]:
    """The matches pattern.finditer(text) finds, `places` holding (in order) every place where the
    pattern matches and maybe others: it is tried there only, not at every character of the text."""
    end = 0
    for place in places:
        if place >= end and (match := pattern.match(text, place)):
            yield match
            end = match.end()
