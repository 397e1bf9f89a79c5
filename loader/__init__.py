"""coalition: French press articles about the anti-Daech coalition, as one SQLite database."""
