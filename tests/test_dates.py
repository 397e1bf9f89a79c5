"""French date expressions placed on the calendar against an article's publication date."""
import re
import sys

import pytest

from loader.dates import find_dates, in_year_of, resolve_dates, tense_markers
from loader.lang.patterns import _CASE_TWINS, LOWERED_LETTERS, CaseBlind, any_of, every_start, matches_at


def dates(text, published):
    return [(r.expression.text, r.iso, r.precision) for r in resolve_dates(text, published)]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Les Etats-Unis organiseront le 22 mars une réunion des alliés.", "2017-03", ("le 22 mars", "2017-03-22", "day")),
        ("Les ministres vont se réunir le 14 novembre à Madrid.", "2019-10", ("le 14 novembre", "2019-11-14", "day")),
        # 9 May 2017 was a Tuesday; the article is of Thursday 11 May.
        ("Les ministres se sont réunis mardi à Oslo.", "2017-05-11", ("mardi", "2017-05-09", "day")),
        ("Ils se retrouveront mercredi 20 juillet à Ottawa.", "2016-07-18", ("mercredi 20 juillet", "2016-07-20", "day")),
        ("Ils s'étaient déjà vus le 21 juillet dernier.", "2017-03", ("le 21 juillet dernier", "2016-07-21", "day")),
        ("La coalition a tenu sa première réunion en décembre 2014.", "2017-03", ("en décembre 2014", "2014-12", "month")),
        ("Une nouvelle réunion est envisagée à l'automne 2022.", "2022-01-10", ("à l'automne 2022", "2022", "year")),
        ("Le sommet se tiendra en juin 2022 à Madrid.", None, ("en juin 2022", "2022-06", "month")),
        ("Juin 2022 restera une date à retenir.", "2021", ("Juin 2022", "2022-06", "month")),
        ("Ils se retrouveront mardi prochain, 2 juin, à Paris.", "2015-05-28", ("mardi prochain, 2 juin", "2015-06-02", "day")),
        # 5 February 2016 was a Friday.
        ("Le ministre recevra ses homologues jeudi prochain.", "2016-02-05", ("jeudi prochain", "2016-02-11", "day")),
        ("Les généraux s'étaient réunis les 13 et 14 octobre.", "2014-12", ("les 13 et 14 octobre", "2014-10-13", "day")),
        # A counted span back or ahead of publication, to the precision of its unit.
        ("Ils s'étaient réunis il y a une semaine.", "2016-02-12", ("il y a une semaine", "2016-02-05", "day")),
        ("Ils se réuniront dans 10 jours.", "2016-02-12", ("dans 10 jours", "2016-02-22", "day")),
        ("Ils s'étaient réunis il y a deux mois.", "2016-02-12", ("il y a deux mois", "2015-12", "month")),
        ("Ils s'étaient réunis il y a deux ans.", "2016-02-12", ("il y a deux ans", "2014", "year")),
        ("Ils se réuniront dans quinze jours.", "2016-02-12", ("dans quinze jours", "2016-02-26", "day")),
        # A weekday before each day of the span: dated by its first day.
        ("Ils se sont réunis mercredi 10 et jeudi 11 février.", "2016-02-12", ("mercredi 10 et jeudi 11 février", "2016-02-10", "day")),
        ("Les ministres doivent se retrouver le 22 janvier à Londres.", "2014-12", ("le 22 janvier", "2015-01-22", "day")),
        ("Ils se sont retrouvés ce lundi 28 juin 2021 à Rome.", None, ("ce lundi 28 juin 2021", "2021-06-28", "day")),
        ("Le Maroc accueillera la réunion l'an prochain.", "2021-06-28", ("l'an prochain", "2022", "year")),
        ("Les ministres se reverront au printemps.", "2015-01-22", ("au printemps", "2015", "year")),
        # 22 March 2017 was a Wednesday: two days of meetings are dated by the first.
        ("Les délégués se réunissent mercredi et jeudi.", "2017-03-21", ("mercredi et jeudi", "2017-03-22", "day")),
        # A week is dated to the month it falls in, from Monday to Sunday; a week across two months to neither.
        ("La coalition s'est réunie cette semaine.", "2020-11-16", ("cette semaine", "2020-11", "month")),
        ("Ils se retrouveront la semaine prochaine.", "2022-04-28", ("la semaine prochaine", "2022-05", "month")),
        ("Ils s'étaient vus la semaine dernière.", "2022-04-20", ("la semaine dernière", "2022-04", "month")),
        ("Ils s'étaient vus la semaine dernière.", "2022-05-03", ("la semaine dernière", None, None)),
        ("Les délégués se réuniront la semaine prochaine.", "2019-01-24", ("la semaine prochaine", None, None)),
        # 25 March 2017 was a Saturday: its week ran from the 20th to the 26th.
        ("Ils se sont réunis en début de semaine.", "2017-03-25", ("en début de semaine", "2017-03", "month")),
        ("Ils se réuniront en fin de mois.", "2017-03-25", ("en fin de mois", "2017-03", "month")),
        # A plan told in the imperfect may be ahead or behind: the nearest June.
        ("Les ministres devaient se réunir en juin.", "2020-05-20", ("en juin", "2020-06", "month")),
        ("Les ministres devaient se réunir en mars.", "2020-05-20", ("en mars", "2020-03", "month")),
        ("La coalition s'est réunie cette semaine.", "2020-11", ("cette semaine", "2020-11", "month")),
    ],
)
def test_each_form_resolves_against_the_publication_date(text, published, expected):
    assert dates(text, published) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Les ministres vont se réunir le 14 novembre.", "2020-11-14"),
        ("Les ministres se sont réunis le 14 novembre.", "2019-11-14"),
        ("Les ministres se réuniront mardi.", "2019-12-03"),
        ("Les ministres se sont réunis mardi.", "2019-11-26"),
        ("Les ministres se réunissaient mardi.", "2019-11-26"),
        ("Les ministres sont convenus de se revoir le 10 novembre.", "2020-11-10"),
        ("Il a annoncé que la réunion se tiendrait le 10 novembre.", "2020-11-10"),
    ],
)
def test_tense_decides_the_direction(text, expected):
    # Published on Sunday 1 December 2019.
    assert dates(text, "2019-12-01")[0][1] == expected


