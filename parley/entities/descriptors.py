"""Countries from descriptions that are not titles: "Israeli Foreign Ministry official
Abraham Tamir", "Seixas, director of the Brazilian central bank's foreign debt department".
"""

from __future__ import annotations

from spacy.tokens import Doc

from parley.entities.candidates import APPOSITIVE_CLOSE, Candidate, is_country
from parley.entities.title_context import CandidateIndex

# Nouns (as written: the entity pipeline has no lemmas) that describe an official without
# being a title: "Israeli Foreign Ministry official
# Abraham Tamir", "Seixas, director of the Brazilian central bank's foreign debt department".
_DESCRIPTOR_HEADS = frozenset(
    {"official", "spokesman", "spokeswoman", "spokesperson", "negotiator", "diplomat", "aide",
     "delegate", "director", "head", "chief"}
)  # fmt: skip
_DESCRIPTOR_WINDOW = 8  # tokens of a descriptor searched for the state it names


def person_countries_from_descriptors(doc: Doc, candidates: list[Candidate]) -> None:
    """A person with no country takes the state named in the description right before the
    name or in apposition after it, when the description's head is an official's noun."""
    index = CandidateIndex.of(candidates)
    found: dict[str, str] = {}
    for person in candidates:
        if person.entity_type != "PERSON" or person.country_iso3 is not None:
            continue
        country = _descriptor_before(doc, person, index) or _descriptor_after(doc, person, index)
        if country is not None:
            found.setdefault(person.entity_id, country)
    for candidate in candidates:
        if candidate.entity_type == "PERSON" and candidate.country_iso3 is None:
            candidate.country_iso3 = found.get(candidate.entity_id)


def _descriptor_before(doc: Doc, person: Candidate, index: CandidateIndex) -> str | None:
    """ "Israeli Foreign Ministry official Abraham Tamir": the head right before the name."""
    head = person.start - 1
    if head < 0 or doc[head].lower_ not in _DESCRIPTOR_HEADS:
        return None
    return _state_in(doc, max(0, head - _DESCRIPTOR_WINDOW), head, index)


def _descriptor_after(doc: Doc, person: Candidate, index: CandidateIndex) -> str | None:
    """ "Seixas, director of the Brazilian central bank's ...,": an appositive led by the head."""
    start = person.end
    if start >= len(doc) or doc[start].text != ",":
        return None
    start += 1
    while start < len(doc) and doc[start].lower_ in {"the", "a", "an", "senior", "top"}:
        start += 1
    if start >= len(doc) or doc[start].lower_ not in _DESCRIPTOR_HEADS:
        return None
    end = start + 1
    while end < min(len(doc), start + _DESCRIPTOR_WINDOW) and doc[end].text not in APPOSITIVE_CLOSE:
        end += 1
    return _state_in(doc, start + 1, end, index)


def _state_in(doc: Doc, start: int, end: int, index: CandidateIndex) -> str | None:
    """The state a span of the description names (a country or demonym, or a body of one),
    the one nearest the head; None when a person or a clause boundary comes between."""
    for token_end in range(end, start, -1):
        if doc[token_end - 1].text in {",", ".", ";", "(", ")"} and token_end != end:
            return None
        for candidate in index.by_end.get(token_end, []):
            if candidate.entity_type == "PERSON":
                return None
            if is_country(candidate) or (
                candidate.entity_type == "ORG" and candidate.country_iso3 is not None
            ):
                return candidate.country_iso3
    return None
