"""Quotes: direct quotations and who said them.

Quotation marks are paired within a paragraph (« », “ ”, " ", nested pairs and
the mismatched « ” the press also prints). A mark never closed opens a
quotation only where one can start (the paragraph's start, a colon, "que") and
not before a name ("« Etat islamique, qui …"); the quotation then ends with its
paragraph. An incise ("a-t-il dit") splits a quotation in two. Names, labels
and short fragments in quotation marks are not quotations.

The source is read from the quotation's sentence with every quotation's words
hidden: a speech verb after it ("», a déclaré le ministre X", "», a-t-il
ajouté"), or a source word or speech verb before it ("Selon X, « … »", "X a
estimé que « … »", "X : « … »"). A pronoun, and a quotation standing alone,
point back to the last source the text named: the previous quotation's source,
or the subject of a later sentence that names a person or speaks. A source
named by its office ("le chef de la diplomatie saoudienne") is the person the
article gave that office; an institution or an unnamed official is nobody, and
`attribution` keeps the article's words for the source either way.
"""
import bisect
import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..lang.chars import CAPITAL, LETTER, is_word_char, leading_word
from ..lang.fold import strip_accents
from ..lang.grammar import (
    ANY_PARTICIPLE,
    AUXILIARY,
    CLAUSE_OPENER,
    COMPLEMENT,
    CONJUNCTION,
    C_EST_QUI,
    DESCRIPTION,
    FEMININE_BEFORE,
    FINITE,
    GAP,
    MASCULINE_BEFORE,
    NARRATIVE,
    OFFICE_COMPLEMENT,
    PARTICIPLE_OPENING,
    PHRASE_TOKEN,
    PRONOUN_GROUPS,
    PRONOUN_VERB,
    RELATIVE,
    RELATIVE_PRONOUNS,
    SOURCE_PREPOSITION,
    SPEECH_VERB,
    TIME_PHRASE,
    MODIFIER,
    TITLE,
    TITLE_WORD,
    TITLES,
    VERB,
    VERB_HINT,
)
from ..lang.lexicon import table, words
from ..lang.nationalities import FOLDED_NATIONALITIES
from ..lang.sentences import SentenceIndex, paragraphs
from ..lang.vocabulary import COURTESY_ABBREVIATIONS, DETERMINERS, determiners
from ..records import PersonMention, Quote

ANONYMOUS_HEADS = set(words("quotes_anonymous_heads.txt"))
CIRCUMSTANCE_WORDS = {word.lower() for word in words("quotes_circumstance_words.txt")}
MINISTRY_WORDS = set(words("quotes_ministries.txt"))


_PLAIN_WORD = re.compile(r"[\w-]+")


def _plain(text):
    """Folded words separated by single spaces, elisions cut ("l'americain" -> "l americain")."""
    return " ".join(_PLAIN_WORD.findall(strip_accents(text)))


DOCUMENTS = {line.split(" ", 1)[1]: line for line in words("quotes_documents.txt")}  # noun -> "le communiqué"
OFFICES = [
    (phrase, re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])"), office)
    for phrase, office in sorted(((_plain(row["phrase"]), row["office"]) for row in table("quotes_offices.csv")), key=lambda pair: -len(pair[0]))
]
ANONYMOUS_HEAD_WORDS = {_plain(head) for head in ANONYMOUS_HEADS if " " not in head}
# "X a ajouté": a person going on speaking.
CONTINUES = re.compile(rf"\s+(?:a|avait)\s+(?:{'|'.join(re.escape(verb) for verb in words('quotes_continuation_verbs.txt'))})(?![\w-])")
# "le porte-parole", "la ministre": an office named with a definite article, no name.
DEFINITE_TITLE = re.compile(rf"(?:[Ll]e |[Ll]a |[Ll]['’])\s*(?:(?:{MODIFIER})(?:\s+|-))*(?:{TITLE})(?![\w'’-])", re.I)


_CLAUSE = r"(?:\bMM?\.|\bMme\b|[^,.;:«»“”\"\n])"
# ", a-t-il dit," or ", a lancé le ministre devant les soldats." inside the marks.
INCISE = re.compile(
    rf",\s+(?:{PRONOUN_VERB}{_CLAUSE}{{0,60}}?|(?:{AUXILIARY}{GAP}\s+(?:{SPEECH_VERB})|(?:{SPEECH_VERB}))\s{_CLAUSE}{{2,90}}?|selon\s+(?:lui|elle|eux))"
    rf"\s*(?:,|;|\.(?=\s+{CAPITAL}))\s*"
)

MARK = re.compile(r"<<|>>|[«»“”„\"]")
CLOSERS = {"«": ("»", "”", ">>"), "<<": (">>", "»", "”"), "“": ("”", "»", "“"), "„": ("“", "”"), '"': ('"', "”")}
GUILLEMETS = ("«", "<<")
GUILLEMET_CLOSERS = ("»", ">>")
# "« Etat islamique (EI), …" or "« Etat islamique, qui …": a name, not the start of a quotation.
NAME_OPENING = re.compile(rf"\s*{CAPITAL}[\w'’-]*(?:\s+[\w'’-]+){{0,2}}\s*[,(]")
SPACES = " \u00a0\u202f\u2009\t"
HIDDEN = "§"

# What opens a noun phrase: a determiner or a courtesy title, folded.
OPENERS = DETERMINERS | {title.lower() for title in COURTESY_ABBREVIATIONS}
INDEFINITE = determiners(("indefinite",))
LINKERS = {"de", "d'", "du", "des", "à", "au", "aux", "en", "et", "ou", "sur", "par", "pour", "avec", "dans", "entre", "chez", "vers", "sans", "lors", "auprès", "face", "sous", "devant", "depuis", "pendant", "après", "avant", "contre", "parmi", "issue"}
PRONOUNS = {"il": ("m", False), "elle": ("f", False), "ils": ("m", True), "elles": ("f", True), "lui": ("m", False), "eux": ("m", True), "on": (None, False)}
RELATIVE_WORDS = {"qui", "que", "qu'", "dont", "ou", "lequel", "laquelle"}
# Words that open a circumstance placed before the subject ("Dans un communiqué, …", "Selon X, …").
FRONTED = {"selon", "d'apres", "pour", "comme", "apres", "avant", "malgre", "outre", "sous", "dans", "lors", "au", "aux", "en", "a", "depuis", "pendant", "par", "sur", "avec", "devant", "face", "contrairement", "interroge", "interrogee"}
IGNORED_IN_TITLES = {"homologue", "nouveau", "nouvelle", "actuel", "actuelle", "meme", "propre", "puissant", "puissante", "chef", "haut", "haute"}
# Words that tell nothing of an office when comparing title phrases: determiners, prepositions.
FILLER = {word.rstrip("'") for word in DETERMINERS} | {"de", "d", "a", "en", "et"}


