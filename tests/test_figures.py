import pytest

from loader.extract.figures import extract_figures
from loader.records import Figure


def figures(text):
    found = extract_figures(text)
    assert all(text[f.start : f.end] == f.text for f in found)
    return [(f.text, f.value, f.unit, f.approximate, f.qualifier) for f in found]


def test_records_and_their_spans():
    text = "Au moins 300 blessés ont été soignés. Quinze pays arabes étaient là."
    assert extract_figures(text) == [
        Figure(value=300.0, unit="blessés", text="Au moins 300 blessés", start=0, end=20, qualifier="au moins"),
        Figure(value=15.0, unit="pays arabes", text="Quinze pays arabes", start=38, end=56),
    ]


def test_thousands_separators():
    text = "L'armée aligne 12.500 soldats, 3 400 gendarmes, 70\u00a0000 réservistes et 1\u202f200 marins."
    assert figures(text) == [
        ("12.500 soldats", 12500, "soldats", False, None),
        ("3 400 gendarmes", 3400, "gendarmes", False, None),
        ("70\u00a0000 réservistes", 70000, "réservistes", False, None),
        ("1\u202f200 marins", 1200, "marins", False, None),
    ]


def test_a_comma_before_three_digits_separates_thousands():
    text = "Les forces kurdes détiennent quelque 12,000 combattants et 2,5 millions de personnes ont fui."
    assert figures(text) == [
        ("quelque 12,000 combattants", 12000, "combattants", True, None),
        ("2,5 millions de personnes", 2500000, "personnes", False, None),
    ]


def test_decimals_with_scale_words_and_money():
    text = "Tokyo a promis 1,2 milliard de dollars, Bruxelles 450 millions d'euros et Londres 3 millions £ ; la ville compte 2,5 millions d'habitants."
    assert figures(text) == [
        ("1,2 milliard de dollars", 1200000000, "dollars", False, None),
        ("450 millions d'euros", 450000000, "euros", False, None),
        ("3 millions £", 3000000, "livres", False, None),
        ("2,5 millions d'habitants", 2500000, "habitants", False, None),
    ]


def test_a_million_abbreviated_before_a_currency_sign():
    text = "Une aide de 500 M$ et de 3 M€, soit 2,5 M £ ; le puits fait 3 m de profondeur."
    assert figures(text) == [
        ("500 M$", 500000000, "dollars", False, None),
        ("3 M€", 3000000, "euros", False, None),
        ("2,5 M £", 2500000, "livres", False, None),
        ("3 m", 3, "m", False, None),
    ]


def test_spelled_out_numbers():
    text = "Onze pays ont signé, avec trois organisations régionales, quatre-vingts délégués et deux milliards d'euros."
    assert figures(text) == [
        ("Onze pays", 11, "pays", False, None),
        ("trois organisations", 3, "organisations", False, None),
        ("quatre-vingts délégués", 80, "délégués", False, None),
        ("deux milliards d'euros", 2000000000, "euros", False, None),
    ]


def test_half_a_scale_is_an_exact_sum():
    text = "Les besoins dépassent un demi-milliard de dollars et un demi-million de personnes ont fui."
    assert figures(text) == [
        ("un demi-milliard de dollars", 500000000, "dollars", False, None),
        ("un demi-million de personnes", 500000, "personnes", False, None),
    ]


def test_approximate_numbers():
    text = "Une vingtaine de pays, un millier d'experts, une cinquantaine de KM et une dizaine de milliers de réfugiés."
    assert figures(text) == [
        ("Une vingtaine de pays", 20, "pays", True, None),
        ("un millier d'experts", 1000, "experts", True, None),
        ("une cinquantaine de KM", 50, "KM", True, None),
        ("une dizaine de milliers de réfugiés", 10000, "réfugiés", True, None),
    ]


def test_bounds_and_hedges():
    text = (
        "Plus de 40 ministres, au moins 2.000 combattants, moins de 5 % des votes, près de 900 blessés, "
        "environ 12 000 déplacés, quelque 300 conseillers, plus d'une centaine d'attaques et 600 hommes environ."
    )
    assert figures(text) == [
        ("Plus de 40 ministres", 40, "ministres", False, "plus de"),
        ("au moins 2.000 combattants", 2000, "combattants", False, "au moins"),
        ("moins de 5 %", 5, "%", False, "moins de"),
        ("près de 900 blessés", 900, "blessés", True, "près de"),
        ("environ 12 000 déplacés", 12000, "déplacés", True, None),
        ("quelque 300 conseillers", 300, "conseillers", True, None),
        ("plus d'une centaine d'attaques", 100, "attaques", True, "plus de"),
        ("600 hommes environ", 600, "hommes", True, None),
    ]


