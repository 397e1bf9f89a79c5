"""The `coalition` command: a thin layer over the pipeline."""
import json
import os
import signal
import sqlite3
import sys
from importlib.metadata import entry_points
from pathlib import Path

import click

from .corpus import CorpusError, printable, visible
from .pipeline import TargetRefused, build as build_database, no_progress

DEFAULT_CORPUS = "seeds"
DEFAULT_DB = "coalition.db"
# The site's Datasette metadata, at the top of the project, where `datasette -m` finds it too.
METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"


def _echo_problems(problems):
    for problem in problems:
        click.echo(f"{problem.severity}: {problem.path}: {problem.message}", err=True)


def _progress(total):
    # A bar on a terminal only: logs and pipes get the summary line alone.
    if not sys.stderr.isatty():
        return no_progress(total)
    return click.progressbar(length=total, label=f"extracting {total:,} articles", file=sys.stderr)


def _terminate(signum, frame):
    # SIGTERM unwinds like Ctrl-C, so the temporary file is removed and the old database kept.
    raise KeyboardInterrupt


@click.group()
@click.version_option(package_name="coalition")
def cli():
    "French press articles about the anti-Daech coalition, as one SQLite database."


@cli.command(short_help="Build the database from a folder of articles.")
@click.argument("corpus_dir", default=DEFAULT_CORPUS, type=click.Path(file_okay=False))
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="Database to write")
@click.option("--strict", is_flag=True, help="Exit with an error if any input had a problem")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes extracting articles in parallel  [default and most: all cores]")
@click.option("--full", is_flag=True, help="Rebuild from scratch, ignoring what the previous database holds")
@click.option("--force", is_flag=True, help="Replace the --db file even if it is not a coalition database")
def build(corpus_dir, db_path, strict, jobs, full, force):
    "Build the database from the *.txt articles of CORPUS_DIR (default: seeds/)."
    signal.signal(signal.SIGTERM, _terminate)
    shown = printable(db_path)
    try:
        summary = build_database(corpus_dir, db_path, jobs=jobs, full=full, progress=_progress, force=force)
    except TargetRefused as error:
        raise click.ClickException(str(error))
    except CorpusError as error:
        _echo_problems(error.problems)
        raise click.ClickException(str(error))
    except KeyboardInterrupt:
        raise click.ClickException(f"build interrupted; {shown} left as it was")
    except Exception as error:
        # Disk full, no permission: the write failed. Anything else, rows the schema refuses
        # included, is a bug, not the input: still one line, and the old database kept.
        refused = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)
        if isinstance(error, (OSError, sqlite3.Error)) and not isinstance(error, refused):
            raise click.ClickException(f"could not write {shown}: {getattr(error, 'strerror', None) or error}; {shown} left as it was")
        raise click.ClickException(visible(f"build failed ({type(error).__name__}: {error}); {shown} left as it was; please report this"))
    _echo_problems(summary.problems)
    click.echo(f"{shown}: {summary}", err=True)
    if strict and summary.problems:
        raise click.ClickException(f"{len(summary.problems)} problem(s) with the input (--strict)")


@cli.command(short_help="Score a database against gold answers.")
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON")
@click.option("-v", "--verbose", is_flag=True, help="List the misses: missing, spurious and wrong items")
def evaluate(db_path, gold_dir, as_json, verbose):
    "Score DB_PATH against the gold answers in GOLD_DIR."
    from . import evaluate as scoring

    try:
        report = scoring.evaluate(db_path, gold_dir)
    except scoring.ScoringError as error:
        raise click.ClickException(str(error))
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(scoring.format_report(report, verbose=verbose))


def _check_database(db_path: str) -> None:
    """Refuse, in one line, a file SQLite cannot read, before Datasette fails on it at length."""
    try:
        conn = sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise click.ClickException(f"{db_path} is not a database SQLite can read ({error})")
    if "articles" not in tables:
        raise click.ClickException(f"{db_path} is not a coalition database (no articles table): build one with `coalition build`")


def _served_as_coalition(db_path: str) -> str:
    """The path to serve `db_path` from under the name coalition."""
    import tempfile

    if Path(db_path).stem == "coalition":
        return db_path
    # Datasette names a database after its file, and the metadata configures "coalition":
    # serve any other file through a link of that name, in a folder only this user can
    # write to and whose name nobody can guess (mkdtemp), so no one else chooses the file.
    link = Path(tempfile.mkdtemp(prefix="coalition-serve-")) / "coalition.db"
    link.symlink_to(Path(db_path).resolve())
    return str(link)


@cli.command(short_help="Publish the database with Datasette, read-only.", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="Database to publish (any file name; it is served as 'coalition')")
@click.option("--corpus", "corpus_dir", default=DEFAULT_CORPUS, show_default=True, help="Folder the database is built from when it is missing")
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False),
              help="Datasette metadata to use instead of the site's own (metadata.yml, at the top of the project)")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for every interface)")
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on")
@click.option("-o", "--open", "open_browser", is_flag=True, help="Open the site in a web browser")
def serve(db_path, corpus_dir, metadata, host, port, open_browser):
    "Publish the database with Datasette, read-only (building it first if missing)."
    # The site (guards, article page, templates) is a Datasette plugin: without it the
    # database would be served with no limit on what a query may build.
    if "loader.site" not in {entry.value for entry in entry_points(group="datasette")}:
        raise click.ClickException("the site's Datasette plugin is not installed: run `pip install -e .` in the project's folder")
    if metadata is None and not METADATA.is_file():
        raise click.ClickException(f"{METADATA} is missing: pass --metadata FILE, or serve from the project's folder")
    if not Path(db_path).exists():
        click.echo(f"{db_path} is missing: building it from {corpus_dir}/", err=True)
        try:
            click.echo(f"{db_path}: {build_database(corpus_dir, db_path)}", err=True)
        except CorpusError as error:
            raise click.ClickException(str(error))
    _check_database(db_path)
    # Immutable: SQLite opens the file read-only, so no write of any kind can come from the web.
    command = [sys.executable, "-m", "datasette", "serve", "--immutable", _served_as_coalition(db_path), "--host", host, "--port", str(port), "--cors"]
    command += ["--metadata", str(metadata or METADATA)]
    if open_browser:
        command.append("--open")
    # Datasette takes over the process: Ctrl-C and signals reach it directly.
    os.execv(sys.executable, command)
