"""Meeting, call and visit mentions from articles and their resolved entity mentions.

API: ``extract_event_mentions(articles, entity_mentions, roles, n_process=1) ->
(event_mentions, participants)``; plain function, no Dagster. Entity mentions and role
observations come from ``parley.entities`` (surname-only mentions are mapped to the
article's full name here). With ``n_process`` > 1 worker processes parse the trigger
sentences and read their events (``parley.parallel``); the result is the same.

Pipeline: split each body into sentences, keep those with a trigger word
(``text.TRIGGER_RE``, about 6-8% of Reuters sentences), parse only those with the shared
spaCy pipeline (``nlp.pipe`` in batches of 32, NER and rulers disabled), find triggers with
the ``DependencyMatcher`` families of ``patterns``, read the parties off the parse
(``participants``), drop announcements, denials, other senses and plenaries, then resolve
kind, date, place and topics.

Decisions worth knowing:

- A mention needs two distinct parties, or one party and the country visited.
- "held separate meetings with A and B" gives one mention per counterpart; so does "met A
  and B during his visit" (a trip's days: separate engagements).
- Kind: phone/video words make a call; talks with no named person on either side, talks
  with an organisation and meetings with "negotiators"/"delegations" are ``negotiation``;
  a visit to a place is ``visit`` (dropped when the article names meetings of the same
  visitor); a "conversation" restating a call of the same parties in the article is that
  call; everything else is ``meeting`` (a courtesy call is in person).
- Dates: a date expression attached (in the parse) to the trigger or its clause's verb is
  resolved against the dateline's local day (``dates``); only future expressions make it
  an announcement (dropped). Without date words the mention takes, in order: the date of a
  dated mention of the same parties in the article; the date of a dated mention in the same
  sentence; the base day when it is a past report of one meeting in the lead paragraph or
  ends right before/at the reported statement ("told reporters after meeting X"), using the
  wire date when the dateline is a day ahead (overnight copy); else the base day's month
  (``date_precision`` = ``month``), because a meeting recalled in the body may be days old
  and "held separate meetings with A and B" (several occasions) names no day for each.
  This is what the dev labels show; ``date_text`` is NULL for all of these.
- Place: "in/at X" on the trigger or its own clause, "here" = the dateline city, a visit's
  destination; ``location_iso3`` from the entity or a table of capitals (``places``).
- ``start_char``/``end_char`` are the trigger's offsets in ``Article.body``; ``sentence`` is
  the whole sentence with whitespace collapsed; ``mention_id`` is "em-" + sha1 of
  (article_id, start_char, kind, participant ids)[:12].
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from parley.entities import get_parse_nlp
from parley.mentions import dates as date_rules
from parley.mentions.participants import (
    PERSON_LIKE_HEADS,
    ArticleEntities,
    Party,
    resolve_party,
)
from parley.mentions.patterns import (
    FRAME_PREPS,
    LIGHT_VERBS,
    NOUN_TRIGGERS,
    build_matcher,
    is_non_factual,
    trigger_index,
)
from parley.mentions.places import city_iso3
from parley.mentions.text import SentenceSpan, flat, iter_trigger_sentences, paragraph_spans
from parley.mentions.topics import TOPIC_KEYWORDS, assign_topics
from parley.parallel import chunked, map_in_workers
from parley.records import Article, EntityMention, EventMention, EventParticipant, RoleObservation

PARSE_BATCH_SIZE = 32
# Trigger sentences per task of a worker process: a multiple of the batch size, so that the
# workers' nlp.pipe batches are those of the one-process pass, and ~1 s of work.
PARSE_CHUNK_SENTENCES = 256
_PHONE_WORDS = {"telephone", "phone", "telephoned", "phoned"}
_VIDEO_WORDS = {"video", "videoconference", "video-conference", "virtual"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_KIND_NEUTRAL_WORDS = {"conversation", "conversations", "discussion", "discussions", "talks"}
_BACK_REFERENCE_RE = re.compile(
    r"\b(?:the|their|this|that)\s+(?:conversation|discussion|meeting|talks|call)s?\b",
    re.IGNORECASE,
)
# "held their first meeting": the subject names the parties, not the possessive.
_GROUP_POSSESSIVES = {"their", "its", "our", "your"}
# Prepositions that introduce the other party for some verbs only ("called on the
# President", "talked to", "visit to"); "consulted on Greenspan" names a topic.
_VERB_EXTRA_PREPS = {"call": {"on"}, "talk": {"to"}, "speak": {"to"}, "visit": {"to"}}
_CORPORATE_RE = re.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|AG|SA|NV|BV|SpA|Holdings|Company)\b\.?$"
)
# Multilateral bodies whose own sessions are plenaries, not meetings between parties
# ("pledged at G-7 meetings", "the OPEC meeting"); see the labelling rules.
_PLENARY_BODY_RE = re.compile(
    r"^(?:G-?\d+|Group of (?:Five|Seven|Ten|\w+)|OPEC|EC|EEC|European Community|GATT|IMF|"
    r"International Monetary Fund|World Bank|Interim Committee|Development Committee|"
    r"United Nations|UN|NATO|Commonwealth|Paris Club|Cabinet|Parliament|Congress|Senate|"
    r"House)\b",
    re.IGNORECASE,
)
_NEGOTIATOR_HEADS = {"negotiator", "delegation", "delegate"}
_AFTER_WORDS = {"after", "following"}
_STATEMENT_FRAMES = {"after", "following", "at", "during"}
# A trip that spans days: people met "during his visit" were separate engagements.
_TRIP_NOUNS = {"visit", "trip", "tour", "stay", "mission", "stopover"}
# Plural interaction nouns that count occasions ("talks" and "negotiations" name one event).
_COUNTABLE_OCCASIONS = {"meetings", "visits", "calls", "conversations"}
_STATEMENT_VERBS = {"say", "tell", "speak", "add", "comment", "remark", "announce", "declare"}
_ARRIVAL_VERBS = {"arrive", "fly", "travel", "come", "go", "be"}
_QUANTITY_NOUNS = {"series", "round", "number", "couple", "day", "hour", "week", "set"}


@dataclass
class _Frame:
    """Who and what a trigger states, before resolution."""

    trigger: Token
    clause_verb: Token | None
    agents: list[Token] = field(default_factory=list)
    # Country/organisation modifiers of an interaction noun ("U.S.-Japanese talks").
    modifiers: list[Token] = field(default_factory=list)
    counterparts: list[Token] = field(default_factory=list)
    separate: bool = False
    host_is_agent: bool = False
    kind_hint: str | None = None
    visits_here: bool = False


# Components of the shared parse pipeline that trigger sentences do not need: entities come
# from the entity stage, so only tagger, parser and lemmatizer run here.
_SKIP_COMPONENTS = ("parley_entity_ruler", "parley_title_ruler", "ner", "parley_title_unmark")


@functools.cache
def _parse_tools() -> tuple[Language, DependencyMatcher]:
    """The shared spaCy pipeline of the entity stage (used here for tags and parses) and the
    trigger matcher on its vocab, built once per process."""
    nlp = get_parse_nlp()
    return nlp, build_matcher(nlp.vocab)


# A parse job: a trigger sentence of an article.
_Job = tuple[Article, SentenceSpan]
_Events = list[tuple[EventMention, list[EventParticipant]]]


def extract_event_mentions(
    articles: Sequence[Article],
    entity_mentions: Sequence[EntityMention],
    roles: Sequence[RoleObservation],
    n_process: int = 1,
    chunk_size: int = PARSE_CHUNK_SENTENCES,
) -> tuple[list[EventMention], list[EventParticipant]]:
    """Meetings, calls and visits each article states took place, with their participants.

    With ``n_process`` > 1 the trigger sentences go in chunks of ``chunk_size`` to that many
    worker processes, which parse them and read their events (``parley.parallel``); the
    result is the same as in one process.
    """
    mentions_by_article: dict[str, list[EntityMention]] = defaultdict(list)
    for mention in entity_mentions:
        mentions_by_article[mention.article_id].append(mention)
    roles_by_article: dict[str, list[RoleObservation]] = defaultdict(list)
    for role in roles:
        roles_by_article[role.article_id].append(role)

    jobs: list[_Job] = [
        (article, sentence)
        for article in articles
        for sentence in iter_trigger_sentences(article.body)
    ]
    if n_process > 1:
        tasks = (
            _chunk_task(chunk, mentions_by_article, roles_by_article)
            for chunk in chunked(jobs, chunk_size)
        )
        chunks = map_in_workers(_events_of_chunk, tasks, n_process, _parse_tools)
        per_sentence: Iterable[_Events] = itertools.chain.from_iterable(chunks)
    else:
        per_sentence = _events_of_sentences(jobs, mentions_by_article, roles_by_article)
    found: dict[str, _Events] = defaultdict(list)
    for (article, _), sentence_events in zip(jobs, per_sentence, strict=True):
        found[article.article_id].extend(sentence_events)
    events: list[EventMention] = []
    participants: list[EventParticipant] = []
    for article in articles:
        article_events = _drop_visits_covered_by_meetings(found[article.article_id])
        article_events = _share_kinds(article, _share_dates(article_events))
        article_events = _add_back_reference_topics(article, article_events)
        for event, parties in article_events:
            events.append(event)
            participants.extend(parties)
    return events, participants


def _events_of_sentences(
    jobs: Sequence[_Job],
    mentions_by_article: Mapping[str, list[EntityMention]],
    roles_by_article: Mapping[str, list[RoleObservation]],
) -> Iterator[_Events]:
    """The events stated by each trigger sentence, in order, parsed in this process."""
    nlp, matcher = _parse_tools()
    contexts: dict[str, ArticleEntities] = {}
    skip = [name for name in _SKIP_COMPONENTS if name in nlp.pipe_names]
    texts = (flat(article.body[s.start : s.end]) for article, s in jobs)
    docs = nlp.pipe(texts, batch_size=PARSE_BATCH_SIZE, disable=skip)
    for (article, sentence), doc in zip(jobs, docs, strict=True):
        entities = contexts.get(article.article_id)
        if entities is None:
            entities = ArticleEntities(
                article,
                mentions_by_article.get(article.article_id, []),
                roles_by_article.get(article.article_id, []),
            )
            contexts[article.article_id] = entities
        yield list(_events_in_sentence(doc, matcher, article, sentence, entities))


def _chunk_task(
    jobs: Sequence[_Job],
    mentions_by_article: Mapping[str, list[EntityMention]],
    roles_by_article: Mapping[str, list[RoleObservation]],
) -> tuple[Sequence[_Job], dict[str, list[EntityMention]], dict[str, list[RoleObservation]]]:
    """A worker's task: a chunk of jobs with the entities of their articles only."""
    ids = {article.article_id for article, _ in jobs}
    return (
        jobs,
        {i: mentions_by_article[i] for i in ids if i in mentions_by_article},
        {i: roles_by_article[i] for i in ids if i in roles_by_article},
    )


