#!/usr/bin/env bash
# Install the project and its test tools in .venv, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
# The browser tests drive Debian's Chromium; install it where we may, else they skip.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
        || echo "test.sh: could not install chromium; the browser tests will skip" >&2
fi
exec .venv/bin/python -m pytest "$@"
