"""The database: its schema, declared once, and the writes.

`create_schema` makes every table; `write` fills them from the corpus and the
resolved rows; `ensure_db_shape` adds what is derived (full-text search, views)
and is safe to run again.
"""
import functools
import itertools
import json
import operator

import sqlite_utils

KINDS = ("ministerial", "defence", "political_directors", "small_group", "other")
STATUSES = ("announced", "held")
PRECISIONS = ("year", "month", "day")


def _in(values):
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


SCHEMA = {
    "articles": f"""CREATE TABLE [articles] (
   [id] INTEGER PRIMARY KEY,
   [path] TEXT NOT NULL UNIQUE,
   [sha256] TEXT NOT NULL,
   [title] TEXT,
   [published] TEXT,
   [published_precision] TEXT CHECK ([published_precision] IN {_in(PRECISIONS)}),
   [published_month] TEXT,
   [url] TEXT,
   [outlet] TEXT,
   [byline] TEXT,
   [credits] TEXT,
   [encoding] TEXT NOT NULL,
   [body] TEXT NOT NULL,
   [raw] TEXT NOT NULL
)""",
    "meetings": f"""CREATE TABLE [meetings] (
   [id] INTEGER PRIMARY KEY,
   [label] TEXT NOT NULL,
   [date] TEXT,
   [date_precision] TEXT CHECK ([date_precision] IN {_in(PRECISIONS)}),
   [year] INTEGER,
   [city] TEXT,
   [country] TEXT,
   [latitude] REAL,
   [longitude] REAL,
   [kind] TEXT NOT NULL CHECK ([kind] IN {_in(KINDS)}),
   [participants] INTEGER,
   [virtual] INTEGER NOT NULL CHECK ([virtual] IN (0, 1))
)""",
    "article_meetings": f"""CREATE TABLE [article_meetings] (
   [article_id] INTEGER NOT NULL REFERENCES [articles]([id]),
   [meeting_id] INTEGER NOT NULL REFERENCES [meetings]([id]),
   [status] TEXT NOT NULL CHECK ([status] IN {_in(STATUSES)}),
   [date] TEXT,
   [date_precision] TEXT CHECK ([date_precision] IN {_in(PRECISIONS)}),
   [participants] INTEGER,
   [start] INTEGER NOT NULL,
   [end] INTEGER NOT NULL,
   PRIMARY KEY ([article_id], [meeting_id])
)""",
    "people": """CREATE TABLE [people] (
   [id] INTEGER PRIMARY KEY,
   [name] TEXT NOT NULL UNIQUE,
   [role] TEXT,
   [country] TEXT
)""",
    "person_aliases": """CREATE TABLE [person_aliases] (
   [person_id] INTEGER NOT NULL REFERENCES [people]([id]),
   [alias] TEXT NOT NULL,
   PRIMARY KEY ([person_id], [alias])
)""",
    "article_people": """CREATE TABLE [article_people] (
   [article_id] INTEGER NOT NULL REFERENCES [articles]([id]),
   [person_id] INTEGER NOT NULL REFERENCES [people]([id]),
   [role] TEXT,
   [country] TEXT,
   PRIMARY KEY ([article_id], [person_id])
)""",
    "person_roles": """CREATE TABLE [person_roles] (
   [person_id] INTEGER NOT NULL REFERENCES [people]([id]),
   [article_id] INTEGER NOT NULL REFERENCES [articles]([id]),
   [published] TEXT,
   [role] TEXT,
   [country] TEXT,
   PRIMARY KEY ([person_id], [article_id])
)""",
    "quotes": """CREATE TABLE [quotes] (
   [id] INTEGER PRIMARY KEY,
   [article_id] INTEGER NOT NULL REFERENCES [articles]([id]),
   [person_id] INTEGER REFERENCES [people]([id]),
   [attribution] TEXT,
   [meeting_id] INTEGER REFERENCES [meetings]([id]),
   [text] TEXT NOT NULL,
   [start] INTEGER NOT NULL,
   [end] INTEGER NOT NULL
)""",
    "figures": """CREATE TABLE [figures] (
   [id] INTEGER PRIMARY KEY,
   [article_id] INTEGER NOT NULL REFERENCES [articles]([id]),
   [meeting_id] INTEGER REFERENCES [meetings]([id]),
   [value] REAL NOT NULL,
   [unit] TEXT NOT NULL,
   [approximate] INTEGER NOT NULL DEFAULT 0,
   [qualifier] TEXT,
   [text] TEXT NOT NULL,
   [start] INTEGER NOT NULL,
   [end] INTEGER NOT NULL
)""",
    "load_issues": """CREATE TABLE [load_issues] (
   [id] INTEGER PRIMARY KEY,
   [path] TEXT NOT NULL,
   [severity] TEXT NOT NULL CHECK ([severity] IN ('warning', 'error')),
   [message] TEXT NOT NULL
)""",
    # What the next build reuses (see loader/pipeline.py): each article's Extraction as JSON
    # under the hash of its inputs, and under "fingerprint" the hash of this build's inputs.
    "_build_cache": """CREATE TABLE [_build_cache] (
   [key] TEXT PRIMARY KEY,
   [value] TEXT NOT NULL
)""",
}

