import pytest

from loader.extract import extract_article
from loader.extract.quotes import extract_quotes, quote_spans
from loader.records import PersonMention, Quote

DURAND = PersonMention("Paul Durand", aliases=["Durand", "M. Durand"], role="ministre français de la Défense", country="France")
MARTIN = PersonMention("Claire Martin", aliases=["Mme Martin"], role="ministre des Affaires étrangères", country="Belgique")
SMITH = PersonMention("John Smith", aliases=["Smith"], role="secrétaire d'Etat américain", country="Etats-Unis")


def quote(body, text, speaker=None, attribution=None, occurrence=1):
    """The Quote record of `text`, at its `occurrence`-th place in `body`."""
    start = -1
    for _ in range(occurrence):
        start = body.index(text, start + 1)
    return Quote(text=text, start=start, end=start + len(text), speaker=speaker, attribution=attribution)


def test_speaker_after_the_quote_with_a_title_and_circumstances():
    body = "« Nous resterons aux côtés de nos alliés jusqu'au bout », a déclaré jeudi à la presse le ministre français de la Défense Paul Durand."
    assert extract_quotes(body, [DURAND]) == [
        quote(body, "Nous resterons aux côtés de nos alliés jusqu'au bout", "Paul Durand", "le ministre français de la Défense Paul Durand")
    ]


def test_speaker_named_in_apposition_after_the_title():
    body = "« La menace reste élevée dans toute la région », a averti le chef de la diplomatie belge, Claire Martin, lors d'un point de presse."
    assert extract_quotes(body, [MARTIN]) == [
        quote(body, "La menace reste élevée dans toute la région", "Claire Martin", "le chef de la diplomatie belge")
    ]


def test_speaker_before_the_quote_without_the_final_full_stop():
    body = "Interrogé par la radio publique, Paul Durand a affirmé : « Les jihadistes reculent partout, mais la menace demeure. »"
    assert extract_quotes(body, [DURAND]) == [
        quote(body, "Les jihadistes reculent partout, mais la menace demeure", "Paul Durand", "Paul Durand")
    ]


def test_fragment_after_a_speech_verb_and_que():
    body = "John Smith a estimé que la coalition devait « rester mobilisée aussi longtemps que nécessaire »."
    assert extract_quotes(body, [SMITH]) == [quote(body, "rester mobilisée aussi longtemps que nécessaire", "John Smith", "John Smith")]


def test_pronoun_points_to_the_previous_speaker():
    body = (
        "« Nous avons tenu tous nos engagements envers nos partenaires », a déclaré Mme Martin.\n\n"
        "« Nous tiendrons aussi les suivants », a-t-elle ajouté."
    )
    assert extract_quotes(body, [MARTIN]) == [
        quote(body, "Nous avons tenu tous nos engagements envers nos partenaires", "Claire Martin", "Mme Martin"),
        quote(body, "Nous tiendrons aussi les suivants", "Claire Martin", "Mme Martin"),
    ]


def test_pronoun_after_a_sentence_about_a_person():
    body = "Paul Durand a défendu son bilan. « Nous avons tenu tous nos engagements envers nos partenaires », a-t-il affirmé."
    assert extract_quotes(body, [DURAND]) == [
        quote(body, "Nous avons tenu tous nos engagements envers nos partenaires", "Paul Durand", "Paul Durand")
    ]


def test_pronoun_points_to_an_institution_not_to_a_person_named_on_the_way():
    body = (
        "Les délégations se retrouveront à Paris « pour faire le point sur la campagne contre les jihadistes », a annoncé mardi le ministère belge.\n\n"
        "Sous la présidence de Claire Martin, « les délégations examineront la suite des opérations militaires », a-t-il ajouté."
    )
    assert extract_quotes(body, [MARTIN]) == [
        quote(body, "pour faire le point sur la campagne contre les jihadistes", None, "le ministère belge"),
        quote(body, "les délégations examineront la suite des opérations militaires", None, "le ministère belge"),
    ]


