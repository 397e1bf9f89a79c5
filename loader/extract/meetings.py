"""Meetings: coalition gatherings an article announces, reports or mentions.

A meeting is told by a trigger (a noun such as "réunion", a verb such as "se sont réunis",
or "celle de jeudi" after a meeting noun) close to a locus: a city ("à Copenhague", "dans la
capitale britannique", "au siège de l'Otan"), a date ("mardi", "le 22 mars") or a remote
format ("par visioconférence"). Mentions of one meeting within an article are merged; each
meeting then takes its kind, participants and status from the words of its mentions.
"""
import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from ..dates import anchored_date, direction_near, find_dates, in_year_of, resolve_date, tense_markers
from ..lang.chars import CAPITAL, alternation, is_word_char
from ..lang.fold import fold
from ..lang.lexicon import patterns, table, words
from ..lang.grammar import TITLES
from ..lang.nationalities import NATIONALITIES
from ..lang.patterns import CaseBlind, every_start, matches_at
from ..lang.sentences import sentences as sentence_spans
from ..lang.vocabulary import determiners
from ..places import canonical_city, capital_country, country_code, country_name, find_places, lookup, name_at, venue
from ..records import MeetingMention

# A locus farther than this from every trigger of its sentence tells of no meeting; a date
# without a place must be closer still ("accueillir le 6 février", "se sont retrouvés jeudi").
MAX_WORDS_TO_TRIGGER = 12
MAX_WORDS_DATE_TO_TRIGGER = 4
# Anchors (a date, a place) at most this many words apart form one locus ("mardi à Rome").
MAX_WORDS_IN_LOCUS = 2
# How many sentences back a meeting named only as "la réunion" looks for its place.
CONTEXT_SENTENCES = 3
# How near a group must be named for "accueillir", "rassembler" to tell of a meeting.
GROUP_WINDOW = 12
# The sentences of an article's lead, where a story says where and when its meeting was.
LEAD_SENTENCES = 3
# How far after its subject noun a verb may come ("une conférence de presse s'est tenue").
SUBJECT_WORDS = 10
# How far after a verb of taking part its object may come ("participera jeudi à Rome à une réunion").
OBJECT_WORDS = 5
# How many sentences after a mention may say who came ("Sont attendus les chefs de la
# diplomatie [...]. 80 pays seront présents.").
ATTENDANCE_SENTENCES = 2
# A meeting's count of countries, members or ministers is small; a larger number counts something else.
MAX_PARTICIPANTS = 1000


def _on_whole_words(pattern):
    """The source of `pattern` on whole words."""
    return r"(?<![\w-])(?:" + pattern + r")(?![\w-])"


def _whole_words(pattern):
    """`pattern` matched on whole words, case ignored."""
    return CaseBlind(_on_whole_words(pattern))


def _words_regex(pattern):
    """`pattern` on whole words that no apostrophe joins to the word before ("d'experts" is no "experts")."""
    return CaseBlind(r"(?<![\w'’-])(?:" + pattern + r")(?![\w-])")


class _Rows:
    """The rows of a lexicon of patterns, each matched on whole words, case ignored, with a value.

    A row matches only where the alternation of them all (`any`) does: the text is searched once for
    it, and each row is tried only where it starts, not searched for along the whole text (Python's
    re tries every position of a text for each search)."""

    def __init__(self, rows, value):
        self.any = _whole_words("|".join(f"(?:{row['pattern']})" for row in rows))
        self.rows = [(re.compile(_on_whole_words(row["pattern"]), re.I), row[value]) for row in rows]

    def matches(self, text):
        """(match, value) of each row in `text`, row by row in order, each row's matches those of its finditer."""
        places = every_start(self.any, text)
        if not places:
            return []
        return [(match, value) for pattern, value in self.rows for match in matches_at(pattern, text, places)]


TRIGGERS = _Rows(table("meetings_triggers.csv"), "kind")
# One pass says whether a sentence holds any trigger at all (most do not), before each is tried.
ANY_TRIGGER = TRIGGERS.any
# Whole words that may follow an apostrophe: "le sommet de l'Union africaine", "une réunion de l'ONU".
EXCLUSIONS = _whole_words(alternation(words("meetings_exclusions.txt")))
OTHER_BODIES = _words_regex(alternation(words("meetings_other_bodies.txt")))
KIND_CUES = _Rows(table("meetings_kinds.csv"), "cue")
VIRTUAL = _words_regex(alternation(words("meetings_virtual.txt")))
PARTICIPANT_UNITS = {fold(row["unit"]) for row in table("meetings_participants.csv")}
SIZE_BEFORE = [re.compile(line[1:], re.I) for line in patterns("meetings_size_cues.txt") if line.startswith("<")]
SIZE_AFTER = [re.compile(line[1:], re.I) for line in patterns("meetings_size_cues.txt") if line.startswith(">")]
ATTENDANCE = _words_regex("|".join(patterns("meetings_attendance.txt")))
GROUP_WORDS = set(words("meetings_group_words.txt"))
NOT_GATHERING = set(words("meetings_not_gathering.txt"))
HOST_PATTERN = "|".join(patterns("meetings_hosts.txt"))
HOST_VERBS = _words_regex(HOST_PATTERN)
# A meeting noun after these words is a point in time: the day and place around it are another event's.
_ARTICLE = alternation(determiners(("definite", "indefinite", "demonstrative")))
REFERENCE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(patterns("meetings_reference_phrases.txt")) + rf")[ \u00a0]*(?:(?:{_ARTICLE})[ \u00a0]*)?$",
    re.I,
)
# "la réunion de Bruxelles", "celle de Djeddah": a city named by its meeting.
MEETING_OF_CITY = CaseBlind(
    r"(?:réunions?|rencontres?|conférences?|sommets?|celles?|celui)(?:[ \u00a0](?:ministérielles?|internationales?|plénières?))?"
    rf"[ \u00a0]+(?:de|d'|d’)[ \u00a0]*(?={CAPITAL})"
)
# The look-behind after the capital: a pattern that starts with one is tried at every character.
HOST_CITY = re.compile(
    rf"(?P<name>{CAPITAL}(?<![\w'’-].)[\w'’-]*(?: {CAPITAL}[\w'’-]*){{0,3}}) (?:qui )?(?:(?:va|vont|doit|devrait|a|avait) )?(?:{HOST_PATTERN})(?![\w-])"
)
# "dans la ville jordanienne d'Aqaba", "la station balnéaire de Charm el-Cheikh": a city named
# after the kind of place it is.
TOWN_OF = CaseBlind(
    r"(?<![\w-])(?:ville|cité|station(?: balnéaire)?|localité|commune|capitale)(?:[ \u00a0][a-zéèêëïîôûç-]+){0,2}"
    rf"[ \u00a0]+(?:de|d'|d’)[ \u00a0]*(?={CAPITAL})"
)
# "Il revient de Rome, où se tenait la réunion": a city named before "où" is where what follows happened.
CITY_WHERE = re.compile(rf"d(?<![\w'’-]d)(?:e|'|’|epuis)[ \u00a0]*(?={CAPITAL}[\w'’-]*(?:[ \u00a0-]{CAPITAL}[\w'’-]*){{0,2}},?[ \u00a0]+où(?![\w-]))")
# "abritée par Marrakech": a city named as the host after a passive host verb.
HOSTED_BY = re.compile(rf"(?<![\w'’-])(?:{HOST_PATTERN})[ \u00a0]+par[ \u00a0]+(?={CAPITAL})")
# A date right after these words dates something else ("depuis sa formation, en septembre").
# Not before a verb: "avant de participer mardi à une réunion", "après avoir rencontré lundi" date that verb.
REFERENCE_WORDS = re.compile(r"(?<![\w-])(?:depuis|après|avant|dès|jusqu)(?![\w-])(?![ \u00a0]*(?:de[ \u00a0]|d'|d’|avoir[ \u00a0]|être[ \u00a0]))", re.I)
# A country's name, up to three words from a capital: "Etats-Unis", "Arabie saoudite".
_COUNTRY = rf"(?P<name>{CAPITAL}[\w'’-]*(?:[ \u00a0][\w'’-]+){{0,2}})"
COUNTRY_NAME = re.compile(rf"(?<![\w-])(?i:{alternation(determiners(('definite',)))})[ \u00a0]*{_COUNTRY}")
# "en Jordanie", "au Canada": a country named as where something happens.
COUNTRY_LOCATIVE = re.compile(rf"(?<![\w'’-])(?:en|au|aux|En|Au|Aux)[ \u00a0]+{_COUNTRY}")
WAR_COUNTRIES = set(words("meetings_war_countries.txt"))
KIND_OF_LEVEL = {"defence": "defence", "other": "other", "political_directors": "political_directors"}
LEVEL_ORDER = ["defence", "other", "political_directors", "foreign"]
# Words that name a meeting itself, like a plural title ("une réunion ministérielle").
MEETING_ADJECTIVES = {"ministérielle", "ministérielles"}
_WORD = re.compile(r"\w+")
_LONG_WORD = re.compile(r"\w{3,}")  # a word of three letters or more: one that _word_count counts
CITY_WORD = re.compile(rf"(?<![\w-]){CAPITAL}[\w'’-]+")


def _window(records, low, high):
    """The records (sorted by start) that start within [low, high): a binary search, so that no
    sentence reads every place, date, figure or tense marker of a long article."""
    return records[bisect.bisect_left(records, low, key=_start) : bisect.bisect_left(records, high, key=_start)]


def _start(record):
    return record.start


def _has_marker(markers, low, high):
    """Whether a tense marker (a verb conjugated) starts within [low, high)."""
    index = bisect.bisect_left(markers, low, key=_start)
    return index < len(markers) and markers[index].start < high


def _city_key(city):
    """One key for a city however it is spelt ("Riyad", "Ryad", "la capitale saoudienne")."""
    return fold(canonical_city(city))


def _word_count(text):
    """Words of three letters or more: "de", "la", "l'" put no distance between things."""
    return sum(1 for word in _WORD.findall(text) if len(word) >= 3)


@dataclass
class _Locus:
    start: int
    end: int
    place: object = None  # places.Place
    date: object = None  # dates.DateExpression
    virtual: bool = False
    country: Optional[str] = None  # ISO code of a country named without its city


