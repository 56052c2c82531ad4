"""The parties of a meeting: a noun phrase of the parse -> canonical entities.

A phrase names a person directly, through a reference (``references``), or through a body
or a state that stands in for unnamed officials ("U.S. negotiators", "representatives from
Nigeria"), but only when its head is a person-like noun, so that "met the agency's
requirements" names no party. Wire leads that name a person only later ("A senior Japanese
trade official met ...") take the first person of that country named in the next sentences.
A side that is only described ("met with Latino leaders", "talks with its bank advisory
committee", "manufacturers of RSV immunizations") is a party of its own: an ORG entity named
by the phrase (``org:latino-leaders``), with the country of a demonym in it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Token

from parley.entities.ids import is_country_id
from parley.lexicon.countries import country_by_demonym, country_by_name
from parley.lexicon.groups import is_group
from parley.lexicon.people import people_index
from parley.lexicon.titles import HEAD_WORDS, normalize_role
from parley.mentions.delayed import delayed_identification
from parley.mentions.party_heads import DESCRIBED_HEADS, PERSON_LIKE_HEADS
from parley.mentions.references import References
from parley.names import slugify
from parley.records import Article, EntityMention

PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}


RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}


# Modifiers kept in a described side's name ("bank advisory committee", "Latino leaders").
_DESCRIPTIVE_DEPS = {"compound", "amod", "nmod"}


_PHRASE_PREPS = {"of", "from", "to", "in", "for"}


# Dependents that belong to another clause or another party, not to this phrase.
_OUTSIDE_PHRASE = {"relcl", "acl", "advcl", "ccomp", "conj", "cc", "parataxis", "xcomp"}


@dataclass(frozen=True)
class Party:
    """A resolved party to an event: the entity and how it was found."""

    entity_id: str
    canonical_name: str
    entity_type: str
    country_iso3: str | None
    via: str  # name, pronoun, title, stand_in, delayed, described
    head: str = ""  # lemma of the phrase head ("negotiator" in "U.S. negotiators")
    # Where a described side is named in the body (start, end), for its entity mention.
    span: tuple[int, int] | None = None


def resolve_party(
    token: Token, offset: int, entities: References, exclude: set[str]
) -> list[Party]:
    """The entities a party's head token refers to; ``offset`` maps doc chars to body chars.

    Usually one; several when the parser folded a coordination into one phrase ("Lyng
    and Trade Representative Clayton Yeutter" parsed as one noun phrase).
    """
    if token.lower_ in PRONOUNS:
        mention = entities.previous_person(offset + token.idx, exclude)
        return [as_party(mention, "pronoun")] if mention else []
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head
    if _is_the_two(token):
        pair = entities.previous_people(offset + token.idx, 2)
        return [as_party(m, "pronoun") for m in pair] if len(pair) == 2 else []
    region = _phrase_tokens(token)
    if token.lemma_.lower() == "counterpart":
        start = offset + min(t.idx for t in region)
        end = offset + max(t.idx + len(t.text) for t in region)
        if token.tag_ == "NNS":
            # "his counterparts from Estonia, Latvia, Lithuania, and Poland": each state's
            right = token.right_edge
            return _states_in(start, offset + right.idx + len(right.text), entities, "counterpart")
        other = next(iter(sorted(exclude)), None)
        mention = entities.counterpart(start, end, other)
        return [as_party(mention, "title")] if mention and mention.entity_id not in exclude else []
    found = _mentions_in(region, token, offset, entities)
    people = sorted((d, m.start_char, m) for d, m in found if m.entity_type == "PERSON")
    if people:
        if any(c.dep_ == "cc" for member in region for c in member.children):
            by_position = sorted(
                {m.entity_id: m for _, _, m in people}.values(), key=lambda m: m.start_char
            )
            return [as_party(m, "name") for m in by_position]
        return [as_party(people[0][2], "name")]
    described_person = _person_after_descriptors(token, offset, entities, exclude)
    if described_person is not None:
        return [described_person]
    # The head names a body, or its bracketed acronym does ("Tokyo stock exchange (TSE)").
    acronyms = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for named in [token, *acronyms]:
        named_start = offset + named.idx
        for mention in entities.overlapping(named_start, named_start + len(named.text)):
            if mention.entity_type in {"ORG", "GPE", "NORP"}:
                person = entities.titled_person_after(mention)
                return [as_party(person, "name") if person else as_party(mention, "name")]
    if not _head_words(token) & PERSON_LIKE_HEADS:
        described = _described(token, offset, entities)
        return [described] if described else []
    coordinated = _coordinated_sides(token, offset, entities) or _officials_of_states(
        token, offset, entities
    )
    if coordinated:
        return coordinated
    for wanted in ("ORG", "GPE", "NORP"):
        stand_ins = sorted((d, m.start_char, m) for d, m in found if m.entity_type == wanted)
        if stand_ins:
            stand_in = stand_ins[0][2]
            titled = entities.titled_person_after(stand_in)
            if titled is not None:  # "Bundesbank President Karl Otto Poehl", parsed apart
                return [as_party(titled, "name")]
            named = delayed_identification(token, offset, entities, stand_in, exclude)
            party = as_party(named, "delayed") if named else as_party(stand_in, "stand_in")
            return [dataclasses.replace(party, head=token.lemma_.lower())]
    if any(child.dep_ == "det" and child.lower_ == "the" for child in token.children):
        mention = entities.person_with_title(token.lower_, offset + token.idx, exclude)
        if mention:
            return [as_party(mention, "title")]
        holders = [_home_office_holder(t, offset, entities) for t in [token, *_conjoined(token)]]
        if any(holders):
            return [h for h in holders if h is not None and h.entity_id not in exclude]
    described = _described(token, offset, entities)
    return [described] if described else []


def _mentions_in(
    region: list[Token], token: Token, offset: int, entities: References
) -> list[tuple[int, EntityMention]]:
    """The entities named in a party's phrase, each with its distance from the head; a city
    in an "in" phrase is where the side is ("the bank advisory committee in New York"),
    never the side itself."""
    located = {t.i for member in region if member.lower_ == "in" for t in member.subtree}
    found: list[tuple[int, EntityMention]] = []
    for member in region:
        start = offset + member.idx
        for mention in entities.overlapping(start, start + len(member.text)):
            resolved = entities.canonical(mention)
            if member.i in located and _is_city(resolved):
                continue
            found.append((abs(member.i - token.i), resolved))
    return found


def _is_city(mention: EntityMention) -> bool:
    return mention.entity_type == "GPE" and not is_country_id(mention.entity_id)


# Links inside a run of descriptors before a name ("actress and activist Nazanin Boniadi").
_DESCRIPTOR_LINKS = {"compound", "appos", "conj", "cc", "amod", "nmod"}


def _person_after_descriptors(
    token: Token, offset: int, entities: References, exclude: set[str]
) -> Party | None:
    """The person a run of descriptive nouns introduces, when the parser made a descriptor
    the head ("met today with actress and activist Nazanin Boniadi", "Assistant to the
    President and Principal Deputy National Security Advisor Jon Finer met")."""
    rank = token.pos_ == "PROPN" and token.lower_ in _STAFF_RANKS  # "Assistant to the ..."
    if (token.pos_ != "NOUN" and not rank) or is_party_head(token):
        return None  # "Japanese officials and British minister Michael Howard": two sides
    stack, seen = [token], []
    while stack:
        current = stack.pop()
        seen.append(current)
        stack.extend(c for c in current.children if _describes(c))
    for member in sorted(seen, key=lambda t: t.i):
        start = offset + member.idx
        for mention in entities.overlapping(start, start + len(member.text)):
            resolved = entities.canonical(mention)
            if resolved.entity_type == "PERSON" and resolved.entity_id not in exclude:
                return as_party(resolved, "name")
    return None


def _describes(child: Token) -> bool:
    """A link inside a run of descriptors; a staff rank's "to the President" is one."""
    if child.dep_ == "prep":
        return child.lower_ == "to" and child.head.lower_ in _STAFF_RANKS
    return child.dep_ in _DESCRIPTOR_LINKS or child.dep_ == "pobj"  # only under that "to"


# Ranks of a head of state's staff, named with whose staff ("Counselor to the President").
_STAFF_RANKS = {"assistant", "counselor", "counsellor"}


def _officials_of_states(token: Token, offset: int, entities: References) -> list[Party]:
    """Each state's official, for a plural head of two or more states ("the leaders of
    Australia, India, and Japan": the parser leaves the conjoined states out of the phrase)."""
    if not _is_plural(token):
        return []
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}), None)
    if of is None:
        return []
    end = of.right_edge
    states = _states_in(offset + of.idx, offset + end.idx + len(end.text), entities, token.lemma_)
    return states if len(states) > 1 else []


