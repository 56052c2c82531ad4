"""Announced meetings, calls and visits: what a sentence says will happen, or was called off.

The triggers are the meeting triggers (``patterns``) that ``events`` leaves out because they
are planned ("will meet", "is due/expected/scheduled/set to meet", "plans to visit", "looks
forward to welcoming", "the upcoming summit", "talks scheduled for Thursday", "agreed to
speak again", "accepted an invitation to visit") or dated ahead ("talks resume on Friday",
"visits West Germany next week"); and two kinds of words no report uses: a journey ("is due
to fly to Moscow", "leaves for Ottawa for talks": a visit of its destination, when that is
a known place abroad; "will travel to Austin, Texas" is a trip at home) and the name of a
coming event that no meeting word names ("the upcoming iCET Intersessional and Indian Ocean
Dialogue").

``stated_status`` reads what governs the trigger, walking up the parse as
``patterns.is_non_factual`` does: a cancellation ("cancelled", "postponed", "called off",
"scrubbed") makes it ``cancelled``; denials, conditions, possibilities and proposals
("will not meet", "no plans to meet", "if they meet", "could meet", "proposed a meeting",
"hopes to meet", "invited him to visit") make it nothing; a plan makes it ``announced``;
a bare present or infinitive ("when he visits", "to meet") counts only with a date ahead.

Parties, kind and place are the meetings' (``events.frame_sides``, ``kinds``, ``places``);
an event named without parties ("the upcoming Indian Ocean Dialogue") takes the states the
sentence names ("the US-India partnership"). The expected date is ``expected_date``'s.
``announcement_id`` is "ann-" + sha1 of (article_id, start_char, end_char, kind, participant
ids)[:12], like ``mention_id``. ``settle_announcements`` then keeps one row per announced
meeting of the article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Token

from parley.datelines import local_day
from parley.mentions.dates import DATE_RE, find_dates
from parley.mentions.event_date import DateInfo, event_date
from parley.mentions.events import Sides, described_mentions, frame_sides, unique_parties
from parley.mentions.expected_date import expected_date
from parley.mentions.frames import Frame, clause_subjects, read_frame
from parley.mentions.kinds import PLACE_TYPES, event_kind
from parley.mentions.parties import Party, as_party
from parley.mentions.patterns import is_non_factual
from parley.mentions.places import event_location
from parley.mentions.references import References
from parley.mentions.text import SentenceSpan, has_trigger, sentence_spans
from parley.records import (
    Announcement,
    AnnouncementParticipant,
    Article,
    StatedAnnouncement,
)

ANNOUNCED = "announced"
CANCELLED = "cancelled"
# A trigger whose status depends on a date ahead ("when he visits" vs "visits next week").
_IF_DATED_AHEAD = "if_dated_ahead"

# Words of an announcement that no meeting trigger covers: journeys and event names. The
# sentences with one of them and no meeting word are parsed for announcements only.
# "conference" is none of them: most are news conferences, and a coming one is "upcoming".
_CUE_RE = re.compile(
    r"\b(?:travel\w*|fl(?:y|ies|ying)|(?:leav(?:e|es|ing)|head(?:s|ing)?)(?:\s+\w+){0,2}"
    r"\s+(?:for|to)|due\s+here|trips?|speak|(?:to|will)\s+see|upcoming|forthcoming|"
    r"dialogue|intersessional|ministerial)\b",
    re.IGNORECASE,
)

# Verbs of a journey, and the prepositions that name its destination.
_TRAVEL_VERBS = {"travel", "fly", "go", "head", "leave", "depart", "come", "return"}
_DESTINATION_PREPS = {"to", "for"}
# Nouns of a journey ("cancelled a trip tomorrow to the U.S.").
_TRIP_NOUNS = {"trip", "journey", "tour"}
# Event names no meeting word covers ("Indian Ocean Dialogue", "the OPEC conference").
_EVENT_NOUNS = {"dialogue", "intersessional", "ministerial", "conference"}
# The head words of an event's name ("NATO Summit", "Quad Leaders Meeting").
_EVENT_NAMES = _EVENT_NOUNS | {"summit", "meeting", "talks", "consultations"}
# Modifiers that make the interaction a coming one ("the upcoming summit").
_COMING_MODIFIERS = {
    "upcoming", "forthcoming", "scheduled", "planned", "expected", "next", "projected",
    "future", "coming",
}  # fmt: skip
# Modifiers that make it a proposal or a possibility ("a proposed meeting").
_OPEN_MODIFIERS = {"proposed", "possible", "probable", "potential", "likely", "hypothetical"}

# Governing words that make the interaction below them planned: "plans to", "is due to",
# "looks forward to", "agreed to meet again", "accepted an invitation to visit", "is to
# arrive", "ahead of the summit", "leaves for talks".
_PLAN_HEADS = {
    "plan", "schedule", "scheduled", "due", "expect", "expected", "set", "slated", "intend",
    "prepare", "preparation", "arrange", "agree", "accept", "decide", "confirm", "announce",
    "likely", "ahead", "advance", "await", "pleased", "glad", "eager", "travel", "fly", "go",
    "head", "leave", "depart", "come", "return", "welcome", "prior", "arrival",
}  # fmt: skip
# Governing words that make it a proposal, a wish, a possibility or a refusal.
_OPEN_HEADS = {
    "propose", "proposal", "suggest", "seek", "want", "hope", "wish", "offer", "invite",
    "extend", "urge", "request", "ask", "call", "demand", "press", "push", "consider",
    "favour", "favor", "aim", "try", "attempt", "effort", "bid", "idea", "prospect",
    "chance", "possible", "probable", "possibility", "willing", "able", "unable", "ready",
    "need", "optimistic", "pessimistic", "hopeful", "confident", "deny", "refuse", "reject",
    "rule", "oppose", "threaten", "doubt", "unlikely", "question", "talk", "require",
}  # fmt: skip
_CANCEL_HEADS = {
    "cancel", "postpone", "delay", "scrap", "scrub", "defer", "cancellation", "postponement",
    "abandon", "suspend", "shelve", "adjourn",
}  # fmt: skip
_FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
_OPEN_AUX = {"could", "might", "may", "should", "must", "can"}
_HABITUAL = {"often", "frequently", "regularly", "usually", "repeatedly", "always", "never"}
_ARGUMENT_EDGES = {"xcomp", "dobj", "ccomp", "acomp", "attr", "nsubjpass", "pcomp", "oprd"}
_ARGUMENT_PREPS = {"for", "to", "toward", "towards", "on", "about", "of"}
_CLAUSE_EDGES = {"advcl", "relcl", "parataxis", "conj", "ROOT", "acl"}
_NOUNS = {"NOUN", "PROPN"}
_CONDITIONS = {"whether", "if", "unless"}
# Verbs that announce a meeting without an object ("agreed to meet again", "to speak again
# in a month"), which the meeting patterns (they need an argument) leave out.
_BARE_VERBS = {"meet", "speak", "talk", "confer", "visit"}
_PAST_TAGS = {"VBD", "VBN"}
# The words that can make a trigger announced or cancelled (``_may_announce``): the heads
# by lemma, the auxiliaries, modifiers and particles by form.
_GATE_LEMMAS = _PLAN_HEADS | _CANCEL_HEADS | {"look"}
_GATE_WORDS = _FUTURE_AUX | _COMING_MODIFIERS | {"off"}


def has_announcement_cue(text: str) -> bool:
    """True when the text has a journey or event-name word of an announcement."""
    return _CUE_RE.search(text) is not None


def iter_parse_sentences(body: str) -> Iterator[SentenceSpan]:
    """The sentences of a body that may state a meeting or announce one: those with a
    meeting trigger word (``text``) or an announcement cue."""
    if not has_trigger(body) and not has_announcement_cue(body):
        return
    for sentence in sentence_spans(body):
        text = body[sentence.start : sentence.end]
        if has_trigger(text) or has_announcement_cue(text):
            yield sentence


def announcements_in_sentence(
    doc: Doc,
    trigger_indices: Sequence[int],
    article: Article,
    sentence: SentenceSpan,
    entities: References,
) -> list[StatedAnnouncement]:
    """The meetings, calls and visits a parsed sentence announces (or says were called off);
    ``trigger_indices``: the meeting triggers ``patterns.trigger_indices`` found."""
    if not _may_announce(doc):
        return []
    base = local_day(article.published_date, article.dateline)
    triggers = set(trigger_indices)
    candidates = sorted(
        triggers
        | set(_journeys(doc))
        | set(_named_events(doc))
        | set(_bare_verbs(doc))
        | set(_sees(doc))
    )
    found: list[StatedAnnouncement] = []
    handled: set[int] = set()
    for index in candidates:
        token = doc[index]
        if _inside(token, handled):
            continue  # "will meet X for talks": the talks are the meeting
        built = list(_announced(token, index in triggers, doc, article, sentence, entities, base))
        if built:
            handled.add(index)
        found.extend(built)
    return found


def _may_announce(doc: Doc) -> bool:
    """False when no word of the sentence can make anything in it announced or cancelled:
    no plan, cancellation, future or coming word, no "is to", no date words (most trigger
    sentences report the past). The words are those ``stated_status`` and ``_ahead`` read,
    so the answer never differs from reading every trigger."""
    for token in doc:
        if token.lemma_.lower() in _GATE_LEMMAS or token.lower_ in _GATE_WORDS:
            return True
        if token.lemma_.lower() == "be" and any(c.dep_ == "xcomp" for c in token.children):
            return True  # "Rha was to leave for Ottawa"
    return DATE_RE.search(doc.text) is not None


def stated_status(trigger: Token) -> str | None:
    """``announced``, ``cancelled``, or None (a report, a denial, a condition, a proposal);
    ``_IF_DATED_AHEAD`` for a bare present or infinitive, whose date decides."""
    if any(c.dep_ == "det" and c.lower_ in {"no", "any"} for c in trigger.children):
        return None  # "no meeting is planned", "any talks"
    cues = set(_cues(trigger))
    if CANCELLED in cues:
        return CANCELLED
    modifiers = _modifier_words(trigger)
    if modifiers & _OPEN_MODIFIERS:
        return None
    if modifiers & _COMING_MODIFIERS:
        return ANNOUNCED  # "the next OPEC meeting", whatever is said about it
    if None in cues:
        return None
    if ANNOUNCED in cues:
        return ANNOUNCED
    return _IF_DATED_AHEAD


def _modifier_words(noun: Token) -> set[str]:
    """The modifiers of a noun and of the compound words before it, shared by its
    conjuncts: "the upcoming iCET Intersessional and the Indian Ocean Dialogue"."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in _NOUNS:
        first = first.head
    heads = [noun, first]
    heads += [c for h in heads for c in h.children if c.dep_ == "compound"]
    return {c.lower_ for h in heads for c in h.children if c.dep_ in {"amod", "compound"}}


