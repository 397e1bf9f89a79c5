"""HTTP latency of the published site on a synthetic 10,000-article database.

usage: python bench/site.py [--articles 10000] [--runs 30] [--clients 10,100,500]

Builds the database from synthetic rows (not by running the extractors): per
article 3 people named, 4 quotes, 5 figures; 3,000 people (a third with accents);
one meeting per 40 articles. It then serves
it with `coalition serve`, and prints p50/p95 in milliseconds, as JSON and as HTML,
of every canned query, each faceted table page, each dashboard panel and an
article's page (its text marked with its quotes, people and figures).
Targets on 2 cores: every JSON answer p95 <= 50 ms; the article page p95 <= 100 ms.

Then many readers at once: for each number of clients, that many keep-alive connections on
the loopback, each asking the same mix of pages in turn (every page above, as JSON and as
HTML, and article pages at random) until the run's 2,000 requests are done; it prints
requests/s, errors and p50/p95 of HTML and JSON, with the load generator on the same cores.
"""
import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import httpx
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
# 30 first names x 100 family names: 3,000 people, a third of them with accents, hyphens or apostrophes.
FIRST_NAMES = ("Jean-Yves François Élisabeth Ayman Rex Mike Laurent Hélène Jérôme Mevlüt Adel Ursula Josep Nadia Stéphane "
               "Ahmed Agnès Boris Céline Dominique Frédéric Gérard Ibrahim Joël Karim Léa Michel Noël Olaf Renée").split()
FAMILY_NAMES = [f"{stem}{ending}" for stem in ("Le Drian", "Safadi", "Borne", "Pompeo", "Fabius", "Çavuşoğlu", "Al-Joubeir",
                                               "Lecornu", "Mogherini", "Borrell", "Sánchez", "Lavrov", "Kerry", "Hollande",
                                               "Parly", "Zarif", "Ghani", "Abadi", "Barzani", "Maïga")
                for ending in ("", "-Dupré", "son", " d’Estaing", "i")]
