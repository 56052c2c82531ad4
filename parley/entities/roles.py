"""Titles attached to people: "Title Name", "Name, [the] [Country's] Title", and their country.

A title's country is, in order: a country or demonym right before it ("U.S. Treasury
Secretary", "Japan's Finance Minister"), "of <country>" after it or after the name, the
curated office of that person on the article date, the person's own country; an unprefixed
government title of someone not in the curated file, in a story from a capital, is that
capital's country. A person not in the curated file takes the country of their title.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from parley.datelines import dateline_city
from parley.entities.candidates import (
    APPOSITIVE_CLOSE,
    POSSESSIVE,
    Candidate,
    candidate_ending_at,
    candidate_starting_at,
    country_words,
    is_country,
)
from parley.lexicon.countries import country_by_capital, country_by_demonym, country_by_name
from parley.lexicon.organisations import known_organisation
from parley.lexicon.titles import MODIFIERS, normalize_role, role_head
from parley.records import Article

_CONTEXT_WINDOW = 10  # tokens before a title searched for the country of its holder


_GOVERNMENT_HEADS = frozenset(
    {"minister", "secretary", "premier", "chancellor", "senator", "representative",
     "congressman", "congresswoman", "speaker", "treasurer", "ambassador", "leader",
     "taoiseach", "governor"}
)  # fmt: skip


_FORMER = frozenset({"former", "ex", "ex-", "late", "then"})


@dataclass(frozen=True)
class RoleSpan:
    """A role observation with where its title and its person are in the body."""

    entity_id: str
    role: str
    country_iso3: str | None
    title_start: int
    title_end: int
    person_start: int
    person_end: int


def _context_country(doc: Doc, start: int, by_end: dict[int, list[Candidate]]) -> str | None:
    """A country named shortly before a title in the same sentence, with no person between
    ("the Nigerian team, headed by Finance Minister Che Okongwu")."""
    for end in range(start, max(0, start - _CONTEXT_WINDOW), -1):
        if end < start and doc[end].text in {".", ";"}:
            return None
        for candidate in by_end.get(end, []):
            if candidate.entity_type == "PERSON":
                return None
            if is_country(candidate):
                return candidate.country_iso3
    return None


@dataclass(frozen=True)
class Home:
    """Where a story comes from: the country whose capital heads its dateline ("COPENHAGEN,
    March 17" -> DNK), and the country whose government published it (outlet "The White
    House" -> USA)."""

    dateline: str | None = None
    government: str | None = None

    @classmethod
    def of(cls, article: Article, day: dt.date) -> Home:
        """The home of an article, from its dateline and its outlet."""
        city = dateline_city(article.dateline)
        dateline = country_by_capital(city, day) or country_by_name(city, day) if city else None
        # "The White House (Briefing Room)": the body, not the page.
        name = re.sub(r"\(.*?\)", "", article.outlet or "").strip()
        outlet = known_organisation(name) if name else None
        government = outlet.country_iso3 if outlet is not None else None
        return cls(dateline, government)


@dataclass(frozen=True)
class _Index:
    """The article's candidates by token end and start, for looking around a title."""

    by_end: dict[int, list[Candidate]]
    by_start: dict[int, list[Candidate]]

    @classmethod
    def of(cls, candidates: list[Candidate]) -> _Index:
        """Index ``candidates`` by where they end and start."""
        by_end: dict[int, list[Candidate]] = defaultdict(list)
        by_start: dict[int, list[Candidate]] = defaultdict(list)
        for candidate in candidates:
            by_end[candidate.end].append(candidate)
            by_start[candidate.start].append(candidate)
        return cls(by_end, by_start)

    def country_starting_at(self, start: int) -> Candidate | None:
        """The country candidate that starts at token ``start``, if any."""
        found = candidate_starting_at(self.by_start.get(start, []), start)
        return found if is_country(found) else None


def find_roles(
    doc: Doc,
    titles: list[Span],
    candidates: list[Candidate],
    day: dt.date,
    home: Home = Home(),
) -> list[RoleSpan]:
    """Titles attached to a person: "Title Name" and "Name, [the] [Country's] Title"."""
    index = _Index.of(candidates)
    spans = (_role_of_title(doc, title, index, day, home) for title in titles)
    return [span for span in spans if span is not None]


def _role_of_title(
    doc: Doc, title: Span, index: _Index, day: dt.date, home: Home
) -> RoleSpan | None:
    """The role observation a title makes, if a person holds it (and not formerly)."""
    left, country, org = _title_prefix(doc, title, index, day)
    role = normalize_role(title.text)
    if org is not None:
        role = f"{doc[org.start : org.end].text} {role}"
    # a modifier before the country belongs to the title: "Deputy U.S. Trade Representative"
    if left < title.start and left > 0 and doc[left - 1].lower_ in MODIFIERS:
        role = f"{doc[left - 1].text.capitalize()} {role}"
        left -= 1
    if left > 0 and doc[left - 1].lower_ in _FORMER:
        return None  # "former Japanese Foreign Minister Shintaro Abe": not his role now
    right = title.end
    if right + 1 < len(doc) and doc[right].lower_ == "of":
        of_country = index.country_starting_at(right + 1)
        if of_country is not None:
            country = country or of_country.country_iso3
            right = of_country.end
    person = next((c for c in index.by_start.get(right, []) if c.entity_type == "PERSON"), None)
    if person is None and (right >= len(doc) or doc[right].text in APPOSITIVE_CLOSE):
        # "Baker, the Treasury Secretary, said" (not "with Bush, the Crown Prince paid")
        person = _appositive_person(doc, left, index.by_end)
    if person is None or not person.entity_id:
        return None
    if country is None and person.end + 1 < len(doc) and doc[person.end].lower_ == "of":
        after = index.country_starting_at(person.end + 1)  # "Javier Espinosa of Ecuador"
        country = after.country_iso3 if after is not None else None
    if country is None:
        country = _office_country(person, role, day, org is not None)
    # an unprefixed government title of someone not in the curated file, in a story filed
    # from a capital, is that country's office ("Finance Minister Palle Simonsen" datelined
    # Copenhagen); corporate titles (President, Chairman) are not. In a government's own
    # release every unprefixed title is that government's ("Senior Advisor Cedric Richmond"
    # in a White House readout): a foreign official's country is always written.
    if country is None and org is None and person.person is None:
        if role_head(role) in _GOVERNMENT_HEADS:
            country = _context_country(doc, title.start, index.by_end) or home.dateline
        country = country or home.government
    return RoleSpan(
        entity_id=person.entity_id,
        role=role,
        country_iso3=country,
        title_start=title.start_char,
        title_end=title.end_char,
        person_start=doc[person.start].idx,
        person_end=doc[person.end - 1].idx + len(doc[person.end - 1].text),
    )


def _title_prefix(
    doc: Doc, title: Span, index: _Index, day: dt.date
) -> tuple[int, str | None, Candidate | None]:
    """Where the title's prefixes start, the country they name, and an organisation prefix.

    Nearest first: an ORG right before the title ("Bundesbank President", "U.S. Federal
    Reserve Chairman"), then a country ("U.S.", "Japan's").
    """
    left = title.start
    country: str | None = None
    org: Candidate | None = None
    for step in range(2):
        end = left - 1 if left > 0 and doc[left - 1].text in POSSESSIVE else left
        prefix = candidate_ending_at(index.by_end.get(end, []), end)
        if prefix is None:
            break
        if is_country(prefix) and country is None:
            country = prefix.country_iso3
        elif prefix.entity_type == "ORG" and step == 0 and end == left:
            # an ORG that ends in a demonym ("WASHINGTON - Japanese") is a country prefix
            tail = country_words(doc, max(prefix.start, end - 2), end, day)
            if tail is not None:
                words = doc[tail[0] : tail[1]].text
                country = country_by_demonym(words, day) or country_by_name(words, day)
                break
            org = prefix
        else:
            break
        left = prefix.start
    return left, country, org


def _appositive_person(doc: Doc, left: int, by_end: dict[int, list[Candidate]]) -> Candidate | None:
    """The person in "Baker, the Treasury Secretary" (title phrase starts at ``left``)."""
    index = left - 1
    while index >= 0 and doc[index].lower_ in {"the", "a", "an", "who", "is", "was", "now"}:
        index -= 1
    if index < 1 or doc[index].text != ",":
        return None
    return next((c for c in by_end.get(index, []) if c.entity_type == "PERSON"), None)


def _office_country(person: Candidate, role: str, day: dt.date, org_prefix: bool) -> str | None:
    """Country of an unprefixed title: the curated office, else the person's country."""
    curated = person.person
    if curated is not None:
        head = role_head(role)
        for office in curated.offices:
            if office.valid_on(day) and role_head(office.role) == head:
                return office.office_iso3
    if org_prefix:
        return None
    return person.country_iso3


def person_countries_from_roles(candidates: list[Candidate], roles: list[RoleSpan]) -> None:
    """A person not in the curated file takes the country of a title seen with them."""
    role_country: dict[str, str] = {}
    for span in roles:
        if span.country_iso3:
            role_country.setdefault(span.entity_id, span.country_iso3)
    for candidate in candidates:
        if candidate.entity_type == "PERSON" and candidate.country_iso3 is None:
            candidate.country_iso3 = role_country.get(candidate.entity_id)