@dataclass
class _Mention:
    """One place in the text that tells of a meeting."""

    start: int
    end: int
    sentence: int  # index into the article's sentences
    segment: tuple  # the part of the sentence that speaks of this meeting
    place: object = None
    virtual: bool = False
    host: Optional[str] = None  # a host country's ISO code, when no city is named
    date: Optional[tuple] = None  # (iso, precision)
    direction: Optional[str] = None
    level: Optional[str] = None
    restricted: bool = False
    same_group: bool = False
    participants: Optional[int] = None
    anaphoric: bool = False  # no locus of its own: "la réunion", "cette rencontre"
    reference: bool = False  # a meeting as a point in time: "après celle de Madrid"
    recalled: bool = False  # an earlier or later meeting of a series: "après celle du Canada"
    present: bool = False  # told by a meeting verb in the present: "se réunissent"
    weak: bool = False  # no trigger: "Soixante pays ont affirmé mercredi à Bruxelles ..."
    today: bool = False  # dated as the day of the story: "ce mercredi", "aujourd'hui"
    until: Optional[str] = None  # the last day of a meeting of several days ("les 1er et 2 mars")
    hour: bool = False  # its sentence gives an hour of the day ("à 15 heures")


@dataclass
class _Meeting:
    mentions: list = field(default_factory=list)

    @property
    def located(self):
        return [m for m in self.mentions if not m.anaphoric and not m.weak] or self.mentions

    def first(self, attribute):
        """The value the strongest mention gives: its own locus, then "la réunion", then a
        sentence that names its place and day without naming a meeting."""
        ranked = sorted(self.mentions, key=lambda m: (m.weak, m.anaphoric))
        return next((getattr(m, attribute) for m in ranked if getattr(m, attribute)), None)

    @property
    def level(self):
        """Who met: its own mentions' words, then a sentence that names its place and who was
        there ("ont invité à Bruxelles les ministres de la Défense"), then "la réunion"."""
        ranked = sorted(self.mentions, key=lambda m: (m.anaphoric, m.weak))
        return next((m.level for m in ranked if m.level), None)

    @property
    def place(self):
        return self.first("place")

    @property
    def virtual(self):
        return any(m.virtual for m in self.mentions) and self.place is None

    @property
    def date(self):
        # The most precise; of days, the first (a meeting of several days is dated by its first).
        dates = [m.date for m in self.mentions if m.date]
        return min(dates, key=_date_rank) if dates else None

    @property
    def host(self):
        return self.first("host")

    @property
    def directions(self):
        return {m.direction for m in self.located}

    @property
    def own_level(self):
        """The level its own mentions give: "la réunion" in a sentence about someone is weaker."""
        return next((m.level for m in self.located if m.level), None)

    @property
    def sentences(self):
        """The sentences of its own mentions, in order."""
        return sorted(m.sentence for m in self.located)


def _date_rank(date):
    return (-len(date[0]), date[0])


class _Gathering(_Meeting):
    """A meeting while its mentions are merged: what it says is updated as each mention is added,
    not read again from all of them, so that a meeting told a thousand times costs no more than
    its mentions. Its answers are those of _Meeting for the same mentions."""

    def __init__(self, mention):
        super().__init__([])
        self._located, self._best, self._date, self._virtual = [], {}, None, False
        self._directions = {True: set(), False: set()}  # located or not -> directions
        self._levels = {True: None, False: None}  # located or not -> first level
        self._sentences = {True: [], False: []}
        self.add(mention)

    def add(self, mention):
        own = not mention.anaphoric and not mention.weak
        rank = (mention.weak, mention.anaphoric)
        self.mentions.append(mention)
        if own:
            self._located.append(mention)
        for attribute in ("place", "host"):
            value = getattr(mention, attribute)
            if value and (attribute not in self._best or rank < self._best[attribute][0]):
                self._best[attribute] = (rank, value)
        if mention.date and (self._date is None or _date_rank(mention.date) < _date_rank(self._date)):
            self._date = mention.date
        self._virtual = self._virtual or mention.virtual
        for key in {own, False}:
            self._directions[key].add(mention.direction)
            if self._levels[key] is None:
                self._levels[key] = mention.level
            bisect.insort(self._sentences[key], mention.sentence)

    def meeting(self):
        """The plain meeting, to be read (and its mentions changed) from here on."""
        return _Meeting(self.mentions)

    @property
    def located(self):
        return self._located or self.mentions

    def first(self, attribute):
        if attribute in ("place", "host"):
            return self._best.get(attribute, (None, None))[1]
        return super().first(attribute)

    @property
    def virtual(self):
        return self._virtual and self.place is None

    @property
    def date(self):
        return self._date

    @property
    def directions(self):
        return self._directions[bool(self._located)]

    @property
    def own_level(self):
        return self._levels[bool(self._located)]

    @property
    def sentences(self):
        return self._sentences[bool(self._located)]


# --- Finding the pieces ---------------------------------------------------------------------


# A day or a place right after a participle of birth, a few words at most between.
AFTER_CREATION = re.compile(
    r"(?<![\w-])(?:" + alternation(words("meetings_creation_words.txt")) + r")(?:[ \u00a0]+[\w'’]+){0,4}[ \u00a0]*\Z", re.I
)
CREATION_REACH = 40  # characters before a day or a place where its participle may stand
COALITION_NAMED = re.compile(r"(?<![\w-])coalition(?![\w-])", re.I)
# How far after "discussions" the coalition must be named for the talks to be its meeting.
GROUP_NOUN_REACH = 120
# "Elle aura lieu le 6 février": only an event takes place, here the meeting just told.
EVENT_PRONOUN = re.compile(r"\s*(?:Elle|Celle-ci|Celui-ci|Il)[ \u00a0]+")
EVENT_REACH = 300  # characters back to the meeting such a pronoun stands for


def _event_pronoun(body, low, start):
    """Whether a pronoun right before the verb stands for a meeting named just before."""
    if not EVENT_PRONOUN.fullmatch(body, low, start):
        return False
    return any(MEETING_NOUNS.fullmatch(word) for word in _WORD.findall(body[max(0, low - EVENT_REACH) : low]))


def _between_the_coalitions(phrase):
    """Whether the only exclusion of a meeting's name is "entre" and what follows names the coalition."""
    found = {match.group().lower() for match in EXCLUSIONS.finditer(phrase)}
    return found == {"entre"} and bool(COALITION_NAMED.search(phrase))


def _near_group(body, sentence, start, end):
    """Whether a group or a meeting is named within a few words of body[start:end]."""
    before = [w for w in _WORD.findall(body[sentence[0] : start]) if len(w) >= 3][-GROUP_WINDOW:]
    after = [w for w in _WORD.findall(body[end : sentence[1]]) if len(w) >= 3][:GROUP_WINDOW]
    return any(word.lower() in GROUP_WORDS for word in before + after)


def _finds_itself(body, end):
    """"se sont retrouvés encerclés": to find oneself somewhere, not to meet."""
    following = _WORD.search(body, end)
    if not following or body[end : following.start()].strip(" \u00a0"):
        return False
    word = following.group().lower()
    return word in NOT_GATHERING or word.endswith(("é", "ée", "és", "ées"))


# link_meetings reads the triggers and places of the sentences extract_meetings has read.
@functools.lru_cache(maxsize=512)
def _triggers(body, sentence):
    """(start, end, kind, excluded) of every trigger of one sentence; kind is noun, verb, pronoun
    or reference (a meeting noun as a point in time: "à la veille de la réunion")."""
    low, high = sentence
    if not ANY_TRIGGER.search(body, low, high):
        return []
    text = body[low:high]
    found = []
    for match, kind in TRIGGERS.matches(text):
        start, end = low + match.start(), low + match.end()
        if any(s < end and start < e for s, e, *_ in found):
            continue
        if kind == "pronoun" and not any(k == "noun" and e <= start for s, e, k, _ in found):
            # "celle" names a meeting only after a meeting noun, or as a point in time
            # before the noun it stands for: "deux semaines après celle de Madrid, la réunion".
            if not REFERENCE_BEFORE.search(body, max(low, start - 40), start) or _stands_for_other(body, low, start):
                continue
            kind = "reference"
        if kind == "group_verb" and not (_near_group(body, sentence, start, end) or _event_pronoun(body, low, start)):
            continue
        excluded = (kind == "group_verb" and bool(ONE_GUEST.match(body, end, high))) or (
            kind in ("verb", "group_verb", "event") and _denied(body, low, start, end)
        )
        if kind == "group_noun":
            # "des discussions [...] entre les ministres de la coalition": talks are a meeting
            # only between the coalition's people.
            if not COALITION_NAMED.search(body, end, min(high, end + GROUP_NOUN_REACH)):
                continue
            kind = "noun"
        if kind == "event" and not any(
            k == "noun" and e <= start and _word_count(body[e:start]) <= SUBJECT_WORDS for _, e, k, _ in found
        ):
            continue  # "a débuté" tells of a meeting only after a meeting noun, its subject
        if kind != "noun" and "retrouv" in match.group().lower() and _finds_itself(body, end):
            continue
        if kind == "noun":
            # The name that follows the noun: "conférence des donateurs pour la Syrie".
            phrase = re.match(r"[^,.;:()«»\"]{0,60}", body[end:high]).group()
            # "une rencontre mercredi à Amman avec le secrétaire d'Etat": one person met, a visit.
            bilateral = _with_one_side(re.split(r"(?<![\w'’-])(?:qui|que|a|ont|est|sont|s'est|s’est)(?![\w-])", phrase)[0])
            elsewhere = _about_another_country(phrase)
            phrase = re.split(r"(?<![\w'’-])(?:à|au|dans|qui|que|a|ont|est|sont)(?![\w-])", phrase)[0]
            excluded = bool(EXCLUSIONS.search(body[start:end] + phrase)) or bool(bilateral) or elsewhere
            if excluded and not bilateral and _between_the_coalitions(body[start:end] + phrase):
                excluded = False  # "entre les ministres de la coalition" is no bilateral meeting
            if REFERENCE_BEFORE.search(body, max(low, start - 40), start):
                kind = "reference"
        found.append((start, end, "verb" if kind == "group_verb" else kind, excluded))
    found.sort()
    # A verb whose subject is a gathering left out is left out too ("une conférence de presse s'est tenue"),
    # and so is a verb of taking part whose object is ("participera à une réunion entre les Etats-Unis et le CCG").
    for position, (start, end, kind, excluded) in enumerate(found):
        if kind in ("verb", "event") and not excluded:
            nouns = [
                t for t in found[:position]
                if t[2] in ("noun", "reference") and _word_count(body[t[1] : start]) <= SUBJECT_WORDS and not _in_margins(body, low, t)
            ]
            objects = [t for t in found[position + 1 :] if t[2] == "noun" and _word_count(body[end : t[0]]) <= OBJECT_WORDS]
            if (nouns and nouns[-1][3]) or ("particip" in body[start:end].lower() and objects and objects[0][3]):
                found[position] = (start, end, kind, True)
    return found


