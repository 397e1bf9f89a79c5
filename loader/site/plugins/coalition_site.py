"""The project's Datasette plugin: guards, the article page made for reading, and a few
displays in French.

It is loaded with `--plugins-dir` by `coalition serve` and by `datasette publish`, so it
imports nothing from the project: a published container has only Datasette.
"""
import json
import os
import re
import sqlite3
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

from datasette import Response, hookimpl
from datasette.utils import tilde_decode
from datasette.views.base import DatasetteError
from markupsafe import Markup, escape

# The largest string or blob a query may build. A stored row is at most an article read
# twice (body and raw text) from a file of at most 1,000,000 bytes; 4 MB leaves room for
# that and refuses "select zeroblob(900000000)", which would take the server's memory.
MAX_LENGTH = 4_000_000
# The most characters and bytes one query may return, all rows together: a thousand rows
# (Datasette's limit) of values just under MAX_LENGTH would still be 4 GB.
MAX_RESULT = 64_000_000

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
STATUSES = {"announced": "annoncée", "held": "tenue"}


# The site's style sheet, beside this file (a published container copies the whole folder).
STYLE = Path(__file__).with_name("coalition.css").read_text(encoding="utf-8")


@hookimpl
def register_routes():
    return [(r"^/-/coalition\.css$", lambda: Response(STYLE, content_type="text/css; charset=utf-8"))]


@hookimpl
def extra_css_urls():
    return ["/-/coalition.css"]


@hookimpl
def prepare_connection(conn):
    conn.row_factory = _bounded_row
    if hasattr(conn, "setlimit"):
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    else:
        # Python before 3.11 cannot set the limit: bound the two functions that build a
        # large value from a short query.
        conn.create_function("zeroblob", 1, _bounded(lambda n: bytes(n)), deterministic=True)
        conn.create_function("randomblob", 1, _bounded(os.urandom))


# Per thread (Datasette gives each its own connection, read one query at a time): the cursor
# being read, weakly, and the characters and bytes it has returned.
_answer = threading.local()


def _bounded_row(cursor, row):
    """Datasette's sqlite3.Row, once the query's answer so far is known to fit in MAX_RESULT."""
    reading = _answer.__dict__
    if reading.get("cursor", _gone)() is not cursor:
        reading["cursor"], reading["size"] = weakref.ref(cursor), 0
    size = reading["size"]
    for value in row:
        if type(value) is str or type(value) is bytes:
            size += len(value)
    if size > MAX_RESULT:
        raise sqlite3.OperationalError(f"result too big (over {MAX_RESULT:,} characters): ask for fewer rows or columns")
    reading["size"] = size
    return sqlite3.Row(cursor, row)


def _gone():
    return None


def _bounded(make):
    def bounded(n):
        if n is not None and n > MAX_LENGTH:
            raise ValueError("string or blob too big")
        return make(max(int(n or 0), 0))

    return bounded


@hookimpl
def handle_exception(exception):
    # "?_sort=nope" is the reader's mistake, not the server's: 400, not 500.
    if isinstance(exception, DatasetteError) and str(exception).startswith("Cannot sort table by"):
        exception.status = 400


@hookimpl
def render_cell(value, column, table, database):
    # A figure is stored as a REAL; 400.0 soldiers read as 400.
    if database == "coalition" and table == "figures" and column == "value" and isinstance(value, float) and value.is_integer():
        return french_number(value)
    return None


@hookimpl
def extra_template_vars(template, database, view_name, table, request, datasette):
    if database != "coalition" or request is None:
        return None
    if view_name == "row" and table == "articles":
        async def article_vars():
            return {"article": await article_page(datasette, tilde_decode(request.url_vars["pks"]))}

        return article_vars
    if template.startswith("query-coalition"):
        async def query_vars():
            return {"empty_answer": await empty_answer(datasette, request.url_vars.get("table"), request.args)}

        return query_vars
    return None


# --- French displays -----------------------------------------------------------------------


def french_date(iso: str | None) -> str:
    """'2017-03-22' -> '22 mars 2017', '2017-03' -> 'mars 2017', '2017' -> '2017'."""
    if not iso:
        return "date inconnue"
    year, month, day = (iso.split("-") + [None, None])[:3]
    if not month:
        return year
    text = f"{MONTHS[int(month) - 1]} {year}"
    return f"{'1er' if int(day) == 1 else int(day)} {text}" if day else text


def french_number(value: float) -> str:
    """2000000000.0 -> '2 000 000 000' (narrow no-break spaces), 2.5 -> '2,5'."""
    if value.is_integer():
        return f"{int(value):,}".replace(",", "\u202f")
    return f"{value:,}".replace(",", "\u202f").replace(".", ",")