def test_the_pronoun_s_gender_skips_a_speaker():
    body = (
        "« Le calendrier sera tenu malgré les difficultés », a assuré Mme Martin. "
        "« Nous verrons bien ce qu'il en sera », a répondu M. Durand. "
        "« Rien ne nous fera reculer sur ce point », a-t-elle insisté."
    )
    found = extract_quotes(body, [MARTIN, DURAND])
    assert [q.speaker for q in found] == ["Claire Martin", "Paul Durand", "Claire Martin"]


def test_anonymous_source_is_nobody():
    body = "« La décision sera prise dans les prochains jours », a dit à des journalistes un responsable américain, sous couvert d'anonymat."
    assert extract_quotes(body, [SMITH]) == [
        quote(body, "La décision sera prise dans les prochains jours", None, "un responsable américain")
    ]


def test_pronoun_after_an_anonymous_source():
    body = (
        "« Les discussions ont été franches et directes », a confié un diplomate européen. "
        "« Mais personne ne veut envoyer de troupes », a-t-il ajouté."
    )
    assert extract_quotes(body, [DURAND]) == [
        quote(body, "Les discussions ont été franches et directes", None, "un diplomate européen"),
        quote(body, "Mais personne ne veut envoyer de troupes", None, "un diplomate européen"),
    ]


def test_a_title_points_to_the_person_holding_the_office():
    body = (
        "Le secrétaire d'Etat américain John Smith était présent. "
        "« Cette guerre sera longue et difficile », a prévenu le chef de la diplomatie américaine."
    )
    assert extract_quotes(body, [SMITH, DURAND]) == [
        quote(body, "Cette guerre sera longue et difficile", "John Smith", "le chef de la diplomatie américaine")
    ]


def test_a_title_of_another_office_is_not_the_compatriot():
    body = "John Smith était absent. « Nous attendons des décisions concrètes », a déclaré le secrétaire américain à la Défense."
    assert extract_quotes(body, [SMITH]) == [
        quote(body, "Nous attendons des décisions concrètes", None, "le secrétaire américain à la Défense")
    ]


def test_a_nationality_noun_points_to_the_compatriot():
    body = (
        "« Daech a perdu son territoire », a déclaré John Smith. "
        "L'Américain a appelé ses partenaires à rapatrier leurs ressortissants. "
        "« C'est la seule façon d'éviter de nouveaux attentats », a-t-il insisté."
    )
    assert [q.speaker for q in extract_quotes(body, [SMITH, DURAND])] == ["John Smith", "John Smith"]


@pytest.mark.parametrize("word", ["Selon", "D'après"])
def test_selon_and_d_apres_name_the_source(word):
    body = f"{word} le ministre de la Défense, Paul Durand, « la coalition n'a jamais été aussi unie face à la menace »."
    assert extract_quotes(body, [DURAND]) == [
        quote(body, "la coalition n'a jamais été aussi unie face à la menace", "Paul Durand", "le ministre de la Défense")
    ]


def test_selon_before_a_clause_with_another_subject():
    body = "D'après un diplomate, plusieurs délégations ont jugé qu'« aucune solution durable ne sera possible sans accord politique »."
    assert extract_quotes(body, []) == [
        quote(body, "aucune solution durable ne sera possible sans accord politique", None, "un diplomate")
    ]


def test_selon_after_the_quote_and_selon_lequel():
    body = (
        "« Au moins 4.000 combattants se trouveraient encore dans la ville », selon l'armée belge.\n\n"
        "Un démenti est venu du renseignement belge selon lequel l'organisation « contrôle encore des milliers de combattants »."
    )
    assert extract_quotes(body, []) == [
        quote(body, "Au moins 4.000 combattants se trouveraient encore dans la ville", None, "l'armée belge"),
        quote(body, "contrôle encore des milliers de combattants", None, "le renseignement belge"),
    ]


def test_incise_inside_the_marks_splits_the_quote():
    body = "« Cette réunion n'est pas une réunion de routine, a dit Paul Durand, nous devons adapter notre stratégie. »"
    assert extract_quotes(body, [DURAND]) == [
        quote(body, "Cette réunion n'est pas une réunion de routine", "Paul Durand", "Paul Durand"),
        quote(body, "nous devons adapter notre stratégie", "Paul Durand", "Paul Durand"),
    ]


