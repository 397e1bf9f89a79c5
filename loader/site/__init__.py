"""The site as a Datasette plugin, registered through the `datasette` entry point of
pyproject.toml: any `datasette` of the project's environment (`coalition serve`,
`datasette coalition.db -m metadata.yml`, a published container that installs the project)
serves the same site with the same guards. Its templates and style sheet are in this
package's `templates/` and `static/` folders, which Datasette finds by itself."""
import csv
import json
import sqlite3

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import Request

from . import guards
from .article import article_page, french_number, meeting_sources
from .empty_answers import empty_answer


# The site's settings, wherever the command line left Datasette's default: a reader's 3 s for
# a query, no facet suggestions (each is a query on every table page), the start of long texts.
SETTINGS = {"sql_time_limit_ms": 3000, "suggest_facets": False, "truncate_cells_html": 400}
# A file opened immutable never changes while served: a CDN or a reverse proxy may answer repeat
# reads for an hour (Datasette's default is 5 s); a new file is published as a new container.
IMMUTABLE_CACHE_TTL = 3600


@hookimpl
def startup(datasette):
    from datasette.app import DEFAULT_SETTINGS  # not at the top: datasette.app loads the plugins
    from datasette.views import base

    settings = dict(SETTINGS)
    coalition = datasette.databases.get("coalition")
    if coalition is not None and not coalition.is_mutable:
        settings["default_cache_ttl"] = IMMUTABLE_CACHE_TTL
    for name, value in settings.items():
        if datasette.setting(name) == DEFAULT_SETTINGS[name]:
            datasette._settings[name] = value
    if datasette.executor is not None and not isinstance(datasette.executor, guards.Threads):
        datasette.executor.shutdown(wait=False)
        datasette.executor = guards.Threads(datasette.setting("num_sql_threads"))
    # Datasette writes its CSV downloads with the csv module it imported: give it one whose
    # cells cannot be read as formulas by a spreadsheet.
    base.csv = FormulaFreeCsv


class FormulaFreeCsv:
    """The csv module's writer, each text cell that a spreadsheet would run as a formula
    ("=HYPERLINK(…)", "+", "-", "@", and a tab or carriage return before them) prefixed with
    an apostrophe, which shows it as text."""

    @staticmethod
    def writer(file, *args, **kwargs):
        return FormulaFreeWriter(csv.writer(file, *args, **kwargs))


class FormulaFreeWriter:
    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row):
        return self.writer.writerow([f"'{cell}" if isinstance(cell, str) and cell[:1] in FORMULA_STARTS else cell for cell in row])


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def guarded(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            request = Request(scope, receive)
            refusal = refused(request)
            if refusal:
                response = await error_response(datasette, request, refusal)
                return await response.asgi_send(send)
            guards.ad_hoc_request.set(guards.is_ad_hoc(request.args))
            # A streamed CSV download reads page after page: Datasette's max_csv_mb bounds it,
            # and each of its queries gets the limit of its own.
            if "_stream" not in request.args:
                guards.request_budget.set(guards.Budget())
            return await app(scope, receive, send)

        return guarded

    return wrap


def refused(request) -> str | None:
    """Why a request is the reader's mistake, before Datasette reads it (a 500 otherwise)."""
    if request.method == "POST" and not request.path.startswith("/-/"):
        return "this site is read-only: its pages and queries are asked with GET"
    limit = request.args.get("_timelimit")
    if limit is not None and not limit.isdigit():
        return f"_timelimit must be a whole number of milliseconds, not {limit[:40]!r}"
    facets = guards.facets_asked(request.args)
    if facets > guards.MAX_FACETS:
        return f"too many facets asked ({facets}; at most {guards.MAX_FACETS} a request)"
    return None


async def error_response(datasette, request, message):
    """Datasette's own error page (or JSON), status 400."""
    from datasette.handle_exception import handle_exception as datasette_error
    from datasette.views.base import DatasetteError

    return await datasette_error(datasette, request, DatasetteError(message, status=400))()


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins("coalition", "coalition.css")]


@hookimpl
def prepare_connection(conn):
    guards.guard(conn)


@hookimpl
def handle_exception(datasette, request, exception):
    from datasette.views.base import DatasetteError  # not at the top: it imports datasette.app

    # "?_sort=nope", "?_through=" naming no foreign key: the reader's mistake, not the server's.
    if isinstance(exception, DatasetteError) and str(exception).startswith(("Cannot sort table by", "Invalid _through")):
        exception.status = 400
    # "?_json=column" decodes each value of the column: one nested too deeply is the query's.
    if isinstance(exception, RecursionError) and "_json" in request.args:
        message = "_json: a value is nested too deeply to be decoded"
    elif isinstance(exception, json.JSONDecodeError) and "_through" in request.args:
        message = f"_through must be JSON, such as {{\"table\": \"article_meetings\", \"column\": \"article_id\", \"value\": 3}} ({exception})"
    # A table page's "?_where=" that builds too big a value (the query page says so itself).
    elif isinstance(exception, sqlite3.DataError):
        message = str(exception)
    else:
        return None

    async def refusal():
        return await error_response(datasette, request, message)

    return refusal


@hookimpl
def render_cell(value, column, table, database):
    # A figure is stored as a REAL; 400.0 soldiers read as 400.
    if database == "coalition" and table == "figures" and column == "value" and isinstance(value, float) and value.is_integer():
        return french_number(value)
    return None


@hookimpl
def extra_template_vars(template, database, view_name, table, request, datasette):
    if database != "coalition" or request is None:
        return None
    if view_name == "row" and table == "articles":
        async def article_vars():
            return {"article": await article_page(datasette, tilde_decode(request.url_vars["pks"]))}

        return article_vars
    if view_name == "row" and table == "meetings":
        async def meeting_vars():
            return {"meeting_sources": await meeting_sources(datasette, tilde_decode(request.url_vars["pks"]))}

        return meeting_vars
    if template.startswith("query-coalition"):
        async def query_vars():
            return {"empty_answer": await empty_answer(datasette, request.url_vars.get("table"), request.args)}

        return query_vars
    return None
