"""What the published site refuses: huge values, wrong sorts, unreadable databases; and `coalition serve`'s own options."""
import fnmatch
import json
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.utils import temporary_docker_directory

from loader import cli

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


def readme_commands(program):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [block.strip().replace("\\\n", " ") for block in readme.split("\n\n") if block.lstrip().startswith(program)]
    return [shlex.split(command) for command in commands]


WHEEL = "plugins/coalition-0.1.0-py3-none-any.whl"


async def test_datasette_publish_carries_the_same_guards(seeds_db, monkeypatch, tmp_path):
    """The README's publish commands install the project's wheel (its plugin, templates and
    static files) in the container, beside the top-level metadata."""
    commands = readme_commands("datasette publish") + readme_commands("datasette package")
    assert len(commands) == 3
    for command in commands:
        assert option(command, "--metadata") == "metadata.yml"
        assert option(command, "--plugins-dir") == "plugins" and option(command, "--install") == WHEEL
        assert "--template-dir" not in command  # the templates are the plugin's
    assert readme_commands("pip wheel") == [["pip", "wheel", "--no-deps", "--wheel-dir", "plugins", "."]]
    # What `datasette publish cloudrun` would build, from the project's folder (the wheel as
    # `pip wheel` names it; its contents are checked by test_the_wheel_carries_the_site).
    command = commands[0]
    project = tmp_path / "project"
    (project / "plugins").mkdir(parents=True)
    (project / WHEEL).write_bytes(b"wheel")
    (project / "metadata.yml").write_bytes((ROOT / "metadata.yml").read_bytes())
    monkeypatch.chdir(project)
    with open(option(command, "--metadata"), encoding="utf-8") as metadata, temporary_docker_directory(
        files=[str(seeds_db)], name="coalition", metadata=metadata, extra_options=None,
        branch=None, template_dir=None, plugins_dir=option(command, "--plugins-dir"),
        static=[], install=[option(command, "--install")], spatialite=False, version_note=None, secret="x",
    ) as folder:
        dockerfile = (Path(folder) / "Dockerfile").read_text()
        # COPY comes before the install, so the wheel is in the container when pip reads it.
        assert dockerfile.index("COPY . /app") < dockerfile.index(f"RUN pip install -U datasette {WHEEL}")
        assert (Path(folder) / WHEEL).read_bytes() == b"wheel"
        published = Datasette(immutables=[str(Path(folder) / "coalition.db")],
                              metadata=json.loads((Path(folder) / "metadata.json").read_text()), plugins_dir=str(Path(folder) / "plugins"))
        response = await published.client.get("/coalition.json", params={"sql": "select zeroblob(900000000)"})
        assert response.status_code == 400
        assert (await published.client.get("/coalition/articles/5")).text.count('<mark class="quote"') >= 5


def test_the_wheel_carries_the_site():
    """The package data names every template and static file, and the entry point the plugin."""
    tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["entry-points"]["datasette"] == {"coalition": "loader.site"}
    patterns = project["tool"]["setuptools"]["package-data"]["loader.site"]
    files = [path.relative_to(ROOT / "loader" / "site").as_posix() for folder in ("templates", "static")
             for path in (ROOT / "loader" / "site" / folder).iterdir()]
    assert files and all(any(fnmatch.fnmatch(name, pattern) for pattern in patterns) for name in files)


def test_datasette_lists_the_plugin():
    plugins = json.loads(subprocess.run([sys.executable, "-m", "datasette", "plugins"], capture_output=True, text=True, check=True).stdout)
    coalition = next(plugin for plugin in plugins if plugin["name"] == "coalition")
    assert coalition["templates"] and coalition["static"] and "prepare_connection" in coalition["hooks"]


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
    assert option(commands[0], "--metadata") == str(ROOT / "metadata.yml")
    assert "--plugins-dir" not in commands[0] and "--template-dir" not in commands[0]  # the plugin is installed


def test_serve_help_is_h_and_every_option_is_explained():
    result = CliRunner().invoke(cli.cli, ["serve", "-h"])
    assert result.exit_code == 0 and result.output.startswith("Usage: ") and " serve [OPTIONS]" in result.output.splitlines()[0]
    for param in cli.serve.params:
        assert isinstance(param, click.Option) and param.help, param.name
    host = next(param for param in cli.serve.params if param.name == "host")
    assert host.opts == ["--host"] and not host.secondary_opts
