import filecmp
import os
import shutil
import signal
import subprocess
import sys
import time

import sqlite_utils
from click.testing import CliRunner

from loader.cli import cli
from loader.pipeline import write_atomically

from .conftest import ROOT


def test_build_command(corpus, tmp_path):
    db_path = tmp_path / "out.db"
    result = CliRunner().invoke(cli, ["build", str(corpus), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("5 articles loaded, 0 skipped, 0 warnings")
    assert sqlite_utils.Database(db_path)["articles"].count == 5


def test_two_builds_are_byte_identical(corpus, tmp_path):
    runner = CliRunner()
    runner.invoke(cli, ["build", str(corpus), "--db", str(tmp_path / "one.db")], catch_exceptions=False)
    runner.invoke(cli, ["build", str(corpus), "--db", str(tmp_path / "two.db")], catch_exceptions=False)
    assert filecmp.cmp(tmp_path / "one.db", tmp_path / "two.db", shallow=False)


def test_committed_database_is_what_build_makes(seeds_db):
    assert filecmp.cmp(ROOT / "coalition.db", seeds_db, shallow=False), "rebuild coalition.db: coalition build"


def test_missing_folder_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nowhere'}: no such folder\n"
    assert not (tmp_path / "x.db").exists()


def test_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "coalition.db"
    target.write_bytes(b"previous database")

    def failing(path):
        with open(path, "wb") as handle:
            handle.write(b"half a database")
        raise RuntimeError("disk full")

    try:
        write_atomically(target, failing)
    except RuntimeError:
        pass
    assert target.read_bytes() == b"previous database"
    assert os.listdir(tmp_path) == ["coalition.db"]


def test_killed_build_leaves_the_old_database(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(400):
        for article in sorted((ROOT / "seeds").glob("*.txt")):
            # Each copy differs, or all but one would be skipped as the same text.
            (corpus / f"{copy:03d}_{article.name}").write_text(article.read_text(encoding="utf-8") + f"\nCopie {copy}.\n", encoding="utf-8")
    target = tmp_path / "coalition.db"
    shutil.copy(ROOT / "coalition.db", target)
    before = target.read_bytes()
    process = subprocess.Popen(
        [sys.executable, "-m", "loader", "build", str(corpus), "--db", str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(2)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0, "the build finished before it could be killed: make the corpus larger"
    assert b"left as it was" in stderr
    assert target.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["coalition.db", "corpus"]