def test_a_short_part_before_an_incise_is_quoted_too():
    body = "« Sans développement, a insisté Paul Durand, il n'y aura pas de sécurité durable. »"
    assert extract_quotes(body, [DURAND]) == [
        quote(body, "Sans développement", "Paul Durand", "Paul Durand"),
        quote(body, "il n'y aura pas de sécurité durable", "Paul Durand", "Paul Durand"),
    ]


def test_incise_between_a_closed_and_a_reopened_quote():
    body = "John Smith a salué l'effort des alliés. « Il ne s'agit pas d'une guerre de l'Occident », a-t-il dit, « mais d'un combat commun contre une menace ». Le texte final a été adopté."
    assert extract_quotes(body, [SMITH]) == [
        quote(body, "Il ne s'agit pas d'une guerre de l'Occident", "John Smith", "John Smith"),
        quote(body, "mais d'un combat commun contre une menace", "John Smith", "John Smith"),
    ]


def test_unclosed_quote_ends_with_its_paragraph():
    body = "Le ministre a averti : « La fin des combats ne signifie pas que nous avons vaincu les jihadistes.\n\nAutre paragraphe sans citation."
    assert extract_quotes(body, []) == [
        quote(body, "La fin des combats ne signifie pas que nous avons vaincu les jihadistes", None, "Le ministre")
    ]


def test_unclosed_mark_around_a_name_swallows_nothing():
    body = (
        "Les jihadistes de l'organisation « Etat islamique, qui contrôle toujours de vastes territoires, reculent à Mossoul. "
        "« Nous les chasserons de la ville avant l'été », a déclaré Paul Durand."
    )
    assert extract_quotes(body, [DURAND]) == [
        quote(body, "Nous les chasserons de la ville avant l'été", "Paul Durand", "Paul Durand")
    ]


def test_scare_quotes_names_and_short_fragments_are_not_quotes():
    body = (
        "Il a jugé la situation « intenable » et parlé d'un \"moment-clé\" pour la stratégie « militaire » du groupe « Etat islamique en Irak et au Levant ». "
        "Paul Durand a promis « une aide rapide » à la coalition « Inherent Resolve »."
    )
    assert extract_quotes(body, [DURAND]) == []


def test_a_short_sentence_with_a_speech_verb_is_a_quote():
    body = "« Ce sont des forces temporaires », a indiqué le colonel Paul Durand."
    assert extract_quotes(body, [DURAND]) == [quote(body, "Ce sont des forces temporaires", "Paul Durand", "le colonel Paul Durand")]


def test_a_repeated_teaser_gives_no_duplicate():
    body = (
        "« Nous ne partirons pas avant la victoire finale », a dit Paul Durand.\n\n"
        "Autre paragraphe.\n\n"
        "« Nous ne partirons pas avant la victoire finale », a dit Paul Durand."
    )
    assert extract_quotes(body, [DURAND]) == [quote(body, "Nous ne partirons pas avant la victoire finale", "Paul Durand", "Paul Durand")]


def test_a_teaser_cut_short_gives_no_duplicate():
    body = "« Nous ne partirons pas avant la victoire finale contre les jihadistes », a dit Paul Durand.\n\nPaul Durand a prévenu : « Nous ne partirons pas avant la victoire..."
    assert len(extract_quotes(body, [DURAND])) == 1


def test_mismatched_and_nested_marks():
    body = "« Nous parlons d'un “moment décisif” pour la coalition ”, a dit John Smith."
    assert extract_quotes(body, [SMITH]) == [quote(body, "Nous parlons d'un “moment décisif” pour la coalition", "John Smith", "John Smith")]


def test_reflexive_speech_verb_and_impersonal_source():
    body = (
        "« C'est une étape importante pour toute la coalition », s'est félicité jeudi John Smith. "
        "« Le calendrier reste très incertain », a-t-on indiqué de source diplomatique."
    )
    assert extract_quotes(body, [SMITH]) == [
        quote(body, "C'est une étape importante pour toute la coalition", "John Smith", "John Smith"),
        quote(body, "Le calendrier reste très incertain", None, "de source diplomatique"),
    ]


def test_a_communique_speaks_for_a_group():
    body = "Dans leur communiqué final, les pays arabes promettent « de participer à tous les aspects d'une campagne militaire coordonnée »."
    assert extract_quotes(body, []) == [
        quote(body, "de participer à tous les aspects d'une campagne militaire coordonnée", None, "le communiqué final")
    ]


