"""Link announced meetings to the meetings reported held, and settle their status.

``link_announcements(con)`` reads, in the current schema, ``announcements`` and
``announcement_participants`` (the staged rows of the published articles, with ``status``
as the article states it), ``articles``, ``entities`` and the dedup step's ``meetings``,
``meeting_participants``, ``meeting_countries`` and ``meeting_sources``; it creates
``announcement_links(announcement_id, status, meeting_id, cancelled_by, published_date,
window_start, window_end)``. All the work is the SQL of ``sql/link_announcements.sql`` and
``sql/windows.sql``, with the windows below bound as parameters.

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
- Stateless: the links follow from the published rows alone (a full build links every
  announcement, an incremental publish those its new rows may concern), so the same
  articles give the same links whatever the order of their drops.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from parley.sqlfile import run_file

# Days by which a meeting may miss the announced day, week or month.
DAY_SLACK = 2
# How long after an undated announcement the meeting it announced may be held.
UNDATED_WINDOW_DAYS = 60
# An undated meeting is taken as held in this many days before its first report.
UNDATED_MEETING_DAYS = 7

SQL_DIR = Path(__file__).parent / "sql"
# The windows above, as the SQL's bound parameters.
PARAMS = {
    "day_slack": DAY_SLACK,
    "undated_window_days": UNDATED_WINDOW_DAYS,
    "undated_meeting_days": UNDATED_MEETING_DAYS,
}


def link_announcements(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``announcement_links`` from the announcements and meetings in ``con``."""
    define_windows(con)
    run_file(con, SQL_DIR / "link_announcements.sql", **PARAMS)


def define_windows(con: duckdb.DuckDBPyConnection) -> None:
    """Define the macros ``_an_window_start`` and ``_an_window_end`` (``sql/windows.sql``,
    called with ``PARAMS``) on ``con``; ``link_announcements`` drops them when it is done."""
    run_file(con, SQL_DIR / "windows.sql")