def _cues(trigger: Token) -> Iterator[str | None]:
    """What the words governing the trigger say of it, clause by clause (as
    ``patterns.is_non_factual`` walks): ANNOUNCED, CANCELLED, or None for a denial,
    condition, possibility or proposal."""
    token, previous = trigger, None
    for _ in range(12):
        yield from _clause_cues(token, previous)
        if token.dep_ == "ROOT" or token.head is token:
            return
        infinitive = any(c.tag_ == "TO" for c in token.children)
        if token.dep_ in _CLAUSE_EDGES and not infinitive:
            return  # "Baker, who will fly home, met Miyazawa today": another clause
        if token.dep_ == "prep" and token.lower_ not in _ARGUMENT_PREPS:
            # An adjunct ("could be resolved during a visit later this month"): the clause
            # above says nothing of whether the visit takes place.
            return
        previous, token = token, token.head


def _clause_cues(token: Token, previous: Token | None) -> Iterator[str | None]:
    lemma = token.lemma_.lower()
    argument = previous is not None and (
        previous.dep_ in _ARGUMENT_EDGES
        or (previous.dep_ in {"acl", "relcl"} and previous.head is token)
        or (previous.dep_ == "prep" and previous.lower_ in _ARGUMENT_PREPS)
    )
    if argument:
        negated = any(c.dep_ == "neg" or c.lower_ == "no" for c in token.children)
        particle = {c.lower_ for c in token.children if c.dep_ == "prt"}
        if negated:
            yield None  # "did not plan to meet", "has no plans to visit"
        elif lemma in _CANCEL_HEADS or (lemma in {"call", "put"} and "off" in particle):
            yield CANCELLED
        elif lemma == "look" and "forward" in {c.lower_ for c in token.children}:
            yield ANNOUNCED
        elif lemma == "be" and previous is not None and previous.dep_ == "xcomp":
            yield ANNOUNCED  # "Rha was to leave for Ottawa"
        elif lemma in _PLAN_HEADS:
            yield ANNOUNCED
        elif lemma in _OPEN_HEADS:
            yield None
    for child in token.children:
        if _denies_or_doubts(child):
            yield None
        elif child.dep_ == "acl" and child.lemma_.lower() in _PLAN_HEADS:
            yield ANNOUNCED  # "talks scheduled for Thursday"
        elif child.dep_ in {"aux", "auxpass"} and child.lower_ in _FUTURE_AUX:
            yield ANNOUNCED
        elif child.dep_ in {"aux", "auxpass"} and child.lower_ in _OPEN_AUX:
            yield None


