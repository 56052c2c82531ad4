"""A capital stands for its country's government only in a government context.

"Washington and Tokyo agreed", "Tokyo's position", "talks with Bonn": the government. "In
Washington", "arrived in Tokyo": the city. Capitals are marked by ``ids``; this step decides.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from parley.entities.candidates import POSSESSIVE, Candidate
from parley.entities.ids import is_country_id, set_country

# Before a capital, these make it a place, not a government ("in Washington").
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "to", "into", "near", "outside", "via", "toward", "towards", "around",
     "across", "throughout", "through", "visit", "visited", "visiting", "arrived", "left",
     "leave", "leaving", "reach", "reached", "returned", "flew", "based", "headquartered",
     "downtown", "central", "of"}
)  # fmt: skip


_GOVERNMENT_BEFORE = frozenset({"with", "against", "between", "by", "urged", "pressed"})


_GOVERNMENT_AFTER = frozenset(
    {"said", "says", "say", "has", "have", "had", "is", "was", "will", "would", "wants",
     "wanted", "agreed", "agree", "agrees", "believes", "fears", "hopes", "accused", "accuses",
     "asked", "urged", "urges", "warned", "warns", "insists", "insisted", "refused",
     "rejected", "announced", "decided", "threatened", "should", "could", "may", "might",
     "must", "can", "cannot", "does", "did", "plans", "appears", "argues", "argued",
     "claims", "imposed", "retaliated", "objects", "opposed", "sought", "seeks", "pressed",
     "told", "denied", "responded", "criticized", "criticised", "complained", "demanded",
     "expects", "considers", "intends", "officials", "policymakers", "policy-makers",
     "government", "administration", "authorities", "negotiators", "diplomats", "sources"}
)  # fmt: skip


def mark_government_capitals(doc: Doc, candidates: list[Candidate], day: dt.date) -> None:
    """A capital stands for its country's government only in a government context."""
    governed: dict[int, bool] = {}
    capitals = [c for c in candidates if c.capital_of]
    for candidate in capitals:
        before = doc[candidate.start - 1].lower_ if candidate.start > 0 else ""
        after = doc[candidate.end].text if candidate.end < len(doc) else ""
        if before in _PLACE_PREPOSITIONS:
            governed[id(candidate)] = False
            continue
        governed[id(candidate)] = (
            after in POSSESSIVE
            or after.lower() in _GOVERNMENT_AFTER
            or before in _GOVERNMENT_BEFORE
        )
    # coordination: "Washington and Tokyo agreed" -> both are governments
    by_start = {c.start: c for c in candidates}
    for candidate in capitals:
        if candidate.end + 1 >= len(doc) or doc[candidate.end].lower_ not in {"and", ","}:
            continue
        other = by_start.get(candidate.end + 1)
        if other is None:
            continue
        other_is_country = is_country_id(other.entity_id)
        if other_is_country or governed.get(id(other)):
            before = doc[candidate.start - 1].lower_ if candidate.start > 0 else ""
            if before not in _PLACE_PREPOSITIONS:
                governed[id(candidate)] = True
        if governed.get(id(candidate)) and other.capital_of:
            governed[id(other)] = True
    for candidate in capitals:
        if governed.get(id(candidate)) and candidate.capital_of:
            set_country(candidate, candidate.capital_of)