@dataclass
class _Span:
    """A quotation between its marks: `open` and `close` bound the marks, `start` and `end` the words."""

    open: int
    start: int
    end: int
    close: int


@dataclass
class _Unit:
    """One quotation: a span, or a piece of it between incises."""

    start: int
    end: int
    lead_end: int  # where the text before it ends (its opening mark, or the incise before it)
    tail_start: int  # where the text after it starts (after its closing mark, or at the incise after it)
    split: bool  # cut by an incise


@dataclass
class _Source:
    speaker: Optional[str]
    attribution: Optional[str]
    gender: Optional[str] = None  # 'm' | 'f' | None when unknown
    plural: bool = False


@dataclass
class _Pronoun:
    gender: Optional[str]
    plural: bool
    impersonal: bool = False  # "on": nobody the article names


# ---- quotation marks


def quote_spans(body):
    """Every quotation's span, by pairing marks within each paragraph."""
    spans = []
    for start, end in paragraphs(body):
        spans += _paragraph_spans(body, start, end)
    return sorted(spans, key=lambda span: span.open)


def _paragraph_spans(body, start, end):
    stack = []  # [mark, position, spans closed inside it]
    top = []
    start += len(body[start:end]) - len(body[start:end].lstrip(SPACES))
    for match in MARK.finditer(body, start, end):
        mark = match.group()
        if mark in GUILLEMET_CLOSERS and stack and stack[-1][0] not in GUILLEMETS and any(entry[0] in GUILLEMETS for entry in stack):
            # « … "… »: a mark opened inside the guillemets and never closed does not hold them open.
            while stack[-1][0] not in GUILLEMETS:
                stack[-2][2].extend(stack.pop()[2])
        if stack and mark in CLOSERS[stack[-1][0]]:
            opener, position, inner = stack.pop()
            (stack[-1][2] if stack else top).append(_Span(position, position + len(opener), match.start(), match.end()))
        elif mark in CLOSERS:
            if mark in GUILLEMETS and any(entry[0] in GUILLEMETS for entry in stack) and not _nested(body, match.start(), end, stack):
                # A guillemet opened again before the first one closed: the first one never closes.
                while stack:
                    _settle(body, stack.pop(), start, match.start(), stack[-1][2] if stack else top)
            stack.append([mark, match.start(), []])
    while stack:
        _settle(body, stack.pop(), start, end, stack[-1][2] if stack else top)
    return top


def _nested(body, position, end, stack):
    """« … « … » … »: a guillemet opened inside another one, when enough closing ones follow."""
    rest = body[position:min(end, position + 3000)]
    opened = rest.count("«") + rest.count("<<")
    closed = rest.count("»") + rest.count(">>")
    return closed >= opened + sum(entry[0] in GUILLEMETS for entry in stack)


def _settle(body, entry, paragraph_start, end, parent):
    """An unclosed mark: a quotation up to `end` when one can start there, else the spans inside it stand alone."""
    mark, position, inner = entry
    if _opens_quotation(body, paragraph_start, position, position + len(mark), end):
        parent.append(_Span(position, position + len(mark), end, end))
    else:
        parent.extend(inner)


def _opens_quotation(body, paragraph_start, mark_start, start, end):
    before = body[max(paragraph_start, mark_start - 20):mark_start].rstrip(SPACES)
    where = mark_start == paragraph_start or before.endswith(":") or re.search(r"\bqu(?:e|['’])\Z", before)
    return bool(where) and len(re.findall(r"\w+", body[start:min(end, start + 200)])) >= 6 and not NAME_OPENING.match(body, start, end)


def _units(body, spans):
    units = []
    for span in spans:
        start, lead_end = span.start, span.open
        # (An incise opens with a comma: a span without one is not read for it.)
        for incise in INCISE.finditer(body, span.start, span.end) if body.find(",", span.start, span.end) >= 0 else ():
            if incise.start() < start:
                continue  # inside the apposition of the incise before
            units.append(_Unit(*_trimmed(body, start, incise.start()), lead_end, incise.start(), True))
            start = lead_end = _incise_end(body, incise.end(), span.end)
        units.append(_Unit(*_trimmed(body, start, span.end), lead_end, span.close, start != span.start))
    return [unit for unit in units if unit.end > unit.start]


# What goes on with the speaker of an incise rather than with the quotation: a title in apposition
# (", porte-parole du département d'Etat,") or where they spoke (", au micro de X.", ", devant la presse,").
INCISE_APPOSITION = re.compile(
    rf"\s*(?:(?:(?:le|la|l['’]|un|une|son|sa)\s*)?(?:{TITLE})|au\s+micro|à\s+la\s+presse|lors|devant|en\s+marge|interrogée?|s['’]exprimant)(?![\w'’-])"
    rf"{_CLAUSE}{{0,100}}?(?:,|\.(?=\s+{CAPITAL}))\s*",
    re.I,
)


def _incise_end(body, end, limit):
    """Where an incise ending at `end` really ends: after the appositions to its speaker (at most three)."""
    for _ in range(3):
        if body[end - 2:end].strip() != "," and body[end - 1:end] != ",":
            break
        apposition = INCISE_APPOSITION.match(body, end, limit)
        if not apposition:
            break
        end = apposition.end()
    return end


def _trimmed(body, start, end):
    while start < end and body[start] in SPACES:
        start += 1
    while end > start and body[end - 1] in SPACES + ".,;:":
        end -= 1
    return start, end


def _hidden(body, spans, units):
    """The body with every quotation's words hidden, so that their verbs and full stops are not read.
    A final full stop inside the marks is kept: it may end the sentence."""
    chars = list(body)
    for match in MARK.finditer(body):
        chars[match.start():match.end()] = " " * len(match.group())
    for span in spans:
        chars[span.open:span.start] = body[span.open:span.start]
        if span.close > span.end:
            chars[span.end:span.close] = body[span.end:span.close]
    for unit in units:
        chars[unit.start:unit.end] = HIDDEN * (unit.end - unit.start)
        if body[unit.end - 1] in "!?…":
            chars[unit.end - 1] = body[unit.end - 1]
        stop = unit.end
        while stop < len(body) and body[stop] in SPACES + ".!?…":
            chars[stop] = body[stop]
            stop += 1
    return "".join(chars)


# ---- people of the article


COMMA = re.compile(r",\s*")
# "Il a …", "Elle …": a sentence that goes on with the person before.
PRONOUN_OPENING = re.compile(r"(?:Il|Elle)\b")
# A word's start, not inside a hyphenated word: where a form of a name may begin.
WORD_START = re.compile(r"(?<![\w-])\w+")


# A whole word opening with a capital: the words most names' forms may open with, in one pattern compiled once.
CAPITALISED_WORD = re.compile(rf"{CAPITAL}(?<![\w-]\w)\w*")


