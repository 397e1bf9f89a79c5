"""The spaCy French pipeline, loaded once, with only the components the extractors use."""
import functools

import spacy


@functools.lru_cache(maxsize=None)
def load_nlp():
    return spacy.load("fr_core_news_sm", exclude=["lemmatizer", "morphologizer", "attribute_ruler"])
