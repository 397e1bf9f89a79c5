"""Start-up: `coalition --help` and `coalition build` of the five seeds, each in a fresh process.

usage: python bench/startup.py [--runs 5]

Prints the fastest and the slowest of the runs, in seconds. Targets: --help under 0.5 s,
the seeds' build under 3 s. Nothing here is a test: run it by hand on a quiet machine.
"""
import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seconds(*arguments):
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "loader", *arguments], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "seeds.db")
        for label, arguments in [("coalition --help", ["--help"]), ("coalition build seeds --full", ["build", "seeds", "--db", database, "--full"])]:
            times = [seconds(*arguments) for _ in range(args.runs)]
            print(f"{label}: {min(times):.2f}–{max(times):.2f} s over {args.runs} fresh processes")


if __name__ == "__main__":
    main()
