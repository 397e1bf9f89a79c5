"""Fault isolation: a failure or a broken invariant in one article's records drops those records, never the build.

Bad records are injected by wrapping the extractors (and, for resolution and
the write, by making them fail on one injected record), so these tests do not
depend on any particular extractor bug.
"""
import filecmp
import json
import os
import sqlite3
import types

import pytest
import sqlite_utils
from click.testing import CliRunner

import loader.extract
import loader.records
from loader import pipeline
from loader.cli import cli
from loader.records import MeetingMention, PersonMention, Quote

from .conftest import ROOT

COPENHAGEN = "003_ee6a87f177283e34.txt"


def run_build(folder, db, *options):
    return CliRunner().invoke(cli, ["build", str(folder), "--db", str(db), "--jobs", "1", *options])


def rows(db, sql):
    return sqlite_utils.Database(db).execute(sql).fetchall()


def assert_sound(db):
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("quotes", "figures"):
            for text, body, start, end in connection.execute(f"select t.text, a.body, t.start, t.[end] from {table} t join articles a on a.id = t.article_id"):
                assert body[start:end] == text


def inject(monkeypatch, change):
    """Extract as usual, then let `change(extraction)` alter the records of the Copenhagen article."""
    extract_article = loader.extract.extract_article

    def extract(body, published):
        extraction = extract_article(body, published)
        if "Copenhague" in body:
            change(extraction)
        return extraction

    monkeypatch.setattr(loader.extract, "extract_article", extract)


def records_of(db, path):
    article = f"(select id from articles where path = '{path}')"
    return [rows(db, f"select count(*) from {table} where article_id = {article}")[0][0] for table in ("quotes", "figures", "article_people", "article_meetings")]


def add(records, record):
    """Append `record`; its number among `records`, as a message counts them."""
    records.append(record)
    return len(records)


def stretch(figure):
    """Move the figure's end far past the body; the new end."""
    figure.end = 10**9
    return figure.end


@pytest.mark.parametrize(
    "change",
    [
        lambda e: f"quote {add(e.quotes, Quote('Une citation qui n’est nulle part.', 0, 34))}: its text is not body[0:34]",
        lambda e: f"person {add(e.people, PersonMention(' '))}: no name",
        lambda e: f"quote {add(e.quotes, Quote(e.quotes[0].text, e.quotes[0].start, e.quotes[0].end, speaker='Personne'))}: its speaker 'Personne' is no person of the article",
        lambda e: f"figure 1: its text is not body[{e.figures[0].start}:{stretch(e.figures[0])}]",
        lambda e: f"meeting {add(e.meetings, MeetingMention('2017-02-30', 'day', 'Paris', 'France', 'ministerial', 'held'))}: date '2017-02-30' ('day') is not a date",
    ],
    ids=["quote nowhere", "empty name", "unknown speaker", "span past the end", "impossible date"],
)
def test_a_broken_record_drops_that_articles_records_only(corpus, tmp_path, monkeypatch, change):
    clean_db = tmp_path / "clean.db"
    run_build(corpus, clean_db)
    reasons = []
    inject(monkeypatch, lambda extraction: reasons.append(change(extraction)))
    db = tmp_path / "out.db"
    result = run_build(corpus, db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"warning: {COPENHAGEN}: extracted records are inconsistent ({reasons[0]}); article kept without extracted records, please report this",
        f"{db}: 5 articles loaded, 0 skipped, 1 warnings",
    ]
    assert records_of(db, COPENHAGEN) == [0, 0, 0, 0]
    others = "select count(*) from quotes where article_id != 4"
    assert rows(db, others) == rows(clean_db, others)
    assert_sound(db)
    assert run_build(corpus, tmp_path / "strict.db", "--strict").exit_code == 1


def failing_on_la(resolve):
    """`resolve` that fails the way a person named "La" once made it fail."""

    def wrapped(articles, extractions):
        if any(person.name == "La" for extraction in extractions for person in extraction.people):
            raise IndexError("list index out of range")
        return resolve(articles, extractions)

    return wrapped