def test_a_lone_quote_goes_on_with_the_last_speaker():
    body = "Paul Durand a pris la parole en premier.\n\n« La route est longue. Mais nous avancerons ensemble. »"
    assert extract_quotes(body, [DURAND]) == [quote(body, "La route est longue. Mais nous avancerons ensemble", "Paul Durand", "Paul Durand")]


def test_a_complement_is_not_the_speaker():
    body = "« Aucune date n'a été fixée pour le retrait », a précisé le porte-parole de M. Durand."
    assert extract_quotes(body, [DURAND]) == [
        quote(body, "Aucune date n'a été fixée pour le retrait", None, "le porte-parole de M. Durand")
    ]


def test_quote_spans_pair_marks_within_a_paragraph():
    body = 'Il a dit "oui" puis « non.\n\nEnsuite « fin ».'
    assert [(span.start, span.end) for span in quote_spans(body)] == [(10, 13), (37, 42)]


def test_spans_index_the_body():
    body = "Il a prévenu : “Les prochaines semaines seront décisives pour la coalition tout entière”, selon son entourage."
    for found in extract_quotes(body, []):
        assert body[found.start:found.end] == found.text


def test_guillemets_nested_in_guillemets():
    body = "« Certains parlent de « guerre » mais il s'agit d'une opération de police », a dit John Smith."
    assert extract_quotes(body, [SMITH]) == [
        quote(body, "Certains parlent de « guerre » mais il s'agit d'une opération de police", "John Smith", "John Smith")
    ]


def test_a_short_sentence_standing_alone_is_a_quote():
    body = "« Le combat continue. » Paul Durand a ainsi résumé la situation devant les soldats."
    assert extract_quotes(body, [DURAND]) == [quote(body, "Le combat continue", "Paul Durand", "Paul Durand")]


def test_a_surname_shared_with_another_person_is_not_theirs():
    king = PersonMention("Salman")
    prince = PersonMention("Mohammed ben Salman", aliases=["MBS"])
    body = "« Le royaume soutiendra la coalition jusqu'au bout », a déclaré Salman."
    assert [q.speaker for q in extract_quotes(body, [prince, king])] == ["Salman"]


def test_a_definite_description_points_to_the_last_speaker_of_that_country_and_gender():
    body = (
        "« La menace reste élevée dans toute la région », a dit M. Smith. "
        "« Nous resterons aux côtés de nos partenaires jusqu'au bout », a poursuivi le diplomate américain."
    )
    assert extract_quotes(body, [SMITH]) == [
        quote(body, "La menace reste élevée dans toute la région", "John Smith", "M. Smith"),
        quote(body, "Nous resterons aux côtés de nos partenaires jusqu'au bout", "John Smith", "le diplomate américain"),
    ]


def test_a_definite_description_after_an_unnamed_source_of_that_noun_stays_unnamed():
    body = (
        "Le secrétaire d'Etat John Smith est arrivé mardi. "
        "« Nous ne partirons pas de la région avant longtemps », a confié un diplomate américain. "
        "« Nous resterons aussi longtemps que nécessaire », a ajouté le diplomate américain."
    )
    assert [(q.speaker, q.attribution) for q in extract_quotes(body, [SMITH])] == [
        (None, "un diplomate américain"),
        (None, "le diplomate américain"),
    ]


def test_a_feminine_office_no_one_holds_points_to_the_one_woman_named_before():
    hale = PersonMention("Victoria Hale", role="sous-secrétaire d'Etat américaine aux affaires politiques", country="Etats-Unis")
    body = (
        "Mme Victoria Hale, sous-secrétaire d'Etat américaine aux affaires politiques, a pris la parole après John Smith. "
        "La secrétaire d'Etat adjointe a rappelé l'importance des rapatriements. "
        "« Chaque pays doit reprendre ses citoyens », a-t-elle martelé."
    )
    assert extract_quotes(body, [hale, SMITH]) == [
        quote(body, "Chaque pays doit reprendre ses citoyens", "Victoria Hale", "La secrétaire d'Etat adjointe")
    ]


