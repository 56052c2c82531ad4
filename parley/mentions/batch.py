"""The mention pass over many articles: trigger sentences parsed in batches, then the rules.

Only sentences that pass the trigger prefilter (``text``) or hold an announcement's words
(``announcements``) are parsed, with the parse pipeline of this stage (tagger, parser,
lemmatizer; no NER: the entities come from the entity stage). Each parse yields the events
the sentence states (only for trigger sentences) and the meetings it announces.
With ``n_process`` > 1 worker processes parse the sentences and read their events
(``parley.parallel``); the result is the same as in one process. An article whose processing
raises is an ``ArticleFailure`` beside the results, and the others go on.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import DependencyMatcher

from parley.failures import article_failure, docs_or_errors
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
    ArticleFailure,
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
_STAGE = "mentions"
# A long article (a transcript, a report) is read in sections of about this many characters:
# a pronoun, a surname or "the minister" resolves among the entity mentions of its section
# and of the SECTION_LOOKBACK characters before it, and the article passes run per section.
# The resolver and the passes scan every mention and event of what they read, so on a whole
# article of megabytes their time would grow with its square. The longest labelled body has
# 6,229 characters.
SECTION_CHARS = 20_000
SECTION_LOOKBACK = 2_000


@functools.cache
def parse_tools() -> tuple[Language, DependencyMatcher]:
    """This stage's parse pipeline and the trigger matcher on its vocab, once per process."""
    nlp = load_model(exclude=_PARSE_EXCLUDE)
    return nlp, build_matcher(nlp.vocab)


# A parse job: a trigger sentence of an article, with the entities of the article (of its
# section, in a long article).
_Job = tuple[ArticleEntities, SentenceSpan]
_Events = list[StatedEvent]
# What one parsed sentence gives: the events it states and the meetings it announces.
_Finds = tuple[_Events, list[StatedAnnouncement]]


@dataclass
class MentionBatch:
    """The event mentions of a batch of articles, their participants, the announced
    meetings and theirs, the entity mentions of the parties named only by description (one
    per span), and the articles whose processing raised (none of their rows is in the
    batch)."""

    events: list[EventMention] = field(default_factory=list)
    participants: list[EventParticipant] = field(default_factory=list)
    described: list[EntityMention] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)
    announcement_participants: list[AnnouncementParticipant] = field(default_factory=list)
    failures: list[ArticleFailure] = field(default_factory=list)

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


class ArticleProcessingError(Exception):
    """Raised by ``extract_event_mentions`` when some articles failed."""

    def __init__(self, failures: list[ArticleFailure]) -> None:
        listed = "; ".join(f"{f.source_ref}: {f.detail}" for f in failures)
        super().__init__(f"{len(failures)} article(s) failed: {listed}")
        self.failures = failures


def extract_event_mentions(
    articles: Sequence[ArticleEntities],
    n_process: int = 1,
    chunk_size: int = PARSE_CHUNK_SENTENCES,
    progress: ProgressCallback | None = None,
) -> MentionBatch:
    """Meetings, calls and visits each article states took place, with their participants,
    and those it announces; ``ArticleProcessingError`` if an article failed
    (``extract_mention_batch`` goes on)."""
    batch = extract_mention_batch(articles, n_process, chunk_size, progress)
    if batch.failures:
        raise ArticleProcessingError(batch.failures)
    return batch


