"""The site in a real browser: headless Chromium draws the chart links and the dashboard, from local files only."""
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")  # Debian: /usr/bin/chromedriver
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver; ./test.sh does it as root)",
)
COALITION_SIZE_CHART = "/coalition/coalition_size#g.mark=line&g.x_column=month&g.x_type=temporal&g.y_column=size&g.y_type=quantitative"
# Colored pixels on a canvas: Vega draws axes and grid in grays, data marks in colors.
COLORED_PIXELS = """
const canvas = document.querySelector(arguments[0]);
if (!canvas) return 0;
const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
let colored = 0;
for (let i = 0; i < pixels.length; i += 4) {
  const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
  if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) colored++;
}
return colored;
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(seeds_db):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "loader", "serve", "--db", str(seeds_db), "--port", str(port), "--metadata", str(ROOT / "metadata.yml")],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                assert process.poll() is None, "coalition serve exited"
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="coalition-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_until(driver, condition, timeout=20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda driver: condition(driver))


def code_loaded_from_elsewhere(driver, server):
    """Scripts and stylesheets the page fetched from another host than the site (map tiles are images, allowed)."""
    entries = driver.execute_script("return performance.getEntriesByType('resource').map(r => [r.initiatorType, r.name])")
    here = urlsplit(server).netloc
    return [name for kind, name in entries if kind in ("script", "link", "css") and urlsplit(name).netloc != here]


def test_coalition_size_chart_link_draws_the_chart(server, browser):
    browser.get(server + COALITION_SIZE_CHART)
    # The fragment set the form: a line of size against date.
    wait_until(browser, lambda d: d.execute_script("return document.querySelector('#graphForm input[value=line]')?.checked"))
    assert browser.execute_script("return document.querySelector('#graphForm select[name=x_column]').value") == "month"
    assert browser.execute_script("return document.querySelector('#graphForm select[name=y_column]').value") == "size"
    assert wait_until(browser, lambda d: d.execute_script(COLORED_PIXELS, ".vega-embed canvas") > 50)
    assert code_loaded_from_elsewhere(browser, server) == []


def test_dashboard_panels_are_drawn(server, browser):
    browser.get(server + "/-/dashboards/overview")
    # Vega-Lite panels: the line of the coalition size, the bars of meetings per year and of the most quoted.
    wait_until(browser, lambda d: d.execute_script("return document.querySelectorAll('#chart-coalition-size .mark-line.role-mark path').length"))
    for panel in ("meetings-per-year", "most-quoted"):
        assert wait_until(browser, lambda d: d.execute_script(f"return document.querySelectorAll('#chart-{panel} .mark-rect.role-mark path').length"))
    counts = [browser.find_element("css selector", f"#chart-{name}-count").text for name in ("articles", "meetings", "people", "quotes")]
    assert counts[0] == "5" and all(count.isdigit() and int(count) > 0 for count in counts)
    markers = wait_until(browser, lambda d: d.execute_script("return document.querySelectorAll('#chart-meetings-map .leaflet-marker-icon').length"))
    assert markers >= 1
    assert code_loaded_from_elsewhere(browser, server) == []
