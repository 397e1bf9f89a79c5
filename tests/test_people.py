import time

from loader.extract import extract_article
from loader.extract.people import country_of, extract_people


def people(text):
    return [(p.name, p.aliases, p.role, p.country) for p in extract_people(text)]


def test_title_before_the_name_and_courtesy_title_after():
    text = "Le secrétaire d'Etat américain Anthony Wells est arrivé mardi à Rome. M. Wells a salué ses hôtes."
    assert people(text) == [("Anthony Wells", ["Wells"], "secrétaire d'Etat américain", "Etats-Unis")]


def test_apposition_after_the_name():
    text = "Claire Dumont, porte-parole du ministère français des Armées, a répondu jeudi aux questions."
    assert people(text) == [("Claire Dumont", [], "porte-parole du ministère français des Armées", "France")]


def test_rank_before_and_apposition_after_together():
    text = "Le colonel Paul Hendricks, un porte-parole militaire américain, a confirmé l'envoi de renforts."
    assert people(text) == [("Paul Hendricks", [], "colonel, porte-parole militaire américain", "Etats-Unis")]


def test_homologue_gives_a_country_but_no_office():
    # The article does not say which office the counterpart holds: the row has no role.
    text = (
        "Le ministre britannique des Affaires étrangères, Peter Lowell, a reçu ses invités. "
        "Son homologue italien, Marco Ferrante, est arrivé le premier."
    )
    assert people(text) == [
        ("Peter Lowell", [], "ministre britannique des Affaires étrangères", "Royaume-Uni"),
        ("Marco Ferrante", [], None, "Italie"),
    ]
    text = "Le secrétaire américain à la Défense, Robert Hale, a ouvert la séance avec son homologue français Michel Garnier, le secrétaire d'Etat Tom Reed et d'autres."
    assert people(text) == [
        ("Robert Hale", [], "secrétaire américain à la Défense", "Etats-Unis"),
        ("Michel Garnier", [], None, "France"),
        ("Tom Reed", [], "secrétaire d'Etat", "Etats-Unis"),
    ]


def test_nationality_adjectives_and_countries_named_in_a_role():
    assert people("Il a répondu à l'invitation du ministre danois de la Défense, Lars Holm.") == [
        ("Lars Holm", [], "ministre danois de la Défense", "Danemark")
    ]
    assert country_of("Premier ministre irakien") == "Irak"
    assert country_of("chef de la diplomatie saoudienne") == "Arabie saoudite"
    assert country_of("ministre koweïtien des Affaires étrangères") == "Koweït"
    assert country_of("présidente des Etats-Unis") == "Etats-Unis"
    assert country_of("chef de la diplomatie du Koweït") == "Koweït"
    assert country_of("ambassadeur du Maroc aux Etats-Unis") == "Maroc"
    assert country_of("porte-parole du Pentagone") == "Etats-Unis"
    assert country_of("maire de la ville") is None


def test_international_officials_serve_no_country():
    assert people("Le secrétaire général de l'Otan, Henrik Dahl, a parlé le dernier.") == [
        ("Henrik Dahl", [], "secrétaire général de l'Otan", None)
    ]
    assert country_of("haute représentante de l'Union européenne") is None
    assert country_of("envoyé spécial de l'ONU pour la Syrie") is None


def test_photo_credits_and_bylines_are_not_people():
    text = (
        "Par Hélène MARCHAL\n"
        "Des soldats irakiens près de Mossoul. KARIM SAHIB / AFP\n"
        "Le ministre irakien de la Défense, Khaled Obeidi, a visité le front (Crédit photo: Anna Berg / Pool / AFP)."
    )
    assert people(text) == [("Khaled Obeidi", [], "ministre irakien de la Défense", "Irak")]


def test_organisations_places_and_things_named_after_people_are_not_people():
    text = (
        "Le groupe Etat islamique a perdu Mossoul, selon les Nations unies et le Pentagone. "
        "Amnesty International a dénoncé les frappes. Le porte-avions Charles de Gaulle a quitté Toulon "
        "pour Abou Dhabi."
    )
    assert people(text) == []


def test_a_fuller_form_given_later_becomes_the_name():
    text = "Al Baghdadi reste introuvable. Le chef de Daech, Abou Bakr al-Baghdadi, serait blessé."
    assert people(text) == [("Abou Bakr al-Baghdadi", ["Al Baghdadi"], "chef de Daech", None)]


