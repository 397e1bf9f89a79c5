"""Nationality adjectives in all their forms ("américain", "américaines") and the country of each.

lexicons/nationalities.csv gives the masculine singular and, when irregular, the feminine;
the other forms follow French agreement.
"""
from .fold import strip_accents
from .lexicon import table


def feminine(adjective: str) -> str:
    """The regular feminine: "irakien" -> "irakienne", "grec" -> "grecque", "français" -> "française"."""
    if adjective.endswith("e"):
        return adjective
    if adjective.endswith(("ien", "éen")):
        return adjective + "ne"
    if adjective.endswith("c"):
        return adjective + "que"
    return adjective + "e"


def plural(adjective: str) -> str:
    """ "américain" -> "américains"; "français" stays."""
    return adjective if adjective.endswith(("s", "x")) else adjective + "s"


NATIONALITIES = {}  # any form, lower case -> country (None: a body of several countries, e.g. "européen")
MASCULINE = {}  # any form -> masculine singular
FEMININE = {}  # masculine singular -> feminine singular
for _row in table("nationalities.csv"):
    _masculine = _row["adjective"]
    FEMININE[_masculine] = _row["feminine"] or feminine(_masculine)
    for _form in (_masculine, FEMININE[_masculine], plural(_masculine), plural(FEMININE[_masculine])):
        NATIONALITIES[_form] = _row["country"] or None
        MASCULINE[_form] = _masculine
# The same, keyed by the accent-free form ("americaine"), for words folded before comparison.
FOLDED_NATIONALITIES = {strip_accents(form): country for form, country in NATIONALITIES.items()}
# Nationals as a number counts them: "Français", "Irakiens".
DEMONYMS = {plural(masculine).capitalize() for masculine in FEMININE}
