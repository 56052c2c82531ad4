"""Titles attached to people: "Title Name", "Name, [the] [Country's] Title", and their country.

A title's country is, in order: a country or demonym right before it ("U.S. Treasury
Secretary", "Japan's Finance Minister"), "of <country>" after it or after the name, the
curated office of that person on the article date, the person's own country; an unprefixed
government title of someone not in the curated file, in a story from a capital, is that
capital's country. A person not in the curated file takes the country of their title.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from parley.datelines import Home
from parley.entities.candidates import (
    APPOSITIVE_CLOSE,
    POSSESSIVE,
    Candidate,
    candidate_ending_at,
    country_words,
    is_country,
)
from parley.entities.title_context import (
    CandidateIndex,
    body_after_title,
    country_of_the_next_name,
    named_after_comma,
    of_country,
    past_honorifics,
)
from parley.lexicon.countries import country_by_demonym, country_by_name
from parley.lexicon.titles import (
    CHURCH_OFFICE_HEADS,
    GOVERNMENT_OFFICE_HEADS,
    MODIFIERS,
    normalize_role,
    role_head,
)

_CONTEXT_WINDOW = 10  # tokens before a title searched for the country of its holder


_FORMER = frozenset({"former", "ex", "ex-", "late", "then"})
# Words that start another phrase between a country and a title: the country is not the
# title's.
_OTHER_PHRASE_WORDS = frozenset({"and", "or", "with", "against", "than", "versus"})


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
    # The country is only the release's or the dateline's own ("Prime Minister Truss" in a
    # White House readout), not stated: a stated one elsewhere in the article wins.
    country_assumed: bool = False


def _context_country(doc: Doc, start: int, by_end: dict[int, list[Candidate]]) -> str | None:
    """A country named shortly before a title in the same sentence, with no person between
    ("the Nigerian team, headed by Finance Minister Che Okongwu")."""
    for end in range(start, max(0, start - _CONTEXT_WINDOW), -1):
        if end < start and doc[end].text in {".", ";"}:
            return None
        if end < start and doc[end].lower_ in _OTHER_PHRASE_WORDS:
            return None  # "sanctions against Russia and with Foreign Minister Kuleba"
        for candidate in by_end.get(end, []):
            if candidate.entity_type == "PERSON":
                return None
            if is_country(candidate):
                return candidate.country_iso3
    return None


def find_roles(
    doc: Doc,
    titles: list[Span],
    candidates: list[Candidate],
    day: dt.date,
    home: Home | None = None,
) -> list[RoleSpan]:
    """Titles attached to a person: "Title Name" and "Name, [the] [Country's] Title"."""
    index = CandidateIndex.of(candidates)
    where = home or Home()
    by_end = {t.end: t for t in titles}
    spans = (_role_of_title(doc, title, index, day, where, by_end) for title in titles)
    return [span for span in spans if span is not None]


def _role_of_title(
    doc: Doc, title: Span, index: CandidateIndex, day: dt.date, home: Home, titles: dict[int, Span]
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
    if left > 1 and doc[left - 1].lower_ == "the" and doc[left - 2].lower_ == "to":
        return None  # "Special Assistant to the President Erika Poethig": not the President
    right = title.end
    if right + 1 < len(doc) and doc[right].lower_ == "of":
        title_country = index.country_starting_at(right + 1)
        body = _state_body_starting_at(doc, right + 1, index)
        if title_country is not None:
            country = country or title_country.country_iso3
            right = title_country.end
        elif body is not None:
            # "the director-general of the Israeli Foreign Ministry, Abraham Tamir"
            country = country or body.country_iso3
            right = body.end
    served = body_after_title(doc, right, index)
    if served is not None:
        # "Director of the Gender Policy Council Jennifer Klein", "Senior Advisor to the
        # President, Stephen Benjamin": the office is the title of that body.
        end, body = served
        role = f"{role} {doc[right:end].text}"
        country = country or (body.country_iso3 if body is not None else None)
        right = end
    right = _past_acronym_and_honorific(doc, right)
    person = next((c for c in index.by_start.get(right, []) if c.entity_type == "PERSON"), None)
    if person is None and (right >= len(doc) or doc[right].text in APPOSITIVE_CLOSE):
        # "Baker, the Treasury Secretary, said" (not "with Bush, the Crown Prince paid")
        person = _appositive_person(doc, left, index.by_end)
    if person is None and right + 1 < len(doc) and doc[right].text == ",":
        person = named_after_comma(doc, right + 1, index)
    if person is None or not person.entity_id:
        return None
    if country is None:
        # "Javier Espinosa of Ecuador", "President Moon Jae-in of the Republic of Korea"
        country = of_country(doc, person.end, index)
    if country is None:
        country = _office_country(person, role, day, org is not None)
    if country is None and left > 0 and doc[left - 1].lower_ in _MET_SIDE_OPENERS:
        country = country_of_the_next_name(doc, person, index)
    if country is None and org is None:
        country = _coordinated_country(doc, title, titles, index, day)
    if country is None and org is not None:
        # a state body's title is that state's office ("White House Chief of Staff Jeff
        # Zients", "Bundesbank President"); an international body's has no country.
        country = org.country_iso3
    assumed = False
    if country is None and org is None and person.person is None:
        country = _home_office_country(doc, title, role, index, home)
        assumed = country is not None
    return RoleSpan(
        entity_id=person.entity_id,
        role=role,
        country_iso3=country,
        title_start=title.start_char,
        title_end=title.end_char,
        person_start=doc[person.start].idx,
        person_end=doc[person.end - 1].idx + len(doc[person.end - 1].text),
        country_assumed=assumed,
    )


def _title_prefix(
    doc: Doc, title: Span, index: CandidateIndex, day: dt.date
) -> tuple[int, str | None, Candidate | None]:
    """Where the title's prefixes start, the country they name, and an organisation prefix.

    Nearest first: an ORG right before the title ("Bundesbank President", "U.S. Federal
    Reserve Chairman"), then a country ("U.S.", "Japan's").
    """
    left = title.start
    country: str | None = None
    org: Candidate | None = None
    for step in range(2):
        end = _prefix_end(doc, left)
        prefix = candidate_ending_at(index.by_end.get(end, []), end)
        if prefix is None:
            break
        if is_country(prefix) and country is None:
            country = prefix.country_iso3
        elif prefix.entity_type == "ORG" and step == 0 and (end == left or doc[end].text == "("):
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


def _coordinated_country(
    doc: Doc, title: Span, titles_by_end: dict[int, Span], index: CandidateIndex, day: dt.date
) -> str | None:
    """The country of the title this one is coordinated with, when that title has no name
    of its own ("Pakistan's Deputy Prime Minister and Foreign Minister Ishaq Dar", "Saudi
    Prime Minister and Crown Prince Mohammed bin Salman")."""
    if title.start < 2 or doc[title.start - 1].lower_ not in {"and", "&"}:
        return None
    first = titles_by_end.get(title.start - 1)
    if first is None:
        return None
    _, country, org = _title_prefix(doc, first, index, day)
    if country is None and org is not None:
        country = org.country_iso3
    return country or _coordinated_country(doc, first, titles_by_end, index, day)


def _prefix_end(doc: Doc, left: int) -> int:
    """Where a title's prefix ends: before a possessive ("Japan's Finance Minister") or a
    bracketed acronym ("the World Health Organization (WHO) Director-General")."""
    if left > 0 and doc[left - 1].text in POSSESSIVE:
        return left - 1
    if left > 0 and doc[left - 1].text == ")":
        opening = next(
            (i for i in range(left - 2, max(left - 6, -1), -1) if doc[i].text == "("), None
        )
        if opening is not None:
            return opening
    return left


def _home_office_country(
    doc: Doc, title: Span, role: str, index: CandidateIndex, home: Home
) -> str | None:
    """The country of an unprefixed title of someone not in the curated file, from where
    the story comes.

    In a story filed from a capital a government title is that country's office ("Finance
    Minister Palle Simonsen" datelined Copenhagen); corporate titles (President, Chairman)
    are not. In a government's own release every unprefixed title is that government's
    ("Senior Advisor Cedric Richmond" in a White House readout), except a church's office,
    one not yet taken up ("President-elect Gustavo Petro") and a head of state or government
    the curated file does not know ("President Gustavo Petro and Foreign Minister Alvaro Leyva of
    Colombia": the release's own are curated).
    """
    head = role_head(role)
    if head in CHURCH_OFFICE_HEADS or role.endswith("Elect"):
        return None
    if (head in _HEAD_OF_STATE_HEADS and "Vice" not in role) or role in _HEAD_OF_GOVERNMENT:
        return None
    if head in _ROYAL_HEADS:
        return None  # "Crown Prince Mohammed bin Salman" in a White House readout
    country = None
    if head in GOVERNMENT_OFFICE_HEADS:
        country = _context_country(doc, title.start, index.by_end) or home.dateline
    return country or home.government


# Heads of state's titles: in a government's own release, its own are curated people.
# Words before a list of the other side of a meeting ("met with Foreign Minister Diana
# Mondino and Chief of Cabinet Nicolas Posse of Argentina"): there one "of <country>" is the
# whole list's. Elsewhere a release's own official comes first ("Senior Advisor Jane Roe and
# Governor John Doe of Puerto Rico met with ...").
_MET_SIDE_OPENERS = frozenset({"with", "met", "received", "hosted", "welcomed"})
_HEAD_OF_STATE_HEADS = frozenset({"president", "king", "queen", "emir", "amir", "sultan"})
# A royal title is a monarchy's, never a republic's release's own official.
_ROYAL_HEADS = frozenset({"prince", "princess", "emperor", "empress", "sheikh", "sheikha"})
# ... and so are its heads of government ("Prime Minister Kishida" in a White House readout).
_HEAD_OF_GOVERNMENT = frozenset({"Prime Minister", "Chancellor", "Premier"})


def _past_acronym_and_honorific(doc: Doc, index: int) -> int:
    """Where the name starts after a title's bracketed acronym and an honorific ("National
    Security Advisor (PDNSA) Jon Finer", "Director-General (DG) Dr. Tedros")."""
    if index < len(doc) and doc[index].text == "(":
        close = next(
            (i for i in range(index + 1, min(index + 5, len(doc))) if doc[i].text == ")"), None
        )
        if close is not None:
            index = close + 1
    return past_honorifics(doc, index)


def _state_body_starting_at(doc: Doc, start: int, index: CandidateIndex) -> Candidate | None:
    """A body of a state right after "of" ("of the Israeli Foreign Ministry")."""
    starts = [start, start + 1] if start < len(doc) and doc[start].lower_ == "the" else [start]
    for at in starts:
        for body in index.by_start.get(at, []):
            if body.entity_type == "ORG" and body.country_iso3 is not None:
                return body
    return None


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
    for span in sorted(roles, key=lambda r: r.country_assumed):  # stated countries first
        if span.country_iso3:
            role_country.setdefault(span.entity_id, span.country_iso3)
    for candidate in candidates:
        if candidate.entity_type == "PERSON" and candidate.country_iso3 is None:
            candidate.country_iso3 = role_country.get(candidate.entity_id)
