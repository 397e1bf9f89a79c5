"""People: every named real person of the story, with role and country.

Candidates are runs of capitalised words and name particles ("Abou Bakr
al-Baghdadi", "Ursula von der Leyen"). A run that names a place, an
organisation or a photo credit is dropped; a run is a person when the text
says so: a known given name, a title before or after it ("le colonel John
Dorrian", "Mark Toner, porte-parole du ..."), a courtesy title ("M. Toner"), a
speech verb ("a déclaré X"), or the lexicon of well-known people. No trained
model is used: measured on the seeds and the development set, these cues find
every name fr_core_news_sm's NER finds, and the model would cost most of the
build's time.

Shorter forms ("Tillerson", "M. Toner", "Al Baghdadi") are aliases of the full
name. The role is the title phrase before the name and the apposition after
it, or failing both, a definite description that takes the person up again
("Le secrétaire d'Etat a assuré ..."); "son homologue italien" gives a
country but no office (the article does not state it). The country comes from the role (nationality
adjective, institution or country named), else from the known-people lexicon.
"""
import bisect
import functools
import itertools
import re

from .. import places
from ..lang.chars import APOSTROPHE, CAPITAL, LETTER, WORD, alternation, at_word_start
from ..lang.fold import fold
from ..lang.grammar import (
    CLAUSE_SUBJECT,
    CLAUSE_WORD,
    DEFINITE,
    GENITIVE_END,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    SPEECH_THEN_ARTICLE,
    TITLE,
    TITLE_START,
    TITLES,
    WORD_TOKEN,
)
from ..lang.lexicon import table, words
from ..lang.nationalities import NATIONALITIES
from ..lang.sentences import SentenceIndex
from ..lang.vocabulary import COURTESY_ABBREVIATIONS, COURTESY_TITLES, DETERMINERS, FOLDED_PARTICLES, NICKNAMES, PARTICLES, STOP_WORDS, WEEKDAYS
from ..records import PersonMention

TITLE_WORDS = {fold(title) for title in TITLES if " " not in title}
ROLE_TRANSITIONS = words("people_role_transitions.txt")
SIDE_OPENERS = words("people_side_openers.txt")
GIVEN_NAME_TITLES = {fold(title) for title in words("people_given_name_titles.txt")}
ROLE_WORDS = {fold(word) for word in words("people_role_words.txt")}
NOT_PEOPLE = {fold(word) for word in words("not_people.txt")}
INSTITUTION_WORDS = NOT_PEOPLE | ROLE_WORDS
OFFICE_WORDS = INSTITUTION_WORDS | TITLE_WORDS
FIRST_NAMES = {fold(name) for name in words("people_first_names.txt")}
CREDIT_CUES = words("people_credit_cues.txt")
NAMED_THINGS = words("people_named_things.txt")
BYLINE_WORDS = set(words("people_byline_words.txt"))
REAL_NAME_CUES = words("people_real_name_cues.txt")
KNOWN = {fold(row["name"]): row["country"] or None for row in table("people_known.csv")}
KNOWN_SURNAMES = {}  # last word of a known name -> the names ending with it
for _name in KNOWN:
    KNOWN_SURNAMES.setdefault(_name.split()[-1], []).append(_name)
INSTITUTIONS = [(row["word"], row["country"] or None) for row in table("people_institutions.csv")]
INSTITUTION_NAMES = {fold(word) for word, _ in INSTITUTIONS if " " not in word}  # "LR", "Knesset"
# "secrétaire d'Etat chargé des Affaires européennes" is another country's junior minister.
SERVED_INSTITUTIONS = [(re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])(?!\s+(?:chargée?|auprès)\b)", re.I), country) for word, country in INSTITUTIONS]
# An international body's name ("Otan", "Nations unies"), as written.
INTERNATIONAL_BODY = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(word) for word, country in INSTITUTIONS if country is None)})(?![\w-])")
# What a role phrase does not end with: a determiner or a preposition left dangling.
DANGLING = DETERMINERS | {"de", "d'", "et"}


_TRANSITION = alternation(ROLE_TRANSITIONS)
_STOP = r"[.;:!?«»\"“”()\[\]\n]"
_COURTESY = at_word_start(COURTESY_ABBREVIATIONS)
# "M. Toner", "Mme von der Leyen": the title and the name on one line.
COURTESY = re.compile(rf"(?:{_COURTESY})[ \u00a0]*(?P<name>(?:(?:{alternation(PARTICLES)})\s+)?{CAPITAL}{LETTER}+(?:[-'’]{LETTER}+)*)")
# "Abou Bakr al-Baghdadi, de son vrai nom X": X is another name of the person just named.
REAL_NAME = re.compile(rf"(?<![\w-])(?:{alternation(REAL_NAME_CUES)})\s*\Z", re.I)
# "le porte-avions Charles de Gaulle": a thing named after a person.
NAMED_THING = re.compile(rf"(?<![\w-])(?:{alternation(NAMED_THINGS)})(?:\s+(?:de|du|d{APOSTROPHE}))?\s*\Z", re.I)
# "(Crédit photo: X", "Photo AFP / X", "© X": a credit ends right before the name.
CREDIT_BEFORE = re.compile(rf"(?:(?<![\w-])(?:{alternation(CREDIT_CUES)})(?:\s+photos?)?\s*:?|/)\s*\Z", re.I)
# A quotation: its sentences are not the article's (masked before looking for the next sentence, but
# for the stops that end it, which may end the sentence holding it).
QUOTED = re.compile(r"«[^«»\n]*»|“[^“”\n]*”|\"[^\"\n]*\"")
HOMOLOGUE = re.compile(rf"homologues?(?:\s+(?P<adjective>{LETTER}+))?(?![\w-])", re.I)
# "Didier Reynders pour la Belgique", "Philippe Goffin (Belgique)".
SERVES = re.compile(rf"\A(?:\s+pour\s+(?:la\s+|le\s+|l['’]\s*|les\s+)?|\s*\(\s*)(?P<country>{CAPITAL}{LETTER}*(?:[- ][A-Za-zé]{LETTER}*)?)")


