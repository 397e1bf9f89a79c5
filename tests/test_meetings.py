"""Coalition meetings: what one article tells, and one row per real meeting across articles."""
import pytest

from loader.extract.figures import extract_figures
from loader.extract.meetings import extract_meetings, link_meetings
from loader.lang.fold import fold
from loader.places import _folded, canonical_city, find_places, lookup
from loader.records import Article, Extraction, Figure, Quote
from loader.resolve import resolve_meetings


def figure(body, text, value, unit):
    start = body.index(text)
    return Figure(value=value, unit=unit, text=text, start=start, end=start + len(text))


def meetings(body, published, figures=()):
    """(city, country, date, precision, kind, status, participants) of each meeting."""
    return [
        (m.city, m.country, m.date, m.date_precision, m.kind, m.status, m.participants)
        for m in extract_meetings(body, published, list(figures))
    ]


def test_an_announced_meeting():
    body = "Les ministres des Affaires étrangères de quarante pays de la coalition vont se réunir le 12 mars à Londres."
    found = extract_meetings(body, "2016-02", [figure(body, "quarante pays", 40, "pays")])
    assert len(found) == 1
    meeting = found[0]
    assert (meeting.city, meeting.country, meeting.date, meeting.date_precision) == ("Londres", "Royaume-Uni", "2016-03-12", "day")
    assert (meeting.kind, meeting.status, meeting.participants) == ("ministerial", "announced", 40)
    assert (round(meeting.latitude, 2), round(meeting.longitude, 2)) == (51.51, -0.13)
    # The provenance: the sentence that tells of the meeting.
    assert body[meeting.start : meeting.end] == body


def test_a_held_meeting_in_a_city_named_by_a_periphrase():
    # 8 October 2015 was a Thursday.
    body = "Une trentaine de pays se sont réunis jeudi dans la capitale belge."
    assert meetings(body, "2015-10-08", [figure(body, "Une trentaine de pays", 30, "pays")]) == [
        ("Bruxelles", "Belgique", "2015-10-08", "day", "ministerial", "held", 30)
    ]


def test_a_meeting_at_a_venue():
    body = "Les ministres se retrouveront mardi au siège de l'Otan."
    assert meetings(body, "2015-10-08") == [("Bruxelles", "Belgique", "2015-10-13", "day", "ministerial", "announced", None)]


def test_a_venue_of_one_word_and_a_capitalised_venue():
    # 11 February 2016 was a Thursday.
    body = "Les ministres de la Défense se réuniront jeudi au Pentagone. Ceux des Affaires étrangères se sont vus lundi au Département d'Etat."
    assert meetings(body, "2016-02-09") == [
        ("Washington", "Etats-Unis", "2016-02-11", "day", "defence", "announced", None),
        ("Washington", "Etats-Unis", "2016-02-08", "day", "ministerial", "held", None),
    ]


def test_a_city_named_as_the_host():
    # 11 May 2022 was a Wednesday.
    body = "Marrakech accueille ce mercredi la réunion ministérielle de la coalition. Le Maroc accueillera aussi un forum."
    assert meetings(body, "2022-05-10") == [("Marrakech", "Maroc", "2022-05-11", "day", "ministerial", "announced", None)]


def test_a_future_meeting_known_to_the_year_only_is_kept_at_that_precision():
    body = "Les ministres sont convenus de se retrouver à Rome à l'automne."
    assert meetings(body, "2020-06-04") == [("Rome", "Italie", "2020", "year", "ministerial", "announced", None)]


def test_a_city_unknown_to_the_lexicon_comes_from_the_gazetteer():
    body = "Les ministres de la coalition se sont réunis lundi à Bagdad. Ils se retrouveront le 3 mai à Stockholm."
    assert meetings(body, "2016-04-04") == [
        ("Bagdad", "Irak", "2016-04-04", "day", "ministerial", "held", None),
        ("Stockholm", "Suède", "2016-05-03", "day", "ministerial", "announced", None),
    ]


def test_an_announcement_and_its_report_in_one_article_are_one_meeting():
    body = (
        "Les Etats-Unis vont accueillir le 6 février les ministres de la coalition. "
        "Les 79 membres de la coalition vont se retrouver à Washington pour faire le point."
    )
    assert meetings(body, "2019-01-29", [figure(body, "79 membres", 79, "membres")]) == [
        ("Washington", "Etats-Unis", "2019-02-06", "day", "ministerial", "announced", 79)
    ]


def test_a_meeting_named_only_as_la_reunion_takes_the_place_and_day_of_the_lead():
    # 11 September 2014 was a Thursday.
    body = "Dix pays ont promis jeudi à Djeddah de soutenir la coalition.\n\nLa réunion a rassemblé les chefs de la diplomatie de douze pays."
    figures = [figure(body, "Dix pays", 10, "pays"), figure(body, "douze pays", 12, "pays")]
    assert meetings(body, "2014-09-11", figures) == [("Djeddah", "Arabie saoudite", "2014-09-11", "day", "ministerial", "held", 12)]


def test_two_meetings_in_one_city_stay_apart():
    # 20 July 2016 was a Wednesday.
    body = (
        "Les ministres de la Défense se sont réunis mercredi à Madrid. "
        "Jeudi, ce sera au tour des chefs de la diplomatie de se retrouver à Madrid."
    )
    assert meetings(body, "2016-07-20") == [
        ("Madrid", "Espagne", "2016-07-20", "day", "defence", "held", None),
        ("Madrid", "Espagne", "2016-07-21", "day", "ministerial", "announced", None),
    ]


@pytest.mark.parametrize(
    "who, kind",
    [
        ("Les ministres des Affaires étrangères de la coalition", "ministerial"),
        ("Les ministres de la Défense de la coalition", "defence"),
        ("Les ministres de la Défense des pays les plus engagés", "defence"),
        ("Les directeurs politiques de la coalition", "political_directors"),
        ("Les chefs de la diplomatie du petit groupe de la coalition", "small_group"),
        ("Les ministres du groupe restreint de la coalition", "small_group"),
        ("Les chefs de la diplomatie des pays les plus engagés", "small_group"),
        ("Les principaux membres de la coalition", "small_group"),
        ("Les chefs d'état-major de la coalition", "other"),
    ],
)
def test_kinds(who, kind):
    assert meetings(f"{who} se sont réunis mardi à Berlin.", "2016-11-17")[0][4] == kind


def test_one_person_s_title_says_the_level_only_when_nothing_contradicts_it():
    host = "Le secrétaire américain à la Défense a réuni mardi à Rome ses homologues."
    both = "Le secrétaire d'Etat et le ministre de la Défense ont participé mardi à Rome à la réunion."
    group = "Les ministres des Affaires étrangères, dont le ministre de la Défense, se sont réunis mardi à Rome."
    assert [meetings(body, "2018-02-13")[0][4] for body in (host, both, group)] == ["defence", "ministerial", "ministerial"]


def test_a_restricted_group_of_defence_ministers_is_a_defence_meeting():
    body = (
        "Les principaux membres de la coalition se sont réunis mardi à Copenhague. "
        "Quinze pays sont représentés à Copenhague, à l'invitation du ministre danois de la Défense."
    )
    assert meetings(body, "2017-05-09", [figure(body, "Quinze pays", 15, "pays")]) == [
        ("Copenhague", "Danemark", "2017-05-09", "day", "defence", "held", 15)
    ]


@pytest.mark.parametrize(
    "body",
    [
        "C'est par visioconférence que les ministres du groupe restreint de la coalition se sont retrouvés jeudi.",
        "Le groupe restreint de la coalition a tenu jeudi une réunion par visioconférence.",
    ],
)
def test_a_virtual_meeting_has_no_city(body):
    assert meetings(body, "2020-06-05") == [(None, None, "2020-06-04", "day", "small_group", "held", None)]


def test_following_a_meeting_by_visioconference_does_not_make_it_virtual():
    body = "Les ministres se sont réunis mardi à Paris. Le secrétaire d'Etat a suivi les travaux par visioconférence depuis Boston."
    assert meetings(body, "2015-06-02") == [("Paris", "France", "2015-06-02", "day", "ministerial", "held", None)]


def test_past_meetings_keep_the_precision_the_text_gives():
    body = (
        "Les ministres s'étaient réunis pour la dernière fois le 3 décembre dernier à Bruxelles. "
        "Les participants s'étaient vus à Londres en janvier."
    )
    assert meetings(body, "2015-06-02") == [
        ("Bruxelles", "Belgique", "2014-12-03", "day", "ministerial", "held", None),
        ("Londres", "Royaume-Uni", "2015-01", "month", "ministerial", "held", None),
    ]


def test_the_same_day_in_another_city():
    body = (
        "Les ministres se sont réunis mardi 13 février dans la capitale koweïtienne. "
        "Le même jour à Rome, le secrétaire américain à la Défense réunissait les ministres de la Défense de quatorze pays."
    )
    assert meetings(body, "2018-02", [figure(body, "quatorze pays", 14, "pays")]) == [
        ("Koweït", "Koweït", "2018-02-13", "day", "ministerial", "held", None),
        ("Rome", "Italie", "2018-02-13", "day", "defence", "held", 14),
    ]


