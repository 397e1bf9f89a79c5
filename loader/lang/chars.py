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
    """One pattern for phrases, the longest first so that a phrase wins over its own start."""
    return "|".join(literal(phrase) for phrase in sorted(dict.fromkeys(phrases), key=len, reverse=True))


def is_word_char(char: str) -> bool:
    """What a regular expression's \\w matches: a letter, a digit or "_"."""
    return char.isalnum() or char == "_"


def leading_word(text: str) -> str:
    """The run of word characters `text` starts with ("" when it starts with none)."""
    end = 0
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return text[:end]
