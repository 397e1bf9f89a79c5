"""Incremental builds: only new or changed articles are read and extracted, and the database holds
the rows a full build writes.

An update changes the previous file's rows in a copy of it, so its bytes are not a full build's (its
pages are laid out otherwise, and link rows a full build would insert in the middle come last): the
rows are the same, table by table. A build that writes a new file writes the same bytes every time.
"""
import csv
import filecmp
import os
import pathlib
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

import loader.extract
from loader import pipeline
from loader.cli import cli
from loader.pipeline import build

NEW_ARTICLE = (
    "Réunion de la coalition à Rome\n\n"
    "Les ministres de la coalition contre Daech se sont réunis mardi à Rome. "
    "« Nous resterons unis face à la menace », a déclaré le ministre italien des Affaires étrangères, Marco Bellini.\n"
)


def set_manifest(folder, name, column, value):
    with open(folder / "sources.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["file"] == name:
            row[column] = value
    with open(folder / "sources.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def same_file(one, two):
    return filecmp.cmp(one, two, shallow=False)


def table_rows(db):
    """Every table's rows, sorted, but the cache's and SQLite's own; and the full-text indexes checked."""
    connection = sqlite3.connect(db)
    try:
        for index in ("articles_fts", "quotes_fts"):
            connection.execute(f"insert into {index} ({index}) values ('integrity-check')")
        tables = [name for (name,) in connection.execute("select name from sqlite_master where type = 'table' order by name")]
        return {
            table: sorted(connection.execute(f"select * from [{table}]").fetchall(), key=repr)
            for table in tables
            if table != "_build_cache" and not table.startswith("sqlite_") and "_fts" not in table
        }
    finally:
        connection.close()


def same_rows(one, two):
    return table_rows(one) == table_rows(two)


def test_changed_corpus_extracts_only_what_changed_and_equals_a_full_build(corpus, tmp_path):
    db = tmp_path / "coalition.db"
    assert build(corpus, db).extracted == 5
    (corpus / "005_rome.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    set_manifest(corpus, "002_3b96fdccd920081e.txt", "published", "2017-03-15")  # its relative dates move
    (corpus / "004_6e1f476eb6ce6068.txt").unlink()
    set_manifest(corpus, "004_6e1f476eb6ce6068.txt", "file", "")

    summary = build(corpus, db)

    assert (summary.extracted, summary.written, summary.loaded) == (2, True, 5)
    build(corpus, tmp_path / "full.db", full=True)
    assert same_rows(db, tmp_path / "full.db")


def test_unchanged_corpus_is_neither_extracted_nor_written(corpus, tmp_path, monkeypatch):
    db = tmp_path / "coalition.db"
    first = build(corpus, db)
    before = db.stat()
    monkeypatch.setattr(pipeline, "extract_batch", lambda batch: pytest.fail("an article was extracted"))

    again = build(corpus, db)

    assert (again.extracted, again.written) == (0, False)
    assert (str(again), again.problems) == (str(first), first.problems)
    assert (db.stat().st_mtime_ns, db.stat().st_ino) == (before.st_mtime_ns, before.st_ino)


def test_metadata_change_rewrites_without_extracting(corpus, tmp_path, monkeypatch):
    db = tmp_path / "coalition.db"
    build(corpus, db)
    set_manifest(corpus, "001_b76170f1117bfb89.txt", "outlet", "Le Quotidien")
    monkeypatch.setattr(pipeline, "extract_batch", lambda batch: pytest.fail("an article was extracted"))

    summary = build(corpus, db)

    assert (summary.extracted, summary.written) == (0, True)
    monkeypatch.undo()
    build(corpus, tmp_path / "full.db", full=True)
    assert same_rows(db, tmp_path / "full.db")


def test_failed_extraction_is_reported_and_tried_again(corpus, tmp_path, monkeypatch):
    db = tmp_path / "coalition.db"
    extract_article = loader.extract.extract_article

    def failing_on_copenhagen(body, published):
        if "Copenhague" in body:
            raise ValueError("test failure")
        return extract_article(body, published)

    monkeypatch.setattr(loader.extract, "extract_article", failing_on_copenhagen)
    failed = build(corpus, db)
    assert [problem.path for problem in failed.problems if "extraction failed (ValueError: test failure)" in problem.message] == [
        "003_ee6a87f177283e34.txt"
    ]
    monkeypatch.undo()
    (corpus / "005_rome.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    summary = build(corpus, db)

    assert (summary.extracted, summary.problems) == (2, [])
    build(corpus, tmp_path / "full.db", full=True)
    assert same_rows(db, tmp_path / "full.db")


def test_parallel_build_equals_serial_build(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH", 2)  # three batches for two worker processes
    build(corpus, tmp_path / "parallel.db", jobs=2)
    build(corpus, tmp_path / "serial.db", jobs=1)
    assert same_file(tmp_path / "parallel.db", tmp_path / "serial.db")


def test_progress_counts_every_extracted_article(corpus, tmp_path):
    counted = []

    class Bar:
        def __enter__(self):
            return self

        def __exit__(self, *exception):
            return False

        def update(self, count):
            counted.append(count)

    def progress(total):
        counted.append(("total", total))
        return Bar()

    build(corpus, tmp_path / "coalition.db", progress=progress)
    assert counted == [("total", 5), 5]


def test_a_file_that_is_no_database_is_replaced_when_forced(corpus, tmp_path):
    db = tmp_path / "coalition.db"
    db.write_bytes(b"not a database")
    with pytest.raises(pipeline.TargetRefused):
        build(corpus, db)
    assert build(corpus, db, force=True).extracted == 5
    build(corpus, tmp_path / "full.db", full=True)
    assert same_file(db, tmp_path / "full.db")


def test_full_option_extracts_again(corpus, tmp_path, monkeypatch):
    db = tmp_path / "coalition.db"
    build(corpus, db)
    before = db.read_bytes()

    def refuse(batch):
        raise RuntimeError("an article was extracted")

    monkeypatch.setattr(pipeline, "extract_batch", refuse)
    full = CliRunner().invoke(cli, ["build", str(corpus), "--db", str(db), "--full", "--jobs", "1"])
    assert full.exit_code == 1 and "an article was extracted" in full.output
    incremental = CliRunner().invoke(cli, ["build", str(corpus), "--db", str(db), "--jobs", "1"])
    assert incremental.exit_code == 0, incremental.output
    assert db.read_bytes() == before


def test_a_change_in_a_large_manifest_is_seen(corpus, tmp_path):
    # Over the size limit of an article, within that of a manifest: its bytes are part of the fingerprint.
    filler = "".join(f"absent-{number:06d}.txt,2019,https://example.org/{'x' * 40},AFP\n" for number in range(15_000))
    manifest = (corpus / "sources.csv").read_text(encoding="utf-8")
    (corpus / "sources.csv").write_text(manifest + filler, encoding="utf-8")
    assert (corpus / "sources.csv").stat().st_size > 1_000_000
    db = tmp_path / "coalition.db"
    build(corpus, db)
    set_manifest(corpus, "001_b76170f1117bfb89.txt", "outlet", "Le Quotidien")
    assert build(corpus, db).written
    assert sqlite3.connect(db).execute("select outlet from articles where path = '001_b76170f1117bfb89.txt'").fetchone() == ("Le Quotidien",)


def test_added_articles_are_the_only_files_read(corpus, tmp_path, monkeypatch):
    db = tmp_path / "coalition.db"
    build(corpus, db)
    (corpus / "005_rome.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    read = []
    load_file = pipeline.load_file
    monkeypatch.setattr(pipeline, "load_file", lambda path, manifest: read.append(os.path.basename(path)) or load_file(path, manifest))

    summary = build(corpus, db, jobs=1)

    assert (read, summary.extracted, summary.loaded) == (["005_rome.txt"], 1, 6)
    build(corpus, tmp_path / "full.db", full=True)
    assert same_rows(db, tmp_path / "full.db")
    with sqlite3.connect(db) as connection:
        assert connection.execute("select path from articles where rowid in (select rowid from articles_fts where articles_fts match 'Bellini')").fetchall() == [("005_rome.txt",)]


def test_a_file_whose_stamp_is_unchanged_is_not_read_again(corpus, tmp_path, monkeypatch):
    db = tmp_path / "coalition.db"
    build(corpus, db)
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda path: pytest.fail(f"{path} was read"))
    assert not build(corpus, db).written


def test_a_file_touched_but_not_changed_is_read_once(corpus, tmp_path, monkeypatch):
    db = tmp_path / "coalition.db"
    build(corpus, db)
    os.utime(corpus / "001_b76170f1117bfb89.txt", ns=(1, 1))
    assert not build(corpus, db).written  # its bytes are read, and are the same
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda path: pytest.fail(f"{path} was read"))
    assert not build(corpus, db).written


def test_a_change_that_keeps_the_size_and_modification_time_is_seen(corpus, tmp_path):
    db = tmp_path / "coalition.db"
    build(corpus, db)
    path = corpus / "001_b76170f1117bfb89.txt"
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("coalition", "Coalition", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a copy that keeps times would leave it
    assert build(corpus, db).written
    build(corpus, tmp_path / "full.db", full=True)
    assert same_rows(db, tmp_path / "full.db")


def test_a_failed_update_leaves_the_previous_database(corpus, tmp_path, monkeypatch):
    db = tmp_path / "coalition.db"
    build(corpus, db)
    before = db.read_bytes()
    (corpus / "005_rome.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    def fail(connection, resolved):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline.store, "replace_resolved", fail)
    with pytest.raises(OSError):
        build(corpus, db)
    assert db.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["coalition.db", "corpus"]
    monkeypatch.undo()
    assert build(corpus, db).extracted == 1


def test_a_database_changed_since_it_was_written_is_not_updated_in_place(corpus, tmp_path):
    db = tmp_path / "coalition.db"
    build(corpus, db)
    with sqlite3.connect(db) as connection:
        connection.execute("update articles set title = 'Titre changé' where id = 1")
    connection.close()
    (corpus / "005_rome.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    build(corpus, db)
    build(corpus, tmp_path / "full.db", full=True)
    assert same_file(db, tmp_path / "full.db")


def test_an_update_killed_half_way_is_rolled_back_by_the_next_build(corpus, tmp_path):
    db = tmp_path / "coalition.db"
    build(corpus, db)
    rows = table_rows(db)
    # An update in its transaction, stopped dead: its journal is left beside the database.
    crash = (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('pragma cache_size = 1');"
        " c.execute('begin immediate'); c.execute('delete from articles'); c.execute(\"update quotes set text = text || 'x'\"); os._exit(9)"
    )
    subprocess.run([sys.executable, "-c", crash, str(db)], check=False)
    assert (tmp_path / "coalition.db-journal").exists()

    summary = build(corpus, db)

    assert (summary.written, summary.loaded) == (False, 5)
    assert table_rows(db) == rows
    assert not (tmp_path / "coalition.db-journal").exists()


def test_an_update_reads_the_cache_of_the_file_it_writes_without_waiting_for_itself(corpus, tmp_path, monkeypatch):
    # An update of an archive writes more pages than SQLite keeps in memory: it then locks the file,
    # and a second connection reading the cache from it would wait at each article, then give up
    # and extract it again. A tiny page cache makes five articles such an update.
    db = tmp_path / "coalition.db"
    build(corpus, db, jobs=1)
    second = sorted(corpus.glob("*.txt"))[1]
    second.write_text(second.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    connect = sqlite3.connect

    def small_cache(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.execute("pragma cache_size = 1")
        return connection

    monkeypatch.setattr(sqlite3, "connect", small_cache)
    summary = build(corpus, db, jobs=1)
    monkeypatch.undo()
    assert summary.extracted == 1
    build(corpus, tmp_path / "full.db", full=True)
    assert same_rows(db, tmp_path / "full.db")
