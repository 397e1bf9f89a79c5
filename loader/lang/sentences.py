"""Where a sentence or a paragraph of an article ends: the one splitter of the project."""
import bisect
import itertools
import re
from collections.abc import Iterator

from .chars import CAPITAL, UPPER

# The stops that can end a sentence.
STOP = "[.!?…]"
# A full stop after an initial or "M", "MM", "Mme", "Dr", "St" abbreviates a name: it ends no sentence.
# Checked once the first stop is read, hence the stop at the end of each look-behind: a pattern that
# begins with a look-behind is tried at every character, one that begins with a stop only at stops
# (eight times faster).
NOT_ABBREVIATION = "".join(rf"(?<!\b{before}{STOP})" for before in (CAPITAL, "MM", "Mme", "Dr", "St"))
# After the stops, maybe a closing quotation mark, then what opens a sentence (a capital, a digit or
# an opening mark) or the line breaks that end the paragraph. A line break with no stop before it
# ends a heading or a line of its own: each one counts, so a heading between two paragraphs keeps
# them two sentences apart.
SENTENCE_END = re.compile(
    rf"{STOP}{NOT_ABBREVIATION}{STOP}*(?:\s*[»”\"])?(?:(?=[ \u00a0]+[{UPPER}0-9\"<]|[ \u00a0]*[«“„])|\n+)|\n"
    # A page scraped without its line breaks joins its sentences: "en Syrie.La réunion".
    rf"|(?<=[a-zà-ÿ]{{2}})[.!?](?=[{UPPER}][a-zà-ÿ]|[\"«“][ \u00a0]?[{UPPER}])"
)
PARAGRAPH = re.compile(r"[^\n]+")
# How far back the start of a sentence is looked for: further, reading back for every name
# or number of a long article would be quadratic.
REACH = 600
NEAR = 150


def sentence_ends(text: str, start: int = 0, end: int = None) -> Iterator[int]:
    """The offsets where a sentence of text[start:end] ends (after its stops and marks, or its line breaks)."""
    return (match.end() for match in SENTENCE_END.finditer(text, start, len(text) if end is None else end))


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, its stop and the spaces after it included."""
    bounds = list(itertools.pairwise([0, *sentence_ends(text), len(text)]))
    return [(start, end) for start, end in bounds if end > start]


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts (looking back REACH characters at most)."""
    # Most sentences start near: a short window first, the whole reach only when it has no end.
    for reach in (NEAR, REACH):
        low = max(0, position - reach)
        end = max(sentence_ends(text, low, position), default=None)
        if end is not None:
            return end
    return low


def sentence_end(text: str, position: int) -> int:
    """Where the sentence holding `position` ends: at its stop (before the marks after it), or at the text's end."""
    match = SENTENCE_END.search(text, position)
    return match.start() if match else len(text)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: each line of text, line breaks left out."""
    return (match.span() for match in PARAGRAPH.finditer(text))


# The characters a sentence end starts with: SENTENCE_END matches nowhere else; and what it holds but spaces.
_STARTS = re.compile(r"[.!?…\n]")
_IN_END = ".!?…»”\""


class SentenceIndex:
    """sentence_start, sentence_end and sentence_ends of one text, for many positions: the pattern is
    tried only at the stops and line breaks (found once), so that a text without them costs nothing
    and one with them costs their number in the window, not the window's length."""

    def __init__(self, text: str):
        self.text = text
        self._stops = [match.start() for match in _STARTS.finditer(text)]
        self._ending = None  # the stops where SENTENCE_END matches the whole text, found when first asked

    def ends(self, start: int = 0, end: int = None) -> Iterator[int]:
        """What sentence_ends(text, start, end) yields."""
        end = len(self.text) if end is None else end
        stops, position = self._stops, start
        index = bisect.bisect_left(stops, start)
        while index < len(stops) and stops[index] < end:
            match = SENTENCE_END.match(self.text, stops[index], end)
            if match:
                position = match.end()
                yield position
                index = bisect.bisect_left(stops, position, index + 1)
            else:
                index += 1

    def bounds(self) -> list[tuple[int, int]]:
        """What sentences(text) returns."""
        bounds = itertools.pairwise([0, *self.ends(), len(self.text)])
        return [(start, end) for start, end in bounds if end > start]

    def start(self, position: int) -> int:
        """What sentence_start(text, position) returns."""
        stops, text = self._stops, self.text
        last = bisect.bisect_left(stops, position)
        if last == bisect.bisect_left(stops, position - REACH):
            return max(0, position - REACH)  # (no stop in reach: no end)
        for reach in (NEAR, REACH):
            low = max(0, position - reach)
            first, index = bisect.bisect_left(stops, low), last
            # Read back from the last stop: the ends after the start of its run of stops, spaces and marks
            # are those a reading from `low` finds (no end spans a character out of such a run).
            while index > first:
                start = stops[index - 1]
                while start > low and (text[start - 1] in _IN_END or text[start - 1].isspace()):
                    start -= 1
                end = max(self.ends(start, position), default=None)
                if end is not None:
                    return end
                index = bisect.bisect_left(stops, start, first, index - 1)
        return low

    def end(self, position: int) -> int:
        """What sentence_end(text, position) returns."""
        if self._ending is None:
            self._ending = [stop for stop in self._stops if SENTENCE_END.match(self.text, stop)]
        index = bisect.bisect_left(self._ending, position)
        return self._ending[index] if index < len(self._ending) else len(self.text)
