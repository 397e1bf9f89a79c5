"""No request outlives its limits: one SQL function call, one answer's bytes, one request's facets,
one reader's ad-hoc SQL; and the reader's mistakes are answered 400, with a message."""
import asyncio
import csv
import io
import time

import pytest
from datasette.app import Datasette
from markupsafe import escape

from loader.site import guards

from .test_site import option, serve_command, site, site_for  # noqa: F401 (fixtures)

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # SQLite reports each refusal too

RUN = "printf('%.*c', 3900000, 'a')"  # the worst text for a search: a run of one letter
# Each a single call SQLite cannot interrupt, which ran from seconds to minutes before.
SLOW_CALLS = [
    "select " + ", ".join(["length(printf('%.*c', 2147483647, 'x'))"] * 10),
    "select length(printf('%.*c', 2147483647, char(1114111)))",
    "select length(format('%.*c', 2147483647, 'x'))",
    "select length(printf('%.*c', '2147483647', 'x'))",  # SQLite reads the number from text too
    "select length(printf('%.2147483647c', 'x'))",
    f"select instr({RUN}, printf('%.*c', 300000, 'a') || 'b')",
    f"select length(replace({RUN}, printf('%.*c', 300000, 'a') || 'b', ''))",
    f"select length(trim({RUN}, printf('%.*c', 1000, 'b') || 'a'))",
    f"select length(ltrim({RUN}, printf('%.*c', 1000, 'b') || 'a'))",
    f"select length(rtrim({RUN}, printf('%.*c', 1000, 'b') || 'a'))",
    f"select {RUN} like '%' || printf('%.*c', 300, 'a') || 'b'",
    f"select {RUN} like '%' || printf('%.*c', 300, 'a') || 'b' escape '!'",
    f"select {RUN} glob '*' || printf('%.*c', 300, 'a') || 'b'",
]


@pytest.mark.parametrize("sql", SLOW_CALLS)
async def test_no_single_function_call_runs_long(site, sql):
    started = time.perf_counter()
    response = await site.client.get("/coalition.json", params={"sql": sql})
    assert response.status_code == 400 and response.json()["error"] == "string or blob too big"
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("sql, expected", [
    ("select printf('%5.2f|%-4s|%.*c|%d', 3.14159, 'ab', 3, 'x', 7)", " 3.14|ab  |xxx|7"),
    ("select format('%03d', 5)", "005"),
    ("select instr('coalition', 'lit')", 4),
    ("select instr(x'0102', x'02')", 2),
    ("select replace('la réunion', 'réunion', 'conférence')", "la conférence"),
    ("select trim('--a--', '-') || ltrim('xxa', 'x') || rtrim('axx', 'x')", "aaa"),
    ("select 'Coalition' like 'coal%'", 1),
    ("select 'a%b' like 'a!%b' escape '!'", 1),
    ("select 'Coalition' glob 'C*n'", 1),
    ("select printf('%d', 5000000000)", "5000000000"),  # a large number is no width
    ("select count(*) from articles where body like '%coalition%'", 5),
])
async def test_the_checked_functions_answer_as_sqlites_own(site, sql, expected):
    response = await site.client.get("/coalition.json", params={"sql": sql, "_shape": "arrayfirst"})
    assert response.status_code == 200, response.text
    assert response.json() == [expected]


async def test_the_answer_guard_counts_bytes_sent(site):
    # 63 rows of 990,000 astral characters: 62 million characters, 748 MB once each is escaped.
    sql = ("with recursive n(i) as (select 1 union all select i + 1 from n where i < 63) "
           "select printf('%.*c', 990000, char(1114111)) from n")
    response = await site.client.get("/coalition.json", params={"sql": sql})
    assert response.status_code == 400
    assert response.json()["error"] == "result too big (over 64,000,000 bytes in all): ask for fewer rows, columns or facets"
    # The same characters in a number of rows that fits are answered.
    response = await site.client.get("/coalition.json", params={"sql": sql.replace("i < 63", "i < 5"), "_shape": "arrayfirst"})
    assert response.status_code == 200 and len(response.json()) == 5 and response.json()[0] == "\U0010ffff" * 990000


@pytest.mark.parametrize("value, size", [("abc", 5), ("é", 8), ("\U0010ffff", 14), ('"\n', 6), (b"abc", 44), (12, 8), (None, 8)])
def test_sent_size(value, size):
    assert guards.sent_size(value) == size


async def test_facets_count_in_the_answers_limit(site, monkeypatch):
    plain = await site.client.get("/coalition/articles.json", params={"_facet": "body"})
    assert plain.status_code == 200
    rows = await site.client.get("/coalition/articles.json", params={"_nofacet": 1})
    # A limit the rows fit in, but not the rows and the facet of every body together.
    monkeypatch.setattr(guards, "MAX_RESULT", len(rows.text) + 1000)
    assert (await site.client.get("/coalition/articles.json", params={"_nofacet": 1})).status_code == 200
    response = await site.client.get("/coalition/articles.json", params={"_facet": "body"})
    assert response.status_code == 400 and "result too big" in response.json()["error"]


