import pytest
import sqlite_utils

from loader import store
from loader.store import SCHEMA

EXPECTED_TABLES = [
    "_build_cache",
    "article_meetings",
    "article_people",
    "articles",
    "figures",
    "load_issues",
    "meetings",
    "people",
    "person_aliases",
    "person_roles",
    "quotes",
]

CONTRACT = {
    "articles": ["id", "path", "sha256", "title", "published", "published_precision", "url", "outlet", "byline", "credits", "body", "raw"],
    "meetings": ["id", "date", "date_precision", "city", "country", "latitude", "longitude", "kind", "participants", "virtual"],
    "article_meetings": ["article_id", "meeting_id", "status"],
    "people": ["id", "name", "role", "country"],
    "article_people": ["article_id", "person_id", "role"],
    "quotes": ["id", "article_id", "person_id", "attribution", "meeting_id", "text", "start", "end"],
    "figures": ["id", "article_id", "meeting_id", "value", "unit", "approximate", "text", "start", "end"],
}


def test_exact_schema(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    tables = sorted(name for name in db.table_names() if "_fts" not in name and not name.startswith("sqlite_"))
    assert tables == EXPECTED_TABLES
    for name in EXPECTED_TABLES:
        assert db[name].schema == SCHEMA[name]


def test_contract_columns_present(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    for table, columns in CONTRACT.items():
        assert set(columns) <= set(db[table].columns_dict), table


def test_foreign_keys(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    keys = sorted((fk.table, fk.column, fk.other_table, fk.other_column) for t in db.tables for fk in t.foreign_keys)
    assert keys == [
        ("article_meetings", "article_id", "articles", "id"),
        ("article_meetings", "meeting_id", "meetings", "id"),
        ("article_people", "article_id", "articles", "id"),
        ("article_people", "person_id", "people", "id"),
        ("figures", "article_id", "articles", "id"),
        ("figures", "meeting_id", "meetings", "id"),
        ("person_aliases", "person_id", "people", "id"),
        ("person_roles", "article_id", "articles", "id"),
        ("person_roles", "person_id", "people", "id"),
        ("quotes", "article_id", "articles", "id"),
        ("quotes", "meeting_id", "meetings", "id"),
        ("quotes", "person_id", "people", "id"),
    ]


def test_every_foreign_key_is_indexed(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    for table in db.tables:
        leading = {index.columns[0] for index in table.indexes}
        pk = table.pks[0] if table.pks else None
        for fk in table.foreign_keys:
            assert fk.column in leading or fk.column == pk, (table.name, fk.column)


def test_integrity(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_spans_match_bodies(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    for table in ("quotes", "figures"):
        for text, body, start, end in db.execute(
            f"select t.text, a.body, t.start, t.[end] from {table} t join articles a on a.id = t.article_id"
        ).fetchall():
            assert body[start:end] == text


def test_full_text_search_folds_diacritics(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    hits = db.execute("select path from articles where rowid in (select rowid from articles_fts where articles_fts match 'ETATS')").fetchall()
    assert len(hits) >= 3
    assert db["articles"].detect_fts() == "articles_fts"
    assert "remove_diacritics 2" in db["quotes_fts"].schema


@pytest.mark.parametrize(
    "row, label",
    [
        ({"city": "Rome", "country": "Italie", "virtual": 0, "date": "2018-02", "kind": "ministerial"}, "Rome, 2018-02 (ministerial)"),
        ({"city": None, "country": None, "virtual": 1, "date": "2020-06-04", "kind": "small_group"}, "visioconférence, 2020-06-04 (small_group)"),
        ({"city": None, "country": "Canada", "virtual": 0, "date": "2015-07", "kind": "other"}, "Canada, 2015-07 (other)"),
        ({"city": None, "country": None, "virtual": 0, "date": None, "kind": "ministerial"}, "lieu inconnu, date inconnue (ministerial)"),
    ],
)
def test_a_meetings_label_says_what_is_known_of_its_place(row, label):
    assert store.meeting_label(row) == label


def resolved_rows(quote_text):
    from loader.resolve import Resolved

    meeting = {"id": 1, "date": "2017-03-22", "date_precision": "day", "city": "Washington", "country": "Etats-Unis",
               "latitude": None, "longitude": None, "kind": "ministerial", "participants": 68, "virtual": 0}
    return Resolved(
        people=[{"id": 1, "name": "Rex Tillerson", "role": "secrétaire d'Etat", "country": "Etats-Unis"}],
        article_people=[{"article_id": 1, "person_id": 1, "role": "secrétaire d'Etat", "country": "Etats-Unis"}],
        meetings=[meeting],
        quotes=[{"id": 1, "article_id": 1, "person_id": 1, "attribution": None, "meeting_id": 1, "text": quote_text, "start": 0, "end": len(quote_text)}],
    )


def test_an_update_changes_only_the_rows_that_differ():
    db = sqlite_utils.Database(memory=True)
    store.create_schema(db)
    db.conn.execute("insert into articles (id, path, sha256, encoding, body, raw) values (1, 'a.txt', '', 'utf-8', 'x', 'x')")
    store.write_resolved(db.conn, resolved_rows("Nous vaincrons."))
    store.ensure_db_shape(db)
    db.execute("create temp table changed (what)")
    for table in store.RESOLVED_COLUMNS:
        for event, sign in (("insert", "+"), ("delete", "-")):
            db.execute(f"create temp trigger {event}_{table} after {event} on main.{table} begin insert into changed values ('{sign}{table}'); end")

    store.replace_resolved(db.conn, resolved_rows("Nous vaincrons ensemble."))

    assert db.execute("select what from changed").fetchall() == [("-quotes",), ("+quotes",)]
    assert db.execute("select id, text from quotes").fetchall() == [(1, "Nous vaincrons ensemble.")]
    assert db.execute("select rowid from quotes_fts where quotes_fts match 'ensemble'").fetchall() == [(1,)]
    assert db.execute("select count(*) from quotes_fts where quotes_fts match 'vaincrons'").fetchall() == [(1,)]
    assert db.execute("select name from people").fetchall() == [("Rex Tillerson",)]
