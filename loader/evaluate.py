"""Score a built database against gold answers (format and rules: tests/data/gold/README.md).

Reads only the database (read-only, the schema contract's tables) and the gold
JSON files; it knows nothing of how the database was made.

Choices the gold README leaves open:
- Matching: per article and kind, a maximum one-to-one matching (augmenting
  paths), so no early choice can cost a later match. Required gold items are
  matched before optional ones and keep their matches, so an optional item
  never takes a required item's partner. Each gold item tries its closest
  candidates first (quotes: higher Jaccard; people: the same name before an
  alias; then more attributes right).
- Optional gold items are out of the scores altogether: matching one is neither
  a hit nor an error, missing one is not a miss, and their attributes and
  resolution are not checked.
- Null is a value: a null gold role, country, participants or speaker is right
  only when ours is null too (the gold leaves a role null when the article
  gives none, so a role of ours there was invented). An empty string is null.
- Cities: one city however spelt is one key, the loader's canonical name of
  it (`places.canonical_city`: "Jeddah" is "Djeddah", "Koweït City" is
  "Koweït"), with the gold README's base near Washington (`SAME_CITY`). A
  city that bears its country's name (its name is that of the country whose
  capital it is) is also the key of a meeting with no city in that country
  ("au Koweït"). Two meetings with no city match whatever their countries.
- Resolution groups gold meetings across articles by that key and the date.
- A gold file whose article is not in the database counts all its items as
  misses and its `published` as wrong; the report lists it.
- Precision or recall with nothing to divide by is 1.0 (nothing found, nothing
  wrong; nothing to find, nothing missed); an accuracy or resolution share with
  nothing checked is None ("n/a"), not a free 1.0.

The corpus view scores the meetings table as a reader sees it, one row per
real meeting:
- Real meetings: the gold meetings of all articles grouped by city key and
  date. Same key and same date string are one real meeting. Then, most
  precise dates first, a gold meeting whose date is a prefix of the dates of
  real meetings of its city ("2022-05" of "2022-05-11") joins the one that
  fits when exactly one does, and is a real meeting of its own when none or
  several do. A gold meeting without a date is a real meeting of its own.
  Real meetings are numbered in the order of their first gold meeting (gold
  files by name, then their order in the file) and labelled by a gold
  meeting with the most precise date.
- A real meeting is required when one of its gold meetings is; one made only
  of optional gold meetings is neither required nor an error: it is not
  counted among the real meetings, and rows standing for it are optional
  rows, counted neither as right nor as wrong.
- Rows: the `meetings` rows linked by `article_meetings` to an article with
  gold (others cannot be judged). Each link is a mention; the per-article
  matching above pairs it with a gold meeting, hence a real meeting, or with
  none. A row stands for the real meeting most of its paired mentions stand
  for, ties to the lowest real meeting number; a row with no paired mention
  is spurious. Of the rows standing for one required real meeting, the
  lowest id is its row and the others are duplicates.
- covered: required real meetings with a row; coverage = covered / real
  meetings; table precision = covered / (rows - optional rows). So rows =
  covered + duplicates + spurious + optional rows.
"""
import functools
import json
import re
import sqlite3
from pathlib import Path

from .lang.fold import fold_words, strip_accents
from .places import canonical_city, capital_country

KINDS = ("meetings", "people", "quotes", "figures")
SINGULAR = {"meetings": "meeting", "people": "person", "quotes": "quote", "figures": "figure"}
QUOTE_THRESHOLD = 0.8


class ScoringError(Exception):
    """The scorer cannot read its inputs."""


class GoldError(ScoringError):
    """A gold folder or file that cannot be read; the message names the file and the problem."""


class DatabaseError(ScoringError):
    """A database that cannot be read as the schema contract describes it."""


# --- normalisation ---------------------------------------------------------

def norm(text):
    """Fold, and make hyphens, apostrophes and no-break spaces plain spaces (the dev set's validate.py)."""
    return fold_words(text or "")


def words(text):
    return set(re.findall(r"\w+", strip_accents(text or "")))


def jaccard(a, b):
    a, b = words(a), words(b)
    return len(a & b) / len(a | b) if a | b else 1.0


def null(value):
    return None if value == "" else value


def figure_key(item):
    """(value, unit word): 12 significant digits absorb float noise such as 1.6 * 10**9."""
    value = item.get("value")
    unit = norm(item.get("unit")).split()
    return (None if value is None else float(f"{float(value):.12g}"), re.sub(r"[sx]$", "", unit[0]) if unit else "")


