import pytest

from loader.corpus import CorpusError, clean, read_article, read_corpus, read_manifest
from loader.dates import published_from_text


def test_caption_with_date_marker_is_removed_and_credit_kept():
    raw = " date 2019-10 Le ministre à Paris. — KARIM SAHIB / AFP\n\nLe texte de l'article.\n"
    assert clean(raw) == (None, "Le texte de l'article.", None, ["Karim Sahib"])


def test_date_marker_before_a_lead_keeps_the_lead():
    raw = " date 2017-03 Les Etats-Unis organiseront une réunion le 22 mars.\n\nSuite.\n"
    assert clean(raw)[1] == "Les Etats-Unis organiseront une réunion le 22 mars.\n\nSuite."


def test_chrome_title_and_publication_line():
    raw = "Rechercher\nRechercher\n\nDernières Infos\n\nUn titre sans point final\n\nPublié le 02/06/2015 à 17h49 - Mis à jour le 03/06/2015 à 09h15\n\nPremier paragraphe.\n"
    assert clean(raw) == ("Un titre sans point final", "Premier paragraphe.", None, [])


@pytest.mark.parametrize(
    "line",
    ["Publié le : 08/06/2023 - 17:40", "Publié : 14/11/2019", "Créé le 14/11/2019 à 18h30", "Mis en ligne le jeudi 14 novembre 2019", "Mis à jour le 3 juin 2015"],
)
def test_every_line_that_dates_the_article_is_left_out_of_the_story(line):
    assert clean(f"Un titre sans point final\n\n{line}\n\nPremier paragraphe.\n")[1] == "Premier paragraphe."


def test_a_teaser_for_another_article_is_left_out_of_the_story():
    raw = (
        "Un titre\n\nLes ministres se sont réunis lundi à Rome.\n\n"
        "Lire aussi : Coalition : réunion à Bruxelles sur la Syrie\n\n"
        "« La menace reste forte », a dit le ministre.\n\nÀ lire aussi\n"
        "Les ministres de la Défense se retrouvent à Paris\n\nSur le même sujet - Une autre réunion\n"
        "Voir aussi le communiqué publié mardi.\n"
    )
    assert clean(raw)[1] == (
        "Les ministres se sont réunis lundi à Rome.\n\n« La menace reste forte », a dit le ministre.\n\n"
        "Voir aussi le communiqué publié mardi."
    )


def test_a_story_sentence_opening_with_a_publication_word_is_kept():
    assert clean("Titre\n\nPublié en 2015, le rapport a fait date.\n")[1] == "Publié en 2015, le rapport a fait date."


def test_photo_credit_forms():
    raw = "Titre\n\nM. X à Washington le 26 avril 2017 - MANDEL NGAN, AFP/Archives\nLe récit.\nAntony Blinken à Rome. Photo AFP / Giulia ROSSETTI\n"
    assert clean(raw) == ("Titre", "Le récit.", None, ["Mandel Ngan", "Giulia Rossetti"])


@pytest.mark.parametrize(
    "line",
    ["M. T. et agences", "Par Hélène MARCHAL", "par La rédaction", "Claire DUMONT, à Washington, avec agences"],
)
def test_bylines(line):
    assert clean(f"Le récit commence ici.\n\n{line}\n") == (None, "Le récit commence ici.", line, [])


def test_truncated_teaser_repeating_the_lead_is_dropped():
    raw = "Le lead de l'article. Il continue.\n\nUn autre paragraphe.\n\nLe lead de l'article. Il con...\n"
    assert clean(raw)[1] == "Le lead de l'article. Il continue.\n\nUn autre paragraphe."


def test_wire_dateline_is_not_story():
    raw = "PARIS, 15 septembre 2014 (AFP) - Une trentaine de pays se sont engagés.\n"
    assert clean(raw)[1] == "Une trentaine de pays se sont engagés."


