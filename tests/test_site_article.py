"""The article page: the story as paragraphs, each quote, person and figure marked at its offsets, always escaped; the plugin's parts."""
import html
import re
import sqlite3

import pytest
import sqlite_utils

from loader.site import article, guards
from loader import store

from .test_site import serve_command, site, site_for  # noqa: F401 (fixtures)



def mark(start, end, name, rank=0):
    return article.Mark(start, end, rank, f"<{name}>", f"</{name}>")


@pytest.mark.parametrize("body, marks, expected", [
    ("abc", [], "<p>abc</p>"),
    ("a\n\nb\nc", [], "<p>a</p>\n<p>b</p>\n<p>c</p>"),
    ("« Nous 68 pays »", [mark(2, 14, "q"), mark(7, 14, "f", 1)], "<p>« <q>Nous <f>68 pays</f></q> »</p>"),
    # A mark crossing the end of another is left out, never clipped.
    ("Rex Tillerson dit", [mark(0, 8, "q"), mark(4, 17, "p", 2)], "<p><q>Rex Till</q>erson dit</p>"),
    # A quote over two paragraphs is closed and opened again around the break.
    ("« a\n\nb »", [mark(2, 6, "q")], "<p>« <q>a</q></p>\n<p><q>b</q> »</p>"),
    ("<b>&", [mark(0, 3, "q")], "<p><q>&lt;b&gt;</q>&amp;</p>"),
    ("abc", [mark(1, 9, "q"), mark(2, 2, "e")], "<p>abc</p>"),  # outside the text, or empty
])
def test_mark_up(body, marks, expected):
    assert str(article.mark_up(body, marks)) == expected


def test_no_link_inside_a_link():
    marks = [article.Mark(0, 11, 1, '<a class="figure">', "</a>"), article.Mark(3, 11, 2, '<a class="person">', "</a>"),
             article.Mark(0, 11, 0, "<mark>", "</mark>")]
    assert str(article.mark_up("12 Français", marks)) == '<p><mark><a class="figure">12 Français</a></mark></p>'


def test_the_after_of_a_mark_follows_its_real_end_only():
    marks = [article.Mark(0, 3, 0, "<q>", "</q>", "<sup>1</sup>")]
    assert str(article.mark_up("a\nb", marks)) == "<p><q>a</q></p>\n<p><q>b</q><sup>1</sup></p>"


@pytest.mark.parametrize("iso, french", [("2017-03-22", "22 mars 2017"), ("2019-11-01", "1er novembre 2019"), ("2017-03", "mars 2017"),
                                         ("2015", "2015"), (None, "date inconnue")])
def test_french_date(iso, french):
    assert article.french_date(iso) == french


def marked(page, kind):
    """{id: the text inside every element of that kind, tags stripped}."""
    found = {}
    for number, inner in re.findall(rf'<(?:mark|a) class="{kind}" data-{kind}="(\d+)"[^>]*>(.*?)</(?:mark|a)>(?!</mark>)', page, re.S):
        found.setdefault(int(number), []).append(html.unescape(re.sub("<[^>]+>", "", inner)))
    return {number: "".join(parts) for number, parts in found.items()}


async def test_the_article_page_marks_every_quote_and_figure_at_its_offsets(site, seeds_db):
    page = (await site.client.get("/coalition/articles/5")).text
    db = sqlite_utils.Database(seeds_db)
    quotes = {row["id"]: row["text"] for row in db.query("select id, text from quotes where article_id = 5")}
    figures = {row["id"]: row["text"] for row in db.query("select id, text from figures where article_id = 5")}
    page_quotes = {}
    for number, inner in re.findall(r'<mark class="quote" data-quote="(\d+)">(.*?)</mark>', page, re.S):
        page_quotes[int(number)] = page_quotes.get(int(number), "") + html.unescape(re.sub("<[^>]+>", "", inner))
    assert page_quotes == quotes
    assert marked(page, "figure") == figures
    # Each quote links to its row, its speaker and its meeting; people are marked where named.
    assert '<a class="quote-link" href="/coalition/quotes/19">citation</a>' in page
    assert '<a class="quote-speaker" href="/coalition/people/6">Rex Tillerson</a>' in page
    assert 'href="/coalition/meetings/3" title="Washington, 2017-03-22 (ministerial)">réunion du 22 mars 2017</a>' in page
    people = re.findall(r'<a class="person" data-person="(\d+)" href="/coalition/people/\d+"[^>]*>([^<]+)</a>', page)
    assert ("6", "Rex Tillerson") in people and ("6", "Tillerson") in people and ("3", "Donald Trump") in people


