from loader.records import Article, Extraction, PersonMention
from loader.resolve import government_country, person_key, resolve, resolve_people


def _articles(*published):
    return [Article(path=f"{index}.txt", sha256=str(index), raw="", body="", published=date) for index, date in enumerate(published, 1)]


def _names(*articles):
    """One Extraction per article, each a list of names (a tuple adds the mention's aliases)."""
    return [
        Extraction(people=[PersonMention(*name) if isinstance(name, tuple) else PersonMention(name) for name in names])
        for names in articles
    ]


def _rows(extractions):
    rows, mapping = resolve_people(_articles(*[None] * len(extractions)), extractions)
    return [row["name"] for row in rows], mapping


def test_person_key_folds_case_accents_hyphens_initials_and_nicknames():
    assert person_key("Haïder al-Abadi") == person_key("Haider Al Abadi")
    assert person_key("Jim Mattis") == person_key("James Mattis")
    assert person_key("Ash Carter") == person_key("Ashton Carter")
    assert person_key("Antony J. Blinken") == person_key("Antony Blinken")
    assert person_key("Jim Mattis") != person_key("Jim Carter")


def test_nickname_and_given_name_are_one_person_under_the_given_name():
    names, mapping = _rows(_names(["Jim Mattis"], ["James Mattis"]))
    assert names == ["James Mattis"]
    assert mapping == {(0, "Jim Mattis"): 1, (1, "James Mattis"): 1}


def test_spellings_of_a_transliterated_name_are_one_person():
    names, mapping = _rows(_names(["Haider al-Abadi"], ["Haïdar al Abadi"], ["Abu Bakr al-Baghdadi"], ["Abou Bakr al-Baghdadi"]))
    assert names == ["Haider al-Abadi", "Abu Bakr al-Baghdadi"]
    assert sorted(mapping.values()) == [1, 1, 2, 2]


def test_surname_forms_join_the_one_person_with_that_surname():
    extractions = _names(["Abou Bakr al-Baghdadi"], [("Abou Bakr Al Baghdadi", ["Al Baghdadi"])], ["al-Baghdadi"], ["Baghdadi"])
    names, mapping = _rows(extractions)
    assert names == ["Abou Bakr al-Baghdadi"]
    assert set(mapping.values()) == {1}
    assert len(mapping) == 4


def test_a_surname_shared_by_two_people_stays_apart():
    names, mapping = _rows(_names(["Ashton Carter"], ["Jimmy Carter"], ["Carter"]))
    assert names == ["Ashton Carter", "Jimmy Carter", "Carter"]
    assert mapping[(2, "Carter")] == 3


def test_a_person_named_only_by_surname_is_kept():
    names, mapping = _rows(_names(["Wilmès"], ["Wilmès", "Didier Reynders"]))
    assert names == ["Wilmès", "Didier Reynders"]
    assert mapping == {(0, "Wilmès"): 1, (1, "Wilmès"): 1, (1, "Didier Reynders"): 2}


def test_the_fullest_form_across_the_corpus_names_the_person():
    names, _ = _rows(_names(["Blinken"], ["Antony Blinken"], ["Antony J. Blinken"]))
    assert names == ["Antony Blinken"]


def test_a_minister_who_changes_office_stays_one_person_with_a_role_history():
    extractions = [
        Extraction(people=[PersonMention("Jean-Yves Le Drian", role="ministre de la Défense", country="France")]),
        Extraction(people=[PersonMention("Jean-Yves Le Drian", role="ministre des Affaires étrangères", country="France"),
                           PersonMention("Le Drian")]),
    ]
    resolved = resolve(_articles("2017-05-09", "2019-02-06"), extractions)
    assert [(p["id"], p["name"], p["role"]) for p in resolved.people] == [
        (1, "Jean-Yves Le Drian", "ministre des Affaires étrangères")
    ]
    assert [(r["article_id"], r["role"], r["published"]) for r in resolved.person_roles] == [
        (1, "ministre de la Défense", "2017-05-09"),
        (2, "ministre des Affaires étrangères", "2019-02-06"),
    ]
    assert [(link["article_id"], link["person_id"]) for link in resolved.article_people] == [(1, 1), (2, 1)]


def test_a_mention_by_surname_with_its_full_name_as_alias_takes_the_full_name():
    names, mapping = _rows(_names([("Trump", ["Donald Trump"])], ["Ashton Trump"], ["Trump"]))
    assert names == ["Donald Trump", "Ashton Trump", "Trump"]
    assert mapping == {(0, "Trump"): 1, (1, "Ashton Trump"): 2, (2, "Trump"): 3}