# --- The article page ----------------------------------------------------------------------


@dataclass
class Mark:
    """A span of the body to mark: `open` and `close` are HTML, `after` follows the closing."""

    start: int
    end: int
    rank: int  # which of two marks starting together is the outer one
    open: str
    close: str
    after: str = ""


def nest(marks: list[Mark], length: int) -> list[Mark]:
    """The marks that nest, outer first: one that crosses the end of another is left out,
    and so is a link inside a link (HTML has none)."""
    kept, open_ = [], []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.rank)):
        if not 0 <= mark.start < mark.end <= length:
            continue
        while open_ and open_[-1].end <= mark.start:
            open_.pop()
        if open_ and mark.end > open_[-1].end:
            continue
        if mark.open.startswith("<a ") and any(outer.open.startswith("<a ") for outer in open_):
            continue
        kept.append(mark)
        open_.append(mark)
    return kept


def mark_up(body: str, marks: list[Mark]) -> Markup:
    """The body as paragraphs (one per run of line ends), escaped, with the marks that nest."""
    kept = nest(marks, len(body))
    starts = {}
    for mark in kept:
        starts.setdefault(mark.start, []).append(mark)
    stops = sorted({0, len(body)} | {m.start for m in kept} | {m.end for m in kept})
    out, stack, previous = ["<p>"], [], 0

    def text(segment):
        for index, line in enumerate(re.split(r"\n\s*\n|\n", segment)):
            if index:
                # A paragraph ends inside open marks: close them, and open them again after.
                out.append("".join(m.close for m in reversed(stack)) + "</p>\n<p>" + "".join(m.open for m in stack))
            out.append(str(escape(line)))

    for position in stops:
        text(body[previous:position])
        previous = position
        while stack and stack[-1].end == position:
            mark = stack.pop()
            out.append(mark.close + mark.after)
        for mark in starts.get(position, []):
            stack.append(mark)
            out.append(mark.open)
    out.append("</p>")
    return Markup("".join(out).replace("<p></p>", ""))


def _link(href: str, text: str, css: str, title: str = "") -> str:
    title_attribute = f' title="{escape(title)}"' if title else ""
    return f'<a class="{css}" href="{escape(href)}"{title_attribute}>{escape(text)}</a>'


def _rows(results):
    return [dict(row) for row in results.rows]


async def article_page(datasette, article_id: str) -> dict | None:
    """What the article page shows: the article, its marked text, its meetings, people and figures."""
    db = datasette.get_database("coalition")
    article = _rows(await db.execute(
        "select id, path, title, published, url, outlet, byline, body from articles where id = :id", {"id": article_id}))
    if not article:
        return None
    article = article[0]
    base = datasette.urls.database("coalition") + "/"
    quotes = _rows(await db.execute(
        """select q.id, q.start, q."end", q.person_id, p.name, q.attribution, q.meeting_id, m.label as meeting, m.date as meeting_date
        from quotes q left join people p on p.id = q.person_id left join meetings m on m.id = q.meeting_id
        where q.article_id = :id order by q.start""", {"id": article["id"]}))
    figures = _rows(await db.execute(
        """select f.id, f.start, f."end", f.value, f.unit, f.qualifier, f.meeting_id, m.label as meeting
        from figures f left join meetings m on m.id = f.meeting_id where f.article_id = :id order by f.start""", {"id": article["id"]}))
    people = _rows(await db.execute(
        """select p.id, p.name, ap.role, coalesce(ap.country, p.country) as country,
          (select json_group_array(alias) from person_aliases where person_id = p.id) as aliases
        from article_people ap join people p on p.id = ap.person_id where ap.article_id = :id order by p.name""", {"id": article["id"]}))
    meetings = _rows(await db.execute(
        """select m.id, m.label, m.date, m.city, m.country, m.kind, m.participants, am.status
        from article_meetings am join meetings m on m.id = am.meeting_id where am.article_id = :id order by m.date, m.id""",
        {"id": article["id"]}))

    body = article["body"]
    marks = []
    for quote in quotes:
        sources = [_link(f"{base}quotes/{quote['id']}", "citation", "quote-link")]
        if quote["person_id"] is not None:
            sources.append(_link(f"{base}people/{quote['person_id']}", quote["name"], "quote-speaker"))
        elif quote["attribution"]:
            sources.append(f'<span class="quote-speaker">{escape(quote["attribution"])}</span>')
        if quote["meeting_id"] is not None:
            sources.append(_link(f"{base}meetings/{quote['meeting_id']}", f"réunion du {french_date(quote['meeting_date'])}", "quote-meeting",
                                 quote["meeting"]))
        marks.append(Mark(quote["start"], quote["end"], 0, f'<mark class="quote" data-quote="{quote["id"]}">', "</mark>",
                          f'<sup class="quote-source">{" · ".join(sources)}</sup>'))
    for figure in figures:
        title = f"{french_number(figure['value'])} {figure['unit']}" + (f", {figure['meeting']}" if figure["meeting"] else "")
        marks.append(Mark(figure["start"], figure["end"], 1,
                          f'<a class="figure" data-figure="{figure["id"]}" href="{base}figures/{figure["id"]}" title="{escape(title)}">', "</a>"))
    # Every form of every name in one pattern, longest first, so the text is read once.
    opening = {}
    for person in reversed(people):  # a form two people share goes to the first by name
        title = ", ".join(part for part in (person["name"], person["role"], person["country"]) if part)
        for form in {person["name"], *json.loads(person["aliases"] or "[]")}:
            opening[form] = f'<a class="person" data-person="{person["id"]}" href="{base}people/{person["id"]}" title="{escape(title)}">'
    if opening:
        names = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(form) for form in sorted(opening, key=len, reverse=True)) + r")(?!\w)")
        marks += [Mark(found.start(), found.end(), 2, opening[found.group()], "</a>") for found in names.finditer(body)]
    for meeting in meetings:
        meeting["status_fr"] = STATUSES.get(meeting["status"], meeting["status"])
        meeting["date_fr"] = french_date(meeting["date"])
    return {
        "id": article["id"],
        "title": article["title"],
        "path": article["path"],
        "published": french_date(article["published"]),
        # A link only to a web page: sources.csv could hold a "javascript:" address.
        "url": article["url"] if re.match(r"https?://", article["url"] or "") else None,
        "outlet": article["outlet"],
        "byline": article["byline"],
        "text": mark_up(body, marks),
        "meetings": meetings,
        "people": people,
        "counts": {"quotes": len(quotes), "figures": len(figures), "people": len(people)},
    }


