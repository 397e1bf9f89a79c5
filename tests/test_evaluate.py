"""The scorer, on small databases holding exact rows (the schema contract only) and tiny gold folders."""
import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

from loader.cli import cli
from loader.evaluate import DatabaseError, GoldError, evaluate, format_report, jaccard, load_gold, real_meetings

# The schema contract's tables and columns, and nothing else: the scorer may rely on no more.
CONTRACT = """
create table articles (id integer primary key, path text unique not null, sha256, title, published,
    published_precision, url, outlet, byline, credits, body, raw);
create table meetings (id integer primary key, date, date_precision, city, country, latitude, longitude, kind,
    participants integer);
create table article_meetings (article_id, meeting_id, status);
create table people (id integer primary key, name unique, role, country);
create table article_people (article_id, person_id, role, country);
create table person_aliases (person_id, alias);
create table quotes (id integer primary key, article_id, person_id, attribution, meeting_id, text, start, "end");
create table figures (id integer primary key, article_id, meeting_id, value real, unit, approximate, qualifier,
    text, start, "end");
"""

KERRY = {"name": "John Kerry", "aliases": ["Kerry"], "role": "secrétaire d'Etat américain", "country": "Etats-Unis"}
KERRY_QUOTE = "Nous ne laisserons aucun répit aux terroristes de Daech"


def make_db(path, articles=((1, "a.txt", "2014-12-03"),), people=(), aliases=(), article_people=(), meetings=(),
            article_meetings=(), quotes=(), figures=()):
    """Rows as given: people (id, name), article_people (article, person, role, country), meetings (id, city,
    date, country, kind, participants), article_meetings (article, meeting, status), quotes (article, person,
    text), figures (article, value, unit)."""
    conn = sqlite3.connect(path)
    conn.executescript(CONTRACT)
    conn.executemany("insert into articles (id, path, published) values (?, ?, ?)", articles)
    conn.executemany("insert into people (id, name) values (?, ?)", people)
    conn.executemany("insert into person_aliases values (?, ?)", aliases)
    conn.executemany("insert into article_people values (?, ?, ?, ?)", article_people)
    conn.executemany("insert into meetings (id, city, date, country, kind, participants) values (?, ?, ?, ?, ?, ?)", meetings)
    conn.executemany("insert into article_meetings values (?, ?, ?)", article_meetings)
    conn.executemany("insert into quotes (article_id, person_id, text, start, [end]) values (?, ?, ?, 0, 0)", quotes)
    conn.executemany("insert into figures (article_id, value, unit, text, start, [end]) values (?, ?, ?, '', 0, 0)", figures)
    conn.commit()
    conn.close()
    return path


def write_gold(folder, file="a.txt", published="2014-12-03", **items):
    folder.mkdir(exist_ok=True)
    gold = {"file": file, "published": published, "meetings": [], "people": [], "quotes": [], "figures": []}
    gold.update(items)
    (folder / file.replace(".txt", ".json")).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


def quote(text, speaker=None, **extra):
    return {"speaker": speaker, "attribution": None if speaker else "un diplomate", "text": text, **extra}


def figure(value, unit, **extra):
    return {"value": value, "unit": unit, "text": f"{value} {unit}", **extra}


