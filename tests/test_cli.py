"""What the command line says about itself and about a wrong folder."""
from click.testing import CliRunner

from loader.cli import cli

from .conftest import ROOT


def test_evaluate_points_to_the_subfolders_that_hold_gold(tmp_path):
    gold = tmp_path / "gold"
    for name in ("seeds", "dev"):
        (gold / name).mkdir(parents=True)
        (gold / name / "a.json").write_text("{}", encoding="utf-8")
    (gold / "notes").mkdir()
    result = CliRunner().invoke(cli, ["evaluate", str(ROOT / "coalition.db"), str(gold)])
    assert (result.exit_code, result.output) == (1, f"Error: {gold}: no gold *.json files; they are one folder down, in dev/, seeds/: name one of them\n")
    (gold / "dev" / "a.json").unlink()
    (gold / "seeds" / "a.json").unlink()
    result = CliRunner().invoke(cli, ["evaluate", str(ROOT / "coalition.db"), str(gold)])
    assert result.output == f"Error: {gold}: no gold *.json files\n"


def test_help_gives_every_command_whole():
    lines = CliRunner().invoke(cli, ["--help"], terminal_width=80).output.splitlines()
    assert "  build     Build the database from a folder of articles." in lines
    assert "  evaluate  Score a database against gold answers." in lines
    assert "  serve     Publish the database with Datasette, read-only." in lines


def test_troubleshooting_lists_the_messages_of_a_bad_input():
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Troubleshooting", 1)[1]
    for message in [
        "is not a coalition database",
        "add --force to replace it",
        "not a regular file (a symbolic link)",
        "(a named pipe)",
        "Unicode text normalised: accents written as two characters (NFD) joined into one",
        "invisible characters removed",
        "extracted records are inconsistent",
        "resolution failed (…)",
        "writing its records failed (…)",
        "article kept without extracted records, please report this",
        "sources.csv: too large (N bytes; the limit is 200,000,000",
        "they are one folder down",
    ]:
        assert message in section, message