async def test_facets_per_request_are_capped(site):
    response = await site.client.get("/coalition/articles.json?" + "&".join(["_facet=body"] * 1200))
    assert response.status_code == 400
    assert response.json()["error"] == "too many facets asked (1200; at most 10 a request)"
    response = await site.client.get("/coalition/articles.json?_facet=title&_facet_array=credits&_facet_date=published&_facet_size=max")
    assert response.status_code == 200


async def test_ad_hoc_sql_does_not_keep_the_pages_waiting(seeds_db):
    """One reader's three slow queries (as many as Datasette's SQL threads) leave the pages free."""
    site = Datasette(immutables=[str(seeds_db)], settings={"num_sql_threads": 3, "sql_time_limit_ms": 1500})
    await site.invoke_startup()
    slow = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    queries = [asyncio.create_task(site.client.get("/coalition.json", params={"sql": slow})) for _ in range(3)]
    await asyncio.sleep(0.3)  # they hold their threads
    started = time.perf_counter()
    assert (await site.client.get("/coalition/meetings.json")).status_code == 200
    assert time.perf_counter() - started < 0.5
    assert [answer.status_code for answer in await asyncio.gather(*queries)] == [400, 400, 400]  # stopped by the time limit


@pytest.mark.parametrize("method, path, message", [
    ("post", "/coalition/meetings_timeline.json", "this site is read-only: its pages and queries are asked with GET"),
    ("post", "/coalition.json?sql=select+1", "this site is read-only: its pages and queries are asked with GET"),
    ("get", "/coalition/articles.json?_timelimit=abc", "_timelimit must be a whole number of milliseconds, not 'abc'"),
    ("get", "/coalition.json?sql=select+1&_timelimit=-5", "_timelimit must be a whole number of milliseconds, not '-5'"),
    ("get", "/coalition/meetings_timeline.json?_timelimit=1e3", "_timelimit must be a whole number of milliseconds, not '1e3'"),
    ("get", "/coalition/meetings.json?_through={bad", '_through must be JSON, such as {"table": "article_meetings", "column": "article_id", '
                                                      '"value": 3} (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))'),
    ("get", '/coalition/meetings.json?_through={"table":"x","column":"y","value":1}', "Invalid _through - could not find corresponding foreign key"),
])
async def test_the_readers_mistakes_are_400_with_a_message(site, method, path, message):
    response = await getattr(site.client, method)(path)
    assert response.status_code == 400 and response.json()["error"] == message
    html = await getattr(site.client, method)(path.replace(".json", ""))
    assert html.status_code == 400 and str(escape(message)) in html.text


async def test_a_value_nested_too_deeply_for_json_is_400(site):
    sql = "select printf('%.*c', 100000, '[') || printf('%.*c', 100000, ']') as x"
    response = await site.client.get("/coalition.json", params={"sql": sql, "_json": "x"})
    assert response.status_code == 400 and response.json()["error"] == "_json: a value is nested too deeply to be decoded"
    response = await site.client.get("/coalition.json", params={"sql": "select '[[1]]' as x", "_json": "x", "_shape": "arrayfirst"})
    assert response.json() == [[[1]]]


async def test_fts3_tokenizer_is_denied(site):
    response = await site.client.get("/coalition.json", params={"sql": "select fts3_tokenizer('simple')"})
    assert response.status_code == 400 and response.json()["error"] == "not authorized to use function: fts3_tokenizer"
    # Full-text search itself still works.
    response = await site.client.get("/coalition.json", params={"sql": "select count(*) from articles_fts where articles_fts match 'coalition'",
                                                                "_shape": "arrayfirst"})
    assert response.json() == [5]


async def test_csv_cells_are_never_formulas(site):
    sql = "select '=HYPERLINK(\"http://x\")' as a, '+1' as b, '-2' as c, '@SUM(A1)' as d, -3 as e, 'a=b' as f, '' as g, null as h"
    for path in ("/coalition.csv", "/coalition.csv?_dl=1"):
        response = await site.client.get(path, params={"sql": sql})
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows == [["a", "b", "c", "d", "e", "f", "g", "h"], ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "-3", "a=b", "", ""]]
    # A table's download too: the rows of a quote that begins with "=".
    response = await site.client.get("/coalition/articles.csv", params={"_col": "title", "id": 1})
    assert response.status_code == 200 and "'=" not in response.text


async def test_a_table_pages_where_is_ad_hoc_sql_too(site):
    response = await site.client.get("/coalition/articles.json", params={"_where": "length(printf('%.*c', 2147483647, 'x')) > 0"})
    assert response.status_code == 400 and "string or blob too big" in response.json()["error"]
    response = await site.client.get("/coalition/articles.json", params={"_where": "instr(body, 'coalition') > 0", "_shape": "array"})
    assert response.status_code == 200 and len(response.json()) == 5