def _events_of_chunk(
    task: tuple[Sequence[_Job], dict[str, list[EntityMention]], dict[str, list[RoleObservation]]],
) -> list[_Events]:
    """A worker's task: the events of each sentence of a chunk (plain dataclasses)."""
    return list(_events_of_sentences(*task))


def _events_in_sentence(
    doc: Doc,
    matcher: object,
    article: Article,
    sentence: SentenceSpan,
    entities: ArticleEntities,
) -> Iterable[tuple[EventMention, list[EventParticipant]]]:
    triggers: dict[int, str] = {}
    for match_id, token_ids in matcher(doc):  # type: ignore[operator]
        name = doc.vocab.strings[match_id]
        index = trigger_index(name, token_ids)
        triggers.setdefault(index, name)
    base = date_rules.base_day(article.published_date, article.dateline)
    handled: set[int] = set()
    for index in sorted(triggers):
        frame = _frame(doc[index])
        if frame is None or is_non_factual(frame.trigger):
            continue
        # A noun trigger inside a verb trigger's phrase ("met X for talks") is the same event.
        if _inside_other_trigger(frame.trigger, handled):
            continue
        built = list(_build_events(frame, doc, article, sentence, entities, base))
        if built:
            handled.add(index)
        yield from built


def _frame(trigger: Token) -> _Frame | None:
    """Agents and counterparts of a trigger, read off the dependency parse."""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ in {"VERB", "AUX"}:
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            return None  # "costs negotiated between A and B" describes the costs
        return _verb_frame(trigger, lemma)
    if lemma in NOUN_TRIGGERS:
        return _noun_frame(trigger, lemma)
    return _function_frame(trigger)


