"""The entity pass gives the same result in worker processes as in one process."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from parley.entities import extract_entities
from parley.parallel import PARALLEL_MIN_ARTICLES, chunked, nlp_processes
from parley.records import Article

SAMPLE = Path(__file__).parents[1] / "data" / "entities" / "sample.jsonl"


def sample_articles() -> list[Article]:
    """The 200 Reuters articles of the entity sample."""
    articles = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles.append(
            Article(
                article_id=record["article_id"],
                source_ref=record["article_id"],
                drop_id="sample",
                published_date=dt.date.fromisoformat(record["date"]),
                title=record.get("title"),
                dateline=record.get("dateline"),
                outlet="Reuters",
                body=record["body"],
                content_sha256="",
            )
        )
    return articles


def test_worker_processes_only_for_large_drops() -> None:
    assert nlp_processes(10) == 1
    assert nlp_processes(PARALLEL_MIN_ARTICLES) in {1, 2}  # 2 where there are 2 cores


def test_chunks_keep_the_order() -> None:
    assert chunked([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert chunked([], 2) == []


def test_two_worker_processes_give_the_same_entities() -> None:
    # 200 articles in 25 chunks of 8 (two batches of 4), handed out over two workers.
    articles = sample_articles()
    one = extract_entities(articles, batch_size=4, n_process=1)
    two = extract_entities(articles, batch_size=4, n_process=2, chunk_size=8)
    assert len(one.mentions) > 1000 and len(one.roles) > 50
    assert two.mentions == one.mentions
    assert two.roles == one.roles
    assert two.by_article == one.by_article
    assert list(two.by_article) == [a.article_id for a in articles]