def test_without_a_direction_the_nearest_date_wins():
    # In December, a January without a tense is the coming one.
    assert dates("La réunion du 22 janvier, à Londres.", "2014-12") == [("du 22 janvier", "2015-01-22", "day")]


def test_a_year_never_known_is_not_invented():
    assert dates("Les ministres se retrouveront le 22 mars.", None) == [("le 22 mars", None, None)]
    assert dates("Les ministres se sont réunis mardi.", None) == [("mardi", None, None)]


def test_a_weekday_in_a_month_dated_article_gives_the_month_only():
    assert dates("Les ministres se sont réunis mardi.", "2018-02") == [("mardi", "2018-02", "month")]
    assert dates("Les ministres se sont réunis mardi 13 février.", "2018-02") == [("mardi 13 février", "2018-02-13", "day")]


def test_the_weekday_chooses_the_year_when_the_publication_date_leaves_two():
    # 3 December was a Wednesday in 2014, not in 2015.
    assert dates("La réunion du mercredi 3 décembre.", "2015-06") == [("du mercredi 3 décembre", "2014-12-03", "day")]


@pytest.mark.parametrize("text", ["Le 31 février, rien.", "Le 80 mars, rien.", "Le 29 février 2015, rien.", "Le 0 mai, rien."])
def test_invalid_dates_are_no_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text", ["après les attentats du 11-Septembre", "la mission Mars", "il a été reçu", "à 17h49", "le 68e membre"])
def test_these_are_not_dates(text):
    assert find_dates(text) == []