def _verb_frame(verb: Token, lemma: str) -> _Frame | None:
    frame = _Frame(trigger=verb, clause_verb=verb)
    preps = {child.lower_: child for child in verb.children if child.dep_ == "prep"}
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "speak":
        if not (_has_phone_prep(verb) or "with" in preps):
            return None
        frame.kind_hint = "phone_call" if _has_phone_prep(verb) else None
    # "called on the President" is a visit to a person; "called on the government to act"
    # is a demand (it has an open clause), and "called X" is naming unless by telephone.
    if lemma == "call" and (
        "on" not in preps
        or objects
        or any(c.dep_ in {"xcomp", "advcl", "ccomp", "oprd"} for c in verb.children)
    ):
        if not _has_phone_prep(verb):
            return None
        frame.kind_hint = "phone_call"
    if lemma in {"telephone", "phone"}:
        frame.kind_hint = "phone_call"
    if lemma == "talk" and not ({"with", "to"} & preps.keys()):
        return None
    passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive_subjects:
        frame.counterparts.extend(passive_subjects)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            frame.agents.extend(c for c in agent.children if c.dep_ == "pobj")
    else:
        frame.agents.extend(_clause_subjects(verb))
        frame.counterparts.extend(objects)
    if objects and not any(_can_be_party(o) for o in objects):
        return None  # "received a related order", "met the deadline": another sense
    allowed = {"with", "between"} | _VERB_EXTRA_PREPS.get(lemma, set())
    for word in sorted(allowed & preps.keys()):
        frame.counterparts.extend(c for c in preps[word].children if c.dep_ == "pobj")
    frame.host_is_agent = lemma in {"host", "receive"}
    # "Abe met President Reagan and Congressional leaders during his visit": over a trip's
    # days, people met together in the sentence were separate engagements.
    frame.separate = any(
        pobj.lemma_.lower() in _TRIP_NOUNS
        for word in ("during", "on")
        if word in preps
        for pobj in preps[word].children
        if pobj.dep_ == "pobj"
    )
    return frame