# The gold README lets a meeting at the air base near Washington be written Andrews; the loader
# names no city from the base, so this is the scorer's alone. Folded name -> the city.
SAME_CITY = {"andrews": "Washington"}


@functools.lru_cache(maxsize=None)
def city_key(city: str) -> str:
    """The folded canonical name of a city however spelt: "Jeddah" and "Djeddah" give "djeddah"."""
    return norm(canonical_city(SAME_CITY.get(norm(city), city)))


@functools.lru_cache(maxsize=None)
def bears_country_name(name: str) -> bool:
    """Whether a name is at once a country's and its capital's ("Koweït", "Singapour")."""
    capital_of = capital_country(canonical_city(name))
    return capital_of is not None and norm(capital_of) == city_key(name)


def place_key(item):
    """The city key of a meeting; with no city, that of a country bearing its capital's name, else None."""
    city, country = null(item.get("city")), null(item.get("country"))
    if city is not None:
        return city_key(city)
    return city_key(country) if country is not None and bears_country_name(country) else None


def same_city(gold, found):
    return (null(gold.get("city")) is None and null(found.get("city")) is None) or place_key(gold) == place_key(found)


def meeting_key(item):
    return (place_key(item), null(item.get("date")))


# --- gold ------------------------------------------------------------------

REQUIRED_FIELDS = {"meetings": ("date",), "people": ("name",), "quotes": ("text",), "figures": ("value", "unit")}


def _check_item(path, kind, index, item):
    where = f"{path}: {kind}[{index}]"
    if not isinstance(item, dict):
        raise GoldError(f"{where}: not an object")
    for field in REQUIRED_FIELDS[kind]:
        if field not in item:
            raise GoldError(f"{where}: no {field!r}")
    if kind == "figures" and (isinstance(item["value"], bool) or not isinstance(item["value"], (int, float))):
        raise GoldError(f"{where}: value {item['value']!r} is not a number")
    if kind in ("people", "quotes") and not isinstance(item[REQUIRED_FIELDS[kind][0]], str):
        raise GoldError(f"{where}: {REQUIRED_FIELDS[kind][0]} is not a string")


