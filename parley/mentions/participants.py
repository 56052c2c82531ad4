"""Turn the noun phrase of a meeting's party into a canonical entity.

The entity stage gives resolved mentions with character offsets; this module picks the one
that a phrase refers to, with the fall-backs the field uses when coreference is not
available offline:

- a surname-only person ("Baker") takes the id of the article's full-name person whose
  last name it is ("James Baker");
- a pronoun ("he", "his") is the nearest person mentioned before it;
- a definite title ("the Crown Prince", "the minister") is the nearest person whose title
  (from the role observations, or the words just before the name) contains that word;
- a country or organisation stands in when the phrase names no person ("U.S.
  negotiators", "representatives from Nigeria"), but only when its head is a person-like
  noun, so that "met the agency's requirements" names no party.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from parley import entities as entity_stage
from parley.records import Article, EntityMention, RoleObservation

PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# Heads that denote people or delegations, so that a country or organisation inside the
# phrase can stand in for them.
PERSON_LIKE_HEADS = {
    "official", "negotiator", "delegation", "delegate", "representative", "leader",
    "minister", "envoy", "team", "businessman", "businessmen", "executive", "banker",
    "ambassador", "diplomat", "counterpart", "government", "authority", "president",
    "secretary", "chairman", "governor", "premier", "prince", "king", "queen", "chancellor",
    "lawmaker", "senator", "congressman", "member", "group", "mission", "creditor",
    "committee", "ministry", "department", "administration", "emissary", "advisor", "adviser",
    "aide", "counsellor", "undersecretary", "spokesman", "chief", "head", "general", "officer",
    "people", "man", "woman", "industrialist", "entrepreneur", "party", "side",
}  # fmt: skip
# Between an organisation and a person's name: only capitalised title words.
_TITLE_GAP = re.compile(
    r"\)?\s+(?:\([A-Z]{2,}\)\s+)?(?:(?:[A-Z][a-z]+\.?|head|chief|chairman|president|governor|"
    r"director|minister|secretary)\s+){1,3}"
)
# The capitalised words right before a name: its title ("Saudi Arabia's Crown Prince ").
_TITLE_BEFORE_NAME = re.compile(r"(?:\b[A-Z][\w.'-]*\s+)+$")
# How far after an unnamed "a senior Japanese official" the name may come (characters).
_DELAYED_WINDOW = 400
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
    via: str  # name, pronoun, title, stand_in, delayed
    head: str = ""  # lemma of the phrase head ("negotiator" in "U.S. negotiators")


class ArticleEntities:
    """The entity mentions and role observations of one article, indexed for lookup."""

    def __init__(
        self,
        article: Article,
        mentions: Sequence[EntityMention],
        roles: Sequence[RoleObservation],
    ) -> None:
        self.body = article.body
        self.mentions = sorted(mentions, key=lambda m: (m.start_char, -m.end_char))
        self.roles: dict[str, list[str]] = {}
        for role in roles:
            self.roles.setdefault(role.entity_id, []).append(role.role.lower())
        self._full_names = self._full_name_index()
        # The entity stage's reference resolver ("his Japanese counterpart"), fed with what
        # this stage receives (no title spans, so it answers counterpart phrases).
        self._reference_view = entity_stage.ArticleEntities(
            article, list(self.mentions), list(roles), []
        )

    def counterpart(self, start: int, end: int, other: str | None) -> EntityMention | None:
        """The person "his (Japanese) counterpart" at body[start:end] refers to."""
        found = entity_stage.resolve_reference(self._reference_view, start, end, other)
        return self.canonical(found) if found is not None else None

    def _full_name_index(self) -> dict[str, EntityMention]:
        """Last name -> the first full-name person mention of the article with it."""
        index: dict[str, EntityMention] = {}
        for mention in self.mentions:
            if mention.entity_type != "PERSON":
                continue
            words = mention.canonical_name.split()
            if len(words) > 1:
                index.setdefault(_fold(words[-1]), mention)
        return index

    def canonical(self, mention: EntityMention) -> EntityMention:
        """The full-name mention a surname-only person mention refers to, else itself."""
        if mention.entity_type == "PERSON" and len(mention.canonical_name.split()) == 1:
            return self._full_names.get(_fold(mention.canonical_name), mention)
        return mention

    def overlapping(self, start: int, end: int) -> list[EntityMention]:
        """Mentions that overlap the body span [start, end)."""
        return [m for m in self.mentions if m.start_char < end and m.end_char > start]

    def country_party(self, iso3: str | None) -> Party | None:
        """The article's entity for a country, if the article mentions it."""
        for mention in self.mentions:
            if iso3 and mention.country_iso3 == iso3 and mention.entity_type in {"GPE", "NORP"}:
                return _party(mention, "stand_in")
        return None

    def titled_person_after(self, mention: EntityMention) -> EntityMention | None:
        """The person named right after an organisation and a title ("Bank of France
        Governor Jacques de Larosiere"), if any."""
        for other in self.mentions:
            if other.entity_type != "PERSON" or other.start_char < mention.end_char:
                continue
            between = self.body[mention.end_char : other.start_char]
            return self.canonical(other) if _TITLE_GAP.fullmatch(between) else None
        return None

    def previous_people(self, offset: int, count: int) -> list[EntityMention]:
        """The last ``count`` distinct people mentioned before ``offset``, oldest first."""
        found: list[EntityMention] = []
        for mention in reversed(self.mentions):
            if mention.end_char > offset or mention.entity_type != "PERSON":
                continue
            resolved = self.canonical(mention)
            if resolved.entity_id not in {m.entity_id for m in found}:
                found.append(resolved)
            if len(found) == count:
                break
        return found[::-1]

    def previous_person(self, offset: int, exclude: set[str]) -> EntityMention | None:
        """The nearest person mentioned before ``offset`` that is not excluded."""
        for mention in reversed(self.mentions):
            if mention.end_char > offset or mention.entity_type != "PERSON":
                continue
            resolved = self.canonical(mention)
            if resolved.entity_id not in exclude:
                return resolved
        return None

    def person_with_title(self, word: str, offset: int, exclude: set[str]) -> EntityMention | None:
        """The nearest person before ``offset`` whose title contains ``word``.

        A title written right before the name ("Crown Prince Abdullah") is the strongest
        evidence and is tried first; the article's role observations come second.
        """
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        people = [
            (mention, self.canonical(mention))
            for mention in reversed(self.mentions)
            if mention.end_char <= offset and mention.entity_type == "PERSON"
        ]
        people = [(m, r) for m, r in people if r.entity_id not in exclude]
        for mention, resolved in people:
            prefix = self.body[max(0, mention.start_char - 60) : mention.start_char]
            title = _TITLE_BEFORE_NAME.search(prefix)
            if title and pattern.search(title.group(0)):
                return resolved
        for _, resolved in people:
            if any(pattern.search(role) for role in self.roles.get(resolved.entity_id, [])):
                return resolved
        return None