def test_a_failure_in_resolution_drops_only_the_records_that_cause_it(corpus, tmp_path, monkeypatch):
    clean_db = tmp_path / "clean.db"
    run_build(corpus, clean_db)
    inject(monkeypatch, lambda extraction: extraction.people.append(PersonMention("La")))
    monkeypatch.setattr(pipeline, "resolve", failing_on_la(pipeline.resolve))
    db = tmp_path / "out.db"
    result = run_build(corpus, db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"warning: {COPENHAGEN}: resolution failed (IndexError: list index out of range); article kept without extracted records, please report this",
        f"{db}: 5 articles loaded, 0 skipped, 1 warnings",
    ]
    assert records_of(db, COPENHAGEN) == [0, 0, 0, 0]
    assert rows(db, "select count(*) from quotes where article_id != 4") == rows(clean_db, "select count(*) from quotes where article_id != 4")
    assert_sound(db)
    strict = run_build(corpus, tmp_path / "strict.db", "--strict")
    assert (strict.exit_code, strict.output.splitlines()[-1]) == (1, "Error: 1 problem(s) with the input (--strict)")


def test_a_failure_that_no_article_explains_is_still_a_bug_report(corpus, tmp_path, monkeypatch):
    def broken(articles, extractions):
        raise KeyError("always")

    monkeypatch.setattr(pipeline, "resolve", broken)
    db = tmp_path / "out.db"
    result = run_build(corpus, db)
    assert (result.exit_code, result.output) == (1, f"Error: build failed (KeyError: 'always'); {db} left as it was; please report this\n")


def test_a_record_the_database_refuses_drops_that_articles_records(corpus, tmp_path, monkeypatch):
    # The checks before resolution would catch this record: they are switched off to reach the write.
    monkeypatch.setattr(pipeline, "broken_invariant", lambda body, extraction: None)
    inject(monkeypatch, lambda extraction: extraction.meetings.append(MeetingMention("2017-05-10", "day", "Reykjavik", "Islande", "bogus", "held")))
    db = tmp_path / "out.db"
    result = run_build(corpus, db)
    assert result.exit_code == 0, result.output
    warning, summary = result.output.splitlines()
    # SQLite words the constraint after the colon as its version does.
    assert warning.startswith(f"warning: {COPENHAGEN}: writing its records failed (IntegrityError: CHECK constraint failed: ")
    assert warning.endswith("kind); article kept without extracted records, please report this") or "[kind] IN" in warning
    assert summary == f"{db}: 5 articles loaded, 0 skipped, 1 warnings"
    assert records_of(db, COPENHAGEN) == [0, 0, 0, 0]
    assert rows(db, "select count(*) from meetings where kind = 'bogus'") == [(0,)]
    assert_sound(db)


# --- The build cache ---------------------------------------------------------------------------


def cache_rows(db):
    return {key: value for key, value in rows(db, "select key, value from _build_cache where key != 'fingerprint'")}


def tamper(db, change):
    """Apply `change(key, value) -> new value` to every cached extraction of `db`, and forget the fingerprint."""
    with sqlite3.connect(db) as connection:
        for key, value in connection.execute("select key, value from _build_cache where key != 'fingerprint'").fetchall():
            connection.execute("update _build_cache set value = ? where key = ?", [change(key, value), key])
        connection.execute("delete from _build_cache where key = 'fingerprint'")
    connection.close()


def test_a_corrupt_cache_row_is_extracted_again(corpus, tmp_path):
    db = tmp_path / "coalition.db"
    pipeline.build(corpus, db)
    first = sorted(cache_rows(db))[0]
    tamper(db, lambda key, value: "{not json" if key == first else value)
    summary = pipeline.build(corpus, db)
    # An edited cache is not the one this loader wrote: none of it is reused.
    assert (summary.extracted, summary.problems) == (5, [])
    pipeline.build(corpus, tmp_path / "full.db", full=True)
    assert filecmp.cmp(db, tmp_path / "full.db", shallow=False)


def test_a_crafted_cache_row_adds_no_quote(corpus, tmp_path):
    db = tmp_path / "coalition.db"
    pipeline.build(corpus, db)

    def craft(key, value):
        records = json.loads(value)
        records["quotes"].append(["Une citation qu'aucun article ne contient.", 0, 41, None, None, None])
        return json.dumps(records, ensure_ascii=False)

    tamper(db, craft)
    summary = pipeline.build(corpus, db)
    assert summary.extracted == 5
    assert rows(db, "select count(*) from quotes where text like '%aucun article%'") == [(0,)]
    pipeline.build(corpus, tmp_path / "full.db", full=True)
    assert filecmp.cmp(db, tmp_path / "full.db", shallow=False)