def test_a_definite_description_gives_the_role_the_mention_lacks():
    text = "Tom Reyes a quitté Bagdad mardi. Le secrétaire d'Etat adjoint a ensuite rencontré les dirigeants kurdes."
    assert people(text) == [("Tom Reyes", [], "secrétaire d'Etat adjoint", "Etats-Unis")]


def test_a_description_that_names_someone_else_is_not_taken():
    text = "Tom Reyes a quitté Bagdad mardi. Le Premier ministre irakien Adnan Karim l'a reçu."
    assert people(text) == [("Tom Reyes", [], None, None), ("Adnan Karim", [], "Premier ministre irakien", "Irak")]


def test_a_possessive_title_points_to_the_body_named_before():
    text = "L'EI a perdu sa capitale en 2017, et son chef, Abou Salem al-Tikriti, a fui vers le désert."
    assert people(text) == [("Abou Salem al-Tikriti", [], "chef de l'EI", None)]


def test_one_word_name_after_a_title_with_the_country_after_it():
    assert people("Le roi Hamad de Bahreïn a reçu la délégation.") == [("Hamad", [], "roi de Bahreïn", "Bahreïn")]


def test_a_speech_verb_marks_an_unknown_name_as_a_person():
    assert people("« Nous resterons », a déclaré Ingrid Solberg, sans autre précision.") == [
        ("Ingrid Solberg", [], None, None)
    ]


def test_a_well_known_official_keeps_his_country_when_the_article_gives_no_role():
    assert people("Barack Obama a téléphoné à ses alliés.") == [("Barack Obama", [], None, "Etats-Unis")]


def test_a_place_before_the_name_is_not_part_of_it():
    assert people("Le prince héritier d'Abou Dhabi Mohammed ben Zayed a reçu ses hôtes.") == [
        ("Mohammed ben Zayed", [], "prince héritier d'Abou Dhabi", "Emirats arabes unis")
    ]


def test_a_sentence_without_anyone():
    assert people("La réunion s'est tenue jeudi à Washington, au siège du département d'Etat.") == []


def test_a_byline_on_its_own_line_is_not_a_person():
    text = "Le ministre irakien de la Défense, Khaled Obeidi, a visité le front.\nDaniel Webber, avec AFP\n"
    assert people(text) == [("Khaled Obeidi", [], "ministre irakien de la Défense", "Irak")]


def test_nickname_and_given_name_in_one_article_are_one_person_under_the_given_name():
    text = "Le secrétaire américain à la Défense Jim Mattis est arrivé. James Mattis a ensuite parlé."
    assert people(text) == [("James Mattis", ["Jim Mattis"], "secrétaire américain à la Défense", "Etats-Unis")]


def test_a_title_phrase_that_names_someone_else_is_not_a_role():
    assert people("Le président Obama, Jean Dupont et les autres sont venus.") == [
        ("Obama", [], "président", "Etats-Unis"),
        ("Jean Dupont", [], None, None),
    ]


def test_an_adjective_of_several_countries_after_the_office_makes_an_international_official():
    assert people("Le chef de la diplomatie européenne, Josep Borrell, a parlé.") == [
        ("Josep Borrell", [], "chef de la diplomatie européenne", None)
    ]
    assert country_of("secrétaire d'Etat chargé des Affaires européennes") is None
    assert country_of("secrétaire d'Etat") == "Etats-Unis"


def test_a_capital_names_the_government_it_houses():
    assert people("L'envoyé spécial de Washington pour la coalition, Ian Marsh, a salué la réunion.") == [
        ("Ian Marsh", [], "envoyé spécial de Washington pour la coalition", "Etats-Unis")
    ]
    assert country_of("émissaire de Moscou") == "Russie"
    assert country_of("ambassadeur de France à Washington") == "France"
    assert country_of("maire de Mossoul") is None


def test_the_office_someone_has_become_is_their_role():
    text = "Son prédécesseur, Paul Durand, devenu ministre des Affaires étrangères, a estimé que la paix primait."
    assert people(text) == [("Paul Durand", [], "ministre des Affaires étrangères", None)]


def test_a_royal_title_names_someone_by_the_given_name():
    text = "Le prince Salem ben Nasser a ouvert la séance. Plus tard, le prince Salem a reçu la presse."
    assert people(text) == [("Salem ben Nasser", ["Salem"], "prince", None)]


def test_irregular_feminine_nationalities():
    assert country_of("chef de la diplomatie turque") == "Turquie"
    assert country_of("ministre lettonne de la Défense") == "Lettonie"
    text = "Le chef de la diplomatie turque, Ahmet Demir, a reçu son homologue américain, Paul Grant."
    assert people(text) == [
        ("Ahmet Demir", [], "chef de la diplomatie turque", "Turquie"),
        ("Paul Grant", [], None, "Etats-Unis"),
    ]