def extract_people(body: str) -> list[PersonMention]:
    """The PersonMention records of `body`, one per person, in order of first mention."""
    roster = _Roster()
    mentions = []  # (start, end, person): every place a person is named
    singles = []  # one-word names, attached once every full name is known
    courtesy_named = _courtesy_named(body)
    for start, end, name_words in _candidates(body):
        if len(_core(name_words)) == 1:
            singles.append((start, end, name_words, False))
        elif REAL_NAME.search(body, max(0, start - 30), start) and mentions:
            owner = mentions[-1][2]  # the person just named
            if body[start:end] not in owner.aliases:
                roster.alias(owner, body[start:end])
            mentions.append((start, end, owner))
        elif _is_person(body, start, end, name_words, courtesy_named):
            mentions.append((start, end, roster.add(body[start:end], start, end)))
    named = {start for start, _, _ in mentions}
    for match in COURTESY.finditer(body):
        # "Mme Federica Mogherini": the full name after the title is already a mention.
        if match.start("name") not in named:
            singles.append((match.start("name"), match.end("name"), match.group("name").split(), True))
    for start, end, _, courteous in sorted(singles, key=lambda single: single[0]):
        text = body[start:end]
        owner = roster.owner(text) or _by_given_name(body, start, roster, text)
        if owner is None and (courteous or _single_is_person(body, start, end, text)):
            owner = roster.add(text, start, end)
        if owner is not None:
            if text != owner.name and text not in owner.aliases:
                roster.alias(owner, text)
            mentions.append((start, end, owner))
    mentions.sort(key=lambda mention: mention[0])
    _assign_roles(body, roster.people, mentions)
    return sorted(roster.people, key=lambda person: person.start)


# --- candidates --------------------------------------------------------------

def _is_name_token(text):
    if text[0].isupper():
        return True
    head, _, rest = text.partition("-")
    return head in PARTICLES and rest[:1].isupper()  # "al-Baghdadi"


# What an upper-case letter may be: anything but a space, a lower-case letter, a digit or common punctuation.
MAYBE_CAPITAL = re.compile(r"[^\sa-zà-ÿ0-9.,;:!?'’\"«»()-]")


def _next_capital_word(body, position):
    """Where to read tokens again after `position` without missing a word holding a capital letter: the
    start of the word of the next possible capital (after a space, where no token spans), else None."""
    capital = MAYBE_CAPITAL.search(body, position)
    if capital is None:
        return None
    return max(position, body.rfind(" ", position, capital.start()) + 1, body.rfind("\n", position, capital.start()) + 1)


def _candidates(body):
    """Runs of adjacent capitalised words and particles, trimmed to what may be a name: (start, end, words)."""
    # The tokens are read one at a time, never all held: a megabyte of one-letter words is half a million.
    tokens = WORD_TOKEN.finditer(body)
    token = next(tokens, None)
    while token is not None:
        word = token.group(1)
        # (Most words are in lower case: told at once, before the rarer "al-Baghdadi".)
        if not (word[0].isupper() or "-" in word and _is_name_token(word)) or body[token.start() - 1:token.start()] == "@":
            # (An account, "@MinistereDiplo", names no one.) A name holds a capital: the words in lower case up to
            # the next one are not read one by one.
            resume = _next_capital_word(body, token.end())
            tokens = WORD_TOKEN.finditer(body, resume) if resume is not None else iter(())
            token = next(tokens, None)
            continue
        run = [token]
        token = next(tokens, None)
        while token is not None:
            gap = body[run[-1].end():token.start()]
            initial = len(run[-1].group(1)) == 1 and run[-1].group(1).isupper() and gap == ". "  # "Antony J. Blinken"
            if not (gap in (" ", "\u00a0") or initial) or token.start(1) != token.start():
                break
            if not (_is_name_token(token.group(1)) or token.group(1) in PARTICLES):
                break
            if body.startswith(tuple(COURTESY_ABBREVIATIONS), token.start()) and fold(token.group(1)) in COURTESY_TITLES:
                break  # "à @MarocDiplomatie M. X": the courtesy title opens another name
            run.append(token)
            token = next(tokens, None)
        run = _trim(run)
        if run:
            yield run[0].start(1), run[-1].end(), [member.group(1) for member in run]


# The most words a place's name has ("République démocratique du Congo"): longer prefixes and suffixes of a
# run are not looked up, so trimming a run costs time in proportion to its length.
PLACE_WORDS = 5


