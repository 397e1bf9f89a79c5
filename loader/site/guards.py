"""The site's limits: what one query may build, what one request may return, how long one
SQL function may run, and which threads ad-hoc SQL may take.

SQLite's time limit (Datasette's progress handler) stops a query between two steps of its
program, never inside one function call: a call that runs long must be refused before it
starts. Ad-hoc SQL (`?sql=`, `?_where=`) runs on its own, smaller pool of threads, whose
connections check the costly functions' arguments first; canned queries and table pages keep
SQLite's own functions, at full speed, on the other threads.
"""
import contextvars
import os
import re
import sqlite3
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor
from json.encoder import encode_basestring_ascii

# The largest string or blob a query may build. A stored row is at most an article read
# twice (body and raw text) from a file of at most 1,000,000 bytes; 4 MB leaves room for
# that and refuses "select zeroblob(900000000)", which would take the server's memory.
MAX_LENGTH = 4_000_000
# The most bytes one request's queries may return, all rows of all its queries (facets
# included) together, counted as the JSON answer sends them (an astral character is 12
# bytes, "\ud83d\ude00"): a thousand rows of values just under MAX_LENGTH would be 4 GB.
MAX_RESULT = 64_000_000
# The facets one request may ask for (each is a query of its own).
MAX_FACETS = 10
# Threads for ad-hoc SQL: one reader's slow queries wait for each other, not for the pages.
AD_HOC_THREADS = 1
AD_HOC = "coalition-ad-hoc-sql"

# Per request: whether it runs ad-hoc SQL, and the bytes its queries may still return.
ad_hoc_request = contextvars.ContextVar("coalition_ad_hoc_request", default=False)
request_budget = contextvars.ContextVar("coalition_request_budget", default=None)


class Budget:
    """The bytes a request's queries may still return."""

    def __init__(self):
        self.left = MAX_RESULT


def guard(conn: sqlite3.Connection) -> None:
    """Bound what any query on this connection may build and return, and what it may call."""
    conn.row_factory = _bounded_row
    if hasattr(conn, "setlimit"):
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    else:
        # Python before 3.11 cannot set the limit: bound the two functions that build a
        # large value from a short query.
        conn.create_function("zeroblob", 1, _bounded(lambda n: bytes(n)), deterministic=True)
        conn.create_function("randomblob", 1, _bounded(os.urandom))
    conn.set_authorizer(_authorize)
    if threading.current_thread().name.startswith(AD_HOC):
        for name, arity, check in CHECKED:
            conn.create_function(name, arity, _checked(name, check), deterministic=True)


def _authorize(action, first, second, database, trigger):
    # fts3_tokenizer('simple') returns the address of a C structure of the library: deny it.
    if action == sqlite3.SQLITE_FUNCTION and second and second.lower() == "fts3_tokenizer":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


# --- The answer's size ---------------------------------------------------------------------

# Outside a request (Datasette's own start-up queries), per thread: the cursor being read,
# weakly, and the bytes it has returned.
_answer = threading.local()


def sent_size(value) -> int:
    """The bytes a value takes in a JSON answer, its largest form."""
    if type(value) is str:
        return len(encode_basestring_ascii(value))
    if type(value) is bytes:
        return len(value) * 4 // 3 + 40  # {"$base64": true, "encoded": "…"}
    return 8


def _bounded_row(cursor, row):
    """Datasette's sqlite3.Row, once the request's answers so far are known to fit in MAX_RESULT."""
    size = sum(sent_size(value) for value in row)
    budget = request_budget.get()
    if budget is None:
        reading = _answer.__dict__
        if reading.get("cursor", _gone)() is not cursor:
            reading["cursor"], reading["budget"] = weakref.ref(cursor), Budget()
        budget = reading["budget"]
    if size > budget.left:
        raise sqlite3.OperationalError(f"result too big (over {MAX_RESULT:,} bytes in all): ask for fewer rows, columns or facets")
    budget.left -= size
    return sqlite3.Row(cursor, row)


def _gone():
    return None


def _bounded(make):
    def bounded(n):
        if n is not None and n > MAX_LENGTH:
            raise ValueError("string or blob too big")
        return make(max(int(n or 0), 0))

    return bounded


