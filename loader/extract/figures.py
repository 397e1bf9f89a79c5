"""Figures: numbers stated with a counted unit, money or a percentage."""


def extract_figures(body):
    """Return the Figure records of `body`, in order of appearance."""
    return []
