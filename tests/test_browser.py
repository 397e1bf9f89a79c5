"""The site in a real browser: headless Chromium draws the charts and the dashboard."""
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver are not installed (./test.sh installs them as root)"
)


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
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
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
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver, css, timeout=20):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(expected_conditions.presence_of_all_elements_located((By.CSS_SELECTOR, css)))


def test_coalition_size_chart_link_draws_the_chart(server, browser):
    browser.get(server + "/coalition/coalition_size#g.mark=line&g.x_column=date&g.x_type=temporal&g.y_column=size&g.y_type=quantitative")
    drawn = wait_for(browser, ".datasette-vega svg, .datasette-vega canvas, .vega-embed svg, .vega-embed canvas")
    assert drawn


def test_dashboard_panels_are_drawn(server, browser):
    browser.get(server + "/-/dashboards/overview")
    charts = wait_for(browser, ".vega-embed svg, .vega-embed canvas")
    assert len(charts) >= 3
    assert wait_for(browser, ".leaflet-marker-icon, .leaflet-interactive, .marker-cluster")
    browser.save_screenshot(str(ROOT / "tests" / ".dashboard.png"))