# Every foreign key and every faceted or filtered column, so facets and joins stay fast.
INDEXES = {
    "articles": [["published"], ["outlet"], ["published_month"]],
    "meetings": [["date"], ["year", "kind"], ["country"], ["kind"], ["city"]],
    "article_meetings": [["meeting_id"]],
    "person_aliases": [["alias"]],
    "article_people": [["person_id"]],
    "person_roles": [["article_id"], ["person_id", "role", "published"]],  # covers roles_over_time
    "people": [["country"]],
    "quotes": [["article_id"], ["person_id"], ["meeting_id"]],
    "figures": [["article_id"], ["meeting_id"], ["unit", "value"]],
    "load_issues": [["path"]],
}

# Aggregates the canned queries, charts and dashboard share, so each is written once.
VIEWS = {
    # One point per month and source: the largest size stated, and (SQLite's rule for a bare
    # column beside max()) the words of the row that stated it. A figure's unit decides what it
    # counts: a meeting's participants count countries (or members) only when a figure of that
    # meeting in those units gave them ("68 pays", never "plus de 30 ministres").
    "size_over_time": """select substr(date, 1, 7) as month, source, max(size) as size, detail, count(*) as reports
from (
  select m.date as date, m.participants as size, 'présents à une réunion ministérielle' as source, m.label as detail
  from meetings m
  where m.kind = 'ministerial' and m.participants is not null and m.date is not null
    and exists (
      select 1 from figures f
      where f.unit in ('pays', 'Etats', 'États', 'nations', 'membres', 'pays membres', 'partenaires') and f.value = m.participants
        and (f.meeting_id = m.id or f.article_id in (select article_id from article_meetings where meeting_id = m.id)))
  union all
  select coalesce(m.date, a.published), cast(f.value as integer), 'membres de la coalition (chiffre cité)', f.text
  from figures f join articles a on a.id = f.article_id left join meetings m on m.id = f.meeting_id
  where ((f.unit >= 'membre' and f.unit < 'membrf') or (f.unit >= 'pays membre' and f.unit < 'pays membrf'))
    and coalesce(m.date, a.published) is not null
)
group by month, source""",
    "meetings_by_year": """select year, kind, count(*) as meetings
from meetings where year is not null
group by year, kind""",
    "quotes_by_speaker": """select p.id as person_id, p.name as speaker, p.country, count(*) as quotes
from quotes q join people p on p.id = q.person_id
group by p.id""",
}

FTS = {
    "articles": ["title", "body"],
    "quotes": ["text", "attribution"],
}
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


@functools.lru_cache(maxsize=None)
def built_objects() -> "tuple[frozenset, dict]":
    """What a build makes: every (type, name) of sqlite_master, and each table's columns.

    Read from an empty database given the whole shape, so the full-text search's own tables,
    the indexes and the views are named as SQLite and sqlite-utils name them, and no name is
    taken for the build's on its prefix alone (a user's `articles_fts_mynotes` is not).
    """
    db = sqlite_utils.Database(memory=True)
    try:
        create_schema(db)
        ensure_db_shape(db)
        objects = frozenset(db.execute("select type, name from sqlite_master"))
        columns = {table: frozenset(db[table].columns_dict) for table in db.table_names()}
    finally:
        db.close()
    return objects, columns


