"""Dependency patterns that find meeting triggers and the checks that reject non-meetings.

A trigger is a verb ("met", "hosted", "telephoned"), a noun ("talks", "meeting",
"conversation", "visit") or a hosted function ("a reception held for him by ..."). The
``DependencyMatcher`` patterns below only accept triggers in a structure that can carry
participants (an object, a "with"/"between" phrase, a possessor, a light verb such as "held
talks", a time/place preposition such as "after a meeting with"); ``extract`` then reads the
participants off the parse around each trigger.

The rejection checks implement the labelling rules: announcements (future auxiliaries,
infinitives, "due/expected/scheduled to", "plans to", "upcoming"), denials and
cancellations (negation, "cancelled the meeting") are not meetings.
"""

from __future__ import annotations

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

# Verb lemmas that state an interaction; "speak", "call", "join" and "discuss" need extra evidence
# (``frames``).
VERB_TRIGGERS = (
    "meet", "host", "receive", "visit", "telephone", "phone", "talk", "confer", "consult",
    "negotiate", "speak", "call", "convene", "welcome", "brief", "greet", "dial", "join",
    "discuss",
)  # fmt: skip
# Words that make a speaking or calling verb a phone call ("spoke by telephone").
PHONE_WORDS = {"telephone", "phone", "telephoned", "phoned"}
# Noun lemmas that name an interaction.
NOUN_TRIGGERS = (
    "meeting", "talk", "talks", "conversation", "discussion", "call", "visit", "summit",
    "negotiation", "consultation", "encounter", "welcome", "roundtable", "convening",
    "audience", "videoconference",
)  # fmt: skip
# Hosted functions: "a reception held for him by President Alfonsin".
FUNCTION_NOUNS = ("reception", "dinner", "luncheon", "lunch", "banquet", "breakfast")
# Verbs whose object is the interaction ("held talks", "paid a courtesy call").
LIGHT_VERBS = (
    "hold", "have", "conduct", "pay", "attend", "include", "begin", "open", "start", "conclude",
    "end", "resume", "wrap", "complete", "continue", "finish", "renew", "give", "host",
    "co-host", "cohost", "chair", "convene", "lead", "join",
)  # fmt: skip
# Prepositions that place a clause relative to an interaction ("after talks with", "is in
# New York for talks with").
FRAME_PREPS = (
    "after", "during", "in", "at", "following", "from", "before", "since", "over", "for",
)  # fmt: skip

FUTURE_AUX = {"will", "shall", "'ll", "would", "could", "might", "may", "should", "must", "wo"}
# Heads that make the interaction below them a plan, a wish or a denial.
NON_FACTUAL_HEADS = {
    "plan", "propose", "seek", "want", "hope", "expect", "schedule", "intend", "prepare",
    "arrange", "offer", "invite", "urge", "suggest", "request", "agree", "ask", "wish", "try",
    "cancel", "postpone", "delay", "deny", "refuse", "reject", "scrap", "rule", "await",
    "due", "scheduled", "expected", "likely", "set", "ready", "willing", "able", "unable",
    "possible", "probable", "need", "call", "demand", "consider", "favour", "favor", "aim",
    "forward", "press", "push", "prospect", "chance", "proposal", "idea", "effort", "attempt",
    "bid", "optimistic", "pessimistic", "hopeful", "confident", "look",
}  # fmt: skip
# A meeting something was done "ahead of", "in advance of" or "in preparation for" is still
# to come ("met Scholz ahead of the G7 Leaders' Summit").
COMING_HEADS = {"ahead", "advance", "preparation"}
NON_FACTUAL_MODIFIERS = {
    "planned", "proposed", "possible", "probable", "upcoming", "scheduled", "expected",
    "future", "next", "forthcoming", "prospective", "further", "projected", "likely",
    "new", "fresh",
}  # fmt: skip

# The arguments that make a verb trigger ("X met Y", "met with Y", "was received by Y").
VERB_ARG_DEPS = ("dobj", "nsubj", "nsubjpass", "prep", "agent")

