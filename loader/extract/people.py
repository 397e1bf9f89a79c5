"""People: every named real person of the story, with role and country.

Candidates are runs of capitalised words (with name particles: "al-", "Le",
"von der"). A run is a person when spaCy tags it PER, when it opens with a
known given name, or when a title stands right before it ("le colonel John
Dorrian"). Surnames alone and "M./Mme X" are aliases of a full name given in
the article. The role is the title phrase before the name and the apposition
after it; the country comes from the nationality adjective or institution the
role names.
"""
import re
import unicodedata

from ..lexicon import lines, rows
from ..records import PersonMention

TITLES = sorted(lines("titles.txt"), key=len, reverse=True)
NOT_PEOPLE = set(lines("not_people.txt"))
PARTICLES = set(lines("people_particles.txt"))
FIRST_NAMES = set(lines("people_first_names.txt"))
KNOWN_COUNTRIES = {row["name"]: row["country"] for row in rows("people_known.csv")}
INSTITUTIONS = [(row["word"], row["country"] or None) for row in rows("people_institutions.csv")]


def _inflections(adjective):
    """Masculine singular -> the four forms (américain: américaine, américains, américaines)."""
    if adjective.endswith("e"):
        return {adjective, adjective + "s"}
    if adjective.endswith(("ien", "éen")):
        feminine = adjective + "ne"
    elif adjective.endswith("c"):
        feminine = adjective + "que"  # turc -> turque
    else:
        feminine = adjective + "e"
    plural = adjective if adjective.endswith(("s", "x")) else adjective + "s"
    return {adjective, feminine, plural, feminine + "s"}


NATIONALITIES = {}
for _row in rows("nationalities.csv"):
    for _form in _inflections(_row["adjective"]):
        NATIONALITIES[_form] = _row["country"] or None

