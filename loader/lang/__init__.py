"""French, once: what every extractor and `resolve` know of the language.

- `lexicon`: reads the vocabulary files of loader/lexicons/, each declaring what it holds.
- `chars`: what a capital letter, a letter, a word, an apostrophe and an elision are; a phrase
  of the lexicons as a pattern (`literal`, `alternation`).
- `fold`: text folded for comparison (case, accents, apostrophes, hyphens).
- `sentences`: where a sentence or a paragraph ends.
- `nationalities`: the nationality adjectives in all their forms, and the country of each.
- `vocabulary`: determiners, name particles, nicknames, courtesy titles, function words,
  months and weekdays.
- `grammar`: speech verbs in their forms, the words that open a clause, titles and the noun
  phrases around them, time phrases.
- `roles`: one form for a role compared across articles ("nouveau chef de Daesh" -> "chef de Daech").
- `patterns`: patterns searched fast, finding what re finds: case-blind ones in the text lower-cased
  once (`CaseBlind`), several tried only where one of them may start (`any_of`, `matches_at`).

A French word list goes into a lexicon file; a rule of French grammar that several extractors
need goes here, named and tested in tests/test_lang.py; a rule only one extractor needs stays
in that extractor.
"""