def _noun_frame(noun: Token, lemma: str) -> _Frame | None:
    if _is_plenary(noun):
        return None
    frame = _Frame(trigger=noun, clause_verb=_clause_verb(noun))
    frame.separate = any(c.lower_ == "separate" for c in noun.children)
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in _GROUP_POSSESSIVES:
            frame.agents.append(child)
        elif child.dep_ in {"compound", "amod", "nmod", "dep"} and child.pos_ in {"PROPN", "ADJ"}:
            frame.modifiers.append(child)
        elif child.dep_ == "advmod" and child.lower_ == "here" and lemma == "visit":
            frame.visits_here = True
        if child.dep_ == "prep" and child.lower_ in {"with", "between", "on", "to", "by"}:
            if child.lower_ == "on" and lemma != "call":
                continue
            if child.lower_ == "by" and lemma != "visit":
                continue
            if child.lower_ == "to" and lemma not in {"visit", "welcome"}:
                continue
            target = frame.agents if child.lower_ == "by" else frame.counterparts
            target.extend(c for c in child.children if c.dep_ == "pobj")
    # "a series of meetings with Abe" behaves like "meetings with Abe".
    position = noun
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in _QUANTITY_NOUNS
    ):
        position = noun.head.head
    head = position.head
    if position.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in LIGHT_VERBS:
        if not frame.agents:
            frame.agents.extend(_clause_subjects(head))
        for prep in (c for c in head.children if c.dep_ == "prep"):
            if (
                prep.lower_ in {"with", "between"}
                or (prep.lower_ == "on" and lemma == "call")
                or (prep.lower_ == "to" and lemma == "welcome")
            ):
                frame.counterparts.extend(c for c in prep.children if c.dep_ == "pobj")
    elif position.dep_ in {"pobj", "pcomp"} and head.lower_ in FRAME_PREPS and not frame.agents:
        frame.agents.extend(_clause_subjects(head.head))
    elif position.dep_ == "dobj" and head.dep_ == "acl" and not frame.agents:
        frame.agents.append(head.head)  # "leaders attending a meeting with Sarney"
    elif lemma == "visit" and position.dep_ == "pobj" and head.lower_ == "on":
        _arrival_visit(frame, head.head)
    return frame


def _arrival_visit(frame: _Frame, verb: Token) -> None:
    """ "X arrived in Amman on a visit": the visitor is the subject, the destination the
    place the motion verb names."""
    if verb.lemma_.lower() not in _ARRIVAL_VERBS:
        return
    if not frame.agents:
        frame.agents.extend(_clause_subjects(verb))
    if not frame.counterparts:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "to"}):
            frame.counterparts.extend(c for c in prep.children if c.dep_ == "pobj")


def _is_plenary(noun: Token) -> bool:
    """ "G-7 meetings", "an OPEC meeting": the session of a multilateral body."""
    for child in noun.children:
        if child.dep_ in {"compound", "nmod", "amod"}:
            phrase = " ".join(t.text for t in child.subtree)
            if _PLENARY_BODY_RE.match(phrase):
                return True
    return False