_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
# An elided article or preposition ("L'", "d’") is not part of the word it sticks to.
TOKEN = re.compile(r"(?:\b(?:[LlDdJjNnSsMmCc]|[Qq]u)['’])?(" + _WORD + ")")
_TITLE = "|".join(re.escape(title) for title in TITLES)
TITLE_START = re.compile(rf"(?<![\w-])(?:{_TITLE})(?![\w-])", re.I)
ROLE_SPAN = re.compile(r"[^.;:!?«»\"“”\n]{0,130}")
# Two capitalised words in a row inside a role phrase are another person's name.
NAME_INSIDE = re.compile(r"\b[A-ZÀ-Ý][^\W\d_]+ [A-ZÀ-Ý][^\W\d_]+")
ROLE_AFTER = re.compile(rf"\A\s*,\s*(?:(?:un|une|le|la|l['’]|son|sa)\s*)?(?P<role>(?:{_TITLE})\b[^,.;:!?«»\"“”()\n]{{0,110}})", re.I)
COURTESY = re.compile(r"\b(?:M\.|Mme|Mlle|MM\.)\s+(?P<name>(?:(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")\s+)?[A-ZÀ-Ý][^\W\d_]+(?:[-'’][^\W\d_]+)*)")
SENTENCE_START = re.compile(r"(?:\A|[.!?»]\s+|\n\s*|[«\"“]\s*)\Z")
# A clause boundary that a role phrase does not cross.
VERB_HINT = re.compile(r"\b(?:a|ont|est|sont|avait|avaient|sera|était|qui|que|dont|lors|avec|après|avant)\b")


def _is_name_token(token):
    text = token.group(1)
    if text[0].isupper():
        return True
    head, _, rest = text.partition("-")
    return head.lower() in ("al", "el") and rest[:1].isupper()  # "al-Baghdadi"


def _runs(body):
    """Runs of adjacent capitalised words and particles: (start, end, [tokens])."""
    tokens = list(TOKEN.finditer(body))
    index = 0
    while index < len(tokens):
        if not _is_name_token(tokens[index]) or tokens[index].group(1) in PARTICLES and tokens[index].group(1)[0].islower():
            index += 1
            continue
        run = [tokens[index]]
        next_index = index + 1
        while next_index < len(tokens):
            gap = body[run[-1].end():tokens[next_index].start(1)]
            if gap not in (" ", "\u00a0"):
                break
            token = tokens[next_index]
            if token.start(1) == token.start() and (_is_name_token(token) or token.group(1) in PARTICLES):
                run.append(token)
                next_index += 1
            else:
                break
        while run and run[-1].group(1) in PARTICLES and len(run) > 1:
            run.pop()
        yield run
        index = next_index if next_index > index + 1 else index + 1


def _trim(run, body):
    """Drop leading words that are not part of a name (sentence-initial articles, titles, places)."""
    while run and (run[0].group(1) in NOT_PEOPLE or run[0].group(1).lower() in _LEADING or run[0].group(1) in PARTICLES and len(run) > 2 and run[0].group(1) not in FIRST_NAMES):
        run = run[1:]
    return run


_LEADING = {w.lower() for w in ("Le", "La", "Les", "L", "Un", "Une", "Des", "Ce", "Cette", "Ces", "Dans", "Pour", "Selon", "Mais", "Et", "Depuis", "Après", "Avant", "Sous", "Sur", "Avec", "Pendant", "Lors", "Quant", "Si", "Il", "Elle", "Ils", "Elles", "En", "Au", "Aux", "Du", "De", "A", "À", "Son", "Sa", "Ses", "Leur", "Leurs", "Tous", "Toutes", "D'après", "Jeudi", "Lundi", "Mardi", "Mercredi", "Vendredi", "Samedi", "Dimanche", "Madame", "Monsieur", "M", "Mme", "MM", "Mlle")}


def _per_spans(doc):
    if doc is None:
        return []
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PER"]


def extract_people(body, doc=None):
    """Return the PersonMention records of `body`, one per person, in order of first mention."""
    per = _per_spans(doc)
    people = []  # PersonMention, fullest form first seen
    singles = []  # (start, end, text): one-word names to attach as aliases
    for run in _runs(body):
        run = _trim(run, body)
        if not run:
            continue
        start, end = run[0].start(1), run[-1].end()
        text = body[start:end]
        words = [token.group(1) for token in run]
        if any(word in NOT_PEOPLE for word in words) or text in NOT_PEOPLE:
            continue
        if len(words) == 1 or all(word in PARTICLES for word in words[:-1]):
            singles.append((start, end, text, any(s < end and start < e for s, e in per)))
            continue
        tagged = any(s < end and start < e for s, e in per)
        titled = _role_before(body, start) is not None
        if not (tagged or words[0] in FIRST_NAMES or titled):
            continue
        _add(people, body, text, start, end)
    for match in COURTESY.finditer(body):
        singles.append((match.start("name"), match.end("name"), match.group("name"), True))
    for start, end, text, tagged in singles:
        owner = _owner(people, text)
        if owner is not None:
            if text not in owner.aliases and text != owner.name:
                owner.aliases.append(text)
        elif tagged:
            # A surname alone ("Baghdadi"): resolution across the corpus may know the full name.
            _add(people, body, text, start, end)
    for person in people:
        if person.country is None and not _international(person.role):
            person.country = _known_country(person)
    return people


def _known_country(person):
    folded = {_fold(form) for form in [person.name, *person.aliases]}
    return next((country for name, country in KNOWN_COUNTRIES.items() if _fold(name) in folded), None)


def _fold(name):
    return " ".join(unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode().replace("-", " ").split())


def _international(role):
    """A role in an international body: the person serves no country."""
    return bool(role) and any(country is None and re.search(rf"\b{re.escape(word)}\b", role) for word, country in INSTITUTIONS)


def _owner(people, surname):
    """The one person whose name ends with `surname`, or None when none or several do."""
    key = surname.lower()
    owners = [p for p in people if p.name.lower().endswith(" " + key) or p.name.lower().endswith("-" + key)]
    return owners[0] if len(owners) == 1 else None


def _add(people, body, text, start, end):
    for person in people:
        if person.name == text or text in person.aliases:
            _complete_role(person, body, start, end, people)
            return
        if person.name.endswith(" " + text) or person.name.lower().endswith(" " + text.lower()):
            if text not in person.aliases:
                person.aliases.append(text)  # "Al Baghdadi" after "Abou Bakr Al Baghdadi"
            return
        if text.endswith(" " + person.name.split(" ", 1)[-1]) and len(text) > len(person.name) and text.split()[-1] == person.name.split()[-1]:
            person.aliases.append(person.name)  # the fuller form comes later
            person.name = text
            return
    person = PersonMention(name=text, start=start, end=end)
    _complete_role(person, body, start, end, people)
    people.append(person)


def _complete_role(person, body, start, end, people):
    if person.role:
        return
    role = role_near(body, start, end)
    if role:
        person.country = country_of(role)
        person.role = _homologue_role(role, people, body[max(0, start - 3000):start]) or role


HOMOLOGUE = re.compile(r"\bhomologue\s+(?P<adjective>[^\W\d_]+)", re.I)


def _homologue_role(role, people, before):
    """"son homologue italien" holds the office of the person it is the counterpart of, for another country:
    the person with an office named last before it."""
    match = HOMOLOGUE.search(role)
    if not match or match.group("adjective").lower() not in NATIONALITIES:
        return None
    named = [
        (max(before.rfind(form) for form in [p.name, p.name.split()[-1], *p.aliases]), p.role)
        for p in people
        if p.role and not HOMOLOGUE.search(p.role)
    ]
    named = [pair for pair in named if pair[0] >= 0]
    if not named:
        return None
    anchor = max(named)[1]
    adjective = match.group("adjective")
    words = anchor.split()
    for index, word in enumerate(words):
        if word.lower() in NATIONALITIES:
            words[index] = adjective
            return " ".join(words)
    # No nationality in the anchor's office: say it after the title ("président" -> "président irakien").
    title = TITLE_START.match(anchor)
    if title:
        return f"{anchor[:title.end()]} {adjective}{anchor[title.end():]}"
    return None


def role_near(body, start, end):
    """The role stated around the name at body[start:end]: title before, apposition after, or both."""
    parts = []
    before = _role_before(body, start)
    if before:
        parts.append(before)
    after = ROLE_AFTER.match(body[end:end + 140])
    if after and not VERB_HINT.search(after.group("role")):
        parts.append(_tidy(after.group("role")))
    return ", ".join(part for part in parts if part) or None


def _role_before(body, start):
    """The role phrase that ends right before a name: the earliest title whose span to the name is one clause."""
    window = body[max(0, start - 130):start]
    for title in TITLE_START.finditer(window):
        span = window[title.start():]
        if ROLE_SPAN.fullmatch(span) and not VERB_HINT.search(span) and not _has_name(span):
            # "l'envoyé spécial du président X": X's role is the title after the genitive.
            genitive = [t for t in TITLE_START.finditer(span) if re.search(r"\b(?:du|de la|de l['’])\s*\Z", span[:t.start()])]
            if genitive:
                span = span[genitive[-1].start():]
            return _tidy(span) or None
    return None


def _has_name(span):
    return any(m.group().split()[0] not in NOT_PEOPLE and m.group().split()[1] not in NOT_PEOPLE for m in NAME_INSIDE.finditer(span))


def _tidy(role):
    return " ".join(role.strip(" ,").split())


def country_of(role):
    """The country a role names through a nationality adjective or an institution; None for international bodies."""
    for word in re.findall(_WORD, role):
        if word.lower() in NATIONALITIES:
            return NATIONALITIES[word.lower()]
    role = role.replace("’", "'")
    for word, country in INSTITUTIONS:
        if re.search(rf"\b{re.escape(word)}\b", role):
            return country
    return None