_PATTERN_SPECS: dict[str, list[list[dict[str, object]]]] = {
    # X met/hosted/received/visited/telephoned Y; X met with Y; X spoke by telephone with Y.
    "verb_arg": [
        [
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": list(VERB_TRIGGERS)},
                                                    "POS": {"IN": ["VERB", "AUX"]}}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "arg",
             "RIGHT_ATTRS": {"DEP": {"IN": list(VERB_ARG_DEPS)}}},
        ]
    ],
    # his meeting with Rubio; talks between the U.S. and Japan; Miyazawa's conversation.
    "noun_arg": [
        [
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": list(NOUN_TRIGGERS)},
                                                    "POS": {"IN": ["NOUN", "PROPN"]}}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "arg",
             "RIGHT_ATTRS": {"DEP": {"IN": ["prep", "poss", "compound", "amod", "nmod", "acl"]}}},
        ]
    ],
    # X held talks / a phone conversation (with Y); X paid a courtesy call on Y.
    "light_verb": [
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": list(LIGHT_VERBS)}}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "trigger",
             "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "nsubjpass"]},
                             "LEMMA": {"IN": list(NOUN_TRIGGERS)}}},
        ]
    ],
    # after/during/in talks with Y, X said ...
    "frame_prep": [
        [
            {"RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": {"IN": list(FRAME_PREPS)}}},
            {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "trigger",
             "RIGHT_ATTRS": {"DEP": {"IN": ["pobj", "pcomp"]},
                             "LEMMA": {"IN": list(NOUN_TRIGGERS) + list(VERB_TRIGGERS)}}},
        ]
    ],
    # visiting British Minister Michael Howard told Japan; telling a visiting delegation.
    "visitor": [[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": "visiting"}}]],
    # a reception held for him by President Alfonsin.
    "hosted_function": [
        [
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": list(FUNCTION_NOUNS)}}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "verb",
             "RIGHT_ATTRS": {"DEP": "acl", "LEMMA": {"IN": ["hold", "give", "host", "offer"]}}},
        ]
    ],
}  # fmt: skip


# A proper noun keeps its case as lemma ("the East Asia Summit", "the Quad Foreign
# Ministers' Meeting"), so each noun trigger node is also matched on its lower-case form.
# A leaders' retreat is a gathering only by name ("the APEC Virtual Leaders' Retreat"): lower
# case, "retreat" is a fall in prices or a withdrawal of troops.
_NAME_ONLY_NOUNS = ("retreat",)
_NOUN_FORMS = sorted(
    {
        *NOUN_TRIGGERS,
        *(f"{n}s" for n in NOUN_TRIGGERS if not n.endswith("s")),
        *_NAME_ONLY_NOUNS,
    }
)


def _with_name_forms(pattern: list[dict[str, object]]) -> list[dict[str, object]] | None:
    """The pattern with its noun trigger matched by lower-case form, if it has one."""
    changed = False
    nodes = []
    for node in pattern:
        attrs = dict(node["RIGHT_ATTRS"])  # type: ignore[arg-type]
        lemmas = attrs.get("LEMMA")
        if isinstance(lemmas, dict) and set(NOUN_TRIGGERS) <= set(lemmas.get("IN", ())):
            del attrs["LEMMA"]
            attrs["LOWER"] = {"IN": _NOUN_FORMS}
            attrs["POS"] = "PROPN"
            changed = True
        nodes.append({**node, "RIGHT_ATTRS": attrs})
    return nodes if changed else None


def build_matcher(vocab: Vocab) -> DependencyMatcher:
    """The dependency matcher with every trigger family registered under its name."""
    matcher = DependencyMatcher(vocab)
    for name, patterns in _PATTERN_SPECS.items():
        variants = [v for v in map(_with_name_forms, patterns) if v is not None]
        matcher.add(name, [*patterns, *variants])
    return matcher


def trigger_index(name: str, token_ids: list[int]) -> int:
    """Which matched token of a pattern is the trigger (the patterns above fix the order)."""
    return token_ids[1] if name in {"light_verb", "frame_prep"} else token_ids[0]