def _function_frame(noun: Token) -> _Frame | None:
    """ "a reception held for him by President Alfonsin": host = agent, guest = counterpart."""
    verb = next((c for c in noun.children if c.dep_ == "acl"), None)
    if verb is None:
        return None
    frame = _Frame(trigger=noun, clause_verb=_clause_verb(noun), host_is_agent=True)
    for prep in verb.children:
        if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ == "by"):
            frame.agents.extend(c for c in prep.children if c.dep_ == "pobj")
        elif prep.dep_ == "prep" and prep.lower_ in {"for", "in"}:
            frame.counterparts.extend(
                c for c in prep.children if c.dep_ == "pobj" and c.lower_ != "honour"
            )
    return frame


def _clause_subjects(verb: Token) -> list[Token]:
    """The subject(s) of a verb, borrowed from the governing clause when it has none."""
    token = verb
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects
        if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return [token.head]
        if token.dep_ == "ROOT" or token.head is token:
            return []
        token = token.head
    return []


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb above a token: the clause an interaction noun belongs to."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None


def _inside_other_trigger(trigger: Token, handled: set[int]) -> bool:
    """True for "met X for talks": the noun hangs (via a preposition) from a used trigger."""
    head = trigger.head
    if head.i in handled:
        return True
    return head.dep_ == "prep" and head.head.i in handled


def _has_phone_prep(verb: Token) -> bool:
    return any(
        prep.dep_ == "prep" and any(c.lower_ in _PHONE_WORDS for c in prep.subtree if c is not prep)
        for prep in verb.children
    )


def _build_events(
    frame: _Frame,
    doc: Doc,
    article: Article,
    sentence: SentenceSpan,
    entities: ArticleEntities,
    base: dt.date,
) -> Iterable[tuple[EventMention, list[EventParticipant]]]:
    offset = sentence.start
    # Counterparts first: they are usually named, and a pronoun or title on the agent side
    # ("Before meeting with Bush, the Crown Prince ...") must not resolve to them.
    counterparts = _resolve_all(
        [t for t in frame.counterparts if _can_be_party(t)], offset, entities, set()
    )
    taken = {p.entity_id for p in counterparts}
    agents = _resolve_all(frame.agents, offset, entities, taken)
    # Only countries stand in from a modifier ("U.S.-Japanese talks"); an organisation
    # there names the setting ("a White House photo session"), not a party.
    modifiers = _resolve_all(
        frame.modifiers, offset, entities, taken | {p.entity_id for p in agents}
    )
    agents += [p for p in modifiers if p.entity_type in {"GPE", "NORP"}]
    agent_ids = {p.entity_id for p in agents}
    counterparts = [p for p in counterparts if p.entity_id not in agent_ids]
    if frame.visits_here and not counterparts:
        host = entities.country_party(city_iso3(date_rules.dateline_city(article.dateline)))
        counterparts = [host] if host is not None else []
    if not counterparts and len(agents) < 2:
        return
    if _is_commercial([*agents, *counterparts]):
        return
    if not counterparts and _attended(frame.trigger):
        # "X and Y also attended the meeting": they joined someone else's meeting.
        return
    date_info = _event_date(frame, doc, base, sentence, article)
    if date_info is None:  # only future dates: an announcement
        return
    groups = [[c] for c in counterparts] if frame.separate and counterparts else [counterparts]
    for group in groups:
        parties = _unique([*agents, *group])
        if len(parties) < 2:
            continue
        kind = _kind(frame, parties, group)
        location, location_iso3 = _location(frame, doc, offset, entities, article, kind, group)
        yield _event_record(
            frame, article, sentence, kind, date_info, location, location_iso3, agents, group
        )


def _can_be_party(token: Token) -> bool:
    """An object that names a party: a name, a pronoun or a person-like noun, not
    "President Reagan's decision" (whose possessor is no party to the welcome)."""
    if token.pos_ in {"PROPN", "PRON"}:
        return True
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
        return True  # "the Tokyo stock exchange (TSE)": a body named by its acronym
    lemma = token.lemma_.lower()
    return lemma in PERSON_LIKE_HEADS or token.lower_ in PERSON_LIKE_HEADS or lemma == "two"


def _is_commercial(parties: list[Party]) -> bool:
    """Talks between companies (a corporate name, and no state or office-holder)."""
    corporate = any(
        p.entity_type == "ORG" and _CORPORATE_RE.search(p.canonical_name) for p in parties
    )
    public = any(
        p.entity_type in {"GPE", "NORP"} or (p.entity_type == "PERSON" and p.country_iso3)
        for p in parties
    )
    return corporate and not public


