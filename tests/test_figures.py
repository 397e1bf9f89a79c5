import pytest

from loader.extract.figures import extract_figures
from loader.numbers import NotANumber, parse_number
from loader.records import Figure


@pytest.mark.parametrize(
    "text, value",
    [
        ("14.000", 14000),
        ("22 000", 22000),
        ("70\u00a0000", 70000),
        ("8,3 millions", 8300000),
        ("1,6 milliard", 1600000000),
        ("Quinze", 15),
        ("deux milliards", 2000000000),
        ("quatre-vingts", 80),
        ("vingt et un", 21),
        ("une trentaine", 30),
        ("un millier", 1000),
        ("2,5", 2.5),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_not_a_number():
    with pytest.raises(NotANumber):
        parse_number("beaucoup")


def figures(text):
    return [(f.text, f.value, f.unit, f.approximate, f.qualifier) for f in extract_figures(text)]


def test_counted_units_money_and_percentages():
    text = "Près de 12.500 soldats et quatre organisations régionales ont reçu 3,2 milliards d'euros, soit 45 % du total."
    assert figures(text) == [
        ("Près de 12.500 soldats", 12500, "soldats", True, "près de"),
        ("quatre organisations", 4, "organisations", False, None),
        ("3,2 milliards d'euros", 3200000000, "euros", False, None),
        ("45 %", 45, "%", False, None),
    ]


def test_spans_index_the_body():
    text = "Au moins 300 blessés, selon un bilan. Quinze pays arabes étaient là."
    found = extract_figures(text)
    assert found == [
        Figure(value=300.0, unit="blessés", text="Au moins 300 blessés", start=0, end=20, approximate=False, qualifier="au moins"),
        Figure(value=15.0, unit="pays arabes", text="Quinze pays arabes", start=38, end=56),
    ]
    assert all(text[f.start:f.end] == f.text for f in found)


def test_approximate_nouns_and_hedges():
    assert figures("une cinquantaine de km, quelque 800 hommes et plus d'une centaine d'attaques") == [
        ("une cinquantaine de km", 50, "km", True, None),
        ("quelque 800 hommes", 800, "hommes", True, "environ"),
        ("plus d'une centaine d'attaques", 100, "attaques", True, "plus de"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ils se retrouveront le 14 novembre à Rome.",
        "Les ministres se sont vus les 13 et 14 octobre.",
        "Interpol est devenu le 68e membre, puis le 70-ème membre.",
        "La deuxième ville du pays est tombée.",
        "Publié à 17h49 en 2016 après deux jours de débats et cinq mois de frappes.",
        "Des F-16 ont décollé. Un responsable a parlé, l'un des pays aussi.",
        "Ils ont promis des milliers de soldats.",
    ],
)
def test_dates_ordinals_durations_and_articles_are_not_figures(text):
    assert figures(text) == []


def test_absurd_number_does_not_crash():
    assert figures("10 000 000 000 000 000 000 pays") == [("10 000 000 000 000 000 000 pays", 1e19, "pays", False, None)]