def extract_mention_batch(
    articles: Sequence[ArticleEntities],
    n_process: int = 1,
    chunk_size: int = PARSE_CHUNK_SENTENCES,
    progress: ProgressCallback | None = None,
) -> MentionBatch:
    """Meetings, calls and visits each article states took place, with their participants,
    those it announces, and the articles whose processing raised.

    With ``n_process`` > 1 the trigger sentences go in chunks of ``chunk_size`` to that many
    worker processes, which parse them and read their events (``parley.parallel``); the
    result is the same as in one process.
    """
    failed: dict[str, ArticleFailure] = {}
    # What the rules read at once: an article, or a section of a long one.
    units: list[ArticleEntities] = []
    jobs: list[_Job] = []
    job_units: list[int] = []
    for entities in articles:
        try:
            sentences = list(iter_parse_sentences(entities.article.body))
        except Exception as error:
            failed[entities.article.article_id] = article_failure(entities.article, _STAGE, error)
            continue
        for unit, unit_sentences in _sections(entities, sentences):
            jobs += [(unit, sentence) for sentence in unit_sentences]
            job_units += [len(units)] * len(unit_sentences)
            units.append(unit)
    if n_process > 1:
        chunks = map_in_workers(_events_of_chunk, chunked(jobs, chunk_size), n_process, parse_tools)
        per_sentence: Iterable[_Finds | ArticleFailure] = itertools.chain.from_iterable(chunks)
    else:
        per_sentence = _events_of_sentences(jobs)
    found: list[_Events] = [[] for _ in units]
    announced: dict[str, list[StatedAnnouncement]] = defaultdict(list)
    ticker = ArticleTicker([entities.article.article_id for entities in articles], progress)
    for unit_index, finds in zip(job_units, per_sentence, strict=True):
        ticker.reached(units[unit_index].article.article_id)
        if isinstance(finds, ArticleFailure):
            failed.setdefault(finds.article_id, finds)
        else:
            found[unit_index].extend(finds[0])
            announced[units[unit_index].article.article_id].extend(finds[1])
    ticker.finish()
    # The stated events of each article that has not failed, its sections' one after another.
    settled: dict[str, _Events] = {}
    for unit, unit_events in zip(units, found, strict=True):
        article = unit.article
        if article.article_id in failed:
            continue
        try:
            unit_events = drop_visits_covered_by_meetings(unit_events)
            unit_events = share_kinds(article, share_dates(unit_events))
            unit_events = add_back_reference_topics(article, unit_events)
        except Exception as error:
            failed[article.article_id] = article_failure(article, _STAGE, error)
            continue
        settled.setdefault(article.article_id, []).extend(unit_events)
    batch = MentionBatch()
    for entities in articles:
        article = entities.article
        if article.article_id in failed:
            continue
        try:
            plans = settle_announcements(announced[article.article_id])
        except Exception as error:
            failed[article.article_id] = article_failure(article, _STAGE, error)
            continue
        batch.add_article(settled.get(article.article_id, []), plans)
    batch.failures = list(failed.values())
    return batch


def _sections(
    entities: ArticleEntities, sentences: list[SentenceSpan]
) -> list[tuple[ArticleEntities, list[SentenceSpan]]]:
    """The article with its trigger sentences; a long one in sections (``SECTION_CHARS``),
    each with the entity mentions from ``SECTION_LOOKBACK`` before it to the next one."""
    body = entities.article.body
    if len(body) <= SECTION_CHARS or not sentences:
        return [(entities, sentences)]
    groups: list[list[SentenceSpan]] = [[sentences[0]]]
    for sentence in sentences[1:]:
        if sentence.start - groups[-1][0].start < SECTION_CHARS:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    mentions = sorted(entities.mentions, key=lambda m: m.start_char)
    starts = [m.start_char for m in mentions]
    sections = []
    for index, group in enumerate(groups):
        low = 0 if index == 0 else group[0].start - SECTION_LOOKBACK
        high = groups[index + 1][0].start if index + 1 < len(groups) else len(body)
        near = mentions[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)]
        sections.append((ArticleEntities(entities.article, tuple(near), entities.roles), group))
    return sections


def _events_of_sentences(jobs: Sequence[_Job]) -> Iterator[_Finds | ArticleFailure]:
    """The events stated by each parsed sentence (only trigger sentences state any) and the
    meetings it announces, in order, parsed in this process (the article's failure where the
    parse or the rules raised)."""
    nlp, matcher = parse_tools()
    references: dict[str, tuple[ArticleEntities, References]] = {}
    texts = (flat(entities.article.body[s.start : s.end]) for entities, s in jobs)
    docs = docs_or_errors(nlp, texts, PARSE_BATCH_SIZE)
    for (entities, sentence), doc in zip(jobs, docs, strict=True):
        article = entities.article
        if isinstance(doc, Exception):
            yield article_failure(article, _STAGE, doc)
            continue
        try:
            found = references.get(article.article_id)
            # The sections of a long article share its id; each has its own resolver.
            if found is None or found[0] is not entities:
                found = references[article.article_id] = (entities, References(entities))
            triggers = trigger_indices(matcher, doc)
            states = has_trigger(article.body[sentence.start : sentence.end])
            events = (
                list(events_in_sentence(doc, triggers, article, sentence, found[1]))
                if states
                else []
            )
            yield events, announcements_in_sentence(doc, triggers, article, sentence, found[1])
        except Exception as error:
            yield article_failure(article, _STAGE, error)


def _events_of_chunk(jobs: Sequence[_Job]) -> list[_Finds | ArticleFailure]:
    """A worker's task: the events of each sentence of a chunk (plain dataclasses)."""
    return list(_events_of_sentences(jobs))
