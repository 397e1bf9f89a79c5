"""The spaCy French pipeline, loaded once: the tokenizer and a rule-based sentencizer, nothing trained.

The extractors work from rules and lexicons; none reads tags, parses or named
entities. fr_core_news_sm's NER was measured on the seeds and the development
set: the rules of loader/extract/people.py find every person it finds (and
some it misses, such as "le roi Salman"), while its tok2vec + ner components
cap the build near 20 articles/s on this machine, against the 50 required.
The Doc keeps tokens and sentences for the extractors that want them.
"""
import functools

import spacy


@functools.lru_cache(maxsize=None)
def load_nlp():
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    return nlp