async def test_the_article_page_shows_its_meetings_beside_the_text(site):
    page = (await site.client.get("/coalition/articles/3")).text
    aside = page[page.index("<aside>"):page.index("</aside>")]
    assert page.index('<div class="article-text">') < page.index("<aside>")
    for meeting in ("Washington, 22 mars 2017", "Washington, 21 juillet 2016", "Berlin, 17 novembre 2016"):
        assert meeting in aside
    assert "annoncée" in aside and "tenue" in aside


async def test_the_article_page_heads_with_title_outlet_date_and_source(site):
    page = (await site.client.get("/coalition/articles/2")).text
    assert "<h1>Washington va réunir la coalition antijihadistes après l&#39;annonce du retrait de Syrie</h1>" in page
    assert "29 janvier 2019" in page and "001_b76170f1117bfb89.txt" in page
    # The whole row stays one click away.
    assert "<summary>Toutes les colonnes de la ligne" in page and "sha256" in page


@pytest.fixture
def hostile_site(tmp_path, serve_command):  # noqa: F811
    """An article whose text is HTML and whose source address is a script."""
    path = tmp_path / "coalition.db"
    db = sqlite_utils.Database(path)
    store.create_schema(db)
    body = "<script>alert(1)</script> « <img src=x onerror=alert(2)> » dit Jean <b>Dupont</b>."
    db["articles"].insert({"id": 1, "path": "a.txt", "sha256": "1", "title": "<i>Titre</i>", "published": "2020-01-02", "url": "javascript:alert(3)",
                           "outlet": "<u>Le Média</u>", "encoding": "utf-8", "body": body, "raw": body})
    db["people"].insert({"id": 1, "name": "Jean <b>Dupont</b>", "role": '"><script>', "country": None})
    db["article_people"].insert({"article_id": 1, "person_id": 1, "role": '"><script>'})
    start = body.index("<img")
    db["quotes"].insert({"id": 1, "article_id": 1, "person_id": 1, "text": body[start:body.index(" »")], "start": start, "end": body.index(" »")})
    store.ensure_db_shape(db)
    db.close()
    return site_for(path, serve_command)


async def test_article_text_is_never_html(hostile_site):
    page = (await hostile_site.client.get("/coalition/articles/1")).text
    reading = page[page.index('<article class="reading">'):page.index("</article>")]
    assert "<script" not in reading and "<img" not in reading and "<i>" not in reading and "<u>" not in reading
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reading and "&lt;img src=x onerror=alert(2)&gt;" in reading
    assert "javascript:" not in reading  # a source address that is no web page gets no link
    assert '<mark class="quote" data-quote="1">&lt;img' in reading


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # SQLite reports the refusal too
def test_without_setlimit_the_blob_functions_are_bounded():
    conn = sqlite3.connect(":memory:")

    class OldConnection:  # Python 3.10's sqlite3.Connection has no setlimit
        create_function = conn.create_function
        set_authorizer = conn.set_authorizer

    guards.guard(OldConnection())
    assert conn.execute("select length(zeroblob(10)), length(randomblob(3))").fetchone() == (10, 3)
    for sql in ("select zeroblob(50000000)", "select randomblob(50000000)"):
        with pytest.raises(sqlite3.OperationalError):
            conn.execute(sql).fetchone()


# --- Meetings' provenance: the sentence that tells of a meeting ------------------------------

FIRST = "Préambule. La réunion de Rome <b>s'ouvre</b> : « nous vaincrons » dit Jean Dupont. Fin."
SECOND = "Le 3 mars, la coalition s'est réunie à Rome."


