"""Folding, now in loader.lang.fold: kept for meetings.py and evaluate.py until they import it from there."""
from .lang.fold import fold, fold_words, strip_accents

__all__ = ["fold", "fold_words", "strip_accents"]
