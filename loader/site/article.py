"""The article page made for reading: the story as paragraphs, each quote, person, figure and
meeting sentence marked at its offsets and linked to its row; and the site's French displays."""
import json
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
STATUSES = {"announced": "annoncée", "held": "tenue"}


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


def meeting_marks(meetings: list[dict], base: str) -> list[Mark]:
    """The sentence that tells of each meeting, marked outside the quotes and names it holds,
    linked to its meetings (one mark for a sentence that tells of several)."""
    told = {}
    for meeting in meetings:
        told.setdefault((meeting["start"], meeting["end"]), []).append(meeting)
    marks = []
    for (start, end), together in told.items():
        ids = [str(meeting["id"]) for meeting in together]
        # Each meeting's own anchor, which its page links to.
        anchors = "".join(f'<span id="meeting-{id_}"></span>' for id_ in ids[1:])
        links = " · ".join(html_link(f"{base}meetings/{meeting['id']}", f"réunion : {meeting['place']}, {meeting['date_fr']}",
                                     "meeting-link", meeting["label"]) for meeting in together)
        marks.append(Mark(start, end, -1, f'<mark class="meeting" id="meeting-{ids[0]}" data-meetings="{" ".join(ids)}">{anchors}', "</mark>",
                          f'<sup class="meeting-source">{links}</sup>'))
    return marks


def html_link(href: str, text: str, css: str, title: str = "") -> str:
    title_attribute = f' title="{escape(title)}"' if title else ""
    return f'<a class="{css}" href="{escape(href)}"{title_attribute}>{escape(text)}</a>'


def dict_rows(results):
    return [dict(row) for row in results.rows]


async def article_page(datasette, article_id: str) -> dict | None:
    """What the article page shows: the article, its marked text, its meetings, people and figures."""
    db = datasette.get_database("coalition")
    article = dict_rows(await db.execute(
        "select id, path, title, published, url, outlet, byline, body from articles where id = :id", {"id": article_id}))
    if not article:
        return None
    article = article[0]
    base = datasette.urls.database("coalition") + "/"
    quotes = dict_rows(await db.execute(
        """select q.id, q.start, q."end", q.person_id, p.name, q.attribution, q.meeting_id, m.label as meeting, m.date as meeting_date
        from quotes q left join people p on p.id = q.person_id left join meetings m on m.id = q.meeting_id
        where q.article_id = :id order by q.start""", {"id": article["id"]}))
    figures = dict_rows(await db.execute(
        """select f.id, f.start, f."end", f.value, f.unit, f.qualifier, f.meeting_id, m.label as meeting
        from figures f left join meetings m on m.id = f.meeting_id where f.article_id = :id order by f.start""", {"id": article["id"]}))
    people = dict_rows(await db.execute(
        """select p.id, p.name, ap.role, coalesce(ap.country, p.country) as country,
          (select json_group_array(alias) from person_aliases where person_id = p.id) as aliases
        from article_people ap join people p on p.id = ap.person_id where ap.article_id = :id order by p.name""", {"id": article["id"]}))
    meetings = dict_rows(await db.execute(
        """select m.id, m.label, m.date, m.city, m.country, m.kind, m.participants, m.virtual, am.status, am.start, am."end"
        from article_meetings am join meetings m on m.id = am.meeting_id where am.article_id = :id order by m.date, m.id""",
        {"id": article["id"]}))

    body = article["body"]
    marks = []
    for quote in quotes:
        sources = [html_link(f"{base}quotes/{quote['id']}", "citation", "quote-link")]
        if quote["person_id"] is not None:
            sources.append(html_link(f"{base}people/{quote['person_id']}", quote["name"], "quote-speaker"))
        elif quote["attribution"]:
            sources.append(f'<span class="quote-speaker">{escape(quote["attribution"])}</span>')
        if quote["meeting_id"] is not None:
            sources.append(html_link(f"{base}meetings/{quote['meeting_id']}", f"réunion du {french_date(quote['meeting_date'])}", "quote-meeting",
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
        meeting["place"] = meeting["city"] or meeting["country"] or ("visioconférence" if meeting["virtual"] else "lieu inconnu")
    marks += meeting_marks(meetings, base)
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
        "counts": {"quotes": len(quotes), "figures": len(figures), "people": len(people), "meetings": len(meetings)},
    }


async def meeting_sources(datasette, meeting_id: str) -> list[dict]:
    """For a meeting's page: every article that tells of it, with the sentence that does."""
    db = datasette.get_database("coalition")
    sources = dict_rows(await db.execute(
        """select a.id, a.title, a.path, a.published, a.outlet, am.status, substr(a.body, am.start + 1, am."end" - am.start) as sentence
        from article_meetings am join articles a on a.id = am.article_id where am.meeting_id = :id order by a.published, a.id""",
        {"id": meeting_id}))
    for source in sources:
        source["status_fr"] = STATUSES.get(source["status"], source["status"])
        source["published_fr"] = french_date(source["published"])
    return sources