def test_names_stay_unique_when_two_rows_end_with_the_same_name():
    # The third article joins "Ali Hassan" to the fuller form the second gave as a person of its own.
    extractions = _names(["Ali Hassan"], ["Mohamed Ali Hassan"], [("Ali Hassan", ["Mohamed Ali Hassan"])])
    names, mapping = _rows(extractions)
    assert names == ["Mohamed Ali Hassan"]
    assert mapping == {(0, "Ali Hassan"): 1, (1, "Mohamed Ali Hassan"): 1, (2, "Ali Hassan"): 1}


def test_a_name_of_particles_only_is_a_person_of_its_own():
    names, mapping = _rows(_names(["Paul Durand"], ["La", "Durand"]))
    assert names == ["Paul Durand", "La"]
    assert mapping == {(0, "Paul Durand"): 1, (1, "La"): 2, (1, "Durand"): 1}


def test_roles_compared_across_articles_have_one_form_and_each_article_keeps_its_words():
    extractions = [
        Extraction(people=[PersonMention("Abou Ibrahim al-Hachimi", role="nouveau chef de l’EI")]),
        Extraction(people=[PersonMention("Abou Ibrahim al-Hachimi", role="chef de Daesh")]),
    ]
    resolved = resolve(_articles("2019-11-01", "2020-03-01"), extractions)
    assert [r["role"] for r in resolved.person_roles] == ["chef de Daech", "chef de Daech"]
    assert [p["role"] for p in resolved.people] == ["chef de Daech"]
    assert [link["role"] for link in resolved.article_people] == ["nouveau chef de l’EI", "chef de Daesh"]


def test_a_form_of_punctuation_only_does_not_stop_resolution():
    names, mapping = _rows(_names([("Paul Durand", ["-"])], ["’"]))
    assert names == ["Paul Durand"]
    assert mapping == {(0, "Paul Durand"): 1}


def test_two_spellings_of_one_name_in_an_article_give_the_role_either_states():
    article = Article(path="a.txt", sha256="", body="", raw="", published="2024-09-30")
    people = [
        PersonMention(name="Anthony Blinken", aliases=[], role=None, country=None, start=0, end=15),
        PersonMention(name="Antony Blinken", aliases=[], role="secrétaire d'Etat américain", country="Etats-Unis", start=20, end=34),
    ]
    resolved = resolve([article], [Extraction(people=people)])
    assert [(row["role"], row["country"]) for row in resolved.article_people] == [("secrétaire d'Etat américain", "Etats-Unis")]


def test_a_government_page_names_its_own_ministers_without_their_country():
    article = Article(path="1.txt", sha256="1", raw="", body="", url="https://www.diplomatie.gouv.fr/fr/actualites/reunion")
    news = Article(path="2.txt", sha256="2", raw="", body="", url="https://www.journal.example/reunion")
    mentions = [
        PersonMention("Marc Tremblay", role="ministre des Affaires étrangères"),
        PersonMention("Anne Klein", role="secrétaire générale de l'Otan"),
        PersonMention("Omar Haddad", role="ministre irakien de la Défense", country="Irak"),
    ]
    rows = resolve([article, news], [Extraction(people=mentions), Extraction(people=mentions[:1])]).article_people
    assert [(row["article_id"], row["person_id"], row["role"], row["country"]) for row in rows] == [
        (1, 1, "ministre des Affaires étrangères", "France"),
        (1, 2, "secrétaire générale de l'Otan", None),
        (1, 3, "ministre irakien de la Défense", "Irak"),
        (2, 1, "ministre des Affaires étrangères", "France"),
    ]
    assert government_country("translations.state.gov/2020/11/10/compte-rendu") == "Etats-Unis"
    assert government_country("https://www.lemonde.fr/international/") is None


def test_a_role_is_the_articles_own_the_corpus_history_stays_in_person_roles():
    mentions = [
        [PersonMention("Tom Reed", role="secrétaire à la Défense", country="Etats-Unis")],
        [PersonMention("Tom Reed", role="secrétaire d'Etat", country="Etats-Unis")],
        [PersonMention("Tom Reed")],
    ]
    resolved = resolve(_articles("2015-01-10", "2017-02-01", "2018-03-01"), [Extraction(people=m) for m in mentions])
    assert [(row["article_id"], row["role"], row["country"]) for row in resolved.article_people] == [
        (1, "secrétaire à la Défense", "Etats-Unis"),
        (2, "secrétaire d'Etat", "Etats-Unis"),
        (3, None, "Etats-Unis"),
    ]
    assert [(row["article_id"], row["role"]) for row in resolved.person_roles] == [(1, "secrétaire à la Défense"), (2, "secrétaire d'Etat")]