def create_schema(db):
    for sql in SCHEMA.values():
        db.execute(sql)


def meeting_label(row):
    place = row["city"] or ("visioconférence" if row["virtual"] else row["country"] or "lieu inconnu")
    return f"{place}, {row['date'] or 'date inconnue'} ({row['kind']})"


ARTICLE_COLUMNS = (
    "id", "path", "sha256", "title", "published", "published_precision", "published_month",
    "url", "outlet", "byline", "credits", "encoding", "body", "raw",
)
# The tables resolution fills, in the order they are written, with their columns.
RESOLVED_COLUMNS = {
    "meetings": ("id", "label", "date", "date_precision", "year", "city", "country", "latitude", "longitude", "kind", "participants", "virtual"),
    "article_meetings": ("article_id", "meeting_id", "status", "date", "date_precision", "participants", "start", "end"),
    "people": ("id", "name", "role", "country"),
    "person_aliases": ("person_id", "alias"),
    "article_people": ("article_id", "person_id", "role", "country"),
    "person_roles": ("person_id", "article_id", "published", "role", "country"),
    "quotes": ("id", "article_id", "person_id", "attribution", "meeting_id", "text", "start", "end"),
    "figures": ("id", "article_id", "meeting_id", "value", "unit", "approximate", "qualifier", "text", "start", "end"),
}


def insert(connection, table, columns, rows):
    """Insert `rows` (tuples in the order of `columns`) into `table`."""
    names = ", ".join(f"[{column}]" for column in columns)
    connection.executemany(f"insert into [{table}] ({names}) values ({', '.join('?' * len(columns))})", rows)


def article_row(article_id, article):
    """The `articles` row of an Article; ids are positions in the sorted corpus, so builds are repeatable."""
    return (
        article_id,
        article.path,
        article.sha256,
        article.title,
        article.published,
        article.published_precision,
        article.published[:7] if article.published and len(article.published) >= 7 else None,
        article.url,
        article.outlet,
        article.byline,
        json.dumps(article.credits, ensure_ascii=False) if article.credits else None,
        article.encoding,
        article.body,
        article.raw,
    )


def resolved_rows(resolved, table):
    """The rows of `table` in `resolved` (a resolve.Resolved), as tuples in the order of RESOLVED_COLUMNS."""
    columns = RESOLVED_COLUMNS[table]
    rows = getattr(resolved, table)
    if table == "meetings":
        rows = (dict(row, label=meeting_label(row), year=int(row["date"][:4]) if row["date"] else None) for row in rows)
    return (tuple(row[column] for column in columns) for row in rows)


def write_resolved(connection, resolved):
    """Fill every table resolution makes from `resolved`."""
    for table, columns in RESOLVED_COLUMNS.items():
        insert(connection, table, columns, resolved_rows(resolved, table))


# The key of each table resolution fills: its rows are compared by it when a database is updated.
RESOLVED_KEYS = {
    "meetings": ("id",),
    "article_meetings": ("article_id", "meeting_id"),
    "people": ("id",),
    "person_aliases": ("person_id", "alias"),
    "article_people": ("article_id", "person_id"),
    "person_roles": ("person_id", "article_id"),
    "quotes": ("id",),
    "figures": ("id",),
}


def _fts_change(connection, table, command, rows):
    """Add (`command` None) or remove ('delete') `rows` (whole rows of `table`) in its full-text index."""
    if table not in FTS:
        return
    columns = RESOLVED_COLUMNS.get(table) or ARTICLE_COLUMNS
    positions = [columns.index(column) for column in FTS[table]]
    names = ", ".join(f"[{column}]" for column in FTS[table])
    if command:
        sql = f"insert into [{table}_fts] ([{table}_fts], rowid, {names}) values ('{command}', ?, {', '.join('?' * len(positions))})"
    else:
        sql = f"insert into [{table}_fts] (rowid, {names}) values (?, {', '.join('?' * len(positions))})"
    connection.executemany(sql, ([row[0]] + [row[position] for position in positions] for row in rows))