def _attended(trigger: Token) -> bool:
    return trigger.dep_ == "dobj" and trigger.head.lemma_.lower() == "attend"


def _resolve_all(
    tokens: list[Token], offset: int, entities: ArticleEntities, exclude: set[str]
) -> list[Party]:
    parties: list[Party] = []
    seen = set(exclude)
    for head in tokens:
        for token in _with_conjuncts(head):
            for party in resolve_party(token, offset, entities, seen):
                if party.entity_id not in seen:
                    parties.append(party)
                    seen.add(party.entity_id)
    return parties


def _with_conjuncts(token: Token) -> list[Token]:
    """The head and the heads coordinated with it, also through a mis-parsed apposition
    ("The US, Russia, and Switzerland met": Russia parsed as apposition of US)."""
    found = [token]
    appositions = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for head in [token, *appositions]:
        coordinated = [c for c in head.conjuncts if c.i > head.i]
        if head is not token and coordinated:
            coordinated.insert(0, head)
        for conj in coordinated:
            if conj not in found:
                found.append(conj)
    return found


def _unique(parties: list[Party]) -> list[Party]:
    seen: set[str] = set()
    out = []
    for party in parties:
        if party.entity_id not in seen:
            seen.add(party.entity_id)
            out.append(party)
    return out


def _kind(frame: _Frame, parties: list[Party], counterparts: list[Party]) -> str:
    trigger = frame.trigger
    lemma = trigger.lemma_.lower()
    nearby = {c.lower_ for c in trigger.children} | {trigger.lower_}
    if frame.clause_verb is not None:
        nearby |= {t.lower_ for t in frame.clause_verb.subtree}
    if frame.kind_hint:
        return frame.kind_hint
    if nearby & _VIDEO_WORDS:
        return "video_call"
    if lemma in {"conversation", "call", "talk"} and _PHONE_WORDS & (
        {c.lower_ for c in trigger.children} | _prep_words(frame.clause_verb)
    ):
        return "phone_call"
    if lemma == "summit":
        return "summit"
    if lemma.startswith("negotiat"):
        return "negotiation"
    if (
        lemma == "visit"
        and counterparts
        and all(p.entity_type in _PLACE_TYPES for p in counterparts)
    ):
        return "visit"
    if lemma in {"talk", "talks", "meeting", "meet", "discussion"} and all(
        p.entity_type != "PERSON" for p in parties
    ):
        # Talks between delegations (no named person on either side) are negotiations.
        return "negotiation"
    if lemma in {"talk", "talks"} and any(p.entity_type == "ORG" for p in parties):
        return "negotiation"  # talks with a ministry or agency, not with a person
    if any(p.head in _NEGOTIATOR_HEADS for p in parties):
        return "negotiation"  # "met U.S. negotiators": delegation-level talks
    return "meeting"


def _prep_words(verb: Token | None) -> set[str]:
    if verb is None:
        return set()
    return {t.lower_ for prep in verb.children if prep.dep_ == "prep" for t in prep.subtree}


@dataclass(frozen=True)
class _DateInfo:
    date: dt.date | None
    precision: str | None
    text: str | None


def _event_date(
    frame: _Frame, doc: Doc, base: dt.date, sentence: SentenceSpan, article: Article
) -> _DateInfo | None:
    anchors = {frame.trigger.i}
    if frame.clause_verb is not None:
        anchors.add(frame.clause_verb.i)
    attached = []
    for found in date_rules.find_dates(doc.text, base):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None:
            continue
        if _attachment(span.root) in anchors:
            attached.append(found)
    if attached:
        past = [d for d in attached if not d.future]
        if not past:
            return None
        best = min(past, key=lambda d: (d.precision != "day", d.date is None))
        return _DateInfo(best.date, best.precision, best.text)
    on_the_news_day = sentence.paragraph == 0 or _before_statement(frame.trigger)
    if _is_past_report(frame) and on_the_news_day and not _several_occasions(frame):
        # A dateline ahead of the wire date is overnight copy (or a time zone ahead of
        # GMT): an undated report then describes the wire day's news, not the next day's.
        return _DateInfo(min(base, article.published_date), "day", None)
    return _DateInfo(base.replace(day=1), "month", None)


