"""Robustness, round three: nothing the user made is lost, and bad input is told in a short line.

The database keeps what the user added to it (or the build refuses), its permissions, and no
forged cache; the text of an article is read in whatever encoding and line ends it was saved with.
"""
import contextlib
import fcntl
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest
import sqlite_utils
from click.testing import CliRunner

from loader import pipeline
from loader.cli import cli
from loader.corpus import MAX_MESSAGE, check_text, clean, read_corpus, read_manifest
from loader.extract.figures import extract_figures
from loader.places import find_places

from .conftest import ROOT

STORY = "Le ministre Paul Durand a été appelé à Washington. « Nous resterons unis », a-t-il déclaré mardi.\n"


@pytest.fixture(autouse=True)
def own_record(tmp_path, monkeypatch):
    """The record of the caches this loader wrote is the test's own, not the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def run_build(folder, db, *options):
    return CliRunner().invoke(cli, ["build", str(folder), "--db", str(db), "--jobs", "1", *options])


def rows(db, sql):
    return sqlite_utils.Database(db).execute(sql).fetchall()


def one_article(folder, content, name="a.txt"):
    folder.mkdir()
    (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


# --- Defect 1: what the user added to the database --------------------------------------------


@pytest.mark.parametrize(
    "added, named",
    [
        ("create view my_view as select title from articles", "view my_view"),
        ("create table articles_fts_mynotes (note); insert into articles_fts_mynotes values ('à relire')", "table articles_fts_mynotes"),
        ("create table quotes_fts_backup as select * from quotes", "table quotes_fts_backup"),
        ("create trigger my_trigger after insert on quotes begin select 1; end", "trigger my_trigger"),
        ("create index my_index on articles (title)", "index my_index"),
        ("create table notes (article_id, note); create index notes_by_article on notes (article_id)", "table notes, index notes_by_article"),
        ("alter table articles add column note text", "column articles.note"),
        ("create view size_by_month as select * from size_over_time", "view size_by_month"),
    ],
    ids=["view", "table named like full-text search", "copy of quotes", "trigger", "index on a table of the build", "own table and index", "column", "view over a view"],
)
def test_what_the_user_added_is_never_dropped_silently(corpus, tmp_path, added, named):
    db = tmp_path / "coalition.db"
    assert run_build(corpus, db).exit_code == 0
    with sqlite3.connect(db) as connection:
        connection.executescript(added)
    connection.close()
    (corpus / "004_6e1f476eb6ce6068.txt").unlink()  # a build that changes the database
    before = db.read_bytes()
    result = run_build(corpus, db)
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {db} holds what the build did not make ({named}); it is left as it is: "
        "copy them to another database, or add --force to rebuild without them\n",
    )
    assert db.read_bytes() == before
    forced = run_build(corpus, db, "--force")
    assert forced.exit_code == 0, forced.output
    assert rows(db, "select count(*) from articles") == [(4,)]
    assert run_build(corpus, db).exit_code == 0  # what --force rebuilt is the build's alone


def test_a_virtual_table_of_the_user_is_named_once(corpus, tmp_path):
    db = tmp_path / "coalition.db"
    assert run_build(corpus, db).exit_code == 0
    with sqlite3.connect(db) as connection:
        connection.execute("create virtual table quotes_fts_backup using fts5 (text)")
    connection.close()
    result = run_build(corpus, db, "--full")
    assert result.exit_code == 1
    assert "(table quotes_fts_backup, table quotes_fts_backup_config, table quotes_fts_backup_content, " in result.output


def test_a_database_of_an_older_loader_is_rebuilt(corpus, tmp_path):
    """Fewer columns and indexes than today's: made by the loader all the same."""
    db = tmp_path / "coalition.db"
    assert run_build(corpus, db).exit_code == 0
    with sqlite3.connect(db) as connection:
        connection.executescript("drop index idx_meetings_year_kind; alter table meetings drop column virtual; drop view quotes_by_speaker")
    connection.close()
    result = run_build(corpus, db, "--full")
    assert result.exit_code == 0, result.output


# --- Defect 2: permissions ----------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444, 0o664])
def test_the_new_file_keeps_the_old_ones_permissions(tmp_path, mode):
    db = tmp_path / "x.db"
    assert run_build(ROOT / "seeds", db).exit_code == 0
    os.chmod(db, mode)
    result = run_build(ROOT / "seeds", db, "--full")
    assert result.exit_code == 0, result.output
    assert oct(os.stat(db).st_mode & 0o7777) == oct(mode)


