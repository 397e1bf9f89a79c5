"""The site as a Datasette plugin, registered through the `datasette` entry point of
pyproject.toml: any `datasette` of the project's environment (`coalition serve`,
`datasette coalition.db -m metadata.yml`, a published container that installs the project)
serves the same site with the same guards. Its templates and style sheet are in this
package's `templates/` and `static/` folders, which Datasette finds by itself."""
from datasette import hookimpl
from datasette.utils import tilde_decode

from . import guards
from .article import article_page, french_number, meeting_sources
from .empty_answers import empty_answer


# The site's settings, wherever the command line left Datasette's default: a reader's 3 s for
# a query, no facet suggestions (each is a query on every table page), the start of long texts.
SETTINGS = {"sql_time_limit_ms": 3000, "suggest_facets": False, "truncate_cells_html": 400}


@hookimpl
def startup(datasette):
    from datasette.app import DEFAULT_SETTINGS  # not at the top: datasette.app loads the plugins

    for name, value in SETTINGS.items():
        if datasette.setting(name) == DEFAULT_SETTINGS[name]:
            datasette._settings[name] = value


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins("coalition", "coalition.css")]


@hookimpl
def prepare_connection(conn):
    guards.guard(conn)


@hookimpl
def handle_exception(exception):
    from datasette.views.base import DatasetteError  # not at the top: it imports datasette.app

    # "?_sort=nope" is the reader's mistake, not the server's: 400, not 500.
    if isinstance(exception, DatasetteError) and str(exception).startswith("Cannot sort table by"):
        exception.status = 400


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
