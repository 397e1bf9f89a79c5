import pytest

from loader.numbers import NotANumber, parse_number


@pytest.mark.parametrize(
    "text, value",
    [
        # Thousands separators: dot, space, no-break space, narrow no-break space.
        ("14.000", 14000),
        ("22 000", 22000),
        ("70\u00a0000", 70000),
        ("1\u202f250\u202f000", 1250000),
        ("300.000", 300000),
        # Decimal comma, alone and before a scale word.
        ("2,5", 2.5),
        ("8,3 millions", 8300000),
        ("1,6 milliard", 1600000000),
        ("2.5 millions", 2500000),
        # A comma before three digits separates thousands in some wire copy, not before a scale word.
        ("12,000", 12000),
        ("1,250,000", 1250000),
        ("1,500 million", 1500000),
        ("un million et demi", 1500000),
        ("un demi-milliard", 500000000),
        ("un demi-million", 500000),
        ("17,8 mlds", 17800000000),
        # Spelled out.
        ("Quinze", 15),
        ("quatre", 4),
        ("quatre-vingts", 80),
        ("soixante-dix", 70),
        ("vingt et un", 21),
        ("deux cent mille", 200000),
        ("deux milliards", 2000000000),
        ("un milliard", 1000000000),
        ("15 mille", 15000),
        # Approximate nouns.
        ("un millier", 1000),
        ("une centaine", 100),
        ("une vingtaine", 20),
        ("une cinquantaine", 50),
        ("Une soixantaine", 60),
        ("une dizaine de milliers", 10000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value
    assert type(parse_number(text)) is type(value)


@pytest.mark.parametrize("text", ["beaucoup", "des milliers", "plusieurs centaines", "", "14.000 pays"])
def test_not_a_number(text):
    with pytest.raises(NotANumber):
        parse_number(text)


def test_case_twins_of_letters_read_as_their_letters():
    # A case-blind pattern takes "ſ" for "s" and "ı" for "i": the value must follow.
    assert parse_number("deux milliardſ") == 2000000000
    assert parse_number("une dızaine") == 10


def test_huge_numbers_are_exact():
    assert parse_number("10 000 000 000 000 000 000") == 10**19
    assert parse_number("9" * 400) == int("9" * 400)
