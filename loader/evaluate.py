"""Score a built database against gold answers (format and rules: tests/data/gold/README.md).

Per article (gold `file` = `articles.path`), each kind of item is matched one
to one with the gold, greedily in gold order; precision, recall and F1 are
summed over all articles. Optional gold items are neither required nor errors.
"""
import json
import re
import sqlite3
import unicodedata
from pathlib import Path

KINDS = ("meetings", "people", "quotes", "figures")
SINGULAR = {"meetings": "meeting", "people": "person", "quotes": "quote", "figures": "figure"}


class GoldError(Exception):
    """A gold folder or file that cannot be read."""


def fold(text):
    text = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def name_key(name):
    return " ".join(re.sub(r"[-'’\u00a0.]", " ", fold(name)).split())


def city_key(city):
    return " ".join(re.sub(r"[-'’\u00a0]", " ", fold(city)).split())


def words(text):
    return set(re.findall(r"\w+", fold(text)))


def jaccard(a, b):
    a, b = words(a), words(b)
    return len(a & b) / len(a | b) if a | b else 1.0


def unit_key(unit):
    first = fold(unit).split()[0] if (unit or "").split() else ""
    return re.sub(r"[sx]$", "", first)


def load_gold(gold_dir):
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError(f"{folder}: no such folder")
    golds = []
    for path in sorted(folder.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            gold["file"]
        except (ValueError, KeyError, UnicodeDecodeError) as error:
            raise GoldError(f"{path}: not a gold file ({error})")
        golds.append(gold)
    if not golds:
        raise GoldError(f"{folder}: no gold *.json files")
    return golds


def load_db(db_path):
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    tables = {row[0] for row in conn.execute("select name from sqlite_master where type='table'")}
    articles = {row["path"]: dict(row) for row in conn.execute("select id, path, published from articles")}
    aliases = {}
    if "person_aliases" in tables:
        for row in conn.execute("select person_id, alias from person_aliases"):
            aliases.setdefault(row["person_id"], []).append(row["alias"])
    data = {}
    for path, article in articles.items():
        aid = article["id"]
        people = [
            dict(row, forms=[row["name"], *aliases.get(row["id"], [])])
            for row in conn.execute(
                "select p.id, p.name, ap.role, ap.country from article_people ap join people p on p.id = ap.person_id where ap.article_id = ? order by p.id",
                (aid,),
            )
        ]
        meetings = [
            dict(row)
            for row in conn.execute(
                "select m.id, m.city, m.date, m.country, m.kind, m.participants, am.status from article_meetings am join meetings m on m.id = am.meeting_id where am.article_id = ? order by m.id",
                (aid,),
            )
        ]
        quotes = [
            dict(row)
            for row in conn.execute(
                "select q.text, q.person_id, p.name from quotes q left join people p on p.id = q.person_id where q.article_id = ? order by q.id",
                (aid,),
            )
        ]
        for quote in quotes:
            quote["forms"] = [quote["name"], *aliases.get(quote["person_id"], [])] if quote["person_id"] else []
        figures = [dict(row) for row in conn.execute("select value, unit, text from figures where article_id = ? order by id", (aid,))]
        data[path] = {"published": article["published"], "people": people, "meetings": meetings, "quotes": quotes, "figures": figures}
    conn.close()
    return data


def same_meeting(gold, found):
    return city_key(gold.get("city")) == city_key(found["city"]) and (gold.get("date") or None) == (found["date"] or None)


def same_person(gold, found):
    gold_forms = {name_key(form) for form in [gold["name"], *gold.get("aliases", [])]}
    return bool(gold_forms & {name_key(form) for form in found["forms"]})


def same_quote(gold, found):
    return jaccard(gold["text"], found["text"]) >= 0.8


def same_figure(gold, found):
    try:
        return float(gold["value"]) == float(found["value"]) and unit_key(gold["unit"]) == unit_key(found["unit"])
    except (TypeError, ValueError):
        return False


MATCHERS = {"meetings": same_meeting, "people": same_person, "quotes": same_quote, "figures": same_figure}


def dedupe_figures(items):
    seen, kept = set(), []
    for item in items:
        key = (float(item["value"]), unit_key(item["unit"]))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def match(kind, gold_items, found_items):
    """Greedy one-to-one matching: (pairs, unmatched gold, unmatched found)."""
    same = MATCHERS[kind]
    if kind == "figures":
        gold_items, found_items = dedupe_figures(gold_items), dedupe_figures(found_items)
    free = list(range(len(found_items)))
    pairs, missed = [], []
    # Required items first, so an optional one never takes a required one's match.
    for gold in sorted(gold_items, key=lambda item: bool(item.get("optional"))):
        if kind == "quotes":
            candidates = sorted(free, key=lambda i: -jaccard(gold["text"], found_items[i]["text"]))
        else:
            candidates = free
        hit = next((i for i in candidates if same(gold, found_items[i])), None)
        if hit is None:
            missed.append(gold)
        else:
            free.remove(hit)
            pairs.append((gold, found_items[hit]))
    return pairs, missed, [found_items[i] for i in free]


def role_ok(gold_role, found_role):
    if not gold_role:
        return True
    gold_words = words(gold_role)
    return len(gold_words & words(found_role or "")) * 2 >= len(gold_words)


def country_ok(gold_country, found_country):
    return fold(gold_country or "") == fold(found_country or "")


def speaker_ok(gold, found):
    if not gold.get("speaker"):
        return not found["person_id"]
    return any(name_key(gold["speaker"]) == name_key(form) for form in found["forms"]) or any(
        name_key(alias) == name_key(form) for alias in gold.get("speaker_aliases", []) for form in found["forms"]
    )


ATTRIBUTES = {
    "meetings": {
        "participants": lambda g, f: g.get("participants") == f["participants"],
        "status": lambda g, f: g.get("status") == f["status"],
        "country": lambda g, f: country_ok(g.get("country"), f["country"]),
        "kind": lambda g, f: g.get("kind") == f["kind"],
    },
    "people": {
        "role": lambda g, f: role_ok(g.get("role"), f["role"]),
        "country": lambda g, f: country_ok(g.get("country"), f["country"]),
    },
    "quotes": {"speaker": speaker_ok},
    "figures": {},
}


def ratio(numerator, denominator):
    return round(numerator / denominator, 4) if denominator else 1.0


def evaluate(db_path, gold_dir):
    golds = load_gold(gold_dir)
    data = load_db(db_path)
    counts = {kind: {"gold": 0, "found": 0, "matched": 0} for kind in KINDS}
    attributes = {kind: {name: [0, 0] for name in ATTRIBUTES[kind]} for kind in KINDS}
    misses = []
    published = [0, 0]
    person_rows, meeting_rows = {}, {}
    for gold in golds:
        article = data.get(gold["file"])
        found = article or {"published": None, "people": [], "meetings": [], "quotes": [], "figures": []}
        report = {"file": gold["file"], "missing_article": article is None, "missed": {}, "spurious": {}, "wrong": []}
        published[1] += 1
        if article is not None and (gold.get("published") or None) == (article["published"] or None):
            published[0] += 1
        elif article is not None:
            report["wrong"].append(f"published: expected {gold.get('published')!r}, found {article['published']!r}")
        # Give every quote's speaker the gold aliases of that person, as the README allows.
        aliases = {p["name"]: p.get("aliases", []) for p in gold.get("people", [])}
        for quote in gold.get("quotes", []):
            quote["speaker_aliases"] = aliases.get(quote.get("speaker"), [])
        for kind in KINDS:
            pairs, missed, spurious = match(kind, gold.get(kind, []), found[kind])
            required_missed = [g for g in missed if not g.get("optional")]
            matched_required = [(g, f) for g, f in pairs if not g.get("optional")]
            gold_required = [g for g in (dedupe_figures(gold.get(kind, [])) if kind == "figures" else gold.get(kind, [])) if not g.get("optional")]
            counts[kind]["gold"] += len(gold_required)
            counts[kind]["found"] += len(matched_required) + len(spurious)
            counts[kind]["matched"] += len(matched_required)
            if required_missed:
                report["missed"][kind] = [describe(kind, g) for g in required_missed]
            if spurious:
                report["spurious"][kind] = [describe(kind, f) for f in spurious]
            for g, f in pairs:
                for name, check in ATTRIBUTES[kind].items():
                    good = check(g, f)
                    attributes[kind][name][0] += good
                    attributes[kind][name][1] += 1
                    if not good:
                        report["wrong"].append(f"{SINGULAR[kind]} {describe(kind, g)}: {name} expected {expected(kind, name, g)!r}, found {found_value(kind, name, f)!r}")
                if kind == "people":
                    person_rows.setdefault(name_key(g["name"]), set()).add(f["id"])
                if kind == "meetings":
                    meeting_rows.setdefault((city_key(g.get("city")), g.get("date")), set()).add(f["id"])
        misses.append(report)
    result = {}
    for kind in KINDS:
        c = counts[kind]
        precision, recall = ratio(c["matched"], c["found"]), ratio(c["matched"], c["gold"])
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        result[kind] = dict(c, precision=precision, recall=recall, f1=f1)
        for name, (good, total) in attributes[kind].items():
            result[kind][f"{name}_accuracy"] = ratio(good, total)
            result[kind][f"{name}_checked"] = total
    result["published_accuracy"] = ratio(*published)
    result["resolution"] = {
        "people": ratio(sum(len(rows) == 1 for rows in person_rows.values()), len(person_rows)),
        "meetings": ratio(sum(len(rows) == 1 for rows in meeting_rows.values()), len(meeting_rows)),
    }
    result["macro_f1"] = round(sum(result[kind]["f1"] for kind in KINDS) / len(KINDS), 4)
    result["articles"] = misses
    return result


def describe(kind, item):
    if kind == "meetings":
        return f"{item.get('city')} {item.get('date')}"
    if kind == "people":
        return item["name"]
    if kind == "quotes":
        return repr(item["text"][:70])
    return f"{item['value']:g} {item['unit']}"


def expected(kind, name, gold):
    return gold.get("speaker") if name == "speaker" else gold.get(name)


def found_value(kind, name, found):
    return found.get("name") if name == "speaker" else found.get(name)


def format_report(report, verbose=False):
    lines = [f"{'kind':<10}{'gold':>6}{'found':>7}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for kind in KINDS:
        r = report[kind]
        lines.append(f"{kind:<10}{r['gold']:>6}{r['found']:>7}{r['matched']:>7}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}")
    lines.append("")
    for kind in KINDS:
        for name in ATTRIBUTES[kind]:
            lines.append(f"{SINGULAR[kind]} {name} accuracy: {report[kind][name + '_accuracy']:.3f} (of {report[kind][name + '_checked']})")
    lines.append(f"published accuracy: {report['published_accuracy']:.3f}")
    lines.append(f"resolution: people {report['resolution']['people']:.3f}, meetings {report['resolution']['meetings']:.3f}")
    lines.append(f"macro F1: {report['macro_f1']:.3f}")
    if verbose:
        for article in report["articles"]:
            if not (article["missed"] or article["spurious"] or article["wrong"] or article["missing_article"]):
                continue
            lines.append(f"\n{article['file']}" + (" (not in the database)" if article["missing_article"] else ""))
            for kind, items in article["missed"].items():
                lines += [f"  missed {SINGULAR[kind]}: {item}" for item in items]
            for kind, items in article["spurious"].items():
                lines += [f"  spurious {SINGULAR[kind]}: {item}" for item in items]
            lines += [f"  wrong {item}" for item in article["wrong"]]
    return "\n".join(lines)