@functools.lru_cache(maxsize=1024)
def _words_opening_with(initials):
    """A pattern for the whole words (as WORD_START reads them) opening with one of `initials`, or with another
    capital when all of them are capitals: compiling a pattern of the article's words cost a third of a
    millisecond, and the engine skips at once the characters that no initial is (the look-behind follows it)."""
    if re.fullmatch(f"{CAPITAL}*", initials):
        return CAPITALISED_WORD
    return re.compile(rf"[{''.join(map(re.escape, initials))}](?<![\w-]\w)\w*")


@dataclass(frozen=True)
class _Named:
    """A form of a person's name found in a text: what the readers use of a re.Match."""

    form: str
    position: int

    def group(self):
        return self.form

    def start(self):
        return self.position

    def end(self):
        return self.position + len(self.form)


# Up to the last stop, colon, quotation mark, line break or bracket: what a title before a name stays within.
_UP_TO_BREAK = re.compile(r".*[.;:«»“”\"\n(]", re.S)


def _after_last_break(text):
    """The part of `text` after its last break (all of it without one)."""
    match = _UP_TO_BREAK.match(text)
    return text[match.end():] if match else text


# ", le porte-parole du Pentagone": what follows a name, its article first.
_APPOSITION = re.compile(r",\s*((?:un|une|le|la|l['’])?\s*[^,.;:«»“”\"\n(]{0,90})")
_ARTICLE = re.compile(r"\A(?:un|une|le|la|l['’])\s*")


class _Cast:
    """The article's people as the quotes see them: name forms, mentions, offices, gender."""

    def __init__(self, body, people):
        self.body = body
        self.forms = []  # (form, name), longest first
        counts = {}
        for person in people:
            for form in [person.name, *person.aliases]:
                self.forms.append((form, person.name))
            words = person.name.split()
            for short in {" ".join(words[1:]), words[-1]} if len(words) > 1 else ():
                counts.setdefault(short, set()).add(person.name)
        given = {form for form, _ in self.forms}
        # A surname names its person unless it is someone else's too ("Salman" and "Mohammed ben Salman").
        self.forms += [(form, next(iter(names))) for form, names in counts.items() if len(names) == 1 and len(form) > 2 and form not in given]
        self.forms.sort(key=lambda pair: -len(pair[0]))
        # Forms by their first word, longest first: a name is looked up where a word starts, instead of
        # trying every form at every character (an article may name thousands of people).
        self.by_first_word = {}
        for form, _ in self.forms:
            self.by_first_word.setdefault(leading_word(form), []).append(form)
        self.first_words = _words_opening_with("".join(sorted({word[0] for word in self.by_first_word if word}))) if any(self.by_first_word) else None
        self.name_of = dict(self.forms)
        self.mentions = {person.name: [] for person in people}
        self.mention_ends = {}  # start -> end of each mention in the body
        for match in self.finditer(body):
            self.mentions[self.name_of[match.group()]].append(match.start())
            self.mention_ends[match.start()] = match.end()
        self.people = {person.name: person for person in people}
        self.name_at = {start: name for name, starts in self.mentions.items() for start in starts}
        self.mention_starts = sorted(self.name_at)
        self.context = {person.name: self._context(person) for person in people}
        # What by_title compares, read once per person rather than once per office phrase of the article.
        self.role_offices = {person.name: _offices(_plain(person.role or "")) for person in people}
        self.context_offices = {name: _offices(context)[0] for name, context in self.context.items()}
        self.context_words = {name: set(context.split()) for name, context in self.context.items()}
        self.context_country = {
            name: next((FOLDED_NATIONALITIES[w] for w in context.split() if w in FOLDED_NATIONALITIES), None) for name, context in self.context.items()
        }
        self.first_mention = sorted((min(starts), name) for name, starts in self.mentions.items() if starts)
        self.genders = {person.name: self._gender(person.name) for person in people}

    def finditer(self, text, start=0, end=None):
        """The forms of the people's names in text[start:end], as whole words, longest first, left to right."""
        # A window may reach past the text ("the 80 characters after a sentence" at its end).
        end = len(text) if end is None else min(end, len(text))
        position = start
        # (The pattern finds, among the words WORD_START would give, those a form's first word may be.)
        for word in self.first_words.finditer(text, start, end) if self.first_words else ():
            forms = self.by_first_word.get(word.group())
            found = self._form_at(text, word.start(), forms, end) if forms and word.start() >= position else None
            if found:
                position = found.end()
                yield found

    @staticmethod
    def _form_at(text, start, forms, end):
        """The first of `forms` (longest first) written at `start` as whole words, ending before `end`."""
        for form in forms:
            stop = start + len(form)
            if stop <= end and text.startswith(form, start) and (stop == end or not (is_word_char(text[stop]) or text[stop] == "-")):
                return _Named(form, start)
        return None

    def _context(self, person):
        """Folded words of the person's role and of the titles the article puts around the name: each
        mention's words once (a name written again in the same words tells nothing more, and a text
        repeating itself would make the context as long as its mentions times their words)."""
        blocks = {(person.role or "",): None}  # (ordered: the first nationality found counts)
        for start in self.mentions[person.name]:
            before = _after_last_break(self.body[max(0, start - 120):start])
            chunks = before.split(",")
            parts = [chunks[-1]]
            if len(chunks) > 1 and len(chunks[-1].split()) <= 3:
                parts.append(chunks[-2])
            end = self.mention_ends[start]
            after = _APPOSITION.match(self.body, end, end + 120)
            if after and TITLE_WORD.match(strip_accents(_ARTICLE.sub("", after.group(1)))):
                parts.append(after.group(1))
            blocks.setdefault(tuple(parts), None)
        return _plain(" ".join(part for block in blocks for part in block))

    def _gender(self, name):
        """'f' or 'm' when the article says "Mme X", "M. X", "la ministre X" or "le ministre X"."""
        for start in self.mentions[name]:
            clause = _after_last_break(self.body[max(0, start - 60):start])
            titles = [(m.end(), "f") for m in FEMININE_BEFORE.finditer(clause)] + [(m.end(), "m") for m in MASCULINE_BEFORE.finditer(clause)]
            if titles:
                return max(titles)[1]
        return None

    def person_in(self, text):
        """The person a noun phrase names as its head ("Laurent Fabius", "le chef de la diplomatie
        française Laurent Fabius"), not one it names as a complement ("le porte-parole de M. Kerry",
        "l'administration Donald Trump")."""
        for match in self.finditer(text):
            before = text[:match.start()]
            if COMPLEMENT.search(before) and not OFFICE_COMPLEMENT.search(before):
                continue
            previous = before.split()[-1] if before.split() else ""
            # "le secrétaire d'Etat John Kerry", "l'Américain John Kerry", "le ministre français X", "Rex Tillerson"
            # name a person; "l'administration Donald Trump" names something of theirs.
            if previous and not (TITLE_WORD.search(strip_accents(before)) or previous[:1].isupper() or strip_accents(previous) in FOLDED_NATIONALITIES or previous in {"M.", "Mme", "MM."}):
                continue
            return self.name_of[match.group()]
        return None

    def _last_named(self, names, before):
        """Which of `names` the article named last before offset `before` (read back from there)."""
        for index in range(bisect.bisect_left(self.mention_starts, before) - 1, -1, -1):
            if self.name_at[self.mention_starts[index]] in names:
                return self.name_at[self.mention_starts[index]]
        return None

    def _holds(self, name, offices, rest):
        """Whether the person's own role holds these offices, with the other words of the phrase naming it."""
        own_offices, own_rest = self.role_offices[name]
        return offices <= own_offices and rest <= set(own_rest.split())

    def starts_at(self, text, position):
        word = WORD_START.match(text, position)
        forms = self.by_first_word.get(word.group()) if word else None
        return bool(forms) and self._form_at(text, position, forms, len(text)) is not None

    def by_title(self, phrase, before):
        """The person an office names ("le chef de la diplomatie saoudienne"): one the article gave
        that office, the last one named before offset `before`."""
        text = _plain(phrase)
        words = text.split()
        if not words or words[0] in INDEFINITE or not ANONYMOUS_HEAD_WORDS.isdisjoint(words):
            return None
        if _nationality_noun(phrase):
            text = "homologue " + text  # "l'Américain": a person of that country, whatever the office
        country = next((FOLDED_NATIONALITIES[w] for w in text.split() if w in FOLDED_NATIONALITIES), None)
        offices, text = _offices(text)
        if not offices and not TITLE_WORD.search(text):
            return None
        rest = {w for w in text.split() if w not in FILLER and w not in FOLDED_NATIONALITIES and w not in IGNORED_IN_TITLES}
        if not offices and not rest and not country:
            return None
        known = [name for first, name in self.first_mention[:bisect.bisect_left(self.first_mention, (before,))]]
        last = lambda names: self._last_named(set(names), before)
        # Whose own role holds the office, before whose words around the name merely mention it.
        holders = [name for name in known if offices and self._holds(name, offices, rest)]
        holders = [name for name in holders if not country or self.people[name].country in (None, country)]
        if holders:
            return last(holders)
        strict, loose, women = [], [], []
        for name in known:
            own_offices = self.context_offices[name]
            own_country = self.people[name].country or self.context_country[name]
            if country and own_country and own_country != country:
                continue
            if offices <= own_offices and rest <= self.context_words[name] and (not country or own_country == country):
                strict.append(name)
            elif country and own_country == country and (not own_offices or not offices or offices & own_offices):
                loose.append(name)
            if self.genders[name] == "f" and (not own_offices or not offices or offices & own_offices):
                women.append(name)
        if strict:
            return last(strict)
        if len(loose) == 1:
            return loose[0]
        # "La secrétaire d'Etat adjointe" for a woman the article titled otherwise: women are few enough
        # among the article's officials that the one named before is meant.
        return women[0] if len(women) == 1 and _phrase_gender(phrase)[0] == "f" else None


