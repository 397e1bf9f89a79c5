"""The published site, through Datasette's own test client, with the settings `coalition serve` uses."""
import html
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner
from datasette.app import Datasette

from loader import cli, store

from .conftest import ROOT

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
QUERIES = METADATA["databases"]["coalition"]["queries"]
TABLES = METADATA["databases"]["coalition"]["tables"]
# A value for each parameter that finds rows on the seeds' database.
GOOD_PARAMETERS = {"name": "tillerson", "meeting": "3", "unit": "soldats", "q": "etats-unis"}
INJECTIONS = ["' or 1=1 --", "1; drop table articles", '" or ""="', "1 or 1=1", "1 union select * from people", "%", "_", "*", "') or ('1'='1",
              "\x00", "a\x00"]  # a NUL would end a GLOB pattern early
# The canned queries that can only find rows once an extractor has filled its table.
NEEDS = {
    "meetings_timeline": "meetings",
    "coalition_size": "meetings (participants) or figures (membres)",
    "person_quotes": "quotes with a person",
    "meeting_speakers": "quotes and article_meetings",
    "roles_over_time": "person_roles",
    "figures_over_time": "figures",
    "articles_for_meeting": "article_meetings",
    "search": "articles (quotes too, for quote rows)",
    "meetings_per_year": "meetings",
    "quotes_per_speaker": "quotes with a person",
}


def description(config):
    return config.get("description") or config.get("description_html")


GOOD_PARAMETERS_BY_QUERY = {"person_quotes": "name", "figures_over_time": "unit", "search": "q", "meeting_speakers": "meeting"}


def parameters_of(sql):
    return sorted(name for name in GOOD_PARAMETERS if f":{name}" in sql)


@pytest.fixture(scope="module")
def serve_command(seeds_db):
    """The Datasette command line `coalition serve` would run."""
    commands = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli.os, "execv", lambda program, command: commands.append(command))
        result = CliRunner().invoke(cli.cli, ["serve", "--db", str(seeds_db)])
    assert result.exit_code == 0, result.output
    return commands[0]


def option(command, name):
    return command[command.index(name) + 1]


def site_for(path, serve_command):
    """The site `coalition serve` would run: its metadata, and the project's plugin (registered
    through its entry point, as for any `datasette` of the environment) with its settings."""
    metadata = yaml.safe_load(Path(option(serve_command, "--metadata")).read_text(encoding="utf-8"))
    return Datasette(immutables=[str(path)], metadata=metadata)


@pytest.fixture
def site(seeds_db, serve_command):
    return site_for(seeds_db, serve_command)


def test_serve_names_any_database_file_coalition(seeds_db, tmp_path):
    mine = tmp_path / "mine.db"
    shutil.copy(seeds_db, mine)
    commands = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli.os, "execv", lambda program, command: commands.append(command))
        patch.setattr(tempfile, "tempdir", str(tmp_path))  # where serve makes its link
        result = CliRunner().invoke(cli.cli, ["serve", "--db", str(mine)])
    assert result.exit_code == 0, result.output
    served = Path(commands[0][commands[0].index("--immutable") + 1])
    assert served.name == "coalition.db" and served.resolve() == mine.resolve()


def test_serve_links_from_a_private_folder_nobody_can_guess(seeds_db, tmp_path):
    mine = tmp_path / "mine.db"
    shutil.copy(seeds_db, mine)
    folders = []
    for _ in range(2):
        commands = []
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(cli.os, "execv", lambda program, command: commands.append(command))
            patch.setattr(tempfile, "tempdir", str(tmp_path))
            assert CliRunner().invoke(cli.cli, ["serve", "--db", str(mine)]).exit_code == 0
        folders.append(Path(option(commands[0], "--immutable")).parent)
    # Another user could otherwise create the folder first and put their own database in it.
    assert folders[0] != folders[1]
    assert all((folder.stat().st_mode & 0o777) == 0o700 for folder in folders)


def test_serve_is_read_only_and_bounded(serve_command, seeds_db):
    assert option(serve_command, "--metadata") == str(ROOT / "metadata.yml")
    assert serve_command[serve_command.index("--immutable") + 1] == str(seeds_db)
    assert serve_command.count(str(seeds_db)) == 1  # opened immutable only, never also as a writable file
    assert "--cors" in serve_command  # scripts on other sites may read the JSON API


