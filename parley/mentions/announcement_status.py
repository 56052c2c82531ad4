"""Whether a sentence announces the meeting a trigger names: what the words governing it
say (``stated_status``), walking up the parse as ``patterns.is_non_factual`` does.

A cancellation ("cancelled", "postponed", "called off", "scrubbed") makes it ``cancelled``;
denials, conditions, possibilities and proposals ("will not meet", "no plans to meet", "if
they meet", "could meet", "proposed a meeting", "hopes to meet", "invited him to visit")
make it nothing; a plan makes it ``announced``; a bare present or infinitive ("when he
visits", "to meet") is ``IF_DATED_AHEAD``: its date decides.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from parley.mentions.dates import DATE_RE

ANNOUNCED = "announced"
CANCELLED = "cancelled"
# A trigger whose status depends on a date ahead ("when he visits" vs "visits next week").
IF_DATED_AHEAD = "if_dated_ahead"

# Modifiers that make the interaction a coming one ("the upcoming summit").
COMING_MODIFIERS = {
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
CLAUSE_EDGES = {"advcl", "relcl", "parataxis", "conj", "ROOT", "acl"}
_NOUNS = {"NOUN", "PROPN"}
_CONDITIONS = {"whether", "if", "unless"}
# The words that can make a trigger announced or cancelled (``_may_announce``): the heads
# by lemma, the auxiliaries, modifiers and particles by form.
_GATE_LEMMAS = _PLAN_HEADS | _CANCEL_HEADS | {"look"}
_GATE_WORDS = _FUTURE_AUX | COMING_MODIFIERS | {"off"}


def may_announce(doc: Doc) -> bool:
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
    ``IF_DATED_AHEAD`` for a bare present or infinitive, whose date decides."""
    if any(c.dep_ == "det" and c.lower_ in {"no", "any"} for c in trigger.children):
        return None  # "no meeting is planned", "any talks"
    cues = set(_cues(trigger))
    if CANCELLED in cues:
        return CANCELLED
    modifiers = _modifier_words(trigger)
    if modifiers & _OPEN_MODIFIERS:
        return None
    if modifiers & COMING_MODIFIERS:
        return ANNOUNCED  # "the next OPEC meeting", whatever is said about it
    if None in cues:
        return None
    if ANNOUNCED in cues:
        return ANNOUNCED
    return IF_DATED_AHEAD


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
        if token.dep_ in CLAUSE_EDGES and not infinitive:
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