@functools.lru_cache(maxsize=4096)  # (the same roles recur, article after article)
def _offices(text):
    """The office keys a folded phrase names, and the phrase without them. Nationality adjectives
    do not split an office ("ministre irakien des affaires etrangeres")."""
    text = " ".join(word for word in text.split() if word not in FOLDED_NATIONALITIES)
    found = set()
    for phrase, pattern, office in OFFICES:
        if phrase in text and pattern.search(text):  # (most phrases are not there: a substring test says so faster)
            found.add(office)
            text = pattern.sub(" ", text)
    return frozenset(found), text


# ---- noun phrases


def _tokens(text, offset=0):
    return [(m.group(), offset + m.start(), offset + m.end()) for m in PHRASE_TOKEN.finditer(text)]


def _skip_times(text, position, end):
    while True:
        match = TIME_PHRASE.match(text, position, end)
        if not match or match.end() == position:
            return position
        position = match.end()


def _inverted_subject(hidden, start, end, cast):
    """The subject after a speech verb ("a déclaré jeudi à la presse le ministre X, …"): (start, end) or None."""
    position = start
    while True:
        position = _skip_times(hidden, position, end)
        rest = hidden[position:end]
        tokens = _tokens(rest, position)
        if not tokens:
            return None
        word = tokens[0][0]
        if word == ",":
            position = tokens[0][2]
            continue
        if word.lower() in CIRCUMSTANCE_WORDS and not _ministry_follows(tokens, 0):
            position = _after_circumstance(tokens, cast, hidden)
            if position is None:
                return None
            continue
        break
    lower = strip_accents(word)
    if not (lower in OPENERS or word[:1].isupper() or TITLE_WORD.match(lower) or lower in PRONOUNS):
        return None  # "a indiqué que …", "a appelé à …": no subject follows
    stop = tokens[-1][2]
    for index, (word, token_start, _) in enumerate(tokens[1:], 1):
        lower = word.lower()
        if word in {",", ".", ";", ":", "(", "!", "?"} or word.startswith(HIDDEN):
            stop = token_start
            break
        if (lower in CIRCUMSTANCE_WORDS and not _ministry_follows(tokens, index)) or TIME_PHRASE.match(hidden, token_start, end):
            stop = token_start
            break
    return position, stop


def _ministry_follows(tokens, index):
    """"à la Défense", "aux Affaires étrangères": an office, not a circumstance."""
    if tokens[index][0].lower() not in {"à", "au", "aux"}:
        return False
    following = [word for word, _, _ in tokens[index + 1:index + 3] if word.lower() not in {"la", "l'", "l’", "le"}]
    return bool(following) and following[0] in MINISTRY_WORDS


def _after_circumstance(tokens, cast, hidden):
    """Where a circumstance ("à l'issue de la réunion", "lors d'une conférence de presse") ends: at a
    comma, or where a new noun phrase opens without a preposition before it."""
    previous = tokens[0][0].lower()
    for word, start, _ in tokens[1:]:
        lower = word.lower()
        if word == ",":
            return start
        if word in {".", ";", ":", "!", "?"} or word.startswith(HIDDEN):
            return None
        if previous not in LINKERS and previous not in CIRCUMSTANCE_WORDS and (lower in OPENERS or cast.starts_at(hidden, start)):
            return start
        previous = lower
    return None


def _apposition(hidden, end, limit, cast):
    """", le colonel John Dorrian," or ", Laurent Fabius," right after a noun phrase: the person it names."""
    match = re.match(rf"\s*,\s*({_CLAUSE}{{2,80}})", hidden[end:limit])
    if not match:
        return None
    return cast.person_in(match.group(1).strip())