# --- What --db points at -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"PK\x03\x04 a Word document", "not an SQLite database"),
        (None, "it holds other tables: clients, orders"),
    ],
    ids=["word file", "someone's database"],
)
def test_db_that_is_not_a_coalition_database_is_refused(corpus, tmp_path, content, reason):
    db = tmp_path / "précieux.db"
    if content is None:
        with sqlite3.connect(db) as connection:
            connection.execute("create table clients (name)")
            connection.execute("create table orders (id)")
            connection.execute("create table articles (id)")
        connection.close()
    else:
        db.write_bytes(content)
    before = db.read_bytes()
    result = run_build(corpus, db)
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {db} is not a coalition database ({reason}); it is left as it is: choose another --db, or add --force to replace it\n",
    )
    assert db.read_bytes() == before
    forced = run_build(corpus, db, "--force")
    assert forced.exit_code == 0, forced.output
    assert rows(db, "select count(*) from articles") == [(5,)]


def test_db_through_a_symbolic_link_updates_the_file_it_points_to(corpus, tmp_path):
    real = tmp_path / "data" / "coalition.db"
    real.parent.mkdir()
    link = tmp_path / "link.db"
    os.symlink(real, link)
    assert run_build(corpus, link).exit_code == 0
    (corpus / "004_6e1f476eb6ce6068.txt").unlink()
    result = run_build(corpus, link)
    assert result.exit_code == 0, result.output
    assert os.path.islink(link) and os.readlink(link) == str(real)
    assert rows(real, "select count(*) from articles") == [(4,)]
    assert sorted(os.listdir(real.parent)) == ["coalition.db"]


def test_an_empty_file_or_a_coalition_database_is_replaced(corpus, tmp_path):
    db = tmp_path / "out.db"
    db.write_bytes(b"")
    assert run_build(corpus, db).exit_code == 0
    (corpus / "004_6e1f476eb6ce6068.txt").unlink()
    assert run_build(corpus, db).exit_code == 0
    assert rows(db, "select count(*) from articles") == [(4,)]


# --- Workers ----------------------------------------------------------------------------------


def test_jobs_are_capped_at_the_cores_available(corpus, tmp_path, monkeypatch):
    started = []

    class Pool:
        def __init__(self, workers, initializer=None):
            started.append(workers)

        def __enter__(self):
            return self

        def __exit__(self, *exception):
            return False

        def imap(self, function, batches):
            return map(function, batches)

    monkeypatch.setattr(pipeline.multiprocessing, "get_context", lambda method: types.SimpleNamespace(Pool=Pool))
    monkeypatch.setattr(pipeline, "BATCH", 1)
    monkeypatch.setattr(pipeline, "available_cores", lambda: 2)
    pipeline.build(corpus, tmp_path / "out.db", jobs=10_000)
    assert started == [2]


@pytest.mark.parametrize(
    "craft",
    [
        lambda records: records["quotes"].append([["a list"], 0, 1, ["unhashable"], None, None]),
        lambda records: records["figures"].append({"value": 1}),
        lambda records: records.update(people="no list"),
        lambda records: records["meetings"].append([None, None, None, None, "ministerial", "held", "soixante", None, None, 0, 0]),
    ],
    ids=["wrong types", "object for a record", "string for a list", "participants as text"],
)
def test_any_json_in_a_cache_row_is_extracted_again(corpus, tmp_path, craft):
    db = tmp_path / "coalition.db"
    pipeline.build(corpus, db)

    def change(key, value):
        records = json.loads(value)
        craft(records)
        return json.dumps(records)

    tamper(db, change)
    summary = pipeline.build(corpus, db)
    assert (summary.extracted, summary.problems) == (5, [])
    pipeline.build(corpus, tmp_path / "full.db", full=True)
    assert filecmp.cmp(db, tmp_path / "full.db", shallow=False)