def trigger_indices(matcher: DependencyMatcher, doc: Doc) -> list[int]:
    """The token indices of the triggers the matcher finds in a parsed sentence, in order
    (found once, read by the meeting and the announcement rules)."""
    return sorted({trigger_index(doc.vocab.strings[m], ids) for m, ids in matcher(doc)})


def names_an_interaction(noun: Token) -> bool:
    """A noun trigger: "talks", "the meeting", or a gathering by name ("Leaders' Retreat")."""
    lemma = noun.lemma_.lower()
    return lemma in NOUN_TRIGGERS or (noun.pos_ == "PROPN" and lemma in _NAME_ONLY_NOUNS)


def misread_noun(trigger: Token) -> bool:
    """A noun trigger the tagger took for a verb: "held his first foreign leader call with"
    ("call" tagged VB as the object of "held")."""
    return (
        trigger.pos_ in {"VERB", "AUX"}
        and trigger.dep_ in {"dobj", "pobj"}
        and trigger.lemma_.lower() in NOUN_TRIGGERS
    )


def is_non_factual(trigger: Token) -> bool:
    """True when the interaction is planned, wished, denied or cancelled rather than reported."""
    if any(c.dep_ == "det" and c.lower_ in {"any", "no"} for c in trigger.children):
        return True  # "any multilateral trade talks", "no meeting"
    if _is_aggregate(trigger):
        return True  # "had since met him on only two occasions": several meetings
    if _is_durative(trigger):
        return True  # "has been negotiating with the banks since February": a process
    if any(
        child.lower_ in NON_FACTUAL_MODIFIERS and child.dep_ in {"amod", "compound"}
        for child in trigger.children
    ):
        return True
    if (
        trigger.tag_ in {"VBZ", "VBP", "VB"}
        and not misread_noun(trigger)
        and not any(c.dep_ in {"aux", "auxpass"} for c in trigger.children)
    ):
        # Simple present in running text is a schedule or a habit ("when he visits the U.S."),
        # not a report; reports use the past or the progressive ("are meeting today"). A bare
        # verb is a proposal or an order ("proposed that the two prime ministers meet").
        return True
    head = trigger.head
    if (
        trigger.dep_ == "dobj"
        and head.tag_ in {"VBZ", "VBP"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in head.children)
    ):
        return True  # "when he pays a two-day visit": the schedule, not a report
    if purpose_of_a_past_trip(trigger):
        return False
    token = trigger
    previous: Token | None = None
    # Walk up through the phrase-internal links; stop after checking the first clause head,
    # so that "Baker, who met Miyazawa today, will fly home" keeps the meeting.
    for _ in range(10):
        if _clause_is_non_factual(token, previous):
            return True
        if token.dep_ == "conj" and not _has_own_subject_or_aux(token):
            # "will make a visit ... and hold talks": the second verb shares the first's aux.
            previous, token = token, token.head
            continue
        if token.dep_ in {"ccomp", "xcomp"}:
            # "proposed that they meet", "said it would consider talks": the clause's head
            # may make it a plan.
            return _clause_is_non_factual(token.head, token)
        if token.dep_ in {"advcl", "relcl", "parataxis", "conj", "ROOT", "acl"}:
            return False
        previous, token = token, token.head
    return False


# Verbs of a trip whose purpose, told in the past, is what the trip did.
_TRIP_VERBS = {"travel", "fly", "go", "journey"}


def purpose_of_a_past_trip(verb: Token) -> bool:
    """ "traveled to Jeddah on July 27 to meet with the Crown Prince": a readout of the trip
    reports the meeting it was made for, dated by the trip's clause (the frame's clause
    verb); a later day stated makes it an announcement."""
    trip = verb.head
    return (
        verb.dep_ in {"advcl", "xcomp"}
        and any(c.tag_ == "TO" for c in verb.children)
        and trip.lemma_.lower() in _TRIP_VERBS
        and trip.tag_ == "VBD"
        and not _clause_is_non_factual(trip, None)
    )