def test_a_perfect_database_scores_one(tmp_path):
    db = make_db(
        tmp_path / "db.db",
        people=[(1, "John Kerry"), (2, "Federica Mogherini")],
        article_people=[(1, 1, "secrétaire d'Etat américain", "Etats-Unis"), (1, 2, "haute représentante de l'UE", None)],
        meetings=[(1, "Bruxelles", "2014-12-03", "Belgique", "ministerial", 60), (2, None, "2015", None, "small_group", None)],
        article_meetings=[(1, 1, "held"), (1, 2, "announced")],
        quotes=[(1, 1, KERRY_QUOTE), (1, None, "Ce sera une campagne de longue haleine")],
        figures=[(1, 60, "pays"), (1, 1.6 * 10**9, "dollars")],
    )
    gold = write_gold(
        tmp_path / "gold",
        meetings=[{"city": "Bruxelles", "country": "Belgique", "date": "2014-12-03", "status": "held", "participants": 60, "kind": "ministerial"},
                  {"city": None, "country": None, "date": "2015", "status": "announced", "participants": None, "kind": "small_group"}],
        people=[KERRY, {"name": "Federica Mogherini", "role": "haute représentante de l'UE", "country": None}],
        quotes=[quote(KERRY_QUOTE, "John Kerry"), quote("Ce sera une campagne de longue haleine")],
        figures=[figure(60, "pays"), figure(1600000000, "dollars")],
    )
    report = evaluate(db, gold)
    for kind in ("meetings", "people", "quotes", "figures"):
        assert (report[kind]["precision"], report[kind]["recall"], report[kind]["f1"]) == (1.0, 1.0, 1.0)
    assert report["meetings"]["gold"] == 2 and report["quotes"]["found"] == 2
    for kind, name in [("meetings", "participants"), ("meetings", "status"), ("meetings", "country"), ("meetings", "kind"),
                       ("people", "role"), ("people", "country"), ("quotes", "speaker")]:
        assert report[kind][f"{name}_accuracy"] == 1.0
    assert (report["published_accuracy"], report["resolution"]["people"], report["resolution"]["meetings"]) == (1.0, 1.0, 1.0)
    assert report["macro_f1"] == 1.0
    assert (report["missing_articles"], report["unscored_articles"]) == ([], [])
    json.dumps(report)
    text = format_report(report, verbose=True)
    assert "macro F1: 1.000" in text and "missed" not in text and "wrong" not in text


def test_a_missing_quote_lowers_recall_and_a_spurious_one_precision(tmp_path):
    db = make_db(tmp_path / "db.db", quotes=[(1, None, KERRY_QUOTE), (1, None, "Il faut frapper fort et vite")])
    gold = write_gold(tmp_path / "gold", quotes=[quote(KERRY_QUOTE), quote("La coalition tiendra bon jusqu'au bout")])
    quotes = evaluate(db, gold)["quotes"]
    assert (quotes["gold"], quotes["found"], quotes["matched"]) == (2, 2, 1)
    assert (quotes["precision"], quotes["recall"], quotes["f1"]) == (0.5, 0.5, 0.5)
    text = format_report(evaluate(db, gold), verbose=True)
    assert "missed   quote: \"La coalition tiendra bon jusqu'au bout\"" in text
    assert "spurious quote: 'Il faut frapper fort et vite'" in text


def test_optional_items_are_neither_required_nor_errors(tmp_path):
    # The optional quote is found, the optional figure is not: neither changes a score.
    db = make_db(tmp_path / "db.db", quotes=[(1, None, KERRY_QUOTE), (1, None, "de longue haleine")], figures=[(1, 60, "pays")])
    gold = write_gold(
        tmp_path / "gold",
        quotes=[quote("de longue haleine", optional=True), quote(KERRY_QUOTE)],
        figures=[figure(60, "pays"), figure(700, "km²", optional=True)],
    )
    report = evaluate(db, gold)
    assert (report["quotes"]["gold"], report["quotes"]["found"], report["quotes"]["matched"]) == (1, 1, 1)
    assert (report["figures"]["gold"], report["figures"]["found"], report["figures"]["matched"]) == (1, 1, 1)
    assert report["quotes"]["speaker_checked"] == 1


def test_an_optional_item_never_takes_a_required_ones_match(tmp_path):
    db = make_db(tmp_path / "db.db", quotes=[(1, None, KERRY_QUOTE)])
    gold = write_gold(tmp_path / "gold", quotes=[quote(KERRY_QUOTE, optional=True), quote(KERRY_QUOTE + " ici")])
    assert evaluate(db, gold)["quotes"]["recall"] == 1.0


def test_matching_is_one_to_one_and_maximal(tmp_path):
    # The first gold quote is closest to the first found one, which the second gold quote needs:
    # taking the closest first would lose a match.
    first = "la coalition poursuivra ses frappes contre Daech en Irak en Syrie"
    second = "la coalition poursuivra ses frappes en Irak et en Syrie"
    found = ["la coalition poursuivra ses frappes contre Daech en Irak et en Syrie",
             "demain, la coalition poursuivra aussi ses frappes contre Daech en Irak en Syrie"]
    assert jaccard(first, found[0]) > jaccard(first, found[1]) >= 0.8 > jaccard(second, found[1])
    db = make_db(tmp_path / "db.db", quotes=[(1, None, text) for text in found])
    gold = write_gold(tmp_path / "gold", quotes=[quote(first), quote(second)])
    assert evaluate(db, gold)["quotes"]["matched"] == 2
    # One found item serves one gold item only.
    db = make_db(tmp_path / "one.db", quotes=[(1, None, found[0])])
    assert evaluate(db, gold)["quotes"]["matched"] == 1