def test_the_same_day_is_the_date_given_just_before():
    text = "Ils se sont réunis mardi 13 février à Koweït. Le même jour à Rome, d'autres se réunissaient."
    assert dates(text, "2018-02") == [("mardi 13 février", "2018-02-13", "day"), ("Le même jour", "2018-02-13", "day")]


def test_the_day_before_and_after_count_from_the_date_given_just_before():
    text = "Ils se sont réunis mardi 13 février. La veille, d'autres s'étaient vus ; le lendemain aussi, à la veille de la conférence."
    assert dates(text, "2018-02-15") == [
        ("mardi 13 février", "2018-02-13", "day"),
        ("La veille", "2018-02-12", "day"),
        ("le lendemain", "2018-02-14", "day"),
    ]
    # A shift from a date known to the month only is no date.
    assert dates("Ils se sont réunis en février 2018. La veille, rien.", "2018-03")[1] == ("La veille", None, None)


def test_relative_days_are_days_of_a_day_precise_paper_and_its_month_otherwise():
    assert dates("Il est arrivé hier.", "2016-07-20") == [("hier", "2016-07-19", "day")]
    # Known to the month only: "hier", "aujourd'hui" give that month, as "mardi" does.
    assert dates("Il est arrivé hier.", "2016-07") == [("hier", "2016-07", "month")]
    assert dates("Il est arrivé il y a dix jours.", "2016-07") == [("il y a dix jours", None, None)]


def test_tense_markers():
    text = "Ils se sont réunis, ils se réuniront, ils vont partir, ils réunissaient, ils se réuniraient."
    assert [m.direction for m in tense_markers(text)] == ["past", "future", "future", "past", "future"]
    # A passive present and a conditional of hearsay point nowhere.
    assert tense_markers("Quinze pays sont représentés à Rome. L'organisation compterait 5.000 combattants.") == []
    # A weekday or a noun after "a", "ont" is no participle: no past.
    assert tense_markers("La réunion a lieu jeudi. Les ministres ont rendez-vous mardi à Rome.") == []


from hypothesis import given, settings
from hypothesis import strategies as st

FRENCH_PIECES = st.sampled_from(
    ["le", "31", "80", "1er", "février", "mars", "mardi", "prochain", "dernier", "à l'automne", "en", "2014", "9999",
     "les 13 et", "ce", "lundi", "l'an prochain", "le même jour", "se sont réunis", "vont", "hier", ",", ".", "\n", " "]
)
PUBLISHED = st.one_of(st.none(), st.sampled_from(["2016", "2016-02", "2016-02-29", "2016-12-31", "0001-01-01", "9999-12", "bad"]))


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(FRENCH_PIECES, max_size=25), published=PUBLISHED)
def test_resolving_never_raises_and_gives_valid_iso(pieces, published):
    for resolved in resolve_dates(" ".join(pieces), published):
        assert (resolved.iso is None) == (resolved.precision is None)
        if resolved.iso:
            assert len(resolved.iso) == {"year": 4, "month": 7, "day": 10}[resolved.precision]


def test_case_twins_of_letters_read_as_the_month():
    # A case-blind pattern takes "ſ" for "s" and "ı" for "i".
    assert dates("le 3 marſ et juın 2020", "2016-01-05") == [("le 3 marſ", "2016-03-03", "day"), ("juın 2020", "2020-06", "month")]