def test_a_side_named_at_the_sentence_opening_gives_the_country():
    text = "Côté français, c'est la secrétaire d'Etat chargée du Développement, Claire Morel, qui représentait Paris."
    assert people(text) == [("Claire Morel", [], "secrétaire d'Etat chargée du Développement", "France")]
    assert people("Côté européen, Paul Grant a parlé.") == [("Paul Grant", [], None, None)]


def test_compound_military_ranks():
    text = "Le commandant de la coalition, le lieutenant-général Sean Mercer, a fait le point."
    assert people(text) == [("Sean Mercer", [], "commandant de la coalition, lieutenant-général", None)]
    assert people("Le général de division Paul Smith a parlé.") == [("Paul Smith", [], "général de division", None)]


def test_a_given_name_that_is_also_a_town_opens_a_name():
    assert people("Le général Pat White a parlé.") == [("Pat White", [], "général", None)]


def test_a_byline_for_our_correspondent_is_no_person():
    text = "Avec notre correspondant à Bagdad, Marc Dubois\nLe Premier ministre irakien Karim Saadi a parlé."
    assert people(text) == [("Karim Saadi", [], "Premier ministre irakien", "Irak")]
    text = "De nos envoyés spéciaux à Mossoul, Marc Dubois et Anne Roy\nLe général Paul Smith a parlé."
    assert people(text) == [("Paul Smith", [], "général", None)]


def test_a_courtesy_title_before_a_full_name_adds_no_one():
    text = "Mme Claire Morel, haute représentante de l'UE, a parlé. M. Paul Durand a répondu."
    assert people(text) == [
        ("Claire Morel", [], "haute représentante de l'UE", None),
        ("Paul Durand", [], None, None),
    ]


def test_a_nationality_noun_after_a_speech_verb_is_a_people_not_a_person():
    text = "Le général Paul Hendricks a mis en garde les Européens : « Restez mobilisés. »"
    assert people(text) == [("Paul Hendricks", [], "général", None)]


def test_the_country_a_sentence_opens_with_owns_the_possessive_title():
    text = "La France, représentée par sa secrétaire d'Etat chargée de l'Europe, Claire Dumont, a plaidé pour les rapatriements."
    assert people(text) == [("Claire Dumont", [], "secrétaire d'Etat chargée de l'Europe", "France")]


def test_an_indefinite_source_before_a_comma_is_not_part_of_the_title():
    text = "Selon un responsable du Pentagone, le président Robert Hale a donné trente jours aux militaires."
    assert people(text) == [("Robert Hale", [], "président", None)]


def test_a_person_with_no_role_takes_the_description_a_quote_attributes_to_them():
    # Known to serve France: the description's country points to him.
    body = (
        "Les ministres se sont retrouvés à l'invitation de Jean-Yves Le Drian. "
        "Autour de la table, le secrétaire américain à la Défense Robert Hale. "
        "« Nous devons isoler Raqqa », a résumé le ministre français."
    )
    found = extract_article(body, None).people
    assert [(p.name, p.role, p.country) for p in found] == [
        ("Jean-Yves Le Drian", "ministre français", "France"),
        ("Robert Hale", "secrétaire américain à la Défense", "Etats-Unis"),
    ]


def test_a_known_person_under_a_nickname_keeps_the_known_country():
    assert people("Le secrétaire à la défense, Jim Mattis, a présenté un plan.") == [
        ("Jim Mattis", [], "secrétaire à la défense", "Etats-Unis")
    ]


def test_an_acronym_in_brackets_does_not_end_the_title_before_a_name():
    text = "L'envoyé spécial auprès de la coalition contre l'organisation Etat islamique (EI), Paul Hendricks, a reçu la presse."
    assert people(text) == [("Paul Hendricks", [], "envoyé spécial auprès de la coalition contre l'organisation Etat islamique", None)]


def test_a_role_held_then_and_a_co_chair():
    text = (
        "« Nous restons engagés », a déclaré Claire Dumont, alors ambassadrice de France à Londres. "
        "« Il écoute », raconte Leila Haddad, coprésidente du Conseil démocratique syrien."
    )
    assert people(text) == [
        ("Claire Dumont", [], "ambassadrice de France à Londres", "France"),
        ("Leila Haddad", [], "coprésidente du Conseil démocratique syrien", "Syrie"),
    ]


def test_the_body_served_comes_before_the_mission():
    assert country_of("envoyé spécial de la Maison Blanche pour la coalition contre l'Etat islamique") == "Etats-Unis"
    assert country_of("secrétaire général de l'Otan") is None


