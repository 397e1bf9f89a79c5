"""Bad input ends in one clear line per problem, and never costs the previous database.

Each case builds a small folder holding one good article and one bad input,
runs `coalition build` on it and checks the exact lines the user reads.
"""
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import tracemalloc

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.app import Datasette

from loader import corpus as corpus_module
from loader import store
from loader.cli import cli
from loader.corpus import MAX_BYTES, CorpusError, UnreadableFile, check_text, clean, read_article, read_corpus, read_manifest
from loader.dates import parse_iso
from loader.extract import extract_article

from .conftest import ROOT

GOOD = "La coalition se réunira le 6 février à Washington, a annoncé mardi le département d'Etat.\n"


def make_corpus(folder, files):
    """A folder holding `good.txt` and `files` (name -> text, bytes, or None for a subfolder)."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, content in files.items():
        if content is None:
            (folder / name).mkdir()
        else:
            (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def run_build(folder, db, *options):
    return CliRunner().invoke(cli, ["build", str(folder), "--db", str(db), *options])


def articles(db):
    return {row["path"]: row for row in sqlite_utils.Database(db).query("select * from articles")}


def load_issues(db):
    return [(row["severity"], row["path"], row["message"]) for row in sqlite_utils.Database(db).query("select * from load_issues order by id")]


def assert_sound(db):
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n", "only blank space, no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (it contains NUL bytes), not text"),
        ("mixed.txt", b"Le ministre \x81 a parl\xe9.", "neither UTF-8 nor Windows-1252 text (byte 0x81 at offset 12); save it as UTF-8"),
        ("bad-bom.txt", b"\xef\xbb\xbfLa r\xe9union.", "starts with a UTF-8 byte order mark but is not UTF-8 text"),
        ("menu.txt", "Rechercher\n\nDernières Infos\n", "no story text once menus, captions and bylines are set aside"),
    ],
)
def test_unreadable_file_is_skipped_and_the_build_goes_on(tmp_path, name, content, message):
    db = tmp_path / "out.db"
    result = run_build(make_corpus(tmp_path / "corpus", {name: content}), db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"error: {name}: {message}; skipped", f"{db}: 1 articles loaded, 1 skipped, 0 warnings"]
    assert list(articles(db)) == ["good.txt"]
    assert load_issues(db) == [("error", name, f"{message}; skipped")]
    assert_sound(db)


def test_huge_file_is_refused_without_being_read(tmp_path):
    folder = make_corpus(tmp_path / "corpus", {})
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50 * 2**20)  # sparse: 50 MB that cost no disk
    tracemalloc.start()
    with pytest.raises(UnreadableFile, match=r"too large \(52,428,800 bytes; the limit is 1,000,000, far more than any news article\)"):
        read_article(folder / "huge.txt")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 2 * MAX_BYTES
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.output.splitlines()[0] == "error: huge.txt: too large (52,428,800 bytes; the limit is 1,000,000, far more than any news article); skipped"


def test_same_text_under_two_names_is_kept_once(tmp_path):
    db = tmp_path / "out.db"
    result = run_build(make_corpus(tmp_path / "corpus", {"copy.txt": GOOD}), db)
    assert result.output.splitlines() == [
        "error: good.txt: same text as copy.txt; skipped, copy.txt is kept",
        f"{db}: 1 articles loaded, 1 skipped, 0 warnings",
    ]
    assert list(articles(db)) == ["copy.txt"]


@pytest.mark.parametrize(
    "content, message",
    [
        (
            "Le ministre <b>français</b> a parlé.<script>alert('x')</script>\n",
            "line 1: HTML tags in the text, such as <b> (4 in all); they are kept as plain text",
        ),
        ("La réunion aura lieu le 80 mars.\n\nElle remplace celle du 31 février.\n", "line 1: '80 mars' is not a date on the calendar (2 in all)"),
        (
            "Titre\n\nLes ministres de 10 000 000 000 000 000 000 pays de la coalition se sont réunis à Paris le 3 mars 2019.\n",
            "line 3: the number '10 000 000 000 000 000 000' is too large to be a real count (more than 15 digits)",
        ),
        ("Coalition anti-Daech : réunion à Paris\n", "no sentence in the text (no word is followed by . ! or ?): there is little to extract"),
    ],
)
def test_suspicious_text_is_loaded_with_a_warning(tmp_path, content, message):
    db = tmp_path / "out.db"
    result = run_build(make_corpus(tmp_path / "corpus", {"odd.txt": content}), db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"warning: odd.txt: {message}", f"{db}: 2 articles loaded, 0 skipped, 1 warnings"]
    assert articles(db)["odd.txt"]["raw"] == content
    assert load_issues(db) == [("warning", "odd.txt", message)]
    assert_sound(db)


def test_windows_1252_text_is_decoded_and_its_encoding_recorded(tmp_path):
    db = tmp_path / "out.db"
    text = "Le ministre français a déclaré : « Nous restons unis. »\n"
    result = run_build(make_corpus(tmp_path / "corpus", {"latin.txt": text.encode("cp1252")}), db)
    assert result.output.splitlines()[0] == "warning: latin.txt: not UTF-8: read as Windows-1252 (Latin-1); if accents look wrong, save it as UTF-8"
    row = articles(db)["latin.txt"]
    assert (row["body"], row["encoding"]) == (text.strip(), "cp1252")


@pytest.mark.parametrize(
    "content, encoding, title, body",
    [
        (b"\xef\xbb\xbf" + GOOD.encode("utf-8"), "utf-8-sig", None, GOOD.strip()),
        (GOOD.encode("utf-16"), "utf-16", None, GOOD.strip()),
        ("Un titre sans point\r\n\r\nLe récit commence ici.\r\n".encode("utf-8"), "utf-8", "Un titre sans point", "Le récit commence ici."),
        # An unclosed quote mark is common in real articles: no warning.
        ("Le ministre a déclaré : « Nous ne céderons pas.\n\nLa suite.\n".encode("utf-8"), "utf-8", None, "Le ministre a déclaré : « Nous ne céderons pas.\n\nLa suite."),
    ],
    ids=["utf-8 BOM", "utf-16", "CRLF", "unclosed quote"],
)
def test_ordinary_variants_load_without_a_word(tmp_path, content, encoding, title, body):
    db = tmp_path / "out.db"
    result = run_build(make_corpus(tmp_path / "corpus", {"variant.txt": content}), db)
    assert result.output.splitlines() == [f"{db}: 2 articles loaded, 0 skipped, 0 warnings"]
    row = articles(db)["variant.txt"]
    assert (row["encoding"], row["title"], row["body"]) == (encoding, title, body)


def test_line_of_a_million_characters(tmp_path):
    prose = "Le ministre a déclaré - que la coalition se réunira, a-t-il dit. "
    line = (prose * (1_000_000 // len(prose) + 1))[:1_000_000]
    assert clean(line) == (None, line.strip(), None, [])
    assert check_text(line, line) == [
        "line 1: 1,000,000 characters on one line, where a paragraph of news has a few hundred: is this really an article?"
    ]
    # Through the whole build, up to the size limit: a pasted blob of letters after a real paragraph.
    blob = ("QmFzZTY0ZW5jb2RlZGltYWdl" * (MAX_BYTES // 24))[: MAX_BYTES - len(GOOD.encode("utf-8")) - 1]
    db = tmp_path / "out.db"
    result = run_build(make_corpus(tmp_path / "corpus", {"blob.txt": GOOD + "\n" + blob}), db)
    assert result.output.splitlines() == [
        f"warning: blob.txt: line 3: {len(blob):,} characters on one line, where a paragraph of news has a few hundred: is this really an article?",
        f"{db}: 2 articles loaded, 0 skipped, 1 warnings",
    ]
    assert os.path.getsize(tmp_path / "corpus" / "blob.txt") == MAX_BYTES


@pytest.mark.parametrize(
    "unit",
    [
        "Le ministre a déclaré - que la coalition se réunira le 6 février à Washington, a-t-il dit. ",
        "« Nous vaincrons, a déclaré M. Kerry. ",
        "Jean-Yves Le Drian Antony Blinken John Kerry ",
    ],
    ids=["prose", "unclosed quotes", "names"],
)
def test_extraction_of_a_long_line(unit):
    # Speed on such lines is measured by bench/, not here: this checks the records stay sound.
    body = (unit * (20_000 // len(unit) + 1))[:20_000]
    extraction = extract_article(body, "2019-01-01")
    assert all(body[quote.start : quote.end] == quote.text for quote in extraction.quotes)
    assert all(body[figure.start : figure.end] == figure.text for figure in extraction.figures)


def test_impossible_dates_and_absurd_numbers_in_the_text():
    text = "Le 29 février 2020, puis le 29 février.\nLe 29 février 2019 et le 1er avril, le 31 avril, le 0 mai.\nEn 2019 300 soldats ; 12345678901234567 euros ; https://x.org/status/12345678901234567890."
    assert check_text(text, text) == [
        "line 2: '29 février 2019' is not a date on the calendar (3 in all)",
        "line 3: the number '12345678901234567' is too large to be a real count (more than 15 digits)",
    ]


async def test_html_is_stored_as_text_and_shown_escaped(tmp_path):
    db = tmp_path / "site.db"
    content = "La coalition <script>alert('x')</script> se réunit à Paris.\n"
    run_build(make_corpus(tmp_path / "corpus", {"html.txt": content}), db)
    assert articles(db)["html.txt"]["body"] == content.strip()
    response = await Datasette(immutables=[str(db)]).client.get("/site/articles/2")
    assert response.status_code == 200
    assert "&lt;script&gt;alert(" in response.text
    assert "<script>alert(" not in response.text


def test_missing_and_empty_folders(tmp_path):
    db = tmp_path / "out.db"
    db.write_bytes(b"previous database")  # not a database: --force, or the build would refuse it at once
    (tmp_path / "empty").mkdir()
    result = run_build(tmp_path / "empty", db, "--force")
    assert (result.exit_code, result.output) == (1, f"Error: {tmp_path / 'empty'}: no .txt article in the folder\n")
    others = tmp_path / "others"
    others.mkdir()
    (others / "a.pdf").write_bytes(b"%PDF")
    (others / "notes.md").write_text("notes")
    result = run_build(others, db, "--force")
    assert (result.exit_code, result.output.splitlines()) == (
        1,
        ["warning: others/: 2 files ignored (not .txt): a.pdf, notes.md", f"Error: {others}: no .txt article in the folder"],
    )
    assert db.read_bytes() == b"previous database"


def test_a_folder_of_only_bad_files_keeps_the_old_database(tmp_path):
    db = tmp_path / "out.db"
    db.write_bytes(b"previous database")  # not a database: --force, or the build would refuse it at once
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes(b"\x00\x01")
    result = run_build(folder, db, "--force")
    assert (result.exit_code, result.output.splitlines()) == (
        1,
        [
            "error: a.txt: empty file; skipped",
            "error: b.txt: binary file (it contains NUL bytes), not text; skipped",
            f"Error: {folder}: none of its 2 .txt file(s) could be read",
        ],
    )
    assert db.read_bytes() == b"previous database"


def test_other_files_get_one_warning(tmp_path):
    names = {f"page{number}.html": "<p>x</p>" for number in range(6)}
    folder = make_corpus(tmp_path / "corpus", {**names, "images": None, ".DS_Store": b"\x00", "._good.txt": b"\x00", "UPPER.TXT": "Le texte en capitales.\n"})
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.output.splitlines() == [
        "warning: corpus/: 7 files ignored (not .txt): images/, page0.html, page1.html, page2.html, page3.html, …",
        f"{db}: 2 articles loaded, 0 skipped, 1 warnings",
    ]
    assert list(articles(db)) == ["UPPER.TXT", "good.txt"]


@pytest.mark.parametrize(
    "manifest, rows, messages",
    [
        # The columns are separated by semicolons or tabs.
        ("file;published;url;outlet\ngood.txt;2019-10;;AFP\n", {"good.txt": ("2019-10", None, "AFP")}, ["columns are separated by ';' instead of commas; read anyway"]),
        ("file\tpublished\ngood.txt\t2019\n", {"good.txt": ("2019", None, None)}, ["columns are separated by tabs instead of commas; read anyway"]),
        # A byte order mark, as spreadsheets write it.
        ("\ufefffile,published\ngood.txt,2019-10-28\n", {"good.txt": ("2019-10-28", None, None)}, []),
        # An unknown column worth a word only when a known one is missing.
        ("file,date,source\ngood.txt,2019,AFP\n", {"good.txt": (None, None, None)}, ["columns 'date', 'source' are not known and are ignored (the columns are file, published, url, outlet)"]),
        ("file,published,url,outlet,note\ngood.txt,2019,,,vu\n", {"good.txt": ("2019", None, None)}, []),
        ("fichier,date\ngood.txt,2019\n", {}, ["no 'file' column in the header (the columns are file, published, url, outlet); the manifest is ignored"]),
        (
            "file,published\nmissing.txt,2019\n,2018\ngood.txt,2019-02-30\ngood.txt,2019\n",
            {"good.txt": (None, None, None)},
            [
                "row 2: there is no file missing.txt in the folder; row ignored",
                "row 3: no file name; row ignored",
                "row 4: published '2019-02-30' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored",
                "row 5: good.txt is listed twice; the first row is kept",
            ],
        ),
        (
            "file,published,url,outlet\ngood.txt,2019,,Le Monde, Paris\n",
            {"good.txt": ("2019", None, "Le Monde")},
            ["row 2: more values than columns; the extra ones are ignored (put a value holding a comma in double quotes)"],
        ),
        (
            'file,published,url,outlet\ngood.txt,2019,,"Le Monde\nother.txt,2018,,AFP\n',
            {"good.txt": ("2019", None, None)},
            ['row 2: a value runs over several lines (is a double quote mark " left unclosed?); the value is ignored'],
        ),
        (
            'file,published,url,outlet\ngood.txt,2019,,AFP\nother.txt,2018,,"' + "x" * 200_000 + "\n",
            {"good.txt": ("2019", None, "AFP")},
            ["row 3: a value of more than 131,072 characters; row ignored"],
        ),
    ],
)
def test_manifest_problems_name_the_row(tmp_path, manifest, rows, messages):
    folder = make_corpus(tmp_path / "corpus", {"sources.csv": manifest})
    found, problems = read_manifest(folder, {"good.txt"})
    assert {name: (row["published"], row["url"], row["outlet"]) for name, row in found.items()} == rows
    assert [problem.message for problem in problems] == messages


@pytest.mark.parametrize(
    "content, problem",
    [
        ("file,outlet\ngood.txt,Le Télégramme\n".encode("cp1252"), ("warning", "not UTF-8: read as Windows-1252 (Latin-1); if accents look wrong, save it as UTF-8")),
        (b"PK\x03\x04\x00\x00", ("error", "binary file (it contains NUL bytes), not text; the manifest is ignored")),
        (b"", ("error", "empty file; the manifest is ignored")),
    ],
)
def test_manifest_encodings(tmp_path, content, problem):
    folder = make_corpus(tmp_path / "corpus", {"sources.csv": content})
    _, problems = read_manifest(folder)
    assert [(found.severity, found.message) for found in problems] == [problem]


def test_every_problem_is_one_line_and_one_load_issue(tmp_path):
    files = {
        "sources.csv": "file;published\ngood.txt;2019-13-45\nmissing.txt;2019\n",
        "empty.txt": b"",
        "image.txt": b"\x00\x01",
        "latin.txt": "Le ministre français a parlé.".encode("cp1252"),
        "dates.txt": "Le ministre viendra le 31 février.\n",
        "notes.md": "notes",
    }
    db = tmp_path / "out.db"
    result = run_build(make_corpus(tmp_path / "corpus", files), db)
    lines = result.output.splitlines()
    assert lines == [
        "warning: sources.csv: columns are separated by ';' instead of commas; read anyway",
        "warning: sources.csv: row 2: published '2019-13-45' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored",
        "warning: sources.csv: row 3: there is no file missing.txt in the folder; row ignored",
        "warning: corpus/: 1 file ignored (not .txt): notes.md",
        "warning: dates.txt: line 1: '31 février' is not a date on the calendar",
        "error: empty.txt: empty file; skipped",
        "error: image.txt: binary file (it contains NUL bytes), not text; skipped",
        "warning: latin.txt: not UTF-8: read as Windows-1252 (Latin-1); if accents look wrong, save it as UTF-8",
        f"{db}: 3 articles loaded, 2 skipped, 6 warnings",
    ]
    assert [f"{severity}: {path}: {message}" for severity, path, message in load_issues(db)] == lines[:-1]
    assert "Traceback" not in result.output
    assert_sound(db)
    assert run_build(tmp_path / "corpus", tmp_path / "strict.db", "--strict").output.splitlines()[-1] == "Error: 8 problem(s) with the input (--strict)"


def test_strict_passes_on_clean_input(corpus, tmp_path):
    result = run_build(corpus, tmp_path / "out.db", "--strict")
    assert result.exit_code == 0, result.output


def test_no_meeting_gets_an_impossible_date():
    body = "Les ministres de la coalition se réuniront le 31 février à Paris.\n\nLa réunion du 80 mars à Rome a été annulée."
    for published in (None, "2019", "2019-02", "2019-02-10"):
        for meeting in extract_article(body, published).meetings:
            if meeting.date is not None:
                assert parse_iso(meeting.date)[1] == meeting.date_precision


def test_builds_are_sound(seeds_db, dev_db):
    assert_sound(seeds_db)
    assert_sound(dev_db)


# --- Nothing lost -----------------------------------------------------------------------------


@pytest.fixture
def previous(tmp_path):
    """A target holding the committed database, and its bytes."""
    target = tmp_path / "coalition.db"
    shutil.copy(ROOT / "coalition.db", target)
    return target, target.read_bytes()


@pytest.mark.parametrize(
    "error, message",
    [
        (sqlite3.OperationalError("database or disk is full"), "could not write {db}: database or disk is full; {db} left as it was"),
        (OSError(28, "No space left on device"), "could not write {db}: No space left on device; {db} left as it was"),
        (RuntimeError("boom"), "build failed (RuntimeError: boom); {db} left as it was; please report this"),
        (
            sqlite3.IntegrityError("UNIQUE constraint failed: people.name"),
            "build failed (IntegrityError: UNIQUE constraint failed: people.name); {db} left as it was; please report this",
        ),
        (KeyboardInterrupt(), "build interrupted; {db} left as it was"),
    ],
    ids=["sqlite full", "disk full", "bug", "rows refused", "Ctrl-C"],
)
def test_a_write_failing_half_way_keeps_the_old_database(corpus, previous, monkeypatch, error, message):
    target, before = previous

    def fail(db):  # called once the rows are in the temporary file
        raise error

    monkeypatch.setattr(store, "ensure_db_shape", fail)
    result = run_build(corpus, target)
    assert (result.exit_code, result.output) == (1, "Error: " + message.format(db=target) + "\n")
    assert target.read_bytes() == before
    assert sorted(os.listdir(target.parent)) == ["coalition.db", "corpus"]


def _small_disk():
    # A process may not write files past 64 kB: the disk of a build is full.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))


def test_disk_full_keeps_the_old_database(previous):
    target, before = previous
    process = subprocess.run(
        [sys.executable, "-m", "loader", "build", str(ROOT / "seeds"), "--db", str(target), "--full"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=_small_disk,
        timeout=300,
    )
    assert process.returncode == 1
    assert process.stderr.startswith(f"Error: could not write {target}: ") and process.stderr.endswith(f"; {target} left as it was\n")
    assert "Traceback" not in process.stderr
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == ["coalition.db"]


def test_readers_never_see_a_partial_database(previous, tmp_path):
    target, _ = previous
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(8):
        for article in sorted((ROOT / "seeds").glob("*.txt")):
            # Each copy differs, or all but one would be skipped as the same text.
            (corpus / f"{copy}_{article.name}").write_text(article.read_text(encoding="utf-8") + f"\nCopie {copy}.\n", encoding="utf-8")
    reader = sqlite3.connect(f"file:{target}?immutable=1", uri=True)  # as `coalition serve` opens it
    old_count = reader.execute("select count(*) from articles").fetchone()[0]
    process = subprocess.Popen([sys.executable, "-m", "loader", "build", str(corpus), "--db", str(target)], cwd=ROOT, stderr=subprocess.PIPE)
    counts = set()
    while process.poll() is None:
        with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            counts.add(connection.execute("select count(*) from articles").fetchone()[0])
        time.sleep(0.05)
    assert process.wait() == 0, process.stderr.read()
    assert counts <= {old_count, 40}
    assert reader.execute("select count(*) from articles").fetchone()[0] == old_count
    assert_sound(target)


def test_a_bug_met_reading_one_file_skips_only_that_file(tmp_path, monkeypatch):
    def fail(raw):
        raise KeyError("marſ")

    monkeypatch.setattr(corpus_module, "published_from_text", fail)
    folder = make_corpus(tmp_path / "corpus", {})
    (folder / "sources.csv").write_text("file,published\ngood.txt,2019\n", encoding="utf-8")
    (folder / "other.txt").write_text("Un autre récit.\n", encoding="utf-8")
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.output.splitlines() == [
        "error: other.txt: reading failed (KeyError: 'marſ'); skipped, please report this",
        f"{db}: 1 articles loaded, 1 skipped, 0 warnings",
    ]


def test_corpus_errors_carry_the_problems_met(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"  ")
    with pytest.raises(CorpusError) as raised:
        read_corpus(folder)
    assert [(problem.path, problem.severity) for problem in raised.value.problems] == [("a.txt", "error")]


# --- File names and file kinds ----------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    folder = make_corpus(tmp_path / "corpus", {})
    (folder / "other.txt").write_text("Un autre récit.\n", encoding="utf-8")
    try:
        os.rename(folder / "other.txt", os.fsencode(folder) + b"/caf\xe9.txt")
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    with open(os.fsencode(folder) + b"/caf\xe9.pdf", "wb") as handle:
        handle.write(b"%PDF")
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "warning: corpus/: 1 file ignored (not .txt): caf\\xe9.pdf",
        f"{db}: 2 articles loaded, 0 skipped, 1 warnings",
    ]
    assert list(articles(db)) == ["caf\\xe9.txt", "good.txt"]


def test_control_characters_in_a_file_name_cannot_forge_a_line(tmp_path):
    folder = make_corpus(tmp_path / "corpus", {"x\nerror: good.txt: forged\x1b[31m.txt": b"", "back\\slash\u202e.txt": b""})
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.output.splitlines() == [
        "error: back\\\\slash\\u202e.txt: empty file; skipped",
        "error: x\\nerror: good.txt: forged\\x1b[31m.txt: empty file; skipped",
        f"{db}: 1 articles loaded, 2 skipped, 0 warnings",
    ]
    assert [path for _, path, _ in load_issues(db)] == ["back\\\\slash\\u202e.txt", "x\\nerror: good.txt: forged\\x1b[31m.txt"]


def test_an_nfd_file_name_matches_its_nfc_manifest_row(tmp_path):
    folder = make_corpus(tmp_path / "corpus", {"re\u0301union.txt": "La réunion a eu lieu.\n", "sources.csv": "file,published\nréunion.txt,2019-02-06\n"})
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.output.splitlines() == [f"{db}: 2 articles loaded, 0 skipped, 0 warnings"]
    assert articles(db)["re\u0301union.txt"]["published"] == "2019-02-06"


@pytest.mark.parametrize("name", ["a.txt", "sources.csv"])
def test_a_named_pipe_is_refused_without_waiting(tmp_path, name):
    folder = make_corpus(tmp_path / "corpus", {})
    os.mkfifo(folder / name)
    db = tmp_path / "out.db"
    process = subprocess.run([sys.executable, "-m", "loader", "build", str(folder), "--db", str(db)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    ending = "skipped" if name == "a.txt" else "the manifest is ignored"
    assert process.stderr.splitlines()[0] == f"error: {name}: not a regular file (a named pipe); only regular files inside the folder are read; {ending}"
    assert process.returncode == 0


@pytest.mark.parametrize("target", ["/etc/shadow", "/dev/zero", "../outside.txt"])
def test_a_symbolic_link_is_not_followed(tmp_path, target):
    (tmp_path / "outside.txt").write_text("Un récit hors du dossier.\n", encoding="utf-8")
    folder = make_corpus(tmp_path / "corpus", {})
    os.symlink(target, folder / "link.txt")
    os.symlink("/etc/passwd", folder / "sources.csv")
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.output.splitlines() == [
        "error: sources.csv: not a regular file (a symbolic link); only regular files inside the folder are read; the manifest is ignored",
        "error: link.txt: not a regular file (a symbolic link); only regular files inside the folder are read; skipped",
        f"{db}: 1 articles loaded, 2 skipped, 0 warnings",
    ]
    assert list(articles(db)) == ["good.txt"]


# --- Unicode ------------------------------------------------------------------------------------


def test_decomposed_accents_are_composed_and_the_file_warned(tmp_path):
    import unicodedata

    text = "Les ministres de la coalition se sont réunis à Washington le 6 février 2019. « Nous restons unis », a déclaré Jean-Yves Le Drian.\n"
    folder = make_corpus(tmp_path / "corpus", {"nfd.txt": unicodedata.normalize("NFD", text)})
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.output.splitlines()[0] == "warning: nfd.txt: Unicode text normalised: accents written as two characters (NFD) joined into one; raw keeps the text as read"
    row = articles(db)["nfd.txt"]
    assert (row["body"], row["raw"]) == (text.strip(), unicodedata.normalize("NFD", text))


@pytest.mark.parametrize(
    "written, read",
    [
        ("Les représentants de 2\u200b2 pays ont assisté à la réunion.", "Les représentants de 22 pays ont assisté à la réunion."),
        ("Jean-Yves Le Dri\u00adan et Jean\u2060-Yves Le Drian.", "Jean-Yves Le Drian et Jean-Yves Le Drian."),
        ("« Nous\u200f restons unis », a déclaré le ministre\u202e.", "« Nous restons unis », a déclaré le ministre."),
    ],
    ids=["zero-width space", "soft hyphen and word joiner", "right-to-left marks"],
)
def test_invisible_characters_are_removed_from_the_body(tmp_path, written, read):
    folder = make_corpus(tmp_path / "corpus", {"odd.txt": written + "\n"})
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.output.splitlines()[0].startswith("warning: odd.txt: Unicode text normalised: ")
    assert "invisible character" in result.output.splitlines()[0]
    row = articles(db)["odd.txt"]
    assert (row["body"], row["raw"]) == (read, written + "\n")
    assert_sound(db)


def test_zero_width_space_in_a_count(tmp_path):
    folder = make_corpus(tmp_path / "corpus", {"odd.txt": "Les ministres des 6\u200b8 pays de la coalition se sont réunis à Washington le 22 mars 2017.\n"})
    db = tmp_path / "out.db"
    run_build(folder, db)
    assert [row["participants"] for row in sqlite_utils.Database(db).query("select participants from meetings where city = 'Washington' and date = '2017-03-22'")] == [68]


def test_seeds_saved_in_nfd_give_the_same_database(corpus, tmp_path):
    import unicodedata

    nfc_db, nfd_db = tmp_path / "nfc.db", tmp_path / "nfd.db"
    run_build(corpus, nfc_db)
    for path in corpus.glob("*.txt"):
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_build(corpus, nfd_db)
    assert result.exit_code == 0, result.output
    for table in ("meetings", "people", "person_roles", "quotes", "figures"):
        assert list(sqlite_utils.Database(nfd_db)[table].rows) == list(sqlite_utils.Database(nfc_db)[table].rows), table


# --- The manifest ------------------------------------------------------------------------------


def test_a_manifest_of_twenty_thousand_rows_is_read(tmp_path):
    rows = "".join(f"article-{number:06d}.txt,2019-02-06,https://example.org/news/2019/02/06/{'a-long-address-' * 4}{number},Le Monde\n" for number in range(20_000))
    folder = make_corpus(tmp_path / "corpus", {"sources.csv": "file,published,url,outlet\ngood.txt,2019-02-06,,AFP\n" + rows})
    assert os.path.getsize(folder / "sources.csv") > MAX_BYTES
    found, problems = read_manifest(folder)
    assert (len(found), problems) == (20_001, [])
    db = tmp_path / "out.db"
    run_build(folder, db)
    assert (articles(db)["good.txt"]["published"], articles(db)["good.txt"]["outlet"]) == ("2019-02-06", "AFP")


def test_a_manifest_above_its_own_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_module, "MAX_MANIFEST_BYTES", 100)
    folder = make_corpus(tmp_path / "corpus", {"sources.csv": "file,published\n" + "good.txt,2019\n" * 10})
    _, problems = read_manifest(folder)
    assert [problem.message for problem in problems] == [
        "too large (155 bytes; the limit is 100, a million rows of file, date, address and outlet); the manifest is ignored"
    ]


def test_a_bug_met_checking_one_text_skips_only_that_file(tmp_path, monkeypatch):
    check = corpus_module.check_text

    def fail_on_other(raw, body):
        if "autre" in body:
            raise ValueError("check failed")
        return check(raw, body)

    monkeypatch.setattr(corpus_module, "check_text", fail_on_other)
    folder = make_corpus(tmp_path / "corpus", {"other.txt": "Un autre récit.\n"})
    db = tmp_path / "out.db"
    result = run_build(folder, db)
    assert result.output.splitlines() == [
        "error: other.txt: reading failed (ValueError: check failed); skipped, please report this",
        f"{db}: 1 articles loaded, 1 skipped, 0 warnings",
    ]
