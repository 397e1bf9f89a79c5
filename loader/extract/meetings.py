"""Meetings: coalition gatherings an article announces, reports or mentions."""


def extract_meetings(body, published, figures):
    """Return the MeetingMention records of `body`.

    `published` is the article's ISO date (any precision, or None): relative
    dates resolve against it. `figures` are the article's Figure records
    (participants come from them).
    """
    return []


def link_meetings(body, meetings, figures, quotes):
    """Set `meeting_index` on the figures and quotes that the text ties to a meeting."""