def test_the_coalition_s_size_is_not_a_meeting_s_participants():
    body = (
        "Les ministres de la coalition se sont retrouvés lundi à Rome. "
        "Les délégations de quatre-vingts pays ont fait le déplacement, sur les 83 membres que compte la coalition."
    )
    figures = [figure(body, "quatre-vingts pays", 80, "pays"), figure(body, "83 membres", 83, "membres")]
    assert meetings(body, "2021-06-28", figures) == [("Rome", "Italie", "2021-06-28", "day", "ministerial", "held", 80)]
    body = "Les ministres de la coalition, qui compte désormais 82 membres, se sont retrouvés lundi à Rome."
    assert meetings(body, "2021-06-28", [figure(body, "82 membres", 82, "membres")])[0][6] is None


def test_a_huge_number_is_no_count_of_participants():
    body = "Les ministres de 10 000 000 000 pays se sont réunis lundi à Rome."
    assert meetings(body, "2021-06-28", [figure(body, "10 000 000 000 pays", 10**10, "pays")])[0][6] is None


@pytest.mark.parametrize(
    "body",
    [
        "Jeudi à Londres, une conférence des donateurs pour la Syrie a recueilli dix milliards de dollars.",
        "La question sera au cœur d'un sommet du Conseil de sécurité de l'ONU, le 24 septembre à New York.",
        "Le ministre a tenu une conférence de presse mardi à Paris.",
        "Les ministres de la Défense de l'Otan se sont réunis jeudi à Bruxelles.",
        "Il a eu une rencontre bilatérale mardi à Paris avec son homologue.",
        "Une conférence de presse s'est tenue mardi à Washington.",
        "Les jihadistes se sont retrouvés encerclés mardi à Mossoul.",
        "Des milliers de réfugiés ont été accueillis l'été dernier à Berlin.",
    ],
)
def test_gatherings_that_are_not_coalition_meetings(body):
    assert meetings(body, "2016-02-05") == []


def test_a_sentence_naming_the_place_and_day_completes_the_meeting():
    # 3 December 2014 was a Wednesday.
    body = (
        "Les quelque 60 pays de la coalition ont réaffirmé mercredi à Bruxelles leur unité. "
        "Réunis au siège de l'Otan, les ministres ont promis une campagne de longue haleine."
    )
    assert meetings(body, "2014-12-04", [figure(body, "60 pays", 60, "pays")]) == [
        ("Bruxelles", "Belgique", "2014-12-03", "day", "ministerial", "held", 60)
    ]


def test_a_meeting_whose_date_is_off_the_calendar_is_kept_undated():
    assert meetings("Les ministres se réuniront le 31 février à Paris.", "2016-01") == [
        ("Paris", "France", None, None, "ministerial", "announced", None)
    ]
    # Without a publication date, "le 22 mars" has no year: the meeting stays, undated.
    assert meetings("Les ministres se réuniront le 22 mars à Paris.", None) == [
        ("Paris", "France", None, None, "ministerial", "announced", None)
    ]
    assert meetings("Les ministres se sont réunis le 22 mars 2017 à Paris.", None) == [
        ("Paris", "France", "2017-03-22", "day", "ministerial", "held", None)
    ]


def test_places():
    # A city keeps the text's spelling; a periphrase gives the city's own name.
    assert [lookup(name).city for name in ("Riyad", "Ryad", "Riyadh", "capitale saoudienne")] == ["Riyad", "Ryad", "Riyadh", "Riyad"]
    assert lookup("Ryad").latitude == lookup("capitale saoudienne").latitude
    assert [canonical_city(name) for name in ("Ryad", "Jeddah", "Djedda", "Paris", "Skhirat")] == ["Riyad", "Djeddah", "Djeddah", "Paris", "Skhirat"]
    assert [m.place.city for m in find_places("à Koweït City, au Quai d'Orsay et près de Washington, pas à John Kerry")] == [
        "Koweït",
        "Paris",
        "Washington",
    ]
    # A country named like its capital names the city; another country names none.
    assert [m.place.city for m in find_places("réunis au Koweït, puis au Maroc et en Italie")] == ["Koweït"]


def test_link_meetings_ties_figures_and_quotes_to_the_meeting_their_sentence_tells_of():
    body = (
        "Les ministres de la coalition se sont réunis mardi à Rome. "
        "La réunion a rassemblé 23 pays. "
        "« Nous restons unis », a déclaré le ministre lors de la réunion.\n\n"
        "Le pétrole rapporte un million de dollars par jour."
    )
    figures = [figure(body, "23 pays", 23, "pays"), figure(body, "un million de dollars", 1000000, "dollars")]
    quote = Quote(text="Nous restons unis", start=body.index("Nous"), end=body.index("Nous") + 17)
    found = extract_meetings(body, "2016-02-02", figures)
    link_meetings(body, found, figures, [quote])
    assert [f.meeting_index for f in figures] == [0, None]
    assert quote.meeting_index == 0


def article(path, published):
    return Article(path=path, sha256="", raw="", body="", published=published)


def test_an_announcement_and_a_later_report_share_one_row():
    announcement = "Les ministres de 68 pays de la coalition se réuniront le 22 mars à Washington."
    report = "La réunion de la coalition rassemblant 68 pays s'est tenue mercredi à Washington."
    extractions = [
        Extraction(meetings=extract_meetings(announcement, "2017-03", [figure(announcement, "68 pays", 68, "pays")])),
        Extraction(meetings=extract_meetings(report, "2017-03-22", [figure(report, "68 pays", 68, "pays")])),
    ]
    rows, mapping = resolve_meetings([article("a.txt", "2017-03"), article("b.txt", "2017-03-22")], extractions)
    assert [(row["id"], row["city"], row["date"], row["participants"]) for row in rows] == [(1, "Washington", "2017-03-22", 68)]
    assert mapping == {(0, 0): 1, (1, 0): 1}
    assert [m.status for e in extractions for m in e.meetings] == ["announced", "held"]


def test_meetings_in_one_city_on_other_days_or_known_to_the_month_stay_apart():
    first = "Les ministres se sont réunis le 3 décembre dernier à Bruxelles."
    second = "Les ministres de la Défense se sont réunis le 11 février à Bruxelles."
    third = "La coalition ne s'est plus réunie depuis sa réunion de Bruxelles, en décembre 2014."
    extractions = [Extraction(meetings=extract_meetings(text, "2016-07-20", [])) for text in (first, second, third)]
    rows, mapping = resolve_meetings([article(f"{n}.txt", "2016-07-20") for n in "abc"], extractions)
    assert [(row["city"], row["date"], row["kind"]) for row in rows] == [
        ("Bruxelles", "2015-12-03", "ministerial"),
        ("Bruxelles", "2016-02-11", "defence"),
        ("Bruxelles", "2014-12", "ministerial"),
    ]
    assert mapping == {(0, 0): 1, (1, 0): 2, (2, 0): 3}


def test_a_row_takes_what_most_reports_say():
    extractions = []
    for count in ("68", "68", "60"):
        text = f"Les ministres de {count} pays se sont réunis mercredi à Washington."
        found = extract_meetings(text, "2017-03-22", [figure(text, f"{count} pays", int(count), "pays")])
        extractions.append(Extraction(meetings=found))
    rows, _ = resolve_meetings([article(f"{n}.txt", "2017-03-22") for n in "abc"], extractions)
    assert [(row["date"], row["participants"]) for row in rows] == [("2017-03-22", 68)]


def test_a_country_with_its_article_as_host_is_no_city():
    # "La" is an abbreviation of Los Angeles in the gazetteer; 20 October 2016 was a Thursday.
    body = "La France accueillera jeudi à Paris une réunion ministérielle sur Mossoul."
    assert meetings(body, "2016-10-18") == [("Paris", "France", "2016-10-20", "day", "ministerial", "announced", None)]


def test_participants_from_the_paragraph_after_a_mention_without_locus():
    # 14 November 2019 was a Thursday.
    body = (
        "Les ministres de la coalition se retrouvent jeudi 14 novembre dans la capitale américaine. "
        "Une réunion convoquée en urgence.\n\nPlus de 70 pays sont attendus au département d'Etat."
    )
    assert meetings(body, "2019-11-13", [figure(body, "Plus de 70 pays", 70, "pays")]) == [
        ("Washington", "Etats-Unis", "2019-11-14", "day", "ministerial", "announced", 70)
    ]


def test_participants_from_the_representatives_of_the_next_sentence():
    # 15 February 2019 was a Friday.
    body = (
        "Les ministres de la Défense de la coalition se sont réunis hier à Munich.\n\n"
        "Autour du ministre américain, les représentants de treize pays ont discuté trois heures."
    )
    assert meetings(body, "2019-02-16", [figure(body, "treize pays", 13, "pays")]) == [
        ("Munich", "Allemagne", "2019-02-15", "day", "defence", "held", 13)
    ]


def test_participants_from_the_next_sentence_that_says_there():
    # "y" points back to the meeting's place; "il y a" does not.
    body = (
        "Les ministres de la coalition s'étaient réunis le 6 février à Washington. "
        "Les 79 membres de la coalition y avaient promis de poursuivre le combat."
    )
    assert meetings(body, "2019-02-16", [figure(body, "79 membres", 79, "membres")]) == [
        ("Washington", "Etats-Unis", "2019-02-06", "day", "ministerial", "held", 79)
    ]
    body = "Les ministres de la coalition s'étaient réunis le 6 février à Washington. Il y a 79 membres dans la coalition."
    assert meetings(body, "2019-02-16", [figure(body, "79 membres", 79, "membres")]) == [
        ("Washington", "Etats-Unis", "2019-02-06", "day", "ministerial", "held", None)
    ]