def test_a_real_name_is_an_alias_of_the_person_just_named():
    text = "Le chef de l'EI, Abou Bakr al-Baghdadi, de son vrai nom Ibrahim Awad al-Badri, a été tué."
    assert people(text) == [("Abou Bakr al-Baghdadi", ["Ibrahim Awad al-Badri"], "chef de l'EI", None)]


def test_a_courtesy_title_ending_a_paragraph_names_nobody_in_the_next():
    text = "Le ministre Jean Dupont est arrivé mardi. « Nous tiendrons », a affirmé M.\n\nLa réunion a commencé à midi."
    assert people(text) == [("Jean Dupont", [], "ministre", None)]


def test_the_islamic_state_capitalised_is_no_person():
    body = "Ils ont parlé des ambitions mondiales du groupe dit Etat Islamique (EI)."
    assert [person.name for person in extract_people(body)] == []


def test_a_regnal_number_is_part_of_the_name_not_a_credit():
    body = "Le roi Abdallah II de Jordanie a reçu le ministre, comme le roi Mohammed VI la veille."
    assert [person.name for person in extract_people(body)] == ["Abdallah II", "Mohammed VI"]


def test_a_1_mb_run_of_one_capitalised_name_is_trimmed_in_seconds():
    # Trimming a run looked up every prefix of it as a place: 100 KB of "Jean " took two minutes.
    body = "Jean " * 200_000
    start = time.perf_counter()
    found = extract_people(body)
    assert time.perf_counter() - start < 15
    assert [(p.name[:9], len(p.name)) for p in found] == [("Jean Jean", 999_999)]


# --- issue 18: who, in which role, for which country --------------------------------------------------


def test_a_long_official_title_is_the_role_whole_across_the_commas_that_continue_it():
    assert people("La ministre de l'Europe et des Affaires étrangères, chargée du Commerce extérieur, Claire Morin, est arrivée.") == [
        ("Claire Morin", [], "ministre de l'Europe et des Affaires étrangères, chargée du Commerce extérieur", None)
    ]
    assert people("Le représentant spécial adjoint du secrétaire général des Nations unies pour l'Irak, Paul Martin, a parlé.") == [
        ("Paul Martin", [], "représentant spécial adjoint du secrétaire général des Nations unies pour l'Irak", None)
    ]
    text = "Le Niger est représenté par le directeur des Affaires politiques au ministère des Affaires étrangères, de la Coopération et des Nigériens de l'extérieur, Issa Garba."
    assert people(text) == [
        ("Issa Garba", [], "directeur des Affaires politiques au ministère des Affaires étrangères, de la Coopération et des Nigériens de l'extérieur", "Niger")
    ]
    # A gloss in brackets does not end the title; a coordinated person is not part of it.
    assert people("Le secrétaire d'Etat américain (ministre des Affaires étrangères), Tom Reed, reçoit ses homologues.") == [
        ("Tom Reed", [], "secrétaire d'Etat américain", "Etats-Unis")
    ]
    assert people("La réunion présidée par Tom Reed, secrétaire d'Etat américain, et le Britannique Peter Lowell a duré deux heures.") == [
        ("Tom Reed", [], "secrétaire d'Etat américain", "Etats-Unis"),
        ("Peter Lowell", [], None, "Royaume-Uni"),
    ]


def test_roles_that_are_not_government_titles():
    text = (
        "L'historien Marc Lenoir, professeur à l'université de Genève, doute de la stratégie. "
        "La porte-parole des peshmergas, Leila Karim, a confirmé l'offensive. "
        "Le médecin de l'hôpital de Mossoul, Ali Hassan, décrit des blessés. "
        "La secrétaire générale du parti, Anne Roux, a réagi. "
        "Julie Martin, analyste au centre Carnegie, est plus prudente."
    )
    assert people(text) == [
        ("Marc Lenoir", [], "historien, professeur à l'université de Genève", None),
        ("Leila Karim", [], "porte-parole des peshmergas", None),
        ("Ali Hassan", [], "médecin de l'hôpital de Mossoul", None),
        ("Anne Roux", [], "secrétaire générale du parti", None),
        ("Julie Martin", [], "analyste au centre Carnegie", None),
    ]


