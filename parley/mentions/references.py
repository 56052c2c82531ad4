"""Which person a phrase of an article refers to: the one resolver of the pipeline.

No coreference package works offline with spaCy 3.8, so references are resolved by the
rules the field uses, over the article's entities (``parley.records.ArticleEntities``):

- a surname-only person ("Baker") is the article's full-name person with that last name;
- a pronoun ("he", "his") is the nearest person before it; "the two" the last two;
- a definite title ("the Crown Prince", "the minister") is the nearest person before it
  whose title (written before the name, or observed in the article) has that word;
- "his (Japanese) counterpart" is a person of the named country, or of another country than
  the other party;
- a body followed by a title and a name ("Bank of France Governor Jacques de Larosiere")
  is that person.
"""

from __future__ import annotations

import datetime as dt
import re

from parley.datelines import Home
from parley.lexicon.countries import country_by_demonym, country_by_name
from parley.lexicon.titles import HEADS
from parley.names import name_key
from parley.records import ArticleEntities, EntityMention

# Between an organisation and a person's name: only capitalised title words.
_TITLE_GAP = re.compile(
    r"\)?\s+(?:\([A-Z]{2,}\)\s+)?(?:(?:[A-Z][a-z]+\.?|head|chief|chairman|president|governor|"
    r"director|minister|secretary)\s+){1,3}"
)


# The capitalised words right before a name: its title ("Saudi Arabia's Crown Prince ").
_TITLE_BEFORE_NAME = re.compile(r"(?:\b[A-Z][\w.'-]*\s+)+$")


class References:
    """One article's entities, indexed for the lookups that resolve references."""

    def __init__(self, entities: ArticleEntities) -> None:
        self.article = entities.article
        # Whose offices "the President" and "the Foreign Minister" are, unnamed.
        self.home = Home.of(entities.article, entities.article.published_date)
        self.body = entities.article.body
        self.mentions = sorted(entities.mentions, key=lambda m: (m.start_char, -m.end_char))
        self.roles: dict[str, list[str]] = {}
        for role in entities.roles:
            self.roles.setdefault(role.entity_id, []).append(role.role.lower())
        self._full_names = self._full_name_index()

    def _full_name_index(self) -> dict[str, EntityMention]:
        """Last name -> the first full-name person mention of the article with it."""
        index: dict[str, EntityMention] = {}
        for mention in self.mentions:
            if mention.entity_type != "PERSON":
                continue
            words = mention.canonical_name.split()
            if len(words) > 1:
                index.setdefault(name_key(words[-1]), mention)
        return index

    def canonical(self, mention: EntityMention) -> EntityMention:
        """The full-name mention a surname-only person mention refers to, else itself."""
        if mention.entity_type == "PERSON" and len(mention.canonical_name.split()) == 1:
            return self._full_names.get(name_key(mention.canonical_name), mention)
        return mention

    def overlapping(self, start: int, end: int) -> list[EntityMention]:
        """Mentions that overlap the body span [start, end)."""
        return [m for m in self.mentions if m.start_char < end and m.end_char > start]

    def country_mention(self, iso3: str | None) -> EntityMention | None:
        """The article's mention of a country (as a state or a people), if any."""
        for mention in self.mentions:
            if iso3 and mention.country_iso3 == iso3 and mention.entity_type in {"GPE", "NORP"}:
                return mention
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

    def counterpart(self, start: int, end: int, other: str | None) -> EntityMention | None:
        """The person "his (Japanese) counterpart" at body[start:end] refers to.

        A person named inside the phrase is the answer. Otherwise the phrase must say
        "counterpart" and no title head ("his counterpart, the finance minister" is left to
        the title rule): then it is a person of the country the phrase names, or, without
        one, of another country than ``other`` (the other party); the nearest such mention
        before the phrase wins, else the nearest after it.
        """
        direct = self._mention_at(start, end)
        if direct is not None and direct.entity_type == "PERSON":
            return self.canonical(direct)
        words = _phrase_words(self.body[start:end])
        if not ({"counterpart", "counterparts"} & set(words)) or _TITLE_HEAD_WORDS & set(words):
            return None
        country = _named_country(words, self.article.published_date)
        other_country = self._country_of(other) if other else None
        eligible: set[str] = set()
        for mention in self.mentions:
            if mention.entity_type != "PERSON" or mention.entity_id == other:
                continue
            if country and mention.country_iso3 != country:
                continue
            if not country and other_country and mention.country_iso3 == other_country:
                continue
            if country or other:
                eligible.add(mention.entity_id)
        people = [m for m in self.mentions if m.entity_id in eligible]
        before = [m for m in people if m.end_char <= start]
        if before:
            return self.canonical(max(before, key=lambda m: m.end_char))
        after = [m for m in people if m.start_char >= end]
        return self.canonical(min(after, key=lambda m: m.start_char)) if after else None

    def _mention_at(self, start: int, end: int) -> EntityMention | None:
        """The mention overlapping [start, end) the most (None if none)."""
        best: EntityMention | None = None
        best_overlap = 0
        for mention in self.mentions:
            overlap = min(end, mention.end_char) - max(start, mention.start_char)
            if overlap > best_overlap:
                best, best_overlap = mention, overlap
        return best

    def _country_of(self, entity_id: str) -> str | None:
        """Country of a person as resolved in this article (its first mention's)."""
        for mention in self.mentions:
            if mention.entity_id == entity_id:
                return mention.country_iso3
        return None


# Words of office titles ("minister", "secretary", "prince", ...).
_TITLE_HEAD_WORDS = frozenset(w for head in HEADS for w in head if w not in {"-", "of"})


def _phrase_words(text: str) -> list[str]:
    """Lower-case words of a phrase, without surrounding punctuation or a possessive 's."""
    words = [w.strip(".,;:'\u2019\"").lower() for w in text.split()]
    return [w.removesuffix("'s").removesuffix("\u2019s") for w in words if w]


def _named_country(words: list[str], day: dt.date) -> str | None:
    """The first country a two- or one-word window of the phrase names or describes."""
    country = None
    for width in (2, 1):
        for i in range(len(words) - width + 1):
            phrase = " ".join(words[i : i + width])
            country = country or country_by_demonym(phrase, day) or country_by_name(phrase, day)
    return country
