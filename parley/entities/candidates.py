"""Entity candidates: the NER spans worth resolving, cleaned, plus the countries it missed.

A ``Candidate`` is a token span of the doc with the label that produced it; the later steps
(``ids``, ``capitals``, ``persons``, ``roles``) fill in its canonical id, type and country.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from parley.lexicon.countries import country_by_demonym, country_by_name, is_ambiguous_name
from parley.lexicon.people import Person
from parley.lexicon.titles import TITLE_WORDS

AMOUNT_LABELS = frozenset({"MONEY"})


ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})


HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "gen.",
     "gen", "general", "col.", "lt.", "adm.", "prof.", "professor", "ambassador", "former",
     "ayatollah", "hojatoleslam", "sheikh", "sheik"}
)  # fmt: skip


# Generational suffixes of a name, which the NER sometimes tags on their own.
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr."})


POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})


APPOSITIVE_CLOSE = frozenset({",", ".", ";", ":", ")", "--"})


@dataclass
class Candidate:
    """An entity span being resolved (token offsets into the doc)."""

    start: int
    end: int
    label: str
    entity_type: str = ""
    entity_id: str = ""
    canonical_name: str = ""
    country_iso3: str | None = None
    person: Person | None = None
    capital_of: str | None = None


def clean_candidates(doc: Doc, day: dt.date) -> list[Candidate]:
    """doc.ents of the kept labels, trimmed of determiners, possessives and honorifics."""
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ in AMOUNT_LABELS or ent.label_ == "PERSON":
            # "1.5 Swiss francs", "65 billion U.S. Dlrs" (MONEY), "U.S. Dlrs" (PERSON):
            # the country word is a mention of its own
            prefix = country_words(doc, ent.start, ent.end, day)
            if prefix is not None:
                out.append(Candidate(prefix[0], prefix[1], "NORP"))
                if ent.label_ != "PERSON" or prefix[1] == ent.end:
                    continue
                ent = doc[prefix[1] : ent.end]  # the rest may still be a name
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in {"the", "a", "an"}:
            start += 1
        # "World Health Organization (WHO": the acronym is a mention of its own.
        opening = next((i for i in range(start, end) if doc[i].text == "("), None)
        if opening is not None and not any(doc[i].text == ")" for i in range(opening, end)):
            end = opening
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        while start < end and doc[start].is_punct:
            start += 1
        if ent.label_ == "PERSON":
            while start < end and (
                doc[start].lower_ in HONORIFICS or doc[start].lower_ in TITLE_WORDS
            ):
                start += 1
            end = _hyphenated_name_end(doc, end)
        # Nothing left, or no letter or digit (the model can tag a run of blanks PERSON).
        if start >= end or not any(c.isalnum() for c in doc[start:end].text):
            continue
        words = [t.lower_ for t in doc[start:end]]
        # a fragment of a title ("State" of "Secretary of State") is no entity
        if ent.label_ in {"ORG", "PERSON"} and all(w in TITLE_WORDS for w in words):
            continue
        if all(w in NAME_SUFFIXES for w in words):
            continue  # "Joseph R. Biden, Jr.": the suffix of the name before it
        out.append(Candidate(start, end, ent.label_))
    return out


def _hyphenated_name_end(doc: Doc, end: int) -> int:
    """The end of a name whose last part is hyphenated and cut by the tagger ("Moon Jae" of
    "Moon Jae-in", "Kim Jong" of "Kim Jong-un"): the hyphen and the word it joins, written
    without spaces, belong to the name."""
    if (
        0 < end < len(doc) - 1
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        return end + 2
    return end


def country_words(doc: Doc, start: int, end: int, day: dt.date) -> tuple[int, int] | None:
    """The first capitalised one- or two-word country name/demonym within [start, end)."""
    for i in range(start, end):
        if not (doc[i].is_title or doc[i].is_upper) or doc[i].like_num:
            continue
        for width in (2, 1):
            if i + width > end:
                continue
            text = doc[i : i + width].text
            if country_by_demonym(text, day) or country_by_name(text, day):
                return i, i + width
    return None


def uncovered_countries(doc: Doc, candidates: list[Candidate], day: dt.date) -> list[Candidate]:
    """Country names and demonyms the model left untagged ("of Trinidad-Tobago").

    Only tokens outside every entity are looked at, so names inside an ORG ("Bank of
    Japan") stay part of it; country names that are also given names or common words
    ("Jordan", "Chad", "Turkey") are left to the model.
    """
    covered = {i for c in candidates for i in range(c.start, c.end)}
    covered |= {i for e in doc.ents for i in range(e.start, e.end)}
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        if i in covered or not (doc[i].is_title or doc[i].is_upper) or doc[i].is_punct:
            i += 1
            continue
        for width in (3, 2, 1):
            end = i + width
            if end > len(doc) or any(j in covered for j in range(i, end)):
                continue
            text = doc[i:end].text
            if width == 1 and is_ambiguous_name(text):
                continue
            if country_by_name(text, day):
                out.append(Candidate(i, end, "GPE"))
                i = end
                break
            if country_by_demonym(text, day):
                out.append(Candidate(i, end, "NORP"))
                i = end
                break
        else:
            i += 1
    return out


def title_prefix_countries(
    doc: Doc, titles: Iterable[Span], candidates: list[Candidate], day: dt.date
) -> list[Candidate]:
    """Demonyms/countries right before a title that NER left out ("Indian" NSA ...)."""
    covered = {i for c in candidates for i in range(c.start, c.end)}
    out: list[Candidate] = []
    for title in titles:
        end = title.start
        if end > 0 and doc[end - 1].text in POSSESSIVE:
            end -= 1
        for width in (2, 1):
            start = end - width
            if start < 0 or any(i in covered for i in range(start, end)):
                continue
            text = doc[start:end].text
            if country_by_demonym(text, day):
                out.append(Candidate(start, end, "NORP"))
                covered.update(range(start, end))
                break
            if (doc[start].is_title or doc[start].is_upper) and country_by_name(text, day):
                out.append(Candidate(start, end, "GPE"))
                covered.update(range(start, end))
                break
    return out


def candidate_ending_at(candidates: list[Candidate], end: int) -> Candidate | None:
    for candidate in candidates:
        if candidate.end == end:
            return candidate
    return None


def candidate_starting_at(candidates: list[Candidate], start: int) -> Candidate | None:
    for candidate in candidates:
        if candidate.start == start:
            return candidate
    return None


def is_country(candidate: Candidate | None) -> bool:
    return bool(candidate and candidate.entity_type == "GPE" and candidate.entity_id[4:].isupper())
