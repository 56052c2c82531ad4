"""The entity pass over many articles: spaCy's NER-only pipeline in batches, then the rules.

With ``n_process`` > 1 the articles go in chunks to worker processes that run the model and
the rules (``parley.parallel``); the result is the same as in one process. That only pays on
large drops with idle cores, since each worker loads the model.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from parley.entities.article import extract_article_entities, normalize_for_nlp
from parley.entities.nlp import get_entity_nlp
from parley.parallel import chunked, map_in_workers
from parley.progress import ProgressCallback
from parley.records import Article, ArticleEntities, EntityMention, RoleObservation

# Articles per task of a worker process: a multiple of the batch size, so that the workers'
# nlp.pipe batches are the batches of the one-process pass (the same docs), and small enough
# (~2 s of work) that the worker finishing first waits little for the last chunk.
ENTITY_CHUNK_ARTICLES = 128


@dataclass
class EntityBatch:
    """Entity mentions and role observations of a batch of articles, and each article's."""

    mentions: list[EntityMention] = field(default_factory=list)
    roles: list[RoleObservation] = field(default_factory=list)
    by_article: dict[str, ArticleEntities] = field(default_factory=dict)


def extract_entities(
    articles: Sequence[Article],
    batch_size: int = 32,
    n_process: int = 1,
    chunk_size: int = ENTITY_CHUNK_ARTICLES,
    progress: ProgressCallback | None = None,
) -> EntityBatch:
    """Resolve the entities and roles of many articles (NER-only pipeline, small batches)."""
    if n_process > 1:
        work = functools.partial(_entities_of_chunk, batch_size=batch_size)
        chunks = map_in_workers(work, chunked(articles, chunk_size), n_process, get_entity_nlp)
        results: Iterable[ArticleEntities] = itertools.chain.from_iterable(chunks)
    else:
        results = _article_entities(articles, batch_size)
    batch = EntityBatch()
    for result in results:
        batch.mentions.extend(result.mentions)
        batch.roles.extend(result.roles)
        batch.by_article[result.article.article_id] = result
        if progress is not None:
            progress(1)
    return batch


def _article_entities(articles: Sequence[Article], batch_size: int) -> Iterator[ArticleEntities]:
    """The entities of each article, in order, from this process's entity pipeline."""
    bodies = (normalize_for_nlp(a.body) for a in articles)
    docs = get_entity_nlp().pipe(bodies, batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield extract_article_entities(article, doc)


def _entities_of_chunk(articles: Sequence[Article], batch_size: int) -> list[ArticleEntities]:
    """A worker's task: the entities of a chunk of articles (plain picklable dataclasses)."""
    return list(_article_entities(articles, batch_size))