def test_a_meeting_held_in_the_margins_of_another_keeps_its_place():
    # 29 June 2017 was a Thursday.
    body = (
        "Les ministres de la Défense, réunis à Copenhague en mai, puis le 29 juin à Bruxelles "
        "en marge d'une réunion de l'Otan, ont validé la stratégie."
    )
    assert meetings(body, "2017-10-21") == [
        ("Copenhague", "Danemark", "2017-05", "month", "defence", "held", None),
        ("Bruxelles", "Belgique", "2017-06-29", "day", "defence", "held", None),
    ]


def test_a_day_and_a_place_told_in_two_sentences_make_one_meeting():
    # 14 November 2019 was a Thursday.
    body = "Les ministres de la coalition se réuniront le 14 novembre prochain. La réunion aura lieu à Washington."
    assert meetings(body, "2019-10-20") == [("Washington", "Etats-Unis", "2019-11-14", "day", "ministerial", "announced", None)]
    body = "Les ministres de la coalition se réuniront à Washington. Ils se retrouveront le 14 novembre."
    assert meetings(body, "2019-10-20") == [("Washington", "Etats-Unis", "2019-11-14", "day", "ministerial", "announced", None)]


def test_a_meeting_that_takes_place_on_a_day():
    # "avoir lieu" tells of a meeting only next to one: an attack taking place is none.
    body = (
        "Les ministres de la coalition se réuniront à Washington, a annoncé le département d'Etat. "
        "La réunion aura lieu le 14 novembre."
    )
    assert meetings(body, "2019-10-20") == [("Washington", "Etats-Unis", "2019-11-14", "day", "ministerial", "announced", None)]
    assert meetings("L'attaque a eu lieu mardi à Mossoul.", "2016-02-03") == []


def test_a_past_day_and_a_future_place_stay_apart():
    body = "Les ministres de la coalition se sont réunis le 14 novembre. La prochaine réunion aura lieu à Rome."
    assert meetings(body, "2019-11-20") == [
        (None, None, "2019-11-14", "day", "ministerial", "held", None),
        ("Rome", "Italie", None, None, "ministerial", "announced", None),
    ]


def test_a_meeting_named_as_a_point_in_time_takes_no_other_event_locus():
    # 8 June 2023 was a Thursday.
    body = (
        "La capitale saoudienne a accueilli jeudi la réunion ministérielle de la coalition. "
        "Mercredi, à la veille de la réunion, le ministre s'était entretenu avec le prince héritier à Djeddah. "
        "Au lendemain de la réunion de Marrakech, en mai 2022, les ministres avaient salué un succès."
    )
    assert meetings(body, "2023-06-09") == [
        ("Riyad", "Arabie saoudite", "2023-06-08", "day", "ministerial", "held", None),
        ("Marrakech", "Maroc", "2022-05", "month", "ministerial", "held", None),
    ]


def test_a_rendez_vous_is_a_meeting():
    # 8 February 2016 was a Monday.
    body = "Les ministres de la coalition ont rendez-vous jeudi à Rome. Le prochain rendez-vous est fixé à Paris le 2 mars."
    assert meetings(body, "2016-02-08") == [
        ("Rome", "Italie", "2016-02-11", "day", "ministerial", "announced", None),
        ("Paris", "France", "2016-03-02", "day", "ministerial", "announced", None),
    ]


def test_the_day_after_dates_a_second_meeting():
    # 10 February 2016 was a Wednesday.
    body = (
        "Les ministres de la Défense de la coalition se réuniront mercredi 10 février à Bruxelles. "
        "Le lendemain, les ministres des Affaires étrangères se retrouveront à Rome."
    )
    assert meetings(body, "2016-02-09") == [
        ("Bruxelles", "Belgique", "2016-02-10", "day", "defence", "announced", None),
        ("Rome", "Italie", "2016-02-11", "day", "ministerial", "announced", None),
    ]


def test_a_place_between_the_coalition_and_a_count_makes_participants_not_a_size():
    # 2 February 2016 was a Tuesday.
    body = "Ce mardi, la coalition réunit à Rome les ministres de 23 pays. La coalition réunit 66 pays."
    assert meetings(body, "2016-02-02", [figure(body, "23 pays", 23, "pays"), figure(body, "66 pays", 66, "pays")]) == [
        ("Rome", "Italie", "2016-02-02", "day", "ministerial", "held", 23)
    ]


def test_a_host_country_and_a_day_take_the_city_named_next():
    # 11 May 2022 was a Wednesday.
    body = (
        "Le Maroc a accueilli mercredi 11 mai la réunion ministérielle de la coalition contre l'Etat islamique. "
        "Les délégations de 85 pays avaient fait le déplacement à Marrakech."
    )
    assert meetings(body, "2022-05-12", [figure(body, "85 pays", 85, "pays")]) == [
        ("Marrakech", "Maroc", "2022-05-11", "day", "ministerial", "held", 85)
    ]


def test_a_city_of_another_country_is_not_the_host_city():
    body = "Le Maroc accueillera mercredi la réunion ministérielle de la coalition. Le ministre avait parlé la veille à Paris."
    assert meetings(body, "2022-05-09") == [(None, "Maroc", "2022-05-11", "day", "ministerial", "announced", None)]


# --- Meetings as the press tells them: a frame gathered across the article -----------------------


def test_an_undated_meeting_is_kept_when_the_article_has_no_publication_date():
    body = "Les chefs militaires de la coalition se sont retrouvés ce mardi à Washington."
    assert meetings(body, None) == [("Washington", "Etats-Unis", None, None, "other", "held", None)]


def test_a_meeting_by_videoconference_has_no_city():
    body = "Les ministres de la coalition se sont réunis par visioconférence jeudi."
    assert meetings(body, "2020-06-05") == [(None, None, "2020-06-04", "day", "ministerial", "held", None)]


def test_a_videoconference_whose_level_is_untold_is_a_working_meeting():
    body = "La coalition s'est réunie cette semaine en visioconférence, à l'initiative des Etats-Unis."
    assert meetings(body, "2020-11-16") == [(None, None, "2020-11", "month", "other", "held", None)]


def test_a_country_with_its_day_is_where_the_meeting_was():
    body = "La coalition s'est réunie jeudi en Jordanie."
    assert meetings(body, "2015-04-10") == [(None, "Jordanie", "2015-04-09", "day", "ministerial", "held", None)]


def test_a_country_without_a_day_is_no_meeting_place():
    body = "Les ministres de la coalition ont discuté de la situation en Syrie."
    assert meetings(body, "2015-04-10") == []


def test_a_meeting_verb_in_the_present_takes_its_status_from_the_next_clause():
    body = (
        "Alors que les combats se sont intensifiés, les chefs d'état-major de la coalition se réunissent mardi à Washington. "
        "Leurs homologues sont attendus à la Maison Blanche."
    )
    assert meetings(body, None) == [("Washington", "Etats-Unis", None, None, "other", "announced", None)]
    # On its own day ("ce mardi", "aujourd'hui"), a meeting told in the present is under way: held.
    body = body.replace("mardi", "ce mardi")
    assert meetings(body, None) == [("Washington", "Etats-Unis", None, None, "other", "held", None)]


def test_the_verb_of_a_meeting_noun_dates_it():
    # 1 March 2023 was a Wednesday.
    body = "À Niamey, une réunion plénière du groupe de travail de la coalition a débuté le 1er mars 2023."
    assert meetings(body, "2023-03-02") == [("Niamey", "Niger", "2023-03-01", "day", "other", "held", None)]


def test_a_meeting_noun_as_subject_of_an_opening_verb_takes_the_place_after_it():
    body = "La réunion des directeurs politiques de la coalition consacrée à la menace en Afrique s'est ouverte, mardi à Rabat."
    assert meetings(body, "2018-06") == [("Rabat", "Maroc", "2018-06", "month", "political_directors", "held", None)]


def test_a_story_that_names_its_meeting_only_as_the_meeting_takes_its_leads_place_and_day():
    body = (
        "Ils étaient une trentaine autour de la table à Bruxelles ce 3 décembre. "
        "Les discussions ont porté sur les combattants étrangers. "
        "Le terrorisme a fait la une des journaux. "
        "La rencontre, coprésidée par les Etats-Unis, a duré deux heures."
    )
    assert meetings(body, "2014-12") == [("Bruxelles", "Belgique", "2014-12-03", "day", "ministerial", "held", None)]


def test_the_earlier_meetings_of_a_series_after_apres():
    body = (
        "Les directeurs politiques de la coalition se sont réunis mardi à Bruxelles. "
        "C'était leur troisième rencontre de l'année, après une réunion au Canada fin juillet et en Jordanie, en avril."
    )
    assert meetings(body, "2015-11-05") == [
        ("Bruxelles", "Belgique", "2015-11-03", "day", "political_directors", "held", None),
        (None, "Canada", "2015-07", "month", "political_directors", "held", None),
        (None, "Jordanie", "2015-04", "month", "political_directors", "held", None),
    ]