# --- One function call's cost --------------------------------------------------------------

# The most "character of the text x character of the pattern" pairs one call may compare,
# measured so that the worst text (a run of one letter) stays under about 0.3 s: LIKE and
# GLOB step through characters, trim through its set for each character, instr and replace
# compare with memcmp.
PAIRS = {"like": 60_000_000, "glob": 60_000_000, "trim": 30_000_000, "instr": 3_000_000_000, "replace": 3_000_000_000}
# printf's widths and precisions: "%.*c" appends its character once per unit of precision,
# on and on after the answer is too big.
PRINTF_SPEC = re.compile(r"%[-+ 0#!,]*(\d*|\*)(?:\.(\d*|\*))?")
LEADING_NUMBER = re.compile(r"\s*[-+]?\d+")


def _length(value) -> int:
    return len(value) if isinstance(value, (str, bytes)) else 24


def _pairs(family):
    # The text and the pattern are the first two arguments, in either order (like(pattern, text)).
    def check(first, second, *rest):
        return _length(first) * _length(second) <= PAIRS[family]

    return check


def _printf_check(format_, *arguments):
    if not isinstance(format_, str):
        return True
    for spec in PRINTF_SPEC.finditer(format_):
        for size in spec.groups():
            if size and size != "*" and int(size) > MAX_LENGTH:
                return False
    if "*" in format_:
        # Any argument may be the one a "*" takes, and SQLite reads a number from text too.
        for argument in arguments:
            if isinstance(argument, bytes):
                argument = argument.decode("utf-8", "replace")
            if isinstance(argument, str):
                number = LEADING_NUMBER.match(argument)
                argument = int(number.group()) if number else 0
            if isinstance(argument, (int, float)) and abs(argument) > MAX_LENGTH:
                return False
    return True


# (name, number of arguments or -1 for any, check of the arguments before the call)
CHECKED = [
    ("printf", -1, _printf_check), ("format", -1, _printf_check),
    ("instr", 2, _pairs("instr")), ("replace", 3, _pairs("replace")),
    ("trim", 2, _pairs("trim")), ("ltrim", 2, _pairs("trim")), ("rtrim", 2, _pairs("trim")),
    ("like", 2, _pairs("like")), ("like", 3, _pairs("like")), ("glob", 2, _pairs("glob")),
]

# SQLite's own functions, reached through a connection of this thread that has no checks.
_plain = threading.local()


def _checked(name, check):
    def checked(*arguments):
        if not check(*arguments):
            # SQLite reports an OverflowError as "string or blob too big".
            raise OverflowError(f"{name}: arguments too big")
        plain = getattr(_plain, "conn", None)
        if plain is None:
            plain = _plain.conn = sqlite3.connect(":memory:")
            if hasattr(plain, "setlimit"):
                plain.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
        try:
            return plain.execute(f"select {name}({', '.join('?' * len(arguments))})", arguments).fetchone()[0]
        except sqlite3.DataError as error:
            raise OverflowError(str(error))

    return checked


# --- Threads -------------------------------------------------------------------------------


class Threads(ThreadPoolExecutor):
    """Datasette's SQL threads, with ad-hoc SQL sent to a pool of its own, and each request's
    context (its kind and budget) carried into the thread that runs its query."""

    def __init__(self, workers: int):
        super().__init__(max_workers=workers, thread_name_prefix="coalition-sql")
        self.ad_hoc = ThreadPoolExecutor(max_workers=AD_HOC_THREADS, thread_name_prefix=AD_HOC)

    def submit(self, fn, /, *args, **kwargs):
        context = contextvars.copy_context()
        if context.get(ad_hoc_request):
            return self.ad_hoc.submit(context.run, fn, *args, **kwargs)
        return super().submit(context.run, fn, *args, **kwargs)

    def shutdown(self, wait=True, **kwargs):
        self.ad_hoc.shutdown(wait, **kwargs)
        super().shutdown(wait, **kwargs)


def is_ad_hoc(args) -> bool:
    """A request that runs SQL of the reader's own: `?sql=` or a table page's `?_where=`."""
    return "sql" in args or "_where" in args


def facets_asked(args) -> int:
    return sum(len(args.getlist(key)) for key in args if key.startswith("_facet") and key != "_facet_size")
