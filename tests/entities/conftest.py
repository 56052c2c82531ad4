"""Fixtures for the entity tests: the pipeline is loaded once per test session."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from parley.entities import extract_article_entities, get_entity_nlp, normalize_for_nlp
from parley.records import Article, ArticleEntities

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

Extract = Callable[..., ArticleEntities]


def make_article(
    body: str, day: dt.date, article_id: str = "t1", outlet: str | None = None
) -> Article:
    """An Article record for a body of text (``outlet``: who published it)."""
    return Article(article_id, article_id, "test", day, None, None, outlet, body, "")


@pytest.fixture(scope="session")
def extract() -> Extract:
    """Run the entity pass on one text (the NER-only pipeline, loaded once)."""
    nlp = get_entity_nlp()

    def run(
        body: str, day: dt.date = dt.date(1987, 4, 7), outlet: str | None = None
    ) -> ArticleEntities:
        article = make_article(body, day, outlet=outlet)
        return extract_article_entities(article, nlp(normalize_for_nlp(body)))

    return run


@pytest.fixture(scope="session")
def seed_articles() -> list[Article]:
    """The two seed articles, parsed from the seed format (date line, then body)."""
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        match = re.match(r"\s*date (\d{4}-\d{2}-\d{2})", text)
        assert match is not None
        body = text[match.end() :]
        articles.append(make_article(body, dt.date.fromisoformat(match.group(1)), path.stem))
    return articles