def test_an_office_with_an_irregular_feminine_nationality_names_its_holder():
    demir = PersonMention("Ahmet Demir", role="ministre turc des Affaires étrangères", country="Turquie")
    body = "Ahmet Demir est arrivé mardi. « Nous ne tolérerons aucun corridor terroriste », a prévenu le chef de la diplomatie turque."
    assert extract_quotes(body, [SMITH, demir]) == [
        quote(body, "Nous ne tolérerons aucun corridor terroriste", "Ahmet Demir", "le chef de la diplomatie turque")
    ]


def test_an_object_pronoun_before_a_speech_verb_and_a_colon():
    body = "Paul Durand, le ministre qui conduit la délégation, l'affirme : « Les jihadistes reculent partout. »"
    assert extract_quotes(body, [DURAND]) == [quote(body, "Les jihadistes reculent partout", "Paul Durand", "Paul Durand")]


def test_a_name_in_a_complement_does_not_take_over_the_next_pronoun():
    hale = PersonMention("Robert Hale", role="président", country="Etats-Unis")
    body = (
        "John Smith a réuni ses homologues mercredi. "
        "L'ancien général a voulu rassurer des partenaires inquiets des déclarations de Robert Hale. "
        "« L'Amérique honorera ses engagements », a-t-il assuré."
    )
    assert extract_quotes(body, [SMITH, hale]) == [quote(body, "L'Amérique honorera ses engagements", "John Smith", "John Smith")]


def test_a_name_after_an_office_complement_is_still_the_subject():
    durand = PersonMention("Paul Durand", role="ancien ministre des Finances", country="France")
    body = (
        "John Smith a réagi lundi. "
        "L'ancien ministre des Finances Paul Durand, qui fut aussi chef de la diplomatie, a été moins diplomate. "
        "« Nous avons abandonné nos alliés », a-t-il déploré."
    )
    assert extract_quotes(body, [SMITH, durand]) == [quote(body, "Nous avons abandonné nos alliés", "Paul Durand", "Paul Durand")]


def test_a_sentence_with_no_known_verb_still_names_its_subject_for_the_next_pronoun():
    hale = PersonMention("Robert Hale", role="général", country="Etats-Unis")
    body = (
        "« Nous restons », a déclaré John Smith. "
        "Le général Robert Hale, qui commandait le Centcom, voit dans ce retrait un pari risqué. "
        "« The job is not done », a-t-il dit."
    )
    assert extract_quotes(body, [SMITH, hale])[1] == quote(body, "The job is not done", "Robert Hale", "Robert Hale")


def test_a_name_in_an_opening_adjunct_is_not_the_subject_of_a_sentence_with_no_known_verb():
    body = "« Nous restons », a déclaré le porte-parole. Sous la présidence de John Smith, « les ministres vont évoquer la suite », a-t-il ajouté."
    assert [q.speaker for q in extract_quotes(body, [SMITH])] == [None, None]


def test_a_double_quote_left_open_inside_guillemets_does_not_hold_them_open():
    body = "« Le mot \"victoire est prématuré », a déclaré Paul Durand. Il est ensuite reparti vers Paris sans parler aux journalistes."
    assert extract_quotes(body, [DURAND]) == [quote(body, "Le mot \"victoire est prématuré", "Paul Durand", "Paul Durand")]


def test_a_word_in_double_quotes_inside_guillemets_stays_in_the_quotation():
    body = "« Nous parlons de \"victoire\" et de paix », a déclaré Paul Durand."
    assert extract_quotes(body, [DURAND]) == [quote(body, "Nous parlons de \"victoire\" et de paix", "Paul Durand", "Paul Durand")]


# --- issue 18: who said it ------------------------------------------------------------------------------


def said(body):
    from loader.extract import extract_article

    return [(q.text, q.speaker, q.attribution) for q in extract_article(body, None).quotes]