# "ne se réuniront pas cette année", "ne se sont plus réunis": a verb denied tells of no meeting.
NEGATED_BEFORE = re.compile(r"(?<![\w'’-])(?:ne|n'|n’)[ \u00a0]*(?:(?:[\w'’]+[ \u00a0]+){0,2}(?:pas|plus|jamais)[ \u00a0]+|(?:y|en|leur|lui)[ \u00a0]+)?$", re.I)
DENIAL_AFTER = re.compile(r"[ \u00a0]+(?:pas|plus|jamais)(?![\w-])", re.I)


def _denied(body, low, start, end):
    """Whether the verb at body[start:end] is denied: "ne ... pas" around it, or before it."""
    before = NEGATED_BEFORE.search(body, max(low, start - 30), start)
    return bool(before) and (before.group().lower().rstrip().endswith(("pas", "plus", "jamais")) or bool(DENIAL_AFTER.match(body, end)))


# "accueillera mardi à Paris le Premier ministre irakien", "a retrouvé son homologue": a verb that
# gathers people, its object one person of title or name in the same clause, tells of a visit.
_ONE = alternation(determiners(("definite", "possessive", "demonstrative"), number="singular"))
ONE_GUEST = re.compile(
    rf"[^,.;:()«»\"]*?(?<![\w'’-])(?:(?i:{_ONE})[ \u00a0]*(?:(?i:nouveau|nouvelle)[ \u00a0]+)?(?i:{alternation(TITLES)})(?![\w-])|(?:M\.|Mme)[ \u00a0]+{CAPITAL})"
)
# "la conférence sur la Libye", "une réunion consacrée au Yémen": a gathering about another
# country than those the coalition fights in is another forum's.
ABOUT_COUNTRY = re.compile(
    rf"[ \u00a0]*(?:[\w-]+[ \u00a0]+)?(?:sur|consacrée?s?[ \u00a0]+(?:à|au|aux))[ \u00a0]+(?:(?:la|le|les|l'|l’)[ \u00a0]*)?"
    rf"(?P<name>{CAPITAL}[\w'’-]*(?:[ \u00a0][\w'’-]+){{0,2}})"
)


def _about_another_country(phrase):
    match = ABOUT_COUNTRY.match(phrase)
    if not match:
        return False
    code, _ = _leading_country(match.group("name"))
    return code is not None and country_name(code) not in WAR_COUNTRIES


# A meeting with one person ("avec le Premier ministre", "avec son homologue") is a visit.
BILATERAL = re.compile(r"(?<![\w'’-])avec[ \u00a0]+(?:le|la|son|sa|M\.|Mme)[ \u00a0]+(?!participa|présen|soutien|concours|appui)", re.I)
# A dispatch's dateline ("ROME, 14 février (Xinhua) --", "Paris, le 3 mars 2016 (AFP) -"): the day
# it was filed, not a meeting's.
DATELINE = re.compile(
    rf"^[ \t]*{CAPITAL}[\w'’. -]{{1,40}},[ \u00a0]+(?:le[ \u00a0]+)?\d{{1,2}}(?:er)?[ \u00a0]+\w+(?:[ \u00a0]+\d{{4}})?[ \u00a0]*"
    r"\([\w .-]{1,30}\)[ \u00a0]*(?:-{1,2}|–|—)",
    re.M,
)
# "avec les dirigeants irakiens", "avec les autorités turques": one country's people, a visit.
ONE_COUNTRY = re.compile(
    r"(?<![\w'’-])avec[ \u00a0]+(?:les|des|ses|leurs)[ \u00a0]+(?:dirigeants|autorités|responsables|officiels|représentants|interlocuteurs)"
    r"[ \u00a0]+(?P<adjective>\w+)",
    re.I,
)


def _with_one_side(phrase):
    """Whether a meeting noun's complement makes it a visit: one person met, or one country's.
    A meeting named the coalition's first is none ("une réunion de la coalition avec le ministre
    saoudien" is co-chaired, not a visit)."""
    one = BILATERAL.search(phrase)
    if one:
        return "coalition" not in phrase[: one.start()].lower()
    match = ONE_COUNTRY.search(phrase)
    return bool(match) and NATIONALITIES.get(match.group("adjective").lower()) is not None


# A noun after a feminine determiner: "sa deuxième visite", "une tournée".
FEMININE_NOUN = re.compile(r"(?<![\w'’-])(?:la|une|sa|cette|leur|notre|votre)[ \u00a0]+(?:\w+[ \u00a0]+)?(?P<noun>\w+)", re.I)
MEETING_NOUNS = re.compile(r"réunions?|rencontres?|conférences?|sessions?|plénières?|ministérielles?|concertations?|visioconférences?", re.I)


def _stands_for_other(body, low, start):
    """"sa deuxième visite dans le royaume après celle d'août 2016": "celle" stands for the
    last feminine noun before it, here no meeting."""
    nouns = [match.group("noun") for match in FEMININE_NOUN.finditer(body, low, start)]
    return bool(nouns) and not MEETING_NOUNS.fullmatch(nouns[-1])


# Read once for extract_meetings and link_meetings.
_article_places = functools.lru_cache(maxsize=4)(find_places)
_article_sentences = functools.lru_cache(maxsize=4)(sentence_spans)
# "celles de Londres, Washington, Rome et de Marrakech": the next city of a list of meetings' cities.
NEXT_CITY = re.compile(rf"(?:,[ \u00a0]*|[ \u00a0]+(?:et|ou)[ \u00a0]+)(?:(?:de|d'|d’)[ \u00a0]*)?(?={CAPITAL})")
MOST_LISTED = 12  # cities of one list read, at most: a longer run is no list of meetings


def _enumerated(body, start):
    """Where each city of a list that begins at `start` begins, up to the last joined by "et" or
    "ou" ("de Stockholm, Hassan al-Jafaari va défendre": a name after a comma ends no list)."""
    starts, listed = [], 1
    while len(starts) < MOST_LISTED:
        place, end = name_at(body, start)
        if place is None:
            break
        starts.append(start)
        following = NEXT_CITY.match(body, end)
        if not following:
            break
        if following.group().split()[:1] in (["et"], ["ou"]):
            listed = len(starts) + 1
        start = following.end()
    return starts[:listed] or [start]


def _places(body):
    """Places named as where something happens, plus cities named by their meeting ("la
    réunion de Bruxelles") or as its host ("Marrakech accueille ce mercredi la réunion")."""
    mentions = list(_article_places(body))
    starts = [match.end() for pattern in (HOSTED_BY, CITY_WHERE) for match in pattern.finditer(body)]
    starts += [start for match in MEETING_OF_CITY.finditer(body) for start in _enumerated(body, match.end())]
    starts += [
        match.start("name")
        for match in HOST_CITY.finditer(body)
        if not re.search(r"(?:[Ll]es?|[Ll]a|[Ll]'|[Ll]’) ?$", body[max(0, match.start("name") - 4): match.start("name")])
    ]
    towns = {match.end() for match in TOWN_OF.finditer(body)}
    starts += towns
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for start in starts:
        place, end = name_at(body, start)
        if place is None and start in towns:
            word = re.match(r"[\w-]+", body[start:])
            place, end = venue(word.group()), start + word.end()
        if place and start not in covered:
            mentions.append(_PlaceAt(place, start, end))
            covered.update(range(start, end))
    return sorted((m for m in mentions if not _is_battlefield(m.place)), key=lambda m: m.start)


def _is_battlefield(place):
    """"discuter de l'offensive à Mossoul": a city of the countries at war, but their capital,
    is where the war is fought, not where the coalition meets."""
    if not place.city or place.country not in WAR_COUNTRIES:
        return False
    return capital_country(place.city) != place.country


@dataclass(frozen=True)
class _PlaceAt:
    place: object
    start: int
    end: int


def _is_reference_date(body, sentence_start, date, triggers, places=()):
    """A date after "depuis", "après"... dates something else, unless a meeting or a place
    comes between ("après une réunion au Canada fin juillet" dates that meeting)."""
    if REFERENCE_WORDS.match(date.text):
        return True
    before = body[max(sentence_start, date.start - 40) : date.start]
    words = list(REFERENCE_WORDS.finditer(before))
    if not words:
        return False
    offset = date.start - len(before)
    last = offset + words[-1].end()
    # "accueille depuis ce matin la réunion", "se réunissent depuis hier": since when the meeting
    # under way began.
    since = words[-1].group().lower() == "depuis" and any(
        kind in ("verb", "event") and end <= offset + words[-1].start() and not body[end : offset + words[-1].start()].strip()
        for _, end, kind, _ in triggers
    )
    return not since and not any(last <= start < date.start for start in [t[0] for t in triggers] + list(places))


def _is_speech_date(body, date, triggers):
    """"a annoncé vendredi le Pentagone": the day of a statement, not of a meeting, unless the
    statement was made at the meeting ("Interrogé mardi en marge de la réunion")."""
    if _at_meeting(body, date, triggers):
        return False
    before = body[max(0, date.start - 30) : date.start]
    # The word before the day, "depuis" aside: "accueille depuis ce matin" is the meeting's verb.
    match = re.search(r"(\w+)[ ,]*(?:depuis[ \u00a0]+)?$", before)
    if not match:
        return False
    # Right after a meeting's own verb ("aura lieu le 14 novembre"), the date is the meeting's.
    word_end = date.start - len(before) + match.end(1)
    if any(end == word_end and kind in ("verb", "event") for _, end, kind, _ in triggers):
        return False
    word = match.group(1).lower()
    if any(pattern.fullmatch(word) for pattern, kind in TRIGGERS.rows if kind == "verb") or HOST_VERBS.fullmatch(word):
        return False  # "aura lieu", "organisé, en juin 2018, la réunion": the meeting's own verbs
    return bool(re.search(r"(?:é|i|u|is|it)$", word)) and len(word) > 3