def _trim(run):
    """Drop the words around a name that are not part of it: a sentence's first word, a title, a place."""
    # "en Arabie Saoudite, X": a place of several words goes whole, before its first word is read alone.
    for count in range(min(len(run), PLACE_WORDS), 1, -1):
        if _is_place(" ".join(token.group(1) for token in run[:count])):
            run = run[count:]
            break
    first = 0  # (indices, not slices: a run of a thousand leading words is read once)
    while first < len(run) and _leading(run[first].group(1)):
        first += 1
    run = run[first:]
    # "Hier Donald Trump": a sentence's first word before a given name.
    # (Not an initial: "J. Peter Pham".)
    if len(run) > 2 and fold(run[1].group(1)) in FIRST_NAMES and fold(run[0].group(1)) not in FIRST_NAMES and run[0].group(1) not in PARTICLES and len(run[0].group(1)) > 1:
        run = run[1:]
    # "le roi Hamad de Bahreïn": a place after "de" is where the person is from, not part of the name.
    for index in range(max(1, len(run) - 1 - PLACE_WORDS), len(run) - 1):
        if run[index].group(1) in ("de", "du", "des") and _is_place(" ".join(token.group(1) for token in run[index + 1:])):
            run = run[:index]
            break
    last = len(run)
    while last and (run[last - 1].group(1) in PARTICLES or len(run[last - 1].group(1)) == 1):
        last -= 1
    run = run[:last]
    # "d'Abou Dhabi Mohammed ben Zayed", "Washington Mike Pompeo": a place named first (not "Florence Parly").
    for count in range(min(len(run) - 1, PLACE_WORDS), 0, -1):
        if (count > 1 or fold(run[0].group(1)) not in FIRST_NAMES) and _is_place(" ".join(token.group(1) for token in run[:count])):
            return run[count:]
    return run


# The words that open a run of capitalised words but no name: function words, titles, weekdays (one set, looked up once).
LEADING_WORDS = STOP_WORDS | NOT_PEOPLE | TITLE_WORDS | COURTESY_TITLES | set(WEEKDAYS)


def _leading(word):
    return fold(word) in LEADING_WORDS


@functools.lru_cache(maxsize=8192)
def _is_place(text):
    # (Asked of every run of capitalised words and its parts: the same few hundred names, article after article.)
    return places.country_code(text) is not None or places.lookup(text) is not None


def _core(words):
    """The words of a name that are not particles or initials."""
    return [word for word in words if word not in PARTICLES and len(word) > 1]


def _is_person(body, start, end, words, courtesy_named):
    """A run of two or more words: a person unless it is a place, an organisation or a credit, if something says so."""
    text = body[start:end]
    if any(fold(word) in NOT_PEOPLE for word in words) or _is_place(text) or _is_credit(body, start, end, words):
        return False
    if NAMED_THING.search(body, max(0, start - 30), start):
        return False
    return (
        fold(words[0]) in FIRST_NAMES
        or fold(words[0]).split()[0] in FIRST_NAMES  # "Jean-Baptiste"
        or fold(text) in KNOWN
        or _role_before(body, start) is not None
        or _role_after(body, end) is not None
        or _spoken(body, start, end)
        or words[-1] in courtesy_named
    )


def _courtesy_named(body):
    """The words that "M." or "Mme" stands before somewhere in `body` ("M. Toner"), read once: a word
    run after the title, or its part before an apostrophe."""
    named = set()
    for match in COURTESY_WORDS.finditer(body):
        run = match.group("run")
        named.add(run)
        named.update(run[:index] for index, char in enumerate(run) if char in "'’")
    return named


COURTESY_WORDS = re.compile(rf"(?:{_COURTESY})\s*(?P<run>[\w'’-]+)")


def _single_is_person(body, start, end, text):
    """A name of one word ("Baghdadi", "le roi Salman") with no full name in the article."""
    if fold(text) in NOT_PEOPLE or fold(text) in ROLE_WORDS or fold(text) in STOP_WORDS or _is_place(text) or _is_credit(body, start, end, [text]):
        return False
    if len(text) < 3 or text.isupper():
        return False
    if text.lower() in NATIONALITIES:
        return False  # "mis en garde les Européens": a people, not a person
    return fold(text).split()[-1] in KNOWN_SURNAMES or _titled(_role_before(body, start)) or _spoken(body, start, end)


def _titled_word(word):
    """A capitalised word that belongs to an office, not to a name ("Défense", "Etat")."""
    return fold(word) in OFFICE_WORDS or _is_place(word)


def _titled(role):
    """Whether a title phrase before one word names that word as a person: not when it ends on a noun the word
    names ("analyste au centre Carnegie", "directeur du groupe Total")."""
    if role is None:
        return False
    last = role.split()[-1]
    folded = fold(last)
    return not (last.islower() and "'" not in last and TITLE_START.fullmatch(last) is None and folded not in ROLE_WORDS and last not in NATIONALITIES and " " in role)


def _spoken(body, start, end):
    return SPEECH_BEFORE.search(body[max(0, start - 60):start]) is not None or SPEECH_AFTER.match(body[end:end + 60]) is not None


def _is_regnal_number(word):
    return 2 <= len(word) <= 4 and set(word) <= set("IVX")


SLASH_AFTER = re.compile(r"\s*/")


def _is_credit(body, start, end, words):
    """A photo credit or a byline: "KARIM SAHIB / AFP", "(Crédit photo: X / Pool / AFP)", "Par Hélène MARCHAL"."""
    # A word in capitals is a photographer's surname, but a regnal number ("Mohammed VI", "Abdallah II").
    if any(len(word) > 1 and word.isupper() and not _is_regnal_number(word) for word in words):
        return True
    if SLASH_AFTER.match(body, end, end + 5):
        return True
    # Lines are only looked at near the name: reading a whole huge line for each name on it is quadratic.
    window = max(0, start - 81)
    line_start = body.rfind("\n", window, start) + 1 or window
    before = body[max(line_start, start - 40):start]
    if before.strip() in ("Par", "par") or CREDIT_BEFORE.search(before) is not None:
        return True
    # A byline on a line of its own: "Hélène Marchal, à Bagdad", "Jean Dupont avec AFP".
    line_end = body.find("\n", end, line_start + 81)
    if line_end < 0 and len(body) > line_start + 80:  # a long line is no byline
        return False
    line = body[line_start:len(body) if line_end < 0 else line_end]
    rest = line.replace(body[start:end], " ", 1)
    lower = {word for word in re.findall(WORD, rest) if word.islower()}
    return lower <= BYLINE_WORDS and fold(body[start:end]) not in KNOWN and not re.search(r"[«»\"“”]", rest)