def _several_occasions(frame: _Frame) -> bool:
    """True for "held separate meetings with A and B" and "meetings with A and B": the
    story reports several occasions (a tour's stops), so the lead does not date each one."""
    trigger = frame.trigger
    return frame.separate or (trigger.tag_ == "NNS" and trigger.lower_ in _COUNTABLE_OCCASIONS)


def _before_statement(trigger: Token) -> bool:
    """True for "X told reporters after meeting Y" / "Speaking at a reception held by Y, X
    said": the meeting ends right before (or hosts) the statement the story reports, so it
    shares its day."""
    crossed_after = False
    for token in [trigger, *trigger.ancestors]:
        if token.lower_ in _STATEMENT_FRAMES or any(
            c.dep_ == "mark" and c.lower_ in _STATEMENT_FRAMES for c in token.children
        ):
            crossed_after = True
        if crossed_after and token.lemma_.lower() in _STATEMENT_VERBS:
            return True
    return False


def _attachment(token: Token) -> int:
    """The nearest verb or interaction noun a date expression hangs from."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"} or ancestor.lemma_.lower() in NOUN_TRIGGERS:
            return ancestor.i
    return token.i


def _is_past_report(frame: _Frame) -> bool:
    verb = frame.clause_verb
    if verb is None:
        return False
    if verb.lemma_.lower() in _STATEMENT_VERBS or verb.lower_ in _AFTER_WORDS:
        return True
    if verb.tag_ == "VBG" and verb.head.lower_ in _AFTER_WORDS | {"before"}:
        return True  # "after meeting Baker, Miyazawa said"
    return verb.tag_ in {"VBD", "VBN"} or any(c.lemma_ == "have" for c in verb.children)


def _location(
    frame: _Frame,
    doc: Doc,
    offset: int,
    entities: ArticleEntities,
    article: Article,
    kind: str,
    counterparts: list[Party],
) -> tuple[str | None, str | None]:
    if kind == "phone_call":
        return None, None
    if kind == "visit":
        place = counterparts[0]
        return place.canonical_name, place.country_iso3 or city_iso3(place.canonical_name)
    heads = [frame.trigger]
    verb = frame.clause_verb
    if verb is not None and (verb is frame.trigger or frame.trigger.dep_ in {"dobj", "nsubjpass"}):
        # "met X at the Pentagon", "held talks in Washington", "X's engagements in
        # Washington included a meeting"; but not the clause around "after his meeting".
        heads.append(verb)
        heads.extend(c for c in verb.children if c.dep_ == "nsubj")
    for head in heads:
        for child in head.children:
            if child.dep_ == "advmod" and child.lower_ == "here":
                city = date_rules.dateline_city(article.dateline)
                return city, city_iso3(city)
            if child.dep_ != "prep" or child.lower_ not in {"in", "at"}:
                continue
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                start = offset + pobj.idx
                for mention in entities.overlapping(start, start + len(pobj.text)):
                    if mention.entity_type in _PLACE_TYPES or mention.label in _PLACE_TYPES:
                        name = mention.mention_text
                        return name, city_iso3(name) or mention.country_iso3
                if pobj.pos_ == "PROPN":
                    name = " ".join(t.text for t in pobj.subtree if t.dep_ != "det")
                    return name, city_iso3(name)
    return None, None


def _event_record(
    frame: _Frame,
    article: Article,
    sentence: SentenceSpan,
    kind: str,
    date_info: _DateInfo,
    location: str | None,
    location_iso3: str | None,
    agents: list[Party],
    counterparts: list[Party],
) -> tuple[EventMention, list[EventParticipant]]:
    start = sentence.start + frame.trigger.idx
    end = start + len(frame.trigger.text)
    parties = _unique([*agents, *counterparts])
    key = "|".join([article.article_id, str(start), kind, *sorted(p.entity_id for p in parties)])
    mention_id = "em-" + hashlib.sha1(key.encode()).hexdigest()[:12]
    sentence_text = " ".join(article.body[sentence.start : sentence.end].split())
    paragraph = _paragraph_text(article.body, sentence.start)
    people = sum(p.entity_type == "PERSON" for p in parties)
    confidence = 0.9 if people >= 2 else 0.75 if people == 1 else 0.6
    if any(p.via in {"pronoun", "title"} for p in parties):
        confidence -= 0.1
    event = EventMention(
        mention_id=mention_id,
        article_id=article.article_id,
        kind=kind,
        event_date=date_info.date,
        date_precision=date_info.precision,
        date_text=date_info.text,
        location=location,
        location_iso3=location_iso3,
        sentence=sentence_text,
        start_char=start,
        end_char=end,
        confidence=round(confidence, 2),
        topics=assign_topics(sentence_text, paragraph),
    )
    participants = []
    for party in parties:
        role = "participant"
        if kind == "visit":
            role = "visitor" if party in agents else "host"
        elif frame.host_is_agent:
            role = "host" if party in agents else "visitor"
        participants.append(EventParticipant(mention_id, party.entity_id, role))
    return event, participants


def _paragraph_text(body: str, offset: int) -> str:
    for start, end in paragraph_spans(body):
        if start <= offset < end:
            return body[start:end]
    return ""


def _share_dates(
    events: list[tuple[EventMention, list[EventParticipant]]],
) -> list[tuple[EventMention, list[EventParticipant]]]:
    """Give a restated meeting without date words ("Before meeting with Bush, ...") the
    date of the article's dated mention of the same two or more parties."""
    dated = [
        (event, {p.entity_id for p in parties}) for event, parties in events if event.date_text
    ]
    shared = []
    for event, parties in events:
        if not event.date_text:
            ids = {p.entity_id for p in parties}
            source = next((d for d, d_ids in dated if len(ids & d_ids) >= 2), None)
            if source is not None:
                event = dataclasses.replace(
                    event, event_date=source.event_date, date_precision=source.date_precision
                )
        shared.append((event, parties))
    # Then an undated mention takes the date of a dated one in the same sentence ("Before
    # meeting with Bush on Monday, the prince paid a courtesy call on Reagan").
    by_sentence = {
        (e.sentence, e.event_date, e.date_precision)
        for e, _ in shared
        if e.date_precision == "day" and (e.date_text or e.event_date)
    }
    result = []
    for event, parties in shared:
        if not event.date_text:
            same = [s for s in by_sentence if s[0] == event.sentence and s[1] != event.event_date]
            if len(same) == 1 and event.date_precision != "day":
                event = dataclasses.replace(event, event_date=same[0][1], date_precision="day")
        result.append((event, parties))
    return result