def test_a_meeting_recalled_as_a_point_in_time_gets_no_date_of_the_story():
    body = "Deux semaines après celle de Madrid, une nouvelle réunion s'est tenue à Paris mardi."
    assert meetings(body, "2016-06-15") == [
        ("Madrid", "Espagne", None, None, "ministerial", "held", None),
        ("Paris", "France", "2016-06-14", "day", "ministerial", "held", None),
    ]


def test_a_meeting_recalled_with_its_place_and_month():
    body = "La précédente réunion, à Rome en février, avait rassemblé les ministres de 23 pays."
    assert meetings(body, "2018-06-10", [figure(body, "23 pays", 23, "pays")]) == [
        ("Rome", "Italie", "2018-02", "month", "ministerial", "held", 23)
    ]


def test_announced_meetings_at_the_precision_the_text_allows():
    assert meetings("La prochaine réunion aura lieu l'an prochain à Marrakech.", "2021-06-28") == [
        ("Marrakech", "Maroc", "2022", "year", "ministerial", "announced", None)
    ]
    assert meetings("Les ministres de la Défense se réuniront début février à Bruxelles.", "2016-01-20") == [
        ("Bruxelles", "Belgique", "2016-02", "month", "defence", "announced", None)
    ]
    assert meetings("Les représentants de la coalition se retrouveront la semaine prochaine à Washington.", "2022-04-28") == [
        ("Washington", "Etats-Unis", "2022-05", "month", "ministerial", "announced", None)
    ]


def test_ont_discute_with_a_group_tells_of_a_meeting():
    body = "Les ministres des Affaires étrangères de la coalition ont discuté lundi à Rome de la suite de la campagne."
    assert meetings(body, "2019-03-06") == [("Rome", "Italie", "2019-03-04", "day", "ministerial", "held", None)]


def test_a_host_city_after_a_passive_host_verb():
    body = "Cette réunion fait suite à la première réunion plénière du groupe, abritée par Marrakech en mai dernier."
    assert meetings(body, "2023-03-01") == [("Marrakech", "Maroc", "2022-05", "month", "ministerial", "held", None)]


def test_a_venue_after_a_building_word():
    body = "Vingt pays étaient autour de la table au manoir Lancaster House ce 22 janvier. La rencontre a duré trois heures."
    assert meetings(body, "2015-01") == [("Londres", "Royaume-Uni", "2015-01-22", "day", "ministerial", "held", None)]


def test_a_town_too_small_for_the_large_cities_is_a_venue_after_a():
    body = "Les directeurs politiques de la coalition se sont réunis mardi à Skhirat."
    assert meetings(body, "2018-06-27") == [("Skhirat", "Maroc", "2018-06-26", "day", "political_directors", "held", None)]


@pytest.mark.parametrize(
    "body, kind",
    [
        ("Les ministres de la Défense de la coalition se sont réunis mardi à Paris.", "defence"),
        ("Le petit groupe de la coalition s'est réuni mardi à Paris.", "small_group"),
        ("Une réunion informelle de ministres de la coalition s'est tenue mardi à Munich.", "small_group"),
        ("Les directeurs politiques de la coalition se sont réunis mardi à Paris.", "political_directors"),
        ("Une réunion d'experts de haut niveau de la coalition s'est tenue mardi à Paris.", "political_directors"),
        ("Les hauts fonctionnaires de la coalition se sont réunis mardi à Paris.", "political_directors"),
        ("Les chefs d'état-major de la coalition se sont réunis mardi à Paris.", "other"),
        ("Le groupe de travail de la coalition sur les combattants étrangers s'est réuni mardi à Paris.", "other"),
        ("Des experts de la coalition se sont réunis mardi à Paris.", "other"),
        ("Des émissaires des pays de la coalition se sont réunis mardi à Paris.", "other"),
        ("Les responsables militaires de trente pays de la coalition se sont réunis mardi à Paris.", "other"),
        ("Les coordinateurs de la coalition se sont réunis mardi à Paris.", "other"),
        ("Une réunion technique de la coalition s'est tenue mardi à Paris.", "other"),
        ("Le groupe de la coalition chargé de la stabilisation s'est réuni mardi à Paris.", "other"),
        ("Les envoyés spéciaux de la coalition se sont réunis mardi à Paris.", "other"),
        ("Les ministres de la coalition se sont réunis mardi à Paris.", "ministerial"),
    ],
)
def test_who_met_decides_the_kind(body, kind):
    # 14 June 2016 was a Tuesday.
    assert [m[4] for m in meetings(body, "2016-06-15")] == [kind]


def test_the_envoys_who_will_meet_say_the_kind_of_an_announced_conference():
    # 23 January 2019 was a Wednesday: next week runs from 28 January to 3 February, across two months.
    body = (
        "La Jordanie accueillera la semaine prochaine à Amman une conférence de la coalition sur la propagande. "
        "Des émissaires de dix pays se réuniront à cette occasion."
    )
    assert meetings(body, "2019-01-23") == [("Amman", "Jordanie", None, None, "other", "announced", None)]


def test_the_sentence_after_a_mention_says_who_met():
    body = (
        "La coalition s'est réunie mercredi à Paris, en conseil de guerre. "
        "Les ministres de la Défense des sept pays les plus engagés ont établi une stratégie commune."
    )
    assert meetings(body, "2016-01-20") == [("Paris", "France", "2016-01-20", "day", "defence", "held", None)]


def test_the_next_sentence_gives_no_participants_when_it_tells_of_another_meeting():
    body = (
        "Des représentants de la coalition se sont réunis lundi 13 novembre à Amman. "
        "Le petit groupe de la coalition s'est retrouvé mercredi à Amman. "
        "La réunion de lundi a rassemblé les représentants de trente-deux pays."
    )
    found = meetings(body, "2017-11-17", [figure(body, "trente-deux pays", 32, "pays")])
    assert [(m[2], m[4], m[6]) for m in found] == [("2017-11-13", "ministerial", 32), ("2017-11-15", "small_group", None)]


@pytest.mark.parametrize(
    "body, published",
    [
        # The war's cities, past a comma and a verb, are not where the meeting was.
        ("A l'issue de la réunion, la coalition a affirmé vouloir frapper Daech à Raqqa et à Mossoul.", "2016-01-20"),
        ("La Turquie, présente lors de la réunion, n'est pas citée ; à Ankara, un responsable s'en étonne.", "2014-09-12"),
        # The war's cities are where it is fought, not where the coalition meets.
        ("Les ministres de la coalition se sont réunis pour discuter de l'offensive à Mossoul.", "2016-10-20"),
        ("La réunion a porté sur la situation à Raqqa.", "2017-06-10"),
        # Other bodies' gatherings and a bilateral meeting.
        ("Une conférence des donateurs pour l'Irak s'est tenue mardi à Koweït.", "2018-02-14"),
        ("Le sommet de l'Otan s'est ouvert jeudi à Bruxelles.", "2018-07-12"),
        ("Une rencontre entre John Kerry et Sergueï Lavrov a eu lieu mercredi à Genève.", "2016-01-21"),
        # The day a person spoke, and a verb that only looks like a meeting's.
        ("Le secrétaire d'Etat a déclaré mardi à Paris que la coalition tiendrait bon.", "2016-06-15"),
        ("Les frappes de la coalition se poursuivent à Mossoul et à Raqqa.", "2017-03-08"),
        # An offer to host, with no day.
        ("Le Maroc s'est proposé pour accueillir la prochaine réunion ministérielle.", None),
    ],
)
def test_not_meetings(body, published):
    assert meetings(body, published) == []


def test_undated_meetings_of_two_articles_stay_two_rows():
    # Nothing says which of Washington's meetings each article tells of.
    article = Article(path="a.txt", sha256="", body="", raw="", published=None)
    undated = extract_meetings("Les ministres de la coalition se réunissent ce mardi à Washington.", None, [])
    dated = extract_meetings("Les ministres de la coalition se sont réunis mardi à Washington.", "2017-03-23", [])
    rows, mapping = resolve_meetings([article, article, article], [Extraction(meetings=undated), Extraction(meetings=undated), Extraction(meetings=dated)])
    assert [(row["city"], row["date"]) for row in rows] == [("Washington", None), ("Washington", None), ("Washington", "2017-03-21")]
    assert mapping == {(0, 0): 1, (1, 0): 2, (2, 0): 3}


@pytest.mark.parametrize(
    "body, published, expected",
    [
        (
            "Les représentants de 68 pays réunis jeudi à Washington ont promis de vaincre l'EI.",
            "2019-02-07",
            ("Washington", "Etats-Unis", "2019-02-07", "day", "ministerial", "held", 68),
        ),
        (
            "Une réunion de la coalition anti-EI est prévue le 6 février à Washington.",
            "2019-01-20",
            ("Washington", "Etats-Unis", "2019-02-06", "day", "ministerial", "announced", None),
        ),
        (
            "Les ministres des Affaires étrangères de la coalition se sont réunis à Rome, a-t-on appris de source diplomatique.",
            "2018-02-13",
            ("Rome", "Italie", None, None, "ministerial", "held", None),
        ),
        (
            "Pour sa première réunion depuis la chute du califat, la coalition s'est retrouvée à Washington.",
            "2019-02-07",
            ("Washington", "Etats-Unis", None, None, "ministerial", "held", None),
        ),
        (
            "Les membres de la coalition sont réunis depuis mardi à Paris.",
            "2016-10-26",
            ("Paris", "France", "2016-10-25", "day", "ministerial", "held", None),
        ),
        (
            "La réunion, qui rassemblera les chefs de la diplomatie de quelque 70 pays, s'ouvrira jeudi à Washington.",
            "2019-02-04",
            ("Washington", "Etats-Unis", "2019-02-07", "day", "ministerial", "announced", 70),
        ),
    ],
)
def test_forms_of_the_press(body, published, expected):
    assert meetings(body, published, extract_figures(body)) == [expected]


def test_a_day_put_before_the_subject_dates_the_meeting_verb():
    body = "En novembre 2020, les Etats-Unis et le Nigeria ont convoqué une réunion virtuelle de la coalition."
    assert meetings(body, "2021-07") == [(None, None, "2020-11", "month", "other", "held", None)]


def test_a_day_before_another_clause_is_not_the_meetings():
    body = "En novembre 2020, Daech a frappé au Nigeria, et les Etats-Unis ont convoqué une réunion virtuelle de la coalition."
    assert meetings(body, "2021-07") == [(None, None, None, None, "other", "held", None)]


def test_participants_in_the_next_sentence_that_says_who_will_be_there():
    body = "Aujourd'hui se tient à Rome une réunion de la coalition. Une quarantaine de ministres seront présents."
    assert meetings(body, "2021-06-28", [figure(body, "Une quarantaine de ministres", 40, "ministres")])[0][6] == 40


def test_a_videoconference_is_marked_virtual():
    found = extract_meetings("Les ministres de la coalition se sont réunis par visioconférence jeudi.", "2020-06-05", [])
    assert [(m.city, m.virtual) for m in found] == [(None, True)]
    found = extract_meetings("La coalition s'est réunie jeudi en Jordanie.", "2015-04-10", [])
    assert [(m.country, m.virtual) for m in found] == [("Jordanie", False)]


@pytest.mark.parametrize(
    "body, published, expected",
    [
        # Someone on a screen at a meeting held in a city: one meeting, not a videoconference too.
        (
            "Le ministre s'est adressé en visioconférence aux participants de la réunion de la coalition, tenue jeudi à Bruxelles.",
            "2021-12-03",
            [("Bruxelles", "Belgique", "2021-12-02", "day", "ministerial", "held", None)],
        ),
        # Two dates side by side name one day: the one that says more dates the meeting.
        (
            "Le ministre s'exprimait lors de la réunion de la coalition, tenue hier, jeudi 2 décembre 2021 à Bruxelles.",
            "2021-12",
            [("Bruxelles", "Belgique", "2021-12-02", "day", "ministerial", "held", None)],
        ),
        # The lead's place and day make the meeting even when the day cannot be placed.
        (
            "La coalition révisait hier à Paris sa stratégie. Les ministres de la Défense se sont retrouvés au ministère. "
            "La réunion à sept a duré deux heures.",
            None,
            [("Paris", "France", None, None, "defence", "held", None)],
        ),
        # A host's verb before a date is the meeting's, not a statement's.
        (
            "Le Maroc est le premier pays africain à avoir organisé, en juin 2018, la réunion des directeurs politiques de la coalition.",
            "2021-12",
            [(None, None, "2018-06", "month", "political_directors", "held", None)],
        ),
        ("Une réunion restreinte de la coalition se tiendra mardi à Paris.", "2015-05-30", [("Paris", "France", "2015-06-02", "day", "small_group", "announced", None)]),
        # A meeting in the present on the day of the paper is under way: held, whatever the
        # sentences about its programme say (the gold of the real press reads it so).
        (
            "Les ministres de la coalition se réunissent ce mercredi à Washington. Il s'agit de la première réunion depuis l'élection. "
            "Les délégués seront accueillis par le secrétaire d'Etat.",
            "2017-03-22",
            [("Washington", "Etats-Unis", "2017-03-22", "day", "ministerial", "held", None)],
        ),
        (
            "Le Maroc accueille ce mercredi, à Marrakech, la réunion ministérielle de la coalition. La coalition rassemble 80 membres. "
            "Cette réunion mettra l'accent sur l'Afrique.",
            None,
            [("Marrakech", "Maroc", None, None, "ministerial", "held", None)],
        ),
    ],
)
def test_frames_of_the_press(body, published, expected):
    assert meetings(body, published, extract_figures(body)) == expected


def test_two_undated_meetings_of_one_city_in_one_article_stay_two_rows():
    body = (
        "Les ministres de la coalition se réuniront à Washington. "
        "Ils s'étaient déjà retrouvés à Washington le 21 juillet dernier."
    )
    found = extract_meetings(body, None, [])
    assert [(m.city, m.date, m.status) for m in found] == [("Washington", None, "announced"), ("Washington", None, "held")]
    article = Article(path="a.txt", sha256="", body=body, raw="", published=None)
    rows, mapping = resolve_meetings([article], [Extraction(meetings=found)])
    assert (len(rows), mapping) == (2, {(0, 0): 1, (0, 1): 2})


def test_tenir_conseil_and_a_concertation_tell_of_a_meeting():
    body = (
        "La coalition tiendra conseil mardi prochain, 2 juin, à Paris. "
        "Cette concertation dite restreinte réunira les représentants de 24 pays."
    )
    assert meetings(body, "2015-05-30", [figure(body, "24 pays", 24, "pays")]) == [
        ("Paris", "France", "2015-06-02", "day", "small_group", "announced", 24)
    ]


@pytest.mark.parametrize(
    "body, published, expected",
    [
        # A place past a bilateral meeting is that meeting's, not the announced one's.
        (
            "Les ministres de la coalition se réuniront jeudi 22 janvier à Londres. "
            "L'annonce de cette réunion a été faite après une rencontre entre Barack Obama et David Cameron, vendredi 16 janvier, à Washington.",
            "2015-01-18",
            [("Londres", "Royaume-Uni", "2015-01-22", "day", "ministerial", "announced", None)],
        ),
        # Who came, said two sentences later, and where they came from.
        (
            "Le Maroc accueillera le 11 mai 2022 à Marrakech une réunion de la coalition. "
            "Sont également attendus les chefs de la diplomatie de plusieurs pays. "
            "80 pays et organisations membres de cette coalition seront présents au Maroc.",
            "2022-04-29",
            [("Marrakech", "Maroc", "2022-05-11", "day", "ministerial", "announced", 80)],
        ),
        (
            "La rencontre de la coalition s'est tenue à Québec jeudi. "
            "Les échanges ont réuni quelque 150 dignitaires provenant d'une vingtaine de pays.",
            "2015-07-31",
            [("Québec", "Canada", "2015-07-30", "day", "ministerial", "held", 20)],
        ),
        # A meeting "virtuelle" has no city.
        (
            "Lors d'une réunion ministérielle virtuelle de la coalition jeudi, le secrétaire d'Etat a appelé à des dons.",
            "2020-06-05",
            [(None, None, "2020-06-04", "day", "ministerial", "held", None)],
        ),
        # The meeting's own "ministérielle" outranks the working group it speaks of.
        (
            "La réunion ministérielle de la coalition a salué, lundi à Washington, le travail du groupe de travail sur l'Afrique.",
            "2024-10-01",
            [("Washington", "Etats-Unis", "2024-09-30", "day", "ministerial", "held", None)],
        ),
        ("Les ministres se sont retrouvés jeudi à Foggy Bottom.", "2019-11-15", [("Washington", "Etats-Unis", "2019-11-14", "day", "ministerial", "held", None)]),
    ],
)
def test_more_frames_of_the_press(body, published, expected):
    assert meetings(body, published, extract_figures(body)) == expected


def test_meetings_of_one_city_spelt_two_ways_are_one_row():
    article = Article(path="a.txt", sha256="", body="", raw="", published="2023-06-09")
    first = extract_meetings("Les ministres de la coalition se sont réunis jeudi à Riyad.", "2023-06-09", [])
    second = extract_meetings("Les ministres de la coalition se sont réunis jeudi à Ryad.", "2023-06-09", [])
    assert [(m.city, m.date) for m in first + second] == [("Riyad", "2023-06-08"), ("Ryad", "2023-06-08")]
    rows, mapping = resolve_meetings([article, article], [Extraction(meetings=first), Extraction(meetings=second)])
    assert [(row["city"], row["date"]) for row in rows] == [("Riyad", "2023-06-08")]
    assert mapping == {(0, 0): 1, (1, 0): 1}


def test_a_place_before_a_statement_is_where_it_was_said():
    body = "A Beyrouth, un responsable a annoncé que le ministre participera à la réunion de Djeddah."
    assert [m[0] for m in meetings(body, "2014-09-10")] == ["Djeddah"]


def test_one_meeting_named_by_a_spelling_and_a_periphrase_is_one():
    body = "Les ministres de la coalition se sont réunis jeudi à Ryad. La réunion de la capitale saoudienne a duré trois heures."
    assert meetings(body, "2023-06-09") == [("Ryad", "Arabie saoudite", "2023-06-08", "day", "ministerial", "held", None)]


