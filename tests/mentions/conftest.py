"""Fixtures for the mention tests: one extraction helper over the real pipelines.

The spaCy pipelines are cached per process (``parley.entities.nlp``), so the model loads
once per test session however many tests use ``extract``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from parley.entities import extract_entities
from parley.ingest.parse import article_id_for, content_hash
from parley.mentions import extract_event_mentions
from parley.records import Article, EventMention


@dataclass(frozen=True)
class Found:
    """An extracted mention with its participants' names and countries."""

    event: EventMention
    names: frozenset[str]
    countries: frozenset[str]
    roles: dict[str, str]

    def has(self, *surnames: str) -> bool:
        """True when every surname is the last word of a participant's name."""
        last = {name.split()[-1].lower() for name in self.names}
        return all(s.lower() in last for s in surnames)


def make_article(
    body: str,
    published: str,
    dateline: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An article as the ingest stage would build it."""
    sha = content_hash(body)
    return Article(
        article_id=article_id_for("test", sha),
        source_ref="test",
        drop_id="test",
        published_date=dt.date.fromisoformat(published),
        title=title,
        dateline=dateline,
        outlet=outlet,
        body=body,
        content_sha256=sha,
    )


Extract = Callable[..., list[Found]]


@pytest.fixture(scope="session")
def extract() -> Extract:
    """Run entities and mention extraction over one article body."""

    def run(
        body: str,
        published: str,
        dateline: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
    ) -> list[Found]:
        article = make_article(body, published, dateline, title, outlet)
        batch = extract_entities([article])
        mentions = extract_event_mentions(list(batch.by_article.values()))
        events, participants = mentions.events, mentions.participants
        entities = {m.entity_id: m for m in [*batch.mentions, *mentions.described]}
        found = []
        for event in events:
            parties = [p for p in participants if p.mention_id == event.mention_id]
            found.append(
                Found(
                    event=event,
                    names=frozenset(entities[p.entity_id].canonical_name for p in parties),
                    countries=frozenset(
                        c for p in parties if (c := entities[p.entity_id].country_iso3)
                    ),
                    roles={entities[p.entity_id].canonical_name: p.role_in_event for p in parties},
                )
            )
        return found

    return run