def _share_kinds(
    article: Article, events: list[tuple[EventMention, list[EventParticipant]]]
) -> list[tuple[EventMention, list[EventParticipant]]]:
    """A kind-neutral restatement ("held an extensive conversation") of a phone or video
    call reported in the same article with the same parties is that call."""
    calls = [
        (event.kind, {p.entity_id for p in parties})
        for event, parties in events
        if event.kind in {"phone_call", "video_call"}
    ]
    result = []
    for event, parties in events:
        word = article.body[event.start_char : event.end_char].lower()
        if event.kind == "meeting" and word in _KIND_NEUTRAL_WORDS:
            ids = {p.entity_id for p in parties}
            kind = next((k for k, k_ids in calls if len(ids & k_ids) >= 2), None)
            if kind is not None:
                event = dataclasses.replace(event, kind=kind)
        result.append((event, parties))
    return result


def _add_back_reference_topics(
    article: Article, events: list[tuple[EventMention, list[EventParticipant]]]
) -> list[tuple[EventMention, list[EventParticipant]]]:
    """Topics of later paragraphs that talk about "the conversation" / "their discussion"
    go to the nearest mention before them."""
    if not events:
        return events
    extra: dict[str, set[str]] = defaultdict(set)
    for start, end in paragraph_spans(article.body):
        paragraph = article.body[start:end]
        if not _BACK_REFERENCE_RE.search(paragraph):
            continue
        before = [e for e, _ in events if e.start_char < start]
        if before:
            nearest = max(before, key=lambda e: e.start_char)
            extra[nearest.mention_id].update(assign_topics(paragraph))
    result = []
    for event, parties in events:
        if extra.get(event.mention_id):
            merged = set(event.topics) | extra[event.mention_id]
            topics = tuple(t for t in TOPIC_KEYWORDS if t in merged)
            event = dataclasses.replace(event, topics=topics)
        result.append((event, parties))
    return result


def _drop_visits_covered_by_meetings(
    events: list[tuple[EventMention, list[EventParticipant]]],
) -> list[tuple[EventMention, list[EventParticipant]]]:
    """Drop a visit when the same article reports named meetings of the visitor."""
    met = {p.entity_id for event, parties in events if event.kind != "visit" for p in parties}
    return [
        (event, parties)
        for event, parties in events
        if event.kind != "visit"
        or not any(p.role_in_event == "visitor" and p.entity_id in met for p in parties)
    ]