def _denies_or_doubts(child: Token) -> bool:
    """A negation, a habit, an open question or a condition: "will not meet", "often
    visits", "whether they will meet", "would meet him if the yen rose"."""
    return (
        child.dep_ == "neg"
        or (child.dep_ == "advmod" and child.lower_ in _HABITUAL)
        or (child.dep_ == "mark" and child.lower_ in _CONDITIONS)
        or (
            child.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in child.children)
        )
    )


def _inside(token: Token, handled: set[int]) -> bool:
    """True for "will meet X for talks": the noun hangs (via a preposition) from a used
    trigger."""
    if token.dep_ == "conj":
        return False  # "the upcoming X and the Y": two events
    head = token.head
    if head.dep_ == "prep":
        head = head.head
    # "to visit Japan for the next Quad Leaders Meeting": the journey and what it is for.
    return head.i in handled and not (_is_journey(head) or head.lemma_.lower() == "visit")


def _journeys(doc: Doc) -> Iterator[int]:
    """Journeys with a destination: verbs ("fly to Moscow", "leaves for Ottawa") and nouns
    ("a trip to Australia", "cancelled a trip tomorrow to the U.S.")."""
    for token in doc:
        if _is_journey(token) and _journey_destinations(token):
            yield token.i


def _is_journey(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (token.pos_ == "VERB" and lemma in _TRAVEL_VERBS) or (
        token.pos_ == "NOUN" and lemma in _TRIP_NOUNS
    )


def _journey_frame(token: Token) -> Frame:
    """Who travels where: the subject (a trip's possessor, else its verb's subject) and the
    destinations."""
    if token.pos_ == "VERB":
        frame = Frame(token, token, agents=clause_subjects(token))
    else:
        verb = token.head if token.head.pos_ in {"VERB", "AUX"} else None
        owners = [c for c in token.children if c.dep_ == "poss"]
        frame = Frame(token, verb, agents=owners or (clause_subjects(verb) if verb else []))
    frame.counterparts = _journey_destinations(token)
    return frame


def _journey_destinations(token: Token) -> list[Token]:
    """A journey's destinations; a trip's may hang from its verb ("cancelled a trip tomorrow
    to the U.S.")."""
    found = _destinations(token)
    if not found and token.pos_ == "NOUN" and token.dep_ == "dobj":
        found = _destinations(token.head)
    return found


def _destinations(verb: Token) -> list[Token]:
    """The proper-noun objects of a journey's "to"/"for" ("to Israel and the West Bank")."""
    found = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _DESTINATION_PREPS:
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                found.extend([obj, *(c for c in obj.conjuncts if c.pos_ == "PROPN")])
    return found


def _bare_verbs(doc: Doc) -> Iterator[int]:
    """ "agreed to meet again", "to speak again in a month": a meeting verb in an infinitive
    with no argument of its own."""
    return (token.i for token in doc if _is_bare_verb(token))


def _is_bare_verb(token: Token) -> bool:
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in _BARE_VERBS
        and token.dep_ == "xcomp"
        and not any(c.dep_ in {"dobj", "nsubj"} for c in token.children)
    )