def _phrase_source(hidden, start, end, cast, before, limit=None):
    """The source a noun phrase names: a pronoun, a person (by name or office) or an institution."""
    text = hidden[start:end].strip(" ,\u00a0")
    if not text:
        return None
    words = strip_accents(text).split()
    if len(words) == 1 and words[0] in PRONOUNS:
        return _Pronoun(*PRONOUNS[words[0]], impersonal=words[0] == "on")
    if [word.lower() for word in words] in (["ce", "dernier"], ["cette", "derniere"]):
        # "Ce dernier a estimé que « … »": the person named last.
        named = bisect.bisect_left(cast.mention_starts, start)
        if named:
            name = cast.name_at[cast.mention_starts[named - 1]]
            return _Source(name, text, cast.genders[name])
    text = RELATIVE.sub("", " " + text).strip()
    if not hidden[end:].strip() and text[-1:].isalpha():
        text = _completed(text)
    if not text or len(text.split()) > 16:
        return None
    name = cast.person_in(text)
    gender, plural = _phrase_gender(text)
    if name is None and limit is not None:
        name = _apposition(hidden, end, limit, cast)
    if name is None:
        name = cast.by_title(text, before)
    if name:
        return _Source(name, text, cast.genders[name] or gender, False)
    return _Source(None, text, gender, plural)


def _completed(text):
    """A source the article's cut leaves unfinished ("», a indiqué le secr"): its last word as the one title it
    begins, if any."""
    head, _, last = text.rpartition(" ")
    titles = {title.split()[0] for title in TITLES if title.lower().startswith(last.lower())} if len(last) >= 3 else set()
    return f"{head} {titles.pop()}".strip() if len(titles) == 1 else text


MASCULINE_OPENERS = determiners(gender="m", number="singular") | {"m."}
FEMININE_OPENERS = determiners(gender="f", number="singular") | {"mme"}
PLURAL_OPENERS = determiners(number="plural")


def _phrase_gender(text):
    first = strip_accents(text).split()[0] if text.split() else ""
    if first in MASCULINE_OPENERS:
        return "m", False
    if first in FEMININE_OPENERS:
        return "f", False
    if first in PLURAL_OPENERS:
        return None, True
    return None, False


def _clause_subject(hidden, start, end, cast):
    """The subject before a verb, in direct order ("Le porte-parole du Pentagone, Peter Cook, a …",
    "Interrogé par la radio, X a …", "Dans un communiqué, l'Elysée a …"): (start, end) or None."""
    opener = None
    for opener in CLAUSE_OPENER.finditer(hidden, start, end):
        pass
    if opener is not None:
        start = opener.end()
    c_est = C_EST_QUI.match(hidden, _skip_spaces(hidden, start), end)
    if c_est:
        return c_est.start(1), c_est.end(1)
    chunks, position = [], start
    for piece in hidden[start:end].split(","):
        chunks.append((position, position + len(piece)))
        position += len(piece) + 1
    candidate = None
    for chunk_start, chunk_end in reversed(chunks):
        chunk_start = _skip_spaces(hidden, _skip_times(hidden, chunk_start, chunk_end))
        conjunction = CONJUNCTION.match(hidden, chunk_start, chunk_end)
        if conjunction:
            chunk_start = conjunction.end()
        first = PHRASE_TOKEN.search(hidden, chunk_start, chunk_end)
        if first is None:
            continue
        first, lower = first.group(), strip_accents(first.group())
        if lower in RELATIVE_WORDS or (first[0].islower() and lower not in OPENERS and lower not in PRONOUNS):
            continue  # ", qui s'exprimait …,", ", interrogé par X,", ", hôte de la rencontre,": an aside
        if lower in FRONTED:
            break  # a circumstance before the subject
        name = cast.person_in(hidden[chunk_start:chunk_end])
        if candidate is None:
            if name:
                return chunk_start, chunk_end
            candidate = (chunk_start, chunk_end)
            if lower not in OPENERS or not TITLE_WORD.search(_plain(hidden[chunk_start:chunk_end])):
                break
        else:
            # "Mark Toner, le porte-parole, a …": the name the title stands beside.
            if name and cast.starts_at(hidden, chunk_start):
                return chunk_start, chunk_end
            break
    return candidate


COMPLEMENT_REACH = 300  # characters before a name where the noun it completes may stand


def _noun_complement(text, start, position):
    """Whether the name at `position` completes a noun ("des déclarations de X"), not an office
    ("le ministre des Finances X", "le chef de la diplomatie X")."""
    start = max(start, position - COMPLEMENT_REACH)  # a noun and its complement are a few words apart
    before = text[start:position]
    if "d" not in before and "D" not in before:
        return False  # (every preposition of a complement has a "d": the pattern is not read without one)
    complement = COMPLEMENT.search(text, start, position)
    if not complement or OFFICE_COMPLEMENT.search(text, start, position):
        return False
    head = text[start:complement.start()].split()[-1:]
    return not (head and TITLE_WORD.fullmatch(strip_accents(head[0]).lstrip("l'’")))


def _skip_spaces(text, position):
    while position < len(text) and text[position] in SPACES + ",":
        position += 1
    return position


def _document(hidden, start, end):
    """"Dans leur communiqué final, …": the text that carries the words, as "le communiqué final"."""
    nouns = "|".join(re.escape(noun) for noun in sorted(DOCUMENTS, key=len, reverse=True))
    match = re.search(rf"\b[Dd]ans\s+(?:leur|son|sa|un|une|le|la|l['’]|ce|cette)\s*({nouns})\b((?:\s+(?:finale|final|commune|commun|conjointe|conjoint|officielle|officiel))?)", hidden[start:end])
    if not match:
        return None
    return DOCUMENTS[match.group(1)] + match.group(2)


# ---- sources