# --- one person, several forms -------------------------------------------------

def _key(name):
    """Compare forms of a name: folded, with particles and initials dropped, and a nickname as its given name."""
    words = [word for word in fold(name).split() if word not in FOLDED_PARTICLES and len(word) > 1]
    if len(words) > 1:
        words[0] = NICKNAMES.get(words[0], words[0])
    return words


class _Roster:
    """The article's people, each reachable from the last word of every form of their name: the forms
    that name one person end alike, so finding whom a form names reads only the people sharing its
    last word, not all of them (an article may name thousands)."""

    def __init__(self):
        self.people = []
        self._order = {}  # id(person) -> its place in `people`
        self._by_last = {}  # last word of a form's key (None for a key of no word) -> {id(person): person}
        self._by_first = {}  # first word of a name's key -> {id(person): person}

    def _index(self, person, form):
        words = _key(form)
        self._by_last.setdefault(words[-1] if words else None, {})[id(person)] = person
        if words:
            self._by_first.setdefault(words[0], {})[id(person)] = person

    def _sharing(self, index, word):
        return sorted(index.get(word, {}).values(), key=lambda person: self._order[id(person)])

    def alias(self, person, form):
        person.aliases.append(form)
        self._index(person, form)

    def _rename(self, person, form):
        person.aliases.append(person.name)
        person.name = form
        self._index(person, form)

    def owner(self, form):
        """The one person of the article whose name ends with this shorter form, or None when none or several do."""
        words = _key(form)
        if not words:
            return None
        owners = [p for p in self._sharing(self._by_last, words[-1]) if any(_key(name)[-len(words):] == words for name in [p.name, *p.aliases])]
        return owners[0] if len(owners) == 1 else None

    def by_first_word(self, word):
        """The people whose name's key, of two words or more, begins with `word`."""
        return [p for p in self._sharing(self._by_first, word) if len(_key(p.name)) > 1 and _key(p.name)[0] == word]

    def add(self, text, start, end):
        """The person this form names, added if new; a fuller form given later becomes the name."""
        words = _key(text)
        for person in self._sharing(self._by_last, words[-1] if words else None):
            theirs = _key(person.name)
            if text == person.name or text in person.aliases:
                return person
            if words == theirs and fold(person.name).split()[0] in NICKNAMES and fold(text).split()[0] not in NICKNAMES:
                self._rename(person, text)  # "James Mattis" names "Jim Mattis" in full
                return person
            if words == theirs or theirs[-len(words):] == words and len(words) < len(theirs):
                self.alias(person, text)  # "Al Baghdadi" after "Abou Bakr Al Baghdadi"
                return person
            if words[-len(theirs):] == theirs:
                self._rename(person, text)  # the fuller form comes later
                return person
        person = PersonMention(name=text, start=start, end=end)
        self._order[id(person)] = len(self.people)
        self.people.append(person)
        self._index(person, text)
        return person


def _by_given_name(body, start, roster, form):
    """"le prince Fayçal": the one person of the article whose full name begins with the given name a royal title precedes."""
    before = re.findall(WORD, body[max(0, start - 20):start])
    if not before or fold(before[-1]) not in GIVEN_NAME_TITLES:
        return None
    owners = roster.by_first_word(fold(form))
    return owners[0] if len(owners) == 1 else None


# --- roles and countries ------------------------------------------------------------

def _assign_roles(body, people, mentions):
    """Each person's role at the first mention that states one, then the country it implies."""
    counterparts = {}  # id(person) -> the country "son homologue italien" gives a person it names
    sentences = SentenceIndex(body)
    for start, end, person in mentions:
        if person.role is None:
            role = role_near(sentences, start, end)
            counterpart = HOMOLOGUE.match(role or "")
            if counterpart:
                # "son homologue italien, X" tells X's country, not X's office: the article states no role.
                counterparts.setdefault(id(person), NATIONALITIES.get((counterpart.group("adjective") or "").lower()))
                role = role.partition(",")[2].strip() or None
            if role:
                person.role = role
    masked = SentenceIndex(QUOTED.sub(_mask, body))
    articles = [match.start() for match in SPACED_ARTICLE.finditer(masked.text)]
    # Where the next mention of someone else starts, after each mention; and each person's mentions.
    next_other = [len(body)] * len(mentions)
    for index in range(len(mentions) - 2, -1, -1):
        following = mentions[index + 1]
        next_other[index] = following[0] if following[2] is not mentions[index][2] else next_other[index + 1]
    own = {}  # id(person) -> [(start, end, where the next mention of someone else starts)]
    for (start, end, person), limit in zip(mentions, next_other):
        own.setdefault(id(person), []).append((start, end, limit))
    for person in people:
        if person.role is None or fold(person.role) in TITLE_WORDS:
            # "le prince Saoud al-Fayçal. Le chef de la diplomatie saoudienne a plaidé ...": the description completes a bare title.
            description = _description(masked, person, own.get(id(person), []), articles)
            if description:
                person.role = f"{person.role}, {description}" if person.role else description
    starts = [start for start, _, _ in mentions]
    for person in people:
        if person.role is None:
            person.role = _description_before(masked, person, own.get(id(person), []), mentions, starts)
    for person in people:
        person.country = _country(sentences, person, own.get(id(person), [])) or counterparts.get(id(person))


def _mask(quotation):
    text = quotation.group()
    words = text[1:-1].rstrip(".!?… \u00a0")
    return text[0] + "x" * len(words) + text[1 + len(words):]


