"""What a rejected input says about an exception raised while processing it.

One input's failure never stops its drop: ingest turns an unexpected exception in a file or
JSONL record into a rejection, and the NLP stages turn one in an article into an
``ArticleFailure``; all are published as ``rejected_inputs`` rows with reason
``processing_error``. (Ingest imports this module, so spaCy is imported for types only.)
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from parley.records import Article, ArticleFailure

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PROCESSING_ERROR = "processing_error"
_MAX_MESSAGE_CHARS = 300


def describe_error(error: BaseException) -> str:
    """``ValueError: message (module.py:12)``: the exception, and the line that raised it.

    Lone surrogates (a file name that is not UTF-8, a JSON string escape) are written as
    ``\\udcff``: the detail is stored as UTF-8.
    """
    message = " ".join(str(error).split()).encode("utf-8", "backslashreplace").decode()
    if len(message) > _MAX_MESSAGE_CHARS:
        message = message[: _MAX_MESSAGE_CHARS - 1] + "…"
    frames = traceback.extract_tb(error.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {message}{where}"


def article_failure(article: Article, stage: str, error: BaseException) -> ArticleFailure:
    """The failure of one article in one stage (``entities``, ``mentions``)."""
    return ArticleFailure(
        article.article_id, article.source_ref, f"{stage}: {describe_error(error)}"
    )


def docs_or_errors(
    nlp: Language, texts: Iterable[str], batch_size: int
) -> Iterator[Doc | Exception]:
    """``nlp.pipe(texts, batch_size=batch_size)``, the same batches, except that a text on
    which spaCy raises yields the exception in place of its Doc: a batch that raises is run
    again one text at a time."""
    stream = iter(texts)
    while batch := list(itertools.islice(stream, batch_size)):
        try:
            docs: list[Doc | Exception] = list(nlp.pipe(batch, batch_size=batch_size))
        except Exception:
            docs = [_doc_or_error(nlp, text) for text in batch]
        yield from docs


def _doc_or_error(nlp: Language, text: str) -> Doc | Exception:
    try:
        return nlp(text)
    except Exception as error:
        return error
