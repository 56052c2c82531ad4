"""What surrounds a title in the text: the article's candidates indexed for looking around
it, the portfolio or served body after it ("Director of National Security", "Assistant to
the President"), a name set off by commas, and an "of <country>" after the name."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from parley.entities.candidates import (
    APPOSITIVE_CLOSE,
    HONORIFICS,
    Candidate,
    candidate_starting_at,
    is_country,
)


@dataclass(frozen=True)
class CandidateIndex:
    """The article's candidates by token end and start, for looking around a title."""

    by_end: dict[int, list[Candidate]]
    by_start: dict[int, list[Candidate]]

    @classmethod
    def of(cls, candidates: list[Candidate]) -> CandidateIndex:
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


def of_country(doc: Doc, end: int, index: CandidateIndex) -> str | None:
    """The country of an "of [the] <country>" starting at ``end`` (right after a name)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    at = end + 2 if doc[end + 1].lower_ == "the" else end + 1
    after = index.country_starting_at(at)
    return after.country_iso3 if after is not None else None


def country_of_the_next_name(doc: Doc, person: Candidate, index: CandidateIndex) -> str | None:
    """The "of <country>" of the titled name this one is coordinated with ("Foreign Minister
    Diana Mondino and Chief of Cabinet Nicolas Posse of Argentina": both are Argentina's)."""
    if person.end >= len(doc) or doc[person.end].lower_ != "and":
        return None
    for at in range(person.end + 1, min(person.end + 10, len(doc))):
        other = next((c for c in index.by_start.get(at, []) if c.entity_type == "PERSON"), None)
        if other is not None:
            return of_country(doc, other.end, index) if at > person.end + 1 else None
        if not (doc[at].is_title or doc[at].lower_ in _TITLE_JOINERS):
            return None  # "... and his counterpart", "... and met": not a titled name
    return None


_TITLE_JOINERS = frozenset({"of", "the", "for", "and", "&"})


# "to the President": the office a title serves ("Assistant to the President").
_SERVED_OFFICES = frozenset({"president", "vice", "secretary", "prime", "king", "queen"})


def body_after_title(
    doc: Doc, right: int, index: CandidateIndex
) -> tuple[int, Candidate | None] | None:
    """Where "of [the] <organisation>" or "to the <office>" after a title ends (and the
    organisation), when a name or an apposition's comma comes right after it."""
    if right < len(doc) and doc[right].lower_ == "for":
        end = _past_portfolio(doc, right, index)
        return (end, None) if end > right else None
    if right + 2 >= len(doc) or doc[right].lower_ not in {"of", "to"}:
        return None
    at = right + 2 if doc[right + 1].lower_ == "the" else right + 1
    body = None
    if doc[right].lower_ == "to":
        if at == right + 1 or doc[at].lower_ not in _SERVED_OFFICES:
            return None
        end = at + 2 if doc[at].lower_ in {"vice", "prime"} else at + 1
    else:
        body = next((c for c in index.by_start.get(at, []) if c.entity_type == "ORG"), None)
        if body is None:
            # "Director of National Security Shin Wonsik": a portfolio, not an organisation
            end = _past_portfolio(doc, right, index)
            return (end, None) if end > right else None
        end = body.end
    end = _past_portfolio(doc, end, index)
    if _name_starts(doc, end, index) or (end < len(doc) and doc[end].text in APPOSITIVE_CLOSE):
        return end, body
    return None


def _past_portfolio(doc: Doc, start: int, index: CandidateIndex) -> int:
    """Where a title's "for <Portfolio>" or "of <Portfolio>" ends when a name follows it
    ("Deputy National Security Advisor for Cyber and Emerging Technology Anne Neuberger");
    else ``start``."""
    if start >= len(doc) or doc[start].lower_ not in {"for", "of"}:
        return start
    for end in range(start + 2, min(start + 9, len(doc))):
        word = doc[end - 1]
        if not (word.is_title or word.lower_ in {"and", "&", "the", "of"}):
            return start
        if _name_starts(doc, end, index):
            return end
    return start


def _name_starts(doc: Doc, at: int, index: CandidateIndex) -> bool:
    """A person's name starts at ``at``, after any honorific ("National Security Advisor
    to the Vice President Dr. Phil Gordon")."""
    at = past_honorifics(doc, at)
    return any(c.entity_type == "PERSON" for c in index.by_start.get(at, []))


def past_honorifics(doc: Doc, at: int) -> int:
    """Where a name starts after the honorifics at ``at`` ("Dr.", "Mr.", "Sheikh")."""
    while at < len(doc) and doc[at].lower_ in HONORIFICS:
        at += 1
    return at


def named_after_comma(doc: Doc, start: int, index: CandidateIndex) -> Candidate | None:
    """The person in "Canada's Minister of State for Finance, Tom Hockin, said": a name set
    off by commas right after the title."""
    person = next((c for c in index.by_start.get(start, []) if c.entity_type == "PERSON"), None)
    if person is None or person.end >= len(doc) or doc[person.end].text not in APPOSITIVE_CLOSE:
        return None
    return person
