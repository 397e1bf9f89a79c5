"""Quotes: direct quotations and who said them.

Quotation marks are paired within a paragraph (« », “ ”, " ", and the
mismatched « ” the press also prints). A mark never closed is a quotation
only when what follows reads like one, and it then ends with its paragraph.
An incise ("a-t-il dit") splits a quotation in two. The source is found
with a speech verb after the quotation ("», a déclaré le ministre X"), or
before it ("Selon X, «", "X a déclaré : «"); a pronoun ("a-t-il ajouté")
points back to the previous source, which may be an institution or an
anonymous official.
"""
import re

from ..lexicon import lines
from ..records import Quote
from .people import country_of

# A source described by its title ("le porte-parole", "le ministre français") may be a person named earlier.
TITLE_HEAD = re.compile(r"(?:" + "|".join(re.escape(t.lower()).replace(r"\-", "[- ]") for t in sorted(lines("titles.txt"), key=len, reverse=True)) + r")\b")
ANONYMOUS_HEADS = set(lines("quotes_anonymous_heads.txt"))
SPEECH_VERBS = sorted(set(lines("speech_verbs.txt")), key=len, reverse=True)
_VERB = "|".join(re.escape(verb) for verb in SPEECH_VERBS)
OPENERS = {"«": ("»", "”"), "“": ("”", "»", "“"), '"': ('"', "”"), "„": ("“", "”")}
_ALL_MARKS = "«»“”\"„"
# ", a-t-il dit," / ", a ajouté le ministre," / ", poursuit-elle," inside a quotation.
INCISE = re.compile(
    rf",\s+(?:(?:a|avait|ont)-t-(?:il|elle|ils|elles)\s+(?:{_VERB})|(?:{_VERB})-t-(?:il|elle|ils|elles)|(?:a|avait)\s+(?:{_VERB})\s+[^,{_ALL_MARKS}]{{1,60}})\s*,\s*",
    re.I,
)
# The verb of attribution after a quotation, and its pronoun form.
VERB_AFTER = re.compile(
    rf"(?:(?P<aux>a|avait|ont|avaient|aurait)(?:-t-(?P<pronoun>il|elle|ils|elles))?\s+(?:\w+\s+)?(?:{_VERB})|(?:{_VERB})(?:-t-(?P<pronoun2>il|elle|ils|elles))?)\b",
    re.I,
)
# Where the clause naming a source ends (a full stop after "M" or an initial does not end it).
CLAUSE_END = re.compile(r"[,;:«»“”\"]|(?<!\b[A-Z])(?<!\bMM)\.")
SELON = re.compile(r"\b(?:selon|d['’]après)\s+(?P<source>[^,.;:«»“”\"]{2,120})", re.I)
# A full stop after "M", "MM" or an initial abbreviates a name; it ends no sentence.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMM)[.!?](?=\s|$)")
# Where a source's noun phrase stops: a circumstance, not the source.
SOURCE_STOP = re.compile(
    r"\s*(?:,|\bdans\b|\blors\b|\bdevant\b|\bà l['’]issue\b|\bà des\b|\bà la presse\b|\bsur\b|\ben marge\b|\bpeu avant\b|\bqui\b|\bs['’]exprimant\b|\bsous couvert\b|\ben ouvrant\b|\bau cours\b|\bselon lequel\b|\bselon laquelle\b|$)",
    re.I,
)
SOURCE_START = re.compile(r"(?:\b(?:le|la|les|l['’]|un|une|des|ce|cette|son|sa|ses|leur|M\.|Mme)\s*|(?=[A-ZÀ-Ý]))")
TIME_WORDS = re.compile(
    r"\A(?:\s*(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|encore|ainsi|également|aussi|alors|dimanche|sur Twitter|sur X|à la presse|à des journalistes|devant la presse|devant ses homologues|en conférence de presse)\b)+",
    re.I,
)


WINDOW = 1500


def paragraphs(body):
    for match in re.finditer(r"[^\n]+", body):
        yield match.start(), match.group()


def quote_spans(body):
    """(start, end) of every quotation's inside, by pairing marks within each paragraph."""
    spans = []
    for offset, text in paragraphs(body):
        marks = [i for i, char in enumerate(text) if char in _ALL_MARKS]
        index = 0
        while index < len(marks):
            opener = marks[index]
            if text[opener] not in OPENERS:
                index += 1
                continue
            closers = OPENERS[text[opener]]
            close_index = next((j for j in range(index + 1, len(marks)) if text[marks[j]] in closers or text[marks[j]] == "«" == text[opener]), None)
            if close_index is not None and text[marks[close_index]] == "«":
                close_index = None  # a new opening before any closing: the first mark is never closed
            if close_index is None:
                if _reads_like_quote(text[opener + 1:opener + 400]):
                    spans.append((offset + opener + 1, offset + len(text)))
                    break
                index += 1
                continue
            spans.append((offset + opener + 1, offset + marks[close_index]))
            index = close_index + 1
    return spans