def test_names_and_cities_match_without_case_accents_hyphens_or_apostrophes(tmp_path):
    db = make_db(
        tmp_path / "db.db",
        people=[(1, "Haïder al-Abadi"), (2, "jean yves le drian"), (3, "Mohammed Ben Moussa")],
        aliases=[(3, "N’Diaye")],
        article_people=[(1, 1, None, None), (1, 2, None, None), (1, 3, None, None)],
        meetings=[(1, "koweit", "2018-02-13", None, None, None)],
        article_meetings=[(1, 1, "held")],
    )
    gold = write_gold(
        tmp_path / "gold",
        people=[{"name": "Haider Al Abadi", "role": None, "country": None},
                {"name": "Jean-Yves Le Drian", "role": None, "country": None},
                {"name": "Ibrahima N'Diaye", "aliases": ["N'Diaye"], "role": None, "country": None}],
        meetings=[{"city": "Koweït", "country": None, "date": "2018-02-13", "status": "held", "participants": None, "kind": None}],
    )
    report = evaluate(db, gold)
    assert (report["people"]["matched"], report["people"]["f1"]) == (3, 1.0)
    assert report["meetings"]["f1"] == 1.0


def test_a_meeting_needs_the_same_date_string(tmp_path):
    db = make_db(tmp_path / "db.db", meetings=[(1, "Londres", "2015-01-22", None, "small_group", None)], article_meetings=[(1, 1, "held")])
    gold = write_gold(tmp_path / "gold", meetings=[{"city": "Londres", "country": None, "date": "2015-01", "status": "held", "participants": None, "kind": "small_group"}])
    meetings = evaluate(db, gold)["meetings"]
    assert (meetings["matched"], meetings["precision"], meetings["recall"]) == (0, 0.0, 0.0)


def test_one_value_and_unit_counts_once_on_both_sides(tmp_path):
    db = make_db(tmp_path / "db.db", figures=[(1, 14000, "combattants"), (1, 14000, "Combattant"), (1, 14000, "hommes")])
    gold = write_gold(tmp_path / "gold", figures=[figure(14000, "combattants étrangers"), figure(14000.0, "combattant")])
    figures = evaluate(db, gold)["figures"]
    # 14000 combattants once each side, matched; 14000 hommes is another unit, so spurious.
    assert (figures["gold"], figures["found"], figures["matched"]) == (1, 2, 1)


def test_a_figure_needs_the_same_value(tmp_path):
    db = make_db(tmp_path / "db.db", figures=[(1, 1400, "combattants"), (1, 2 * 10**9, "dollars")])
    gold = write_gold(tmp_path / "gold", figures=[figure(14000, "combattants")])
    report = evaluate(db, gold)
    assert report["figures"]["matched"] == 0
    assert "spurious figure: 1400 combattants\n  spurious figure: 2000000000 dollars" in format_report(report, verbose=True)


@pytest.mark.parametrize("found, similarity, matched", [
    ("NOUS ne laisserons aucun repit aux terroristes de Daech", 1.0, 1),
    ("ne laisserons aucun répit aux terroristes de Daech", 8 / 9, 1),
    ("nous ne laisserons aucun répit aux terroristes du Daech", 0.8, 1),
    ("nous ne laisserons aucun répit aux terroristes", 7 / 9, 0),
])
def test_quotes_match_from_a_jaccard_of_0_8(tmp_path, found, similarity, matched):
    assert jaccard(KERRY_QUOTE, found) == pytest.approx(similarity)
    db = make_db(tmp_path / "db.db", quotes=[(1, None, found)])
    gold = write_gold(tmp_path / "gold", quotes=[quote(KERRY_QUOTE)])
    assert evaluate(db, gold)["quotes"]["matched"] == matched