def resolve_party(
    token: Token, offset: int, entities: ArticleEntities, exclude: set[str]
) -> list[Party]:
    """The entities a party's head token refers to; ``offset`` maps doc chars to body chars.

    Usually one; several when the parser folded a coordination into one phrase ("Lyng
    and Trade Representative Clayton Yeutter" parsed as one noun phrase).
    """
    if token.lower_ in PRONOUNS:
        mention = entities.previous_person(offset + token.idx, exclude)
        return [_party(mention, "pronoun")] if mention else []
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head
    if _is_the_two(token):
        pair = entities.previous_people(offset + token.idx, 2)
        return [_party(m, "pronoun") for m in pair] if len(pair) == 2 else []
    region = _phrase_tokens(token)
    if token.lemma_.lower() == "counterpart":
        start = offset + min(t.idx for t in region)
        end = offset + max(t.idx + len(t.text) for t in region)
        other = next(iter(sorted(exclude)), None)
        mention = entities.counterpart(start, end, other)
        return [_party(mention, "title")] if mention and mention.entity_id not in exclude else []
    found: list[tuple[int, EntityMention]] = []
    for member in region:
        start = offset + member.idx
        for mention in entities.overlapping(start, start + len(member.text)):
            found.append((abs(member.i - token.i), entities.canonical(mention)))
    people = sorted((d, m.start_char, m) for d, m in found if m.entity_type == "PERSON")
    if people:
        if any(c.dep_ == "cc" for member in region for c in member.children):
            by_position = sorted(
                {m.entity_id: m for _, _, m in people}.values(), key=lambda m: m.start_char
            )
            return [_party(m, "name") for m in by_position]
        return [_party(people[0][2], "name")]
    # The head names a body, or its bracketed acronym does ("Tokyo stock exchange (TSE)").
    acronyms = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for named in [token, *acronyms]:
        named_start = offset + named.idx
        for mention in entities.overlapping(named_start, named_start + len(named.text)):
            if mention.entity_type in {"ORG", "GPE", "NORP"}:
                person = entities.titled_person_after(mention)
                return [_party(person, "name") if person else _party(mention, "name")]
    if token.lemma_.lower() not in PERSON_LIKE_HEADS and token.lower_ not in PERSON_LIKE_HEADS:
        return []
    for wanted in ("ORG", "GPE", "NORP"):
        stand_ins = sorted((d, m.start_char, m) for d, m in found if m.entity_type == wanted)
        if stand_ins:
            stand_in = stand_ins[0][2]
            titled = entities.titled_person_after(stand_in)
            if titled is not None:  # "Bundesbank President Karl Otto Poehl", parsed apart
                return [_party(titled, "name")]
            named = _delayed_identification(token, offset, entities, stand_in, exclude)
            party = _party(named, "delayed") if named else _party(stand_in, "stand_in")
            return [dataclasses.replace(party, head=token.lemma_.lower())]
    if any(child.dep_ == "det" and child.lower_ == "the" for child in token.children):
        mention = entities.person_with_title(token.lower_, offset + token.idx, exclude)
        if mention:
            return [_party(mention, "title")]
    return []


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


