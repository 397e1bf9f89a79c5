import json
import sqlite3

import pytest
from click.testing import CliRunner

from loader.cli import cli
from loader.evaluate import GoldError, evaluate
from loader.store import SCHEMA


def make_db(path, quotes=(), people=(), figures=()):
    conn = sqlite3.connect(path)
    for sql in SCHEMA.values():
        conn.execute(sql)
    conn.execute("insert into articles (id, path, sha256, encoding, body, raw, published) values (1, 'a.txt', 'x', 'utf-8', '', '', '2017-03-22')")
    for pid, name in people:
        conn.execute("insert into people (id, name) values (?, ?)", (pid, name))
        conn.execute("insert into article_people (article_id, person_id) values (1, ?)", (pid,))
    for qid, (text, pid) in enumerate(quotes, start=1):
        conn.execute("insert into quotes (id, article_id, person_id, text, start, [end]) values (?, 1, ?, ?, 0, 0)", (qid, pid, text))
    for fid, (value, unit) in enumerate(figures, start=1):
        conn.execute("insert into figures (id, article_id, value, unit, text, start, [end]) values (?, 1, ?, ?, '', 0, 0)", (fid, value, unit))
    conn.commit()
    conn.close()


def make_gold(folder, **items):
    folder.mkdir()
    gold = {"file": "a.txt", "published": "2017-03-22", "meetings": [], "people": [], "quotes": [], "figures": []}
    gold.update(items)
    (folder / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_perfect_and_missing_items(tmp_path):
    make_db(tmp_path / "db.db", quotes=[("Nous irons jusqu'au bout de ce combat", 1)], people=[(1, "Haïder al-Abadi")], figures=[(14000, "combattants")])
    gold = make_gold(
        tmp_path / "gold",
        people=[{"name": "Haider Al Abadi", "role": None, "country": None}],
        quotes=[
            {"speaker": "Haider Al Abadi", "text": "Nous irons jusqu'au bout de ce combat"},
            {"speaker": None, "attribution": "x", "text": "une autre citation manquante ici"},
            {"speaker": None, "attribution": "x", "text": "facultative", "optional": True},
        ],
        figures=[{"value": 14000, "unit": "Combattant", "text": ""}, {"value": 14000, "unit": "combattants", "text": ""}],
    )
    report = evaluate(tmp_path / "db.db", gold)
    assert (report["people"]["f1"], report["figures"]["f1"]) == (1.0, 1.0)
    assert (report["quotes"]["precision"], report["quotes"]["recall"]) == (1.0, 0.5)
    assert report["quotes"]["speaker_accuracy"] == 1.0
    assert report["published_accuracy"] == 1.0


@pytest.mark.parametrize("found, matched", [("un deux trois quatre cinq", 1), ("un deux trois quatre six", 0)])
def test_jaccard_threshold(tmp_path, found, matched):
    # Four shared words of five: 0.8 matches; four of six: 0.67 does not.
    make_db(tmp_path / "db.db", quotes=[(found, None)])
    gold = make_gold(tmp_path / "gold", quotes=[{"speaker": None, "attribution": "x", "text": "un deux trois quatre cinq"}])
    assert evaluate(tmp_path / "db.db", gold)["quotes"]["matched"] == matched


def test_cli_and_bad_gold(tmp_path):
    make_db(tmp_path / "db.db")
    gold = make_gold(tmp_path / "gold")
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "db.db"), str(gold), "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["published_accuracy"] == 1.0
    (gold / "b.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match="b.json"):
        evaluate(tmp_path / "db.db", gold)
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "db.db"), str(gold)])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "b.json" in result.output
