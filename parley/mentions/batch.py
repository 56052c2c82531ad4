"""The mention pass over many articles: trigger sentences parsed in batches, then the rules.

Only sentences that pass the trigger prefilter (``text``) are parsed, with the parse pipeline
of this stage (tagger, parser, lemmatizer; no NER: the entities come from the entity stage).
With ``n_process`` > 1 worker processes parse the sentences and read their events
(``parley.parallel``); the result is the same as in one process.
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import DependencyMatcher

from parley.mentions.events import events_in_sentence
from parley.mentions.passes import (
    add_back_reference_topics,
    drop_visits_covered_by_meetings,
    share_dates,
    share_kinds,
)
from parley.mentions.patterns import build_matcher
from parley.mentions.references import References
from parley.mentions.text import SentenceSpan, flat, iter_trigger_sentences
from parley.nlp_model import load_model
from parley.parallel import chunked, map_in_workers
from parley.progress import ArticleTicker, ProgressCallback
from parley.records import (
    ArticleEntities,
    EntityMention,
    EventMention,
    EventParticipant,
    StatedEvent,
)

PARSE_BATCH_SIZE = 32
# Trigger sentences per task of a worker process: a multiple of the batch size, so that the
# workers' nlp.pipe batches are those of the one-process pass, and ~1 s of work.
PARSE_CHUNK_SENTENCES = 256
# The entities come from the entity stage: the parse needs no NER.
_PARSE_EXCLUDE = ("ner",)


@functools.cache
def parse_tools() -> tuple[Language, DependencyMatcher]:
    """This stage's parse pipeline and the trigger matcher on its vocab, once per process."""
    nlp = load_model(exclude=_PARSE_EXCLUDE)
    return nlp, build_matcher(nlp.vocab)


# A parse job: a trigger sentence of an article, with the article's entities.
_Job = tuple[ArticleEntities, SentenceSpan]
_Events = list[StatedEvent]


@dataclass
class MentionBatch:
    """The event mentions of a batch of articles, their participants, and the entity
    mentions of the parties named only by description (one per span)."""

    events: list[EventMention] = field(default_factory=list)
    participants: list[EventParticipant] = field(default_factory=list)
    described: list[EntityMention] = field(default_factory=list)

    def add_article(self, stated: Sequence[StatedEvent]) -> None:
        """Add the stated events of one article (after the article's passes)."""
        described: dict[tuple[int, int], EntityMention] = {}
        for one in stated:
            self.events.append(one.event)
            self.participants.extend(one.participants)
            for mention in one.described:
                described.setdefault((mention.start_char, mention.end_char), mention)
        self.described.extend(described.values())


def extract_event_mentions(
    articles: Sequence[ArticleEntities],
    n_process: int = 1,
    chunk_size: int = PARSE_CHUNK_SENTENCES,
    progress: ProgressCallback | None = None,
) -> MentionBatch:
    """Meetings, calls and visits each article states took place, with their participants.

    With ``n_process`` > 1 the trigger sentences go in chunks of ``chunk_size`` to that many
    worker processes, which parse them and read their events (``parley.parallel``); the
    result is the same as in one process.
    """
    jobs: list[_Job] = [
        (entities, sentence)
        for entities in articles
        for sentence in iter_trigger_sentences(entities.article.body)
    ]
    if n_process > 1:
        chunks = map_in_workers(_events_of_chunk, chunked(jobs, chunk_size), n_process, parse_tools)
        per_sentence: Iterable[_Events] = itertools.chain.from_iterable(chunks)
    else:
        per_sentence = _events_of_sentences(jobs)
    found: dict[str, _Events] = defaultdict(list)
    ticker = ArticleTicker([entities.article.article_id for entities in articles], progress)
    for (entities, _), sentence_events in zip(jobs, per_sentence, strict=True):
        ticker.reached(entities.article.article_id)
        found[entities.article.article_id].extend(sentence_events)
    ticker.finish()
    batch = MentionBatch()
    for entities in articles:
        article = entities.article
        article_events = drop_visits_covered_by_meetings(found[article.article_id])
        article_events = share_kinds(article, share_dates(article_events))
        batch.add_article(add_back_reference_topics(article, article_events))
    return batch


def _events_of_sentences(jobs: Sequence[_Job]) -> Iterator[_Events]:
    """The events stated by each trigger sentence, in order, parsed in this process."""
    nlp, matcher = parse_tools()
    references: dict[str, References] = {}
    texts = (flat(entities.article.body[s.start : s.end]) for entities, s in jobs)
    docs = nlp.pipe(texts, batch_size=PARSE_BATCH_SIZE)
    for (entities, sentence), doc in zip(jobs, docs, strict=True):
        article = entities.article
        found = references.get(article.article_id)
        if found is None:
            found = references[article.article_id] = References(entities)
        yield list(events_in_sentence(doc, matcher, article, sentence, found))


def _events_of_chunk(jobs: Sequence[_Job]) -> list[_Events]:
    """A worker's task: the events of each sentence of a chunk (plain dataclasses)."""
    return list(_events_of_sentences(jobs))