def test_the_speaker_may_be_named_by_an_alias_on_either_side(tmp_path):
    # Carter: our name is a gold alias. Kerry: the gold name is one of our aliases.
    carter = {"name": "Ashton Carter", "aliases": ["Ash Carter"], "role": None, "country": None}
    db = make_db(
        tmp_path / "db.db",
        people=[(1, "Ash Carter"), (2, "Kerry"), (3, "Laurent Fabius")],
        aliases=[(2, "John Kerry")],
        article_people=[(1, 1, None, None), (1, 2, None, None), (1, 3, None, None)],
        quotes=[(1, 1, "Nous accélérons la campagne"), (1, 2, KERRY_QUOTE), (1, 3, "Daech recule partout"), (1, 1, "La coalition est unie")],
    )
    gold = write_gold(
        tmp_path / "gold",
        people=[carter, {"name": "John Kerry", "role": None, "country": None}, {"name": "Laurent Fabius", "role": None, "country": None}],
        quotes=[quote("Nous accélérons la campagne", "Ashton Carter"), quote(KERRY_QUOTE, "John Kerry"),
                quote("Daech recule partout", "John Kerry"), quote("La coalition est unie")],
    )
    report = evaluate(db, gold)
    assert (report["quotes"]["speaker_right"], report["quotes"]["speaker_checked"]) == (2, 4)
    text = format_report(report, verbose=True)
    assert "wrong    quote 'Daech recule partout': speaker expected 'John Kerry', found 'Laurent Fabius'" in text
    assert "wrong    quote 'La coalition est unie': speaker expected None, found 'Ash Carter'" in text


@pytest.mark.parametrize("gold_role, role, right", [
    ("secrétaire d'Etat américain", "secretaire d'État", True),  # 3 of its 4 words
    ("secrétaire d'Etat américain", "secrétaire général", False),  # 1 of 4
    ("ministre des Affaires étrangères", "ministre français des affaires étrangères", True),
    (None, None, True),
    (None, "président", False),  # the article gives no role: ours is invented
])
def test_role_needs_half_the_gold_words_and_null_needs_null(tmp_path, gold_role, role, right):
    db = make_db(tmp_path / "db.db", people=[(1, "John Kerry")], article_people=[(1, 1, role, "États-Unis")])
    gold = write_gold(tmp_path / "gold", people=[{**KERRY, "role": gold_role}])
    report = evaluate(db, gold)
    assert (report["people"]["role_accuracy"], report["people"]["country_accuracy"]) == (float(right), 1.0)


def test_meeting_status_is_read_per_article(tmp_path):
    meeting = {"city": "Paris", "country": "France", "date": "2014-09-15", "participants": 30, "kind": "ministerial"}
    db = make_db(
        tmp_path / "db.db",
        articles=[(1, "a.txt", "2014-09-11"), (2, "b.txt", "2014-09-15")],
        meetings=[(1, "Paris", "2014-09-15", "France", "ministerial", 30)],
        article_meetings=[(1, 1, "announced"), (2, 1, "announced")],
    )
    gold = write_gold(tmp_path / "gold", "a.txt", "2014-09-11", meetings=[{**meeting, "status": "announced"}])
    write_gold(gold, "b.txt", "2014-09-15", meetings=[{**meeting, "status": "held"}])
    report = evaluate(db, gold)
    assert (report["meetings"]["status_right"], report["meetings"]["status_checked"]) == (1, 2)
    assert report["meetings"]["participants_accuracy"] == 1.0


def test_resolution_fails_when_one_gold_person_or_meeting_is_two_rows(tmp_path):
    db = make_db(
        tmp_path / "db.db",
        articles=[(1, "a.txt", "2014-12-03"), (2, "b.txt", "2015-01-22")],
        people=[(1, "John Kerry"), (2, "Kerry"), (3, "Philip Hammond")],
        article_people=[(1, 1, None, None), (1, 3, None, None), (2, 2, None, None), (2, 3, None, None)],
        meetings=[(1, "Londres", "2015-01-22", None, "small_group", None), (2, "Bruxelles", "2014-12-03", None, "ministerial", None)],
        article_meetings=[(1, 1, "announced"), (1, 2, "held"), (2, 1, "held"), (2, 2, "held")],
    )
    london = {"city": "Londres", "country": None, "date": "2015-01-22", "participants": None, "kind": "small_group"}
    brussels = {"city": "Bruxelles", "country": None, "date": "2014-12-03", "participants": None, "kind": "ministerial", "status": "held"}
    people = [{**KERRY, "role": None, "country": None}, {"name": "Philip Hammond", "role": None, "country": None}]
    gold = write_gold(tmp_path / "gold", "a.txt", "2014-12-03", people=people, meetings=[{**london, "status": "announced"}, brussels])
    write_gold(gold, "b.txt", "2015-01-22", people=people, meetings=[{**london, "status": "held"}, brussels])
    report = evaluate(db, gold)
    assert report["people"]["f1"] == 1.0
    assert (report["resolution"]["people"], report["resolution"]["meetings"]) == (0.5, 1.0)
    assert report["resolution_failures"]["people"] == [{"gold": "John Kerry", "rows": [{"id": 1, "name": "John Kerry"}, {"id": 2, "name": "Kerry"}]}]
    assert "split person: John Kerry is 2 rows: #1 John Kerry, #2 Kerry" in format_report(report, verbose=True)


