"""People named right after their title, where the NER missed them or cut them in two.

The small model often misses a name that follows a title ("NATO Secretary General Jens
Stoltenberg", "His Majesty King Abdullah II of Jordan") or cuts one at an initial ("President
Joseph R. | Biden"). A title span of the title ruler (or an honorific: "Mr.", "Sheikh")
followed by a run of capitalised name words is a person: the run is added as a PERSON
candidate, or replaces the PERSON pieces it covers. A run that touches another entity (an
organisation, a place) is left to the model, and so is a run that is a country or a month
("President Monday" is no name); but a body or place the model found inside a name of two
or more words after a title is that name ("President Alejandro Giammattei", tagged ORG).

Name words: capitalised words, initials ("R."), particles inside a name ("bin", "de", "von",
"Al-"), and suffixes after it ("Jr.", "II"). Adjacent PERSON spans with nothing between them
are one name as well.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from parley.entities.candidates import HONORIFICS, Candidate
from parley.lexicon.countries import country_by_demonym, country_by_name, place_country
from parley.lexicon.titles import TITLE_WORDS

NAME_PARTICLES = frozenset(
    {"bin", "bint", "ibn", "abu", "al", "el", "ben", "de", "da", "del", "della", "di", "do",
     "dos", "du", "van", "von", "der", "den", "le", "la", "y"}
)  # fmt: skip
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
# Honorifics that only ever stand before a person's name.
_NAME_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "sheikh", "sheik", "sheikha"})
_INITIAL = re.compile(r"[A-Z]\.(?:[A-Z]\.)*")
_CALENDAR_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "today", "yesterday"}
)  # fmt: skip


def titled_people(
    doc: Doc, titles: Iterable[Span], candidates: list[Candidate], day: dt.date
) -> list[Candidate]:
    """The candidates with every name after a title made one PERSON candidate."""
    result = list(candidates)
    # An honorific names a person as a title does ("held meetings with Sheikh Tahnoon").
    honorifics = [doc[i : i + 1] for i, t in enumerate(doc) if t.lower_ in _NAME_HONORIFICS]
    for title in [*titles, *honorifics]:
        # An honorific between title and name is neither ("Advisor Sheikh Tahnoon bin Zayed").
        name_start = title.end
        while name_start < len(doc) and doc[name_start].lower_ in HONORIFICS:
            name_start += 1
        end = _name_end(doc, name_start, day)
        if end == name_start:
            continue
        touching = [c for c in result if c.start < end and c.end > name_start]
        # The model read it as a body or a place: keep its reading, unless that entity lies
        # inside a name of two or more words ("President Alejandro Giammattei" tagged ORG).
        inside = all(c.start >= name_start and c.end <= end for c in touching)
        others = [c for c in touching if c.label != "PERSON"]
        if others and not (
            inside and (end - name_start > 1 or all(_unknown_place(doc, c) for c in others))
        ):
            continue
        start = min([name_start, *(c.start for c in touching)])
        stop = max([end, *(c.end for c in touching)])
        result = [c for c in result if c not in touching]
        result.append(Candidate(start, stop, "PERSON"))
    return _joined_people(sorted(result, key=lambda c: (c.start, c.end)))


def _unknown_place(doc: Doc, candidate: Candidate) -> bool:
    """A lone word after a title the model took for a place that no gazetteer knows
    ("Chancellor Scholz of Germany" tagged GPE): a surname."""
    return (
        candidate.label in {"GPE", "LOC"}
        and place_country(doc[candidate.start : candidate.end].text) is None
    )


def _name_end(doc: Doc, start: int, day: dt.date) -> int:
    """The end of the run of name words starting at token ``start`` (``start``: none)."""
    end = start
    # A surname may begin with its particles ("President von der Leyen"), when a name word
    # follows them.
    while end < len(doc) and doc[end].lower_ in NAME_PARTICLES:
        end += 1
    if end > start and (end == len(doc) or not _name_word(doc[end], day)):
        return start
    while end < len(doc) and (_name_word(doc[end], day) or _inside_name(doc, start, end, day)):
        end += 1
    return end


def _inside_name(doc: Doc, start: int, index: int, day: dt.date) -> bool:
    """A suffix after a name ("Jr.", "II"), or a particle or hyphen between name words."""
    if index == start:
        return False
    token = doc[index]
    if token.lower_ in NAME_SUFFIXES:
        return True
    joins = token.lower_ in NAME_PARTICLES or token.text == "-"
    return joins and index + 1 < len(doc) and _name_word(doc[index + 1], day)


def _name_word(token: Token, day: dt.date) -> bool:
    """A capitalised word that can be part of a person's name."""
    text = token.text
    if _INITIAL.fullmatch(text):
        return True
    if not (token.is_alpha and (token.is_title or (token.is_upper and len(text) > 1))):
        return False
    lower = token.lower_
    if lower in TITLE_WORDS or lower in _CALENDAR_WORDS:
        return False
    return not (country_by_name(text, day) or country_by_demonym(text, day))


def _joined_people(candidates: list[Candidate]) -> list[Candidate]:
    """Adjacent PERSON candidates (no token between them) merged into one."""
    joined: list[Candidate] = []
    for candidate in candidates:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label == candidate.label == "PERSON"
            and previous.end == candidate.start
        ):
            joined[-1] = Candidate(previous.start, candidate.end, "PERSON")
        else:
            joined.append(candidate)
    return joined
