"""One form for the roles the corpus compares across articles (people.role, person_roles.role)."""
import re
from typing import Optional

from .chars import alternation
from .lexicon import table, words

SPELLINGS = {row["written"]: row["normal"] for row in table("roles_spellings.csv")}
SPELLING = re.compile(rf"(?<![\w-])(?:{alternation(SPELLINGS)})(?![\w-])")
DROPPED_OPENER = re.compile(rf"(?:{alternation(words('roles_dropped_openers.txt'))})\s+(?=\w)", re.I)


def normal_role(role: Optional[str]) -> Optional[str]:
    """The role with one apostrophe, without a leading "nouveau"/"nouvelle", and one spelling of
    Daech: "Nouveau chef de Daesh", "nouveau chef de l’EI" -> "chef de Daech"."""
    if role is None:
        return None
    role = role.replace("’", "'")
    role = role[DROPPED_OPENER.match(role).end():] if DROPPED_OPENER.match(role) else role
    return SPELLING.sub(lambda match: SPELLINGS[" ".join(match.group().split())], role)