def _reads_like_quote(text):
    """An unclosed mark opens a real quotation when a sentence follows, not a name ("« Etat islamique (EI), …")."""
    words = re.findall(r"\w+", text)
    name = re.match(r"\s*[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*[,(]", text)
    return len(words) >= 8 and not name


def _trimmed(body, start, end):
    while start < end and body[start] in " \u00a0\u202f":
        start += 1
    while end > start and body[end - 1] in " \u00a0\u202f.,;:":
        end -= 1
    return start, end


def _pieces(body, start, end):
    """Split a quotation at an incise: [(start, end, incise match or None)]."""
    pieces = []
    for incise in INCISE.finditer(body, start, end):
        pieces.append((start, incise.start(), incise))
        start = incise.end()
    pieces.append((start, end, None))
    return pieces


def _word_count(text):
    return len(re.findall(r"\w+", text))


def _name_forms(people):
    """(form, person name) pairs, longest form first: full names, aliases, and unambiguous surnames."""
    forms = []
    surnames = {}
    for person in people:
        for form in [person.name, *person.aliases]:
            forms.append((form, person.name))
        surname = person.name.split()[-1] if " " in person.name else None
        if surname:
            surnames.setdefault(surname, set()).add(person.name)
    forms += [(surname, next(iter(names))) for surname, names in surnames.items() if len(names) == 1]
    return sorted(forms, key=lambda pair: -len(pair[0]))


def _find_person(text, forms):
    """The person named first in `text`, with the match's start, or (None, None)."""
    best = (None, None)
    for form, name in forms:
        match = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)
        if match and (best[1] is None or match.start() < best[1]):
            best = (name, match.start())
    return best


CIRCUMSTANCE = re.compile(r"\A\s*(?:en marge d[eu]\s+(?:la\s+|l['’])?\w+|au cours d[eu]\s+(?:la\s+|l['’])?\w+|lors d['’]une?\s+\w+|à l['’]issue d[eu]\s+(?:la\s+|l['’])?\w+)\s+", re.I)


def _source_phrase(text):
    """The noun phrase that opens `text`, cut where a circumstance begins."""
    text = TIME_WORDS.sub("", text).strip()
    text = CIRCUMSTANCE.sub("", text)
    start = SOURCE_START.match(text)
    if not start:
        return None
    stop = SOURCE_STOP.search(text, start.end() + 1)
    phrase = text[: stop.start() if stop else len(text)].strip(" ,")
    return phrase if 1 <= _word_count(phrase) <= 14 else None


def _sentence_bounds(body, start, end):
    """The start of the sentence holding body[start] and the end of the one holding body[end]."""
    # Bounded windows: what names a source stands within a few sentences of the quotation.
    paragraph_start = max(body.rfind("\n", 0, start) + 1, start - WINDOW)
    paragraph_end = body.find("\n", end, end + WINDOW)
    paragraph_end = min(len(body), end + WINDOW) if paragraph_end == -1 else paragraph_end
    before = body[paragraph_start:start]
    ends = [m.end() for m in SENTENCE_END.finditer(_blank_quotes(before))]
    sentence_start = paragraph_start + (ends[-1] if ends else 0)
    after = _blank_quotes(body[end:paragraph_end])
    stop = SENTENCE_END.search(after)
    sentence_end = end + (stop.start() if stop else len(after))
    return paragraph_start, sentence_start, sentence_end


def _blank_quotes(text):
    """Hide what stands between quotation marks, so their full stops do not end the sentence."""
    return re.sub(r"[«“\"][^«»“”\"]*[»”\"]", lambda m: " " * len(m.group()), text)


class _Source:
    def __init__(self, speaker=None, attribution=None):
        self.speaker, self.attribution = speaker, attribution