def test_the_new_file_keeps_the_old_ones_group(tmp_path):
    db = tmp_path / "x.db"
    assert run_build(ROOT / "seeds", db).exit_code == 0
    others = [gid for gid in os.getgroups() if gid != os.getegid()] or ([65534] if os.geteuid() == 0 else [])
    if not others:
        pytest.skip("no other group this user may give a file")
    os.chown(db, -1, others[0])
    assert run_build(ROOT / "seeds", db, "--full").exit_code == 0
    assert os.stat(db).st_gid == others[0]


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_follows_the_umask(tmp_path, umask):
    old = os.umask(umask)
    try:
        assert run_build(ROOT / "seeds", tmp_path / "new.db").exit_code == 0
    finally:
        os.umask(old)
    assert oct(os.stat(tmp_path / "new.db").st_mode & 0o777) == oct(0o666 & ~umask)


# --- Defect 3: a forged cache -------------------------------------------------------------------


def forge(db, keep_fingerprint):
    """Add a quote, a true slice of the body, to the cached extraction of the first article."""
    body = rows(db, "select body from articles order by id limit 1")[0][0]
    with sqlite3.connect(db) as connection:
        for key, value in connection.execute("select key, value from _build_cache where key != 'fingerprint'").fetchall():
            records = json.loads(value)
            if not records["quotes"] and not records["people"]:
                continue
            start = body.index("coalition")
            records["quotes"].append([body[start : start + 40], start, start + 40, None, None, None])
            forged = json.dumps(records, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            if pipeline._sound(forged, body)[0]:  # a sound entry, that only this test could tell from a true one
                connection.execute("update _build_cache set value = ? where key = ?", [forged, key])
                break
        else:
            raise AssertionError("no entry to forge")
        if not keep_fingerprint:
            connection.execute("delete from _build_cache where key = 'fingerprint'")
    connection.close()


@pytest.mark.parametrize("keep_fingerprint", [False, True], ids=["fingerprint removed", "fingerprint kept"])
def test_a_forged_cache_entry_is_not_trusted(corpus, tmp_path, keep_fingerprint):
    original = tmp_path / "coalition.db"
    pipeline.build(corpus, original)
    copy = tmp_path / "copy.db"
    shutil.copy(original, copy)
    forge(copy, keep_fingerprint)
    summary = pipeline.build(corpus, copy)
    assert summary.extracted == 5 and summary.written
    pipeline.build(corpus, tmp_path / "full.db", full=True)
    assert copy.read_bytes() == (tmp_path / "full.db").read_bytes()


def test_the_cache_this_loader_wrote_is_reused_even_in_a_copy(corpus, tmp_path):
    db = tmp_path / "coalition.db"
    pipeline.build(corpus, db)
    shutil.copy(db, tmp_path / "copy.db")
    (corpus / "004_6e1f476eb6ce6068.txt").unlink()
    assert pipeline.build(corpus, tmp_path / "copy.db").extracted == 0


def test_a_database_from_another_machine_is_built_in_full(corpus, tmp_path, monkeypatch):
    db = tmp_path / "coalition.db"
    pipeline.build(corpus, db)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    summary = pipeline.build(corpus, db)
    assert (summary.written, summary.extracted) == (True, 5)


# --- Defects 7 and 8: encodings ----------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_its_mark_is_read_as_utf32(tmp_path, codec):
    mark = "\ufeff".encode(codec)
    folder = one_article(tmp_path / "corpus", mark + STORY.encode(codec))
    (article,), problems = read_corpus(folder)
    assert (article.body, article.encoding, problems) == (STORY.strip(), "utf-32", [])


@pytest.mark.parametrize(
    "content, message",
    [
        ("\ufeff".encode("utf-16-le") + "Le ministre\x00 a parlé.".encode("utf-16-le"), "UTF-16 text holding NUL characters (U+0000), which no article has; save it as UTF-8"),
        (b"\xef\xbb\xbfLe ministre\x00 a parl\xc3\xa9.", "UTF-8 text holding NUL characters (U+0000), which no article has; save it as UTF-8"),
        ("\ufeff".encode("utf-32-le") + "Le ministre\x00.".encode("utf-32-le"), "UTF-32 text holding NUL characters (U+0000), which no article has; save it as UTF-8"),
    ],
    ids=["UTF-16", "UTF-8 with its mark", "UTF-32"],
)
def test_text_holding_nuls_is_refused(tmp_path, content, message):
    folder = one_article(tmp_path / "corpus", content)
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    articles, problems = read_corpus(folder)
    assert [(problem.path, problem.message, problem.severity) for problem in problems] == [("a.txt", f"{message}; skipped", "error")]


@pytest.mark.parametrize(
    "bad, count",
    [(b"\xc0\xaf", 2), (b"\xed\xa0\x80", 3), (b"\xff", 1)],
    ids=["overlong slash", "lone surrogate", "stray byte"],
)
def test_utf8_with_a_few_bad_bytes_stays_utf8(tmp_path, bad, count):
    data = STORY.encode("utf-8").replace(b"Washington", b"Washing" + bad + b"ton")
    folder = one_article(tmp_path / "corpus", data)
    (article,), problems = read_corpus(folder)
    assert article.encoding == "utf-8"
    assert "appelé" in article.body and "Washing" + "\ufffd" * count + "ton" in article.body
    offset = data.index(bad)
    plural = f"{count} bytes" if count > 1 else "1 byte"
    assert [problem.message for problem in problems] == [
        f"not UTF-8 in {plural} (the first, 0x{bad[0]:02x}, at offset {offset}): read as UTF-8, each replaced by U+FFFD (\ufffd)"
    ]


def test_windows_1252_stays_windows_1252(tmp_path):
    folder = one_article(tmp_path / "corpus", STORY.encode("cp1252"))
    (article,), problems = read_corpus(folder)
    assert (article.encoding, "appelé" in article.body) == ("cp1252", True)


# --- Line ends ------------------------------------------------------------------------------------


@pytest.mark.parametrize("end", ["\u2029", "\u2028", "\x0c", "\x0b", "\x85", "\r\n", "\r"], ids=["U+2029", "U+2028", "form feed", "vertical tab", "NEL", "CRLF", "CR"])
def test_every_kind_of_line_end_ends_a_line(tmp_path, end):
    text = end.join(["La coalition se réunit à Paris", "Publié le 02/06/2015", STORY.strip(), "Un second paragraphe suit."])
    folder = one_article(tmp_path / "corpus", text)
    (article,), problems = read_corpus(folder)
    assert (article.title, article.published, problems) == ("La coalition se réunit à Paris", "2015-06-02", [])
    assert article.body == STORY.strip() + "\n\nUn second paragraphe suit."


# --- Temporary files, the fingerprint -------------------------------------------------------------


def test_the_temporary_files_of_a_killed_build_are_removed(tmp_path):
    db = tmp_path / "x.db"
    left = [".x.db.k1ll3d_0.tmp", ".x.db.k1ll3d_0.tmp-journal", ".x.db.0rphan_9.tmp-journal"]
    for name in left:
        (tmp_path / name).write_bytes(b"half a database")
    running = tmp_path / ".x.db.running1.tmp"  # a build writing it now holds its lock
    running.write_bytes(b"")
    mine = tmp_path / ".x.db.notmine.tmp.bak"
    mine.write_bytes(b"")
    with open(running, "rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        assert run_build(ROOT / "seeds", db).exit_code == 0
    assert sorted(os.listdir(tmp_path)) == sorted([".x.db.running1.tmp", ".x.db.notmine.tmp.bak", "user-cache", "x.db"])


def test_a_database_inside_the_corpus_does_not_change_the_fingerprint(corpus):
    db = corpus / "coalition.db"
    first = pipeline.build(corpus, db)
    again = pipeline.build(corpus, db)
    assert (first.written, again.written) == (True, False)


def test_only_the_articles_and_the_manifest_are_read_for_the_fingerprint(tmp_path):
    """A folder of devices and endless files (/proc) is refused at once, never read."""
    process = subprocess.run(
        [sys.executable, "-m", "loader", "build", "/proc", "--db", str(tmp_path / "x.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path)),
    )
    assert (process.returncode, process.stderr.splitlines()[-1]) == (1, "Error: /proc: no .txt article in the folder")


# --- The manifest, long messages --------------------------------------------------------------


def test_a_manifest_row_over_the_field_limit_is_skipped_alone(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    names = ["a.txt", "b.txt", "c.txt"]
    for name in names:
        (folder / name).write_text(STORY, encoding="utf-8")
    (folder / "sources.csv").write_text(
        "file,published,url,outlet\n" f"a.txt,2017,,AFP\nb.txt,2017,https://exemple.fr/{'x' * 140_000},AFP\nc.txt,2018,,Le Monde\n",
        encoding="utf-8",
    )
    rows_, problems = read_manifest(folder, set(names))
    assert sorted(rows_) == ["a.txt", "c.txt"] and rows_["c.txt"]["outlet"] == "Le Monde"
    assert [problem.message for problem in problems] == ["row 3: a value of more than 131,072 characters; row ignored"]


@pytest.mark.parametrize(
    "name, content, start",
    [
        ("number.txt", STORY + "999 " * 200_000 + "\n", "line 2: the number '999 999 999 999 999 999 999 999 999 999 …' is too large"),
        ("tag.txt", STORY + "<div " + "x" * 400 + ">\n", "line 2: HTML tags in the text, such as <div xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…;"),
    ],
)
def test_a_warning_quotes_a_short_excerpt(tmp_path, name, content, start):
    folder = one_article(tmp_path / "corpus", content, name)
    _, problems = read_corpus(folder)
    messages = [problem.message for problem in problems]
    assert any(message.startswith(start) for message in messages), messages
    assert all(len(message) <= MAX_MESSAGE + 1 for message in messages)


def test_a_manifest_that_quotes_long_values_stays_short(tmp_path):
    folder = one_article(tmp_path / "corpus", STORY)
    long = "y" * 100_000
    (folder / "sources.csv").write_text(f"file,published\n{long}.txt,2017\na.txt,{long}\n", encoding="utf-8")
    _, problems = read_manifest(folder, {"a.txt"})
    assert [problem.message for problem in problems] == [
        f"row 2: there is no file {'y' * 40}… in the folder; row ignored",
        f"row 3: published '{'y' * 40}…' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored",
    ]


# --- Defect 6: no article costs more than its length ----------------------------------------------

ARTICLE_BYTES = 990_000  # within the limit of 1,000,000 bytes, with its title
SECONDS = 15  # of processor time, so that other jobs on the machine do not count
MEGABYTES = 300

# Phrases of every extractor's kind (dates, numbers, names, titles, meetings, quotations, marks):
# repeated over a megabyte, each must cost no more than its length.
PHRASES = [
    "mardi mercredi jeudi ",
    "le 14 novembre 2017, ",
    "lundi 3 mars ",
    "31 février ",
    "en 2016 ",
    "il y a deux semaines ",
    "du 13 au 15 mars ",
    "un milliard de ",
    "2,5 milliards de dollars ",
    "10 millions d'euros ",
    "12 000 soldats ",
    "plus de 60 pays, dont 40 ",
    "entre 3 et 5 ",
    "15 % ",
    "1 ",
    "999 999 ",
    "vingt et un ",
    "$ ",
    "Jean ",
    "Jean Dupont ",
    "Mme ",
    "Jean-Yves Le ",
    "A ",
    "Ministre ",
    "Daech ",
    "réunion de la coalition à Washington le 3 mars, ",
    "les ministres se sont réunis à Paris. ",
    "la réunion, qui était mardi à Rome, ",
    "Elle aura lieu le 6 février. ",
    "à Bagdad, ",
    "En marge du sommet de l'Otan à Bruxelles, ",
    "ne se réuniront pas ",
    "la conférence sur la Libye ",
    "accueille les délégations ",
    "dont celles de Londres, Paris et Rome ",
    "M. Martin a déclaré : « Nous avançons. » ",
    "« Oui », dit-il. ",
    "M. ",
    "Le ministre ",
    "Jean-Pierre ",
    "selon lui, ",
    "« ",
    "” ",
    "\n",
    "... ",
    "<b>",
    "x",
    "l'",
    "https://exemple.fr/a ",
]


def _measure(phrase):
    """In a process of its own: read and extract one article of `phrase` repeated; its
    processor time, peak memory, and what failed."""
    import resource
    import tempfile
    import time

    from loader.pipeline import extract_batch

    # A runaway is stopped past the limits rather than left to take the machine.
    resource.setrlimit(resource.RLIMIT_CPU, (SECONDS + 1, SECONDS + 5))
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
    folder = tempfile.mkdtemp()
    text = "Un titre\n" + phrase * (ARTICLE_BYTES // len(phrase.encode("utf-8")))
    with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as handle:
        handle.write(text)
    start = time.process_time()
    articles, _ = read_corpus(folder)
    ((_, failure),) = extract_batch([(articles[0].body, "2017-03-01")])
    seconds = time.process_time() - start
    shutil.rmtree(folder)
    return {"seconds": round(seconds, 2), "megabytes": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "failure": failure}


def measure_all(phrases: list, workers: int) -> None:
    """Print {phrase: measure} as JSON, each phrase measured in a process forked from this one
    once the loader is ready (lexicons, gazetteer), `workers` at a time: each pays for its article alone."""
    from loader.pipeline import extract_batch

    extract_batch([("La coalition s'est réunie à Paris le 3 mars. « Nous avançons », a dit M. Jean Dupont, qui a promis 5 millions de dollars.", "2017-03-01")])
    results, running = {}, {}

    def collect():
        pid, status = os.wait()
        phrase, reading = running.pop(pid)
        with os.fdopen(reading) as pipe:
            answer = pipe.read()
        signal = os.WIFSIGNALED(status) and os.WTERMSIG(status)
        results[phrase] = json.loads(answer) if answer else {"failure": f"stopped by signal {signal} (over {SECONDS + 1} s of processor time?)"}

    for phrase in phrases:
        while len(running) >= workers:
            collect()
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(reading)
            try:
                answer = _measure(phrase)
            except BaseException as error:
                answer = {"failure": f"{type(error).__name__}: {error}"}
            os.write(writing, json.dumps(answer).encode())
            os._exit(0)
        os.close(writing)
        running[pid] = (phrase, reading)
    while running:
        collect()
    print(json.dumps(results))


@pytest.fixture(scope="module")
def costs():
    """phrase -> its measure, in a fresh process (not this one, its memory grown by the other tests)."""
    phrases = PHRASES
    workers = min(2, len(os.sched_getaffinity(0)))
    process = subprocess.run(
        [sys.executable, "-c", f"from tests.test_robustness_three import measure_all; measure_all({phrases!r}, {workers})"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert process.returncode == 0, process.stderr[-2000:]
    return json.loads(process.stdout)


@pytest.mark.parametrize("phrase", PHRASES)
def test_an_article_of_one_repeated_phrase_costs_no_more_than_its_length(costs, phrase):
    cost = costs[phrase]
    assert cost["failure"] is None, cost["failure"]
    assert cost["seconds"] < SECONDS and cost["megabytes"] < MEGABYTES, cost


def test_troubleshooting_lists_the_new_messages():
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Troubleshooting", 1)[1]
    for message in [
        "holds what the build did not make (",
        "copy them to another database, or add --force to rebuild without them",
        "text holding NUL characters (U+0000), which no article has; save it as UTF-8",
        "read as UTF-8, each replaced by U+FFFD (\ufffd)",
        "a value of more than 131,072 characters; row ignored",
    ]:
        assert message in section, message


@contextlib.contextmanager
def processor_time_limit(seconds):
    """Raise TimeoutError in the code run inside once it has used `seconds` of processor time."""

    def stop(signum, frame):
        raise TimeoutError(f"over {seconds} s of processor time")

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@pytest.mark.parametrize(
    "scan, phrase",
    [
        (extract_figures, "un milliard de "),
        (extract_figures, "1 "),
        (extract_figures, "15 % "),
        (find_places, "A "),
        (find_places, "à Bagdad, "),
        (find_places, "au Koweït "),
        (find_places, "Jean Dupont "),
        (lambda text: check_text(text, text), "31 février "),
        (lambda text: check_text(text, text), "<b>"),
        (clean, "\u2029"),
    ],
    ids=["figures, sums", "figures, numbers", "figures, percentages", "places, capitals", "places, cities", "places, countries", "places, names", "check, dates", "check, tags", "clean, paragraphs"],
)
def test_the_loaders_own_scans_take_time_linear_in_the_text(scan, phrase):
    text = phrase * (ARTICLE_BYTES // len(phrase.encode("utf-8")))
    with processor_time_limit(8):
        scan(text)
