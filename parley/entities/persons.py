"""People: full names, surnames, and the curated people file.

A full name is its own person (or the curated person it spells, also approximately:
"Gustavo Petriccioli" -> Gustavo Petricioli); a surname or a first or middle name takes the
article's full name that ends (or starts) with it, else the one curated person with that
surname in office on the article date; a lone unknown word counts as a person only when its
context says so (an honorific, a speech verb). Places and bodies that are a surname of the
article's people become that person ("Douglas told reporters" after "Roger Douglas").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler
from spacy.tokens import Doc, Span

from parley.entities.candidates import (
    APPOSITIVE_CLOSE,
    HONORIFICS,
    POSSESSIVE,
    Candidate,
    is_country,
)
from parley.lexicon.people import Person, people_index, person_id
from parley.lexicon.titles import normalize_role, role_head
from parley.names import display_name, name_key


def surnames_as_people(doc: Doc, candidates: list[Candidate]) -> None:
    """A one-word GPE/ORG that is the surname of a person named in the article is that
    person ("Douglas told reporters" after "Roger Douglas", not the Isle of Man capital);
    so is a longer one that repeats a person's full name (the small model tags "head
    Michio Takeuchi" ORG and "President Michio Takeuchi" PERSON in one story)."""
    people = [c for c in candidates if c.entity_type == "PERSON" and c.end - c.start > 1]
    surnames = {name_key(doc[c.end - 1].text) for c in people}
    full_names = {_name_keys(doc, c) for c in people}
    for candidate in candidates:
        if candidate.entity_type not in {"GPE", "ORG", "NORP", "LOC"} or is_country(candidate):
            continue
        one_word = candidate.end - candidate.start == 1
        if (one_word and name_key(doc[candidate.start].text) in surnames) or (
            not one_word and _name_keys(doc, candidate) in full_names
        ):
            candidate.entity_type = "PERSON"
            candidate.entity_id = ""
            candidate.capital_of = None
            candidate.country_iso3 = None


def _name_keys(doc: Doc, candidate: Candidate) -> tuple[str, ...]:
    return tuple(name_key(token.text) for token in doc[candidate.start : candidate.end])


# Generational suffixes name no one by themselves: "Joseph R. Biden Jr." is Joseph R. Biden.
_GENERATIONAL = frozenset({"jr", "jr.", "sr", "sr."})


def _person_name(doc: Doc, candidate: Candidate) -> str:
    """The name of a person candidate, without a trailing "Jr." or "Sr."."""
    end = candidate.end
    while end - 1 > candidate.start and doc[end - 1].lower_ in _GENERATIONAL | {","}:
        end -= 1
    return doc[candidate.start : end].text


def _curated_by_alias(name: str, day: dt.date) -> Person | None:
    matches = people_index().find_alias(name)
    if len(matches) > 1:
        valid = [p for p in matches if p.office_on(day)]
        matches = valid or matches
    return matches[0] if len(matches) == 1 else None


# How many letters a misspelt surname may gain or lose (Jaro-Winkler rewards a shared start).
_SPELLING_SLACK = 2


def _curated_fuzzy(name: str) -> Person | None:
    """A curated person whose full alias is a near spelling of ``name``.

    Same first name and a surname at Jaro-Winkler >= 0.9 ("Gustavo Petriccioli" ->
    "Gustavo Petricioli", "Otto Strich" -> "Otto Stich"), or same surname and a close
    token-set match ("Guilermno Perry Rubio").
    """
    tokens = name_key(name).split()
    index = people_index()
    best: tuple[float, Person] | None = None
    for person in index.find_surname(tokens[-1]):
        for alias in person.aliases:
            alias_tokens = name_key(alias).split()
            if len(alias_tokens) < 2 or alias_tokens[0][:1] != tokens[0][:1]:
                continue
            score = fuzz.token_set_ratio(" ".join(tokens), " ".join(alias_tokens))
            if score >= 90 and (best is None or score > best[0]):
                best = (score, person)
    if best is not None:
        return best[1]
    for person in index.find_first_name(tokens[0]):
        for alias in person.aliases:
            alias_tokens = name_key(alias).split()
            if len(alias_tokens) != len(tokens) or alias_tokens[0] != tokens[0]:
                continue
            if abs(len(alias_tokens[-1]) - len(tokens[-1])) > _SPELLING_SLACK:
                continue  # "Gustavo Petro" is no misspelt "Gustavo Petricioli"
            score = JaroWinkler.similarity(alias_tokens[-1], tokens[-1])
            if score >= 0.9 and (best is None or score > best[0]):
                best = (score, person)
    return best[1] if best else None


def _curated_by_surname(surname: str, day: dt.date, role: str | None = None) -> Person | None:
    """The unique curated person with this surname in office on ``day``.

    When several are, a title attached to the name picks the one whose office it is
    ("Baker, the Treasury Secretary" in 1987 is James, not Howard Baker).
    """
    valid = [p for p in people_index().find_surname(surname) if p.office_on(day)]
    if len(valid) > 1 and role:
        words = set(role.lower().split()) - {"deputy", "vice"}
        valid = [
            p
            for p in valid
            if (office := p.office_on(day)) is not None
            and role_head(office.role) == role_head(role)
            and words <= set(office.role.lower().split())
        ]
    return valid[0] if len(valid) == 1 else None


