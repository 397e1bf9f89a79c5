"""At the scale of a real archive: a few hundred articles recombined from real paragraphs, cut
mid-sentence, with and without dates, among damaged and bad files, build without failure and
give a sound database.

The paragraphs come from seeds/, the development articles and, when it is there,
../shared/real (see bench/corpus.py, which builds the benchmark's corpus from the same ones).
"""
import sqlite3

from click.testing import CliRunner

from bench.corpus import REAL, generate_rough
from loader.cli import cli

ARTICLES = 300


def test_a_rough_corpus_builds_soundly(tmp_path):
    folder = generate_rough(tmp_path / "corpus", ARTICLES)
    db = tmp_path / "rough.db"
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    # Every article but the copy, plus the three with odd names; the bad entries skipped, each on its line.
    assert lines[-1].startswith(f"{db}: {ARTICLES + 3} articles loaded, ")
    for name in ("empty.txt", "binary.txt", "blank.txt", "menu.txt", "mixed.txt", "pipe.txt", "passwd.txt", "zero.txt"):
        assert sum(line.startswith(f"error: {name}: ") for line in lines) == 1, name
    assert all(line.startswith(("error: ", "warning: ")) for line in lines[:-1])
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("quotes", "figures"):
            spans = connection.execute(f"select t.text, a.body, t.start, t.[end] from {table} t join articles a on a.id = t.article_id").fetchall()
            assert spans, table
            assert all(body[start:end] == text for text, body, start, end in spans), table
        assert connection.execute("select count(*) from people where trim(name) = ''").fetchone() == (0,)
        assert connection.execute("select published from articles where path = 're\u0301union.txt'").fetchone() == ("2019-02-06",)
        # NFC bodies without invisible characters, whatever the files held.
        for (body,) in connection.execute("select body from articles"):
            assert not any(char in body for char in "\u200b\u00ad\u2060\u200f\u202e\u0301")
    connection.close()


def test_the_real_articles_are_part_of_the_material():
    from bench.corpus import material

    if not (REAL / "articles").is_dir():
        import pytest

        pytest.skip(f"{REAL} is absent: the rough corpus draws on seeds/ and the development articles only")
    paragraphs = material()[1]
    real_first = (REAL / "articles" / "04_paris-2015-ministerielle.txt").read_text(encoding="utf-8")
    assert any(paragraph in real_first for paragraph in paragraphs)