def _sees(doc: Doc) -> Iterator[int]:
    """ "is expected to see Miyazawa": to see a person, planned."""
    for token in doc:
        if token.lemma_.lower() == "see" and token.pos_ == "VERB" and _seen(token):
            yield token.i


def _seen(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]


def _named_events(doc: Doc) -> Iterator[int]:
    """Named events, which the meeting patterns (lower-case lemmas) do not read: "the NATO
    Summit in Vilnius", and event names no meeting word covers, said to be coming ("the
    upcoming Indian Ocean Dialogue"; the modifier may sit on a conjunct: "the upcoming X
    and the Y")."""
    for token in doc:
        if token.pos_ == "PROPN" and token.lower_ in _EVENT_NAMES:
            yield token.i
        if token.dep_ == "amod" and token.lower_ in _COMING_MODIFIERS:
            noun = token.head
            while noun.dep_ == "compound":
                noun = noun.head
            for head in [noun, *noun.conjuncts]:
                if head.lower_ in _EVENT_NOUNS:
                    yield head.i


def _announced(
    trigger: Token,
    is_trigger: bool,
    doc: Doc,
    article: Article,
    sentence: SentenceSpan,
    entities: References,
    base: dt.date,
) -> Iterable[StatedAnnouncement]:
    journey = _is_journey(trigger)
    if journey:
        frame = _journey_frame(trigger)
    elif trigger.lower_ in _EVENT_NOUNS:
        frame = _event_frame(trigger)
    elif trigger.lemma_.lower() == "see":
        frame = Frame(trigger, trigger, agents=clause_subjects(trigger))
        frame.counterparts = _seen(trigger)
    else:
        frame = read_frame(trigger, planned=True)
    if frame is None and _is_bare_verb(trigger):
        frame = Frame(trigger, trigger, agents=clause_subjects(trigger))
    if frame is None:
        return
    status = stated_status(frame.trigger)
    reported = is_trigger and read_frame(trigger) is not None and not is_non_factual(frame.trigger)
    if reported:
        # A report (a meetings row: never an announcement too, "suspended talks" included),
        # unless its date words all point ahead ("talks resume on Friday").
        if event_date(frame, doc, base, sentence, article) is not None:
            return
        if status is not None and status != CANCELLED:
            status = ANNOUNCED
    if status is None or (status != ANNOUNCED and trigger.lemma_.lower() == "see"):
        return  # "to see" is a meeting only when planned ("is expected to see")
    date_info = expected_date(doc, base, _anchors(frame))
    if status == _IF_DATED_AHEAD:
        if not _ahead(date_info, base) or _past_tense(frame):
            return  # "when he visits"; "flew to Moscow on Tuesday" is a report
        status = ANNOUNCED
    sides = frame_sides(frame, article, sentence, entities)
    if sides is None and trigger.lower_ in _EVENT_NOUNS:
        sides = _sentence_states(doc, sentence, entities)
    if sides is None:
        return
    groups = (
        [[c] for c in sides.counterparts]
        if frame.separate and sides.counterparts
        else [sides.counterparts]
    )
    for group in groups:
        parties = unique_parties([*sides.agents, *group])
        if len(parties) < 2 and not sides.as_group:
            continue
        kind = (
            "visit"
            if journey and group and all(p.entity_type in PLACE_TYPES for p in group)
            else event_kind(frame, parties, group, article.title)
        )
        location, location_iso3 = event_location(
            frame, doc, sentence.start, entities, article, kind, group
        )
        if journey and kind == "visit" and not _abroad(location_iso3, sides.agents):
            continue  # "the President will travel to Austin, Texas": no visit of state
        yield _record(
            frame, article, sentence, kind, status, date_info, location, location_iso3, parties
        )