# The order in which an update compares a table's rows with resolution's, unique in each table:
# the database's rows are read in it and resolution's made in it, so neither table is held whole.
COMPARED_IN = {**RESOLVED_KEYS, "person_roles": ("article_id", "person_id")}
# Tables whose rows resolution makes article by article, in article order.
PER_ARTICLE = ("article_meetings", "article_people", "person_roles", "quotes", "figures")


def _sorted_rows(resolved, table, positions):
    """Resolution's rows of `table` sorted by the columns at `positions`: one article's at a time
    for a table made article by article, whole for the others (one row per person or meeting)."""
    rows = resolved_rows(resolved, table)
    key = operator.itemgetter(*positions)
    if table not in PER_ARTICLE:
        yield from sorted(rows, key=key)
        return
    column = RESOLVED_COLUMNS[table].index("article_id")
    last = 0
    for article_id, group in itertools.groupby(rows, key=operator.itemgetter(column)):
        if article_id <= last:
            raise ValueError(f"{table}: rows of article {article_id} come after those of article {last}")
        last = article_id
        yield from sorted(group, key=key)


def _differences(old, new, key):
    """The rows of `old` that `new` does not hold, and those of `new` that `old` does not: both sorted by `key`, unique."""
    gone, added = [], []
    old_row, new_row = next(old, None), next(new, None)
    while old_row is not None or new_row is not None:
        if new_row is None or (old_row is not None and key(old_row) < key(new_row)):
            gone.append(old_row)
            old_row = next(old, None)
        elif old_row is None or key(new_row) < key(old_row):
            added.append(new_row)
            new_row = next(new, None)
        else:
            if old_row != new_row:
                gone.append(old_row)
                added.append(new_row)
            old_row, new_row = next(old, None), next(new, None)
    return gone, added


def replace_resolved(connection, resolved):
    """Make every table resolution fills hold the rows of `resolved`, changing only the rows that differ."""
    for table, columns in RESOLVED_COLUMNS.items():
        names = ", ".join(f"[{column}]" for column in columns)
        order = [columns.index(column) for column in COMPARED_IN[table]]
        by = ", ".join(f"[{column}]" for column in COMPARED_IN[table])
        old = iter(connection.execute(f"select {names} from [{table}] order by {by}"))
        gone, added = _differences(old, _sorted_rows(resolved, table, order), operator.itemgetter(*order))
        positions = [columns.index(column) for column in RESOLVED_KEYS[table]]
        where = " and ".join(f"[{column}] = ?" for column in RESOLVED_KEYS[table])
        connection.executemany(f"delete from [{table}] where {where}", ([row[position] for position in positions] for row in gone))
        _fts_change(connection, table, "delete", gone)
        added.sort(key=lambda row: [row[position] for position in positions])
        insert(connection, table, columns, added)
        _fts_change(connection, table, None, added)


def drop_articles(connection, first):
    """Remove the articles from id `first` on, and their full-text index."""
    gone = connection.execute(f"select {', '.join(f'[{column}]' for column in ARTICLE_COLUMNS)} from articles where id >= ?", [first])
    _fts_change(connection, "articles", "delete", gone)
    connection.execute("delete from articles where id >= ?", [first])


def index_articles(connection, first):
    """Index for full-text search the articles from id `first` on."""
    names = ", ".join(f"[{column}]" for column in FTS["articles"])
    connection.execute(f"insert into articles_fts (rowid, {names}) select id, {names} from articles where id >= ?", [first])


def write_issues(connection, problems):
    rows = ((index, problem.path, problem.severity, problem.message) for index, problem in enumerate(problems, start=1))
    insert(connection, "load_issues", ("id", "path", "severity", "message"), rows)


def ensure_db_shape(db):
    """Indexes, full-text search with diacritics folded, views, and analyze: all idempotent."""
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    for table, columns in FTS.items():
        db[table].enable_fts(columns, tokenize=FTS_TOKENIZE, replace=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    db.analyze()


def finish(connection):
    """Derived objects (indexes, full-text search, views, statistics), then a compact file."""
    db = sqlite_utils.Database(connection)
    ensure_db_shape(db)
    db.vacuum()