def test_a_pronoun_points_to_the_speaker_named_after_the_verb_or_in_the_paragraph_before():
    body = "« Nous resterons en Irak », a déclaré lundi le secrétaire d'Etat Paul Martin. « La coalition tiendra », a-t-il ajouté."
    assert said(body) == [
        ("Nous resterons en Irak", "Paul Martin", "le secrétaire d'Etat Paul Martin"),
        ("La coalition tiendra", "Paul Martin", "le secrétaire d'Etat Paul Martin"),
    ]
    body = "Le ministre français de la Défense, Jean Morel, a reçu ses homologues mardi.\n\n« Daech n'est pas vaincu », a-t-il poursuivi devant la presse."
    assert said(body) == [("Daech n'est pas vaincu", "Jean Morel", "Jean Morel")]


def test_a_plural_pronoun_with_no_group_named_before_is_nobody():
    body = (
        "Le secrétaire d'Etat américain, Tom Reed, reçoit ses homologues. Dans un communiqué, les participants se "
        "disent confiants. « La progression de Daech est stoppée. Les forces regagnent du terrain », expliquent-ils."
    )
    assert said(body) == [("La progression de Daech est stoppée. Les forces regagnent du terrain", None, None)]


def test_an_incise_inside_the_marks_with_its_speakers_apposition():
    body = "Le ministre Paul Lenoir est arrivé lundi. « Nous resterons, a-t-il affirmé, aussi longtemps qu'il le faudra. »"
    assert said(body) == [
        ("Nous resterons", "Paul Lenoir", "Le ministre Paul Lenoir"),
        ("aussi longtemps qu'il le faudra", "Paul Lenoir", "Le ministre Paul Lenoir"),
    ]
    body = (
        "« Le président veut travailler avec ses partenaires, a insisté Maria Lopez, porte-parole du département d'Etat, "
        "au micro de notre envoyé. Dans le cas de Daech, la coalition a choisi de concentrer ses efforts sur le Sahel. »"
    )
    assert said(body) == [
        ("Le président veut travailler avec ses partenaires", "Maria Lopez", "Maria Lopez"),
        ("Dans le cas de Daech, la coalition a choisi de concentrer ses efforts sur le Sahel", "Maria Lopez", "Maria Lopez"),
    ]


def test_a_quote_whose_speaker_is_named_in_the_next_sentence():
    body = "« La coalition n'a pas l'intention de se retirer », a fait savoir le porte-parole. Ahmet Yilmaz a ajouté que les frappes continueraient."
    assert said(body) == [("La coalition n'a pas l'intention de se retirer", "Ahmet Yilmaz", "le porte-parole")]
    # Someone who answers is not the one who spoke.
    body = "« La coalition n'a pas l'intention de se retirer », a fait savoir le porte-parole. Ahmet Yilmaz a répondu que rien n'était décidé."
    assert said(body) == [("La coalition n'a pas l'intention de se retirer", None, "le porte-parole")]


def test_a_quote_inside_a_communiques_paraphrase_is_the_communiques():
    body = "Les ministres ont salué les progrès accomplis, indique le communiqué final, qui appelle à « poursuivre l'effort jusqu'à la défaite durable de Daech »."
    assert said(body) == [("poursuivre l'effort jusqu'à la défaite durable de Daech", None, "le communiqué final")]


def test_a_quote_after_a_colon_ending_the_paragraph_its_speaker_opened():
    body = (
        "Le secrétaire d'Etat Paul Martin a détaillé mardi les priorités de la coalition, en insistant sur la stabilisation :\n"
        "« Nous devons aider les villes libérées à se reconstruire. »"
    )
    assert said(body) == [("Nous devons aider les villes libérées à se reconstruire", "Paul Martin", "Le secrétaire d'Etat Paul Martin")]


def test_the_king_is_the_sovereign_and_a_source_cut_by_the_articles_end_is_completed():
    body = (
        "Le roi Selim de Jordanie a reçu mercredi le secrétaire d'Etat américain Tom Reed.\n\n"
        "« La Jordanie soutient les efforts de la coalition contre le terrorisme », a dit le souverain."
    )
    assert said(body) == [("La Jordanie soutient les efforts de la coalition contre le terrorisme", "Selim", "le souverain")]
    body = "Le secrétaire américain à la Défense, Ash Porter, est arrivé. « Nous voulons que les pays du Golfe en fassent plus », a indiqué le secr"
    assert said(body) == [("Nous voulons que les pays du Golfe en fassent plus", "Ash Porter", "le secrétaire")]


