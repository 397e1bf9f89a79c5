"""The site as a Datasette plugin: any `datasette` of the project's environment serves it, with its guards."""
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from loader import cli

from .conftest import ROOT, serving


def test_datasette_lists_the_plugin():
    plugins = json.loads(subprocess.run([sys.executable, "-m", "datasette", "plugins"], capture_output=True, text=True, check=True).stdout)
    coalition = next(plugin for plugin in plugins if plugin["name"] == "coalition")
    assert coalition["templates"] and coalition["static"] and "prepare_connection" in coalition["hooks"]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def plain_datasette():
    """A Datasette user's first command, from the project's folder: `datasette coalition.db -m metadata.yml`."""
    with serving([sys.executable, "-m", "datasette", "coalition.db", "-m", "metadata.yml"], "datasette") as base:
        yield base


def test_plain_datasette_serves_the_article_page(plain_datasette):
    status, page = get(plain_datasette + "/coalition/articles/5")
    assert status == 200
    assert page.count('<mark class="quote"') >= 5 and 'class="person"' in page and 'class="figure"' in page
    assert "/-/static-plugins/coalition/coalition.css" in page
    assert get(plain_datasette + "/-/static-plugins/coalition/coalition.css")[0] == 200


def test_plain_datasette_refuses_an_oversized_blob(plain_datasette):
    status, answer = get(plain_datasette + "/coalition.json?" + urllib.parse.urlencode({"sql": "select length(zeroblob(50000000))"}))
    assert status == 400 and "too big" in json.loads(answer)["error"]


def test_plain_datasette_has_the_sites_settings(plain_datasette):
    settings = json.loads(get(plain_datasette + "/-/settings.json")[1])
    assert (settings["sql_time_limit_ms"], settings["suggest_facets"], settings["truncate_cells_html"]) == (3000, False, 400)


async def test_the_command_line_setting_wins(seeds_db):
    site = Datasette(immutables=[str(seeds_db)], settings={"sql_time_limit_ms": 500, "truncate_cells_html": 100})
    await site.invoke_startup()
    assert (site.setting("sql_time_limit_ms"), site.setting("truncate_cells_html"), site.setting("suggest_facets")) == (500, 100, False)


def test_serve_refuses_to_serve_without_the_plugin(seeds_db, monkeypatch):
    monkeypatch.setattr(cli, "entry_points", lambda group: [])
    result = CliRunner().invoke(cli.cli, ["serve", "--db", str(seeds_db)])
    assert result.exit_code == 1
    assert result.output == "Error: the site's Datasette plugin is not installed: run `pip install -e .` in the project's folder\n"


async def test_an_immutable_database_is_cached_for_an_hour(seeds_db, tmp_path):
    immutable = Datasette(immutables=[str(seeds_db)])
    response = await immutable.client.get("/coalition/meetings.json")
    assert response.headers["cache-control"] == "max-age=3600"
    assert (await immutable.client.get("/coalition/articles/5")).headers["cache-control"] == "max-age=3600"
    # A file that may change while served keeps Datasette's 5 s; an error is never cached.
    mutable = Datasette([str(seeds_db)])
    assert (await mutable.client.get("/coalition/meetings.json")).headers["cache-control"] == "max-age=5"
    assert "cache-control" not in (await immutable.client.get("/coalition/articles.json?_sort=nope")).headers


def test_serve_without_the_projects_metadata_says_what_to_pass(seeds_db, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "METADATA", tmp_path / "metadata.yml")
    result = CliRunner().invoke(cli.cli, ["serve", "--db", str(seeds_db)])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'metadata.yml'} is missing: pass --metadata FILE, or serve from the project's folder\n"
