"""French sentence grammar the extractors read: speech verbs in their forms, the words that open a
clause, titles and the noun phrases around them, time phrases.

Each pattern is named, small, and tested alone in tests/test_lang.py; the word lists they are
built from are lexicons. A piece ending in a string (SPEECH_VERB, GAP, ...) is embedded in larger
patterns; a compiled one is matched as it is.
"""
import re

from .chars import APOSTROPHE, CAPITAL, ELISION, LETTER, WORD, alternation, at_word_start
from .fold import strip_accents
from .lexicon import words

SPEECH_VERBS = words("speech_verbs.txt")
REFLEXIVE_VERBS = words("quotes_reflexive_verbs.txt")
TITLES = sorted(words("titles.txt"), key=len, reverse=True)
PERSON_NOUNS = words("quotes_person_nouns.txt")
ROLE_MODIFIERS = words("people_role_modifiers.txt")
TIMES = words("quotes_times.txt")
SOURCE_PREPOSITIONS = words("quotes_source_prepositions.txt")

# ---- words

# A word, an elided article or preposition before it left out ("L'", "d’"): group 1 is the word.
WORD_TOKEN = re.compile(rf"(?:(?<![\w'’-]){ELISION})?({WORD})")
# The tokens of a noun phrase: "aujourd'hui", an elision, "M." or "MM.", a word, a number, a run
# of hidden characters (§, a quotation's words), a punctuation mark.
PHRASE_TOKEN = re.compile(rf"aujourd['’]hui|{ELISION}|MM?\.|{LETTER}+(?:[-'’]{LETTER}+)*|\d+(?:[.,\u00a0 ]\d+)*|§+|[^\w\s]")

# ---- speech verbs