def _apply_person(candidate: Candidate, name: str, person: Person | None) -> None:
    candidate.entity_type = "PERSON"
    candidate.person = person
    if person is not None:
        candidate.entity_id = person.entity_id
        candidate.canonical_name = person.canonical_name
        candidate.country_iso3 = person.country_iso3
    else:
        candidate.entity_id = person_id(name)
        candidate.canonical_name = display_name(name)


def _core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Name tokens without middle initials ("ivan f boesky" -> "ivan boesky")."""
    return tuple(t for i, t in enumerate(tokens) if i in (0, len(tokens) - 1) or len(t) > 1)


def _copy_person(candidate: Candidate, chosen: Candidate) -> None:
    candidate.entity_type = "PERSON"
    candidate.person = chosen.person
    candidate.entity_id = chosen.entity_id
    candidate.canonical_name = chosen.canonical_name
    candidate.country_iso3 = chosen.country_iso3


def _nearest(fulls: list[Candidate], candidate: Candidate) -> Candidate | None:
    """The full name nearest before the candidate, else the first one after it."""
    earlier = [f for f in fulls if f.start < candidate.start]
    return earlier[-1] if earlier else (fulls[0] if fulls else None)


def _attached_title(doc: Doc, candidate: Candidate, titles: dict[int, Span]) -> Span | None:
    """The title right before a name, or in apposition after it ("Baker, the Treasury
    Secretary")."""
    before = titles.get(candidate.start)
    if before is not None:
        return before
    index = candidate.end
    if index < len(doc) and doc[index].text == ",":
        index += 1
        while index < len(doc) and doc[index].lower_ in {"the", "a", "an"}:
            index += 1
        for title in titles.values():
            closed = title.end >= len(doc) or doc[title.end].text in APPOSITIVE_CLOSE
            if title.start == index and closed:
                return title
    return None


def resolve_people(doc: Doc, people: list[Candidate], day: dt.date, titles: list[Span]) -> None:
    """Full names first, then partial names via the article's full names or curated data."""
    titles_by_end = {t.end: t for t in titles}
    # suffix of an article full name (as a token tuple) -> the full-name candidates
    suffixes: dict[tuple[str, ...], list[Candidate]] = defaultdict(list)
    # weaker keys: a middle token ("Hernandez" of "Arturo Hernandez Grisanti", Spanish
    # style) and the first token ("Rha" of "Rha Woong-bae", family name first)
    inner: dict[str, list[Candidate]] = defaultdict(list)
    first: dict[str, list[Candidate]] = defaultdict(list)
    cores: dict[tuple[str, ...], Candidate] = {}
    partial: list[Candidate] = []
    for candidate in people:
        name = _person_name(doc, candidate)
        tokens = tuple(name_key(name).split())
        if len(tokens) == 1:
            partial.append(candidate)
            continue
        same = cores.get(_core(tokens))
        curated = _curated_by_alias(name, day) or _curated_fuzzy(name)
        if curated is None and same is not None:
            _copy_person(candidate, same)
        else:
            _apply_person(candidate, name, curated)
        cores.setdefault(_core(tokens), candidate)
        for width in range(1, len(tokens) + 1):
            suffixes[tokens[-width:]].append(candidate)
        for token in tokens[1:-1]:
            inner[token].append(candidate)
        first[tokens[0]].append(candidate)
    for candidate in partial:
        name = _person_name(doc, candidate)
        key = name_key(name)
        fulls = suffixes.get((key,), [])
        for weaker in (inner, first):
            if not fulls:
                fulls = weaker.get(key, [])
                if len({f.entity_id for f in fulls}) > 1:
                    fulls = []  # ambiguous within the article
        chosen = _nearest(fulls, candidate)
        if chosen is not None:
            _copy_person(candidate, chosen)
            continue
        title = _attached_title(doc, candidate, titles_by_end)
        curated = _curated_by_surname(key, day, normalize_role(title.text) if title else None)
        if curated is not None:
            _apply_person(candidate, name, curated)
        elif title is not None or _looks_like_person(doc, candidate):
            _apply_person(candidate, name, None)
        else:
            candidate.entity_id = ""  # "Debtor", "Louvre", "Sputnik": lone words, no name


_SPEECH_VERBS = frozenset(
    {"said", "says", "say", "told", "added", "adds", "stated", "declared", "noted", "warned",
     "replied", "asked", "urged", "announced", "predicted"}
)  # fmt: skip


def _looks_like_person(doc: Doc, candidate: Candidate) -> bool:
    """A lone unknown name counts when an honorific precedes it or it speaks.

    News introduces a person by full name; a single capitalised word that NER calls a
    PERSON, with no full name in the article and no curated match, is more often a
    mis-tagged thing ("Nominal GDP", "the Tower board") unless its context says person.
    """
    before = doc[candidate.start - 1].lower_ if candidate.start > 0 else ""
    after = doc[candidate.end].lower_ if candidate.end < len(doc) else ""
    return (
        before in HONORIFICS
        or after in _SPEECH_VERBS
        or (
            after in POSSESSIVE
            and candidate.end + 1 < len(doc)
            and doc[candidate.end + 1].lower_ in _SPEECH_VERBS
        )
    )
