"""The site in a real browser: headless Chromium draws the chart links and the dashboard, from local files only."""
import json
import shutil
import sys
import tempfile
import urllib.request
from urllib.parse import urlsplit

import pytest

from .conftest import ROOT, serving

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")  # Debian: /usr/bin/chromedriver
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver; ./test.sh does it as root)",
)
COALITION_SIZE_CHART = "/-/dashboards/overview/coalition-size"  # the README's link
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


@pytest.fixture(scope="module")
def server(seeds_db):
    with serving([sys.executable, "-m", "loader", "serve", "--db", str(seeds_db)], "coalition serve") as base:
        yield base


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


# The points of a Vega chart drawn as SVG, as Vega describes them ("month: 03/2017; Pays ou membres: 68; source: …").
POINTS = "return Array.from(document.querySelectorAll(arguments[0] + ' .mark-symbol.role-mark path')).map(p => p.getAttribute('aria-label'))"
# Where an element sits in the window: [left, top, width, height], or null.
BOX = "const e = document.querySelector(arguments[0]); if (!e) return null; const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height];"


def on_first_screen(browser, selector):
    box = browser.execute_script(BOX, selector)
    return box is not None and box[1] >= 0 and box[1] + min(box[3], 40) <= browser.execute_script("return window.innerHeight")


def test_the_first_screen_of_an_article_is_its_text_with_marks(server, browser):
    browser.get(server + "/coalition/articles/5")
    left, top, width, height = browser.execute_script(BOX, ".article-text")
    assert left < 100 and top < 250 and 500 <= width <= 900  # a column made for reading, at the left, near the top
    for mark in ("mark.quote", "a.person", "a.figure", ".quote-source a", "mark.meeting", ".meeting-source a"):
        assert on_first_screen(browser, f".article-text {mark}"), mark
    aside = browser.execute_script(BOX, ".reading aside")
    assert aside[0] >= left + width and on_first_screen(browser, ".reading aside .article-meetings li")
    assert "Washington, 22 mars 2017" in browser.find_element("css selector", ".reading aside").text
    assert on_first_screen(browser, ".reading h1") and on_first_screen(browser, ".article-meta")
    assert browser.execute_script("return document.querySelector('.row-data').open") is False  # sha256 and raw text folded away
    assert code_loaded_from_elsewhere(browser, server) == []


def test_the_first_screen_of_a_canned_query_is_its_form_and_answer(server, browser):
    browser.get(server + "/coalition/person_quotes?name=tillerson")
    assert on_first_screen(browser, "input[name=name]")
    assert on_first_screen(browser, "table.rows-and-columns tbody tr")
    assert browser.execute_script(BOX, "#sql-query") is None and browser.execute_script(BOX, ".cm-editor") is None
    assert browser.find_element("css selector", "table.rows-and-columns tbody td.col-name").text == "Rex Tillerson"
    browser.get(server + "/coalition/person_quotes?name=le+drian")
    assert on_first_screen(browser, ".empty-answer")
    assert "Jean-Yves Le Drian" in browser.find_element("css selector", ".empty-answer").text


def test_the_coalition_size_chart_link_draws_a_wide_line_of_countries_or_members(server, browser):
    browser.get(server + COALITION_SIZE_CHART)
    wait_until(browser, lambda d: d.execute_script("return document.querySelectorAll('#chart-overview .mark-line.role-mark path').length"))
    left, top, width, height = browser.execute_script(BOX, "#chart-overview svg")
    assert width >= 1000 and top + height <= 1000  # wide enough to read, whole on the first screen
    # The data drawn: countries or members only, never ministers.
    data_url = browser.execute_script(
        "return performance.getEntriesByType('resource').map(r => r.name).find(n => n.includes('/coalition.json?sql='))")
    rows = json.loads(urllib.request.urlopen(data_url).read())["rows"]
    assert {row["source"] for row in rows} == {"présents à une réunion ministérielle", "membres de la coalition (chiffre cité)"}
    assert not any("ministres" in row["detail"] for row in rows) and max(row["size"] for row in rows) == 79
    # Each point is drawn, the members' series of one point too.
    assert sorted(browser.execute_script(POINTS, "#chart-overview")) == [
        "month: 02/2019; Pays ou membres: 79; source: membres de la coalition (chiffre cité)",
        "month: 02/2019; Pays ou membres: 79; source: présents à une réunion ministérielle",
        "month: 03/2017; Pays ou membres: 68; source: présents à une réunion ministérielle",
    ]
    assert code_loaded_from_elsewhere(browser, server) == []


def test_dashboard_panels_are_drawn(server, browser):
    browser.get(server + "/-/dashboards/overview")
    # Vega-Lite panels: the line of the coalition size, the bars of meetings per year and of the most quoted.
    wait_until(browser, lambda d: d.execute_script("return document.querySelectorAll('#chart-coalition-size .mark-line.role-mark path').length"))
    assert wait_until(browser, lambda d: d.execute_script("return document.querySelectorAll('#chart-troops .mark-symbol.role-mark path').length"))
    assert browser.execute_script(BOX, "#chart-coalition-size")[2] >= 1000  # the size chart spans the dashboard
    # The troops' points lie inside the plot's frame, not cut at its edges.
    frame, points = browser.execute_script(
        "const s = document.querySelector('#chart-troops svg'); const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };"
        "return [box(s.querySelector('path.background')), Array.from(s.querySelectorAll('.mark-symbol.role-mark path')).map(box)]")
    assert points and all(frame[0] <= p[0] and frame[1] <= p[1] and p[2] <= frame[2] and p[3] <= frame[3] for p in points)
    for panel in ("meetings-per-year", "most-quoted"):
        assert wait_until(browser, lambda d: d.execute_script(f"return document.querySelectorAll('#chart-{panel} .mark-rect.role-mark path').length"))
    # Counts have whole numbers on their axes, never halves.
    for panel in ("meetings-per-year", "most-quoted", "coalition-size"):
        labels = browser.execute_script(f"return Array.from(document.querySelectorAll('#chart-{panel} .role-axis-label text')).map(t => t.textContent)")
        numbers = [label for label in labels if label[:1].isdigit() and "/" not in label]
        assert numbers and all(label.isdigit() for label in numbers) and len(set(numbers)) == len(numbers), (panel, labels)
    counts = [browser.find_element("css selector", f"#chart-{name}-count").text for name in ("articles", "meetings", "people", "quotes")]
    assert counts[0] == "5" and all(count.isdigit() and int(count) > 0 for count in counts)
    markers = wait_until(browser, lambda d: d.execute_script("return document.querySelectorAll('#chart-meetings-map .leaflet-marker-icon').length"))
    assert markers >= 1
    assert code_loaded_from_elsewhere(browser, server) == []


def test_the_articles_table_has_short_rows(server, browser):
    browser.get(server + "/coalition/articles")
    heights = browser.execute_script(
        "return Array.from(document.querySelectorAll('table.rows-and-columns tbody tr')).map(r => r.getBoundingClientRect().height)")
    assert len(heights) == 5 and max(heights) < 120  # texts cut at the column's edge, not 850 pixels of them
