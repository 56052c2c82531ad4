"""One article's entities: a processed body -> canonical entity mentions and role observations.

The steps, in order: clean the NER spans, add the names after titles it missed
(``titled``) and the countries it missed (``candidates``);
give places, bodies and countries their ids (``ids``); make surnames that the model took for
places people again and resolve people (``persons``); decide which capitals stand for a
government (``capitals``); read the titles held (``roles``), which also give people not in
the curated file their country.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from parley.datelines import Home
from parley.entities.candidates import (
    Candidate,
    clean_candidates,
    title_prefix_countries,
    uncovered_countries,
)
from parley.entities.capitals import mark_government_capitals
from parley.entities.descriptors import person_countries_from_descriptors
from parley.entities.ids import resolve_non_person
from parley.entities.nlp import TITLES_KEY
from parley.entities.persons import resolve_people, surnames_as_people
from parley.entities.roles import find_roles, person_countries_from_roles
from parley.entities.titled import titled_people
from parley.records import Article, ArticleEntities, EntityMention, RoleObservation

_LINE_WRAP = re.compile(r"(?<=\S)\n(?=\S)")
# No-break, figure, thin, hair and narrow no-break spaces: one character each, as " " is.
_ODD_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f", " "))


def normalize_for_nlp(body: str) -> str:
    """The body with hard line wraps ("James\\nBaker") turned into spaces, same length.

    Wire text wraps lines at ~65 characters, often inside a name, which splits the name
    into two entities and defeats the phrase patterns. Paragraph breaks (a newline next to
    other whitespace) are kept, and character offsets are unchanged. No-break and thin spaces
    become plain ones: the tokenizer makes each a token of its own, which cuts a name in two
    ("Gitanas<no-break space>Nausėda"; two readouts in three have them).
    """
    return _LINE_WRAP.sub(" ", body.translate(_ODD_SPACES))


def extract_article_entities(article: Article, doc: Doc) -> ArticleEntities:
    """Resolve the entities and roles of one article from its processed body.

    ``doc.text`` must be ``normalize_for_nlp(article.body)`` (same length as the body, so
    character offsets agree), run through either pipeline of ``parley.entities.nlp``.
    """
    day = article.published_date
    titles = list(doc.spans[TITLES_KEY]) if TITLES_KEY in doc.spans else []
    candidates = titled_people(doc, titles, clean_candidates(doc, day), day)
    candidates += title_prefix_countries(doc, titles, candidates, day)
    candidates += uncovered_countries(doc, candidates, day)
    candidates.sort(key=lambda c: (c.start, c.end))
    extra: list[Candidate] = []
    for candidate in candidates:
        extra += resolve_non_person(doc, candidate, day)
    candidates = sorted(
        (c for c in candidates + extra if c.entity_type), key=lambda c: (c.start, c.end)
    )
    surnames_as_people(doc, candidates)
    mark_government_capitals(doc, candidates, day)
    resolve_people(doc, [c for c in candidates if c.entity_type == "PERSON"], day, titles)
    role_spans = find_roles(doc, titles, candidates, day, Home.of(article, day))
    person_countries_from_roles(candidates, role_spans)
    person_countries_from_descriptors(doc, candidates)
    mentions = tuple(_mention(article, doc, c) for c in candidates if c.entity_id)
    seen: set[tuple[str, str, str | None]] = set()
    roles: list[RoleObservation] = []
    for span in role_spans:
        key = (span.entity_id, span.role, span.country_iso3)
        if key not in seen:
            seen.add(key)
            roles.append(
                RoleObservation(article.article_id, span.entity_id, span.role, key[2], day)
            )
    return ArticleEntities(article, mentions, tuple(roles))


def _mention(article: Article, doc: Doc, candidate: Candidate) -> EntityMention:
    """The entity mention of a resolved candidate, with its offsets in the body."""
    start = doc[candidate.start].idx
    last = doc[candidate.end - 1]
    return EntityMention(
        article_id=article.article_id,
        entity_id=candidate.entity_id,
        canonical_name=candidate.canonical_name,
        entity_type=candidate.entity_type,
        country_iso3=candidate.country_iso3,
        mention_text=article.body[start : last.idx + len(last)],
        label=candidate.label,
        start_char=start,
        end_char=last.idx + len(last.text),
    )
