"""The site's limits on what one query may build and return."""
import os
import sqlite3
import threading
import weakref

# The largest string or blob a query may build. A stored row is at most an article read
# twice (body and raw text) from a file of at most 1,000,000 bytes; 4 MB leaves room for
# that and refuses "select zeroblob(900000000)", which would take the server's memory.
MAX_LENGTH = 4_000_000
# The most characters and bytes one query may return, all rows together: a thousand rows
# (Datasette's limit) of values just under MAX_LENGTH would still be 4 GB.
MAX_RESULT = 64_000_000


def guard(conn: sqlite3.Connection) -> None:
    """Bound what any query on this connection may build and return."""
    conn.row_factory = _bounded_row
    if hasattr(conn, "setlimit"):
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    else:
        # Python before 3.11 cannot set the limit: bound the two functions that build a
        # large value from a short query.
        conn.create_function("zeroblob", 1, _bounded(lambda n: bytes(n)), deterministic=True)
        conn.create_function("randomblob", 1, _bounded(os.urandom))


# Per thread (Datasette gives each its own connection, read one query at a time): the cursor
# being read, weakly, and the characters and bytes it has returned.
_answer = threading.local()


def _bounded_row(cursor, row):
    """Datasette's sqlite3.Row, once the query's answer so far is known to fit in MAX_RESULT."""
    reading = _answer.__dict__
    if reading.get("cursor", _gone)() is not cursor:
        reading["cursor"], reading["size"] = weakref.ref(cursor), 0
    size = reading["size"]
    for value in row:
        if type(value) is str or type(value) is bytes:
            size += len(value)
    if size > MAX_RESULT:
        raise sqlite3.OperationalError(f"result too big (over {MAX_RESULT:,} characters): ask for fewer rows or columns")
    reading["size"] = size
    return sqlite3.Row(cursor, row)


def _gone():
    return None


def _bounded(make):
    def bounded(n):
        if n is not None and n > MAX_LENGTH:
            raise ValueError("string or blob too big")
        return make(max(int(n or 0), 0))

    return bounded
