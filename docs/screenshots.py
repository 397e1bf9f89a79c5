"""Screenshots of the site for the README, taken by headless Chromium.

usage: python docs/screenshots.py [--db coalition.db]

Serves the database with `coalition serve` and saves, at 1400 pixels wide, the
README's images: docs/article.png, docs/meeting.png, docs/person-quotes.png, docs/dashboard.png,
docs/coalition-size.png and docs/meetings.png.
"""
import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
# (file, page, a CSS selector present once the page is drawn, window height)
SHOTS = [
    ("article.png", "/coalition/articles/5", ".article-text mark.quote", 1000),
    ("meeting.png", "/coalition/meetings/3", ".meeting-sources blockquote", 1000),
    ("person-quotes.png", "/coalition/person_quotes?name=tillerson", "table.rows-and-columns", 1000),
    ("dashboard.png", "/-/dashboards/overview", "#chart-meetings-map .leaflet-marker-icon", 1400),
    ("coalition-size.png", "/-/dashboards/overview/coalition-size", "#chart-overview .mark-line path", 700),
    ("meetings.png", "/coalition/meetings", ".leaflet-marker-icon", 2100),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(ROOT / "coalition.db"))
    args = parser.parse_args()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "loader", "serve", "--db", args.db, "--port", str(port)], cwd=ROOT)
    profile = tempfile.mkdtemp(prefix="coalition-chromium-")
    options = Options()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", f"--user-data-dir={profile}", "--window-size=1400,1000", "--hide-scrollbars"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json")
                break
            except OSError:
                time.sleep(0.1)
        for name, page, drawn, height in SHOTS:
            driver.set_window_size(1400, height)
            driver.get(f"http://127.0.0.1:{port}{page}")
            WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.querySelector(arguments[0])", drawn))
            time.sleep(1)  # let the charts finish their transitions
            driver.save_screenshot(str(ROOT / "docs" / name))
            print(f"docs/{name}")
    finally:
        driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