def load_gold(gold_dir):
    """Every *.json of the folder, sorted by name, checked enough to be scored."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError(f"{folder}: no such folder")
    golds, seen = [], {}
    for path in sorted(folder.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise GoldError(f"{path}: unreadable JSON ({error})") from error
        if not isinstance(gold, dict) or not isinstance(gold.get("file"), str):
            raise GoldError(f"{path}: no \"file\" naming the article")
        if gold["file"] in seen:
            raise GoldError(f"{path}: {gold['file']} already has gold in {seen[gold['file']].name}")
        seen[gold["file"]] = path
        for kind in KINDS:
            items = gold.setdefault(kind, [])
            if not isinstance(items, list):
                raise GoldError(f"{path}: {kind} is not a list")
            for index, item in enumerate(items):
                _check_item(path, kind, index, item)
        golds.append(gold)
    if not golds:
        # Gold is often kept one folder down per corpus (gold/seeds/, gold/dev/): point there.
        below = sorted(child.name + "/" for child in folder.iterdir() if child.is_dir() and any(child.glob("*.json")))
        hint = f"; they are one folder down, in {', '.join(below)}: name {'that folder' if len(below) == 1 else 'one of them'}" if below else ""
        raise GoldError(f"{folder}: no gold *.json files{hint}")
    return golds


# --- database --------------------------------------------------------------

def _rows(conn, sql):
    return [dict(row) for row in conn.execute(sql)]


def load_db(db_path):
    """{article path: {"published", "meetings", "people", "quotes", "figures"}} as the database tells them."""
    try:
        conn = sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise DatabaseError(f"{db_path}: cannot open ({error})") from error
    conn.row_factory = sqlite3.Row
    try:
        tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
        aliases = {}
        if "person_aliases" in tables:
            for row in conn.execute("select person_id, alias from person_aliases order by person_id, alias"):
                aliases.setdefault(row["person_id"], []).append(row["alias"])
        articles = _rows(conn, "select id, path, published from articles order by id")
        # The date and the count as each article gives them, where the database keeps them (the row
        # holds the most precise date and the count most articles give).
        own = {row[1] for row in conn.execute("pragma table_info(article_meetings)")} >= {"date", "participants"}
        told = "am.date, am.participants" if own else "m.date, m.participants"
        meetings = _rows(conn, f"""select am.article_id, m.id, m.city, {told}, m.country, m.kind, am.status
            from article_meetings am join meetings m on m.id = am.meeting_id order by am.article_id, m.id""")
        people = _rows(conn, """select ap.article_id, p.id, p.name, ap.role, ap.country
            from article_people ap join people p on p.id = ap.person_id order by ap.article_id, p.id""")
        quotes = _rows(conn, """select q.article_id, q.id, q.text, q.person_id, p.name as speaker
            from quotes q left join people p on p.id = q.person_id order by q.article_id, q.id""")
        figures = _rows(conn, "select article_id, id, value, unit, text from figures order by article_id, id")
    except sqlite3.Error as error:
        raise DatabaseError(f"{db_path}: not a coalition database ({error})") from error
    finally:
        conn.close()
    for person in people:
        person["aliases"] = aliases.get(person["id"], [])
    for quote in quotes:
        quote["speaker_aliases"] = aliases.get(quote["person_id"], [])
    by_id = {a["id"]: {"published": a["published"], **{kind: [] for kind in KINDS}} for a in articles}
    for kind, rows in (("meetings", meetings), ("people", people), ("quotes", quotes), ("figures", figures)):
        for row in rows:
            by_id[row.pop("article_id")][kind].append(row)
    return {a["path"]: by_id[a["id"]] for a in articles}


# --- matching --------------------------------------------------------------

def gold_forms(person):
    return {norm(form) for form in [person["name"], *(person.get("aliases") or [])]}


def found_forms(name, aliases):
    return {norm(form) for form in [name, *aliases] if form}


def same_item(kind, gold, found):
    if kind == "meetings":
        return same_city(gold, found) and null(gold.get("date")) == null(found.get("date"))
    if kind == "people":
        return bool(gold_forms(gold) & found_forms(found["name"], found["aliases"]))
    if kind == "quotes":
        return jaccard(gold["text"], found["text"]) >= QUOTE_THRESHOLD
    return figure_key(gold) == figure_key(found)


def similarity(kind, gold, found):
    if kind == "quotes":
        return jaccard(gold["text"], found["text"])
    if kind == "people":
        return float(norm(gold["name"]) == norm(found["name"]))
    return 0.0


def dedupe_figures(items):
    """One item per value + unit word; a required gold item wins over an optional one."""
    kept = {}
    for item in sorted(items, key=lambda item: bool(item.get("optional"))):
        kept.setdefault(figure_key(item), item)
    return [item for item in items if kept.get(figure_key(item)) is item]


def match(kind, golds, founds, people):
    """{gold index: found index}, one to one, as many as possible; required gold items first."""
    def closeness(g, f):
        right = sum(check(golds[g], founds[f], people)[0] for check in ATTRIBUTES[kind].values())
        return (similarity(kind, golds[g], founds[f]), right)

    candidates = {
        g: sorted((f for f in range(len(founds)) if same_item(kind, golds[g], founds[f])), key=lambda f: closeness(g, f), reverse=True)
        for g in range(len(golds))
    }
    owner = {}  # found index -> gold index

    def augment(g, visited):
        for f in candidates[g]:
            if f not in visited:
                visited.add(f)
                if f not in owner or augment(owner[f], visited):
                    owner[f] = g
                    return True
        return False

    for g in sorted(range(len(golds)), key=lambda g: bool(golds[g].get("optional"))):
        augment(g, set())
    return {g: f for f, g in owner.items()}


# --- attributes ------------------------------------------------------------
# Each check: (gold item, found item, gold people of the article) -> (right, expected, found).

def same_value(field):
    def check(gold, found, people):
        expected, ours = null(gold.get(field)), null(found.get(field))
        return expected == ours, expected, ours
    return check


def same_country(gold, found, people):
    expected, ours = null(gold.get("country")), null(found.get("country"))
    return norm(expected) == norm(ours) and (expected is None) == (ours is None), expected, ours


def role_right(gold, found, people):
    expected, ours = null(gold.get("role")), null(found.get("role"))
    if expected is None:
        return ours is None, expected, ours
    wanted = words(expected)
    return 2 * len(wanted & words(ours)) >= len(wanted), expected, ours


def speaker_right(gold, found, people):
    expected = null(gold.get("speaker"))
    if expected is None:
        return found["person_id"] is None, expected, found["speaker"]
    forms = next((gold_forms(person) for person in people if person["name"] == expected), {norm(expected)})
    ours = found_forms(found["speaker"], found["speaker_aliases"]) if found["person_id"] is not None else set()
    return bool(forms & ours), expected, found["speaker"]


ATTRIBUTES = {
    "meetings": {"participants": same_value("participants"), "status": same_value("status"), "country": same_country, "kind": same_value("kind")},
    "people": {"role": role_right, "country": same_country},
    "quotes": {"speaker": speaker_right},
    "figures": {},
}


# --- scoring ---------------------------------------------------------------

def ratio(part, whole):
    return part / whole if whole else 1.0


def share(right, total):
    return right / total if total else None


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def describe(kind, item):
    if kind == "meetings":
        return f"{item.get('city') or '(no city)'} {item.get('date')}"
    if kind == "people":
        return item["name"]
    if kind == "quotes":
        text = item["text"]
        return repr(text if len(text) <= 70 else text[:69] + "…")
    value = item.get("value")
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 1600000000, not 1.6e+09
    return f"{value} {item.get('unit')}"


def score_article(gold, found, tally, identities, mentions):
    """Match one article's items; add to the tallies and to the meeting mentions (row id, row label,
    the (file, index) of the gold meeting it matched or None); return its misses."""
    result = {"file": gold["file"], "in_database": found is not None, "missed": {}, "spurious": {}, "wrong": []}
    found = found or {"published": None, **{kind: [] for kind in KINDS}}
    published_right = result["in_database"] and null(gold.get("published")) == null(found["published"])
    tally["published"][0] += published_right
    tally["published"][1] += 1
    if result["in_database"] and not published_right:
        result["wrong"].append({"kind": "article", "item": gold["file"], "attribute": "published", "expected": gold.get("published"), "found": found["published"]})
    for kind in KINDS:
        golds, founds = gold[kind], found[kind]
        if kind == "figures":
            golds, founds = dedupe_figures(golds), dedupe_figures(founds)
        pairs = match(kind, golds, founds, gold["people"])
        if kind == "meetings":
            matched_gold = {f: g for g, f in pairs.items()}
            mentions += [(row["id"], describe(kind, row), (gold["file"], matched_gold[f]) if f in matched_gold else None)
                         for f, row in enumerate(founds)]
        required = [g for g in range(len(golds)) if not golds[g].get("optional")]
        hits = [g for g in required if g in pairs]
        spurious = sorted(set(range(len(founds))) - set(pairs.values()))
        counts = tally[kind]
        counts["gold"] += len(required)
        counts["matched"] += len(hits)
        counts["found"] += len(hits) + len(spurious)
        missed = [golds[g] for g in required if g not in pairs]
        if missed:
            result["missed"][kind] = missed
        if spurious:
            result["spurious"][kind] = [founds[f] for f in spurious]
        for g in hits:
            item, row = golds[g], founds[pairs[g]]
            for name, check in ATTRIBUTES[kind].items():
                right, expected, ours = check(item, row, gold["people"])
                counts[name][0] += right
                counts[name][1] += 1
                if not right:
                    result["wrong"].append({"kind": SINGULAR[kind], "item": describe(kind, item), "attribute": name, "expected": expected, "found": ours})
            if kind in identities:
                key = norm(item["name"]) if kind == "people" else meeting_key(item)
                label, rows = identities[kind].setdefault(key, (describe(kind, item), {}))
                rows[row["id"]] = describe(kind, row)
    return result


def evaluate(db_path, gold_dir):
    """The scores of the database at db_path against the gold folder, as a JSON-ready dict."""
    golds = load_gold(gold_dir)
    data = load_db(db_path)
    tally = {kind: {"gold": 0, "found": 0, "matched": 0, **{name: [0, 0] for name in ATTRIBUTES[kind]}} for kind in KINDS}
    tally["published"] = [0, 0]
    identities = {"people": {}, "meetings": {}}
    mentions = []
    articles = [score_article(gold, data.get(gold["file"]), tally, identities, mentions) for gold in golds]

    report = {}
    for kind in KINDS:
        counts = tally[kind]
        precision, recall = ratio(counts["matched"], counts["found"]), ratio(counts["matched"], counts["gold"])
        report[kind] = {"gold": counts["gold"], "found": counts["found"], "matched": counts["matched"],
                        "precision": precision, "recall": recall, "f1": f1(precision, recall)}
        for name in ATTRIBUTES[kind]:
            right, checked = counts[name]
            report[kind].update({f"{name}_accuracy": share(right, checked), f"{name}_right": right, f"{name}_checked": checked})
    report["published_accuracy"] = share(*tally["published"])
    report["published_right"], report["published_checked"] = tally["published"]

    report["resolution"], failures = {}, {}
    for kind, groups in identities.items():
        split = [(label, rows) for label, rows in groups.values() if len(rows) > 1]
        resolved = len(groups) - len(split)
        report["resolution"].update({kind: share(resolved, len(groups)), f"{kind}_resolved": resolved, f"{kind}_checked": len(groups)})
        failures[kind] = [{"gold": label, "rows": [{"id": row_id, "name": name} for row_id, name in sorted(rows.items())]} for label, rows in split]
    report["resolution_failures"] = failures
    report["macro_f1"] = sum(report[kind]["f1"] for kind in KINDS) / len(KINDS)
    report["corpus_view"] = corpus_view(golds, mentions)
    report["missing_articles"] = [a["file"] for a in articles if not a["in_database"]]
    report["unscored_articles"] = sorted(set(data) - {gold["file"] for gold in golds})
    report["articles"] = articles
    return report


# --- corpus view -----------------------------------------------------------

def real_meetings(golds):
    """The gold meetings grouped into real meetings (rules in the module docstring): a list of
    {"id", "label", "required", "files"}, and {(file, index): id}."""
    items = [(gold["file"], index, item) for gold in golds for index, item in enumerate(gold["meetings"])]
    groups, by_key, members = [], {}, {}
    # Most precise dates first, so that a date known to the month finds the days it may be.
    for file, index, item in sorted(items, key=lambda entry: -len(null(entry[2]["date"]) or "")):
        date = null(item["date"])
        key = meeting_key(item)
        group = by_key.get(key) if date is not None else None
        if group is None and date is not None:
            fits = [other for other in groups if other["place"] == key[0] and other["date"] is not None
                    and other["date"] != date and other["date"].startswith(date)]
            group = fits[0] if len(fits) == 1 else None
        if group is None:
            group = {"place": key[0], "date": date, "label": describe("meetings", item), "members": []}
            groups.append(group)
        if date is not None:
            by_key[key] = group
        group["members"].append((file, index, item))
    order = {(file, index): position for position, (file, index, _) in enumerate(items)}
    groups.sort(key=lambda group: min(order[file, index] for file, index, _ in group["members"]))
    meetings = []
    for number, group in enumerate(groups, 1):
        meetings.append({"id": number, "label": group["label"], "required": any(not item.get("optional") for _, _, item in group["members"]),
                         "files": sorted({file for file, _, _ in group["members"]})})
        for file, index, _ in group["members"]:
            members[file, index] = number
    return meetings, members


def corpus_view(golds, mentions):
    """The meetings table against the real meetings: counts, and the rows and meetings that miss."""
    meetings, members = real_meetings(golds)
    by_id = {meeting["id"]: meeting for meeting in meetings}
    votes, labels = {}, {}
    for row_id, label, member in mentions:
        labels[row_id] = label
        row_votes = votes.setdefault(row_id, {})
        if member is not None:
            real = members[member]
            row_votes[real] = row_votes.get(real, 0) + 1
    rows_of, spurious, optional = {}, [], 0
    for row_id in sorted(votes):
        if not votes[row_id]:
            spurious.append({"id": row_id, "label": labels[row_id]})
            continue
        real = min(votes[row_id], key=lambda number: (-votes[row_id][number], number))
        if by_id[real]["required"]:
            rows_of.setdefault(real, []).append(row_id)
        else:
            optional += 1
    duplicates = [{"id": row_id, "label": labels[row_id], "real_meeting": real, "real_label": by_id[real]["label"], "first_row": rows[0]}
                  for real, rows in sorted(rows_of.items()) for row_id in rows[1:]]
    required = [meeting for meeting in meetings if meeting["required"]]
    uncovered = [{key: meeting[key] for key in ("id", "label", "files")} for meeting in required if meeting["id"] not in rows_of]
    covered = len(rows_of)
    return {
        "real_meetings": len(required), "rows": len(votes), "duplicate_rows": len(duplicates), "spurious_rows": len(spurious),
        "optional_rows": optional, "covered": covered, "coverage": ratio(covered, len(required)),
        "table_precision": ratio(covered, len(votes) - optional),
        "duplicates": duplicates, "spurious": spurious, "uncovered": uncovered,
    }


# --- text report -----------------------------------------------------------

def _ratio(value):
    return "n/a" if value is None else f"{value:.3f}"


def format_report(report, verbose=False):
    """The scores as a table; with verbose, every miss, spurious item and wrong attribute per article."""
    lines = [f"{'kind':<10}{'gold':>6}{'found':>7}{'matched':>9}{'P':>8}{'R':>8}{'F1':>8}"]
    for kind in KINDS:
        r = report[kind]
        lines.append(f"{kind:<10}{r['gold']:>6}{r['found']:>7}{r['matched']:>9}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}")
    lines += ["", "accuracy on matched items"]
    for kind in KINDS:
        for name in ATTRIBUTES[kind]:
            r = report[kind]
            lines.append(f"  {SINGULAR[kind] + ' ' + name:<22}{_ratio(r[name + '_accuracy']):>7}  ({r[name + '_right']}/{r[name + '_checked']})")
    lines.append(f"  {'published':<22}{_ratio(report['published_accuracy']):>7}  ({report['published_right']}/{report['published_checked']})")
    lines.append("resolution (one row per gold item)")
    for kind in ("people", "meetings"):
        r = report["resolution"]
        lines.append(f"  {kind:<22}{_ratio(r[kind]):>7}  ({r[kind + '_resolved']}/{r[kind + '_checked']})")
    view = report["corpus_view"]
    lines.append("corpus view (the meetings table, one row per real meeting)")
    lines.append(f"  {'real meetings':<22}{view['real_meetings']:>7}")
    for name in ("rows", "duplicate rows", "spurious rows", "optional rows"):
        lines.append(f"  {name:<22}{view[name.replace(' ', '_')]:>7}")
    lines.append(f"  {'coverage':<22}{view['coverage']:>7.3f}  ({view['covered']}/{view['real_meetings']})")
    lines.append(f"  {'table precision':<22}{view['table_precision']:>7.3f}  ({view['covered']}/{view['rows'] - view['optional_rows']})")
    lines.append(f"macro F1: {report['macro_f1']:.3f}")
    if report["missing_articles"]:
        lines.append(f"not in the database, all their items counted as misses: {', '.join(report['missing_articles'])}")
    if report["unscored_articles"]:
        lines.append(f"in the database without gold, not scored: {len(report['unscored_articles'])} article(s)")
    if verbose:
        lines += _misses(report)
    return "\n".join(lines)


def _misses(report):
    lines = []
    for article in report["articles"]:
        if not (article["missed"] or article["spurious"] or article["wrong"]) and article["in_database"]:
            continue
        lines.append("")
        lines.append(article["file"] + ("" if article["in_database"] else "  (not in the database)"))
        for kind, items in article["missed"].items():
            lines += [f"  missed   {SINGULAR[kind]}: {describe(kind, item)}" for item in items]
        for kind, items in article["spurious"].items():
            lines += [f"  spurious {SINGULAR[kind]}: {describe(kind, item)}" for item in items]
        for wrong in article["wrong"]:
            lines.append(f"  wrong    {wrong['kind']} {wrong['item']}: {wrong['attribute']} expected {wrong['expected']!r}, found {wrong['found']!r}")
    for kind, failures in report["resolution_failures"].items():
        for failure in failures:
            rows = ", ".join(f"#{row['id']} {row['name']}" for row in failure["rows"])
            lines.append(f"\nsplit {SINGULAR[kind]}: {failure['gold']} is {len(failure['rows'])} rows: {rows}")
    view = report["corpus_view"]
    if view["duplicates"] or view["spurious"] or view["uncovered"]:
        lines.append("")
    for row in view["duplicates"]:
        lines.append(f"duplicate row #{row['id']} {row['label']}: real meeting {row['real_meeting']} {row['real_label']} is row #{row['first_row']}")
    for row in view["spurious"]:
        lines.append(f"spurious row #{row['id']} {row['label']}")
    for meeting in view["uncovered"]:
        lines.append(f"real meeting without a row: {meeting['id']} {meeting['label']} ({', '.join(meeting['files'])})")
    return lines
