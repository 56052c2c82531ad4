"""Entities, roles and countries: spaCy NER turned into canonical entities (stage 2 of 5).

``extract_entities(articles) -> EntityBatch`` (``batch``) runs the NER-only pipeline with the
parley rulers (``nlp``: curated people, fixed names, office titles) and resolves each
article (``article``): candidates, ids of non-persons, people, capitals standing for
governments, and the titles people hold (``roles``, ``titles``). Reference data (countries,
people, organisations) comes from ``parley.lexicon``. The output per article is a
``parley.records.ArticleEntities``: what the mention stage reads, and all it reads.

Canonical ids: ``person:<slug>``, ``gpe:<ISO3>`` for countries (names, demonyms, and capitals
used for a government: "Washington and Tokyo agreed" but not "in Washington"), other places
``gpe:<slug>``, ``org:<slug>``, ``loc:<slug>``, ``fac:<slug>``, ``event:<slug>``; NORP that is
no country ("Arab", "Republican") stays ``norp:<slug>``.
"""

from parley.entities.article import extract_article_entities, normalize_for_nlp
from parley.entities.batch import EntityBatch, extract_entities
from parley.entities.nlp import get_entity_nlp

__all__ = [
    "EntityBatch",
    "extract_article_entities",
    "extract_entities",
    "get_entity_nlp",
    "normalize_for_nlp",
]