def test_a_role_told_by_a_nickname_of_its_institution():
    text = (
        "Le patron du Quai d'Orsay, Paul Durand, et le locataire de l'Elysée, Marc Leroy, ont reçu le numéro deux du "
        "département d'Etat, Tom Hill, la numéro 3 de la diplomatie américaine Jane Price et le ministre de la Défense "
        "par intérim, Ali Hassan."
    )
    assert people(text) == [
        ("Paul Durand", [], "patron du Quai d'Orsay", "France"),
        ("Marc Leroy", [], "locataire de l'Elysée", "France"),
        ("Tom Hill", [], "numéro deux du département d'Etat", "Etats-Unis"),
        ("Jane Price", [], "numéro 3 de la diplomatie américaine", "Etats-Unis"),
        ("Ali Hassan", [], "ministre de la Défense par intérim", None),
    ]


def test_a_title_followed_by_a_name_is_not_a_description_of_the_person_before():
    text = "Le député LR Eric Dulac a critiqué l'accord. Le sénateur républicain John Baker a salué la décision."
    assert people(text) == [("Eric Dulac", [], "député LR", "France"), ("John Baker", [], "sénateur républicain", "Etats-Unis")]
    text = "Le secrétaire d'Etat Tom Reed et le ministre de la Défense Ash Porter accueillent leurs homologues."
    assert people(text) == [("Tom Reed", [], "secrétaire d'Etat", "Etats-Unis"), ("Ash Porter", [], "ministre de la Défense", None)]
    text = "Brett Lowe, l'émissaire spécial du président américain Paul Grant auprès de la coalition, a prévenu."
    assert people(text) == [
        ("Brett Lowe", [], "émissaire spécial du président américain Paul Grant auprès de la coalition", "Etats-Unis"),
        ("Paul Grant", [], "président américain", "Etats-Unis"),
    ]


def test_country_from_what_the_text_says():
    text = (
        "Le porte-parole du ministère irakien de la Défense, Yahya Saad, a démenti. "
        "Le conseiller diplomatique de l'Elysée, Paul Girard, était présent. "
        "Le ministre marocain Karim Alaoui est arrivé. La députée travailliste Emma Stone s'est abstenue."
    )
    assert people(text) == [
        ("Yahya Saad", [], "porte-parole du ministère irakien de la Défense", "Irak"),
        ("Paul Girard", [], "conseiller diplomatique de l'Elysée", "France"),
        ("Karim Alaoui", [], "ministre marocain", "Maroc"),
        ("Emma Stone", [], "députée travailliste", "Royaume-Uni"),
    ]
    text = "Le Maroc est représenté à Rome par l'ambassadeur du Roi en Arabie Saoudite, Omar Bennis, et la directrice des Affaires globales, Salma Idrissi."
    assert people(text) == [
        ("Omar Bennis", [], "ambassadeur du Roi en Arabie Saoudite", "Maroc"),
        ("Salma Idrissi", [], "directrice des Affaires globales", "Maroc"),
    ]


def test_the_office_a_person_was_elected_to_and_a_genitive_title_with_its_own_holder():
    assert people("C'est la première réunion depuis l'élection de Paul Grant à la présidence des Etats-Unis, en novembre.") == [
        ("Paul Grant", [], "président des Etats-Unis", "Etats-Unis")
    ]
    text = "La réunion s'est ouverte avec l'Envoyé spécial du Président Grant pour la Coalition contre Daech Brett Lowe."
    assert people(text)[-1] == ("Brett Lowe", [], "Envoyé spécial du Président Grant pour la Coalition contre Daech", None)


def test_an_initial_an_account_and_a_courtesy_title_in_a_run_of_capitals():
    text = "Le Directeur des Questions Globales à @MinistereDiplo M. Karim Bennani, a co-présidé les travaux, animés par l’ambassadeur J. Paul Pratt."
    assert people(text) == [
        ("Karim Bennani", [], "Directeur des Questions Globales à @MinistereDiplo", None),
        ("J. Paul Pratt", [], "ambassadeur", None),
    ]


def test_a_description_opening_a_sentence_before_the_name_is_the_role():
    text = (
        "La réunion est prévue jeudi. Le secrétaire d'Etat recevra jeudi ses homologues, dont le chef de la diplomatie "
        "française, Jean Morel. La coalition ne s'est plus réunie depuis 2014. « Nous devons penser à l'après-Daech », a souligné M. Reed."
    )
    assert people(text) == [("Jean Morel", [], "chef de la diplomatie française", "France"), ("Reed", [], "secrétaire d'Etat", "Etats-Unis")]
    # Not when two people could be the one described.
    assert people("Le secrétaire d'Etat est arrivé. Paul Grant et Tom Reed ont parlé.") == [("Paul Grant", [], None, None), ("Tom Reed", [], None, None)]
