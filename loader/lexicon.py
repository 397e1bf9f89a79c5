"""The French lexicons: data files in loader/lexicons/, read once."""
import csv
import io
from importlib import resources


def _text(name):
    return resources.files("loader").joinpath("lexicons", name).read_text(encoding="utf-8")


def lines(name):
    """The items of a one-per-line lexicon (blank lines and # comments skipped)."""
    return [line.strip() for line in _text(name).splitlines() if line.strip() and not line.startswith("#")]


def rows(name):
    """The rows of a CSV lexicon as dicts (lines starting with # skipped)."""
    content = "\n".join(line for line in _text(name).splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(content)))