# --- Empty answers -------------------------------------------------------------------------

# What each canned query searched, and how to find more, when it found nothing.
BROADEN = {
    "person_quotes": ("name", "le nom", "Essayez une partie du nom seulement (« drian », « tillerson »), ou voyez "
                      '<a href="/coalition/quotes_per_speaker">qui est cité</a> et <a href="/coalition/people">toutes les personnes</a>.'),
    "meeting_speakers": ("meeting", "la réunion", 'Donnez l\'identifiant d\'une réunion (colonne id de la '
                         '<a href="/coalition/meetings_timeline">chronologie</a>).'),
    "articles_for_meeting": ("meeting", "la réunion", 'Donnez l\'identifiant d\'une réunion (colonne id de la '
                             '<a href="/coalition/meetings_timeline">chronologie</a>).'),
    "figures_over_time": ("unit", "l'unité", "Essayez le début du mot (« sold », « combat », « dollar »), ou voyez "
                          '<a href="/coalition/figures?_facet=unit">toutes les unités</a>.'),
    "search": ("q", "les mots", "Cherchez un seul mot, ou un mot plus court ; plusieurs mots sont cherchés comme une expression."),
}


async def empty_answer(datasette, query: str | None, args) -> Markup | None:
    """For a canned query that found nothing: what was searched, and how to broaden it."""
    if query not in BROADEN:
        return None
    parameter, what, advice = BROADEN[query]
    value = (args.get(parameter) or "").strip()
    if not value:
        return Markup(f"Indiquez {escape(what)} à chercher, puis « Chercher ».")
    said = f"Rien trouvé pour {escape(what)} « {escape(value)} »."
    if query == "person_quotes":
        # Someone of that name may be in the archive yet never quoted: say so.
        known = _rows(await datasette.get_database("coalition").execute(
            # instr, not LIKE: "%" in a name is a character, never "any name".
            """select id, name from people where instr(:name, char(0)) = 0 and (instr(lower(name), lower(:name))
               or id in (select person_id from person_aliases where instr(lower(alias), lower(:name)))) order by name limit 5""",
            {"name": value}))
        if known:
            names = ", ".join(_link(f"/coalition/people/{row['id']}", row["name"], "person") for row in known)
            said = f"Aucune citation pour « {escape(value)} » : {names} {'est nommé' if len(known) == 1 else 'sont nommés'} dans les articles, sans y être cité{'s' if len(known) > 1 else ''}."
    return Markup(f"{said} {advice}")