class _Reader:
    """Reads the sources of an article's quotations in order, remembering who spoke last."""

    def __init__(self, hidden, cast):
        self.hidden, self.cast = hidden, cast
        self.sentences = SentenceIndex(hidden)
        self.events = []  # (position, _Source): who the text last presented as speaking or acting
        self._comma = (0, -1, None)  # (searched from, first comma found or -1, up to): see _next_comma

    def antecedent(self, position, pronoun=None):
        for event_position, source in reversed(self.events):
            if event_position >= position:
                continue
            if pronoun is not None:
                if pronoun.plural != source.plural:
                    continue
                if pronoun.gender and source.gender and pronoun.gender != source.gender:
                    continue
            return source
        return None

    def resolve(self, found, position):
        """A source from a phrase: pronouns point back, and so does a nationality noun ("le Français")
        the article's people do not explain, to the last person of no other country."""
        if isinstance(found, _Pronoun):
            if found.impersonal:
                return None
            return self.antecedent(position, found)
        country = _nationality_noun(found.attribution) if found is not None and found.speaker is None else None
        if country:
            for event_position, source in reversed(self.events):
                if event_position < position and source.speaker:
                    own = self.cast.people[source.speaker].country
                    return _Source(source.speaker, found.attribution, source.gender) if own in (None, country) else found
        described = _definite_description(found.attribution) if found is not None and found.speaker is None else None
        if described:
            return self._described(found, position, *described)
        return found

    def _described(self, found, position, head, country):
        """"a poursuivi la diplomate américaine": the last source of that country and gender, unless an
        unnamed source of the same noun came first ("un diplomate américain … a ajouté le diplomate")."""
        for event_position, source in reversed(self.events):
            if event_position >= position:
                continue
            if source.speaker is None:
                if head in _plain(source.attribution or "").split():
                    return found
                continue
            if found.gender and source.gender and found.gender != source.gender:
                continue
            if self.cast.people[source.speaker].country == country:
                return _Source(source.speaker, found.attribution, source.gender or found.gender)
        return found

    def sentence_subject(self, start, end):
        """Record the subject of a sentence that presents a person or someone speaking, and the source a
        speech verb put after the sentence's words names (", indique le communiqué.")."""
        self._subject(start, end)
        hidden = self.hidden
        if not VERB_HINT.search(hidden, start, end):
            return  # (no speech verb in the sentence, after a comma or not)
        commas = [m.end() for m in COMMA.finditer(hidden, start, end)]
        verb = next((VERB.match(hidden, comma, end) for comma in reversed(commas) if VERB.match(hidden, comma, end)), None)
        if verb is None or _pronoun_of(verb) or self.cast.person_in(hidden[start:verb.start()].rstrip(" ,").split(",")[-1].strip()):
            return  # "X, le ministre, a annoncé …": the verb has its subject before it
        bounds = _inverted_subject(hidden, verb.end(), end, self.cast)
        # "…, indique le communiqué.", "…, a annoncé le Pentagone.": a definite source, not an object ("a annoncé un prêt").
        if bounds and re.match(rf"(?:[Ll]es?\s|[Ll]a\s|[Ll]['’]|{CAPITAL})", hidden[bounds[0]:bounds[1]].lstrip()):
            found = self.resolve(_phrase_source(hidden, *bounds, self.cast, verb.start()), verb.start())
            if isinstance(found, _Source):
                self.events.append((verb.start(), found))

    def _subject(self, start, end):
        """The subject of a sentence that presents a person or someone speaking; else the one person the
        sentence names ("L'état-major était représenté par le général X")."""
        hidden = self.hidden
        stop = hidden.find(HIDDEN, start, end)
        stop = end if stop == -1 else stop
        verb = VERB.search(hidden, start, stop) if VERB_HINT.search(hidden, start, stop) else None
        finite = FINITE.search(hidden, start, stop)
        first = min((m for m in (verb, finite) if m), key=lambda m: m.start(), default=None)
        if (first is not None and verb is first and _pronoun_of(verb)) or PRONOUN_OPENING.match(hidden, _skip_spaces(hidden, start), stop):
            return  # a pronoun goes on with the same person
        if first is None:
            # With no verb the rules know ("Le général X … voit dans ce retrait un pari risqué"), the one person
            # named is the subject, unless the sentence opens with an adjunct ("Sous la présidence de X, …").
            opening = _first_word(hidden[start:stop])
            if opening and opening[0] in FRONTED:
                return
        else:
            bounds = _clause_subject(hidden, start, first.start(), self.cast)
            found = _phrase_source(hidden, *bounds, self.cast, first.start()) if bounds else None
            if isinstance(found, _Pronoun):
                return  # a pronoun goes on with the same person
            found = self.resolve(found, bounds[0]) if bounds else None
            if isinstance(found, _Source) and not found.plural and (found.speaker or first is verb):
                self.events.append((bounds[0], found))
                return
        # "des déclarations de Donald Trump": a name in a complement is not who the sentence is about.
        named = {
            self.cast.name_of[m.group()]: m.start()
            for m in self.cast.finditer(hidden, start, stop)
            if not _noun_complement(hidden, start, m.start())
        }
        if len(named) == 1:
            name, position = next(iter(named.items()))
            self.events.append((position, _Source(name, name, self.cast.genders[name])))

    def tail(self, unit, end):
        """The source a speech verb after the quotation names ("», a déclaré X", "», selon X")."""
        hidden = self.hidden
        start = unit.tail_start
        text = hidden[start:end]
        candidates = [len(text) - len(text.lstrip(" ,)\u00a0"))]
        candidates += [m.end() for m in re.finditer(r",\s*", text[:150])]
        for offset in candidates:
            position = start + offset
            selon = SOURCE_PREPOSITION.match(hidden, position, end)
            if selon:
                return self._after_preposition(selon.end(), end, unit.start)
            verb = VERB.match(hidden, position, end) or (ANY_PARTICIPLE.match(hidden, position, end) if offset == candidates[0] else None)
            if verb:
                pronoun = _pronoun_of(verb)
                if pronoun:
                    if pronoun == "on":  # "a-t-on indiqué de source diplomatique"
                        rest = hidden[verb.end():end].split(",")[0].strip(" .")
                        return _Source(None, rest or None)
                    found = self.resolve(_Pronoun(*PRONOUNS[pronoun]), unit.start)
                    # "», expliquent-ils" with no group named before: nobody, not the last person who spoke.
                    return found or (_Source(None, None, plural=True) if PRONOUNS[pronoun][1] else None)
                bounds = _inverted_subject(hidden, verb.end(), end, self.cast)
                if bounds:
                    return self.resolve(_phrase_source(hidden, *bounds, self.cast, unit.start, end), unit.start)
        return None

    def _after_preposition(self, start, end, before):
        """"selon X, …": X up to the comma; "selon lequel": the phrase before."""
        hidden = self.hidden
        if leading_word(hidden[start:end].lstrip()).lower() in RELATIVE_PRONOUNS:
            return self._relative_antecedent(max(hidden.rfind("\n", 0, start), start - 300, 0), start)
        bounds = _inverted_subject(hidden, start, end, self.cast)
        if bounds is None:
            return None
        return self.resolve(_phrase_source(hidden, *bounds, self.cast, before, end), before)

    def _antecedent_phrase(self, start, end, before):
        """The source the noun phrase ending at `end` names: the last name, or the phrase from its last determiner."""
        text = self.hidden[start:end]
        names = list(self.cast.finditer(text))
        phrases = list(re.finditer(r"(?<![\w-])(?:le|la|les|l['’]|un|une)(?![\w-])\s*(?=[^,;:§]*\Z)", text, re.I))
        if names and (not phrases or names[-1].start() >= phrases[-1].start()):
            return _Source(self.cast.name_of[names[-1].group()], names[-1].group())
        if not phrases:
            return None
        return self.resolve(_phrase_source(self.hidden, start + phrases[-1].start(), end, self.cast, before), before)

    def _relative_antecedent(self, start, end):
        """"par le renseignement américain selon lequel", "a souligné M. Kerry, selon qui": the phrase before."""
        text = self.hidden[start:end]
        text = re.sub(r"[\s,]*(?:selon|d['’]après)\s*\Z", "", text, flags=re.I)
        names = list(self.cast.finditer(text))
        if names:
            return _Source(self.cast.name_of[names[-1].group()], names[-1].group())
        phrases = list(re.finditer(r"\b(le|la|les|l['’]|un|une|du|des)\b\s*(?=[^,;:§]*\Z)", text))
        if not phrases:
            return None
        article = {"du": "le ", "des": "les "}.get(phrases[-1].group(1).lower(), phrases[-1].group())
        return _Source(None, article + text[phrases[-1].end():].strip())

    def lead(self, unit, start, previous):
        """The source named before the quotation in its sentence; `previous` is the source of an
        earlier quotation of the same sentence."""
        hidden, cast = self.hidden, self.cast
        end = unit.lead_end
        text = hidden[start:end]
        if NARRATIVE.match(text):
            return previous or self.antecedent(unit.start)
        selon = None
        for match in SOURCE_PREPOSITION.finditer(hidden, start, end):
            selon = match
        verbs = list(VERB.finditer(hidden, start, end))
        verb = verbs[-1] if verbs else None
        if verb is not None and (selon is None or verb.start() > selon.start()):
            pronoun = _pronoun_of(verb)
            before_verb = hidden[start:verb.start()]
            relative = re.search(r",\s*qui\s*\Z", before_verb)
            if relative and not pronoun:
                # "…, indique le communiqué, qui appelle à « … »": the relative's subject is the phrase before it.
                found = self._antecedent_phrase(start, start + relative.start(), unit.start)
                if found is not None:
                    return found
            inverted = pronoun or not before_verb.strip(" ,") or re.search(r"(?:comme|ainsi\s+que|ce\s+qu['’])\s*l?['’]?\s*\Z", before_verb, re.I)
            if not inverted and before_verb.rstrip(SPACES).endswith(","):
                # ", a annoncé vendredi le Pentagone, qui …" (an incise) or ", Mark Toner, a assuré que" (a subject)
                bounds = _inverted_subject(hidden, verb.end(), end, cast)
                named_before = cast.person_in(before_verb.rstrip(SPACES + ",").split(",")[-1].strip())
                inverted = bounds is not None and not named_before and re.match(r"\s*(?:,|\Z|qui\b)", hidden[bounds[1]:end])
            if inverted and previous is not None:
                return previous  # the incise of the previous quotation, then this one: « … », a-t-il dit, « … »
            if pronoun:
                return None if pronoun == "on" else self.resolve(_Pronoun(*PRONOUNS[pronoun]), unit.start)
            if inverted:
                bounds = _inverted_subject(hidden, verb.end(), end, cast)
                if bounds:
                    return self.resolve(_phrase_source(hidden, *bounds, cast, unit.start, end), unit.start)
            else:
                bounds = _clause_subject(hidden, start, verb.start(), cast)
                found = self.resolve(_phrase_source(hidden, *bounds, cast, unit.start), unit.start) if bounds else None
                # "D'après un diplomate, plusieurs délégations ont jugé que « … »": the source word names
                # the source unless a person is the verb's subject.
                if found is not None and (selon is None or found.speaker):
                    return self._document_for(found, start, end)
        if selon is not None:
            if selon.group().lower() != "selon" or leading_word(hidden[selon.end():end].lstrip()).lower() not in RELATIVE_PRONOUNS:
                found = self._after_preposition(selon.end(), end, unit.start)
                if found is not None:
                    return found
            else:
                return self._relative_antecedent(start, selon.end())
        if previous is not None:
            return previous
        pour = re.match(r"\s*Pour\s+((?:le|la|les|l['’]|M\.|Mme)?\s*[^,§]{2,80}?)\s*,", text)
        if pour:
            bounds = (start + pour.start(1), start + pour.end(1))
            return self.resolve(_phrase_source(hidden, *bounds, cast, unit.start), unit.start)
        stripped = text.strip(SPACES)
        if stripped.endswith(":") or FINITE.search(text):
            cut = FINITE.search(text)
            stop = start + cut.start() if cut else start + len(text.rstrip(": " + SPACES))
            bounds = _clause_subject(hidden, start, stop, cast)
            if bounds:
                found = self.resolve(_phrase_source(hidden, *bounds, cast, unit.start), unit.start)
                return self._document_for(found, start, end)
        if not stripped:
            # A quotation standing alone goes on with the last source, unless it opens its paragraph
            # and the next sentence says who spoke: "« … » Michel Barnier a averti Londres …".
            paragraph_start = hidden.rfind("\n", 0, end) + 1
            following = self._next_speaker(unit) if not hidden[paragraph_start:end].strip(SPACES) else None
            return following or self.antecedent(unit.start)
        return self._document_for(None, start, end)

    def named_next(self, source, sentence_end):
        """ "« … », a fait savoir le porte-parole. X a ajouté que …": the office is the person the next sentence
        makes go on speaking, when the article named no one of that office before."""
        position = _skip_spaces(self.hidden, sentence_end)
        named = next(self.cast.finditer(self.hidden, position, position + 80), None)
        if named is None or named.start() != position or not CONTINUES.match(self.hidden, named.end()):
            return None
        speaker = self.cast.name_of[named.group()]
        return _Source(speaker, source.attribution, self.cast.genders[speaker] or source.gender)

    def _next_speaker(self, unit):
        """The person the sentence right after a quotation makes the subject of a speech verb."""
        hidden = self.hidden
        start = _skip_spaces(hidden, unit.tail_start)
        end = self.sentences.end(start)
        verb = VERB.search(hidden, start, end)
        finite = FINITE.search(hidden, start, end)
        if verb is None or (finite and finite.start() < verb.start()) or _pronoun_of(verb) or hidden[start:verb.start()].count(HIDDEN):
            return None
        bounds = _clause_subject(hidden, start, verb.start(), self.cast)
        found = _phrase_source(hidden, *bounds, self.cast, verb.start()) if bounds else None
        return found if isinstance(found, _Source) and found.speaker else None

    def main_subject(self, sentence_start, sentence_end, after):
        """"Disant « … », le ministre a affirmé …": the subject of the main clause after the quotation,
        when a participle opens the sentence."""
        hidden = self.hidden
        if not PARTICIPLE_OPENING.match(hidden, sentence_start, sentence_end):
            return None
        comma = self._next_comma(after, sentence_end)
        if comma == -1:
            return None
        # The main verb comes before any other quotation: searching further would read the sentence once per quotation.
        quotation = hidden.find(HIDDEN, comma, sentence_end)
        verb = FINITE.search(hidden, comma, sentence_end if quotation == -1 else quotation)
        if verb is None:
            return None
        bounds = _clause_subject(hidden, comma + 1, verb.start(), self.cast)
        return self.resolve(_phrase_source(hidden, *bounds, self.cast, after), after) if bounds else None

    def _next_comma(self, position, end):
        """The first comma in hidden[position:end], or -1; the quotations of a sentence ask in order, so the last
        answer is reused while it lies ahead."""
        searched, comma, until = self._comma
        if until != end or position < searched or -1 < comma < position:
            comma = self.hidden.find(",", position, end)
        self._comma = (position, comma, end)
        return comma

    def _document_for(self, found, start, end):
        """A group of countries or nobody speaks "dans leur communiqué": the communiqué does."""
        if found is not None and (found.speaker or not found.plural):
            return found
        document = _document(self.hidden, start, end)
        return _Source(None, document, None, False) if document else found


