import contextlib
import shutil
import socket
import subprocess
import time
import urllib.request
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


@contextlib.contextmanager
def serving(command: list, name: str):
    """Run a site server on a free port of the loopback; yield its base address once it answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([*command, "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                assert process.poll() is None, f"{name} exited"
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