def test_chiefs_who_began_their_talks_met():
    body = "Les chefs militaires de 22 pays de la coalition ont entamé leurs discussions mardi à Washington."
    assert meetings(body, "2014-10-15", extract_figures(body)) == [("Washington", "Etats-Unis", "2014-10-14", "day", "other", "held", 22)]


# --- The families of misses on fresh press (issue 17), on sentences of our own ---------------


def test_a_place_and_a_day_told_apart_make_one_meeting():
    # 8 March 2016 was a Tuesday.
    body = (
        "Le ministre est arrivé à Rome pour la réunion de la coalition contre l'EI. Il a vu plusieurs homologues. "
        "La réunion s'est ouverte mardi en présence de soixante délégations."
    )
    assert meetings(body, "2016-03-10", [figure(body, "soixante délégations", 60, "délégations")]) == [
        ("Rome", "Italie", "2016-03-08", "day", "ministerial", "held", 60)
    ]


def test_a_day_then_a_place_make_one_meeting():
    body = (
        "Les ministres de la coalition se sont retrouvés mardi pour faire le point. Le secrétaire d'Etat a salué "
        "les progrès. La rencontre, organisée à Rome, a duré trois heures."
    )
    assert meetings(body, "2016-03-10") == [("Rome", "Italie", "2016-03-08", "day", "ministerial", "held", None)]


def test_a_place_ahead_and_a_day_behind_stay_two_meetings():
    body = "Les ministres de la coalition se réuniront à Rome. Ils s'étaient déjà retrouvés le 3 février dernier."
    assert meetings(body, "2016-03-10") == [
        ("Rome", "Italie", None, None, "ministerial", "announced", None),
        (None, None, "2016-02-03", "day", "ministerial", "held", None),
    ]


def test_a_meeting_known_by_its_country_takes_the_one_city_of_that_country_named_anywhere():
    # 11 May 2022 was a Wednesday.
    body = (
        "La coalition, réunie mercredi au Maroc, s'est engagée à poursuivre la lutte.\n\n"
        "Le ministre a salué les progrès accomplis.\n\n"
        "Les délégués sont logés dans un hôtel de Marrakech, sous haute protection."
    )
    assert meetings(body, "2022-05-12") == [("Marrakech", "Maroc", "2022-05-11", "day", "ministerial", "held", None)]


def test_two_cities_of_the_country_leave_the_city_unknown():
    body = "La coalition, réunie mercredi au Maroc, a salué Rabat et Marrakech pour leur accueil."
    assert meetings(body, "2022-05-12") == [(None, "Maroc", "2022-05-11", "day", "ministerial", "held", None)]


def test_a_town_named_by_what_it_is():
    # 10 May 2018 was a Thursday.
    body = "Les ministres de la coalition se sont réunis jeudi dans la ville jordanienne d'Aqaba."
    assert meetings(body, "2018-05-12") == [("Aqaba", "Jordanie", "2018-05-10", "day", "ministerial", "held", None)]


def test_a_speech_at_the_opening_dates_the_meeting():
    # 14 March 2016 was a Monday.
    body = "« Nous devons rester unis », a annoncé lundi le ministre, à l'ouverture de la réunion de la coalition à Rome."
    assert meetings(body, "2016-03-16") == [("Rome", "Italie", "2016-03-14", "day", "ministerial", "held", None)]


def test_a_meeting_with_one_person_is_a_visit():
    body = (
        "Le secrétaire d'Etat a passé jeudi à Ankara, avant de se rendre vendredi à Bagdad pour une réunion "
        "avec le Premier ministre."
    )
    assert meetings(body, "2018-05-12") == []
    body = "Le roi a reçu le ministre lors d'une rencontre mercredi soir à Amman avec le secrétaire d'Etat."
    assert meetings(body, "2018-05-12") == []


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Le président accueillera mardi à Paris le Premier ministre irakien pour parler de la coalition.", []),
        ("Le président accueillera mardi à Paris son homologue irakien, membre de la coalition.", []),
        ("Le roi a accueilli mercredi à Rabat M. Martin, envoyé de la coalition.", []),
        # Several people, or a meeting, are a meeting's.
        (
            "Le Canada accueillera à Québec, le 29 juillet, les directeurs politiques des pays de la coalition.",
            [("Québec", "Canada", "2015-07-29", "day", "political_directors", "announced", None)],
        ),
        (
            "Le Maroc accueillera mardi à Rabat la réunion des ministres de la coalition.",
            [("Rabat", "Maroc", "2015-06-16", "day", "ministerial", "announced", None)],
        ),
    ],
)
def test_a_verb_that_gathers_one_person_tells_of_a_visit(body, expected):
    assert meetings(body, "2015-06-11") == expected


def test_a_city_before_ou_is_where_the_meeting_was():
    body = "Le ministre revient de Rome, où se tenait la réunion du petit groupe de la coalition."
    assert meetings(body, "2018-02-14") == [("Rome", "Italie", None, None, "small_group", "held", None)]
    assert meetings("Il arrive de Londres, où il a rencontré des étudiants.", "2018-02-14") == []


def test_a_meeting_in_the_margins_of_another_body_s_takes_its_city():
    # 11 February 2016 was a Thursday.
    body = (
        "En marge du sommet de l'Otan à Bruxelles, les ministres de la Défense de la coalition "
        "se sont réunis jeudi pour discuter de la Syrie."
    )
    assert meetings(body, "2016-02-12") == [("Bruxelles", "Belgique", "2016-02-11", "day", "defence", "held", None)]


def test_the_day_after_avant_de_dates_the_verb_that_follows():
    # 18 October 2016 was a Tuesday.
    body = "Le Premier ministre sera reçu lundi à l'Elysée, avant de participer mardi à Paris à une réunion de la coalition."
    assert meetings(body, "2016-10-16") == [("Paris", "France", "2016-10-18", "day", "ministerial", "announced", None)]


def test_a_month_of_an_enumeration_takes_the_year_before_it():
    body = "La coalition s'est réunie à Londres en janvier 2015, à Paris en juin 2015 puis à Québec en juillet."
    assert meetings(body, "2016-02-12") == [
        ("Londres", "Royaume-Uni", "2015-01", "month", "ministerial", "held", None),
        ("Paris", "France", "2015-06", "month", "ministerial", "held", None),
        ("Québec", "Canada", "2015-07", "month", "ministerial", "held", None),
    ]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Les ministres de la coalition ne se réuniront pas cette année à Bruxelles, a dit le porte-parole.", []),
        ("Les ministres de la coalition ne se sont plus réunis à Bruxelles depuis 2019.", []),
        # Who stays away does not cancel the meeting the noun tells of.
        (
            "Le Canada ne participera pas à la réunion de la coalition mardi à Paris.",
            [("Paris", "France", "2016-02-09", "day", "ministerial", "announced", None)],
        ),
    ],
)
def test_a_denied_verb_tells_of_no_meeting(body, expected):
    assert meetings(body, "2016-02-03") == expected


def test_a_virtual_meeting_of_the_lead_is_dated_by_its_own_day_not_the_story_s():
    # 3 December 2020 was a Thursday; the dispatch is of Saturday 5 December.
    body = (
        "Dakar, 5 décembre (APS) - Le Sénégal a pris part à la réunion virtuelle du groupe de travail "
        "de la coalition, tenue jeudi."
    )
    assert meetings(body, "2020-12-05") == [(None, None, "2020-12-03", "day", "other", "held", None)]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Le secrétaire d'Etat a participé dimanche à Berlin à la conférence sur la Libye.", []),
        ("Une réunion consacrée au Mali s'est tenue mardi à Paris.", []),
        (
            "Le ministre participera mardi à Genève à une conférence internationale sur l'Afghanistan, "
            "puis mercredi à Rome à la réunion de la coalition.",
            [("Rome", "Italie", "2021-06-30", "day", "ministerial", "announced", None)],
        ),
        # The countries the coalition fights in are its own subject.
        (
            "Les ministres de la coalition se réuniront jeudi à Rome pour une conférence sur la Syrie.",
            [("Rome", "Italie", "2021-07-01", "day", "ministerial", "announced", None)],
        ),
    ],
)
def test_a_gathering_about_another_country_is_another_forum_s(body, expected):
    assert meetings(body, "2021-06-28") == expected


def test_where_its_people_arrived_the_sentence_before_is_where_a_meeting_is_held():
    # 11 March 2019 was a Monday, the day after publication.
    body = "Les ministres sont arrivés à Riyad. La réunion de la coalition débute demain matin."
    assert meetings(body, "2019-03-10") == [("Riyad", "Arabie saoudite", "2019-03-11", "day", "ministerial", "announced", None)]
    # Where someone was is not where they meet, nor a city another meeting took.
    body = "Le ministre était hier à Ankara. La réunion de la coalition débute demain."
    assert meetings(body, "2019-03-10") == [(None, None, "2019-03-11", "day", "ministerial", "announced", None)]
    body = "Le ministre est arrivé lundi à Tokyo pour une réunion de la coalition. Une réunion des ministres de la Défense s'ouvrira le 20 mars."
    assert [(m[0], m[2]) for m in meetings(body, "2019-03-10")] == [("Tokyo", "2019-03-04"), (None, "2019-03-20")]