NATIONALITY_NOUN = re.compile(rf"(?:[Ll]['’]|[Ll]e |[Ll]a )?({CAPITAL}[\w-]+)")


def _nationality_noun(phrase):
    """"le Français", "l'Américaine": the country of a person named by nationality, else None."""
    match = NATIONALITY_NOUN.fullmatch((phrase or "").strip())
    return FOLDED_NATIONALITIES.get(strip_accents(match.group(1))) if match else None




def _definite_description(phrase):
    """"le diplomate américain": (head, country) of a definite unnamed-source noun with a nationality, else None."""
    match = DESCRIPTION.fullmatch((phrase or "").strip())
    if not match or _plain(match.group(1)) not in ANONYMOUS_HEAD_WORDS:
        return None
    country = FOLDED_NATIONALITIES.get(strip_accents(match.group(2)))
    return (_plain(match.group(1)), country) if country else None


def _pronoun_of(verb):
    return next((verb.group(group) for group in PRONOUN_GROUPS if group in verb.re.groupindex and verb.group(group)), None)


# ---- quotations


_WORD = re.compile(r"\w+")


def _words(text):
    return _WORD.findall(strip_accents(text))


def _first_word(text):
    """_words(text)[:1], folding no more than the words up to it: a text folds as its words do, one by one."""
    for chunk in text.split():
        words = _words(chunk)
        if words:
            return words[:1]
    return []


