"""What a canned query that found nothing says: what was searched, and how to broaden it."""
from markupsafe import Markup, escape

from .article import dict_rows, html_link

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
        known = dict_rows(await datasette.get_database("coalition").execute(
            # instr, not LIKE: "%" in a name is a character, never "any name".
            """select id, name from people where instr(:name, char(0)) = 0 and (instr(lower(name), lower(:name))
               or id in (select person_id from person_aliases where instr(lower(alias), lower(:name)))) order by name limit 5""",
            {"name": value}))
        if known:
            names = ", ".join(html_link(f"/coalition/people/{row['id']}", row["name"], "person") for row in known)
            said = f"Aucune citation pour « {escape(value)} » : {names} {'est nommé' if len(known) == 1 else 'sont nommés'} dans les articles, sans y être cité{'s' if len(known) > 1 else ''}."
    return Markup(f"{said} {advice}")