def complete_roles(people, quotes):
    """A person the article names without a role takes the description a quote attributes to them
    ("à l'invitation de X … « … », a résumé le ministre français")."""
    by_name = {person.name: person for person in people}
    for quote in quotes:
        person = by_name.get(quote.speaker)
        if person is None or person.role is not None or not quote.attribution:
            continue
        phrase = re.sub(r"\A(?:le|la|l['’])\s*", "", quote.attribution, flags=re.I)
        found = _description_at(phrase)
        if found and found[1] == len(phrase):
            person.role = found[0]
            person.country = person.country or country_of(found[0])


def role_near(sentences, start, end):
    """The role stated around the name at body[start:end] (`sentences` indexes the body): title before,
    apposition after, or both."""
    body = sentences.text
    before = _role_before(body, start)
    if before and fold(before) in TITLE_WORDS:
        before = _possessed(sentences, start, before)
        # "le roi Abdallah d'Arabie saoudite": the country follows the name.
        country = COUNTRY_AFTER.match(body, end)
        if country and places.country_code(country.group("name")):
            before = f"{before} {country.group().strip()}"
    parts = [part for part in (before, _role_after(body, end)) if part]
    return ", ".join(parts) or _elected(body, start, end)


# "depuis l'élection de X à la présidence des Etats-Unis": X is the president.
ELECTED = re.compile(rf"\s+à\s+la\s+(?P<office>présidence|vice-présidence)(?P<of>\s+(?:des|du|de\s+la|de\s+l['’]|de|d['’])\s*{CAPITAL}{LETTER}*(?:-{LETTER}+)*)?")


def _elected(body, start, end):
    """The office a person's election is to ("l'élection de X à la présidence"), or None."""
    office = ELECTED.match(body, end)
    if not office or not re.search(r"(?<![\w-])(?:élection|réélection)\s+(?:de\s+|d['’])\Z", body[max(0, start - 20):start]):
        return None
    title = "vice-président" if office.group("office") == "vice-présidence" else "président"
    return " ".join([title, *(office.group("of") or "").split()])


def _possessed(sentences, start, title):
    """ "L'EI a perdu ..., et son chef, X": the title of the body the possessive points to ("chef de l'EI")."""
    body = sentences.text
    possessive = re.search(rf"(?<![\w-])(?:son|sa)\s+{re.escape(title)}[\s,]*\Z", body[max(0, start - 60):start], re.I)
    if not possessive:
        return title
    # The body it points to is named in the same sentence, or else in the one before.
    sentence = sentences.start(start)
    bounds = [sentences.start(sentence - 1) if sentence else 0, sentence]
    owners = list(INSTITUTION.finditer(body, bounds[-1], start - len(possessive.group()))) or list(
        INSTITUTION.finditer(body, bounds[-2], bounds[-1])
    )
    if not owners:
        return title
    article = (owners[-1].group("article") or "").lower()
    genitive = {"le ": "du ", "les ": "des "}.get(article, "de " + article)
    return f"{title} {genitive}{owners[-1].group('name')}"


def _role_before(body, start):
    """The title phrase that ends right before a name ("le secrétaire d'Etat américain ", "Le ministre ..., le prince ")."""
    return _role_ending(body[max(0, start - 160):start])


@functools.lru_cache(maxsize=1024)
def _role_ending(window):
    """The title phrase that ends `window` (the text before a name), or None: what is before it decides, so
    each window is read once (a text that repeats itself repeats its windows)."""
    window = window.rstrip("«“\" \u00a0")  # "La ministre des Armées «Florence Parly ..."
    window = COURTESY_END.sub("", window)  # "le directeur M. X"
    # "contre l'organisation Etat islamique (EI), X", "le secrétaire d'Etat (ministre des Affaires étrangères), X":
    # a gloss in brackets does not end the title.
    window = GLOSS.sub(lambda match: " " * len(match.group()), window) if "(" in window else window
    # A title before a stop leads up to no name: the titles are read after the last one. (Not after a line
    # break: "nouveau\nministre" is one title, that holds one.)
    last_stop = LAST_STOP.match(window)
    for title in TITLE_START.finditer(window, last_stop.end() if last_stop else 0):
        span = window[title.start():]
        # "Selon un responsable du Pentagone, le président X": an indefinite title is another, unnamed person.
        if "," in span and re.search(r"(?<![\w-])une?\s+\Z", window[:title.start()], re.I):
            continue
        if _one_phrase(span):
            # "X, ministre français, son homologue américain, Y": the titles before the possessive are X's.
            possessive = list(re.finditer(r",\s*(?:son|sa|leur)\s+", span))
            if possessive:
                span = span[possessive[-1].end():]
            # "l'envoyé spécial du président X": X's role is the title after the genitive (not with a comma
            # before X: "le représentant spécial du secrétaire général de l'ONU, X" is the representative).
            genitive = [t for t in TITLE_START.finditer(span) if t.start() > 0 and re.search(r"\b(?:du|de la|de l['’])\s*\Z", span[:t.start()])]
            # Not when the genitive title has its own holder: "l'envoyé spécial du Président Grant pour la coalition X".
            genitive = [t for t in genitive if not re.match(rf"\s+{CAPITAL}", span[t.end():]) or _titled_word(span[t.end():].split()[0])]
            if genitive and not span.rstrip().endswith(","):
                span = span[genitive[-1].start():]
            return _tidy(span) or None
    return None


