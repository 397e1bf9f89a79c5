import shutil
from pathlib import Path

import pytest

from loader.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEEDS_GOLD = ROOT / "tests" / "data" / "gold" / "seeds"
DEV_ARTICLES = ROOT / "tests" / "data" / "dev" / "articles"
DEV_GOLD = ROOT / "tests" / "data" / "dev" / "gold"
# Real press articles with gold, beside the project (never copied into it).
REAL_ARTICLES = ROOT.parent / "shared" / "real" / "articles"
REAL_GOLD = ROOT.parent / "shared" / "real" / "gold"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory):
    """The database built from seeds/, once per test session."""
    path = tmp_path_factory.mktemp("seeds") / "coalition.db"
    build(SEEDS, path)
    return path


@pytest.fixture(scope="session")
def dev_db(tmp_path_factory):
    """The database built from the development articles."""
    path = tmp_path_factory.mktemp("dev") / "dev.db"
    build(DEV_ARTICLES, path)
    return path


@pytest.fixture
def corpus(tmp_path):
    """A writable copy of the seeds' folder."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder
