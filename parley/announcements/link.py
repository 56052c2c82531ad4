"""Link announced meetings to the meetings reported held, and settle their status.

``link_announcements(con)`` reads, in the current schema, ``announcements`` and
``announcement_participants`` (the staged rows of the published articles, with ``status``
as the article states it), ``articles``, ``entities`` and the dedup step's ``meetings``,
``meeting_participants``, ``meeting_countries`` and ``meeting_sources``; it creates
``announcement_links(announcement_id, status, meeting_id, cancelled_by)``. All the work is
the SQL of ``sql/link_announcements.sql``, with the windows below bound as parameters.

The rules:

- **held**: a meeting of another article matches: its parties cover the announcement's
  (every party, or two or more of them; a state matches an official of that state, or a
  meeting held there), its kind is compatible (a call only with a call), and its date
  falls in the announced period widened by ``DAY_SLACK`` days, or, for an undated
  announcement, within ``UNDATED_WINDOW_DAYS`` after the announcing article; an undated
  meeting counts as held in the week before its first report. The best match (most shared
  parties, then nearest date) is the meeting.
- **cancelled**: the article itself says it was called off or postponed, or a later article
  says so of a matching announcement (same party rule, compatible kind and date, published
  before the announced period ended).
- Cancellation wins over nothing; held wins over cancelled only when the meeting's date (or
  its first report, if undated) is on or after the day the cancellation was published: a
  meeting reported after the news that it was called off was held after all (postponed).
- Stateless: the links are recomputed from all published rows on every publish, so the same
  articles give the same links whatever the order of their drops.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

# Days by which a meeting may miss the announced day, week or month.
DAY_SLACK = 2
# How long after an undated announcement the meeting it announced may be held.
UNDATED_WINDOW_DAYS = 60
# An undated meeting is taken as held in this many days before its first report.
UNDATED_MEETING_DAYS = 7

SQL_FILE = Path(__file__).parent / "sql" / "link_announcements.sql"
_STATEMENT_END = re.compile(r";\s*(?:\n|$)")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_PARAMS = {
    "day_slack": DAY_SLACK,
    "undated_window_days": UNDATED_WINDOW_DAYS,
    "undated_meeting_days": UNDATED_MEETING_DAYS,
}


def link_announcements(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``announcement_links`` from the announcements and meetings in ``con``."""
    for statement in _statements():
        used = {name: _PARAMS[name] for name in set(_PARAM.findall(statement))}
        con.execute(statement, used)


def _statements() -> list[str]:
    """The statements of the SQL file, comment lines removed."""
    lines = SQL_FILE.read_text().splitlines()
    text = "\n".join(line for line in lines if not line.lstrip().startswith("--"))
    return [s.strip() for s in _STATEMENT_END.split(text) if s.strip()]