def _abroad(destination_iso3: str | None, travellers: list[Party]) -> bool:
    """True when a journey goes to a known country that is not the home of every person
    travelling: a place of no known country ("Texas", "Las Vegas") or the travellers' own
    is a trip at home, not a visit."""
    homes = {p.country_iso3 for p in travellers if p.entity_type == "PERSON"}
    return destination_iso3 is not None and homes != {destination_iso3}


def _event_frame(noun: Token) -> Frame:
    """A coming event named by a word no meeting pattern reads: the states and groups among
    its modifiers are its parties ("the upcoming OPEC conference")."""
    frame = Frame(noun, next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None))
    frame.modifiers = [
        c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"
    ]
    return frame


def _sentence_states(doc: Doc, sentence: SentenceSpan, entities: References) -> Sides | None:
    """The states a sentence names ("the US-India partnership"), when two or more: the
    parties of a coming event it names without them."""
    states: list[Party] = []
    for token in doc:
        start = sentence.start + token.idx
        for mention in entities.overlapping(start, start + len(token.text)):
            if mention.entity_id.startswith("gpe:") and mention.entity_id[4:].isupper():
                states.append(as_party(mention, "stand_in"))
    states = unique_parties(states)
    return Sides(states, [], False) if len(states) >= 2 else None


