"""What the published site refuses: huge values, wrong sorts, unreadable databases; and `coalition serve`'s own options."""
import json
import shlex
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.utils import temporary_docker_directory

from loader import cli
from loader import site as site_files

from .conftest import ROOT
from .test_site import option, serve_command, site  # noqa: F401 (fixtures)


@pytest.mark.parametrize("sql", ["select zeroblob(900000000)", "select zeroblob(50000000)", "select randomblob(50000000)",
                                 "select replace(printf('%.*c', 3000000, 'x'), 'x', 'xx')", "select length(zeroblob(50000000))"])
async def test_no_query_builds_a_huge_value(site, sql):
    response = await site.client.get("/coalition.json", params={"sql": sql})
    assert response.status_code == 400
    assert "too big" in response.json()["error"]


async def test_no_query_returns_a_huge_answer(site):
    # Each value is under the length limit; together, over 64 MB (4 GB with a thousand rows).
    response = await site.client.get("/coalition.json", params={"sql": "select zeroblob(3900000) from figures"})
    assert response.status_code == 400
    assert "result too big" in response.json()["error"]
    response = await site.client.get("/coalition.json", params={"sql": "select * from figures, articles, quotes", "_shape": "array"})
    assert response.status_code == 200 and len(response.json()) == 1000  # a legitimate large answer still comes


async def test_the_limit_leaves_room_for_every_stored_row(site):
    assert (await site.client.get("/coalition.json", params={"sql": "select length(zeroblob(3000000)) as n", "_shape": "array"})).json() == [{"n": 3000000}]
    response = await site.client.get("/coalition/articles.json?_size=max&_shape=array")
    assert response.status_code == 200 and len(response.json()) == 5


def readme_publish_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [block.replace("\\\n", " ") for block in readme.split("\n\n") if block.lstrip().startswith("datasette publish")]
    return [shlex.split(command) for command in commands]


async def test_datasette_publish_carries_the_same_guards(seeds_db, monkeypatch):
    """The README's publish commands package the project's plugin, templates and metadata."""
    commands = readme_publish_commands()
    assert len(commands) == 3
    for command in commands:
        assert option(command, "--metadata") == "loader/site/metadata.yml"
        assert option(command, "--plugins-dir") == "loader/site/plugins"
        assert option(command, "--template-dir") == "loader/site/templates"
    # What `datasette publish cloudrun` would build, from the project's folder.
    command = commands[0]
    monkeypatch.chdir(ROOT)
    with open(option(command, "--metadata"), encoding="utf-8") as metadata, temporary_docker_directory(
        files=[str(seeds_db)], name="coalition", metadata=metadata, extra_options=option(command, "--extra-options"),
        branch=None, template_dir=option(command, "--template-dir"), plugins_dir=option(command, "--plugins-dir"),
        static=[], install=[], spatialite=False, version_note=None, secret="x",
    ) as folder:
        dockerfile = (Path(folder) / "Dockerfile").read_text()
        assert "--plugins-dir plugins" in dockerfile and "--template-dir templates" in dockerfile
        published = Datasette(immutables=[str(Path(folder) / "coalition.db")],
                              metadata=json.loads((Path(folder) / "metadata.json").read_text()),
                              plugins_dir=str(Path(folder) / "plugins"), template_dir=str(Path(folder) / "templates"))
        response = await published.client.get("/coalition.json", params={"sql": "select zeroblob(900000000)"})
        assert response.status_code == 400
        assert (await published.client.get("/coalition/articles/5")).text.count('<mark class="quote"') >= 5


@pytest.mark.parametrize("path", ["/coalition/articles?_sort=nope", "/coalition/articles.json?_sort=nope",
                                  "/coalition/people?_sort_desc=nope", "/coalition/size_over_time.json?_sort=nope"])
async def test_a_wrong_sort_is_the_readers_mistake(site, path):
    response = await site.client.get(path)
    assert response.status_code == 400
    assert "Cannot sort table by nope" in response.text


def serve(*args, cwd=None):
    commands = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli.os, "execv", lambda program, command: commands.append(command))
        if cwd:
            patch.chdir(cwd)
        result = CliRunner().invoke(cli.cli, ["serve", *args])
    return result, commands


def test_serve_refuses_a_file_that_is_not_a_database_in_one_line(tmp_path):
    not_a_db = tmp_path / "notadb"
    not_a_db.write_text("hello, this is text\n" * 100)
    result, commands = serve("--db", str(not_a_db))
    assert result.exit_code == 1 and commands == []
    assert result.output.strip().splitlines() == [f"Error: {not_a_db} is not a database SQLite can read (file is not a database)"]


def test_serve_refuses_a_database_that_is_not_coalitions(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    result, commands = serve("--db", str(other))
    assert result.exit_code == 1 and commands == []
    assert "is not a coalition database (no articles table)" in result.output


def test_serve_refuses_a_missing_metadata_file(seeds_db, tmp_path):
    result, commands = serve("--db", str(seeds_db), "--metadata", str(tmp_path / "missing.yml"))
    assert result.exit_code == 2 and commands == []
    assert "does not exist" in result.output


def test_serve_from_another_folder_keeps_the_sites_metadata(seeds_db, tmp_path):
    result, commands = serve("--db", str(seeds_db), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    for name, path in (("--metadata", site_files.METADATA), ("--plugins-dir", site_files.PLUGINS), ("--template-dir", site_files.TEMPLATES)):
        assert option(commands[0], name) == str(path) and path.exists()


def test_serve_help_is_h_and_every_option_is_explained():
    result = CliRunner().invoke(cli.cli, ["serve", "-h"])
    assert result.exit_code == 0 and result.output.startswith("Usage: ") and " serve [OPTIONS]" in result.output.splitlines()[0]
    for param in cli.serve.params:
        assert isinstance(param, click.Option) and param.help, param.name
    host = next(param for param in cli.serve.params if param.name == "host")
    assert host.opts == ["--host"] and not host.secondary_opts