SPEECH_VERB = alternation(SPEECH_VERBS)
REFLEXIVE_VERB = alternation(REFLEXIVE_VERBS)
SUBJECT_PRONOUN = r"(?:il|elle|ils|elles|on)"
# An object pronoun may stand before the auxiliary: "lui a répondu X", "m'a confié X".
CLITIC = r"(?:(?:lui|leur|nous|vous|me|m['’]|t['’]|l['’]|y|en)\s*)?"
AUXILIARY = rf"{CLITIC}(?:a|ont|avait|avaient|aurait|auraient|aura)"
# Adverbs between the auxiliary and the participle: "a pour sa part réaffirmé", "a-t-il encore dit".
GAP = rf"(?:\s+(?!(?:que|qu)\b){LETTER}+(?:['’-]{LETTER}+)*){{0,3}}?"
# A bare present form is no verb right after an article ("l'annonce", "la note").
NOT_AFTER_ARTICLE = "".join(rf"(?<!\b{article})" for article in ("l['’]", "d['’]", r"la\s", r"le\s", r"une\s", r"un\s", r"sa\s", r"son\s", r"cette\s"))
BARE_SPEECH_VERB = rf"{NOT_AFTER_ARTICLE}(?:{SPEECH_VERB})"
REFLEXIVE_PARTICIPLE = rf"(?:{REFLEXIVE_VERB})(?:e|s|es)?"
# "a-t-il ajouté", "ajoute-t-elle", "s'est-il félicité", "se félicite-t-il": the pronoun in a group p1 … p4.
PRONOUN_VERB = (
    rf"(?:{CLITIC}(?:a-t|aura-t|avait|aurait|ont|avaient|auraient)-(?P<p1>{SUBJECT_PRONOUN}){GAP}\s+(?:{SPEECH_VERB})"
    rf"|(?:{SPEECH_VERB})(?:-t)?-(?P<p2>{SUBJECT_PRONOUN})"
    rf"|s['’](?:est|était)-(?:t-)?(?P<p3>{SUBJECT_PRONOUN}){GAP}\s+{REFLEXIVE_PARTICIPLE}"
    rf"|(?:s['’]|se\s+)(?:{REFLEXIVE_VERB})(?:nt)?(?:-t)?-(?P<p4>{SUBJECT_PRONOUN}))"
)
PRONOUN_GROUPS = ("p1", "p2", "p3", "p4")
# "a déclaré", "s'est félicité", "se félicite", "affirme", "X l'affirme :".
NOUN_VERB = (
    rf"(?:{AUXILIARY}{GAP}\s+(?:{SPEECH_VERB})"
    rf"|(?:s['’](?:est|était|étaient)|se\s+sont){GAP}\s+{REFLEXIVE_PARTICIPLE}"
    rf"|(?:s['’]|se\s+)(?:{REFLEXIVE_VERB})(?:nt)?"
    rf"|{BARE_SPEECH_VERB}"
    # "X l'affirme : « … »", "X le dit sans détour :": the object pronoun makes a noun ("l'annonce") a verb
    # only when a colon follows.
    rf"|(?:l['’]|le\s+)(?:{SPEECH_VERB})(?=(?:\s+{LETTER}+){{0,3}}\s*:))"
)
VERB = re.compile(rf"(?<![\w-])(?:{PRONOUN_VERB}|{NOUN_VERB})(?![\w-])")
# A speech or reflexive verb where a word starts: every VERB holds one (after a space, an apostrophe or at its
# start), so a text without one holds no VERB; this one is searched three times faster.
VERB_HINT = re.compile(at_word_start(SPEECH_VERBS + REFLEXIVE_VERBS))
# Right after a closing mark any past participle is a speech verb ("», a tonné le ministre"),
# even one the lexicon lacks.
ANY_PARTICIPLE = re.compile(
    rf"(?:{CLITIC}(?:a|avait)(?:-t-(?P<p1>{SUBJECT_PRONOUN}))?|s['’](?:est|était)(?:-(?P<p2>{SUBJECT_PRONOUN}))?){GAP}\s+(?!été\b){LETTER}+(?:é|i|u|is|it)(?:e|s|es)?(?![\w-])"
)
# "a déclaré mardi X", "selon X", "d'après X": a speech verb or source marker right before a name.
SPEECH_BEFORE = re.compile(rf"(?:(?<![\w-])(?:{SPEECH_VERB})(?:-t-(?:il|elle))?(?:\s+\w+)?|(?<![\w-])(?:[Ss]elon|[Dd]['’]après))\s*\Z")
# "X a déclaré", "X avait écrit": a speech verb right after a name.
SPEECH_AFTER = re.compile(rf"\A\s+(?:a|avait|aurait|ont)\s+(?:\w+\s+)?(?:{SPEECH_VERB})(?![\w-])")
# "…, a ajouté le secrétaire d'Etat": a source named by its title after the speech verb.
SPEECH_THEN_ARTICLE = re.compile(rf"(?<![\w-])(?:{SPEECH_VERB})(?:-t-(?:il|elle))?\s+(?:le|la|l['’])\s*")

# ---- clauses

# A finite verb: the subject of a clause stands before it.
FINITE = re.compile(r"(?<![\w'’-])(?:n['’])?(?:a|ont|est|sont|avait|avaient|était|étaient|sera|seront|va|vont|doit|doivent|peut|veut|entend|reste|s['’]est|se\s+sont|se\s+dit|se\s+disent|ne)(?![\w-])")
# Words that open a clause (verbs, pronouns, relatives, conjunctions): a role phrase does not run over them.
CLAUSE_WORD = re.compile(
    r"(?<![\w'’-])(?:a|ont|avait|avaient|aurait|est|sont|était|étaient|sera|seront|serait|va|vont|doit|doivent|devrait|"
    r"peut|pourrait|fait|se|s['’]|ne|n['’]|y|qui|que|qu['’]|dont|où|lors|avec|après|avant|pendant|depuis|quand|lorsque|"
    r"il|elle|ils|elles|on|selon|mais|car|donc|ou)(?![\w'’-])",
    re.I,
)
# Words that open a clause: the subject of a speech verb stands after the last one.
CLAUSE_OPENER = re.compile(r"[;:]|\b(?:tandis|alors|lorsqu|lorsque|quand|puisque|parce)\s*qu['’e]?|\b(?:mais|car|puis|et\s+que|si\s+bien\s+que)\b", re.I)
# A relative clause, to the end of the text: "le ministre qui …".
RELATIVE = re.compile(r"\s(?:qui|que|qu['’]|dont|où|lequel|laquelle)\b.*", re.S)
# "C'est X qui …": X is the subject.
C_EST_QUI = re.compile(r"C['’]est\s+(.+?)\s+qui\b", re.S)
# A conjunction opening a clause: "Et le ministre a …".
CONJUNCTION = re.compile(r"(?:Et|et|Mais|mais|Or|or|Puis|puis|Donc|donc|Ainsi|ainsi)\s+")

