"""People: every named real person of the story, with role and country."""


def extract_people(body, doc=None):
    """Return the PersonMention records of `body`, one per person."""
    return []
