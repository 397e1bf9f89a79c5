"""The French layer: each definition and each named pattern, alone, on sentences written for the test."""
import re

import pytest

from loader import numbers
from loader.lang import chars, grammar, nationalities, roles, sentences, vocabulary
from loader.lang.fold import fold, fold_words, strip_accents


def spans(pattern, text):
    return [match.group() for match in pattern.finditer(text)]


# ---- characters


def test_capital_letter_class_takes_accented_capitals_and_no_lower_case():
    assert [c for c in "ÉtatÀbcÖ×Øéz" if re.fullmatch(chars.CAPITAL, c)] == ["É", "À", "Ö", "Ø"]


def test_word_joins_hyphens_and_apostrophes_inside_a_word():
    assert re.findall(chars.WORD, "Jean-Yves Le Drian aujourd'hui, l’Irak 2015") == ["Jean-Yves", "Le", "Drian", "aujourd'hui", "l’Irak"]


def test_elision_is_an_elided_word_with_either_apostrophe():
    assert re.findall(chars.ELISION, "l'Irak, d’Alep, qu'il, jusqu’à, lorsqu'on") == ["l'", "d’", "qu'", "jusqu’", "lorsqu'"]


def test_a_literal_phrase_takes_either_apostrophe_and_any_spacing():
    pattern = re.compile(chars.literal("secrétaire d'Etat (adjoint)"))
    assert pattern.fullmatch("secrétaire d’Etat (adjoint)")
    assert pattern.fullmatch("secrétaire\u00a0 d'Etat (adjoint)")
    assert not pattern.fullmatch("secrétaire d Etat (adjoint)")


def test_alternation_tries_the_longest_phrase_first():
    assert re.match(chars.alternation(["chef", "chef de la diplomatie", "chef d'état-major"]), "chef de la diplomatie").group() == "chef de la diplomatie"


