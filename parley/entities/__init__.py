"""Entities, roles and countries: spaCy NER turned into canonical entities.

See ``parley.entities.extract`` for the API (``extract_entities``,
``extract_article_entities``, ``resolve_reference``) and ``parley.entities.nlp`` for the
cached pipelines (``get_entity_nlp``, ``get_parse_nlp``).
"""

from parley.entities.extract import (
    ArticleEntities,
    EntityBatch,
    RoleSpan,
    extract_article_entities,
    extract_entities,
    normalize_for_nlp,
    resolve_reference,
)
from parley.entities.nlp import get_entity_nlp, get_parse_nlp
from parley.entities.people import curated_aliases

__all__ = [
    "ArticleEntities",
    "EntityBatch",
    "RoleSpan",
    "curated_aliases",
    "extract_article_entities",
    "extract_entities",
    "get_entity_nlp",
    "get_parse_nlp",
    "normalize_for_nlp",
    "resolve_reference",
]
