"""Incremental builds: only new or changed articles are extracted, and the file is the one a full build writes."""
import csv
import filecmp
import sqlite3

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
    assert same_file(db, tmp_path / "full.db")


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
    assert same_file(db, tmp_path / "full.db")


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
    assert same_file(db, tmp_path / "full.db")


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
