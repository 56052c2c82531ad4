"""Records passed between the pipeline stages.

Every stage is a plain function from records to records; the Dagster assets only move these
records between per-drop Parquet files (``warehouse.staging``, whose table schemas are these
dataclasses) and the published DuckDB warehouse. Field names are the warehouse's column
names wherever a field is published (``warehouse.schema``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One accepted input record (a `.txt` file or a JSONL line)."""

    article_id: str
    source_ref: str
    drop_id: str
    published_date: dt.date
    title: str | None
    dateline: str | None
    outlet: str | None
    body: str
    content_sha256: str
    url: str | None = None
    # Set by the parser when it had to repair the input (lenient decoding, HTML stripped,
    # truncation); the article is kept and the flag is visible in the warehouse.
    input_flags: str | None = None


@dataclass(frozen=True)
class RejectedInput:
    """A file or record that could not become an article, and why."""

    drop_id: str
    source_ref: str
    reason: str
    detail: str


@dataclass(frozen=True)
class ArticleFailure:
    """An accepted article whose processing raised in an NLP stage.

    It is published as a rejected input (reason ``processing_error``) instead of an article,
    with nothing extracted from it; the rest of its drop goes through.
    """

    article_id: str
    source_ref: str
    detail: str  # the stage, the exception and the line that raised it


@dataclass(frozen=True)
class EntityMention:
    """A resolved entity occurrence in an article body.

    ``entity_id`` is a deterministic key (``person:james-baker``, ``gpe:USA``, ...), so the
    same entity found in two drops processed by two runs gets the same id without shared
    state.
    """

    article_id: str
    entity_id: str
    canonical_name: str
    entity_type: str  # PERSON, ORG, GPE, NORP, LOC, FAC, EVENT
    country_iso3: str | None
    mention_text: str
    label: str  # the label that produced it (spaCy NER label or ruler label)
    start_char: int
    end_char: int


@dataclass(frozen=True)
class RoleObservation:
    """A title a person holds according to one article ("Japanese Finance Minister")."""

    article_id: str
    entity_id: str
    role: str
    country_iso3: str | None
    seen_date: dt.date


@dataclass(frozen=True)
class EventMention:
    """A meeting, call or visit that one article states took place."""

    mention_id: str
    article_id: str
    kind: str  # meeting, phone_call, video_call, visit, summit, negotiation
    event_date: dt.date | None
    date_precision: str | None  # day, month or None
    date_text: str | None
    location: str | None
    location_iso3: str | None
    sentence: str
    start_char: int
    end_char: int
    confidence: float
    topics: tuple[str, ...] = field(default_factory=tuple)
    # The group whose meeting it was held on the sidelines of (its entity id), if any.
    setting: str | None = None
    # One of meetings the article says were held one by one ("held separate meetings with A
    # and B"): it never joins a meeting of the same article with other parties.
    held_apart: bool = False


@dataclass(frozen=True)
class EventParticipant:
    """A party to an event mention."""

    mention_id: str
    entity_id: str
    role_in_event: str  # participant, host, visitor


@dataclass(frozen=True)
class StatedEvent:
    """An event mention with its participants, and the entity mentions of the parties the
    article names only by description ("Latino leaders", "the bank advisory committee")."""

    event: EventMention
    participants: tuple[EventParticipant, ...]
    described: tuple[EntityMention, ...] = ()


@dataclass(frozen=True)
class ArticleEntities:
    """The canonical entities and titles of one article: what the entity stage hands on.

    The mention stage groups the staged rows of an article back into this same record, so
    both stages see one shape (``parley.mentions.references`` indexes it for lookups).
    """

    article: Article
    mentions: tuple[EntityMention, ...]
    roles: tuple[RoleObservation, ...]


def group_entities(
    articles: Sequence[Article],
    mentions: Iterable[EntityMention],
    roles: Iterable[RoleObservation],
) -> list[ArticleEntities]:
    """Each article with its entity mentions and roles (as staged), in article order."""
    mentions_of: dict[str, list[EntityMention]] = defaultdict(list)
    for mention in mentions:
        mentions_of[mention.article_id].append(mention)
    roles_of: dict[str, list[RoleObservation]] = defaultdict(list)
    for role in roles:
        roles_of[role.article_id].append(role)
    return [
        ArticleEntities(a, tuple(mentions_of[a.article_id]), tuple(roles_of[a.article_id]))
        for a in articles
    ]


@dataclass(frozen=True)
class Announcement:
    """A meeting, call or visit that one article announces before it happens, or says was
    called off. ``status`` is what the article states (``announced`` or ``cancelled``); the
    warehouse adds ``held`` once an article reports the meeting."""

    announcement_id: str
    article_id: str
    kind: str  # meeting, phone_call, video_call, visit, summit, negotiation
    expected_date: dt.date | None
    date_precision: str | None  # day, week (the Monday), month (the 1st) or None
    date_text: str | None
    location: str | None
    location_iso3: str | None
    # The event's own name when the text names it ("Indian Ocean Dialogue"), else None.
    event_name: str | None
    sentence: str
    start_char: int
    end_char: int
    status: str  # announced, cancelled


@dataclass(frozen=True)
class AnnouncementParticipant:
    """A party to an announced meeting."""

    announcement_id: str
    entity_id: str


@dataclass(frozen=True)
class StatedAnnouncement:
    """An announcement with its participants and the entity mentions of the parties the
    article names only by description (as for ``StatedEvent``)."""

    announcement: Announcement
    participants: tuple[AnnouncementParticipant, ...]
    described: tuple[EntityMention, ...] = ()
