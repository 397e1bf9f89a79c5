import pytest

from loader.extract.people import country_of, extract_people
from loader.nlp import load_nlp
from loader.records import Article, Extraction, PersonMention
from loader.resolve import person_key, resolve


def people(text):
    return [(p.name, p.aliases, p.role, p.country) for p in extract_people(text, load_nlp()(text))]


def test_title_before_and_surname_alias():
    text = "Le secrétaire d'Etat Rex Tillerson est arrivé mardi. Tillerson a ensuite quitté la salle."
    assert people(text) == [("Rex Tillerson", ["Tillerson"], "secrétaire d'Etat", "Etats-Unis")]


def test_apposition_after_the_name_and_courtesy_title():
    text = "Mark Toner, porte-parole du ministère américain des Affaires étrangères, a répondu. M. Toner a souri."
    assert people(text) == [
        ("Mark Toner", ["Toner"], "porte-parole du ministère américain des Affaires étrangères", "Etats-Unis")
    ]


def test_rank_and_apposition_together():
    text = "Le colonel John Dorrian, un porte-parole militaire américain, a confirmé l'envoi de renforts."
    assert people(text) == [("John Dorrian", [], "colonel, porte-parole militaire américain", "Etats-Unis")]


def test_nationality_adjective_gives_the_country():
    text = "Quinze pays ont répondu à l'invitation du ministre danois de la Défense, Claus Hjort Frederiksen."
    assert people(text) == [("Claus Hjort Frederiksen", [], "ministre danois de la Défense", "Danemark")]


def test_international_official_has_no_country():
    assert country_of("secrétaire général de l'Otan") is None
    assert country_of("haute représentante de l'Union européenne") is None
    assert country_of("Premier ministre irakien") == "Irak"
    assert country_of("porte-parole du Pentagone") == "Etats-Unis"


def test_organisations_and_places_are_not_people():
    text = "Le groupe Etat islamique a perdu Mossoul, selon les Nations unies et le Pentagone."
    assert people(text) == []


def test_fuller_form_given_later_wins_within_the_article():
    text = "Al Baghdadi reste introuvable. Le chef de Daech, Abou Bakr Al Baghdadi, serait blessé."
    assert [p[0] for p in people(text)] == ["Abou Bakr Al Baghdadi"]
    assert "Al Baghdadi" in people(text)[0][1]


def _article(index, published):
    return Article(path=f"{index}.txt", sha256=str(index), raw="", body="", published=published)


def test_one_person_across_articles_with_aliases_nicknames_and_role_history():
    articles = [_article(1, "2017-05-09"), _article(2, "2019-02-06"), _article(3, "2021-06-28")]
    extractions = [
        Extraction(people=[PersonMention("Jim Mattis", role="secrétaire américain à la Défense", country="Etats-Unis"),
                           PersonMention("Jean-Yves Le Drian", role="ministre de la Défense", country="France")]),
        Extraction(people=[PersonMention("James Mattis"), PersonMention("Abou Bakr al-Baghdadi", role="chef de Daech"),
                           PersonMention("Jean-Yves Le Drian", role="ministre des Affaires étrangères", country="France")]),
        Extraction(people=[PersonMention("Abou Bakr Al Baghdadi"), PersonMention("Baghdadi")]),
    ]
    resolved = resolve(articles, extractions)
    assert [(p["id"], p["name"], p["role"], p["country"]) for p in resolved.people] == [
        (1, "James Mattis", "secrétaire américain à la Défense", "Etats-Unis"),
        (2, "Jean-Yves Le Drian", "ministre des Affaires étrangères", "France"),
        (3, "Abou Bakr al-Baghdadi", "chef de Daech", None),
    ]
    assert resolved.person_aliases == [
        {"person_id": 1, "alias": "Jim Mattis"},
        {"person_id": 3, "alias": "Abou Bakr Al Baghdadi"},
        {"person_id": 3, "alias": "Baghdadi"},
    ]
    assert [(r["person_id"], r["article_id"], r["role"]) for r in resolved.person_roles] == [
        (1, 1, "secrétaire américain à la Défense"),
        (2, 1, "ministre de la Défense"),
        (3, 2, "chef de Daech"),
        (2, 2, "ministre des Affaires étrangères"),
    ]
    # A later article that names Mattis without a country keeps the one the corpus knows.
    assert {(r["article_id"], r["person_id"]): r["country"] for r in resolved.article_people}[(2, 1)] == "Etats-Unis"


def test_person_key_folds_case_accents_hyphens_and_nicknames():
    assert person_key("Haïder al-Abadi") == person_key("Haider Al Abadi")
    assert person_key("Jim Mattis") == person_key("James Mattis")
    assert person_key("Ash Carter") == person_key("Ashton Carter")


def test_homologue_takes_the_office_of_its_counterpart():
    text = (
        "Le ministre britannique des Affaires étrangères, Philip Hammond, a reçu ses invités. "
        "Son homologue italien, Paolo Gentiloni, est arrivé le premier."
    )
    assert people(text)[1] == ("Paolo Gentiloni", [], "ministre italien des Affaires étrangères", "Italie")


def test_a_known_official_keeps_his_country_when_the_article_does_not_say():
    assert people("Le président François Hollande a ouvert la séance.") == [("François Hollande", [], "président", "France")]