async def test_articles_json(site):
    response = await site.client.get("/coalition/articles.json?_shape=array")
    assert response.status_code == 200
    assert len(response.json()) == 5


def test_at_least_eight_canned_queries_with_titles():
    assert len(QUERIES) >= 8
    for name, query in QUERIES.items():
        assert query.get("title") and description(query), name
    assert set(NEEDS) == set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_every_canned_query_returns_rows(site, name):
    params = {p: GOOD_PARAMETERS[p] for p in parameters_of(QUERIES[name]["sql"])}
    response = await site.client.get(f"/coalition/{name}.json", params={**params, "_shape": "array"})
    assert response.status_code == 200, response.text
    assert response.json(), f"{name} returned no rows: it needs {NEEDS[name]}"


@pytest.mark.parametrize("name", sorted(n for n in QUERIES if parameters_of(QUERIES[n]["sql"])))
@pytest.mark.parametrize("value", ["", "   ", None], ids=["empty", "blank", "missing"])
async def test_empty_or_missing_parameter_returns_nothing(site, name, value):
    params = {} if value is None else {p: value for p in parameters_of(QUERIES[name]["sql"])}
    response = await site.client.get(f"/coalition/{name}.json", params={**params, "_shape": "array"})
    assert response.status_code == 200, response.text
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
    count = await site.client.get("/coalition.json", params={"sql": "select count(*) as n from articles", "_shape": "array"})
    assert count.json() == [{"n": 5}]


@pytest.mark.parametrize("table", sorted(t for t in TABLES if TABLES[t].get("facets")))
async def test_configured_facets_appear(site, table):
    response = await site.client.get(f"/coalition/{table}.json")
    assert response.status_code == 200
    assert set(TABLES[table]["facets"]) <= set(response.json()["facet_results"])


async def test_meeting_facets_count_meetings(site):
    facets = (await site.client.get("/coalition/meetings.json")).json()["facet_results"]
    assert {row["value"]: row["count"] for row in facets["country"]["results"]}["Etats-Unis"] >= 3
    assert "ministerial" in {row["value"] for row in facets["kind"]["results"]}
    assert 2017 in {row["value"] for row in facets["year"]["results"]}


async def test_foreign_keys_show_labels(site):
    response = await site.client.get("/coalition/quotes.json?_shape=array&_labels=on&person_id__notblank=1")
    row = response.json()[0]
    assert isinstance(row["person_id"], dict) and row["person_id"]["label"]
    assert isinstance(row["article_id"], dict) and row["article_id"]["label"].endswith(".txt")
    response = await site.client.get("/coalition/article_meetings.json?_shape=array&_labels=on")
    assert "(ministerial)" in response.json()[0]["meeting_id"]["label"]