# What places a statement inside a meeting: "lors de", "en marge de", "à l'ouverture de", "devant".
DURING = re.compile(
    r"(?<![\w-])(?:(?:lors|au cours|à l'ouverture|à l’ouverture|à l'issue|à l’issue|à la clôture|à l'occasion|à l’occasion|en marge|au terme)"
    r"[ \u00a0]+(?:d[eu]|des|d'|d’)|pendant|durant|en ouvrant|en clôturant|devant)(?![\w-])",
    re.I,
)
MARGINS = re.compile(r"(?<![\w-])en marge[ \u00a0]+(?:d[eu]|des|d'|d’)", re.I)
# "formalisée lors de la conférence de Paris [...], réunit ce jeudi": a meeting noun after "lors
# de" is a point in time of its clause, not the subject of the verb that follows.
_NOUN_FOLLOWS = r"[ \u00a0]*(?:(?:la|les|une|un|cette|ce)[ \u00a0]+|l'|l’)?(?:\w+[ \u00a0]+)?$"  # its determiner, an adjective
AFTER_DURING = re.compile(DURING.pattern + _NOUN_FOLLOWS, re.I)
# "En marge du sommet de l'Otan à Bruxelles, les ministres de la coalition se sont réunis": the
# other body's gathering is where the coalition met, not the subject of its verb.
IN_MARGINS_OF = re.compile(MARGINS.pattern + _NOUN_FOLLOWS, re.I)
# How many words a statement's day may stand from the meeting it was made at.
DURING_WORDS = 6


def _in_margins(body, low, trigger):
    """Whether a meeting noun follows "en marge de": "en marge du sommet de l'Otan"."""
    return bool(IN_MARGINS_OF.search(body, max(low, trigger[0] - 30), trigger[0]))


def _at_meeting(body, date, triggers):
    """Whether a day is followed, within a few words, by "lors de la réunion", "en marge de la
    réunion", "devant les ministres réunis": the statement, and so the day, is the meeting's."""
    for start, _, kind, excluded in triggers:
        if start < date.end:
            continue
        gap = body[date.end : start]
        if _word_count(gap) > DURING_WORDS:
            return False  # the triggers are in order: the next ones are farther still
        if not excluded and kind in ("noun", "reference", "verb", "group_verb") and DURING.search(gap):
            return True
    return False


def _of_creation(body, start):
    """"formée il y a un an", "lancée en 2014 à Djeddah": the day and place of the coalition's birth."""
    return bool(AFTER_CREATION.search(body[max(0, start - CREATION_REACH) : start]))


def _loci(body, sentence, places, dates, triggers, markers):
    low, high = sentence
    anchors = []
    for place in _window(places, low, high):
        if not _of_creation(body, place.start):
            anchors.append(_Locus(place.start, place.end, place=place.place))
    covered = [(a.start, a.end) for a in anchors]
    for start, end, code in _countries(body, low, high):
        if not any(s <= start < e for s, e in covered):
            anchors.append(_Locus(start, end, country=code))
    located = [anchor.start for anchor in anchors]
    for date in _window(dates, low, high):
        if not _is_reference_date(body, low, date, triggers, located) and not _of_creation(body, date.start):
            anchors.append(_Locus(date.start, date.end, date=date))
    for match in VIRTUAL.finditer(body, low, high):
        anchors.append(_Locus(match.start(), match.end(), virtual=True))
    anchors.sort(key=lambda anchor: anchor.start)
    loci = []
    for anchor in anchors:
        previous = loci[-1] if loci else None
        gap = body[previous.end : anchor.start] if previous else ""
        joinable = (
            previous is not None
            and _word_count(gap) <= MAX_WORDS_IN_LOCUS
            and not re.search(r"(?<![\w-])(?:et|puis|ou|mais)(?![\w-])", gap)
            and not (anchor.place and previous.place and _city_key(anchor.place.city) != _city_key(previous.place.city))
            and not (anchor.date and previous.date and gap.strip() != ",")
            and not ((anchor.country or anchor.place) and (previous.country or previous.place))
            and not _has_marker(markers, previous.end, anchor.start)
            # "la conférence de Paris [...], réunit ce jeudi": a meeting's verb between them parts them.
            and not any(previous.end <= t[0] < anchor.start and t[2] in ("verb", "event") for t in triggers)
        )
        if joinable:
            previous.end = max(previous.end, anchor.end)
            previous.place = previous.place or anchor.place
            previous.date = _plainer(previous.date, anchor.date)
            previous.virtual = previous.virtual or anchor.virtual
            previous.country = previous.country or anchor.country
        else:
            loci.append(_Locus(anchor.start, anchor.end, anchor.place, anchor.date, anchor.virtual, anchor.country))
    # A country is where a meeting was only with its day: "jeudi en Jordanie", "au Canada fin
    # juillet"; alone, "en Syrie" is more often the war than the meeting.
    loci = [locus for locus in loci if not (locus.country and not locus.date)]
    # A date alone is a meeting's date only if it is not the day of a statement.
    return [locus for locus in loci if locus.place or locus.virtual or not _is_speech_date(body, locus.date, triggers)]


def _plainer(date, other):
    """Of two dates side by side ("hier, jeudi 2 décembre 2021"), the one that says more."""
    if date is None or other is None:
        return date or other
    return max((date, other), key=lambda d: (d.year is not None, d.month is not None, d.day is not None))


def _countries(body, low, high):
    """(start, end, ISO code) of the countries named after "en", "au", "aux" in body[low:high]."""
    found = []
    for match in COUNTRY_LOCATIVE.finditer(body, low, high):
        code, name = _leading_country(match.group("name"), ".,;:")
        if code:
            found.append((match.start(), match.start("name") + len(name), code))
    return found


def _leading_country(text, stops=""):
    """(ISO code, name) of the longest run of `text`'s first words that names a country ("Arabie
    saoudite" of "Arabie saoudite accueille"), `stops` stripped from its end; (None, None)."""
    words = text.split()
    for count in range(len(words), 0, -1):
        name = " ".join(words[:count]).rstrip(stops)
        code = country_code(name)
        if code:
            return code, name
    return None, None


# Spans this near (in characters) have the words between them counted where they are: most pairs
# are, and most articles then need no index of their words.
NEAR_GAP = 200


def _distance(body, a, b):
    """Words between two spans (of three letters or more, as _word_count counts them)."""
    (s1, e1), (s2, e2) = sorted([a, b])
    if s2 <= e1:
        return 0
    if s2 - e1 <= NEAR_GAP:
        # A word that either end of the gap cuts is not between the spans.
        cut_before = e1 > 0 and is_word_char(body[e1 - 1])
        cut_after = s2 < len(body) and is_word_char(body[s2])
        return sum(1 for word in _LONG_WORD.finditer(body, e1, s2) if not (cut_before and word.start() == e1) and not (cut_after and word.end() == s2))
    starts, ends = _word_index(body)
    return max(0, bisect.bisect_right(ends, s2) - bisect.bisect_left(starts, e1))


@functools.lru_cache(maxsize=4)
def _word_index(body):
    """(starts, ends) of the words of three letters or more of `body`: the words between two
    places are then counted by binary search, not read again for every pair."""
    words = [match.span() for match in _LONG_WORD.finditer(body)]
    return [start for start, _ in words], [end for _, end in words]


def _host_country(body, segment):
    """The country a segment makes the host ("Les Etats-Unis vont accueillir ...")."""
    low, high = segment
    for match in COUNTRY_NAME.finditer(body, low, high):
        code, name = _leading_country(match.group("name"))
        if code and HOST_VERBS.search(body[match.start("name") + len(name) : high][:40]):
            return code
    return None


def _group_level(text):
    """The level of who met when `text` names them in the plural ("Les ministres de la Défense")."""
    found = {cue for match, cue in KIND_CUES.matches(text) if match.group().split()[0].lower().endswith("s")}
    return next((level for level in LEVEL_ORDER if level in found), None)


def _following_level(body, sentences, meeting, meetings):
    """"Les ministres de la Défense des sept pays [...] ont établi ...": the sentence after a
    meeting's mention says who met, unless it tells of another meeting."""
    for following in sorted({m.sentence + 1 for m in meeting.located}):
        if following < len(sentences) and not _told_of_others(meeting, meetings, following):
            level = _group_level(body[sentences[following][0] : sentences[following][1]])
            if level:
                return level
    return None


def _following_restricted(body, sentences, meeting, meetings):
    """Whether the sentence after a meeting's mention calls who met a restricted group."""
    for following in sorted({m.sentence + 1 for m in meeting.located}):
        if following < len(sentences) and not _told_of_others(meeting, meetings, following):
            if _cues(body[sentences[following][0] : sentences[following][1]])[1]:
                return True
    return False


@functools.lru_cache(maxsize=1024)  # a sentence is read for its level by several rules
def _cues(text):
    """(level, restricted, same_group) that the words of `text` give a meeting.

    Who met in the plural ("les ministres de la Défense", "une réunion ministérielle") says
    the level; one person's title ("le ministre danois de la Défense") says it only when no
    other title contradicts it.
    """
    matches = KIND_CUES.matches(text)
    if not matches:
        return None, False, False
    group, single, found, ministerial = set(), set(), set(), False
    for match, cue in matches:
        # A title inside a longer one is the longer one's ("secrétaire d'Etat" of "secrétaire d'Etat à la Défense").
        if any(other.start() <= match.start() and match.end() <= other.end() and other.span() != match.span() for other, _ in matches):
            continue
        found.add(cue)
        words = match.group().lower().split()
        ministerial = ministerial or words[0] in MEETING_ADJECTIVES
        plural = words[0].endswith("s") or words[0] in MEETING_ADJECTIVES
        (group if plural else single).add(cue)
    if ministerial and "defence" not in group:
        # "La réunion ministérielle [...] a salué le groupe de travail": the meeting names its own
        # level; a working group or officials it speaks of do not change it.
        group -= {"other", "political_directors"}
    levels = [level for level in LEVEL_ORDER if level in group] or [level for level in LEVEL_ORDER if level in single]
    if not (group & set(LEVEL_ORDER)) and len(levels) > 1:
        levels = []
    return (levels[0] if levels else None), "restricted" in found, "same_group" in found