def test_alternation_shares_the_starts_of_phrases_and_matches_as_the_plain_list_does():
    assert chars.alternation(["a déclaré", "a dit", "affirmé", "l'a dit", "a"]) == r"a(?:\s+d(?:éclaré|it)|ffirmé|)|l['’]a\s+dit"
    # (Under re.I "a" and "A" match alike, and "s" matches "ſ": phrases opening with either keep their order.)
    assert re.match(f"(?:{chars.alternation(['sié', 'ſI', 's'])})", "ſI", re.I).group() == "ſI"
    phrases = ["a déclaré", "a dit", "A dit", "affirmé", "l'a dit", "a"]
    shared = chars.alternation(phrases)
    plain = "|".join(chars.literal(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    for flags in (0, re.I):
        for text in ("Il a déclaré", "A dit-il", "l’a dit", "a  dit", "affirmé a", "ad"):
            assert [m.span() for m in re.finditer(f"(?:{shared})", text, flags)] == [m.span() for m in re.finditer(f"(?:{plain})", text, flags)]


def test_at_word_start_matches_what_the_look_behind_before_the_alternation_matches():
    phrases = ["M.", "MM.", "Mme", "Mlle", "dit", "a dit"]
    text = "M. X, MM. Y et Mme Z ; -Mme, aMlle, Mlle. Il a dit, redit, dit-il, l'a dit."
    plain = re.compile(rf"(?<![\w-])(?:{chars.alternation(phrases)})")
    assert spans(re.compile(chars.at_word_start(phrases)), text) == spans(plain, text) == ["M.", "MM.", "Mme", "Mlle", "a dit", "dit", "a dit"]


def test_leading_word_is_what_a_word_pattern_reads():
    assert [chars.leading_word(text) for text in ("lequel il", "qui-vive", "_a1 b", " lequel", "")] == ["lequel", "qui", "_a1", "", ""]


# ---- folding


def test_folding_keeps_or_drops_hyphens_and_apostrophes_by_name():
    assert strip_accents("L’Américain Jean-Yves") == "l'americain jean-yves"
    assert fold("L’Américain Jean-Yves  Le Drian") == "l'americain jean yves le drian"
    assert fold_words("d’Abou Dhabi") == "d abou dhabi"


# ---- sentences


def test_a_sentence_ends_at_a_stop_before_a_capital_not_after_an_abbreviation():
    text = "M. Toner l'a dit. Mme Parly aussi ! J. Blinken a 3.000 soldats. Le 14 mai."
    assert [text[start:end] for start, end in sentences.sentences(text)] == [
        "M. Toner l'a dit.",
        " Mme Parly aussi !",
        " J. Blinken a 3.000 soldats.",
        " Le 14 mai.",
    ]
    text = "Le Dr. Smith et St. Louis. Fin."
    assert [text[start:end] for start, end in sentences.sentences(text)] == ["Le Dr. Smith et St. Louis.", " Fin."]


def test_a_stop_inside_closing_marks_ends_the_sentence():
    text = "« Nous restons. » Le ministre est parti."
    assert list(sentences.sentence_ends(text)) == [len("« Nous restons. »")]


def test_a_stop_then_a_paragraph_break_is_one_end_and_each_line_of_a_heading_one_more():
    text = "Fin du paragraphe.\n\nIntertitre\n\nLe ministre"
    assert list(sentences.sentence_ends(text)) == [20, 31, 32]


def test_sentence_start_and_end_around_a_position():
    text = "Première phrase. Le ministre a promis 5 millions. Fin."
    position = text.index("5 millions")
    assert text[sentences.sentence_start(text, position):sentences.sentence_end(text, position)] == " Le ministre a promis 5 millions"


def test_a_sentence_index_answers_as_the_functions_it_stands_for():
    text = "Fin du paragraphe.\n\nIntertitre\n\nLe ministre. « Nous restons. » M. Toner l'a dit… en Syrie.La réunion ?"
    index = sentences.SentenceIndex(text)
    assert list(index.ends()) == [20, 31, 32, 44, 62, 90]
    assert list(index.ends(25, 62)) == [31, 32, 44]  # the end at 62 needs what follows it
    assert [index.start(position) for position in (0, 40, 62, 63, 90)] == [0, 32, 44, 44, 62]
    assert [index.end(position) for position in (0, 40, 64, 96)] == [17, 43, 89, 102]
    for position in range(len(text) + 1):
        assert list(index.ends(position)) == list(sentences.sentence_ends(text, position))
        assert list(index.ends(0, position)) == list(sentences.sentence_ends(text, 0, position))
        assert index.start(position) == sentences.sentence_start(text, position)
        assert index.end(position) == sentences.sentence_end(text, position)
    assert index.bounds() == sentences.sentences(text) == [(0, 20), (20, 31), (31, 32), (32, 44), (44, 62), (62, 90), (90, 102)]


def test_a_sentence_index_answers_as_the_functions_on_random_texts():
    import random

    pieces = ["M", "Mme", "Dr", "St", "J", "le", "La", "ab", "É", "3", ".", "!", "?", "…", "\n", " ", "\u00a0", "»", "«", "”", '"', "<", "mots sans fin " * 4]
    generator = random.Random(6)
    for _ in range(60):  # (some longer than the reach back)
        text = "".join(generator.choice(pieces) for _ in range(generator.randrange(1, 160)))
        index = sentences.SentenceIndex(text)
        for position in range(len(text) + 1):
            assert list(index.ends(position, len(text) - position // 3)) == list(sentences.sentence_ends(text, position, len(text) - position // 3))
            assert (index.start(position), index.end(position)) == (sentences.sentence_start(text, position), sentences.sentence_end(text, position))
        assert index.bounds() == sentences.sentences(text)


def test_a_sentence_index_reaches_back_no_further_than_sentence_start():
    text = "Début. " + "Mme " * 200
    assert sentences.SentenceIndex(text).start(len(text)) == len(text) - sentences.REACH

def test_paragraphs_are_the_lines_of_text():
    assert list(sentences.paragraphs("Un.\n\nDeux\n")) == [(0, 3), (5, 9)]


# ---- nationalities


def test_every_form_of_a_nationality_adjective_gives_its_country():
    assert {form: nationalities.NATIONALITIES[form] for form in ("irakien", "irakienne", "irakiens", "irakiennes", "turque", "turcs")} == {
        "irakien": "Irak", "irakienne": "Irak", "irakiens": "Irak", "irakiennes": "Irak", "turque": "Turquie", "turcs": "Turquie"
    }
    assert nationalities.NATIONALITIES["européenne"] is None  # several countries
    assert nationalities.FOLDED_NATIONALITIES["americaines"] == "Etats-Unis"
    assert {"Français", "Irakiens"} <= nationalities.DEMONYMS


def test_regular_feminine_and_plural():
    assert [nationalities.feminine(word) for word in ("irakien", "européen", "grec", "français", "belge")] == ["irakienne", "européenne", "grecque", "française", "belge"]
    assert [nationalities.plural(word) for word in ("américain", "français", "belge")] == ["américains", "français", "belges"]


# ---- vocabulary


def test_determiners_by_kind_gender_and_number():
    assert vocabulary.determiners(("definite", "contracted"), number="singular") == {"le", "la", "l'", "du", "au"}
    assert vocabulary.determiners(("demonstrative", "possessive"), number="plural") == {"ces", "ses", "leurs", "nos", "vos", "mes"}
    assert vocabulary.determiners(("indefinite",)) == {"un", "une", "des", "plusieurs", "certains", "certaines"}
    assert vocabulary.determiners(gender="f", number="singular") == {"la", "une", "cette", "sa"}


def test_name_vocabulary_is_folded_once():
    assert vocabulary.NICKNAMES["jim"] == "james"
    assert {"al", "ben", "von", "abou"} <= vocabulary.FOLDED_PARTICLES
    assert "abou" not in vocabulary.FOLDED_JOINING and "al" in vocabulary.FOLDED_JOINING
    assert vocabulary.COURTESY_ABBREVIATIONS == ["M.", "MM.", "Mme", "Mlle"]
    assert {"m", "mme", "sa majeste"} <= vocabulary.COURTESY_TITLES


# ---- grammar: words


def test_word_token_leaves_out_the_elided_article():
    assert [m.group(1) for m in grammar.WORD_TOKEN.finditer("L'envoyé d’Abou Dhabi")] == ["envoyé", "Abou", "Dhabi"]


def test_phrase_token_splits_a_noun_phrase():
    assert spans(grammar.PHRASE_TOKEN, "l'envoyé de M. Kerry, 14 000 §§§") == ["l'", "envoyé", "de", "M.", "Kerry", ",", "14 000", "§§§"]


# ---- grammar: speech verbs


@pytest.mark.parametrize("text", ["a déclaré", "lui a répondu", "a pour sa part réaffirmé", "s'est félicité", "se félicite", "affirme"])
def test_noun_verb_is_a_speech_verb_after_its_subject(text):
    assert re.fullmatch(grammar.NOUN_VERB, text)


@pytest.mark.parametrize("text, pronoun", [("a-t-il ajouté", "il"), ("ajoute-t-elle", "elle"), ("s'est-il félicité", "il"), ("se félicitent-ils", "ils")])
def test_pronoun_verb_names_its_pronoun(text, pronoun):
    match = re.fullmatch(grammar.PRONOUN_VERB, text)
    assert next(match.group(group) for group in grammar.PRONOUN_GROUPS if match.group(group)) == pronoun


def test_a_bare_present_is_no_verb_after_an_article():
    pattern = re.compile(grammar.BARE_SPEECH_VERB + r"\b")
    assert pattern.search("Il annonce") and not pattern.search("l'annonce") and not pattern.search("la note")


def test_gap_takes_up_to_three_adverbs_but_not_que():
    assert re.fullmatch(grammar.GAP, " pour sa part") and not re.fullmatch(grammar.GAP, " que")


def test_verb_finds_speech_verbs_in_a_sentence():
    assert spans(grammar.VERB, "« Non », a-t-il dit. Le ministre a déclaré que l'annonce l'affirme : oui.") == ["a-t-il dit", "a déclaré", "l'affirme"]


def test_verb_hint_is_in_every_verb_and_absent_from_a_sentence_without_one():
    text = "« Non », a-t-il dit. Elle s'est félicitée ; se félicite-t-elle ? X l'affirme : oui, ajoute-t-il."
    for verb in grammar.VERB.finditer(text):
        assert grammar.VERB_HINT.search(text, verb.start(), verb.end())
    assert grammar.VERB_HINT.search("Les conditions sont réunies.") is None  # ("dit" inside a word)
    assert grammar.VERB.search("Les conditions sont réunies.") is None


def test_any_participle_reads_a_verb_the_lexicon_lacks():
    assert grammar.ANY_PARTICIPLE.match("a tonné le ministre").group() == "a tonné"


def test_speech_before_and_after_a_name():
    assert grammar.SPEECH_BEFORE.search("a déclaré mardi ") and grammar.SPEECH_BEFORE.search("Selon ")
    assert grammar.SPEECH_AFTER.match(" a aussitôt déclaré") and not grammar.SPEECH_AFTER.match(" a quitté")
    assert grammar.SPEECH_THEN_ARTICLE.search("a ajouté le ").group() == "ajouté le "


# ---- grammar: clauses and noun phrases


def test_clause_words_and_finite_verbs():
    assert spans(grammar.CLAUSE_WORD, "le ministre qui a dit") == ["qui", "a"]
    assert spans(grammar.FINITE, "il n'a pas, elle est, se sont") == ["n'a", "est", "se sont"]


def test_clause_openers_relatives_and_conjunctions():
    assert spans(grammar.CLAUSE_OPENER, "tandis qu'il parlait; mais") == ["tandis qu'", ";", "mais"]
    assert grammar.RELATIVE.search("le ministre qui parle").group() == " qui parle"
    assert grammar.C_EST_QUI.match("C'est le ministre qui l'a dit").group(1) == "le ministre"
    assert grammar.CONJUNCTION.match("Et le ministre").group() == "Et " and not grammar.CONJUNCTION.match("Ethan")


def test_title_start_takes_its_modifiers():
    assert grammar.TITLE_START.match("nouveau ministre des Finances").group() == "nouveau ministre"
    assert grammar.TITLE_START.match("ex-ministre").group() == "ex-ministre"


def test_title_word_in_folded_text():
    assert grammar.TITLE_WORD.search("le secretaire d'etat adjoint") and not grammar.TITLE_WORD.search("la secretairerie")


def test_feminine_and_masculine_titles():
    assert grammar.FEMININE_BEFORE.search("la ministre ") and grammar.FEMININE_BEFORE.search("Mme ")
    assert grammar.MASCULINE_BEFORE.search("le nouveau ministre ") and not grammar.MASCULINE_BEFORE.search("la ministre ")


def test_complements_before_a_name():
    assert grammar.COMPLEMENT.search("les déclarations de ") and grammar.COMPLEMENT.search("le porte-parole du ministre ")
    assert grammar.OFFICE_COMPLEMENT.search("le chef de la diplomatie ") and not grammar.OFFICE_COMPLEMENT.search("le chef de l'armée ")


def test_definite_subject_after_a_stop_and_after_a_clause():
    assert grammar.DEFINITE.match(" Le secrétaire").group() == " Le " and not grammar.DEFINITE.match("\nLe")
    assert grammar.CLAUSE_SUBJECT.search("Evoquant la menace, le Premier ministre").group() == ", le "


def test_genitive_end():
    assert grammar.GENITIVE_END.search("ministre des Affaires étrangères et de la ") and not grammar.GENITIVE_END.search("ministre ")


def test_time_phrase_between_verb_and_subject():
    assert grammar.TIME_PHRASE.match(", jeudi soir le ministre").group() == ", jeudi"
    assert grammar.TIME_PHRASE.match(" ce matin").group() == " ce matin"


def test_narration():
    assert grammar.SOURCE_PREPOSITION.search("d’après le ministre") and grammar.SOURCE_PREPOSITION.search("Selon lui")
    assert grammar.NARRATIVE.match("Et de conclure : ") and grammar.NARRATIVE.match("Avant d'ajouter ")
    assert grammar.PARTICIPLE_OPENING.match("Disant ") and not grammar.PARTICIPLE_OPENING.match("Dans ")
    assert grammar.DESCRIPTION.fullmatch("le diplomate américain").groups() == ("diplomate", "américain")
    assert grammar.RELATIVE_PRONOUNS >= {"lequel", "qui"}


# ---- numbers: what surrounds a number


def test_number_grammar():
    assert numbers.PERCENT.match(" pour cent") and numbers.PERCENT.match("%")
    assert numbers.ORDINAL_AFTER.match("e sommet") and numbers.ORDINAL_AFTER.match("h30") and not numbers.ORDINAL_AFTER.match(" pays")
    assert numbers.TRAILING_HEDGE.match(" environ") and not numbers.TRAILING_HEDGE.match("\nenviron")
    assert numbers.RANGE_LINK.match(" et ") and numbers.RANGE_LINK.match(" à ")
    assert numbers.RANGE_START.search("entre ").group("word") == "entre"


# ---- roles


@pytest.mark.parametrize(
    "written, normal",
    [
        ("Nouveau chef de Daesh", "chef de Daech"),
        ("nouvelle secrétaire d’Etat", "secrétaire d'Etat"),
        ("chef de DAECH", "chef de Daech"),
        ("chef de l'EI", "chef de Daech"),
        ("émissaire de la coalition contre l'Etat islamique", "émissaire de la coalition contre Daech"),
        ("ambassadeur néo-zélandais", "ambassadeur néo-zélandais"),
        ("chef de l'EIIL", "chef de l'EIIL"),
        (None, None),
    ],
)
def test_normal_role(written, normal):
    assert roles.normal_role(written) == normal