@pytest.mark.parametrize(
    "text, expected",
    [
        (" date 2019-10 Légende", ("2019-10", "month")),
        ("Titre\n\nPublié le 02/06/2015 à 17h49 - Mis à jour le 03/06/2015", ("2015-06-02", "day")),
        ("Titre\n\nPublié le 2018-02-15", ("2018-02-15", "day")),
        ("Titre\n\nPublié le : 08/06/2023 - 17:40\n\nTexte.", ("2023-06-08", "day")),
        ("Titre\n\nPublié le jeudi 8 juin 2023 à 17h40\n\nTexte.", ("2023-06-08", "day")),
        ("Titre\n\nPublié le 1er juin 2023\n\nTexte.", ("2023-06-01", "day")),
        ("Titre\n\nPublié le 08.06.2023\n\nTexte.", ("2023-06-08", "day")),
        ("Titre\n\nPARIS, 15 septembre 2014 (AFP) - Texte", ("2014-09-15", "day")),
        ("Par X, le 2 février 2016 à 17h49", ("2016-02-02", "day")),
        ("Mis à jour le 3 juin 2015 à 09h15", (None, None)),
        ("Titre\n\nPublié : 14/11/2019 à 18h30\n\nTexte.", ("2019-11-14", "day")),
        ("Titre\n\nCréé le 14/11/2019 à 18h30\n\nTexte.", ("2019-11-14", "day")),
        ("Titre\n\nMis en ligne le 14 novembre 2019\n\nTexte.", ("2019-11-14", "day")),
        ("Titre\n\nWashington, 14 novembre 2019 (AFP) - Texte", ("2019-11-14", "day")),
        # Any agency, or none at the head of a release.
        ("Titre\n\nKoweït, 13 février 2018 (KUNA) - Texte", ("2018-02-13", "day")),
        ("Titre\n\nDakar, 5 décembre 2020 (APS) – Texte", ("2020-12-05", "day")),
        ("Titre\n\nWashington, le 6 février 2019.\nLes ministres se réunissent.", ("2019-02-06", "day")),
        ("Titre\n\nParis, le 3 mars 2016, a vu naître un accord.", (None, None)),
        ("Titre\nPar Jean Dupont - 14/11/2019 - 18:30\n\nTexte.", ("2019-11-14", "day")),
        ("Titre\nLe 14/11/2019 à 18h30\n\nTexte.", ("2019-11-14", "day")),
        ("Mis à jour le 15/11/2019 à 10h00", (None, None)),
        ("Aucun repère de date.", (None, None)),
    ],
)
def test_published_from_text(text, expected):
    assert published_from_text(text) == expected


def test_manifest_wins_over_the_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2019-10 Le récit.\n", encoding="utf-8")
    article, _ = read_article(path, {"published": "2019-10-28", "url": "https://example.org/a", "outlet": "AFP"})
    assert (article.published, article.published_precision, article.url, article.outlet) == (
        "2019-10-28",
        "day",
        "https://example.org/a",
        "AFP",
    )


def test_manifest_problems(tmp_path):
    (tmp_path / "sources.csv").write_text(
        "file,published,url,outlet,extra\na.txt,2019-13-45,,,x\na.txt,2019,,,\nb.txt,,,Le Monde,\n", encoding="utf-8"
    )
    rows, problems = read_manifest(tmp_path)
    assert rows == {
        "a.txt": {"published": None, "url": None, "outlet": None},
        "b.txt": {"published": None, "url": None, "outlet": "Le Monde"},
    }
    assert [problem.message for problem in problems] == [
        "row 2: published '2019-13-45' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored",
        "row 3: a.txt is listed twice; the first row is kept",
    ]


def test_missing_folder():
    with pytest.raises(CorpusError, match="no such folder"):
        read_corpus("/nonexistent/corpus")


def test_seeds_published_and_titles(corpus):
    articles, problems = read_corpus(corpus)
    assert problems == []
    assert [(a.path, a.published, a.published_precision, a.title) for a in articles] == [
        ("000_6a71ac7b541140ad.txt", "2019-10", "month", None),
        ("001_b76170f1117bfb89.txt", "2019-01-29", "day", "Washington va réunir la coalition antijihadistes après l'annonce du retrait de Syrie"),
        ("002_3b96fdccd920081e.txt", "2017-03", "month", None),
        ("003_ee6a87f177283e34.txt", "2017-05-09", "day", "La coalition anti-Daesh à Copenhague pour examiner les besoins pour la suite"),
        ("004_6e1f476eb6ce6068.txt", "2017-03-22", "day", None),
    ]
    assert articles[1].body.count("Les Etats-Unis vont accueillir le 6 février") == 1
    assert articles[2].byline == "M. T. et agences" and "M. T." not in articles[2].body


@pytest.mark.parametrize("line", ["Temps de lecture : 4 min", "Journaliste au service Monde Temps de lecture: 4 min", "Lecture 3 min."])
def test_a_reading_time_line_is_chrome(line):
    title, body, _, _ = clean(f"Le titre\n{line}\nLes ministres se sont réunis mardi.")
    assert body == "Les ministres se sont réunis mardi."


def test_a_story_sentence_about_reading_is_kept():
    _, body, _, _ = clean("Le titre\nLa lecture du communiqué a pris 5 minutes aux ministres.")
    assert body == "La lecture du communiqué a pris 5 minutes aux ministres."


@pytest.mark.parametrize(
    "line, credits",
    [
        ("Le ministre et son homologue, le 11 mai 2022 à Marrakech © DR", []),
        ("Le ministre et son homologue, le 11 mai 2022 à Marrakech © Jean Dupont / AFP", ["Jean Dupont"]),
        ("Le ministre et son homologue, le 11 mai 2022 à Marrakech. |", []),
    ],
)
def test_a_caption_keeps_its_words_in_the_story_and_its_credit_apart(line, credits):
    title, body, _, found = clean(f"{line}\nLa réunion a débuté ce mercredi.")
    assert (title, body.split("\n\n")[0].rstrip(". "), found) == (None, "Le ministre et son homologue, le 11 mai 2022 à Marrakech", credits)