def _delayed_identification(
    token: Token,
    offset: int,
    entities: ArticleEntities,
    stand_in: EntityMention,
    exclude: set[str],
) -> EntityMention | None:
    """Wire leads name a person only later: "A senior Japanese trade official met ..." is
    the first person of that country named in the next sentences ("... Makoto Kuroda")."""
    singular_indefinite = token.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children
    )
    if not singular_indefinite or stand_in.country_iso3 is None:
        return None
    start = offset + token.idx
    for mention in entities.mentions:
        if mention.start_char <= start or mention.start_char > start + _DELAYED_WINDOW:
            continue
        resolved = entities.canonical(mention)
        if (
            resolved.entity_type == "PERSON"
            and resolved.country_iso3 == stand_in.country_iso3
            and resolved.entity_id not in exclude
        ):
            return resolved
    return None


def _phrase_tokens(token: Token) -> list[Token]:
    """The head and its phrase-internal dependents (titles, possessors, appositions, and
    "of/from/to/in" phrases: "representatives from Nigeria", "ambassador to Athens")."""
    tokens = [token]
    stack = [c for c in token.children if _inside_phrase(c)]
    while stack:
        child = stack.pop()
        tokens.append(child)
        stack.extend(c for c in child.children if _inside_phrase(c))
    return tokens


def _inside_phrase(child: Token) -> bool:
    if child.dep_ in _OUTSIDE_PHRASE:
        return False
    return child.dep_ != "prep" or child.lower_ in _PHRASE_PREPS


def _party(mention: EntityMention, via: str) -> Party:
    return Party(
        mention.entity_id, mention.canonical_name, mention.entity_type, mention.country_iso3, via
    )


def _fold(name: str) -> str:
    return name.lower().strip(".")