def _anchors(frame: Frame) -> set[int]:
    """The tokens a date word of the announcement hangs from: the trigger, its clause's verb
    and the words above it up to the clause's edge ("is due to fly ... next week"; not
    "said on Tuesday that he would visit")."""
    anchors = {frame.trigger.i}
    if frame.clause_verb is not None:
        anchors.add(frame.clause_verb.i)
    # "talks scheduled for Thursday": the date hangs from the participle.
    anchors.update(c.i for c in frame.trigger.children if c.dep_ == "acl")
    token = frame.trigger
    while token.dep_ not in _CLAUSE_EDGES | {"ccomp"} and token.head is not token:
        token = token.head
        anchors.add(token.i)
    return anchors


def _past_tense(frame: Frame) -> bool:
    verbs = [frame.trigger, frame.clause_verb]
    return any(v is not None and v.tag_ in _PAST_TAGS for v in verbs)


def _ahead(date_info: DateInfo, base: dt.date) -> bool:
    """True when the date words point ahead of the base day, read as a report would read
    them where they could be either: "next week", "on Friday" (in a present-tense
    sentence), "this week"; an explicit day or month only when it is still to come this
    year ("the two leaders' conversation on March 18th" in July is March's)."""
    if date_info.date is None or date_info.text is None:
        return False
    match = DATE_RE.search(date_info.text)
    if match is None:
        return False
    if match.group("explicit") or match.group("inmonth"):
        (past,) = find_dates(date_info.text, base)
        return past.future or (past.date is not None and past.date > base)
    if date_info.precision == "day":
        return date_info.date > base
    end = date_info.date + dt.timedelta(days=6)
    if date_info.precision == "month":
        end = (date_info.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return end > base


def _record(
    frame: Frame,
    article: Article,
    sentence: SentenceSpan,
    kind: str,
    status: str,
    date_info: DateInfo,
    location: str | None,
    location_iso3: str | None,
    parties: list[Party],
) -> StatedAnnouncement:
    start = sentence.start + frame.trigger.idx
    end = start + len(frame.trigger.text)
    ids = sorted(p.entity_id for p in parties)
    key = "|".join([article.article_id, str(start), str(end), kind, *ids])
    announcement_id = "ann-" + hashlib.sha1(key.encode()).hexdigest()[:12]
    announcement = Announcement(
        announcement_id=announcement_id,
        article_id=article.article_id,
        kind=kind,
        expected_date=date_info.date,
        date_precision=date_info.precision,
        date_text=date_info.text,
        location=location,
        location_iso3=location_iso3,
        event_name=_event_name(frame.trigger),
        sentence=" ".join(article.body[sentence.start : sentence.end].split()),
        start_char=start,
        end_char=end,
        status=status,
    )
    participants = tuple(AnnouncementParticipant(announcement_id, i) for i in ids)
    return StatedAnnouncement(announcement, participants, described_mentions(article, parties))


def _event_name(trigger: Token) -> str | None:
    """The name of an event the text names ("the June 29-30 NATO Summit in Madrid" ->
    "NATO Summit", "the Summit of the Americas"), else None."""
    if trigger.pos_ != "PROPN":
        return None
    words = [
        c
        for c in trigger.lefts
        if c.dep_ in {"compound", "nmod", "amod"}
        and c.pos_ in {"PROPN", "NOUN", "ADJ"}
        and not c.is_lower
        and c.ent_type_ != "DATE"
    ]
    left = [
        t
        for w in words
        for t in w.subtree
        if (not t.is_punct or t.text == "-") and not t.is_lower and t.pos_ != "DET"
    ]
    name = [*sorted(left, key=lambda t: t.i), trigger]
    of = next((c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and any(c.pos_ == "PROPN" for c in of.children):
        name += [t for t in of.subtree]
    return " ".join(t.text for t in sorted(name, key=lambda t: t.i)) or None


def settle_announcements(stated: list[StatedAnnouncement]) -> list[StatedAnnouncement]:
    """One row per announced meeting of an article.

    A visit is dropped when its sentence announces a meeting of the visitor ("leaves for
    Ottawa for talks with ...", "visits West Germany next week, ... his talks with Kohl"),
    which takes the visit's date when it has none. Rows of the same kind, parties and name are one
    announcement: the undated join the dated one (when only one date is given), distinct
    dates stay apart, and the article's cancellation of it wins ("will visit on Friday" ...
    "the visit was postponed").
    """
    kept = _journeys_to_meetings(stated)
    groups: dict[tuple[object, ...], list[StatedAnnouncement]] = {}
    for one in kept:
        a = one.announcement
        key = (a.kind, a.event_name, frozenset(p.entity_id for p in one.participants))
        groups.setdefault(key, []).append(one)
    settled = []
    for rows in groups.values():
        dated = {r.announcement.expected_date: r for r in rows if r.announcement.expected_date}
        chosen = list(dated.values()) if dated else rows[:1]
        if len(chosen) == 1 and any(r.announcement.status == CANCELLED for r in rows):
            one = chosen[0]
            chosen = [
                dataclasses.replace(
                    one, announcement=dataclasses.replace(one.announcement, status=CANCELLED)
                )
            ]
        settled.extend(chosen)
    return sorted(settled, key=lambda s: s.announcement.start_char)


def _journeys_to_meetings(stated: list[StatedAnnouncement]) -> list[StatedAnnouncement]:
    """The announcements less the visits whose sentence announces a meeting of the visitor;
    an undated such meeting takes the visit's date."""
    visits = [s for s in stated if s.announcement.kind == "visit"]
    kept = []
    for one in stated:
        a = one.announcement
        if a.kind == "visit":
            if not any(_covers(other, one) for other in stated):
                kept.append(one)
            continue
        dated = next((v for v in visits if _covers(one, v) and v.announcement.expected_date), None)
        if dated is not None and a.expected_date is None:
            lent = dated.announcement
            a = dataclasses.replace(
                a,
                expected_date=lent.expected_date,
                date_precision=lent.date_precision,
                date_text=lent.date_text,
            )
            one = dataclasses.replace(one, announcement=a)
        kept.append(one)
    return kept


def _covers(meeting: StatedAnnouncement, visit: StatedAnnouncement) -> bool:
    """True when a meeting (not a visit) of the same sentence shares a party with a visit."""
    return (
        meeting.announcement.kind != "visit"
        and meeting.announcement.sentence == visit.announcement.sentence
        and bool(
            {p.entity_id for p in meeting.participants} & {p.entity_id for p in visit.participants}
        )
    )
