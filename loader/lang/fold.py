"""Text folded for comparison: the one place case and accents are dropped.

Every stage compares words through these, so "Haïdar" meets "Haidar" and
"l’Irak" meets "l'Irak" the same way everywhere. Names and phrases recur
across a corpus: each distinct one is folded once.
"""
import functools
import re
import unicodedata

_WORD_BREAKS = re.compile(r"[-'’\u00a0]")


@functools.lru_cache(maxsize=4096)
def strip_accents(text: str) -> str:
    """Lower case, accents dropped, one kind of apostrophe; hyphens kept: "l’Américain" -> "l'americain"."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """strip_accents, hyphens as spaces, single spaces: "Jean-Yves  Le Drian" -> "jean yves le drian"."""
    return " ".join(strip_accents(text).replace("-", " ").split())


@functools.lru_cache(maxsize=4096)
def fold_words(text: str) -> str:
    """fold, apostrophes as spaces too: how names and cities are keyed ("d'Abou Dhabi" -> "d abou dhabi")."""
    return " ".join(_WORD_BREAKS.sub(" ", strip_accents(text)).split())