def test_la_precedente_is_a_meeting_of_the_same_formation_at_andrews_near_washington():
    body = (
        "Une rencontre des chefs d'état-major de la coalition est prévue fin janvier à Paris. "
        "La précédente, à Andrews en octobre, avait réuni 22 pays."
    )
    assert meetings(body, "2015-01-05", [figure(body, "22 pays", 22, "pays")]) == [
        ("Paris", "France", "2015-01", "month", "other", "announced", None),
        ("Washington", "Etats-Unis", "2014-10", "month", "other", "held", 22),
    ]


def test_each_city_of_a_list_of_meetings_is_one():
    body = "Depuis 2014, la coalition a tenu une dizaine de réunions, dont celles de Londres, Washington, Rome et Marrakech."
    assert [m[0] for m in meetings(body, "2024-12-05")] == ["Londres", "Washington", "Rome", "Marrakech"]
    body = "C'était la troisième rencontre du genre, après celles de Londres et de Paris."
    assert [m[0] for m in meetings(body, "2024-12-05")] == ["Londres", "Paris"]
    # A name after a comma ends no list.
    body = "Après la conférence de Stockholm, Hassan Martin va défendre le plan de la coalition."
    assert [m[0] for m in meetings(body, "2024-12-05")] == ["Stockholm"]


def test_a_meeting_noun_after_lors_de_is_no_subject_of_the_verb_that_follows():
    # 5 December 2024 was a Thursday.
    body = (
        "La coalition, formalisée lors de la conférence de Paris sur la sécurité en Irak, réunit ce jeudi "
        "ses ministres des Affaires étrangères à Bruxelles."
    )
    assert meetings(body, "2024-12-05") == [
        ("Paris", "France", None, None, "ministerial", "held", None),
        ("Bruxelles", "Belgique", "2024-12-05", "day", "ministerial", "held", None),
    ]


def test_who_took_part_the_sentence_after_counts_unless_they_are_others():
    body = "Les ministres de la coalition se sont réunis mardi à Rome. Une trentaine de pays y participaient."
    figures = [figure(body, "Une trentaine de pays", 30, "pays")]
    assert meetings(body, "2020-06-05", figures)[0][6] == 30
    body = "Les ministres de la coalition se sont réunis mardi à Rome. Onze autres ministres y participaient."
    figures = [figure(body, "Onze autres ministres", 11, "ministres")]
    assert meetings(body, "2020-06-05", figures)[0][6] is None


def test_since_when_a_meeting_under_way_began_dates_it():
    body = "Le Koweït accueille depuis ce matin la réunion ministérielle de la coalition."
    assert meetings(body, "2018-02-13") == [("Koweït", "Koweït", "2018-02-13", "day", "ministerial", "held", None)]
    body = "Les ministres de la coalition se réunissent depuis hier à Bruxelles."
    assert meetings(body, "2016-02-12") == [("Bruxelles", "Belgique", "2016-02-11", "day", "ministerial", "held", None)]


def test_a_participle_after_the_comma_describes_the_meeting_before_it():
    body = "Les ministres ont évoqué mardi la prochaine réunion de la coalition, prévue en juin à Rome."
    assert meetings(body, "2021-05-12") == [("Rome", "Italie", "2021-06", "month", "ministerial", "announced", None)]
    # A conjugated verb after the comma is another clause.
    body = "Les ministres ont évoqué la prochaine réunion de la coalition, puis ils partiront en juin à Rome."
    assert [m[0] for m in meetings(body, "2021-05-12")] != ["Rome"]


def test_a_meeting_with_the_participation_of_many_is_one():
    body = "La réunion de la coalition s'est tenue jeudi à Rome avec la participation de vingt pays."
    assert meetings(body, "2018-05-12", [figure(body, "vingt pays", 20, "pays")]) == [
        ("Rome", "Italie", "2018-05-10", "day", "ministerial", "held", 20)
    ]


def test_celle_stands_for_the_last_feminine_noun():
    body = "Il s'agira de sa deuxième visite dans le royaume après celle d'août 2016."
    assert meetings(body, "2018-06-25") == []
    body = "La réunion de Rome se tiendra deux mois après celle d'août 2016 à Madrid."
    assert ("Madrid", "Espagne", "2016-08", "month", "ministerial", "held", None) in meetings(body, "2018-06-25")


def test_a_date_past_a_comma_and_a_conjunction_is_another_clause():
    body = "La mission doit prendre fin en mars, et la question de la réunion de jeudi est de savoir qui restera."
    assert meetings(body, "2018-12-11") == [(None, None, "2018-12-13", "day", "ministerial", "announced", None)]


def test_officers_make_a_military_meeting():
    body = "Des officiers de trente pays de la coalition se sont retrouvés mercredi à Tampa."
    assert meetings(body, "2014-11-13", [figure(body, "trente pays", 30, "pays")]) == [
        ("Tampa", "Etats-Unis", "2014-11-12", "day", "other", "held", 30)
    ]


def test_a_restricted_formation_beats_a_working_group_it_speaks_of():
    body = "La réunion du groupe de travail précède une rencontre du Petit groupe de la coalition mercredi à Amman."
    assert [m[4] for m in meetings(body, "2017-11-13")] == ["small_group"]


def test_the_sentence_after_a_meeting_may_say_the_group_was_restricted():
    # 2 February 2016 was a Tuesday.
    body = (
        "Les pays de la coalition, réunis mardi à Rome, ont affirmé leur détermination. "
        "Les ministres des vingt-trois pays du groupe restreint ont aussi parlé de la Libye."
    )
    assert [m[4] for m in meetings(body, "2016-02-02")] == ["small_group"]


def test_counterparts_count_as_participants():
    body = "Le secrétaire d'Etat doit accueillir mercredi à Washington une quarantaine de ses homologues de la coalition."
    assert meetings(body, "2016-07-18", [figure(body, "une quarantaine de ses homologues", 40, "homologues")]) == [
        ("Washington", "Etats-Unis", "2016-07-20", "day", "ministerial", "announced", 40)
    ]


def test_the_coalitions_size_far_from_its_verb_is_no_participants():
    body = (
        "Les ministres de la coalition se sont réunis mercredi à Rome. "
        "La coalition contre Daech (acronyme arabe de l'Etat islamique) rassemble 84 Etats et organisations."
    )
    assert meetings(body, "2022-05-12", [figure(body, "84 Etats", 84, "Etats")]) == [
        ("Rome", "Italie", "2022-05-11", "day", "ministerial", "held", None)
    ]


def test_a_meeting_known_to_the_month_is_the_one_row_of_its_city_known_to_the_day():
    texts = (
        ("a.txt", "2022-05-12", "Les ministres de la coalition se sont réunis le 11 mai à Marrakech."),
        ("b.txt", "2022-06", "La coalition s'est réunie en mai à Marrakech."),
        ("c.txt", "2023-01", "La coalition s'était réunie à Marrakech en 2022."),
    )
    extractions = [Extraction(meetings=extract_meetings(text, published, [])) for _, published, text in texts]
    rows, mapping = resolve_meetings([article(name, published) for name, published, _ in texts], extractions)
    assert [(row["city"], row["date"], row["date_precision"]) for row in rows] == [("Marrakech", "2022-05-11", "day")]
    assert mapping == {(0, 0): 1, (1, 0): 1, (2, 0): 1}


def test_a_month_with_two_days_of_its_city_stays_its_own_row():
    texts = (
        ("a.txt", "2022-05-30", "Les ministres de la coalition se sont réunis le 11 mai à Marrakech."),
        ("b.txt", "2022-05-30", "Les ministres de la Défense de la coalition se sont réunis le 25 mai à Marrakech."),
        ("c.txt", "2022-06", "La coalition s'est réunie en mai à Marrakech."),
    )
    extractions = [Extraction(meetings=extract_meetings(text, published, [])) for _, published, text in texts]
    rows, _ = resolve_meetings([article(name, published) for name, published, _ in texts], extractions)
    assert [row["date"] for row in rows] == ["2022-05-11", "2022-05-25", "2022-05"]


def test_another_bodys_summit_after_an_apostrophe_is_none_of_the_coalitions():
    assert meetings("Le sommet de l'Union africaine s'est ouvert dimanche à Addis-Abeba.", "2019-02-08") == []
    assert meetings("Une réunion de l'ONU s'est tenue jeudi à Genève.", "2019-02-08") == []


def test_elle_aura_lieu_dates_the_meeting_just_named():
    body = "La coalition tiendra sa prochaine réunion ministérielle à Washington. Elle aura lieu le 6 février."
    assert meetings(body, "2019-01-08") == [("Washington", "Etats-Unis", "2019-02-06", "day", "ministerial", "announced", None)]
    # With no meeting named before it, "il a eu lieu" tells of none.
    assert meetings("L'attentat a choqué le pays. Il a eu lieu le 6 février.", "2019-02-08") == []


