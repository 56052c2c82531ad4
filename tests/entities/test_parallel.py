"""The NER pass gives the same entities in two worker processes as in one."""

from __future__ import annotations

from pathlib import Path

from assets.entities import PARALLEL_NER_MIN_ARTICLES, ner_processes
from parley.entities.extract import extract_entities
from parley.ingest.parse import parse_jsonl_record

REUTERS_DEV = Path(__file__).parents[1] / "data" / "reuters_dev" / "drop" / "articles.jsonl"


def test_two_processes_only_for_large_drops() -> None:
    assert ner_processes(10) == 1
    assert ner_processes(PARALLEL_NER_MIN_ARTICLES) in {1, 2}  # 2 where there are 2 cores


def test_two_worker_processes_give_the_same_entities() -> None:
    lines = REUTERS_DEV.read_text().splitlines()[:12]
    articles = [parse_jsonl_record(line.encode(), "d") for line in lines]
    one = extract_entities(articles, batch_size=4, n_process=1)
    two = extract_entities(articles, batch_size=4, n_process=2)
    assert two.mentions == one.mentions
    assert two.roles == one.roles