def test_a_meeting_split_in_two_rows_fails_resolution(tmp_path):
    db = make_db(
        tmp_path / "db.db",
        articles=[(1, "a.txt", "2014-12-03"), (2, "b.txt", "2015-01-22")],
        meetings=[(1, "Bruxelles", "2014-12-03", None, "ministerial", None), (2, "Bruxelles", "2014-12-03", None, "defence", None)],
        article_meetings=[(1, 1, "held"), (2, 2, "held")],
    )
    brussels = {"city": "Bruxelles", "country": None, "date": "2014-12-03", "participants": None, "kind": "ministerial", "status": "held"}
    gold = write_gold(tmp_path / "gold", "a.txt", "2014-12-03", meetings=[brussels])
    write_gold(gold, "b.txt", "2015-01-22", meetings=[brussels])
    report = evaluate(db, gold)
    assert (report["resolution"]["meetings"], report["meetings"]["kind_accuracy"]) == (0.0, 0.5)


def test_an_article_missing_from_the_database_counts_all_its_items_as_misses(tmp_path):
    db = make_db(tmp_path / "db.db", articles=[(1, "a.txt", "2014-12-03"), (2, "c.txt", None)], quotes=[(1, None, KERRY_QUOTE)])
    gold = write_gold(tmp_path / "gold", quotes=[quote(KERRY_QUOTE)])
    write_gold(gold, "b.txt", "2015-01-22", quotes=[quote("La coalition tiendra bon")], figures=[figure(60, "pays")])
    report = evaluate(db, gold)
    assert (report["quotes"]["recall"], report["figures"]["recall"], report["figures"]["precision"]) == (0.5, 0.0, 1.0)
    assert (report["published_right"], report["published_checked"]) == (1, 2)
    assert (report["missing_articles"], report["unscored_articles"]) == (["b.txt"], ["c.txt"])
    assert report["people"]["role_accuracy"] is None  # nothing checked is no score, not a free 1.0
    text = format_report(report, verbose=True)
    assert "not in the database, all their items counted as misses: b.txt" in text
    assert "b.txt  (not in the database)\n  missed   quote: 'La coalition tiendra bon'\n  missed   figure: 60 pays" in text
    assert re.search(r"person role +n/a  \(0/0\)", text)


def test_published_is_compared_as_a_string_and_null_equals_null(tmp_path):
    db = make_db(tmp_path / "db.db", articles=[(1, "a.txt", "2014-12"), (2, "b.txt", None), (3, "c.txt", "2015-01-22")])
    gold = write_gold(tmp_path / "gold", "a.txt", "2014-12-03")
    write_gold(gold, "b.txt", None)
    write_gold(gold, "c.txt", "2015-01-22")
    report = evaluate(db, gold)
    assert report["published_accuracy"] == 2 / 3
    assert "wrong    article a.txt: published expected '2014-12-03', found '2014-12'" in format_report(report, verbose=True)