def test_a_few_words_in_marks_are_a_quote_unless_a_determiner_makes_them_a_name():
    body = "Selon le ministre, l'organisation « est en train de perdre ». Les membres de la « coalition mondiale contre Daech » se sont réunis."
    assert said(body) == [("est en train de perdre", None, "le ministre")]


def test_ce_dernier_is_the_person_named_last():
    body = (
        "Le sommet était présidé par Laurent Roux et le secrétaire d'Etat américain adjoint, Tom Reed.\n\n"
        "Ce dernier a estimé que le plan était « un bon plan militairement et politiquement ».\n\n"
        "« Nous avons la bonne stratégie en Irak », a-t-il dit."
    )
    assert said(body) == [
        ("un bon plan militairement et politiquement", "Tom Reed", "Ce dernier"),
        ("Nous avons la bonne stratégie en Irak", "Tom Reed", "Ce dernier"),
    ]


def test_a_quote_standing_alone_after_a_sentence_a_document_tells_is_the_documents():
    body = (
        "La ministre Anne Klein a coprésidé la réunion avec le secrétaire d'Etat américain Tom Reed. Les participants ont "
        "réitéré leur soutien, indiquent les Affaires étrangères belges dans un communiqué. "
        "« Les efforts de stabilisation ont été au coeur de la réunion. »"
    )
    assert said(body) == [("Les efforts de stabilisation ont été au coeur de la réunion", None, "les Affaires étrangères belges")]
    # Not the object of a verb whose subject stands before it.
    body = (
        "Le chef de la diplomatie française, Jean Morel, a annoncé un prêt d'un milliard d'euros. "
        "« La stabilisation de l'Irak est la meilleure garantie contre le retour de Daech », a-t-il déclaré."
    )
    assert said(body) == [("La stabilisation de l'Irak est la meilleure garantie contre le retour de Daech", "Jean Morel", "Jean Morel")]


def test_a_long_sentence_opened_by_a_participle_with_many_quotations_is_read_in_seconds():
    # Each quotation searched the rest of the sentence for the main verb: 100 KB took a minute.
    import time

    body = "Disant " + "« nous resterons », " * 5_000 + "le ministre Paul Durand a parlé."
    start = time.perf_counter()
    extract_quotes(body, [DURAND])
    assert time.perf_counter() - start < 10


def test_the_words_before_a_name_are_read_from_the_last_break():
    from loader.extract.quotes import _after_last_break

    assert _after_last_break("Fin. « Oui », a dit le ministre ") == ", a dit le ministre "
    assert _after_last_break("le porte-parole (adjoint) du ministre ") == "adjoint) du ministre "
    assert _after_last_break("sans rupture ") == "sans rupture "


def test_words_opening_with_initials_are_the_words_word_start_reads():
    from loader.extract.quotes import WORD_START, _words_opening_with

    pattern = _words_opening_with("AK")
    text = "Kerry, Kerrya, Ke-Kerry Al al-Al, Kerr_y Ke"
    found = [(m.start(), m.group()) for m in pattern.finditer(text)]
    assert [(start, word) for start, word in found if word in ("Kerry", "Ke", "Al")] == [(0, "Kerry"), (15, "Ke"), (24, "Al"), (41, "Ke")]
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in WORD_START.finditer(text) if m.group()[0] in "AK"]
    assert pattern.match("Kerry", 0, 3).group() == "Ker"  # (a word cut at the end)
    particle = _words_opening_with("bK")  # ("ben Salman": not all capitals)
    assert [m.group() for m in particle.finditer("ben Salman, Kerry, bin, al-ben")] == ["ben", "Kerry", "bin"]


def test_an_article_that_ends_on_a_name_after_a_quotation_is_read():
    # The name that may go on speaking is looked for in the 80 characters after the sentence: here
    # fewer are left, and the name ends the text.
    body = "Le ministre Jean Dupont est arrivé à Paris.\n« Nous resterons jusqu'au bout », a fait savoir le porte-parole. Jean Dupont"
    quotes = extract_article(body, "2017-03-01").quotes
    assert [(quote.text, quote.speaker, quote.attribution) for quote in quotes] == [("Nous resterons jusqu'au bout", None, "le porte-parole")]
