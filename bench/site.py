"""HTTP latency of the published site on a synthetic 10,000-article database.

usage: python bench/site.py [--articles 10000] [--runs 30]

Builds the database from synthetic rows (not by running the extractors), serves
it with `coalition serve`, and prints p50/p95 in milliseconds of every canned
query and of each faceted table page. Target: p95 <= 50 ms on 2 cores.
"""
import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import sqlite_utils
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loader.store import create_schema, ensure_db_shape, meeting_label  # noqa: E402

CITIES = [("Washington", "Etats-Unis", 38.9, -77.0), ("Bruxelles", "Belgique", 50.8, 4.35), ("Rome", "Italie", 41.9, 12.5),
          ("Paris", "France", 48.9, 2.35), ("Londres", "Royaume-Uni", 51.5, -0.13), ("Koweït", "Koweït", 29.4, 47.98)]
KINDS = ["ministerial", "defence", "political_directors", "small_group", "other"]
UNITS = ["pays", "membres", "soldats", "combattants", "dollars", "frappes aériennes", "%", "ministres"]
WORDS = "coalition réunion ministres Daech Irak Syrie Etats-Unis combattants frappes stabilisation menace califat sécurité".split()
GOOD_PARAMETERS = {"name": "Person 12", "meeting": "7", "unit": "soldats", "q": "califat"}


def synthetic_database(path, articles):
    rng = random.Random(20141203)
    db = sqlite_utils.Database(path)
    create_schema(db)
    with db.conn:
        db["articles"].insert_all(
            {"id": i, "path": f"{i:06d}.txt", "sha256": f"{i:064x}", "title": f"Article {i}",
             "published": f"{2014 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}", "published_precision": "day",
             "published_month": f"{2014 + i % 10}-{1 + i % 12:02d}", "outlet": f"Outlet {i % 16}", "encoding": "utf-8",
             "body": " ".join(rng.choice(WORDS) for _ in range(400)), "raw": ""}
            for i in range(1, articles + 1)
        )
        meetings = []
        for i in range(1, articles // 5 + 1):
            city, country, lat, lon = CITIES[i % len(CITIES)]
            row = {"id": i, "date": f"{2014 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}", "date_precision": "day", "year": 2014 + i % 10,
                   "city": city, "country": country, "latitude": lat, "longitude": lon, "kind": KINDS[i % 5], "participants": 10 + i % 75}
            meetings.append(dict(row, label=meeting_label(row)))
        db["meetings"].insert_all(meetings)
        db["article_meetings"].insert_all({"article_id": i, "meeting_id": 1 + i % len(meetings), "status": "held" if i % 3 else "announced"} for i in range(1, articles + 1))
        db["people"].insert_all({"id": i, "name": f"Person {i}", "role": "ministre", "country": CITIES[i % 6][1]} for i in range(1, 3001))
        db["person_aliases"].insert_all({"person_id": i, "alias": f"P. {i}"} for i in range(1, 3001))
        db["article_people"].insert_all({"article_id": i, "person_id": 1 + (i * 7 + k) % 3000, "role": "ministre", "country": None}
                                        for i in range(1, articles + 1) for k in range(3))
        db["person_roles"].insert_all({"person_id": 1 + (i * 7) % 3000, "article_id": i, "published": None, "role": "ministre", "country": None}
                                      for i in range(1, articles + 1))
        db["quotes"].insert_all({"id": n, "article_id": 1 + n % articles, "person_id": 1 + n % 3000 if n % 4 else None, "attribution": "le ministre",
                                 "meeting_id": 1 + n % len(meetings) if n % 2 else None, "text": " ".join(rng.choice(WORDS) for _ in range(20)),
                                 "start": 0, "end": 10} for n in range(1, articles * 4 + 1))
        db["figures"].insert_all({"id": n, "article_id": 1 + n % articles, "meeting_id": 1 + n % len(meetings) if n % 3 == 0 else None,
                                  "value": float(n % 5000), "unit": UNITS[n % len(UNITS)], "approximate": n % 2, "qualifier": None,
                                  "text": "x", "start": 0, "end": 1} for n in range(1, articles * 5 + 1))
    ensure_db_shape(db)
    db.close()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def timings(url, runs):
    urllib.request.urlopen(url).read()  # warm up
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        urllib.request.urlopen(url).read()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    tables = metadata["databases"]["coalition"]["tables"]
    queries = metadata["databases"]["coalition"]["queries"]
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "coalition.db"
        started = time.perf_counter()
        synthetic_database(db_path, args.articles)
        print(f"synthetic database: {args.articles} articles, {db_path.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - started:.1f} s")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "loader", "serve", "--db", str(db_path), "--port", str(port),
                                   "--metadata", str(ROOT / "metadata.yml")], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}/coalition"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + ".json")
                    break
                except OSError:
                    time.sleep(0.1)
            rows = []
            for name, query in queries.items():
                params = "&".join(f"{p}={urllib.request.quote(v)}" for p, v in GOOD_PARAMETERS.items() if f":{p}" in query["sql"])
                rows.append((f"query {name}", *timings(f"{base}/{name}.json?{params}", args.runs)))
            for table, config in tables.items():
                if config.get("facets"):
                    rows.append((f"table {table} (facets)", *timings(f"{base}/{table}.json", args.runs)))
            print(f"{'page':<40}{'p50 ms':>10}{'p95 ms':>10}")
            for name, p50, p95 in rows:
                print(f"{name:<40}{p50:>10.1f}{p95:>10.1f}{'  > 50 ms' if p95 > 50 else ''}")
            print(f"worst p95: {max(r[2] for r in rows):.1f} ms")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