def test_every_table_view_and_column_is_described(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    names = [t for t in db.table_names() if "_fts" not in t and not t.startswith("sqlite_")] + db.view_names()
    assert set(store.VIEWS) <= set(names)
    for name in names:
        assert description(TABLES[name]), name
        described = TABLES[name].get("columns", {})
        assert set(db[name].columns_dict) <= set(described), (name, set(db[name].columns_dict) - set(described))
        assert all(isinstance(text, str) and text for text in described.values()), name


async def test_writes_are_refused(site):
    for sql in ("delete from articles", "insert into people (name) values ('x')", "drop table quotes",
                "pragma writable_schema = 1", "attach database ':memory:' as other"):
        response = await site.client.get("/coalition.json", params={"sql": sql})
        assert response.status_code == 400, sql
    response = await site.client.post("/coalition/articles", json={"id": 99})
    assert response.status_code != 200
    count = await site.client.get("/coalition.json?sql=select+count(*)+as+n+from+articles&_shape=array")
    assert count.json() == [{"n": 5}]


async def test_dashboard_is_configured(site):
    response = await site.client.get("/-/dashboards/overview")
    assert response.status_code == 200
    for title in ("Taille de la coalition", "Réunions par année", "Personnes les plus citées", "Où la coalition", "Soldats annoncés"):
        assert title in response.text


@pytest.mark.parametrize("chart", sorted(METADATA["plugins"]["datasette-dashboards"]["overview"]["charts"]))
async def test_every_dashboard_panel_has_rows(site, chart):
    query = METADATA["plugins"]["datasette-dashboards"]["overview"]["charts"][chart]["query"]
    response = await site.client.get("/coalition.json", params={"sql": query, "_shape": "array"})
    assert response.status_code == 200, response.text
    assert response.json(), chart


async def test_search_folds_accents(site):
    response = await site.client.get("/coalition/search.json?_shape=array&q=ETATS-UNIS")
    folded = await site.client.get("/coalition/search.json?_shape=array&q=états-unis")
    assert response.json() and response.json() == folded.json()


CHART_LINK = re.compile(r'href="/-/dashboards/overview/([a-z-]+)"')
CHARTS = METADATA["plugins"]["datasette-dashboards"]["overview"]["charts"]


def descriptions():
    yield METADATA["description_html"]
    for config in (*TABLES.values(), *QUERIES.values()):
        yield description(config)


async def test_chart_links_open_charts_of_the_dashboard(site):
    linked = {chart for text in descriptions() for chart in CHART_LINK.findall(text)}
    assert {"coalition-size", "meetings-per-year", "most-quoted", "troops"} <= linked
    for chart in linked:
        assert chart in CHARTS
        response = await site.client.get(f"/-/dashboards/overview/{chart}")
        assert response.status_code == 200 and CHARTS[chart]["title"] in response.text


async def test_descriptions_with_links_are_rendered_as_links(site):
    response = await site.client.get("/coalition/coalition_size")
    assert '<a href="/-/dashboards/overview/coalition-size">' in response.text
    response = await site.client.get("/coalition/meetings")
    assert '<a href="/-/dashboards/overview/meetings-per-year">' in response.text


async def test_every_canned_query_opens_on_its_form_and_answer(site):
    for name, query in QUERIES.items():
        assert query.get("hide_sql") is True, name
        assert len(html.unescape(re.sub("<[^>]+>", "", description(query)))) <= 400, name
    response = await site.client.get("/coalition/person_quotes?name=tillerson")
    page = response.text
    assert 'id="sql-editor"' not in page and 'id="sql-query"' not in page  # the SQL is one click away
    assert page.index('name="name"') < page.index('<table class="rows-and-columns">')
    assert "<title>Tout ce qu&#39;une personne a dit</title>" in page


@pytest.mark.parametrize("name, value, expected", [
    ("person_quotes", "le drian", ["Aucune citation pour « le drian »", "Jean-Yves Le Drian", "est nommé"]),
    ("person_quotes", "personne", ["Rien trouvé pour le nom « personne »", "une partie du nom"]),
    ("figures_over_time", "chars", ["Rien trouvé pour l&#39;unité « chars »", "toutes les unités"]),
    ("search", "zzzz", ["Rien trouvé pour les mots « zzzz »", "un seul mot"]),
    ("meeting_speakers", "99", ["Rien trouvé pour la réunion « 99 »", "chronologie"]),
    ("person_quotes", "<b>x</b>", ["« &lt;b&gt;x&lt;/b&gt; »"]),
    ("person_quotes", "%", ["Rien trouvé pour le nom « % »"]),  # not "everyone is named but never quoted"
])
async def test_an_empty_answer_says_what_was_searched_and_how_to_broaden_it(site, name, value, expected):
    response = await site.client.get(f"/coalition/{name}", params={GOOD_PARAMETERS_BY_QUERY[name]: value})
    assert response.status_code == 200
    for text in expected:
        assert text in response.text


async def test_a_found_answer_has_no_empty_message(site):
    response = await site.client.get("/coalition/person_quotes?name=tillerson")
    assert "empty-answer" not in response.text.split("</style>")[-1]


@pytest.fixture
def small_site(tmp_path, serve_command):
    """A hand-made database: accented names and aliases, meetings and figures of every kind that counts."""
    path = tmp_path / "coalition.db"
    db = sqlite_utils.Database(path)
    store.create_schema(db)
    db["articles"].insert_all([
        {"id": 1, "path": "a.txt", "sha256": "1", "published": "2018-02-13", "encoding": "utf-8", "body": "…", "raw": "…"},
        {"id": 2, "path": "b.txt", "sha256": "2", "published": "2015", "encoding": "utf-8", "body": "…", "raw": "…"},
    ])
    meetings = [
        {"id": 1, "date": "2018-02-13", "date_precision": "day", "year": 2018, "city": "Koweït", "kind": "ministerial", "participants": 74, "virtual": 0},
        {"id": 2, "date": "2018-03", "date_precision": "month", "year": 2018, "city": "Rome", "kind": "defence", "participants": 14, "virtual": 0},
        {"id": 3, "date": None, "date_precision": None, "year": None, "city": None, "kind": "ministerial", "participants": 60, "virtual": 1},
        {"id": 4, "date": "2019-11-14", "date_precision": "day", "year": 2019, "city": "Washington", "kind": "ministerial", "participants": 30, "virtual": 0},
    ]
    db["meetings"].insert_all(dict(row, label=store.meeting_label(row)) for row in meetings)
    db["people"].insert_all([
        {"id": 1, "name": "Jean-Yves Le Drian", "country": "France"},
        {"id": 2, "name": "Ayman Safadi", "country": "Jordanie"},
        {"id": 3, "name": "Élisabeth Borne", "country": "France"},
        {"id": 4, "name": "Mevlüt Çavuşoğlu", "country": "Turquie"},
        {"id": 5, "name": "Valéry Giscard d’Estaing", "country": "France"},
    ])
    db["person_aliases"].insert_all([{"person_id": 1, "alias": "Le Drian"}, {"person_id": 2, "alias": "Aymane Safadé"}])
    db["quotes"].insert_all([
        {"id": 1, "article_id": 1, "person_id": 1, "text": "Nous resterons mobilisés", "start": 0, "end": 1},
        {"id": 2, "article_id": 1, "person_id": 2, "text": "La victoire n’est pas la fin", "start": 2, "end": 3},
        {"id": 3, "article_id": 1, "person_id": 3, "text": "Rien n’est acquis", "start": 4, "end": 5},
        {"id": 4, "article_id": 1, "person_id": 4, "text": "La Turquie est prête", "start": 6, "end": 7},
        {"id": 5, "article_id": 2, "person_id": 5, "text": "Au revoir", "start": 0, "end": 1},
    ])
    db["figures"].insert_all([
        {"id": 1, "article_id": 2, "value": 62, "unit": "pays membres", "text": "62 pays membres", "start": 0, "end": 1},
        {"id": 2, "article_id": 1, "meeting_id": 1, "value": 75, "unit": "membres", "text": "75 membres", "start": 2, "end": 3},
        {"id": 3, "article_id": 1, "value": 5000, "unit": "soldats", "text": "5.000 soldats", "start": 4, "end": 5},
        {"id": 4, "article_id": 1, "value": 68, "unit": "membres", "text": "68 membres", "start": 6, "end": 7},
        {"id": 5, "article_id": 1, "meeting_id": 1, "value": 74, "unit": "pays", "text": "74 pays", "start": 8, "end": 9},
        {"id": 6, "article_id": 2, "meeting_id": 4, "value": 30, "unit": "ministres", "text": "plus de 30 ministres", "start": 2, "end": 3},
    ])
    store.ensure_db_shape(db)
    db.close()
    return site_for(path, serve_command)


@pytest.mark.parametrize("name, expected", [
    ("le drian", [1]),
    ("LE DRIAN", [1]),
    ("Jean Yves", [1]),
    ("jéan-yvès", [1]),
    ("Safadé", [2]),  # an alias, folded
    ("safade", [2]),
    ("  SAFADI ", [2]),
    ("ELISABETH", [3]),
    ("borne", [3]),
    ("Le Pen", []),
    ("an", [1, 2]),  # Jean, Ayman
    ("cavusoglu", [4]),
    ("MEVLÜT", [4]),
    ("d'estaing", [5]),  # a straight apostrophe finds a curly one
    ("giscard-d’estaing", [5]),
    ("*", []),
    ("[", []),
])
async def test_person_quotes_finds_any_form_of_the_name(small_site, name, expected):
    response = await small_site.client.get("/coalition/person_quotes.json", params={"name": name, "_shape": "array"})
    assert [row["id"] for row in response.json()] == expected


async def test_coalition_size_counts_countries_or_members_never_ministers(small_site):
    response = await small_site.client.get("/coalition/coalition_size.json?_shape=array")
    # Washington 2019-11-14 had "plus de 30 ministres": no point; Rome is no ministerial meeting.
    assert response.json() == [
        {"month": "2015", "size": 62, "source": "membres de la coalition (chiffre cité)", "detail": "62 pays membres", "reports": 1},
        {"month": "2018-02", "size": 75, "source": "membres de la coalition (chiffre cité)", "detail": "75 membres", "reports": 2},
        {"month": "2018-02", "size": 74, "source": "présents à une réunion ministérielle", "detail": "Koweït, 2018-02-13 (ministerial)", "reports": 1},
    ]


async def test_coalition_size_on_the_seeds_has_no_ministers(site):
    rows = (await site.client.get("/coalition/coalition_size.json?_shape=array")).json()
    assert rows and "2019-11" not in {row["month"] for row in rows}  # "Plus de 30 ministres"
    assert {row["month"]: row["size"] for row in rows if row["source"].startswith("présents")} == {"2017-03": 68, "2019-02": 79}


async def test_aggregate_views(small_site):
    per_year = await small_site.client.get("/coalition/meetings_per_year.json?_shape=array")
    assert per_year.json() == [{"year": 2018, "kind": "defence", "meetings": 1}, {"year": 2018, "kind": "ministerial", "meetings": 1},
                               {"year": 2019, "kind": "ministerial", "meetings": 1}]
    speakers = await small_site.client.get("/coalition/quotes_per_speaker.json?_shape=array")
    assert [row["speaker"] for row in speakers.json()] == [
        "Ayman Safadi", "Jean-Yves Le Drian", "Mevlüt Çavuşoğlu", "Valéry Giscard d’Estaing", "Élisabeth Borne"]


@pytest.mark.parametrize("unit, expected", [
    ("soldats", ["5.000 soldats"]),
    ("sol", ["5.000 soldats"]),
    ("membres", ["75 membres", "68 membres"]),  # same date: in order of id
    ("pays", ["74 pays", "62 pays membres"]),
    ("dollars", []),
])
async def test_figures_over_time_by_start_of_unit(small_site, unit, expected):
    response = await small_site.client.get("/coalition/figures_over_time.json", params={"unit": unit, "_shape": "array"})
    assert [row["text"] for row in response.json()] == expected


ENGLISH = re.compile(r"\b(the|and|of|with|which|from|when|each|every|how)\b", re.I)


def site_texts():
    yield METADATA["title"]
    yield from descriptions()
    for config in (*TABLES.values(), *QUERIES.values()):
        yield config.get("title", "")
        yield from config.get("columns", {}).values()
    dashboard = METADATA["plugins"]["datasette-dashboards"]["overview"]
    yield dashboard["title"]
    yield dashboard["description"]
    for chart in dashboard["charts"].values():
        yield chart["title"]
        for channel in chart.get("display", {}).get("encoding", {}).values():
            yield channel.get("title") or ""


def test_the_site_speaks_french():
    for text in site_texts():
        words = html.unescape(re.sub("<[^>]+>", "", text))
        assert not ENGLISH.search(words), words
        assert "`" not in words, words  # descriptions are shown as written: no Markdown


async def test_figures_show_whole_numbers_without_decimals(site):
    page = (await site.client.get("/coalition/figures?unit=soldats")).text
    cells = re.findall(r'<td class="col-value[^"]*">([^<]*)</td>', page)
    assert cells and set(cells) == {"400", "1\u202f000"}
    rows = (await site.client.get("/coalition/figures_over_time.json?unit=soldats&_shape=array")).json()
    assert [row["value"] for row in rows] == [400, 1000]


async def test_a_facet_with_no_value_is_not_shown(site):
    page = (await site.client.get("/coalition/articles")).text
    assert 'id="facet-published_month"' in page
    assert 'id="facet-outlet"' not in page  # the seeds have no sources.csv, so no outlet


@pytest.mark.parametrize("path", ["/coalition/person_quotes?name=tillerson", "/coalition/person_quotes?name=nobody", "/coalition/articles/5",
                                  "/coalition?sql=select+1"])
async def test_the_pages_readers_open_first_are_in_french(site, path):
    page = (await site.client.get(path)).text
    for english in ("Custom SQL query", "Query parameters", "Run SQL", "0 results", "Data license", "Powered by", "This data as", "Links from other tables"):
        assert english not in page, english


async def test_a_query_opened_without_its_parameter_asks_for_it(site):
    page = (await site.client.get("/coalition/person_quotes")).text
    assert "Indiquez le nom à chercher, puis « Chercher »." in page and 'value="Chercher"' in page
