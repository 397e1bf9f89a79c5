"""The published site, through Datasette's own test client."""
import pytest
import yaml
from datasette.app import Datasette

from .conftest import ROOT

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
QUERIES = METADATA["databases"]["coalition"]["queries"]
TABLES = METADATA["databases"]["coalition"]["tables"]
# A value for each parameter that finds rows on the seeds' database.
GOOD_PARAMETERS = {"name": "tillerson", "meeting": "3", "unit": "soldats", "q": "etats-unis"}
INJECTIONS = ["' or 1=1 --", "1; drop table articles", '" or ""="', "1 union select * from people", "%"]


@pytest.fixture
def site(seeds_db):
    return Datasette(
        immutables=[str(seeds_db)],
        metadata=METADATA,
        settings={"suggest_facets": False, "sql_time_limit_ms": 3000},
    )


def parameters_of(sql):
    return sorted(set(name for name in GOOD_PARAMETERS if f":{name}" in sql))


async def test_articles_json(site):
    response = await site.client.get("/coalition/articles.json?_shape=array")
    assert response.status_code == 200
    assert len(response.json()) == 5


def test_at_least_eight_canned_queries_with_titles():
    assert len(QUERIES) >= 8
    for name, query in QUERIES.items():
        assert query.get("title") and query.get("description"), name


@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_every_canned_query_returns_rows(site, name):
    params = "&".join(f"{p}={GOOD_PARAMETERS[p]}" for p in parameters_of(QUERIES[name]["sql"]))
    response = await site.client.get(f"/coalition/{name}.json?_shape=array&{params}")
    assert response.status_code == 200, response.text
    assert response.json(), f"{name} returned no rows"


@pytest.mark.parametrize("name", sorted(n for n in QUERIES if set(parameters_of(QUERIES[n]["sql"])) - {"unit"}))
@pytest.mark.parametrize("value", ["", "   "])
async def test_empty_parameter_returns_nothing(site, name, value):
    params = "&".join(f"{p}={value}" for p in parameters_of(QUERIES[name]["sql"]))
    response = await site.client.get(f"/coalition/{name}.json?_shape=array&{params}")
    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize("name", sorted(n for n in QUERIES if parameters_of(QUERIES[n]["sql"])))
@pytest.mark.parametrize("injection", INJECTIONS)
async def test_parameters_are_bound_not_spliced(site, name, injection):
    if (name, injection) == ("figures_over_time", "%"):
        pytest.skip("'%' is a real unit (percentages)")
    params = {p: injection for p in parameters_of(QUERIES[name]["sql"])}
    response = await site.client.get(f"/coalition/{name}.json", params={**params, "_shape": "array"})
    assert response.status_code == 200, response.text
    assert response.json() == []


@pytest.mark.parametrize("table", sorted(t for t in TABLES if TABLES[t].get("facets")))
async def test_configured_facets_appear(site, table):
    response = await site.client.get(f"/coalition/{table}.json")
    assert response.status_code == 200
    assert set(TABLES[table]["facets"]) <= set(response.json()["facet_results"])


async def test_foreign_keys_show_labels(site):
    response = await site.client.get("/coalition/quotes.json?_shape=array&_labels=on&person_id__notblank=1")
    row = response.json()[0]
    assert isinstance(row["person_id"], dict) and row["person_id"]["label"]
    assert isinstance(row["article_id"], dict) and row["article_id"]["label"].endswith(".txt")
    response = await site.client.get("/coalition/article_meetings.json?_shape=array&_labels=on")
    assert "(ministerial)" in response.json()[0]["meeting_id"]["label"]


async def test_every_table_and_column_is_described(site, seeds_db):
    import sqlite_utils

    db = sqlite_utils.Database(seeds_db)
    for table in db.table_names():
        if "_fts" in table or table.startswith("sqlite_") or table.startswith("_"):
            continue
        assert TABLES[table]["description"], table
        described = TABLES[table].get("columns", {})
        assert set(db[table].columns_dict) <= set(described), (table, set(db[table].columns_dict) - set(described))
        assert all(isinstance(text, str) for text in described.values())


async def test_writes_are_refused(site):
    response = await site.client.get("/coalition.json?sql=delete+from+articles")
    assert response.status_code == 400
    response = await site.client.post("/coalition/articles", json={"id": 99})
    assert response.status_code != 200
    count = await site.client.get("/coalition.json?sql=select+count(*)+as+n+from+articles&_shape=array")
    assert count.json() == [{"n": 5}]


async def test_dashboard_is_configured(site):
    response = await site.client.get("/-/dashboards/overview")
    assert response.status_code == 200
    assert "Most-quoted people" in response.text


async def test_search_folds_accents(site):
    response = await site.client.get("/coalition/search.json?_shape=array&q=ETATS-UNIS")
    folded = await site.client.get("/coalition/search.json?_shape=array&q=états-unis")
    assert response.json() and response.json() == folded.json()
