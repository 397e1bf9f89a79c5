"""The first reader of loader/lexicons/, which checks nothing: meetings.py, dates.py and corpus.py still
use it. New code reads the lexicons through loader.lang.lexicon, which checks each file's declaration."""
import csv
from importlib import resources


def lines(name):
    """The items of a one-per-line lexicon (blank lines and # comments skipped)."""
    text = resources.files("loader").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def rows(name):
    """The rows of a CSV lexicon as dicts (blank lines and # comments skipped)."""
    return list(csv.DictReader(lines(name)))