def _unit_word(figure):
    first = fold(figure.unit).split()[0] if figure.unit and figure.unit.split() else ""
    return re.sub(r"s$", "", first)


def _is_participant_figure(figure):
    units = {re.sub(r"s$", "", unit) for unit in PARTICIPANT_UNITS}
    return _unit_word(figure) in units


def _is_size(body, figure, sentence):
    low, high = sentence
    before = body[low : figure.start]
    after = body[figure.end : high]
    return any(p.search(before) for p in SIZE_BEFORE) or any(p.search(after) for p in SIZE_AFTER)


OTHERS = re.compile(r"(?<![\w-])autres(?![\w-])", re.I)


def _participants(body, figures, segment, sentence):
    low, high = segment
    for figure in _window(figures, low, high):
        if (
            _is_participant_figure(figure)
            and 1 <= figure.value <= MAX_PARTICIPANTS
            and not _is_size(body, figure, sentence)
            # "Onze autres ministres y participaient": besides those named, not all who came.
            and not OTHERS.search(body, figure.start, figure.end)
        ):
            return int(figure.value)
    return None


# --- Putting an article's meetings together -------------------------------------------------


@dataclass
class _Article:
    """What every sentence of one article is read against."""

    body: str
    published: Optional[str]
    figures: list
    places: list
    dates: list
    markers: list


def _locus_date(article, locus, sentence):
    """(direction, (iso, precision) or None) of a locus's date, its tense read in its sentence."""
    direction = direction_near(article.body, article.markers, locus.date.start, locus.date.end, *sentence)
    iso, precision = resolve_date(locus.date, article.published, direction)
    return direction, ((iso, precision) if iso else None)


def _weak_mentions(article, index, sentence, loci):
    """A sentence without a trigger that names a place and a day ("Soixante pays ont affirmé
    mercredi à Bruxelles ..."): it may complete a meeting told elsewhere, never make one."""
    mentions = []
    for locus in loci:
        if locus.place and locus.date is not None and not locus.date.same_day:
            mention = _Mention(start=locus.start, end=locus.end, sentence=index, segment=sentence, place=locus.place, weak=True)
            mention.direction, mention.date = _locus_date(article, locus, sentence)
            mention.level, mention.restricted, mention.same_group = _cues(article.body[sentence[0] : sentence[1]])
            mention.participants = _participants(article.body, article.figures, sentence, sentence)
            mentions.append(mention)
    return mentions


def _claim(article, triggers, loci):
    """Give each locus to its nearest trigger, when near enough: (claimed pairs, free loci)."""
    body = article.body
    claimed, free = [], []
    for locus in loci:
        # A meeting named as a point in time ("à la veille de la réunion") has only the locus
        # of its own complement ("de la réunion de Paris").
        candidates = [t for t in triggers if t[2] != "reference" or (locus.start >= t[1] and _distance(body, (t[0], t[1]), (locus.start, locus.end)) <= MAX_WORDS_IN_LOCUS)]
        if not candidates:
            free.append(locus)
            continue
        nearest = _nearest(body, candidates, locus)
        if nearest[3] and ((locus.end <= nearest[0] and MARGINS.search(body, locus.end, nearest[0])) or _in_margins(body, 0, nearest)):
            # "réunis le 29 juin à Bruxelles en marge d'une réunion de l'Otan", "En marge du sommet de
            # l'Otan à Bruxelles, les ministres [...] se sont réunis": a meeting held in the margins
            # of another body's is the one its verb tells of.
            others = [t for t in candidates if not t[3]]
            nearest = _nearest(body, others, locus) if others else nearest
        located = locus.place or locus.virtual or _fronted(article, locus, nearest)
        reach = MAX_WORDS_TO_TRIGGER if located else MAX_WORDS_DATE_TO_TRIGGER
        low, high = sorted([nearest[1], locus.start])
        # "a débuté à Washington, alors que l'armée a bombardé ... à Tabqa": past another city
        # and another verb, a city is no longer the meeting's.
        blocked = _has_marker(article.markers, low, high) and any(
            other.place and low <= other.start < high for other in _window(loci, low, high) if other is not locus
        )
        blocked = blocked or _other_clause(article, nearest, locus) or _excluded_between(triggers, nearest, locus)
        if _distance(body, (nearest[0], nearest[1]), (locus.start, locus.end)) <= reach and not blocked:
            claimed.append((nearest, locus))
        else:
            free.append(locus)
    claimed = _combine(body, claimed)
    undated = [pair for pair in claimed if not pair[1].date and not pair[0][3]]
    # Only a day: "en septembre" far from the verb dates something else more often than not.
    days_left = [
        locus for locus in free
        if locus.date and not locus.place and (locus.date.day or locus.date.weekday is not None or locus.date.same_day)
    ]
    if len(undated) == 1 and days_left:
        # "Jeudi, ce sera au tour des ministres de se retrouver au département d'Etat"
        trigger, locus = undated[0]
        extra = min(days_left, key=lambda l: _distance(body, (trigger[0], trigger[1]), (l.start, l.end)))
        locus.date = extra.date
        free.remove(extra)
    return claimed, free


def _nearest(body, triggers, locus):
    """The trigger nearest a locus: one of those right before or right after it (they are in
    order, and farther ones have more words between)."""
    index = bisect.bisect_left(triggers, locus.start, key=lambda t: t[0])
    around = triggers[max(0, index - 2) : index + 2]
    return min(around, key=lambda t: _distance(body, (t[0], t[1]), (locus.start, locus.end)))


def _excluded_between(triggers, trigger, locus):
    """"cette réunion a été annoncée après une rencontre entre Obama et Cameron, vendredi à
    Washington": past a gathering left out, its place and day are that gathering's."""
    return any(excluded and trigger[1] <= start < locus.start for start, _, _, excluded in triggers)


def _fronted(article, locus, trigger):
    """"En novembre 2020, les Etats-Unis et le Nigeria ont convoqué une réunion": a day put
    before the subject of a meeting verb, a comma after it, dates that verb's clause."""
    start, _, kind, _ = trigger
    if kind != "verb" or locus.end > start:
        return False
    gap = article.body[locus.end : start]
    if not re.match(r"\s*,", gap) or re.search(r"[;:«»]", gap):
        return False
    # No other clause between: only the verb's own auxiliary, right before it, is conjugated.
    auxiliary = _auxiliary_start(article.body, locus.end, start)
    return not _has_marker(article.markers, locus.end, auxiliary)


RELATIVE = re.compile(r"(?<![\w'’-])(?:qui|où|dont|lequel|laquelle)(?![\w-])", re.I)
# ", et la question de la réunion": a comma and a conjunction open another clause.
APPOSED_PARTICIPLE = re.compile(r"[ \u00a0]*\w+(?:ée?s?|ue?s?|ie?s?)(?![\w-])")
CLAUSE_JOIN = re.compile(r",[ \u00a0]+(?:et|mais|or|car|alors que|tandis que)[ \u00a0]", re.I)


def _auxiliary_start(body, low, verb_start):
    """Where the word right before a verb starts (its auxiliary: "se sont réunis", "ont convoqué")."""
    return low + len(body[low:verb_start].rstrip().rsplit(" ", 1)[0])


def _in_relative_clause(article, locus, trigger):
    """"Le ministre, qui était mardi à Ankara, participera jeudi à la réunion": a place inside a
    relative clause closed by a comma before the verb is that clause's."""
    body = article.body
    opening = body.rfind(",", max(0, locus.start - MAX_SENTENCE), locus.start)
    if opening < 0 or "," not in body[locus.end : trigger[0]]:
        return False
    relative = RELATIVE.search(body, opening, locus.start)
    return bool(relative) and _has_marker(article.markers, relative.end(), locus.start)


def _other_clause(article, trigger, locus):
    """"la réunion, la coalition a affirmé ... à Mossoul", "la réunion ; à Ankara", "A Beyrouth,
    un responsable a annoncé que le ministre participera": past a semicolon, or a comma and a
    verb conjugated in between, a place belongs to another clause."""
    if locus.start >= trigger[1]:
        low, high = trigger[1], locus.start
    else:
        low, high = locus.end, _auxiliary_start(article.body, locus.end, trigger[0])
    if high <= low:
        return False
    if ";" in article.body[low:high] or CLAUSE_JOIN.search(article.body, low, high):
        return True
    if locus.end <= trigger[0] and _in_relative_clause(article, locus, trigger):
        return True
    breaks = [at for at in (article.body.find(",", low, high), article.body.find(":", low, high)) if at >= 0]
    if not breaks:
        return False
    after = min(breaks) + 1
    # "la prochaine réunion de la coalition, prévue en juin à Rome": a participle right after the
    # comma describes the noun before it, in the same clause.
    following = APPOSED_PARTICIPLE.match(article.body, after, high)
    return _has_marker(article.markers, following.end() if following else after, high)


def _series_word(body, low, high):
    """Whether "après" or "avant" stands in body[low:high]: what follows is another meeting of the series."""
    return any(match.group().lower() in ("après", "avant") for match in REFERENCE_WORDS.finditer(body, low, high))


def _recalled(article, index, sentence, triggers, free):
    """"la troisième rencontre [...], après une réunion au Canada fin juillet et en Jordanie, en
    avril": after a meeting noun, the places and days that follow "après" or "avant" are the
    earlier (or later) meetings of the same series, far as they may be from the noun."""
    body = article.body
    nouns = [t for t in triggers if t[2] == "noun" and not t[3]]
    mentions = []
    for locus in free:
        if not ((locus.place or locus.country) and locus.date) or locus.date.same_day:
            continue
        before = [t for t in nouns if t[1] <= locus.start]
        if not before or not _series_word(body, before[-1][1], locus.start):
            continue
        if _excluded_between(triggers, before[-1], locus):
            continue
        mention = _Mention(start=locus.start, end=locus.end, sentence=index, segment=(locus.start, locus.end))
        mention.place, mention.host = locus.place, None if locus.place else locus.country
        mention.same_group = mention.recalled = True
        mention.direction, mention.date = _locus_date(article, locus, sentence)
        mentions.append(mention)
    return mentions