def _is_aggregate(trigger: Token) -> bool:
    for child in trigger.children:
        if child.lower_ in {"twice", "repeatedly"}:
            return True
        if child.dep_ in {"npadvmod", "prep"} and any(
            t.lemma_.lower() in {"occasion", "time"} and t.tag_ == "NNS" for t in child.subtree
        ):
            return True
    return False


# Verbs whose perfect progressive over a stated span is a process, not one sitting: "The U.S.
# and Kuwait have been negotiating for over a month", "has been negotiating with the banks'
# steering committee since February" (as reuters-dev2's labels read them); "have been meeting
# since Monday" is a session under way.
_PROCESS_VERBS = {"negotiate", "talk", "discuss", "confer", "consult"}
_SPAN_NOUNS = {"day", "week", "month", "year", "decade", "time", "while"}


def _is_durative(trigger: Token) -> bool:
    auxiliaries = {c.lower_ for c in trigger.children if c.dep_ == "aux"}
    if trigger.lemma_.lower() not in _PROCESS_VERBS or trigger.tag_ != "VBG":
        return False
    if "been" not in auxiliaries or not auxiliaries & {"has", "have", "had", "'ve", "'s"}:
        return False
    for prep in (c for c in trigger.children if c.dep_ == "prep"):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ == "since" or (
            prep.lower_ == "for" and any(o.lemma_.lower() in _SPAN_NOUNS for o in objects)
        ):
            return True
    return False


def _has_own_subject_or_aux(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)


# Participles that put a meeting on a calendar rather than report it.
_SCHEDULING_HEADS = {
    "plan", "schedule", "set", "slate", "expect", "propose", "due", "arrange", "call",
}  # fmt: skip

_HABITUAL = {"often", "frequently", "regularly", "usually", "repeatedly", "always", "never"}

# The edges through which an interaction is the thing planned or denied ("hopes to meet",
# "cancelled the meeting", "called for talks", "looking forward to his talks"), as opposed
# to an adjunct of a factual clause ("in talks with Kato, Lyng asked ...").
_ARGUMENT_EDGES = {"xcomp", "dobj", "ccomp", "acomp", "attr", "nsubjpass", "pcomp", "oprd"}
_ARGUMENT_PREPS = {"for", "to", "toward", "towards", "on", "at", "about"}
# "aimed at talks", "looking at a summit"; "pushed hard at the meeting" was at it.
_AT_HEADS = {"aim", "look"}


def fronted(prep: Token) -> bool:
    """ "At meetings here this week, officials pressed their counterparts ...": a phrase set
    off by a comma before its verb is an adjunct, not what "press" or "agree" asks for."""
    end = max(t.i for t in prep.subtree)
    doc = prep.doc
    return prep.i < prep.head.i and any(t.text == "," for t in doc[end + 1 : prep.head.i])


def _clause_is_non_factual(token: Token, previous: Token | None) -> bool:
    if (
        previous is not None
        and token.lemma_.lower() in COMING_HEADS
        and previous.dep_ == "prep"
        and previous.lower_ in {"of", "for"}
    ):
        return True
    if (
        previous is not None
        and token.lemma_.lower() in NON_FACTUAL_HEADS
        and (
            previous.dep_ in _ARGUMENT_EDGES
            or (
                previous.dep_ == "prep"
                and previous.lower_ in _ARGUMENT_PREPS
                and (previous.lower_ != "at" or token.lemma_.lower() in _AT_HEADS)
                and not fronted(previous)
            )
        )
    ):
        return True
    for child in token.children:
        if child.dep_ == "neg":
            return True
        # Habits and open questions: "has often called on", "whether they had held talks".
        if child.dep_ == "advmod" and child.lower_ in _HABITUAL:
            return True
        if child.dep_ == "mark" and child.lower_ in {"whether", "if", "unless"}:
            return True
        # "talks scheduled for Thursday", "a meeting planned for May"; a purpose is no plan
        # ("talks aimed at reaching an accord", "a meeting with senators to seek support").
        if child.dep_ == "acl" and child.lemma_.lower() in _SCHEDULING_HEADS:
            return True
        if child.dep_ in {"aux", "auxpass"} and (child.lower_ in FUTURE_AUX or child.tag_ == "TO"):
            return True
    return False