def _is_plural(token: Token) -> bool:
    """A plural noun, or a title-case plural tagged as a name ("the Prime Ministers of
    Denmark, Iceland, Norway, and Sweden": "Ministers" tagged NNP)."""
    if token.tag_ in {"NNS", "NNPS"}:
        return True
    return (
        token.tag_ == "NNP"
        and token.lower_.endswith("s")
        and token.lower_[:-1] in PERSON_LIKE_HEADS
    )


def _states_in(start: int, end: int, entities: References, head: str) -> list[Party]:
    """The states named in body[start:end], each standing in for its official."""
    states: dict[str, Party] = {}
    for mention in entities.overlapping(start, end):
        resolved = entities.canonical(mention)
        # "Uzbekistan" is tagged NORP at times; its id is still the country's
        if resolved.entity_type in {"GPE", "NORP"} and resolved.entity_id[4:].isupper():
            party = dataclasses.replace(as_party(resolved, "stand_in"), head=head)
            states.setdefault(resolved.entity_id, party)
    return list(states.values())


def _coordinated_sides(token: Token, offset: int, entities: References) -> list[Party]:
    """ "the U.S., Japanese and European Community (EC) trade ministers": each state or group
    of coordinated modifiers stands in for its officials; [] unless two or more are."""
    modifiers = [c for c in token.children if c.dep_ in {"nmod", "amod", "compound"}]
    members: list[Token] = []
    while modifiers:
        modifier = modifiers.pop()
        members.append(modifier)
        modifiers.extend(c for c in modifier.children if c.dep_ in {"conj", "appos"})
    if not any(c.dep_ == "cc" for member in members for c in member.children):
        return []
    sides: dict[str, Party] = {}
    for member in sorted(members, key=lambda t: t.i):
        start = offset + member.idx
        for mention in entities.overlapping(start, start + len(member.text)):
            resolved = entities.canonical(mention)
            state = resolved.entity_type in {"GPE", "NORP"} and resolved.entity_id[4:].isupper()
            if state or (resolved.entity_type == "ORG" and is_group(resolved.canonical_name)):
                sides.setdefault(resolved.entity_id, as_party(resolved, "stand_in"))
    return list(sides.values()) if len(sides) >= 2 else []