def _placed_farther(article, triggers, pairs, free):
    """"Le 8 juin, le secrétaire d'Etat coorganisera une réunion de la coalition avec [...] à Riyad":
    the one meeting of a sentence, dated near its verb, takes the place its sentence names farther
    on, unless another clause or gathering comes between."""
    if len(pairs) != 1 or pairs[0][1].place or pairs[0][1].virtual or pairs[0][1].country:
        return pairs
    trigger, locus = pairs[0]
    places = [
        other for other in free
        if other.place and not other.date and other.start > trigger[1]
        and not _other_clause(article, trigger, other) and not _excluded_between(triggers, trigger, other)
    ]
    if len(places) != 1:
        return pairs
    place = places[0]
    free.remove(place)
    return [(trigger, _Locus(locus.start, locus.end, place.place, locus.date, locus.virtual, locus.country))]


def _unlocated_pair(article, index, sentence, triggers, free, floating, first_meeting):
    """The (trigger, locus) of a sentence that tells of a meeting without a locus near its
    trigger: a place farther in the sentence, the lead's place and day for the article's
    first meeting, else none ("cette réunion")."""
    live = [t for t in triggers if not t[3] and t[2] not in ("pronoun", "reference")]
    if not live:
        return []
    trigger = live[0]
    located = [
        locus for locus in free
        if locus.place and not _other_clause(article, trigger, locus) and not _excluded_between(triggers, trigger, locus)
    ]
    if located:
        return [(trigger, min(located, key=lambda l: _distance(article.body, (trigger[0], trigger[1]), (l.start, l.end))))]
    # "Le Maroc a accueilli mercredi la réunion": a host country and a day; the city may come next.
    dated = [l for l in free if l.date and _distance(article.body, (trigger[0], trigger[1]), (l.start, l.end)) <= MAX_WORDS_DATE_TO_TRIGGER]
    if dated and _host_country(article.body, sentence):
        return [(trigger, dated[0])]
    if first_meeting:
        # "Dix pays ont promis jeudi à Djeddah ... La réunion a rassemblé ..."
        earlier = range(index - 1, max(-1, index - 1 - CONTEXT_SENTENCES), -1)
        context = next((locus for i in earlier for locus in reversed(floating.get(i, [])) if locus.date), None)
        return [(trigger, context)]
    return [(trigger, None)]


def _in_present(article, trigger):
    """"les jihadistes sont entrés à Kobané, les chefs se réunissent ce mardi": a meeting verb
    in the present takes no tense from another clause."""
    start, end, kind, _ = trigger
    if kind != "verb" or _has_marker(article.markers, start, end):
        return False
    # "se réunissent", "se tient", "accueille", not the participles "réunie", "tenue", "accueillie".
    verb = article.body[start:end]
    return verb.endswith("t") or (verb.endswith("e") and not verb.endswith(("ée", "ie", "ue")))


TODAY = re.compile(r"(?:ce|cette)[ \u00a0]|aujourd", re.I)
HOUR = re.compile(r"(?<![\w-])à[ \u00a0]+\d{1,2}[ \u00a0]?(?:h(?:eures?)?|H)(?:[ \u00a0]?\d{2})?(?![\w-])")
ORDINAL_BEFORE = re.compile(r"(?<![\w-])(prochaine?s?|future?s?|dernière?s?|dernier|précédente?s?)[ \u00a0]+\Z", re.I)


def _mention(article, index, sentence, pairs, position, last_date):
    """The mention the `position`-th (trigger, locus) pair of a sentence makes."""
    body = article.body
    trigger, locus = pairs[position]
    own = locus if locus and locus.start >= sentence[0] else None
    begin = sentence[0] if position == 0 else _boundary(pairs[position - 1], pairs[position])
    finish = sentence[1] if position == len(pairs) - 1 else _boundary(pairs[position], pairs[position + 1])
    spans = [(trigger[0], trigger[1])] + ([(own.start, own.end)] if own else [])
    mention = _Mention(start=min(s for s, _ in spans), end=max(e for _, e in spans), sentence=index, segment=(begin, finish))
    # A pronoun's meeting takes no tense from the clause of the meeting it follows.
    scope_low = trigger[0] if trigger[2] == "pronoun" else begin
    dated = own.date if own and own.date else None
    anchor = (dated.start, dated.end) if dated else (trigger[0], trigger[0])
    mention.present = _in_present(article, trigger)
    mention.today = bool(dated) and bool(TODAY.match(dated.text))
    mention.hour = bool(HOUR.search(body, *sentence))
    mention.reference = trigger[2] == "reference"
    mention.direction = None if mention.present else direction_near(body, article.markers, *anchor, scope_low, finish)
    own_tense = [marker.direction for marker in _window(article.markers, trigger[0], trigger[1])]
    if own_tense and not (dated and dated.direction):
        # "s'est ouverte, mardi": the meeting verb's own tense before any other clause's.
        mention.direction = own_tense[0]
    ordinal = ORDINAL_BEFORE.search(body, max(sentence[0], trigger[0] - 20), trigger[0]) if trigger[2] in ("noun", "reference") else None
    if ordinal and not (dated and dated.direction):
        # "la prochaine réunion", "la dernière réunion": the noun's own adjective says which way.
        mention.direction = "future" if ordinal.group(1).lower().startswith(("prochain", "futur")) else "past"
    if locus:
        mention.place, mention.virtual = locus.place, locus.virtual
        mention.host = None if locus.place else locus.country
        if locus.date is not None and locus.date.same_day:
            iso, precision = anchored_date(locus.date, last_date)
            mention.date = (iso, precision) if iso else None
        elif locus.date is not None:
            earlier = pairs[position - 1][1] if position else None
            date = in_year_of(locus.date, earlier.date) if earlier and earlier.date else locus.date
            iso, precision = resolve_date(date, article.published, mention.direction)
            mention.date = (iso, precision) if iso else None
            if precision == "day" and locus.date.last_day:
                mention.until = iso[:8] + f"{locus.date.last_day:02d}"
    else:
        mention.anaphoric = True
    if not mention.place and len(pairs) == 1 and VIRTUAL.search(body, *sentence):
        mention.virtual = True
    if not mention.place and not mention.virtual and not mention.host:
        mention.host = _host_country(body, (begin, finish))
    cue_text = _without(body, begin, finish, article.places)
    mention.level, mention.restricted, mention.same_group = _cues(cue_text)
    mention.participants = _participants(body, article.figures, (begin, finish), sentence)
    # "après une réunion au Canada": an earlier meeting of the same series.
    if mention.reference and _series_word(body, max(sentence[0], trigger[0] - 30), trigger[0]):
        mention.recalled = mention.same_group = True
    return mention


# A sentence of the press is a few hundred characters; a longer run (a list, a table, junk) is
# read in pieces of this size, so that no article costs more than its length.
MAX_SENTENCE = 1000


