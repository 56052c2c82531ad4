"""The mention pass gives the same result in worker processes as in one process."""

from __future__ import annotations

from parley.entities import extract_entities
from parley.mentions import extract_event_mentions
from tests.entities.test_parallel import sample_articles


def test_two_worker_processes_give_the_same_event_mentions() -> None:
    articles = sample_articles()
    entities = list(extract_entities(articles).by_article.values())
    one = extract_event_mentions(entities)
    # Chunks of 8 trigger sentences: an article's sentences often span two chunks.
    two = extract_event_mentions(entities, n_process=2, chunk_size=8)
    assert len(one.events) > 30
    assert two == one