def test_lower_case_takes_the_characters_a_case_blind_letter_takes():
    # What CaseBlind rests on: but for the case twins, each character lower() brings to a letter of
    # LOWERED_LETTERS is one that re.IGNORECASE takes for it, and no other. A character without
    # case is only ever itself, both ways.
    characters = (chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    text = "".join(char for char in characters if char not in _CASE_TWINS and (char.lower() != char or char.upper() != char))
    lower = text.lower()
    assert len(lower) == len(text)
    for letter in LOWERED_LETTERS:
        blind = [match.start() for match in re.finditer(re.escape(letter), text, re.I)]
        assert blind == [match.start() for match in re.finditer(re.escape(letter), lower)], letter


def test_a_case_blind_pattern_finds_what_re_ignorecase_finds():
    pattern = CaseBlind(r"(?<![\w-])(?:réunions?|mars)(?![\w-])")
    for text in ["La RÉUNION de Mars, les Réunions.", "La réunıon de marſ, les réunions."]:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(pattern.pattern, text)]
        assert pattern.search(text, 5).span() == pattern.pattern.search(text, 5).span()


def test_patterns_searched_together_find_what_each_finds_alone():
    patterns = [re.compile(r"(?<![\w-])(?P<word>réunions?|sommet)(?![\w-])", re.I), re.compile(r"(?<![\w'-])(?P<word>(?:se )?réunir)", re.I)]
    text = "Une Réunion pour se réunir, une co-réunion, deux réunions au SOMMET; l'réunir."
    starts = every_start(any_of(patterns), text)
    for pattern in patterns:
        assert [m.span() for m in matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("source", ["(?-i:M)", r"\u00C9té", "Łódź", "Σ"])
def test_a_pattern_lower_case_may_not_match_is_refused(source):
    with pytest.raises(ValueError):
        CaseBlind(source)


def test_a_week_ahead_of_a_month_dated_article_is_unknown():
    assert dates("Ils se retrouveront la semaine prochaine.", "2022-04") == [("la semaine prochaine", None, None)]


def test_the_tense_of_the_dates_own_clause_comes_before_an_incise():
    # "a annoncé" is nearer to "en juin" than "doivent", but past the comma it dates the statement.
    assert dates("Les pays doivent se retrouver en juin à Rome, a annoncé le ministre.", "2018-02-14") == [
        ("en juin", "2018-06", "month")
    ]


def test_the_first_person_plural_pluperfect_is_past():
    from loader.extract.meetings import extract_meetings

    body = "« En septembre, lors de la réunion de Paris, nous avions lié notre aide à des engagements », a dit le ministre."
    assert [(m.city, m.date, m.status) for m in extract_meetings(body, "2015-05-26", [])] == [("Paris", "2014-09", "held")]


def test_a_month_after_de_is_a_date_and_the_last_meeting_is_past():
    from loader.extract.meetings import extract_meetings

    body = "La dernière réunion de la coalition date de juin, à Paris."
    assert [(m.city, m.date, m.status) for m in extract_meetings(body, "2016-02-02", [])] == [("Paris", "2015-06", "held")]
    # A capital after "de" is a name, not a month.
    assert find_dates("la planète de Mars") == []


def test_a_line_that_is_only_a_date_is_the_publication_date():
    from loader.dates import published_from_text

    assert published_from_text("Les ministres se sont réunis.\n\nLe 23 février 2016\n") == ("2016-02-23", "day")
    assert published_from_text("Les ministres se sont réunis le 23 février 2016.\n") == (None, None)


def test_a_range_of_days_keeps_its_last_day():
    assert [(d.day, d.last_day) for d in find_dates("qui se tient les 1er et 2 mars 2023")] == [(1, 2)]
    assert [(d.day, d.last_day) for d in find_dates("du 6 au 8 juin")] == [(6, 8)]
    assert [(d.day, d.last_day) for d in find_dates("le 3 mars")] == [(3, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("à Paris en juin 2015 puis à Québec en juillet", 2015),
        ("en novembre 2015, puis en février", 2016),
        ("le 3 mars 2015 et le 3 mars", 2015),
        ("en juin 2015, puis en juillet prochain", None),
        ("en juin, puis en juillet", None),
    ],
)
def test_a_month_without_its_year_takes_the_year_of_the_date_before_it(text, expected):
    earlier, later = find_dates(text)
    assert in_year_of(later, earlier).year == expected