LAST_STOP = re.compile(r".*[.;:!?«»\"“”()\[\]]", re.S)
COURTESY_END = re.compile(rf"(?:{_COURTESY})\s*\Z")
GLOSS = re.compile(r"\s*\([^()\n«»\"“”]{1,80}\)")
# What continues a title after a comma: "ministre de l'Europe et des Affaires étrangères, chargée du Commerce
# extérieur", "au ministère des Affaires étrangères, de la Coopération africaine et des ...".
CONTINUATION = re.compile(r"(?:de|du|des|d['’]|chargée?|auprès|adjointe?|par\s+intérim)(?![\w-])", re.I)


def _one_phrase(span):
    """A title phrase that leads up to a name: no clause, no other name, commas only before another title."""
    if re.search(_STOP, span) or CLAUSE_WORD.search(span) or _has_name(span) or GENITIVE_END.search(span) or _names_someone(span):
        return False
    for segment in span.split(",")[1:]:
        segment = segment.strip()
        if segment and not TITLE_START.match(re.sub(r"^(?:le|la|l['’]|son|sa)\s*", "", segment)) and not CONTINUATION.match(segment):
            return False
    return True




# ", porte-parole", " (désormais le", ", un": what opens an apposition after a name.
APPOSITION_OPENING = re.compile(rf"\s*(?:,|\()\s*(?:(?:{_TRANSITION})\s+)?(?:(?:un|une|le|la|l['’]|son|sa|leur)\s*)?")


def _role_after(body, end):
    """The apposition after a name that opens with a title: ", porte-parole du Pentagone," ", un porte-parole militaire américain"."""
    match = APPOSITION_OPENING.match(body, end, end + 40)
    if not match:
        return None
    rest = body[match.end():match.end() + 150]
    title = TITLE_START.match(rest)
    if not title:
        return None
    stop = re.search(_STOP + "|,", rest)
    phrase = rest[:stop.start()] if stop else None
    if phrase:
        # ", envoyé spécial qui coordonne ...": the relative clause is not part of the role.
        phrase = re.split(r"(?<![\w-])(?:qui|dont|où)(?![\w-])", phrase)[0]
    if not phrase or CLAUSE_WORD.search(phrase) or _introduces_someone(phrase):
        return None
    return _tidy(phrase)


def _introduces_someone(phrase):
    """ ", son homologue américain John Kerry": an apposition that names another person, unless as a genitive
    ("envoyé spécial du président Barack Obama")."""
    for run in re.finditer(rf"{CAPITAL}{LETTER}+(?:[ \u00a0](?:{CAPITAL}|al-|el-){LETTER}+(?:-{LETTER}+)*)+", phrase):
        start, words = _past_institution(run)
        if len(words) < 2 or _is_place(" ".join(words)) or any(fold(word) in NOT_PEOPLE or fold(word) in ROLE_WORDS for word in words):
            continue
        if not GENITIVE_TITLE.search(phrase[:start]):
            return True
    return False


# "du président américain X": a name after a title in the genitive is the title's holder, not a second subject.
GENITIVE_TITLE = re.compile(rf"(?:du|de|d['’]|de la|de l['’])\s*(?:{TITLE})(?:\s+{LETTER}+)?\s+\Z", re.I)


def _past_institution(run):
    """A capitalised run without the institution's words it opens with ("Etat John Kerry" -> "John Kerry"):
    where the rest starts, and its words."""
    tokens = list(re.finditer(r"\S+", run.group()))
    while tokens and fold(tokens[0].group()) in OFFICE_WORDS and fold(tokens[0].group()) not in FIRST_NAMES:
        tokens = tokens[1:]
    return (run.start() + tokens[0].start() if tokens else run.end()), [token.group() for token in tokens]


def _has_name(span):
    """Whether a role phrase names someone: a given name, or two capitalised words none of which is an institution's
    (after a preposition or an article, a given name only: "directeur des Questions Globales")."""
    for run in re.finditer(rf"{CAPITAL}{LETTER}+(?:[ \u00a0]{CAPITAL}{LETTER}+)+", span):
        start, words = _past_institution(run)
        if len(words) < 2 or _is_place(" ".join(words)):
            continue
        if fold(words[0]) in FIRST_NAMES:
            return True
        complement = GENITIVE_END.search(span, 0, start)
        if not complement and not any(fold(word) in NOT_PEOPLE or fold(word) in ROLE_WORDS for word in words):
            return True
    return False


def _names_someone(span):
    """ "le président Obama, X": capitalised words in a title phrase that are neither an institution's, a place's,
    a title's nor the complement of a preposition ("des Affaires étrangères", "d'Abou Dhabi") name someone."""
    for run in re.finditer(rf"{CAPITAL}{LETTER}*(?:[-'’]{LETTER}+)*(?:\s+{CAPITAL}{LETTER}*(?:[-'’]{LETTER}+)*)*", span):
        # (Nor an account: "à @MinistereDiplo".)
        if run.start() == 0 or re.search(r"(?:(?<![\w-])(?:de|du|des|la|le|les)\s+|['’@])\Z", span[:run.start()], re.I):
            continue
        if _is_place(run.group()):
            continue
        for word in run.group().split():
            folded = fold(word)
            if not (folded in TITLE_WORDS or folded in INSTITUTION_WORDS or folded in INSTITUTION_NAMES or word.lower() in NATIONALITIES or _is_place(word)):
                return True
    return False


def _tidy(role):
    """One spacing, no dangling punctuation or article, no article after a comma ("..., le prince" -> "..., prince")."""
    role = " ".join(role.split()).strip(" ,")
    role = re.sub(r",\s*(?:le|la|l['’]|son|sa)\s*", ", ", role)
    role = re.sub(r"^(?:(?:le|la|les|un|une|son|sa)\s+|l['’]\s*)", "", role, flags=re.I)
    words = role.split()
    while words and words[-1].lower().replace("’", "'") in DANGLING:
        words.pop()
    return " ".join(words).strip(" ,")


