"""Invariants of the clustering on generated multi-source corpora."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.meetings.cluster import (
    build_meetings,
    check_meeting_date_span,
    check_meeting_id_unique,
    check_mention_in_one_meeting,
)
from tests.meetings.builder import Corpus

PARTIES = [
    "person:james-baker",
    "person:kiichi-miyazawa",
    "person:makoto-kuroda",
    "person:michael-smith",
    "person:penny-wong",
    "gpe:USA",
    "gpe:JPN",
]
KINDS = ["meeting", "meeting", "phone_call", "visit", "summit", "negotiation"]
START = dt.date(1987, 4, 1)
NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)

mention_st = st.tuples(
    st.lists(st.sampled_from(PARTIES), min_size=1, max_size=3, unique=True),
    st.sampled_from(KINDS),
    st.one_of(st.none(), st.integers(0, 4), st.just("month")),
)
article_st = st.tuples(
    st.integers(0, 12),
    st.sampled_from(["Reuters", "AP", None]),
    st.lists(mention_st, min_size=1, max_size=3),
)
corpus_st = st.lists(article_st, min_size=1, max_size=8)


def make_corpus(articles: list, prefix: str) -> Corpus:
    """A corpus from generated articles; mention ids carry ``prefix`` so they can be renamed."""
    corpus = Corpus()
    for i, (day, outlet, mentions) in enumerate(articles):
        published = START + dt.timedelta(days=day)
        corpus.article(f"art-{i}", published.isoformat(), outlet)
        for j, (parties, kind, when) in enumerate(mentions):
            if when is None:
                date, precision = None, None
            elif when == "month":
                date, precision = published.replace(day=1).isoformat(), "month"
            else:
                date, precision = (published - dt.timedelta(days=when)).isoformat(), "day"
            corpus.mention(f"{prefix}{i}-{j}", f"art-{i}", parties, date, kind, precision)
    return corpus


DIVERGENT_IN_ONE_ARTICLE = """
WITH p AS (
    SELECT mm.meeting_id, e.article_id, e.mention_id, list(x.entity_id) AS people
    FROM mention_meeting AS mm
    JOIN event_mentions AS e USING (mention_id)
    JOIN event_mention_participants AS x USING (mention_id)
    WHERE x.entity_id LIKE 'person:%'
    GROUP BY ALL
)
SELECT a.mention_id, b.mention_id
FROM p AS a
JOIN p AS b
    ON a.meeting_id = b.meeting_id AND a.article_id = b.article_id
   AND a.mention_id < b.mention_id
WHERE NOT list_has_all(a.people, b.people) AND NOT list_has_all(b.people, a.people)
"""


def partition(con, strip: int) -> set[frozenset[str]]:
    """The clusters, with mention ids stripped of their renaming prefix."""
    rows = con.execute("SELECT list(mention_id) FROM mention_meeting GROUP BY meeting_id")
    return {frozenset(m[strip:] for m in r[0]) for r in rows.fetchall()}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus_st)
def test_invariants(articles: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(articles, "a")
        con = corpus.connect()
        build_meetings(con, Path(tmp) / "one", NOW)
        assert check_meeting_id_unique(con) == []
        assert check_mention_in_one_meeting(con) == []
        assert check_meeting_date_span(con) == []
        # A phone call and an in-person meeting never share a meeting.
        mixed = con.execute(
            "SELECT meeting_id FROM mention_meeting JOIN event_mentions USING (mention_id) "
            "GROUP BY meeting_id HAVING count(DISTINCT kind IN ('phone_call', 'video_call')) > 1"
        ).fetchall()
        assert mixed == []
        # Two mentions of one article naming different people on both sides never merge.
        divergent = con.execute(DIVERGENT_IN_ONE_ARTICLE).fetchall()
        assert divergent == []
        first = sorted(con.execute("SELECT * FROM mention_meeting").fetchall())
        # Re-running changes nothing.
        con2 = corpus.connect()
        build_meetings(con2, Path(tmp) / "one", NOW + dt.timedelta(days=1))
        assert sorted(con2.execute("SELECT * FROM mention_meeting").fetchall()) == first
        assert con2.execute("SELECT count(*) FROM meeting_id_redirects").fetchone() == (0,)
        # The clusters do not depend on how the mentions are named.
        renamed = make_corpus(articles, "zz-").connect()
        build_meetings(renamed, Path(tmp) / "two", NOW)
        assert partition(renamed, 3) == partition(con, 1)