def _attribute(body, start, end, forms, people, previous, incise):
    """The source of the quotation body[start:end]: a _Source, or None when the text does not say."""
    paragraph_start, sentence_start, sentence_end = _sentence_bounds(body, start, end)
    after = body[end:sentence_end]
    after_text = after.lstrip(_ALL_MARKS + " ,\u00a0")
    if after_text[:1].isupper():
        after_text = ""  # the quotation closed its sentence: what follows is another one
    if incise is not None:
        after_text = incise.group().strip(" ,")
    verb = VERB_AFTER.search(after_text[:200])
    if verb and not re.search(r"[«“\"]", after_text[: verb.start()]):
        if verb.group("pronoun") or verb.group("pronoun2"):
            return _previous_sentence_person(body, paragraph_start, sentence_start, start, forms) or previous
        clauses = CLAUSE_END.split(after_text[verb.end():], maxsplit=2)
        # "a affirmé le Premier ministre irakien, Haïder al-Abadi, venu …": the name in apposition.
        if len(clauses) > 1 and _find_person(clauses[0], forms)[0] is None:
            name, position = _find_person(clauses[1], forms)
            if name and not clauses[1][:position].strip():
                return _Source(name, _source_phrase(clauses[0]) or name)
        return _source_of(clauses[0], forms, people, start) or previous
    before = body[sentence_start:start]
    selon = None
    for selon in SELON.finditer(before):
        pass
    if selon is None:
        selon = SELON.search(after_text[:160])
    if selon is not None:
        source = selon.group("source")
        name, _ = _find_person(before[selon.start():] if selon.string is before else source, forms)
        return _Source(name, _source_phrase(source) or source.strip())
    subject = re.sub(r"[«“\"].*", "", before)
    verbs = list(VERB_AFTER.finditer(subject))
    if verbs:
        tail = subject[verbs[-1].end():]
        inverted = CLAUSE_END.split(tail, maxsplit=1)[0]
        # ", a annoncé vendredi le Pentagone, qui …": a subject after its verb, not an object before a colon.
        after_comma = re.search(r",\s*\Z", subject[: verbs[-1].start()])
        closes = tail[len(inverted):len(inverted) + 1]
        if after_comma and closes not in (":", "") and _word_count(inverted) and not re.match(r"\s*(?:que|qu['’]|:)", inverted):
            source = _source_of(inverted, forms, people, start)
            if source:
                return source
        clause = subject[: verbs[-1].start()]
        return _source_of(clause, forms, people, start) or _Source(None, _source_phrase(clause))
    if _word_count(before) >= 3:
        name, _ = _find_person(before, forms)
        return _Source(name, _source_phrase(before) or name)
    return _previous_sentence_person(body, paragraph_start, sentence_start, start, forms)


def _source_of(text, forms, people, before):
    """The source a phrase names: a person by name or by the role the article gave them, or who it describes."""
    name, _ = _find_person(text, forms)
    phrase = _source_phrase(text)
    if name is None and phrase:
        name = _person_by_role(phrase, people, before)
    if name or phrase:
        return _Source(name, phrase or name)
    return None


DETERMINERS = {"le", "la", "les", "l", "un", "une", "ce", "cette", "son", "sa", "ses"}


def _person_by_role(phrase, people, before):
    """The person named last before offset `before` whose role holds every word of `phrase`,
    when the phrase is a title ("le porte-parole" -> the spokesman introduced earlier)."""
    words = [w for w in re.findall(r"\w+", phrase.lower()) if w not in DETERMINERS]
    if not words or not TITLE_HEAD.match(" ".join(words)):
        return None
    holders = [p for p in people if p.role and p.start < before and set(words) <= set(re.findall(r"\w+", p.role.lower()))]
    if holders:
        return max(holders, key=lambda p: p.start).name
    # "le ministre français de la Défense": the one person of that country the article named.
    if words[0] in ANONYMOUS_HEADS:
        return None
    country = country_of(phrase)
    compatriots = [p for p in people if country and p.country == country]
    if len(compatriots) > 1:
        compatriots = [p for p in compatriots if p.role]  # a title points to someone the article gave an office
    return compatriots[0].name if len(compatriots) == 1 else None


def _previous_sentence_person(body, paragraph_start, sentence_start, start, forms):
    """When a quotation opens its sentence, the person the paragraph's previous sentence is about."""
    if body[sentence_start:start].strip(" «“\"\u00a0") or sentence_start <= paragraph_start:
        return None
    previous_text = _blank_quotes(body[paragraph_start:sentence_start])
    ends = [m.end() for m in SENTENCE_END.finditer(previous_text[:-1])]
    name, _ = _find_person(previous_text[ends[-1] if ends else 0:], forms)
    return _Source(name, name) if name else None


def extract_quotes(body, people, doc=None):
    """Return the Quote records of `body`; `speaker` names one of `people`."""
    forms = _name_forms(people)
    quotes = []
    seen = set()
    previous = None
    for span_start, span_end in quote_spans(body):
        pieces = _pieces(body, span_start, span_end)
        first_start = _trimmed(body, span_start, span_end)[0]
        # An incise inside the marks names the source of the whole quotation.
        source = _attribute(body, first_start, span_end, forms, people, previous, pieces[0][2])
        for start, end, incise in pieces:
            start, end = _trimmed(body, start, end)
            text = body[start:end]
            if _word_count(text) < 3 or text in seen:
                continue
            if len(pieces) == 1 and _word_count(text) < 6 and (source is None or not text[:1].isupper()):
                continue  # a scare quote or a quoted label, not a quotation
            seen.add(text)
            quotes.append(
                Quote(
                    text=text,
                    start=start,
                    end=end,
                    speaker=(source or previous).speaker if (source or previous) else None,
                    attribution=(source or previous).attribution if (source or previous) else None,
                )
            )
        previous = source or previous
    return quotes