def test_unreadable_gold_raises_a_gold_error_naming_the_file(tmp_path):
    db = make_db(tmp_path / "db.db")
    with pytest.raises(GoldError, match="nowhere: no such folder"):
        evaluate(db, tmp_path / "nowhere")
    gold = write_gold(tmp_path / "gold")
    (gold / "b.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match=r"b\.json: unreadable JSON"):
        evaluate(db, gold)
    (gold / "b.json").write_text(json.dumps({"file": "b.txt", "figures": [{"value": "60", "unit": "pays"}]}), encoding="utf-8")
    with pytest.raises(GoldError, match=r"b\.json: figures\[0\]: value '60' is not a number"):
        evaluate(db, gold)
    (gold / "b.json").write_text(json.dumps({"file": "a.txt"}), encoding="utf-8")
    with pytest.raises(GoldError, match=r"b\.json: a\.txt already has gold in a\.json"):
        evaluate(db, gold)


def test_person_aliases_is_optional(tmp_path):
    db = make_db(tmp_path / "db.db", people=[(1, "John Kerry")], article_people=[(1, 1, None, None)])
    with sqlite3.connect(db) as conn:
        conn.execute("drop table person_aliases")
    gold = write_gold(tmp_path / "gold", people=[{**KERRY, "role": None, "country": None}])
    assert evaluate(db, gold)["people"]["f1"] == 1.0


def test_a_database_without_the_contract_tables_raises_a_database_error(tmp_path):
    sqlite3.connect(tmp_path / "other.db").execute("create table t (x)").connection.close()
    with pytest.raises(DatabaseError, match="not a coalition database"):
        evaluate(tmp_path / "other.db", write_gold(tmp_path / "gold"))


def test_the_database_is_only_read(tmp_path):
    db = make_db(tmp_path / "db.db", quotes=[(1, None, KERRY_QUOTE)])
    before = db.read_bytes()
    evaluate(db, write_gold(tmp_path / "gold", quotes=[quote(KERRY_QUOTE)]))
    assert db.read_bytes() == before


def test_cli(tmp_path):
    db = make_db(tmp_path / "db.db", quotes=[(1, None, "Il faut frapper fort")])
    gold = write_gold(tmp_path / "gold", quotes=[quote(KERRY_QUOTE)])
    result = CliRunner().invoke(cli, ["evaluate", str(db), str(gold), "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["quotes"]["recall"] == 0.0
    result = CliRunner().invoke(cli, ["evaluate", str(db), str(gold), "-v"])
    assert result.exit_code == 0 and "spurious quote: 'Il faut frapper fort'" in result.output
    (gold / "b.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(db), str(gold)])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "b.json" in result.output


def meeting(city, date, country=None, **extra):
    return {"city": city, "country": country, "date": date, "status": "held", "participants": None, "kind": None, **extra}


@pytest.mark.parametrize("gold_city, gold_country, city, country, matched", [
    ("Djeddah", "Arabie saoudite", "Jeddah", None, 1),  # spellings of one city side by side
    ("Riyad", None, "Ryad", None, 1),
    ("Koweït City", "Koweït", "koweit", None, 1),
    ("Andrews", "Etats-Unis", "Washington", "Etats-Unis", 1),  # the base near Washington
    ("Washington", None, "Andrews", None, 1),
    ("Koweït", "Koweït", None, "Koweït", 1),  # "au Koweït": the city given or left null
    (None, "Koweït", "Koweït City", "Koweït", 1),
    (None, "Koweït", None, None, 1),  # both null counts
    (None, "Canada", None, "Jordanie", 1),
    ("Koweït", "Koweït", None, None, 0),  # a null city in no country is not Kuwait
    ("Rabat", "Maroc", None, "Maroc", 0),  # Rabat does not bear its country's name
    ("Djeddah", None, "Riyad", None, 0),
    ("Washington", None, "New York", None, 0),
])
def test_a_meeting_matches_the_spellings_of_its_city(tmp_path, gold_city, gold_country, city, country, matched):
    db = make_db(tmp_path / "db.db", meetings=[(1, city, "2018-02-13", country, None, None)], article_meetings=[(1, 1, "held")])
    gold = write_gold(tmp_path / "gold", meetings=[meeting(gold_city, "2018-02-13", gold_country)])
    assert evaluate(db, gold)["meetings"]["matched"] == matched


def test_resolution_takes_the_spellings_of_one_city_as_one_meeting(tmp_path):
    # "Jeddah" in one article and "Djeddah" in the other are one gold meeting, found as one row.
    db = make_db(
        tmp_path / "db.db",
        articles=[(1, "a.txt", "2014-09-11"), (2, "b.txt", "2014-09-12")],
        meetings=[(1, "Djeddah", "2014-09-11", None, None, None)],
        article_meetings=[(1, 1, "held"), (2, 1, "held")],
    )
    gold = write_gold(tmp_path / "gold", "a.txt", "2014-09-11", meetings=[meeting("Djeddah", "2014-09-11")])
    write_gold(gold, "b.txt", "2014-09-12", meetings=[meeting("Jeddah", "2014-09-11")])
    resolution = evaluate(db, gold)["resolution"]
    assert (resolution["meetings_resolved"], resolution["meetings_checked"]) == (1, 1)


# Four articles' gold meetings, for the corpus view: (file, published, meetings).
CORPUS = [
    ("a.txt", "2015-06-03", [meeting("Paris", "2015-06-02"), meeting("Paris", "2016-01-20"), meeting("Londres", None)]),
    ("b.txt", "2016-12-01", [meeting("Paris", "2015-06"), meeting("Paris", "2015"), meeting("Paris", "2016")]),
    ("c.txt", "2018-02-14", [meeting("Jeddah", "2014-09-11"), meeting("Londres", None), meeting("Koweït", "2018-02", "Koweït"),
                             meeting("Paris", "2016-11-30")]),
    ("d.txt", "2018-02-14", [meeting(None, "2018-02-13", "Koweït"), meeting("Djeddah", "2014-09-11", optional=True),
                             meeting("Rome", "2016", optional=True)]),
]


def corpus_gold(folder, corpus=CORPUS):
    for file, published, meetings in corpus:
        write_gold(folder, file, published, meetings=meetings)
    return folder


def test_gold_meetings_group_into_real_meetings_across_articles(tmp_path):
    meetings, members = real_meetings(load_gold(corpus_gold(tmp_path / "gold")))
    assert [(m["id"], m["label"], m["required"], m["files"]) for m in meetings] == [
        (1, "Paris 2015-06-02", True, ["a.txt", "b.txt"]),  # with Paris 2015-06 and Paris 2015, the only ones that fit
        (2, "Paris 2016-01-20", True, ["a.txt"]),
        (3, "Londres None", True, ["a.txt"]),  # undated: its own, article by article
        (4, "Paris 2016", True, ["b.txt"]),  # two Paris meetings of 2016 fit: its own
        (5, "Jeddah 2014-09-11", True, ["c.txt", "d.txt"]),  # Djeddah however spelt, an optional mention
        (6, "Londres None", True, ["c.txt"]),
        (7, "(no city) 2018-02-13", True, ["c.txt", "d.txt"]),  # "au Koweït" and Koweït 2018-02
        (8, "Paris 2016-11-30", True, ["c.txt"]),
        (9, "Rome 2016", False, ["d.txt"]),  # optional only: not required
    ]
    assert (members["b.txt", 1], members["c.txt", 2], members["d.txt", 1]) == (1, 7, 5)


def corpus_db(path):
    """Rows of the meetings table and the articles that tell of them."""
    return make_db(
        path,
        articles=[(1, "a.txt", "2015-06-03"), (2, "b.txt", "2016-12-01"), (3, "c.txt", "2018-02-14"), (4, "d.txt", "2018-02-14"),
                  (5, "e.txt", None)],
        meetings=[(1, "Paris", "2015-06-02", None, None, None), (2, "Paris", "2015-06", None, None, None),
                  (3, "Londres", None, None, None, None), (4, "Jeddah", "2014-09-11", None, None, None),
                  (5, "Koweït", "2018-02-13", None, None, None), (6, "Rome", "2016", None, None, None),
                  (7, "Amman", "2014-09-10", None, None, None), (8, "Paris", "2016", None, None, None),
                  (9, "Berlin", "2016", None, None, None)],
        article_meetings=[(1, 1, "held"), (2, 1, "held"), (2, 2, "held"), (1, 3, "held"), (3, 3, "held"), (3, 4, "held"),
                          (4, 4, "held"), (4, 5, "held"), (4, 6, "held"), (1, 7, "held"), (2, 8, "held"), (5, 9, "held")],
    )


def test_the_corpus_view_maps_each_row_to_the_real_meeting_it_stands_for(tmp_path):
    report = evaluate(corpus_db(tmp_path / "db.db"), corpus_gold(tmp_path / "gold"))
    view = report["corpus_view"]
    # #1 is Paris 2015-06-02 (its mention in b.txt matches nothing there); #2 its second row; #3 Londres
    # is the undated meeting of a.txt and of c.txt, a tie: the lower, 3; #6 stands for the optional Rome
    # 2016; #7 for nothing; #9 is told only by an article without gold.
    assert {key: view[key] for key in ("real_meetings", "rows", "duplicate_rows", "spurious_rows", "optional_rows", "covered")} == {
        "real_meetings": 8, "rows": 8, "duplicate_rows": 1, "spurious_rows": 1, "optional_rows": 1, "covered": 5}
    assert (view["coverage"], view["table_precision"]) == (5 / 8, 5 / 7)
    assert view["duplicates"] == [{"id": 2, "label": "Paris 2015-06", "real_meeting": 1, "real_label": "Paris 2015-06-02", "first_row": 1}]
    assert view["spurious"] == [{"id": 7, "label": "Amman 2014-09-10"}]
    assert [(m["id"], m["label"], m["files"]) for m in view["uncovered"]] == [
        (2, "Paris 2016-01-20", ["a.txt"]), (6, "Londres None", ["c.txt"]), (8, "Paris 2016-11-30", ["c.txt"])]
    text = format_report(report, verbose=True)
    assert re.search(r"real meetings +8\n  rows +8\n  duplicate rows +1\n  spurious rows +1\n  optional rows +1\n"
                     r"  coverage +0\.625  \(5/8\)\n  table precision +0\.714  \(5/7\)", text)
    assert "duplicate row #2 Paris 2015-06: real meeting 1 Paris 2015-06-02 is row #1" in text
    assert "spurious row #7 Amman 2014-09-10" in text
    assert "real meeting without a row: 6 Londres None (c.txt)" in text


def test_a_row_stands_for_the_real_meeting_most_of_its_mentions_stand_for(tmp_path):
    # A videoconference row without a city, told by three articles: the first's gold puts it "au Koweït"
    # (real meeting 1), the two others give no city (real meeting 2). Two mentions to one: meeting 2.
    gold = corpus_gold(tmp_path / "gold", [("a.txt", "2020-06-24", [meeting(None, "2020-06-23", "Koweït")]),
                                           ("b.txt", "2020-06-24", [meeting(None, "2020-06-23")]),
                                           ("c.txt", "2020-06-24", [meeting(None, "2020-06-23", "Canada")])])
    db = make_db(tmp_path / "db.db", articles=[(1, "a.txt", "2020-06-24"), (2, "b.txt", "2020-06-24"), (3, "c.txt", "2020-06-24")],
                 meetings=[(1, None, "2020-06-23", None, None, None)], article_meetings=[(1, 1, "held"), (2, 1, "held"), (3, 1, "held")])
    view = evaluate(db, gold)["corpus_view"]
    assert (view["real_meetings"], view["covered"], view["uncovered"]) == (2, 1, [{"id": 1, "label": "(no city) 2020-06-23", "files": ["a.txt"]}])


def test_an_empty_table_against_no_meeting_is_right(tmp_path):
    view = evaluate(make_db(tmp_path / "db.db"), write_gold(tmp_path / "gold"))["corpus_view"]
    assert (view["real_meetings"], view["rows"], view["coverage"], view["table_precision"]) == (0, 0, 1.0, 1.0)


def test_cli_json_holds_the_corpus_view(tmp_path):
    result = CliRunner().invoke(cli, ["evaluate", str(corpus_db(tmp_path / "db.db")), str(corpus_gold(tmp_path / "gold")), "--json"])
    assert result.exit_code == 0
    view = json.loads(result.output)["corpus_view"]
    assert (view["real_meetings"], view["rows"], view["covered"], view["table_precision"]) == (8, 8, 5, 5 / 7)


def test_an_article_is_scored_on_the_date_and_count_it_gives_where_the_database_keeps_them(tmp_path):
    # The row holds the day another article gave; this article said only the month.
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"file": "a.txt", "published": "2022-06", "meetings": [
        {"city": "Marrakech", "date": "2022-05", "status": "held", "kind": "ministerial"}]}))
    db = make_db(tmp_path / "db.db", meetings=[(1, "Marrakech", "2022-05-11", "Maroc", "ministerial", None)],
                 article_meetings=[(1, 1, "held")], articles=((1, "a.txt", "2022-06"),))
    assert evaluate(db, gold)["meetings"]["matched"] == 0
    conn = sqlite3.connect(db)
    conn.execute("alter table article_meetings add column date")
    conn.execute("alter table article_meetings add column participants")
    conn.execute("update article_meetings set date = '2022-05'")
    conn.commit()
    conn.close()
    assert evaluate(db, gold)["meetings"]["matched"] == 1