def _conjoined(token: Token) -> list[Token]:
    """ "the President and Vice President": the nouns coordinated with ``token``."""
    return [c for c in token.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]


def _home_office_holder(token: Token, offset: int, entities: References) -> Party | None:
    """ "the President" in a White House readout, "the Chancellor" datelined Bonn: the one
    holder of that office in the story's home state on its date, from the curated people
    file, when the article names no one with that title."""
    words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    first = min([token.i, *(w.i for w in words)])
    phrase = token.doc[first : token.i + 1]
    country = entities.home.government or entities.home.dateline
    if country is None or token.lower_ not in HEAD_WORDS:
        return None
    person = people_index().holder_of(
        normalize_role(phrase.text), country, entities.article.published_date
    )
    if person is None:
        return None
    return Party(
        person.entity_id,
        person.canonical_name,
        "PERSON",
        person.country_iso3,
        "title",
        span=(offset + phrase.start_char, offset + phrase.end_char),
    )


def is_party_head(token: Token) -> bool:
    """True for a common noun that can name a party: a person-like or a described side.
    States are a side when counted or named by their part ("16 Western creditor countries");
    "welcoming new countries that endorsed the DFI" meets none."""
    words = _head_words(token)
    if words & {"country", "nation"}:
        return any(c.dep_ == "nummod" or c.lower_ in _STATE_ROLES for c in token.children)
    return bool(words & DESCRIBED_HEADS)


