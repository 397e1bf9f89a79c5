"""Characters and words of French text as pattern pieces, defined once."""
import re
from collections.abc import Iterable

# A capital letter, accented ones included ("Étienne", "Œ" is no letter this range needs).
UPPER = "A-ZÀ-ÖØ-Þ"
CAPITAL = f"[{UPPER}]"
LETTER = r"[^\W\d_]"
# The press prints both the straight and the typographic apostrophe.
APOSTROPHE = "['’]"
# A word: letters, maybe joined by hyphens or apostrophes ("Jean-Yves", "aujourd'hui").
WORD = rf"{LETTER}+(?:[-'’]{LETTER}+)*"
# An elided article, pronoun or conjunction, written with the word it sticks to ("l'", "d’", "qu'").
ELISION = rf"(?:[LlDdJjNnSsMmCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu){APOSTROPHE}"


def literal(phrase: str) -> str:
    """A pattern for a phrase of a lexicon: either apostrophe, any run of spaces between its words."""
    return re.sub(r"['’]", APOSTROPHE, re.escape(phrase)).replace(r"\ ", r"\s+")


def alternation(phrases: Iterable[str]) -> str:
    """One pattern for phrases, the longest first so that a phrase wins over its own start.

    The phrases are written as a tree of their shared starts ("a(?:jouté|ffirmé)"): the engine
    then reads a few branches at each character instead of every phrase (twice as fast on the
    speech verbs), and the pattern matches what the phrases one after the other would."""
    return "|".join(_tree([_pieces(phrase) for phrase in sorted(dict.fromkeys(phrases), key=len, reverse=True)]))


def at_word_start(phrases: Iterable[str]) -> str:
    """What (?<![\\w-])(?:alternation(phrases)) matches, in a pattern read with case: the phrases where a word
    starts (no word character or hyphen before), in the same order. The look-behind follows each first
    character, so that the engine skips at once the characters no phrase opens with instead of trying the
    look-behind at each (three times faster on the speech verbs)."""
    by_first = {}
    for phrase in sorted(dict.fromkeys(phrases), key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase[1:])
    return "|".join(rf"{re.escape(first)}(?<![\w-]{re.escape(first)})(?:{alternation(rests)})" for first, rests in by_first.items())


def _pieces(phrase):
    """The pattern of each character of a phrase, as `literal` writes it."""
    return [APOSTROPHE if char in "'’" else r"\s+" if char == " " else re.escape(char) for char in phrase]


def _tree(branches):
    """The alternatives for `branches` (lists of pieces), tried in their order: those opening with the
    same piece share it. Only branches that no text matches both of change places, so the first
    alternative to match is the one the plain list would take: grouped by their first piece in lower
    case, they are shared only when it is written alike; a piece that another could match under
    re.I or as a space ("\\u00a0", "ſ", a letter beyond Latin-1) groups with none, and none moves
    across it."""
    alternatives, groups = [], {}

    def close_groups():
        for members in groups.values():
            if len(members) == 1 or len({member[0] for member in members}) > 1:
                alternatives.extend("".join(member) for member in members)
            else:
                rest = _tree([member[1:] for member in members])
                alternatives.append(members[0][0] + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0]))
        groups.clear()

    for pieces in branches:
        if pieces and _groupable(pieces[0]):
            groups.setdefault(pieces[0].lower(), []).append(pieces)
        else:
            close_groups()  # (an empty phrase matches before those after it, not before those before it)
            alternatives.append("".join(pieces))
    close_groups()
    return alternatives


def _groupable(piece):
    """An apostrophe, a run of spaces, or a character of Latin-1 but a space: pieces that match alike only
    when they are the same in lower case."""
    char = piece.lstrip("\\")
    return piece in (APOSTROPHE, r"\s+") or (len(char) == 1 and ord(char) < 256 and not char.isspace())


def is_word_char(char: str) -> bool:
    """What a regular expression's \\w matches: a letter, a digit or "_"."""
    return char.isalnum() or char == "_"


def leading_word(text: str) -> str:
    """The run of word characters `text` starts with ("" when it starts with none)."""
    end = 0
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return text[:end]
