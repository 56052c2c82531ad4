"""The entity stage's spaCy pipeline, built once per process: the NER with two rulers.

The model's ``ner`` has its own ``tok2vec``, so the other components are left out. Two
rulers go before it:

- ``parley_entity_ruler`` (an ``entity_ruler``): curated people ("Kiichi Miyazawa",
  "Jaishankar") as PERSON, "Quad" as ORG, and sea/state names that contain a country name
  ("Indian Ocean", "New Mexico"), so the statistical NER cannot mislabel them.
- ``parley_title_ruler`` (a ``span_ruler`` that skips docs without a title's head word):
  office titles into ``doc.spans["titles"]``. It also sets them as TITLE entities while
  ``ner`` runs, which stops the model from swallowing a title into an ORG span ("Indian
  National Security Advisor Ajit Doval") or tagging "State" in "Secretary of State";
  ``parley_title_unmark`` then removes the TITLE entities again, so ``doc.ents`` only holds
  real entities and the titles live in ``doc.spans["titles"]``.

Every rule matches on ORTH/LOWER, so no tagger is needed.
"""

from __future__ import annotations

import functools
from typing import cast

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc

from parley.lexicon.organisations import group_surface_forms
from parley.lexicon.people import ruler_names
from parley.lexicon.titles import ABBREVIATIONS, HEAD_WORDS, title_patterns
from parley.names import slugify
from parley.nlp_model import load_model

TITLES_KEY = "titles"
TITLE_LABEL = "TITLE"
# Components the entity pass does not need (the ner component has its own tok2vec).
NER_ONLY_EXCLUDE = ("tok2vec", "tagger", "parser", "lemmatizer", "attribute_ruler")

# Fixed names the small model gets wrong or that contain a country name without meaning it.
_FIXED_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("Indian Ocean", "LOC", "loc:indian-ocean"),
    ("Indo-Pacific", "LOC", "loc:indo-pacific"),
    ("South China Sea", "LOC", "loc:south-china-sea"),
    ("East China Sea", "LOC", "loc:east-china-sea"),
    ("Arabian Sea", "LOC", "loc:arabian-sea"),
    ("Persian Gulf", "LOC", "loc:persian-gulf"),
    ("Gulf of Mexico", "LOC", "loc:gulf-of-mexico"),
    ("New Mexico", "GPE", "gpe:new-mexico"),
    ("Uruguay Round", "EVENT", "event:uruguay-round"),
    ("Uruguay round", "EVENT", "event:uruguay-round"),
)


@Language.component("parley_title_unmark")
def title_unmark(doc: Doc) -> Doc:
    """Drop the temporary TITLE entities; the titles stay in ``doc.spans["titles"]``."""
    doc.ents = [e for e in doc.ents if e.label_ != TITLE_LABEL]
    return doc


def add_rulers(nlp: Language) -> Language:
    """Add the entity ruler, the title ruler and the title unmarker around ``ner``."""
    entity_ruler = nlp.add_pipe(
        "entity_ruler", name="parley_entity_ruler", before="ner", config={"overwrite_ents": True}
    )
    patterns: list[dict[str, object]] = [
        {"label": "PERSON", "pattern": alias, "id": entity_id} for alias, entity_id in ruler_names()
    ]
    patterns += [
        {"label": label, "pattern": text, "id": entity_id}
        for text, label, entity_id in _FIXED_PATTERNS
    ]
    patterns += [
        {"label": "ORG", "pattern": text, "id": f"org:{slugify(name)}"}
        for text, name in group_surface_forms()
    ]
    entity_ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    nlp.add_pipe("parley_title_ruler", before="ner")
    nlp.add_pipe("parley_title_unmark", after="ner")
    return nlp


class TitleRuler:
    """The span ruler of office titles, whose Matcher only runs on docs that hold a head word.

    The Matcher tries every title pattern at every token: it is most of the ruler's cost,
    and three Reuters bodies in four hold no head word at all ("minister", "chairman",
    ...). Every title pattern holds the last word of its head (LOWER) or an abbreviation
    (ORTH), so a doc without any cannot match, and it gets what the ruler gives when nothing
    matches (``set_annotations`` with no spans): the output is the same.
    """

    def __init__(self, ruler: SpanRuler) -> None:
        self.ruler = ruler
        strings = ruler.nlp.vocab.strings
        self._lower = frozenset(strings.add(word) for word in HEAD_WORDS)
        self._orth = frozenset(strings.add(word) for word in ABBREVIATIONS)

    def __call__(self, doc: Doc) -> Doc:
        """Find the titles of ``doc`` (``doc.spans["titles"]``, temporary TITLE entities)."""
        if self._lower.isdisjoint(doc.to_array(LOWER).tolist()) and self._orth.isdisjoint(
            doc.to_array(ORTH).tolist()
        ):
            self.ruler.set_annotations(doc, [])
            return doc
        return self.ruler(doc)


@Language.factory("parley_title_ruler")
def make_title_ruler(nlp: Language, name: str) -> TitleRuler:
    """A ``span_ruler`` with the title patterns, behind the head-word check."""
    config = {
        "spans_key": TITLES_KEY,
        "annotate_ents": True,
        "overwrite": False,
        "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
    }
    ruler = cast(SpanRuler, nlp.create_pipe("span_ruler", name=name, config=config))
    ruler.add_patterns(title_patterns(TITLE_LABEL))  # type: ignore[arg-type]
    return TitleRuler(ruler)


@functools.cache
def get_entity_nlp() -> Language:
    """NER-only pipeline with the parley rulers (fast entity pass), cached per process."""
    return add_rulers(load_model(exclude=NER_ONLY_EXCLUDE))