ROLES = ["ministre des Affaires étrangères", "ministre de la Défense", "Premier ministre", "porte-parole"]
# One person looked up by name, one meeting, one unit, and a word found in every article (the worst case).
GOOD_PARAMETERS = {"name": "Jean-Yves Le Drian", "meeting": "7", "unit": "soldats", "q": "califat"}
# The article page does its own queries and marks the text: it may take twice a JSON answer.
TARGETS = {"article page": 100}
TARGET = 50


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
        for i in range(1, articles // 40 + 1):
            city, country, lat, lon = CITIES[i % len(CITIES)]
            row = {"id": i, "date": f"{2014 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}", "date_precision": "day", "year": 2014 + i % 10,
                   "city": city, "country": country, "latitude": lat, "longitude": lon, "kind": KINDS[i % 5], "participants": 10 + i % 75,
                   "virtual": 0}
            meetings.append(dict(row, label=meeting_label(row)))
        db["meetings"].insert_all(meetings)
        # The meeting's sentence: the first 80 characters of the body.
        db["article_meetings"].insert_all({"article_id": i, "meeting_id": 1 + i % len(meetings), "status": "held" if i % 3 else "announced",
                                           "start": 0, "end": 80} for i in range(1, articles + 1))
        names = [f"{first} {family}" for first in FIRST_NAMES for family in FAMILY_NAMES]
        db["people"].insert_all({"id": i, "name": name, "role": "ministre", "country": CITIES[i % 6][1]} for i, name in enumerate(names, start=1))
        db["person_aliases"].insert_all({"person_id": i, "alias": name.split(" ", 1)[1]} for i, name in enumerate(names, start=1))
        db["article_people"].insert_all({"article_id": i, "person_id": 1 + (i * 7 + k) % len(names), "role": "ministre", "country": None}
                                        for i in range(1, articles + 1) for k in range(3))
        db["person_roles"].insert_all({"person_id": 1 + (i * 7) % len(names), "article_id": i, "published": f"{2014 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                       "role": ROLES[i // 1000 % len(ROLES)], "country": None}
                                      for i in range(1, articles + 1))
        db["quotes"].insert_all({"id": n, "article_id": 1 + n % articles, "person_id": 1 + n % len(names) if n % 4 else None, "attribution": "le ministre",
                                 "meeting_id": 1 + n % len(meetings) if n % 2 else None, "text": " ".join(rng.choice(WORDS) for _ in range(20)),
                                 "start": 0, "end": 10} for n in range(1, articles * 4 + 1))
        db["figures"].insert_all({"id": n, "article_id": 1 + n % articles, "meeting_id": 1 + n % len(meetings) if n % 3 == 0 else None,
                                  "value": float(n % 5000), "unit": UNITS[n % len(UNITS)], "approximate": n % 2, "qualifier": None,
                                  "text": "x", "start": 0, "end": 1} for n in range(1, articles * 5 + 1))
        db["load_issues"].insert_all({"id": n, "path": f"{n * 97 % articles:06d}.txt", "severity": "error" if n % 4 == 0 else "warning",
                                      "message": "not UTF-8: read as Windows-1252 (Latin-1)"} for n in range(1, articles // 100 + 1))
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


def pages(metadata, articles):
    """(label, path) of every page measured, each path without its .json."""
    database = metadata["databases"]["coalition"]
    for name, query in database["queries"].items():
        params = urllib.parse.urlencode({p: v for p, v in GOOD_PARAMETERS.items() if f":{p}" in query["sql"]})
        yield f"query {name}", f"/coalition/{name}?{params}"
    for table, config in database["tables"].items():
        if config.get("facets"):
            yield f"table {table} (facets)", f"/coalition/{table}?"
    yield "table meetings, one kind", "/coalition/meetings?kind=ministerial"
    yield "article page", f"/coalition/articles/{articles * 43 // 100}?"
    yield "meeting page", "/coalition/meetings/7?"
    yield "table articles, one outlet", "/coalition/articles?outlet=Outlet+3"
    for name, chart in metadata["plugins"]["datasette-dashboards"]["overview"]["charts"].items():
        yield f"dashboard {name}", "/coalition?" + urllib.parse.urlencode({"sql": chart["query"]})


REQUESTS_PER_RUN = 2000


def mix(metadata, articles):
    """Every page, as JSON and as HTML, and article pages at random: one reader's visit."""
    rng = random.Random(7)
    paths = []
    for _, path in pages(metadata, articles):
        page, query = path.split("?", 1)
        paths += [f"{page}.json?{query}", path]
    paths += [f"/coalition/articles/{rng.randint(1, articles)}" for _ in range(len(paths) // 2)]
    rng.shuffle(paths)
    return paths


async def readers(base, paths, clients):
    """`clients` keep-alive connections asking `paths` in turn, REQUESTS_PER_RUN in all."""
    latencies = {"HTML": [], "JSON": []}
    errors = 0
    each = -(-REQUESTS_PER_RUN // clients)

    async def reader(number):
        nonlocal errors
        # One keep-alive connection per reader, as a browser keeps one to a site.
        async with httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=300) as client:
            for step in range(each):
                path = paths[(number * 7 + step) % len(paths)]
                started = time.perf_counter()
                try:
                    ok = (await client.get(base + path)).status_code == 200
                except httpx.TransportError:
                    ok = False
                latencies["JSON" if ".json" in path else "HTML"].append((time.perf_counter() - started) * 1000)
                errors += not ok

    started = time.perf_counter()
    await asyncio.gather(*(reader(number) for number in range(clients)))
    elapsed = time.perf_counter() - started
    return each * clients / elapsed, errors, latencies


def percentile(samples, fraction):
    samples = sorted(samples)
    return samples[min(len(samples) - 1, int(len(samples) * fraction))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--clients", default="10,100,500", help="numbers of concurrent readers, comma-separated")
    args = parser.parse_args()
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "coalition.db"
        started = time.perf_counter()
        synthetic_database(db_path, args.articles)
        print(f"synthetic database: {args.articles} articles, {db_path.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - started:.1f} s")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "loader", "serve", "--db", str(db_path), "--port", str(port)],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/-/versions.json")
                    break
                except OSError:
                    time.sleep(0.1)
            rows = []
            for label, path in pages(metadata, args.articles):
                page, query = path.split("?", 1)
                json_url = f"{base}{page}.json?{query}"
                # Time real rows, never an error or an empty answer.
                assert json.load(urllib.request.urlopen(json_url))["rows"], f"{label}: no rows"
                rows.append((label, *timings(json_url, args.runs), *timings(f"{base}{path}", args.runs)))
            rows.append(("dashboard page", None, None, *timings(f"{base}/-/dashboards/overview", args.runs)))
            print(f"{'page':<36}{'JSON p50':>10}{'p95':>8}{'HTML p50':>10}{'p95':>8}  (ms)")
            for label, *figures in rows:
                cells = "".join(f"{'-' if value is None else f'{value:.1f}':>{width}}" for value, width in zip(figures, (10, 8, 10, 8)))
                target = TARGETS.get(label, TARGET)
                slow = any(value is not None and value > target for value in figures[1::2])
                print(f"{label:<36}{cells}{f'  > {target} ms' if slow else ''}")
            for kind, column in (("JSON", 1), ("HTML", 3)):
                worst = max((row[column + 1], row[0]) for row in rows if row[column + 1] is not None and (kind == "JSON" or row[0] not in TARGETS))
                print(f"worst {kind} p95: {worst[0]:.1f} ms ({worst[1]}; target {TARGET} ms)")
            for label, target in TARGETS.items():
                print(f"{label} HTML p95: {next(row[4] for row in rows if row[0] == label):.1f} ms (target {target} ms)")
            print("load average over 1, 5, 15 min: " + ", ".join(f"{load:.1f}" for load in os.getloadavg()) + f" on {os.cpu_count()} cores")
            paths = mix(metadata, args.articles)
            print(f"{'clients':>8}{'requests/s':>12}{'errors':>8}{'HTML p50':>10}{'p95':>8}{'JSON p50':>10}{'p95':>8}  (ms)")
            for clients in (int(number) for number in args.clients.split(",")):
                rate, errors, latencies = asyncio.run(readers(base, paths, clients))
                cells = "".join(f"{percentile(latencies[kind], fraction):>{width}.0f}" for kind in ("HTML", "JSON")
                                for fraction, width in ((0.5, 10), (0.95, 8)))
                print(f"{clients:>8}{rate:>12.1f}{errors:>8}{cells}")
            print("load average over 1, 5, 15 min: " + ", ".join(f"{load:.1f}" for load in os.getloadavg()) + f" on {os.cpu_count()} cores")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