# ---- titles and noun phrases

TITLE = alternation(TITLES)
MODIFIER = alternation(ROLE_MODIFIERS)
# A title, with the words that qualify it first ("nouveau chef", "vice-président", "ex-ministre").
TITLE_START = re.compile(rf"(?<![\w-])(?:(?:{MODIFIER})(?:\s+|-))*(?:{TITLE})(?![\w'’-])", re.I)
# A title or a noun for a person, in folded text ("secretaire d'etat", "diplomate").
TITLE_WORD = re.compile(rf"(?<!\w)(?:{alternation(strip_accents(title) for title in TITLES + PERSON_NOUNS)})(?![\w-])")
# Titles that a woman holds or that are said with a feminine article, and the masculine ones.
FEMININE_BEFORE = re.compile(rf"\bMme\s+|\b(?:la|une|cette)\s+(?:(?:haute|nouvelle|première)\s+)?(?:{TITLE})\b", re.I)
MASCULINE_BEFORE = re.compile(rf"\bM\.\s+|\b(?:le|un|ce)\s+(?:(?:haut|nouveau|premier)\s+)?(?:{TITLE})\b", re.I)
# A noun complement ending the text: "des déclarations de", "le porte-parole du ministre".
COMPLEMENT = re.compile(rf"(?:\bdu\s|\bdes\s|\bde\s|\bd['’])\s*(?:(?:la|le|l['’])\s*)?(?:M\.\s*|Mme\s+)?(?:(?:{TITLE})\s+)?(?:{LETTER}+\s+)?\Z", re.I)
# "le chef de la diplomatie Laurent Fabius": the complement belongs to the title.
OFFICE_COMPLEMENT = re.compile(rf"\b(?:diplomatie|défense|affaires|etat|état|armées)\s+(?:{LETTER}+\s+)?\Z", re.I)
# A definite article opening a sentence: "Le secrétaire d'Etat a …".
DEFINITE = re.compile(rf"[ \u00a0]*(?:Le|La|L{APOSTROPHE})\s*")
# ", le Premier ministre italien a martelé": a subject after a clause put first.
CLAUSE_SUBJECT = re.compile(rf"[,:]\s+(?:le|la|l{APOSTROPHE})\s*")
# A preposition or article ending the text: what follows belongs to an office, it is no name.
GENITIVE_END = re.compile(rf"(?<![\w-])(?:de|du|des|d{APOSTROPHE}|la|l{APOSTROPHE}|les|à|au|aux|en|pour|et)\s*\Z", re.I)
# "jeudi", "ce matin", ", mardi soir": a time put between a verb and its subject.
TIME_PHRASE = re.compile(rf"[\s,]*(?:(?:ce|cette)\s+)?(?:{alternation(TIMES)})(?![\w-])", re.I)

# ---- narration

# "selon X", "d'après X": the source of what is said.
SOURCE_PREPOSITION = re.compile(rf"(?<![\w-])(?:{alternation(SOURCE_PREPOSITIONS)})(?![\w-])", re.I)
# "Et de conclure : « … »", "Avant d'ajouter : « … »": the narrator's infinitive goes on with the last speaker.
NARRATIVE = re.compile(rf"\s*(?:(?:Et|Puis|Avant|Mais)\s+(?:aussi\s+)?)d(?:e\s+|['’]){LETTER}+\s*:?\s*\Z")
# "Disant « … », le ministre a …": a participle opening the sentence has the main clause's subject.
PARTICIPLE_OPENING = re.compile(rf"\s*(?:En\s+)?{CAPITAL}{LETTER}*ant\b")
# "le diplomate américain": a definite noun and its adjective (groups 1 and 2).
DESCRIPTION = re.compile(rf"(?:[Ll]e |[Ll]a |[Ll]['’])\s*({LETTER}+)\s+({LETTER}+)")
# Relative pronouns after "selon": "selon lequel", "selon qui" point back to the phrase before.
RELATIVE_PRONOUNS = {"lequel", "laquelle", "lesquels", "lesquelles", "qui"}
