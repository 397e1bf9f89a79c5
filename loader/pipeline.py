"""The build: corpus -> extract -> resolve -> store, written atomically.

The database is written to a temporary file beside the target and renamed
over it only when complete, so a failed or interrupted build leaves the
previous file as it was and a reader never sees half a database.
"""
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .corpus import Problem, read_corpus
from .extract import extract_article
from .nlp import load_nlp
from .records import Extraction
from .resolve import resolve
from .store import save


@dataclass
class BuildSummary:
    loaded: int
    skipped: int
    problems: list

    @property
    def warnings(self):
        return sum(1 for problem in self.problems if problem.severity == "warning")

    def __str__(self):
        return f"{self.loaded} articles loaded, {self.skipped} skipped, {self.warnings} warnings"


def extract_all(articles, problems):
    """One Extraction per article; an article whose extraction fails is kept with nothing extracted."""
    docs = load_nlp().pipe(article.body for article in articles)
    extractions = []
    for article, doc in zip(articles, docs):
        try:
            extractions.append(extract_article(article.body, article.published, doc))
        except Exception as error:  # one bad article must not stop the others
            problems.append(Problem(article.path, f"extraction failed ({type(error).__name__}: {error}); article kept without extracted records"))
            extractions.append(Extraction())
    return extractions


def build(corpus_dir, db_path):
    """Build `db_path` from the `*.txt` files of `corpus_dir`; return a BuildSummary."""
    articles, problems = read_corpus(corpus_dir)
    extractions = extract_all(articles, problems)
    resolved = resolve(articles, extractions)
    write_atomically(Path(db_path), lambda path: save(path, articles, resolved, problems))
    skipped = sum(1 for problem in problems if problem.severity == "error")
    return BuildSummary(loaded=len(articles), skipped=skipped, problems=problems)


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
