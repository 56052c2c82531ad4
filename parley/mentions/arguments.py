"""Which tokens of a parse can name a party, and what a preposition or a counting phrase
points at ("with President Duque", "a number of U.N. diplomats", "on the sidelines of the
G7 Summit")."""

from __future__ import annotations

from spacy.tokens import Token

from parley.mentions.parties import is_party_head

# The last word of a meeting's own name, never a party's ("the Quad Leaders' Summit").
_GATHERING_NAME_HEADS = {"summit", "summits", "meeting", "meetings", "conference", "talks"}


def can_be_party(token: Token) -> bool:
    """An object that names a party: a name, a pronoun or a person-like noun, not
    "President Reagan's decision" (whose possessor is no party to the welcome)."""
    if token.pos_ == "PROPN" and token.lower_ in _GATHERING_NAME_HEADS:
        return False  # "hosted the U.S.-Pacific Island Country Summit": the meeting itself
    if token.pos_ in {"PROPN", "PRON"}:
        return True
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
        return True  # "the Tokyo stock exchange (TSE)": a body named by its acronym
    if any(c.dep_ in {"compound", "conj"} and c.pos_ == "PROPN" for c in token.children):
        # "President Moon Jae-in" (its last part mis-tagged "in"), "actress and activist
        # Nazanin Boniadi" (the name parsed as a conjunct of the first descriptor)
        return True
    lemma = token.lemma_.lower()
    return is_party_head(token) or lemma == "two"


def prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition; when the parse gave it none, the name right after it.

    The small model often hangs the noun phrase after "with" on a later verb ("spoke today
    with President Ivan Duque of Colombia to express ...": Duque parsed as the subject of
    "express"; "met with families of Americans taken hostage": families the subject of
    "taken"); the last word of the run of nouns that starts within two words of the
    preposition is then its object.
    """
    objects = [quantified(c) for c in prep.children if c.dep_ == "pobj"]
    if prep.lower_ == "between" and len(objects) == 1 and not objects[0].conjuncts:
        # "talks between Yugoslav delegation headed by Finance Minister Rikanovic and 16
        # creditor countries": between needs two sides; the parser hung the second on a
        # name inside the first's phrase.
        inner = [t for t in objects[0].subtree if t.dep_ == "conj" and t.head is not objects[0]]
        objects += inner[-1:]
    if objects:
        return objects
    doc = prep.doc
    start = next(
        (i for i in range(prep.i + 1, min(prep.i + 3, len(doc))) if doc[i].pos_ in _NOUNS),
        None,
    )
    if start is None:
        return []
    end = start
    while end + 1 < len(doc):
        # A hyphen inside a title runs on ("with President-Elect Luiz Inácio Lula da Silva").
        step = 2 if doc[end + 1].tag_ == "HYPH" and end + 2 < len(doc) else 1
        if doc[end + step].pos_ != doc[start].pos_:
            break
        end += step
    return [doc[end]]


_NOUNS = {"PROPN", "NOUN"}
# Heads that count a party rather than name it: "a number of U.N. diplomats".
_COUNTING_HEADS = {"number", "couple", "group", "host", "dozen", "dozens", "handful", "majority"}


def quantified(token: Token) -> Token:
    """The party a counting phrase counts ("a number of U.N. diplomats" -> diplomats)."""
    if token.lemma_.lower() not in _COUNTING_HEADS:
        return token
    if any(c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" for c in token.children):
        return token  # "the Bucharest Nine (B9) group of our eastern flank Allies": a name
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    return counted[0] if counted else token


# Where a meeting held at another's margins says so ("on the sidelines of the summit").
_SIDELINES = {"sideline", "sidelines", "margin", "margins", "side", "fringe", "fringes"}
_SETTING_NOUNS = {"summit", "meeting", "conference", "session", "ministerial", "gathering"}


def setting_of(head: Token) -> Token | None:
    """The meeting ``head`` (a trigger or its verb) was held at or on the sidelines of:
    "on the sidelines/margins of the X", "at/during the X summit"."""
    for prep in (c for c in head.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ in {"on", "at"} and obj.lower_ in _SIDELINES:
                of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                found = [o for o in of.children if o.dep_ == "pobj"] if of is not None else []
                if found:
                    return found[0]
            if prep.lower_ in {"at", "during"} and _may_name_a_gathering(obj):
                return obj  # "at the G20 summit", "at the G7", "at the APEC Leaders' week"
    return None


def _may_name_a_gathering(obj: Token) -> bool:
    """A meeting noun, or a name that may be a group's ("the G7", "the APEC Leaders' week");
    a place ("at NATO headquarters") is where, not which meeting."""
    if obj.lemma_.lower() in _SETTING_NOUNS or obj.pos_ == "PROPN":
        return True
    return obj.lemma_.lower() not in _PLACE_NOUNS and any(
        t.pos_ == "PROPN" for t in obj.subtree if t is not obj
    )


# Where a meeting is held, not which meeting: "at NATO headquarters", "at the U.N. mission".
_PLACE_NOUNS = {
    "headquarters", "office", "residence", "embassy", "mission", "house", "hotel", "palace",
    "airport", "ministry", "building", "home", "base", "compound", "capital", "city",
}  # fmt: skip