@pytest.fixture
def provenance_site(tmp_path, serve_command):  # noqa: F811
    """Article 1 tells of meetings 1 and 2 in one sentence (which holds a quote and a name);
    article 2 tells of meeting 1 in its only sentence."""
    path = tmp_path / "coalition.db"
    db = sqlite_utils.Database(path)
    store.create_schema(db)
    for id_, body in ((1, FIRST), (2, SECOND)):
        db["articles"].insert({"id": id_, "path": f"{id_}.txt", "sha256": str(id_), "title": f"Titre {id_}", "published": f"2017-03-0{id_}",
                               "outlet": None, "encoding": "utf-8", "body": body, "raw": body})
    for id_, date in ((1, "2017-03-03"), (2, "2017-03")):
        row = {"id": id_, "date": date, "date_precision": "day" if len(date) == 10 else "month", "year": 2017, "city": "Rome",
               "country": "Italie", "kind": "ministerial", "virtual": 0}
        db["meetings"].insert(dict(row, label=store.meeting_label(row)))
    sentence = (FIRST.index("La réunion"), FIRST.index(" Fin."))
    db["article_meetings"].insert_all([
        {"article_id": 1, "meeting_id": 1, "status": "announced", "start": sentence[0], "end": sentence[1]},
        {"article_id": 1, "meeting_id": 2, "status": "held", "start": sentence[0], "end": sentence[1]},
        {"article_id": 2, "meeting_id": 1, "status": "held", "start": 0, "end": len(SECOND)},
    ])
    db["people"].insert({"id": 1, "name": "Jean Dupont", "role": None, "country": None})
    db["article_people"].insert({"article_id": 1, "person_id": 1, "role": None})
    start = FIRST.index("nous")
    db["quotes"].insert({"id": 1, "article_id": 1, "person_id": 1, "text": "nous vaincrons", "start": start, "end": start + len("nous vaincrons")})
    store.ensure_db_shape(db)
    db.close()
    return site_for(path, serve_command)


async def test_the_article_page_marks_the_sentence_that_tells_of_a_meeting(provenance_site):
    page = (await provenance_site.client.get("/coalition/articles/1")).text
    text = page[page.index('<div class="article-text">'):page.index("<aside>")]
    # One mark for the sentence of both meetings, with an anchor for each, the quote and name inside it.
    assert text.count('<mark class="meeting"') == 1
    # Meetings in the order of the aside: by date ("2017-03" before "2017-03-03").
    opening = '<mark class="meeting" id="meeting-2" data-meetings="2 1"><span id="meeting-1"></span>'
    assert opening in text
    inside = text[text.index(opening) + len(opening):text.index('<sup class="meeting-source">')]
    assert html.unescape(re.sub("<sup.*?</sup>|<[^>]+>", "", inside)) == "La réunion de Rome <b>s'ouvre</b> : « nous vaincrons » dit Jean Dupont."
    assert '<mark class="quote" data-quote="1">nous vaincrons</mark>' in inside and 'data-person="1"' in inside
    assert "&lt;b&gt;s&#39;ouvre&lt;/b&gt;" in inside  # escaped, never HTML
    source = text[text.index('<sup class="meeting-source">'):]
    source = source[:source.index("</sup>")]
    assert re.findall(r'<a class="meeting-link" href="(/coalition/meetings/\d)"[^>]*>([^<]*)</a>', source) == [
        ("/coalition/meetings/2", "réunion : Rome, mars 2017"), ("/coalition/meetings/1", "réunion : Rome, 3 mars 2017")]


async def test_a_meetings_page_lists_the_sentence_of_every_article_that_tells_of_it(provenance_site):
    page = (await provenance_site.client.get("/coalition/meetings/1")).text
    section = page[page.index('<section class="meeting-sources">'):]
    section = section[:section.index("</section>")]
    items = re.findall(r'<blockquote class="meeting-sentence">(.*?)</blockquote>\s*<a href="([^"]+)">([^<]+)</a>\s*\(([^)]*)\) : réunion (\w+)',
                       section, re.S)
    assert items == [
        ("La réunion de Rome &lt;b&gt;s&#39;ouvre&lt;/b&gt; : « nous vaincrons » dit Jean Dupont.", "/coalition/articles/1#meeting-1", "Titre 1",
         "média non précisé, 1er mars 2017", "annoncée"),
        ("Le 3 mars, la coalition s&#39;est réunie à Rome.", "/coalition/articles/2#meeting-1", "Titre 2", "média non précisé, 2 mars 2017", "tenue"),
    ]
    page = (await provenance_site.client.get("/coalition/meetings/2")).text
    assert page.count('<blockquote class="meeting-sentence">') == 1 and "/coalition/articles/1#meeting-2" in page