# What CLAUSE_SUBJECT and SPEECH_THEN_ARTICLE need: a definite article after a space.
SPACED_ARTICLE = re.compile(r"l(?<=\sl)")  # (the letter first: the engine looks for it alone)
DESCRIPTION_REACH = 1500  # characters after a mention where the two next sentences are looked for


def _description(sentences, person, own, articles):
    """A definite description naming this person again after a mention, before any other person is named:
    "Le secrétaire d'Etat a assuré ...", "Evoquant ..., le Premier ministre italien a martelé ...",
    "…, a ajouté le secrétaire d'Etat américain devant …". `own`: the person's mentions, each with
    where the next mention of someone else starts; `sentences` indexes the text read; `articles`: where a
    definite article follows a space in it."""
    body = sentences.text
    for start, end, limit in own:
        # Two sentences are a few hundred characters: a text without sentence ends is not read to its end.
        limit = min(limit, end + DESCRIPTION_REACH)
        ends = list(itertools.islice(sentences.ends(end, limit), 2))
        stop = ends[1] if len(ends) > 1 else limit
        openings = []  # (where the title starts, whether a verb must follow it)
        for sentence in ends:  # the subject of one of the next two sentences
            subject = DEFINITE.match(body, sentence)
            if subject:
                openings.append((subject.end(), False))
        # (Both patterns need an article after a space: they are not read where there is none.)
        if bisect.bisect_left(articles, stop) > bisect.bisect_left(articles, end):
            # Not ", le ..." right after the name: that is an apposition or the next clause's own subject.
            openings += [(m.end(), True) for m in CLAUSE_SUBJECT.finditer(body, end, stop) if m.start() > end]
            openings += [(m.end(), False) for m in SPEECH_THEN_ARTICLE.finditer(body, end, stop)]
        for opening, verb_after in sorted(openings):
            found = _description_at(body[opening:opening + 160]) if opening < limit else None
            if found and (not verb_after or CLAUSE_WORD.match(body, opening + found[1] + 1)) and _fits(person, found[0]):
                return found[0]
    return None


def _description_before(sentences, person, own, mentions, starts):
    """A definite description opening one of the two sentences before a mention of this person, with no one
    it could also describe named in between: "Le secrétaire d'Etat recevra ses homologues, dont le chef de la
    diplomatie française, X. « … », a souligné M. Kerry". `own`: the person's mentions; `starts`: where each
    of `mentions` starts; `sentences` indexes the text read."""
    body = sentences.text
    for start, _, _ in own:
        opening = sentences.start(start)
        for _ in range(3):
            subject = DEFINITE.match(body, opening)
            found = _description_at(body[subject.end():subject.end() + 160]) if subject else None
            if found and _fits(person, found[0]):
                window = mentions[bisect.bisect_left(starts, opening):bisect.bisect_left(starts, sentences.end(start))]
                between = [other for _, _, other in window if other is not person]
                head = TITLE_START.match(found[0]).group().lower()
                if not any(other.role is None or head in other.role.lower() for other in between):
                    return found[0]
            if opening == 0 or "\n" in body[max(0, opening - 2):opening]:
                break  # not across a paragraph
            opening = sentences.start(opening - 1)
    return None


def _fits(person, role):
    """A description that names another country than the one a well-known person served is not about them."""
    known = next((KNOWN[fold(form)] for form in [person.name, *person.aliases] if fold(form) in KNOWN), None)
    stated = country_of(role)
    return known is None or stated is None or known == stated


def _description_at(text):
    """The title phrase at the start of `text` when it stands alone (no name after it): (role, its length)."""
    title = TITLE_START.match(text)
    if not title:
        return None
    end = title.end()
    for word in re.finditer(r"[^\s,.;:!?()«»\"“”]+", text[title.end():title.end() + 120]):
        raw = word.group()
        bare = re.sub(r"^(?:d|l)['’]", "", raw)
        folded = fold(bare)
        if folded in {"de", "du", "des", "la", "le", "a", "au", "aux", "pour", "en"} or raw.lower() in ("d'", "l'", "d’", "l’"):
            continue
        if bare[:1].isupper() or bare.lower() in NATIONALITIES or folded in ROLE_WORDS:
            if bare[:1].isupper() and (folded in FIRST_NAMES or not (folded in NOT_PEOPLE or folded in ROLE_WORDS or _is_place(bare))):
                return None  # a name follows: this title belongs to someone else
            end = title.end() + word.end()
            continue
        break
    # "Le sénateur républicain John Baker", "La porte-parole des peshmergas, Leila Karim": a name in the rest of
    # the phrase, or in apposition right after it, is the one the title belongs to.
    clause = re.split(r"[.;:!?«»\"“”()]|,(?!\s*" + CAPITAL + ")", text[end:end + 80])[0]
    if _has_name(text[title.start():end] + clause):
        return None
    role = _tidy(text[:end])
    return (role, end) if role else None


def _country(sentences, person, own):
    """The country the person serves, as the article states it, else as the known-people lexicon has it.
    `own`: the person's mentions; `sentences` indexes the body."""
    body = sentences.text
    if person.role:
        country = country_of(person.role)
        if country or _international(person.role):
            return country
    for start, end, _ in own:
        match = SERVES.match(body[end:end + 40])
        if match and places.country_code(match.group("country")):
            return places.country_name(places.country_code(match.group("country")))
    for start, end, _ in own:
        country = _side(sentences, start) or _possessor(sentences, start) or _nationality_noun(body, start)
        if country:
            return country
    for form in [person.name, *person.aliases]:
        key = _known(form)
        if key in KNOWN:
            return KNOWN[key]
    known = KNOWN_SURNAMES.get(fold(person.name).split()[-1], [])
    if " " not in person.name and len(known) == 1:  # "Mme Wilmès"
        return KNOWN[known[0]]
    return None