def test_holding_a_meeting_and_its_unfolding_tell_of_it():
    # 2 February 2016 was a Tuesday.
    assert meetings("Le 2 février, à Rome, la coalition a tenu sa réunion annuelle.", "2016-02-04") == [
        ("Rome", "Italie", "2016-02-02", "day", "ministerial", "held", None)
    ]
    body = "La réunion de la coalition, qui s'est déroulée mardi à Rome, a porté sur la Libye."
    assert meetings(body, "2016-02-04") == [("Rome", "Italie", "2016-02-02", "day", "ministerial", "held", None)]
    # To hold one's ground is no meeting.
    assert meetings("Le 2 février, à Rome, le gouvernement a tenu bon.", "2016-02-04") == []


def test_a_statement_made_at_the_meeting_dates_it():
    # 6 February 2018 was a Tuesday.
    body = "Interrogé mardi en marge de la réunion de la coalition à Koweït, le ministre a refusé de commenter."
    assert meetings(body, "2018-02-10") == [("Koweït", "Koweït", "2018-02-06", "day", "ministerial", "held", None)]
    body = "Le ministre a rencontré mardi à Koweït son homologue koweïtien, en marge de la réunion de la coalition."
    assert meetings(body, "2018-02-10") == [("Koweït", "Koweït", "2018-02-06", "day", "ministerial", "held", None)]
    # The day of a statement about a meeting, made elsewhere, is not the meeting's.
    body = "Le ministre a annoncé mardi que la réunion de la coalition se tiendrait à Koweït."
    assert [m[2] for m in meetings(body, "2018-02-10")] == [None]


def test_one_countrys_leaders_a_joint_commission_and_a_ministers_other_stops_are_not_the_coalitions():
    body = "Le secrétaire d'Etat doit ensuite participer jeudi à Bagdad à une réunion avec les dirigeants irakiens."
    assert meetings(body, "2018-02-10") == []
    body = "Une réunion du comité militaire mixte s'est tenue mardi à Bagdad entre officiers irakiens et américains."
    assert meetings(body, "2018-02-10") == []
    # 15 February 2018 was a Thursday.
    body = "Le secrétaire d'Etat, qui était lundi à Amman et mardi à Ankara, participera jeudi à Koweït à la réunion de la coalition."
    assert meetings(body, "2018-02-10") == [("Koweït", "Koweït", "2018-02-15", "day", "ministerial", "announced", None)]
    # The coalition's own people met in a country's capital are a meeting.
    body = "Une réunion avec les dirigeants de la coalition s'est tenue mardi à Bagdad."
    assert [m[0] for m in meetings(body, "2018-02-10")] == ["Bagdad"]


def test_a_meeting_beside_another_gathering_is_told_by_the_lead():
    # 13 February 2018 was a Tuesday; the paper is known to the month.
    body = (
        "Le secrétaire d'Etat a appelé mardi, à Koweït, la coalition à ne pas baisser la garde.\n\n"
        "La réunion de la coalition coïncide avec une conférence sur la reconstruction organisée à Koweït."
    )
    assert meetings(body, "2018-02") == [("Koweït", "Koweït", "2018-02", "month", "ministerial", "held", None)]


def test_chairing_a_meeting_dates_it_and_its_sentence_places_it():
    # 8 June 2023 was a Thursday.
    body = (
        "Le 8 juin, le secrétaire d'Etat coorganisera une réunion ministérielle de la coalition avec le ministre "
        "saoudien des Affaires étrangères, son homologue de longue date, à Riyad."
    )
    assert meetings(body, "2023-06") == [("Riyad", "Arabie saoudite", "2023-06-08", "day", "ministerial", "announced", None)]
    # A verb of taking part in another gathering is left out with it.
    body = "Le 7 juin, le secrétaire d'Etat participera à une réunion ministérielle entre les Etats-Unis et le CCG."
    assert meetings(body, "2023-06") == []


def test_a_meeting_verbs_own_tense_says_it_was_held():
    # 26 June 2018 was a Tuesday; the paper is known to the month.
    body = "La réunion des directeurs politiques de la coalition s'est ouverte, mardi à Skhirat, avec la participation de l'envoyé spécial. Cette réunion sera suivie d'autres."
    assert [m[5] for m in meetings(body, "2018-06")] == ["held"]


def test_a_dispatchs_dateline_dates_no_meeting():
    # 13 February 2018 was a Tuesday.
    body = (
        "ROME, 14 février (Xinhua) -- Des ministres de la coalition ont parlé pendant une réunion à Rome.\n\n"
        "La réunion ministérielle de la coalition a eu lieu mardi à Rome."
    )
    assert meetings(body, "2018-02-15") == [("Rome", "Italie", "2018-02-13", "day", "ministerial", "held", None)]


@pytest.mark.parametrize(
    "body",
    [
        "Des avions de la coalition ont frappé mardi des positions de l'EI près de Mossoul, a annoncé le Pentagone.",
        "Les Etats-Unis vont retirer 2.000 soldats de Syrie, a annoncé mercredi la Maison Blanche.",
        "Le Premier ministre a présidé jeudi la cérémonie d'hommage aux soldats tombés au Mali.",
        "Le ministre a rencontré jeudi à Bagdad le Premier ministre irakien et le président du Kurdistan.",
        "La rencontre de football a eu lieu mardi à Bagdad. Elle a rassemblé 20.000 spectateurs.",
        "Le procès des jihadistes s'est ouvert lundi à Paris. Il doit durer six semaines.",
        "Les députés ont débattu mardi à Ottawa de la prolongation de la mission contre l'EI.",
    ],
)
def test_strikes_withdrawals_ceremonies_matches_and_trials_are_no_meetings(body):
    assert meetings(body, "2016-02-04") == []


def test_who_spoke_at_the_one_meeting_of_a_city_does_not_split_it():
    # 13 February 2018 was a Tuesday.
    body = (
        "De hauts responsables de la coalition ont parlé de combattants étrangers pendant une réunion à Rome. "
        "La rencontre ministérielle de la coalition a eu lieu mardi au palais Madame à Rome."
    )
    assert [(m[0], m[2]) for m in meetings(body, "2018-02-15")] == [("Rome", "2018-02-13")]


def test_a_day_of_a_meeting_of_several_days_is_that_meeting():
    body = (
        "À Niamey, une réunion du groupe de travail de la coalition a débuté le 1er mars 2023.\n\n"
        "Le directeur a co-présidé, aujourd'hui à Niamey, les travaux de la réunion plénière, qui se tient les 1er et 2 mars 2023."
    )
    assert [(m[0], m[2]) for m in meetings(body, "2023-03-02")] == [("Niamey", "2023-03-01")]
    # Another day, outside the range, is another meeting.
    body = body.replace("aujourd'hui", "le 5 mars")
    assert [(m[0], m[2]) for m in meetings(body, "2023-03-06")] == [("Niamey", "2023-03-01"), ("Niamey", "2023-03-05")]


def test_talks_between_the_coalitions_ministers_are_a_meeting():
    body = "Des discussions sont prévues pour aujourd'hui à Washington entre les ministres des Affaires étrangères de la coalition."
    assert meetings(body, "2019-02") == [("Washington", "Etats-Unis", "2019-02", "month", "ministerial", "announced", None)]
    # Talks of anyone else are none, nor is a meeting "entre" two leaders.
    assert meetings("Des discussions sur le budget ont eu lieu mardi à Washington.", "2019-02-08") == []
    assert meetings("Une rencontre entre les présidents américain et russe a eu lieu mardi à Helsinki.", "2019-02-08") == []


def test_the_day_and_place_of_the_coalitions_birth_are_no_meeting():
    body = "La coalition, formée il y a un an et dont la dernière réunion date de juin à Paris, s'est félicitée des revers."
    assert [(m[0], m[2]) for m in meetings(body, "2016-02-04")] == [("Paris", "2015-06")]
    body = "La coalition, créée en septembre 2014 à Djeddah, se réunira jeudi à Rome."
    assert [(m[0], m[2]) for m in meetings(body, "2016-02-04")] == [("Rome", "2016-02-04")]


def test_a_secretary_of_state_for_defence_makes_a_defence_meeting():
    # The British title, "secrétaire d'Etat à la Défense", is a defence minister's.
    body = "Le secrétaire d'Etat à la Défense britannique est arrivé mardi à Copenhague où il prendra part à une réunion de la coalition."
    assert [m[4] for m in meetings(body, "2017-05-07")] == ["defence"]


def test_a_meeting_in_the_present_on_its_day_is_held_unless_still_ahead_or_not_over():
    # 22 March 2017 was a Wednesday.
    body = "Les ministres de la coalition se réunissent ce mercredi 22 mars à Washington."
    assert [m[5] for m in meetings(body, "2017-03-22")] == ["held"]
    # An hour of the day still ahead, or days after this one: announced.
    body = "Les ministres de la coalition se réunissent ce mercredi 22 mars à Washington, à 15 heures."
    assert [m[5] for m in meetings(body, "2017-03-22")] == ["announced"]
    body = "Les ministres de la coalition se réunissent à Washington mercredi 22 et jeudi 23 mars."
    assert [m[5] for m in meetings(body, "2017-03-22")] == ["announced"]


@pytest.mark.parametrize("name", ["Saint-Denis", "  N'Djamena ", "Val-d'Or", "TEL  AVIV", "Abu-Dhabi-", "Ras al\tKhaimah", "Bogotá"])
def test_a_gazetteer_name_is_keyed_as_fold_folds_it(name):
    assert _folded(name) == fold(name)
