"""Is a mention in scope: the political, governmental or diplomatic sphere.

The labelling rules count meetings with a government official (or a state, or an
international organisation) on at least one side; talks between companies, a bidder and a
board, a union and an employer are not diplomacy. A party is *public* when it is:

- a person with a country (an office holder: curated, or given a country by their title),
  or titled in the article with an office only states have ("Minister of State for Finance
  Tom Hockin", ``parley.lexicon.titles.PUBLIC_OFFICE_HEADS``);
- a state (``gpe:<ISO3>``), or a people standing for it ("U.S.-Japanese talks");
- a known international or government body (``parley.lexicon.organisations``), or a body
  with a state ("U.S. Treasury", "Bank of Japan");
- a side described as officials of a state, a government or a known body ("Canadian
  officials", "White House officials", "a Soviet delegation", "U.N. diplomats"), or
  officials standing in for a government word the entity pass tagged as a body ("senior
  Administration officials").

A mention needs one public party. A named company (a legal form ends its name: "Corp",
"SpA") or a described side such as "creditor banks" is fine beside a public party
("Ongpin's talks with the bank advisory committee") and out of scope without one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from parley.lexicon.organisations import known_organisation
from parley.lexicon.titles import PUBLIC_OFFICE_HEADS, role_head
from parley.mentions.parties import Party

# Heads of a described side that speak for a state, when the phrase names the state or its
# government ("Canadian officials", "administration officials").
_OFFICIAL_HEADS = frozenset(
    {"official", "minister", "delegation", "delegate", "negotiator", "diplomat",
     "ambassador", "envoy", "government", "administration", "authority", "lawmaker",
     "legislator", "senator", "congressman", "governor", "mayor", "representative", "leader",
     "ministry", "department", "mission", "team", "counterpart"}
)  # fmt: skip
_GOVERNMENT_WORDS = frozenset(
    {"government", "administration", "state", "federal", "ministry", "white", "house",
     "congressional", "parliamentary", "cabinet", "treasury", "pentagon", "kremlin"}
)  # fmt: skip


def in_public_sphere(parties: Sequence[Party], roles: Mapping[str, list[str]]) -> bool:
    """True when at least one party speaks for a state or a public body; ``roles`` are the
    titles the article gives each person (entity id -> roles)."""
    return any(_is_public(p, roles.get(p.entity_id, ())) for p in parties)


def _is_public(party: Party, roles: Sequence[str]) -> bool:
    if party.entity_type == "PERSON":
        return party.country_iso3 is not None or any(
            role_head(role) in PUBLIC_OFFICE_HEADS for role in roles
        )
    if party.entity_type in {"GPE", "NORP"}:
        return party.entity_id[4:].isupper()  # a state, not a city or an "Arab" people
    if party.via == "described":
        return _speaks_for_a_government(party)
    named_body = party.country_iso3 is not None or known_organisation(party.canonical_name)
    # "senior Administration officials": officials standing in for a government body
    return bool(named_body) or (party.via == "stand_in" and _speaks_for_a_government(party))


def _speaks_for_a_government(party: Party) -> bool:
    """ "Canadian officials", "White House officials", "U.N. diplomats": officials of a
    state, of a government or of a known body."""
    words = set(party.canonical_name.lower().split())
    return party.head in _OFFICIAL_HEADS and bool(
        party.country_iso3
        or words & _GOVERNMENT_WORDS
        or any(known_organisation(word) for word in words)  # "U.N. diplomats"
    )
