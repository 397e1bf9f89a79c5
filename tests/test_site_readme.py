"""Every example address of the README and of the site's descriptions, against the shipped coalition.db: each one finds rows."""
import html
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from .conftest import ROOT
from .test_site import CHARTS, descriptions, serve_command, site_for  # noqa: F401 (fixture)

README = (ROOT / "README.md").read_text(encoding="utf-8")
SITE = r"http://127\.0\.0\.1:8001"
# In curl commands ('…'), autolinks (<…>) and Markdown links ([…](…)).
README_EXAMPLES = sorted(set(re.findall(rf"'{SITE}(/[^']*)'", README) + re.findall(rf"<{SITE}(/[^>]*)>", README) + re.findall(rf"\]\({SITE}(/[^)]*)\)", README)))
# The examples the site itself offers in its descriptions ("par exemple tillerson").
SITE_EXAMPLES = sorted({html.unescape(link) for text in descriptions() for link in re.findall(r'href="(/[^"#]+)"', text)})
EXAMPLES = sorted(set(README_EXAMPLES) | set(SITE_EXAMPLES))


@pytest.fixture(scope="module")
def shipped_site(serve_command):  # noqa: F811
    return site_for(ROOT / "coalition.db", serve_command)


def test_the_readme_has_examples_of_every_kind():
    assert len(README_EXAMPLES) >= 20
    assert any(path.startswith("/-/dashboards/overview/") for path in README_EXAMPLES)
    assert any(".json" in path for path in README_EXAMPLES)
    assert any("person_quotes?name=" in path for path in README_EXAMPLES)
    assert any("person_quotes?name=" in path for path in SITE_EXAMPLES)


@pytest.mark.parametrize("path", EXAMPLES)
async def test_every_readme_example_returns_rows(shipped_site, path):
    url = urlsplit(path)
    if url.path.rstrip("/") in ("", "/-/dashboards/overview"):
        response = await shipped_site.client.get(path)
        assert response.status_code == 200
        return
    if url.path.startswith("/-/dashboards/overview/"):
        # A chart's page: its query must find rows to draw.
        assert (await shipped_site.client.get(path)).status_code == 200
        chart = CHARTS[url.path.rsplit("/", 1)[1]]
        response = await shipped_site.client.get("/coalition.json", params={"sql": chart["query"], "_shape": "array"})
        assert response.json(), path
        return
    json_path = url.path if url.path.endswith(".json") else url.path + ".json"
    response = await shipped_site.client.get(json_path, params=parse_qsl(url.query))
    assert response.status_code == 200, (path, response.text)
    data = response.json()
    if isinstance(data, list):
        assert data, path
    elif data.get("rows"):
        assert data["rows"]
    else:
        # "facet counts only" asks for no row: its facets must have counts.
        assert any(facet["results"] for facet in data["facet_results"].values()), path
    if not url.path.endswith(".json"):
        assert (await shipped_site.client.get(path)).status_code == 200