def test_resolved_rows_pointing_nowhere_drop_the_records_of_their_article(corpus, tmp_path, monkeypatch):
    resolve = pipeline.resolve

    def dangling(articles, extractions):
        # Quotes of the article naming "Fantôme" point to a person who does not exist.
        resolved = resolve(articles, extractions)
        haunted = {index + 1 for index, extraction in enumerate(extractions) if any(person.name == "Fantôme" for person in extraction.people)}
        resolved.quotes = list(resolved.quotes)
        for quote in resolved.quotes:
            if quote["article_id"] in haunted:
                quote["person_id"] = 999
        return resolved

    inject(monkeypatch, lambda extraction: extraction.people.append(PersonMention("Fantôme")))
    monkeypatch.setattr(pipeline, "resolve", dangling)
    db = tmp_path / "out.db"
    result = run_build(corpus, db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"warning: {COPENHAGEN}: resolution failed (InconsistentRows: quotes.person_id 999 is no row of people); article kept without extracted records, please report this",
        f"{db}: 5 articles loaded, 0 skipped, 1 warnings",
    ]
    assert_sound(db)


def test_records_that_fail_only_together_cost_the_later_article_its_records(corpus, tmp_path, monkeypatch):
    extract_article = loader.extract.extract_article
    marks = {"Copenhague": "Alpha", "Tillerson": "Beta"}  # Alpha in 003; Beta in 002 and 004

    def extract(body, published):
        extraction = extract_article(body, published)
        extraction.people += [PersonMention(mark) for word, mark in marks.items() if word in body]
        return extraction

    resolve = pipeline.resolve

    def clashing(articles, extractions):
        names = {person.name for extraction in extractions for person in extraction.people}
        if {"Alpha", "Beta"} <= names:
            raise KeyError("Alpha and Beta")
        return resolve(articles, extractions)

    monkeypatch.setattr(loader.extract, "extract_article", extract)
    monkeypatch.setattr(pipeline, "resolve", clashing)
    db = tmp_path / "out.db"
    result = run_build(corpus, db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"warning: {COPENHAGEN}: resolution failed (KeyError: 'Alpha and Beta'); article kept without extracted records, please report this",
        f"{db}: 5 articles loaded, 0 skipped, 1 warnings",
    ]
    # 002 and 003 are the first articles that fail together: the later one loses its records.
    assert records_of(db, COPENHAGEN) == [0, 0, 0, 0]
    assert rows(db, "select count(*) from article_people join people on people.id = person_id where name = 'Beta'") == [(2,)]


@pytest.mark.parametrize(
    "damage",
    [
        "alter table _build_cache rename column value to v",
        "drop table load_issues",
        "update _build_cache set value = x'00ff' where key != 'fingerprint'",
        "update _build_cache set value = replace(value, '],[', '], [') where key != 'fingerprint'",
        "update _build_cache set value = cast(value as blob) where key != 'fingerprint'",
    ],
    ids=["cache columns", "issues table gone", "binary values", "JSON spaced otherwise", "JSON as a blob"],
)
def test_a_damaged_previous_database_only_makes_a_slower_build(corpus, tmp_path, damage):
    db = tmp_path / "coalition.db"
    pipeline.build(corpus, db)
    with sqlite3.connect(db) as connection:
        connection.execute(damage)
    connection.close()
    if "update" in damage:
        (corpus / "004_6e1f476eb6ce6068.txt").unlink()  # the fingerprint changes: the cache is read
    result = run_build(corpus, db)
    assert result.exit_code == 0, result.output
    pipeline.build(corpus, tmp_path / "full.db", full=True)
    assert filecmp.cmp(db, tmp_path / "full.db", shallow=False)


def test_an_id_resolution_maps_to_no_row_is_caught_before_the_rows_are_made():
    # The tables made as they are read are checked through the maps they draw their ids from.
    article = pipeline.ArticleRef("a.txt", "2017-03-01", None)
    extraction = loader.records.Extraction(people=[PersonMention("Jean Dupont", start=0, end=11)])
    resolved = pipeline.resolve([article], [extraction])
    pipeline.check_resolved(resolved, 1)
    resolved.person_ids[(0, "Jean Dupont")] = 999
    with pytest.raises(pipeline.InconsistentRows, match="a mention's id 999 is no row of people"):
        pipeline.check_resolved(resolved, 1)
