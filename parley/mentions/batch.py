"""The mention pass over many articles: trigger sentences parsed in batches, then the rules.

Only sentences that pass the trigger prefilter (``text``) or hold an announcement's words
(``announcements``) are parsed, with the parse pipeline of this stage (tagger, parser,
lemmatizer; no NER: the entities come from the entity stage). Each parse yields the events
the sentence states (only for trigger sentences) and the meetings it announces.
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

from parley.mentions.announcements import (
    announcements_in_sentence,
    iter_parse_sentences,
    settle_announcements,
)
from parley.mentions.events import events_in_sentence
from parley.mentions.passes import (
    add_back_reference_topics,
    drop_visits_covered_by_meetings,
    share_dates,
    share_kinds,
)
from parley.mentions.patterns import build_matcher, trigger_indices
from parley.mentions.references import References
from parley.mentions.text import SentenceSpan, flat, has_trigger
from parley.nlp_model import load_model
from parley.parallel import chunked, map_in_workers
from parley.progress import ArticleTicker, ProgressCallback
from parley.records import (
    Announcement,
    AnnouncementParticipant,
    ArticleEntities,
    EntityMention,
    EventMention,
    EventParticipant,
    StatedAnnouncement,
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
# What one parsed sentence gives: the events it states and the meetings it announces.
_Finds = tuple[_Events, list[StatedAnnouncement]]


@dataclass
class MentionBatch:
    """The event mentions of a batch of articles, their participants, the announced
    meetings and theirs, and the entity mentions of the parties named only by description
    (one per span)."""

    events: list[EventMention] = field(default_factory=list)
    participants: list[EventParticipant] = field(default_factory=list)
    described: list[EntityMention] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)
    announcement_participants: list[AnnouncementParticipant] = field(default_factory=list)

    def add_article(
        self, stated: Sequence[StatedEvent], announced: Sequence[StatedAnnouncement] = ()
    ) -> None:
        """Add the stated events and announcements of one article (after its passes)."""
        described: dict[tuple[int, int], EntityMention] = {}
        for one in stated:
            self.events.append(one.event)
            self.participants.extend(one.participants)
            for mention in one.described:
                described.setdefault((mention.start_char, mention.end_char), mention)
        for plan in announced:
            self.announcements.append(plan.announcement)
            self.announcement_participants.extend(plan.participants)
            for mention in plan.described:
                described.setdefault((mention.start_char, mention.end_char), mention)
        self.described.extend(described.values())


def extract_event_mentions(
    articles: Sequence[ArticleEntities],
    n_process: int = 1,
    chunk_size: int = PARSE_CHUNK_SENTENCES,
    progress: ProgressCallback | None = None,
) -> MentionBatch:
    """Meetings, calls and visits each article states took place, with their participants,
    and those it announces.

    With ``n_process`` > 1 the trigger sentences go in chunks of ``chunk_size`` to that many
    worker processes, which parse them and read their events (``parley.parallel``); the
    result is the same as in one process.
    """
    jobs: list[_Job] = [
        (entities, sentence)
        for entities in articles
        for sentence in iter_parse_sentences(entities.article.body)
    ]
    if n_process > 1:
        chunks = map_in_workers(_events_of_chunk, chunked(jobs, chunk_size), n_process, parse_tools)
        per_sentence: Iterable[_Finds] = itertools.chain.from_iterable(chunks)
    else:
        per_sentence = _events_of_sentences(jobs)
    found: dict[str, _Events] = defaultdict(list)
    announced: dict[str, list[StatedAnnouncement]] = defaultdict(list)
    ticker = ArticleTicker([entities.article.article_id for entities in articles], progress)
    for (entities, _), (sentence_events, plans) in zip(jobs, per_sentence, strict=True):
        ticker.reached(entities.article.article_id)
        found[entities.article.article_id].extend(sentence_events)
        announced[entities.article.article_id].extend(plans)
    ticker.finish()
    batch = MentionBatch()
    for entities in articles:
        article = entities.article
        article_events = drop_visits_covered_by_meetings(found[article.article_id])
        article_events = share_kinds(article, share_dates(article_events))
        batch.add_article(
            add_back_reference_topics(article, article_events),
            settle_announcements(announced[article.article_id]),
        )
    return batch


def _events_of_sentences(jobs: Sequence[_Job]) -> Iterator[_Finds]:
    """The events stated by each parsed sentence (only trigger sentences state any) and the
    meetings it announces, in order, parsed in this process."""
    nlp, matcher = parse_tools()
    references: dict[str, References] = {}
    texts = (flat(entities.article.body[s.start : s.end]) for entities, s in jobs)
    docs = nlp.pipe(texts, batch_size=PARSE_BATCH_SIZE)
    for (entities, sentence), doc in zip(jobs, docs, strict=True):
        article = entities.article
        found = references.get(article.article_id)
        if found is None:
            found = references[article.article_id] = References(entities)
        triggers = trigger_indices(matcher, doc)
        states = has_trigger(article.body[sentence.start : sentence.end])
        events = list(events_in_sentence(doc, triggers, article, sentence, found)) if states else []
        yield events, announcements_in_sentence(doc, triggers, article, sentence, found)


def _events_of_chunk(jobs: Sequence[_Job]) -> list[_Finds]:
    """A worker's task: the events of each sentence of a chunk (plain dataclasses)."""
    return list(_events_of_sentences(jobs))
