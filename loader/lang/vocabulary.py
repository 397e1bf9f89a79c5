"""Closed word classes of French, and name vocabulary, read once from the lexicons."""
from .fold import fold
from .lexicon import table, words

# Function words (spaCy's French list): a capitalised one opens a sentence, it names nobody.
STOP_WORDS = set(words("stop_words.txt"))
DETERMINER_ROWS = table("determiners.csv")
# Every determiner, lower case with a straight apostrophe ("l'").
DETERMINERS = {row["word"] for row in DETERMINER_ROWS}


def determiners(kinds: tuple = (), gender: str = None, number: str = None) -> set[str]:
    """The determiners of these kinds (all when none given), of this gender and number when given."""
    return {
        row["word"]
        for row in DETERMINER_ROWS
        if (not kinds or row["kind"] in kinds) and (gender is None or row["gender"] == gender) and (number is None or row["number"] == number)
    }


COURTESY_ROWS = table("courtesy_titles.csv")
# "M.", "MM.", "Mme", "Mlle": the abbreviations, as written.
COURTESY_ABBREVIATIONS = [row["title"] for row in COURTESY_ROWS if row["written"] == "abbreviation"]
# Every courtesy title, folded and without its full stop: "m", "mme", "sa majeste".
COURTESY_TITLES = {fold(row["title"]).rstrip(".") for row in COURTESY_ROWS}
PARTICLE_ROWS = table("people_particles.csv")
# Words inside a person's name, as written ("al", "Ben", "Abou"), and folded as keys compare them.
PARTICLES = {row["word"] for row in PARTICLE_ROWS}
FOLDED_PARTICLES = {fold(particle) for particle in PARTICLES}
# The same without the prefixes of given names ("Abou Bakr"): what is left of a name once these go is its surname.
FOLDED_JOINING = {fold(row["word"]) for row in PARTICLE_ROWS if row["kind"] == "particle"}
# Folded short form of a given name -> folded given name: "jim" -> "james".
NICKNAMES = {fold(row["nickname"]): fold(row["given_name"]) for row in table("nicknames.csv")}
MONTHS = words("months.txt")
WEEKDAYS = words("dates_weekdays.txt")