LABEL_PUNCTUATION = re.compile(r"[.!?,;:]")
LABEL_WORD = re.compile(rf"{LETTER}+(?:[-'’]{LETTER}+)*")
ELIDED = re.compile(r"\A(?:[ldLD]|qu)['’]")


def _is_label(text):
    """A name or a title in quotation marks ("Etat islamique en Irak et au Levant", "Inherent Resolve"):
    most of its words capitalised, no punctuation."""
    if LABEL_PUNCTUATION.search(text):
        return False  # (told first: most quotations have some)
    words = [ELIDED.sub("", w) for w in LABEL_WORD.findall(text)]
    content = [w for w in words[1:] if len(w) > 3 or w[:1].isupper()]  # a capital opens any sentence
    capitalised = [w for w in content if w[:1].isupper()]
    return bool(content) and len(capitalised) * 3 >= len(content) * 2


# "… » …": a quotation cut short.
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)")


def extract_quotes(body: str, people: list[PersonMention]) -> list[Quote]:
    """Return the Quote records of `body`; `speaker` is the name of one of `people` or None."""
    spans = quote_spans(body)
    units = _units(body, spans)
    hidden = _hidden(body, spans, units)
    reader = _Reader(hidden, _Cast(body, people))
    quotes, seen = [], set()
    index = 0
    for sentence_start, sentence_end in reader.sentences.bounds():
        reader.sentence_subject(sentence_start, sentence_end)
        inside = []
        while index < len(units) and units[index].start < sentence_end:
            inside.append(units[index])
            index += 1
        previous = None
        for position, unit in enumerate(inside):
            lead_start = inside[position - 1].tail_start if position else sentence_start
            # The verb may follow a later quotation of the sentence: « A », une « B », a annoncé X.
            tail_end = min(sentence_end, unit.tail_start + 200)
            source = reader.tail(unit, tail_end)
            if source is not None and source.speaker is None and DEFINITE_TITLE.match(source.attribution or ""):
                source = reader.named_next(source, sentence_end) or source
            by_verb = source is not None
            if source is None:
                source = reader.lead(unit, lead_start, previous) or reader.main_subject(sentence_start, sentence_end, unit.tail_start)
                by_verb = source is not None and bool(hidden[lead_start:unit.lead_end].strip(SPACES))
            previous = source
            text = body[unit.start:unit.end]
            truncated = ELLIPSIS.match(body, unit.end, unit.end + 4)
            full = body[unit.start:unit.end + 1].rstrip(SPACES + "»”\"")
            if not _is_quotation(text, full, unit, by_verb, hidden[lead_start:unit.lead_end]) or _repeated(text, seen, truncated):
                continue
            if source is not None:
                reader.events.append((unit.start, source))
            quotes.append(
                Quote(
                    text=text,
                    start=unit.start,
                    end=unit.end,
                    speaker=source.speaker if source else None,
                    attribution=(source.attribution or source.speaker) if source else None,
                )
            )
    return quotes


def _is_quotation(text, full, unit, by_verb, lead):
    """Not a single word, a name or label, or a fragment of three words; such a short sentence is one when a
    speech verb tells it or its full stop ends it (`full` is the quotation with its final punctuation)."""
    count = len(_words(text))
    if count < 2 or (not unit.split and _is_label(text)):
        return False
    if unit.split:
        return True  # an incise splits a quotation: each part is quoted, however short
    if count <= 3:
        standalone = not lead.strip(SPACES) or lead.rstrip(SPACES).endswith(":")
        return text[:1].isupper() and standalone and (by_verb or bool(re.search(r"[.!?…]\Z", full)))
    # "la « coalition globale contre Daech »": after a determiner, a few words in marks are a name or a term
    # (a quoted phrase carries its own: "après « la défaite du califat »").
    if count <= 5 and lead.split() and lead.split()[-1].lower().replace("’", "'") in DETERMINERS:
        return False
    return True


def _repeated(text, seen, truncated):
    """The same words again, or a teaser cut short ("…") of a quotation already read; `seen` holds
    the word tuples read so far."""
    words = tuple(_words(text))
    if words in seen:
        return True
    if truncated and any(earlier[:len(words)] == words for earlier in seen):
        return True
    seen.add(words)
    return False
