from loader.extract.quotes import extract_quotes
from loader.records import PersonMention

MINISTER = PersonMention("Paul Durand", aliases=["Durand"], role="ministre français de la Défense", country="France", start=0, end=11)


def quotes(text, people=()):
    return [(q.text, q.speaker, q.attribution) for q in extract_quotes(text, list(people))]


def test_speaker_after_the_quote_with_a_title():
    text = "« Nous resterons aux côtés de nos alliés jusqu'au bout », a déclaré le ministre français de la Défense Paul Durand."
    assert quotes(text, [MINISTER]) == [
        ("Nous resterons aux côtés de nos alliés jusqu'au bout", "Paul Durand", "le ministre français de la Défense Paul Durand")
    ]


def test_pronoun_points_to_the_previous_source_even_an_institution():
    text = (
        "Le sommet aura lieu en mars, « pour faire le point sur la campagne contre les jihadistes », a annoncé le ministère. "
        "Sous la présidence de Paul Durand, « les délégations examineront la suite des opérations militaires », a-t-il ajouté."
    )
    assert quotes(text, [MINISTER]) == [
        ("pour faire le point sur la campagne contre les jihadistes", None, "le ministère"),
        ("les délégations examineront la suite des opérations militaires", None, "le ministère"),
    ]


def test_pronoun_after_a_sentence_about_a_person():
    text = "Paul Durand a défendu son bilan. « Nous avons tenu tous nos engagements envers nos partenaires », a-t-il affirmé."
    assert quotes(text, [MINISTER]) == [("Nous avons tenu tous nos engagements envers nos partenaires", "Paul Durand", "Paul Durand")]


def test_anonymous_source():
    text = "« La décision sera prise dans les prochains jours par la Maison Blanche », a dit le responsable, sous couvert d'anonymat."
    assert quotes(text, [MINISTER]) == [("La décision sera prise dans les prochains jours par la Maison Blanche", None, "le responsable")]


def test_selon_and_d_apres():
    text = (
        "Selon le ministre, Paul Durand, \"la coalition n'a jamais été aussi unie face à la menace\". "
        "D'après un diplomate, « rien ne sera décidé avant la fin de l'été prochain »."
    )
    assert quotes(text, [MINISTER]) == [
        ("la coalition n'a jamais été aussi unie face à la menace", "Paul Durand", "le ministre"),
        ("rien ne sera décidé avant la fin de l'été prochain", None, "un diplomate"),
    ]


def test_incise_splits_a_quotation_in_two():
    text = "« Cette réunion n'est pas une réunion de routine, a-t-il dit, nous devons adapter notre stratégie. » Durand a conclu."
    people = [MINISTER]
    found = extract_quotes("Paul Durand a parlé longtemps. " + text, people)
    assert [q.text for q in found] == ["Cette réunion n'est pas une réunion de routine", "nous devons adapter notre stratégie"]
    assert {q.speaker for q in found} == {"Paul Durand"}


def test_unclosed_mark_around_a_name_swallows_nothing():
    text = "Les jihadistes de l'organisation « Etat islamique, qui contrôle toujours de vastes territoires, reculent à Mossoul selon les militaires sur place."
    assert quotes(text) == []


def test_unclosed_real_quote_ends_with_its_paragraph():
    text = "Le ministre a averti : « La fin des combats ne signifie pas que nous avons vaincu les jihadistes durablement.\n\nAutre paragraphe."
    assert [q[0] for q in quotes(text)] == ["La fin des combats ne signifie pas que nous avons vaincu les jihadistes durablement"]


def test_scare_quotes_and_labels_are_not_quotations():
    text = "Il a jugé la situation « intenable » et parlé d'un \"moment-clé\" pour la stratégie « militaire » de la coalition."
    assert quotes(text) == []


def test_a_repeated_teaser_gives_no_duplicate():
    text = "« Nous ne partirons pas avant la victoire finale », a dit Paul Durand.\n\n« Nous ne partirons pas avant la victoire finale », a dit Paul Durand."
    assert len(quotes(text, [MINISTER])) == 1


def test_spans_index_the_body():
    text = "Il a prévenu : “Les prochaines semaines seront décisives pour la coalition tout entière”, selon son entourage."
    for quote in extract_quotes(text, []):
        assert text[quote.start:quote.end] == quote.text
