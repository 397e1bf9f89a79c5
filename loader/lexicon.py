"""The French lexicons: data files in loader/lexicons/, read once."""
import csv
from importlib import resources


def lines(name):
    """The items of a one-per-line lexicon (blank lines and # comments skipped)."""
    text = resources.files("loader").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def rows(name):
    """The rows of a CSV lexicon as dicts (blank lines and # comments skipped)."""
    return list(csv.DictReader(lines(name)))