def _bounded(body, sentences):
    """The sentences, those longer than MAX_SENTENCE cut at a space."""
    bounded = []
    for low, high in sentences:
        while high - low > MAX_SENTENCE:
            cut = body.rfind(" ", low + MAX_SENTENCE // 2, low + MAX_SENTENCE)
            cut = cut + 1 if cut > low else low + MAX_SENTENCE
            bounded.append((low, cut))
            low = cut
        bounded.append((low, high))
    return bounded


def _mentions(body, published, figures, markers):
    """The sentences of `body`, its places, and every mention of a meeting in them, in order."""
    sentences = _bounded(body, _article_sentences(body))
    datelines = [match.span() for match in DATELINE.finditer(body)]
    dates = [date for date in find_dates(body) if not any(low <= date.start < high for low, high in datelines)]
    article = _Article(body, published, figures, _places(body), dates, markers)
    mentions = []
    floating = {}  # sentence index -> loci with a city that no trigger claims
    last_date = None
    for index, sentence in enumerate(sentences):
        triggers = _triggers(body, sentence)
        if not triggers and not _window(article.places, *sentence):
            continue  # without a trigger, only a locus with a place counts (floating, or weak)
        loci = _loci(body, sentence, article.places, article.dates, triggers, article.markers)
        if not triggers:
            floating[index] = [locus for locus in loci if locus.place]
            mentions.extend(_weak_mentions(article, index, sentence, loci))
            continue
        first_of_sentence = len(mentions)
        claimed, free = _claim(article, triggers, loci)
        recalled = _recalled(article, index, sentence, triggers, free)
        mentions.extend(recalled)
        free = [locus for locus in free if not any(m.start == locus.start for m in recalled)]
        floating[index] = [locus for locus in free if locus.place]
        pairs = [(t, locus) for t, locus in claimed if not t[3] and not _other_body(body, sentence, t, article.places)]
        pairs = _placed_farther(article, triggers, pairs, free)
        if not pairs:
            # No locus, or only another gathering's ("La réunion [...] coïncide avec une conférence
            # organisée à Koweït"): the meeting named is told without one.
            first_meeting = all(m.weak for m in mentions)
            pairs = _unlocated_pair(article, index, sentence, triggers, free, floating, first_meeting)
        pairs.sort(key=lambda pair: min(pair[0][0], pair[1].start) if pair[1] and pair[1].start >= sentence[0] else pair[0][0])
        for position in range(len(pairs)):
            mention = _mention(article, index, sentence, pairs, position, last_date)
            locus = pairs[position][1]
            # "La veille ... le lendemain" both count from the date given, not from each other.
            if not (locus and locus.date and locus.date.same_day):
                last_date = mention.date or last_date
            mentions.append(mention)
        _remote_participation(mentions[first_of_sentence:])
    return sentences, article.places, sorted(mentions, key=lambda m: (m.sentence, m.start))


def _remote_participation(mentions):
    """"Le ministre s'est adressé en visioconférence aux participants de la réunion, tenue jeudi à
    Bruxelles": beside a meeting with a city, a screen is how one person took part, not another
    meeting."""
    if any(m.place for m in mentions):
        for mention in mentions:
            if mention.virtual and not mention.place and not mention.date:
                mention.virtual, mention.anaphoric = False, True


# "Les ministres sont arrivés à Riyad. La réunion débute demain": where they came, the sentence
# before a meeting without a place, is where it is held.
ARRIVED_AT = re.compile(r"(?<![\w-])(?:arrivée?s?|arrive|arrivent|arrivera|arriveront|attendue?s?)[ \u00a0]+(?:\w+[ \u00a0]+)?(?:à|au)[ \u00a0]*$", re.I)


def _arrival_city(body, meeting, meetings, sentences, places):
    """Give a meeting without a place the city its people arrived in, told the sentence before
    (unless that sentence tells of another meeting: "est arrivé à Tokyo pour une réunion")."""
    first = min(meeting.mentions, key=lambda m: m.sentence)
    if first.sentence == 0 or _told_of_others(meeting, meetings, first.sentence - 1):
        return
    low, high = sentences[first.sentence - 1]
    arrived = [place for place in _window(places, low, high) if place.place.city and ARRIVED_AT.search(body, max(low, place.start - 40), place.start)]
    if len(arrived) == 1:
        first.place = arrived[0].place


def _host_city(body, meeting, sentences, places):
    """"Le Maroc a accueilli mercredi la réunion ... Les délégations ont fait le déplacement à
    Marrakech": a meeting given only its host country takes the first city of that country
    named after it, in its sentence or the next, else the only city of that country the article
    names."""
    mention = next((m for m in meeting.mentions if m.host), None)
    if mention is None:
        return
    high = sentences[min(mention.sentence + 1, len(sentences) - 1)][1]
    ours = [place for place in places if place.place.city and country_code(place.place.country or "") == mention.host]
    for place in ours:
        if mention.start <= place.start < high:
            mention.place = place.place
            return
    # "réunie mercredi au Maroc [...] dans un hôtel de Marrakech", paragraphs apart: the one
    # city of that country the article names, however it names it, is where it met.
    named = [place for place in map(lookup, CITY_WORD.findall(body)) if place and place.city and not _is_battlefield(place)]
    named = [place for place in named if country_code(place.country or "") == mention.host]
    if len({_city_key(place.city) for place in named}) == 1:
        mention.place = named[0]


def _other_body(body, sentence, trigger, places):
    """Whether the people a meeting verb tells of are another body's ("les ministres de l'Otan")."""
    if trigger[2] != "verb":
        return False
    subject = _without(body, sentence[0], trigger[0], places)
    return bool(OTHER_BODIES.search(subject)) and "coalition" not in subject.lower()


def _combine(body, claimed):
    """One locus where a trigger's loci, or those of two triggers side by side, complete each
    other: "par visioconférence que ... se sont retrouvés jeudi", "a tenu jeudi une réunion par
    visioconférence" tell the format and the day of one meeting."""
    combined = []
    for trigger, locus in sorted(claimed, key=lambda pair: pair[1].start):
        if combined:
            other_trigger, other = combined[-1]
            near = other_trigger is trigger or _subject_of(other_trigger, trigger) or (
                trigger[2] != "pronoun"
                and _distance(body, (other_trigger[0], other_trigger[1]), (trigger[0], trigger[1])) <= MAX_WORDS_DATE_TO_TRIGGER
                and not (other_trigger[2] == "noun" and AFTER_DURING.search(body, max(0, other_trigger[0] - 30), other_trigger[0]))
            )
            complete = not ((other.place or other.virtual) and (locus.place or locus.virtual)) and not (other.date and locus.date)
            if near and complete:
                merged = _Locus(
                    min(other.start, locus.start), max(other.end, locus.end),
                    other.place or locus.place, other.date or locus.date, other.virtual or locus.virtual,
                )
                combined[-1] = (other_trigger, merged)
                continue
        combined.append((trigger, locus))
    return combined


def _subject_of(a, b):
    """Whether one trigger is the meeting noun whose verb the other is: "La réunion ... a
    débuté le 1er mars": the noun's place and the verb's day tell of one meeting."""
    noun, event = (a, b) if a[0] <= b[0] else (b, a)
    return noun[2] == "noun" and event[2] == "event"


def _boundary(earlier, later):
    """Where the part of a sentence about one meeting ends and the next one's begins."""
    trigger, locus = later
    if trigger[2] == "pronoun":
        return trigger[0]
    previous_trigger, previous_locus = earlier
    return previous_locus.end if previous_locus else previous_trigger[1]


MAX_PLACE_LENGTH = 100


def _without(body, low, high, places):
    """body[low:high] with the places (sorted by start) blanked (a venue's "de l'Otan" is no cue)."""
    text = list(body[low:high])
    # Only the places near the window: a long text has thousands.
    index = bisect.bisect_left(places, low - MAX_PLACE_LENGTH, key=lambda place: place.start)
    while index < len(places) and places[index].start < high:
        for i in range(max(places[index].start, low), min(places[index].end, high)):
            text[i - low] = " "
        index += 1
    return "".join(text)


def _compatible(meeting, mention):
    """(compatible, evidence): whether the mention may be the meeting, and how many things they share."""
    evidence = 0
    place, other = meeting.place, mention.place
    if place and other:
        if _city_key(place.city) != _city_key(other.city):
            return False, 0
        evidence += 2
    elif (place and mention.virtual) or (other and meeting.virtual):
        return False, 0
    elif mention.virtual and meeting.virtual:
        evidence += 1
    # A host and a city agree only when each comes from one side: the meeting's own are no evidence.
    host = mention.host or meeting.host
    if host and (place or other) and (mention.host or other) and country_code((place or other).country or "") == host:
        evidence += 1
    date, when = meeting.date, mention.date
    if not date and not when and meeting.directions | {mention.direction} >= {"past", "future"}:
        # "se réuniront à Washington [...] s'étaient retrouvés à Washington le 21 juillet dernier":
        # undated, one ahead and one behind are two meetings.
        return False, 0
    if date and when:
        if not (date[0].startswith(when[0]) or when[0].startswith(date[0])):
            return False, 0
        # A year alone is too little to say two mentions are one meeting.
        evidence += 2 if date[0] == when[0] else 1 if min(len(date[0]), len(when[0])) >= 7 else 0
    level = meeting.own_level
    # Two levels make two meetings, unless one mention has a day and the other, in the same city,
    # none: "des responsables ont déclaré pendant une réunion à Rome [...] la réunion ministérielle,
    # mardi à Rome" tells who spoke at the one meeting of the city.
    one_dated = bool(date) != bool(when) and place and other
    if level and mention.level and level != mention.level and not one_dated:
        return False, 0
    if not evidence and _completes(meeting, mention):
        evidence = 1
    return True, evidence


def _completes(meeting, mention):
    """Whether the mention gives the one thing the meeting of the sentence before lacks, the
    place or the day: "se réuniront le 14 novembre. La réunion aura lieu à Washington"."""
    if mention.sentence - meeting.sentences[-1] != 1 or meeting.virtual or mention.virtual:
        return False
    directions = meeting.directions | {mention.direction}
    if {"past", "future"} <= directions:
        return False
    if meeting.place is None and meeting.date and mention.place and not mention.date:
        return True
    return meeting.date is None and meeting.place is not None and mention.date and not mention.place


def _merge(mentions, sentences):
    meetings = []
    for mention in mentions:
        if mention.anaphoric or mention.weak:
            continue
        options = [(evidence, -i) for i, meeting in enumerate(meetings) for ok, evidence in [_compatible(meeting, mention)] if ok and evidence]
        if options:
            meetings[-max(options)[1]].add(mention)
        else:
            meetings.append(_Gathering(mention))
    if not meetings and any(m.anaphoric for m in mentions):
        # "Ils étaient vingt pays autour de la table à Londres ce 22 janvier. [...] La rencontre
        # ...": a story that names its meeting only as "la rencontre" met where and when its
        # lead says.
        lead = next((m for m in mentions if m.weak and m.sentence < LEAD_SENTENCES), None)
        if lead is not None:
            lead.weak = False
            meetings.append(_Gathering(lead))
    for mention in mentions:
        if not mention.anaphoric or not meetings:
            continue
        # "C'était la troisième rencontre [...], après celles du Canada et de Jordanie": the
        # meetings a sentence recalls are not the one it speaks of.
        candidates = [m for m in meetings if not all(x.recalled for x in m.located)] or meetings
        latest = {id(m): _latest_before(m.sentences, mention.sentence) for m in candidates}
        recent = [m for m in candidates if latest[id(m)] is not None and mention.sentence - latest[id(m)] <= 2]
        target = max(recent, key=lambda m: latest[id(m)]) if recent else candidates[0]
        target.add(mention)
    for mention in mentions:
        if mention.weak and (mention.date or mention.place):
            # Only to a meeting of the same place at a compatible date; it makes none itself.
            options = [(evidence, -i) for i, meeting in enumerate(meetings) for ok, evidence in [_compatible(meeting, mention)] if ok and evidence >= 2]
            if options:
                meetings[-max(options)[1]].add(mention)
    return [meeting.meeting() for meeting in meetings]


def _latest_before(sentences, sentence):
    """The last of the (sorted) sentences at or before `sentence`, or None."""
    index = bisect.bisect_right(sentences, sentence)
    return sentences[index - 1] if index else None


def _join_fragments(meetings):
    """"Le ministre est arrivé à Rome pour la réunion [...]. La réunion s'est ouverte mardi": a
    meeting told with its place and no day and one told with its day and no place are one,
    unless the text tells them apart (one ahead and one behind, two levels, a meeting recalled
    from a series)."""
    joined = []
    for meeting in meetings:
        position = next((i for i, other in enumerate(joined) if _fragments_of_one(other, meeting)), None)
        if position is None:
            joined.append(meeting)
        else:
            # The fragment with the place leads: its words (who came, how many) are the surer.
            dated, placed = sorted([joined[position], meeting], key=lambda m: m.date is None)
            joined[position] = _Meeting(placed.mentions + dated.mentions)
    return joined


def _join_days(meetings):
    """"une réunion [...] qui se tient les 1er et 2 mars" and "aujourd'hui à Niamey", the 2nd: a
    day of a meeting of several days, in its city, is that meeting."""
    joined = []
    for meeting in meetings:
        host = next((other for other in joined if _days_of_one(other, meeting) or _days_of_one(meeting, other)), None)
        if host is None:
            joined.append(meeting)
        else:
            host.mentions = sorted(host.mentions + meeting.mentions, key=lambda m: (m.sentence, m.start))
    return joined


def _days_of_one(long, day):
    ranges = [(m.date[0], m.until) for m in long.mentions if m.until and m.date]
    if not ranges or not day.date or len(day.date[0]) != 10:
        return False
    if long.place and day.place and _city_key(long.place.city) != _city_key(day.place.city):
        return False
    return any(low <= day.date[0] <= high for low, high in ranges)


def _fragments_of_one(a, b):
    def placed(meeting):
        return bool(meeting.place or meeting.virtual or meeting.host)

    if not ((placed(a) and not a.date and b.date and not placed(b)) or (placed(b) and not b.date and a.date and not placed(a))):
        return False
    if any(m.recalled for m in a.mentions + b.mentions):
        return False
    if {m.direction for m in a.located + b.located} >= {"past", "future"}:
        return False
    levels = {a.first("level"), b.first("level")} - {None}
    return len(levels) <= 1


def _story_date(body, sentences, published, markers):
    """The day the article's lead tells of: its first date that is not ahead of publication."""
    for low, high in sentences[:2]:
        for expression in find_dates(body[:high]):
            if expression.start < low:
                continue
            direction = direction_near(body, markers, expression.start, expression.end, low, high)
            iso, precision = resolve_date(expression, published, direction)
            if iso and precision == "day" and (not published or iso[: len(published)] <= published):
                return iso, precision
    return None


def _later_direction(markers, sentences, meeting):
    """"se réunissent ce mardi [...]. Les chefs militaires sont attendus à la base": a meeting
    told in the present takes the direction of the next clause that has one, in its sentence
    or the next."""
    for mention in sorted((m for m in meeting.located if m.present), key=lambda m: m.sentence):
        high = sentences[min(mention.sentence + 1, len(sentences) - 1)][1]
        direction = next((marker.direction for marker in markers if mention.end <= marker.start < high), None)
        if direction:
            return direction
    return None


def _under_way(meeting, told):
    """The status of a meeting told in the present on its day: held, taking place as the story is
    told, unless the story gives its hour ("à 15 heures": still ahead) or days after this one
    ("mercredi et jeudi": not over)."""
    return "announced" if any(m.until or m.hour for m in meeting.located if told(m)) else "held"


def _status(meeting, published, later=None):
    date = meeting.date
    if date and published:
        length = min(len(date[0]), len(published))
        if date[0][:length] < published[:length]:
            return "held"
        if date[0][:length] > published[:length]:
            return "announced"
        if len(date[0]) == len(published) == 10 and any(m.present for m in meeting.located):
            # "se réunissent ce mercredi" in Wednesday's paper: under way as the story is told.
            return _under_way(meeting, lambda m: m.present)
    if any(m.present and m.today for m in meeting.located):
        # "Le Maroc accueille, ce mercredi 11 mai, une réunion": told in the present on its day.
        return _under_way(meeting, lambda m: m.present and m.today)
    # Its own mentions' tense first, then the sentences that call it "la réunion" ("Cette
    # réunion mettra l'accent sur ..."), then the clause after a mention in the present.
    for mention in meeting.located + sorted((m for m in meeting.mentions if m.anaphoric), key=lambda m: m.sentence):
        if mention.direction:
            return "announced" if mention.direction == "future" else "held"
    return "announced" if later == "future" else "held"


def _kind(meeting, main):
    level = meeting.level
    restricted = any(m.restricted for m in meeting.mentions)
    if level is None and not restricted and main is not None and main is not meeting and any(m.same_group for m in meeting.mentions):
        return _kind(main, None)
    # A formation named restricted ("une rencontre du Petit groupe") is that group, whatever
    # working group its sentence also speaks of.
    if level in KIND_OF_LEVEL and not (restricted and level == "other"):
        return KIND_OF_LEVEL[level]
    if restricted:
        return "small_group"
    # Officials on screens, their level untold, are a working meeting, not the ministers'.
    return "other" if level is None and meeting.virtual else "ministerial"


def _linked_level(body, sentences, meeting, meetings):
    """A level from the sentences that name the meeting's city, when no other meeting is there."""
    place = meeting.place
    if place is None or sum(1 for m in meetings if m.place and _city_key(m.place.city) == _city_key(place.city)) > 1:
        return None
    for low, high in sentences:
        text = body[low:high]
        if any(lookup(name) == place for name in re.findall(rf"{CAPITAL}[\w'’-]+", text)):
            level, _, _ = _cues(text)
            if level:
                return level
    return None


def _told_of_others(meeting, meetings, sentence):
    """Whether another of the article's meetings is told in that sentence."""
    return any(m is not meeting and any(x.sentence == sentence for x in m.mentions) for m in meetings)


def _attendance(body, sentences, meeting, figures, meetings):
    """Participants from the sentences after a mention that tell who came ("Les délégations de
    80 pays..."), a mention without a locus included ("Une réunion convoquée en urgence."), and
    across a paragraph break: a lead's count often opens the next paragraph. A sentence that
    tells of another meeting counts that one's."""
    read = {}  # sentence -> what it says (another meeting, a count, nothing): read once
    for mention in sorted(meeting.mentions, key=lambda m: m.sentence):
        for following in range(mention.sentence + 1, min(mention.sentence + 1 + ATTENDANCE_SENTENCES, len(sentences))):
            if following not in read:
                read[following] = _attendance_in(body, sentences[following], figures) if not _told_of_others(meeting, meetings, following) else "others"
            if read[following] == "others":
                break
            if read[following]:
                return read[following]
    return None


def _attendance_in(body, sentence, figures):
    low, high = sentence
    return _participants(body, figures, sentence, sentence) if ATTENDANCE.search(body, low, high) else None


def _trimmed(body: str, span: tuple) -> tuple:
    """A sentence's span without the blank space around it."""
    low, high = span
    text = body[low:high]
    return low + len(text) - len(text.lstrip()), high - len(text) + len(text.rstrip())


def extract_meetings(body, published, figures):
    """Return the MeetingMention records of `body`.

    `published` is the article's ISO date (any precision, or None): relative
    dates resolve against it. `figures` are the article's Figure records
    (participants come from them).
    """
    markers = tense_markers(body)
    sentences, places, mentions = _mentions(body, published, figures, markers)
    meetings = _merge(mentions, sentences)
    for meeting in meetings:
        if meeting.host and not meeting.place and not meeting.virtual:
            _host_city(body, meeting, sentences, places)
    # Fragments first: a lead meeting whose day the same article gives ("a pris part à la
    # réunion virtuelle, tenue jeudi") is dated by it, not by the story's day.
    meetings = _join_fragments(meetings)
    for meeting in meetings:
        if not (meeting.place or meeting.virtual or meeting.host):
            _arrival_city(body, meeting, meetings, sentences, places)
    if meetings and meetings[0].date is None and _status(meetings[0], None) == "held" and not meetings[0].mentions[0].reference:
        story = _story_date(body, sentences, published, markers)
        # The lead's day another meeting has taken is that one's ("lors de la conférence de Paris
        # [...], réunit ce jeudi ses ministres à Bruxelles").
        if story and not any(meeting.date == story for meeting in meetings[1:]):
            meetings[0].mentions[0].date = story
    meetings = _join_days(meetings)
    # A meeting missing its day or its city is still one; a host country alone, undated, is
    # an offer more often than a meeting ("Le Maroc s'est proposé pour accueillir ...").
    kept = [m for m in meetings if m.date or m.place or m.virtual]
    main = kept[0] if kept else None
    records = []
    for meeting in kept:
        place = meeting.place
        first = meeting.located[0]
        level = meeting.level
        kind = _kind(meeting, main)
        if level is None:
            linked = _linked_level(body, sentences, meeting, kept) or _following_level(body, sentences, meeting, kept)
            if linked in KIND_OF_LEVEL:
                kind = KIND_OF_LEVEL[linked]
            elif kind == "ministerial" and _following_restricted(body, sentences, meeting, kept):
                # "réunis mardi à Rome [...]. Les ministres [...] du groupe restreint ont décidé"
                kind = "small_group"
        participants = meeting.first("participants") or _attendance(body, sentences, meeting, figures, kept)
        told = _trimmed(body, sentences[first.sentence])
        records.append(
            MeetingMention(
                date=meeting.date[0] if meeting.date else None,
                date_precision=meeting.date[1] if meeting.date else None,
                city=place.city if place else None,
                country=place.country if place else country_name(meeting.host) if meeting.host else None,
                kind=kind,
                status=_status(meeting, published, _later_direction(markers, sentences, meeting)),
                participants=participants,
                latitude=place.latitude if place else None,
                longitude=place.longitude if place else None,
                start=told[0],
                end=told[1],
                virtual=meeting.virtual,
            )
        )
    return records


def _sentence_meetings(body, meetings):
    """For each sentence, the index of the meeting it speaks of, or None.

    A sentence speaks of a meeting when it holds the meeting's own mention, names the city
    of exactly one of the article's meetings, or tells of a meeting without naming one
    ("la réunion rassemblant 68 pays"): then it is the one spoken of just before.
    """
    sentences = _article_sentences(body)
    places = _article_places(body)
    cities = [_city_key(m.city) if m.city else None for m in meetings]
    linked, last = [], None
    for number, (low, high) in enumerate(sentences):
        index = next((i for i, m in enumerate(meetings) if low <= m.start < high), None)
        if index is None:
            named = {_city_key(p.place.city) for p in places if low <= p.start < high and p.place.city}
            matching = [i for i, city in enumerate(cities) if city in named]
            if len(matching) == 1 and cities.count(cities[matching[0]]) == 1:
                index = matching[0]
            elif not named and any(not excluded and kind != "pronoun" for _, _, kind, excluded in _triggers(body, (low, high))):
                index = last[1] if last and number - last[0] <= 2 else (0 if meetings else None)
        if index is not None:
            last = (number, index)
        linked.append(((low, high), index))
    return linked


def link_meetings(body, meetings, figures, quotes):
    """Set `meeting_index` on the figures and quotes that the text ties to a meeting: those of
    a sentence that speaks of it (for a quote, the sentence where it opens or the one that
    attributes it)."""
    if not meetings:
        return
    linked = _sentence_meetings(body, meetings)

    def meeting_at(position):
        return next((index for (low, high), index in linked if low <= position < high), None)

    for figure in figures:
        if figure.meeting_index is None:
            figure.meeting_index = meeting_at(figure.start)
    for quote in quotes:
        if quote.meeting_index is None:
            opening, closing = meeting_at(quote.start), meeting_at(max(quote.start, quote.end - 1) + 1)
            quote.meeting_index = opening if opening is not None else closing