_STATE_ROLES = {"creditor", "donor", "debtor", "member", "lender"}


def _head_words(token: Token) -> set[str]:
    """The forms of a head to look up: its lemma and its word, and a capitalised plural's
    singular (a proper noun keeps its plural as lemma: "the Quad Foreign Ministers'")."""
    lower = token.lower_
    words = {token.lemma_.lower(), lower}
    if token.pos_ == "PROPN" and lower.endswith("s"):
        words.add(lower[:-3] + "y" if lower.endswith("ies") else lower[:-1])  # "Allies"
    return words


def _described(token: Token, offset: int, entities: References) -> Party | None:
    """The party a phrase describes without naming it ("12 Latino leaders"), if its head is
    a described head: named by the head and its descriptive modifiers, never a pronoun or a
    title of the article's people."""
    # A title-case plural tagged as a name is described too ("our eastern flank Allies").
    if (token.pos_ != "NOUN" and token.tag_ != "NNPS") or not is_party_head(token):
        return None
    words = [c for c in token.children if c.dep_ in _DESCRIPTIVE_DEPS and c.i < token.i]
    start = min([token.i, *(w.left_edge.i for w in words)])
    phrase = token.doc[start : token.i + 1]
    name = " ".join(t.text for t in phrase if t.pos_ not in {"DET", "NUM", "PRON"})
    if not name:
        return None
    body_start = offset + phrase.start_char
    day = entities.article.published_date
    countries = (country_by_demonym(t.text, day) or country_by_name(t.text, day) for t in phrase)
    return Party(
        f"org:{slugify(name)}",
        name,
        "ORG",
        next((c for c in countries if c), None),
        "described",
        head=token.lemma_.lower(),
        span=(body_start, offset + phrase.end_char),
    )


def _is_the_two(token: Token) -> bool:
    """ "the two" / "the two leaders": the last two people named before."""
    has_the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    if token.lower_ == "two":
        return has_the
    return (
        has_the
        and token.lemma_.lower() in PERSON_LIKE_HEADS
        and any(c.dep_ == "nummod" and c.lower_ == "two" for c in token.children)
    )


def _phrase_tokens(token: Token) -> list[Token]:
    """The head and its phrase-internal dependents (titles, possessors, appositions, and
    "of/from/to/in" phrases: "representatives from Nigeria", "ambassador to Athens")."""
    # A phrase never runs past a colon or semicolon after its head ("The Vice President
    # spoke individually with: A; B": the list is not the subject's apposition).
    stop = next((t.i for t in token.doc[token.i + 1 :] if t.text in {":", ";"}), len(token.doc))
    tokens = [token]
    stack = [c for c in token.children if _inside_phrase(c) and c.i < stop]
    while stack:
        child = stack.pop()
        tokens.append(child)
        stack.extend(c for c in child.children if _inside_phrase(c) and c.i < stop)
    return tokens


def _inside_phrase(child: Token) -> bool:
    if child.dep_ in _OUTSIDE_PHRASE:
        return False
    return child.dep_ != "prep" or child.lower_ in _PHRASE_PREPS


def as_party(mention: EntityMention, via: str) -> Party:
    """The party a mention names, and how it was found."""
    return Party(
        mention.entity_id, mention.canonical_name, mention.entity_type, mention.country_iso3, via
    )


def is_group_party(party: Party) -> bool:
    """True for a group of states ("G7", "OPEC", "Quad")."""
    return party.entity_type == "ORG" and is_group(party.canonical_name)


def described_mentions(article: Article, parties: list[Party]) -> tuple[EntityMention, ...]:
    """Entity mentions of the parties the article names only by description."""
    return tuple(
        EntityMention(
            article_id=article.article_id,
            entity_id=party.entity_id,
            canonical_name=party.canonical_name,
            entity_type=party.entity_type,
            country_iso3=party.country_iso3,
            mention_text=article.body[party.span[0] : party.span[1]],
            label="PARTY",
            start_char=party.span[0],
            end_char=party.span[1],
        )
        for party in parties
        if party.span is not None
    )
