"""Every lexicon declares what it holds, and holds only that; a bad line is named by file and line."""
import pytest

from loader.lang import lexicon
from loader.lang.lexicon import LexiconError

@pytest.mark.parametrize("name", lexicon.names())
def test_every_lexicon_keeps_its_declaration(name):
    assert lexicon.read(name).entries


@pytest.fixture
def lexicons(tmp_path, monkeypatch):
    """A lexicons folder of our own, in place of the package's."""
    folder = tmp_path / "loader"
    (folder / "lexicons").mkdir(parents=True)
    monkeypatch.setattr(lexicon.resources, "files", lambda package: folder)
    lexicon.read.cache_clear()
    yield folder / "lexicons"
    lexicon.read.cache_clear()


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")
    return name


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("a.txt", "adjoint\n", "lexicons/a.txt:1: no declaration"),
        ("a.txt", "# lexicon: words\n# a comment\nadjoint\naccueill\\w*\n", r"lexicons/a.txt:4: 'accueill\\\\w\*' holds a pattern character"),
        ("a.txt", "# lexicon: words\nadjoint\n\nadjoint\n", "lexicons/a.txt:4: 'adjoint' is already on line 2"),
        ("a.txt", "# lexicon: patterns\nréunions?\n(?:sommet\n", r"lexicons/a.txt:3: '\(\?:sommet' is no regular expression"),
        ("a.txt", "# lexicon: marked patterns\n<avant\napres\n", "lexicons/a.txt:3: 'apres' is marked neither"),
        ("a.csv", "# lexicon: table\nword,country\nturc,Turquie,turque\n", "lexicons/a.csv:3: 3 fields for the 2 columns"),
        ("a.csv", "# lexicon: table, pattern column: pattern\npattern,kind\nsommets?,noun\n(?:x,verb\n", r"lexicons/a.csv:4: '\(\?:x' is no regular"),
    ],
)
def test_a_bad_line_is_named_by_file_and_line(lexicons, name, text, message):
    write(lexicons, name, text)
    with pytest.raises(LexiconError, match=message):
        lexicon.read(name)


def test_each_kind_is_read_as_declared(lexicons):
    write(lexicons, "w.txt", "# lexicon: words\n# comment\nle porte-parole\nadjoint\n")
    write(lexicons, "p.txt", "# lexicon: marked patterns\n<\\bsur les\\s*$\n>\\bpays\n")
    write(lexicons, "t.csv", "# lexicon: table\nword,country\n\"turc, turque\",Turquie\n")
    assert lexicon.words("w.txt") == ["le porte-parole", "adjoint"]
    assert lexicon.patterns("p.txt") == ["<\\bsur les\\s*$", ">\\bpays"]
    assert lexicon.table("t.csv") == [{"word": "turc, turque", "country": "Turquie"}]
    with pytest.raises(LexiconError, match="lexicons/w.txt:1: declared 'words', read as table"):
        lexicon.table("w.txt")