def test_percentages():
    assert figures("La hausse atteint 45%, puis 12,5 % et enfin 30 pour cent.") == [
        ("45%", 45, "%", False, None),
        ("12,5 %", 12.5, "%", False, None),
        ("30 pour cent", 30, "%", False, None),
    ]


def test_a_range_gives_its_unit_to_its_first_bound():
    assert figures("Ils seraient entre 3.000 et 4.500 combattants, soit de 5 à 8 millions de dollars par mois.") == [
        ("entre 3.000 et 4.500 combattants", 3000, "combattants", False, "au moins"),
        ("4.500 combattants", 4500, "combattants", False, None),
        ("de 5 à 8 millions de dollars", 5000000, "dollars", False, "au moins"),
        ("8 millions de dollars", 8000000, "dollars", False, None),
    ]


def test_the_noun_counted_past_adjectives_and_determiners():
    text = (
        "Paris enverra 450 militaires supplémentaires, puis 1.500 supplémentaires ; les 12 autres pays "
        "et trois nouveaux membres suivront. La police a fiché 9.000 de ces combattants étrangers."
    )
    assert figures(text) == [
        ("450 militaires", 450, "militaires", False, None),
        ("12 autres pays", 12, "pays", False, None),
        ("trois nouveaux membres", 3, "membres", False, None),
        ("9.000 de ces combattants étrangers", 9000, "combattants étrangers", False, None),
    ]


def test_a_part_after_dont_counts_what_the_whole_does():
    text = "Plus de 60 pays sont venus, dont une trentaine représentés par leur ministre. Kaboul a reçu 3 milliards de dollars, dont 2 en prêts."
    assert figures(text) == [
        ("Plus de 60 pays", 60, "pays", False, "plus de"),
        ("une trentaine", 30, "pays", True, None),
        ("3 milliards de dollars", 3000000000, "dollars", False, None),
        ("2", 2, "dollars", False, None),
    ]


def test_capitalised_nouns_counted_and_names_not():
    text = "Environ 930 Français, quatre F-16, deux Rafale et les 28 États membres ; la brigade Dix-Huit et les Mirage 2000 rénovés."
    assert figures(text) == [
        ("Environ 930 Français", 930, "Français", True, None),
        ("quatre F-16", 4, "F-16", False, None),
        ("deux Rafale", 2, "Rafale", False, None),
        ("28 États", 28, "États", False, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Dates and years.
        "Ils se retrouveront le 14 novembre à Rome.",
        "Les ministres se sont vus les 13 et 14 octobre, puis du 2 au 4 mars.",
        "En 2016 plusieurs pays ont rejoint la coalition ; depuis 2014 ses membres se réunissent.",
        "Le texte a été publié le 02/06/2015.",
        # Times.
        "Publié à 17h49, mis à jour à 18 h 05.",
        # Ordinals.
        "Interpol est devenu le 68e membre, puis le 70-ème membre et le 1er partenaire.",
        "La deuxième ville du pays est tombée lors de la quatrième offensive.",
        # Durations.
        "Après deux jours de débats, cinq mois de frappes, treize ans de guerre et deux semaines de trêve.",
        "Au cours des 48 heures écoulées et des trois dernières années.",
        # Names and references.
        "Des F-16 ont décollé après la résolution 2249 adoptée à New York et l'article 5 du traité.",
        # Articles, "both", and numbers never stated.
        "Un responsable a parlé, l'un des pays aussi ; les deux pays ont signé.",
        "Ils ont promis des milliers de soldats et des dizaines de millions de dollars.",
        # A number whose noun is left out.
        "Washington enverra 1.500 supplémentaires ; le budget atteint 5,6 milliards.",
        "Ils étaient 68 réunis à Rome et une centaine venus d'ailleurs.",
        # Counts of times and shares.
        "Il a répété trois fois ces deux tiers du chemin.",
    ],
)
def test_not_figures(text):
    assert figures(text) == []


def test_figures_stated_twice_are_both_kept():
    assert figures("Les 68 pays se réunissent. Les 68 pays signeront.") == [
        ("68 pays", 68, "pays", False, None),
        ("68 pays", 68, "pays", False, None),
    ]


def test_no_unit_across_a_line_break():
    assert figures("Le bilan s'élève à 300\nsoldats et officiers.") == []


def test_absurd_number_does_not_crash():
    assert figures("10 000 000 000 000 000 000 pays") == [("10 000 000 000 000 000 000 pays", 1e19, "pays", False, None)]
    assert figures("9" * 400 + " pays") == []


def test_a_sum_without_unit_takes_the_one_currency_of_its_sentence():
    text = (
        "Le budget dépasse les 5 milliards : en dollars, le coût quotidien atteint 12,5 millions. "
        "La ville compte 2 millions. Il a promis 3 millions, en euros comme en dollars."
    )
    assert figures(text) == [
        ("5 milliards", 5000000000, "dollars", False, None),
        ("12,5 millions", 12500000, "dollars", False, None),
    ]
