"""Ids of everything that is not a person: countries, places, organisations, events.

``gpe:<ISO3>`` for a country named or described ("Japanese", "Soviet" -> ``SUN``),
``org:<slug>`` for organisations (known bodies by their canonical name, from
``parley.lexicon.organisations``), ``gpe:``/``loc:``/``fac:``/``event:<slug>`` for the
rest; NORP that is no country ("Arab", "Republican") stays ``norp:<slug>``. A capital is
only marked here (``capital_of``); whether it stands for a government is ``capitals``'s call.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from parley.entities.candidates import Candidate
from parley.lexicon.countries import (
    canonical_country_name,
    country_by_capital,
    country_by_demonym,
    country_by_name,
)
from parley.lexicon.organisations import is_legal_form, known_organisation
from parley.lexicon.people import people_index
from parley.names import display_name, slugify

_ID_PREFIX = {"ORG": "org", "LOC": "loc", "FAC": "fac", "EVENT": "event", "GPE": "gpe"}


# An ORG beginning with a country/demonym and ending in one of these is a government body,
# so the prefix is also a mention of the country ("U.S. Treasury", "Japanese government").
_GOVERNMENT_BODY_WORDS = frozenset(
    {"government", "treasury", "administration", "congress", "senate", "house", "ministry",
     "department", "embassy", "army", "navy", "forces", "parliament", "cabinet",
     "authorities", "delegation", "officials", "negotiators", "diet", "bundestag"}
)  # fmt: skip


def is_country_id(entity_id: str) -> bool:
    """True for a country's id (``gpe:JPN``), not a city's or a region's (``gpe:tokyo``)."""
    return entity_id.startswith("gpe:") and entity_id[4:].isupper()


def set_country(candidate: Candidate, code: str) -> None:
    """Make the candidate the country ``code``."""
    candidate.entity_type = "GPE"
    candidate.entity_id = f"gpe:{code}"
    candidate.canonical_name = canonical_country_name(code)
    candidate.country_iso3 = code


def resolve_non_person(doc: Doc, candidate: Candidate, day: dt.date) -> list[Candidate]:
    """Give a non-person candidate its id; return extra candidates (a government prefix)."""
    label = candidate.label
    span = doc[candidate.start : candidate.end]
    text = span.text
    if label == "PERSON":
        if span.text.isupper() and len(span) == 1 and not people_index().find_alias(text):
            return []  # an acronym ("QFFM"), not a name
        if len(span) > 1 and (is_legal_form(span[-1].text) or span[-1].lower_ == "group"):
            # "Giorgio Inc", "Lazard Group": the model took a company for a name
            candidate.entity_type = "ORG"
            candidate.entity_id = f"org:{slugify(text)}"
            candidate.canonical_name = display_name(text)
            return []
        place = country_by_name(text, day) or country_by_capital(text, day)
        if place and len(span) == 1 and not people_index().find_alias(text):
            candidate.label = "GPE"  # the model took a place for a name ("Berne")
            return resolve_non_person(doc, candidate, day)
        candidate.entity_type = "PERSON"
        return []
    code = None
    if label in {"GPE", "NORP", "ORG", "LOC"}:
        code = country_by_name(text, day) or country_by_demonym(text, day)
    if code:
        set_country(candidate, code)
        return []
    if label in {"GPE", "LOC", "ORG", "FAC"}:
        capital = country_by_capital(text, day)
        if capital and label != "ORG":
            candidate.capital_of = capital
    if label == "NORP":
        candidate.entity_type = "NORP"
        candidate.entity_id = f"norp:{slugify(text)}"
        candidate.canonical_name = display_name(text)
        return []
    known = known_organisation(text) if label == "ORG" else None
    if known is not None:
        candidate.entity_type = "ORG"
        candidate.entity_id = f"org:{slugify(known.canonical_name)}"
        candidate.canonical_name = known.canonical_name
        candidate.country_iso3 = known.country_iso3
        return []
    candidate.entity_type = label
    candidate.entity_id = f"{_ID_PREFIX[label]}:{slugify(text)}"
    candidate.canonical_name = display_name(text)
    candidate.country_iso3 = candidate.capital_of
    if label == "ORG" and len(span) > 1:
        candidate.country_iso3 = candidate.country_iso3 or _state_organ_prefix(span)
        return _government_prefix(doc, candidate, day)
    return []


def _state_organ_prefix(span: Span) -> str | None:
    """The state of a known state body a name starts with: an office of that body ("White
    House Gender Policy Council", "Pentagon Joint Staff")."""
    for width in range(min(3, len(span) - 1), 0, -1):
        known = known_organisation(span[:width].text)
        if known is not None and known.country_iso3 is not None:
            return known.country_iso3
    return None


def _government_prefix(doc: Doc, candidate: Candidate, day: dt.date) -> list[Candidate]:
    """'U.S. Treasury' -> also a mention of the USA; the ORG gets the country."""
    body_words = (t.lower_ for t in doc[candidate.start + 1 : candidate.end])
    if not any(word in _GOVERNMENT_BODY_WORDS for word in body_words):
        return []
    for width in (2, 1):
        end = candidate.start + width
        if end >= candidate.end:
            continue
        text = doc[candidate.start : end].text
        code = country_by_name(text, day) or country_by_demonym(text, day)
        if code:
            candidate.country_iso3 = code
            prefix = Candidate(candidate.start, end, candidate.label)
            set_country(prefix, code)
            return [prefix]
    return []
