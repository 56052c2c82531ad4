"""The entity pass over many articles: spaCy's NER-only pipeline in batches, then the rules.

With ``n_process`` > 1 the articles go in chunks to worker processes that run the model and
the rules (``parley.parallel``); the result is the same as in one process. That only pays on
large drops with idle cores, since each worker loads the model.

A body longer than ``MAX_PIECE_CHARS`` goes through the model in pieces, joined back into one
Doc whose text is the body, so that offsets and the rules are as for any article. An article
whose processing raises is an ``ArticleFailure`` beside the results, and the others go on.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from parley.entities.article import extract_article_entities, normalize_for_nlp
from parley.entities.nlp import get_entity_nlp
from parley.failures import article_failure, docs_or_errors
from parley.parallel import chunked, map_in_workers
from parley.progress import ProgressCallback
from parley.records import (
    Article,
    ArticleEntities,
    ArticleFailure,
    EntityMention,
    RoleObservation,
)

# Articles per task of a worker process: a multiple of the batch size, so that the workers'
# nlp.pipe batches are the batches of the one-process pass (the same docs), and small enough
# (~2 s of work) that the worker finishing first waits little for the last chunk.
ENTITY_CHUNK_ARTICLES = 128
# spaCy refuses a text over nlp.max_length (1,000,000 characters), and the NER's memory grows
# with the text of a batch (measured: ~0.7 GB of RSS for 32 texts of 20,000 characters, ~0.3
# GB at 5,000). A longer body is cut into pieces of at most this many characters, so that no
# batch holds more than batch_size times this. Labelled bodies are shorter (6,229 at most).
MAX_PIECE_CHARS = 10_000
# Where a piece may end, best first: after a line break (after normalize_for_nlp every line
# break left is a paragraph break), after a full stop, after a space.
_CUT_AFTER = ("\n", ". ", " ")
_STAGE = "entities"


@dataclass
class EntityBatch:
    """Entity mentions and role observations of a batch of articles, and each article's."""

    mentions: list[EntityMention] = field(default_factory=list)
    roles: list[RoleObservation] = field(default_factory=list)
    by_article: dict[str, ArticleEntities] = field(default_factory=dict)
    # Articles whose processing raised: in none of the fields above.
    failures: list[ArticleFailure] = field(default_factory=list)


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
        results: Iterable[ArticleEntities | ArticleFailure] = itertools.chain.from_iterable(chunks)
    else:
        results = _article_entities(articles, batch_size)
    batch = EntityBatch()
    for result in results:
        # A failed article is done too: the count reaches the drop's total.
        if progress is not None:
            progress(1)
        if isinstance(result, ArticleFailure):
            batch.failures.append(result)
            continue
        batch.mentions.extend(result.mentions)
        batch.roles.extend(result.roles)
        batch.by_article[result.article.article_id] = result
    return batch


def _article_entities(
    articles: Sequence[Article], batch_size: int
) -> Iterator[ArticleEntities | ArticleFailure]:
    """The entities of each article, in order, from this process's entity pipeline."""
    docs = _article_docs(get_entity_nlp(), articles, batch_size)
    for article, doc in zip(articles, docs, strict=True):
        if isinstance(doc, Exception):
            yield article_failure(article, _STAGE, doc)
            continue
        try:
            yield extract_article_entities(article, doc)
        except Exception as error:
            yield article_failure(article, _STAGE, error)


def _article_docs(
    nlp: Language, articles: Sequence[Article], batch_size: int
) -> Iterator[Doc | Exception]:
    """Each article's normalised body through ``nlp``, in order (the exception where spaCy
    raised). Runs of bodies within ``MAX_PIECE_CHARS`` go in batches of ``batch_size``, as
    ``nlp.pipe`` makes them; a longer body goes in pieces, joined into one Doc."""
    for long, group in itertools.groupby(articles, key=_is_long):
        bodies = (normalize_for_nlp(article.body) for article in group)
        if not long:
            yield from docs_or_errors(nlp, bodies, batch_size)
            continue
        for body in bodies:
            pieces = body_pieces(body, MAX_PIECE_CHARS)
            yield _joined(list(docs_or_errors(nlp, pieces, batch_size)))


def _is_long(article: Article) -> bool:
    return len(article.body) > MAX_PIECE_CHARS


def body_pieces(text: str, limit: int) -> list[str]:
    """``text`` in consecutive pieces of at most ``limit`` characters that join back into it,
    each cut in the second half of its reach at the best place of ``_CUT_AFTER`` (a hard cut
    only in ``limit // 2`` characters without a space)."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = high
        for separator in _CUT_AFTER:
            # A cut after the separator in (low, high]: it may start before low.
            found = text.rfind(separator, low - len(separator) + 1, high)
            if found >= 0:
                cut = found + len(separator)
                break
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _joined(parts: list[Doc | Exception]) -> Doc | Exception:
    """The Doc of a whole body from the Docs of its pieces, or the first error."""
    errors = [part for part in parts if isinstance(part, Exception)]
    if errors:
        return errors[0]
    docs = [part for part in parts if isinstance(part, Doc)]
    try:
        # The pieces join without a space between them (their texts make up the body); no
        # component of the entity pipeline sets a tensor.
        return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    except Exception as error:
        return error


def _entities_of_chunk(
    articles: Sequence[Article], batch_size: int
) -> list[ArticleEntities | ArticleFailure]:
    """A worker's task: the entities of a chunk of articles (plain picklable dataclasses)."""
    return list(_article_entities(articles, batch_size))