# A country's name as written: capitalised words, and the lower-case words of a few ("Arabie saoudite").
COUNTRY_NAME = rf"{CAPITAL}{LETTER}*(?:[- ](?:{CAPITAL}{LETTER}*|saoudite|arabes unis|unis))*"
SIDE = re.compile(rf"\s*(?:{alternation(SIDE_OPENERS)})\s+(?P<adjective>{LETTER}+)\s*,", re.I)


def _sentence_before(sentences, start):
    """The part of the sentence before `start`."""
    return sentences.text[sentences.start(start):start]


# "le Britannique X", "les Français X et Y": a national named by the noun of their country.
NATIONAL = re.compile(rf"(?<![\w-])(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’])\s*(?P<noun>{CAPITAL}{LETTER}+)\s+\Z")


def _nationality_noun(body, start):
    """The country of the nationality noun right before a name, or None."""
    noun = NATIONAL.search(body, max(0, start - 30), start)
    return NATIONALITIES.get(noun.group("noun").lower()) if noun else None


def _side(sentences, start):
    """The country a sentence's opening gives its people ("Côté français, c'est X qui …"), or None."""
    opening = SIDE.match(_sentence_before(sentences, start))
    return NATIONALITIES.get(opening.group("adjective").lower()) if opening else None


POSSESSOR = re.compile(rf"\s*(?:(?:La|Le|L['’])\s*)?(?P<country>{COUNTRY_NAME})\s*,")
REPRESENTED = re.compile(rf"\s*(?:(?:La|Le|Les|L['’])\s*)?(?P<country>{COUNTRY_NAME})\s+(?:est|était|sera|a\s+été|sont|étaient|seront|ont\s+été)\s+représentée?s?\b")


def _known(form):
    """The folded name as the known-people lexicon spells it: "Jim Mattis" is James Mattis."""
    words = fold(form).split()
    return " ".join([NICKNAMES.get(words[0], words[0]), *words[1:]]) if words else ""


def _possessor(sentences, start):
    """The country a sentence opens with when the name's title is its possessive ("La France, représentée
    par sa secrétaire d'Etat chargée de l'Europe, X") or when it says who represents it ("Le Maroc est
    représenté par l'ambassadeur X et le directeur Y"), or None."""
    sentence = _sentence_before(sentences, start)
    # (Each needs a word the sentence rarely has: read only then, not over a long capitalised run.)
    opening = ("," in sentence and POSSESSOR.match(sentence)) or ("représenté" in sentence and REPRESENTED.match(sentence))
    if not opening or opening.re is POSSESSOR and not re.search(rf"(?<![\w-])(?:son|sa)\s+(?:{TITLE})", sentence[opening.end():], re.I):
        return None
    code = places.country_code(opening.group("country"))
    return places.country_name(code) if code else None


# "chef de la diplomatie européenne", "commissaire européen": an adjective of several countries right after the office
# (not "secrétaire d'Etat chargé des Affaires européennes").
INTERNATIONAL_TITLE = re.compile(
    rf"(?:diplomatie|{TITLE})\s+(?:"
    + alternation(form for form, country in NATIONALITIES.items() if country is None)
    + r")(?![\w-])",
    re.I,
)


# "envoyé spécial de la Maison Blanche auprès de la coalition contre l'EI": what follows is the mission, not the body served.
MISSION = re.compile(r"\s(?:auprès|contre|pour)\b.*", re.S)


@functools.lru_cache(maxsize=4096)
def _international(role):
    """A role in an international body ("secrétaire général de l'Otan", "chef de la diplomatie européenne"): no country."""
    role = MISSION.sub("", role)
    return INTERNATIONAL_TITLE.search(role) is not None or INTERNATIONAL_BODY.search(role.replace("’", "'")) is not None


INSTITUTION = re.compile(
    r"(?<![\w-])(?P<article>[Ll]['’]|[Ll]a |[Ll]e |[Ll]es )?(?P<name>"
    + alternation(word for word, _ in INSTITUTIONS)
    + r")(?![\w-])"
)


COUNTRY_AFTER = re.compile(rf"\s+(?:d['’]|de |du |des )(?P<name>{COUNTRY_NAME})")


# A country named in a role, as the one served ("président des Etats-Unis", "chef de la diplomatie du Koweït",
# "envoyé spécial de Washington"),
# not as a post or a mission ("ambassadeur aux Etats-Unis", "émissaire pour la Syrie").
_SERVED_COUNTRY = re.compile(rf"(?<![\w-])(?:de|du|des|d['’]|de la|de l['’])\s*(?P<name>{COUNTRY_NAME})")


def national_office(role: "str | None") -> bool:
    """A title of a country's government that names no country ("ministre des Affaires étrangères"), not of an
    international body."""
    return bool(role) and TITLE_START.search(role) is not None and country_of(role) is None and not _international(role)


@functools.lru_cache(maxsize=4096)
def country_of(role):
    """The country a role names through a nationality adjective, a country or an institution; None for international bodies."""
    for word in re.findall(WORD, role):
        if word.lower() in NATIONALITIES and NATIONALITIES[word.lower()]:
            return NATIONALITIES[word.lower()]
    if _international(role):
        return None
    for match in _SERVED_COUNTRY.finditer(role):
        code = places.country_code(match.group("name"))
        if code:
            return places.country_name(code)
        capital = places.capital_country(match.group("name"))
        if capital:
            return capital
    role = role.replace("’", "'")
    return next((country for pattern, country in SERVED_INSTITUTIONS if pattern.search(role)), None)
