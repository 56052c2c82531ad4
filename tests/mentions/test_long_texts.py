"""Long and hostile texts in the mention stage: bounded sentences, linear splitting, and an
article whose processing raises set aside while the others go on."""

from __future__ import annotations

import dataclasses
import itertools
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.entities import extract_entities
from parley.ingest.parse import parse_seed_text
from parley.mentions import batch as mention_batch
from parley.mentions import extract_event_mentions, extract_mention_batch
from parley.mentions.batch import ArticleProcessingError
from parley.mentions.text import (
    _ABBREVIATION_RE,
    _SENTENCE_END_RE,
    MAX_SENTENCE_CHARS,
    SentenceSpan,
    paragraph_spans,
    sentence_spans,
)
from parley.records import Article
from parley.settings import DEMO_DROP


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    """The two seed articles as the ingest stage reads them."""
    paths = sorted(DEMO_DROP.glob("*.txt"))
    return [parse_seed_text(p.read_text(), p.name, "seeds") for p in paths]


def sentence_spans_from_the_sentence_start(body: str) -> list[SentenceSpan]:
    """The splitter as it was, checking abbreviations from the sentence start (no length cap)."""
    sentences = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(body)):
        start = p_start
        for match in _SENTENCE_END_RE.finditer(body, p_start, p_end):
            if _ABBREVIATION_RE.search(body[start : match.start() + 1]):
                continue
            sentences.append(SentenceSpan(*_strip(body, start, match.end()), index))
            start = match.end()
        if body[start:p_end].strip():
            sentences.append(SentenceSpan(*_strip(body, start, p_end), index))
    return sentences


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    match = re.search(r"\S(.*\S)?", body[start:end], re.DOTALL)
    assert match is not None
    return start + match.start(), start + match.end()


texts = st.lists(
    st.sampled_from(["Mr.", "U.S.", "A.", "B.C.", "Jan.", "met", "Baker", "he", ".", "!", '"']),
    max_size=60,
).map(" ".join)


@given(texts, st.sampled_from([" ", "\n", "\n\n"]))
def test_splitting_is_the_same_as_from_the_sentence_start(text: str, gap: str) -> None:
    body = text.replace(" . ", f".{gap}")
    assert sentence_spans(body) == sentence_spans_from_the_sentence_start(body)


def test_a_body_of_abbreviations_splits_in_linear_time() -> None:
    body = "Mr. Smith " * 200_000  # 2 MB, one "sentence" for the splitter
    started = time.monotonic()
    sentences = sentence_spans(body)
    assert time.monotonic() - started < 10
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    # The pieces cover the text, end to end, cut at spaces.
    assert sentences[0].start == 0 and sentences[-1].end == len(body.rstrip())
    for before, after in itertools.pairwise(sentences):
        assert body[before.end : after.start].isspace()


def test_a_sentence_without_spaces_is_cut_hard() -> None:
    body = "x" * (2 * MAX_SENTENCE_CHARS + 5)
    assert [(s.start, s.end) for s in sentence_spans(body)] == [
        (0, MAX_SENTENCE_CHARS),
        (MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_CHARS),
        (2 * MAX_SENTENCE_CHARS, len(body)),
    ]


def test_an_article_whose_rules_raise_is_a_failure(
    seeds: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    entities = list(extract_entities(seeds).by_article.values())
    real = mention_batch.events_in_sentence
    failing_id = seeds[0].article_id

    def events(doc, matcher, article, sentence, references):  # type: ignore[no-untyped-def]
        if article.article_id == failing_id:
            raise RuntimeError("frame bug")
        return real(doc, matcher, article, sentence, references)

    monkeypatch.setattr(mention_batch, "events_in_sentence", events)
    batch = extract_mention_batch(entities)
    assert {e.article_id for e in batch.events} == {seeds[1].article_id}
    assert {p.mention_id for p in batch.participants} == {e.mention_id for e in batch.events}
    (failure,) = batch.failures
    assert failure.article_id == failing_id
    assert failure.detail.startswith("mentions: RuntimeError: frame bug (test_long_texts.py:")
    with pytest.raises(ArticleProcessingError, match="1 article"):
        extract_event_mentions(entities)


def test_a_long_article_reads_each_part_as_alone(seeds: list[Article]) -> None:
    seed = seeds[1]
    body = "\n\n".join([seed.body] * 12)  # 28,000 characters: two sections
    assert len(body) > mention_batch.SECTION_CHARS
    articles = [
        dataclasses.replace(seed, article_id="alone"),
        dataclasses.replace(seed, article_id="long", body=body),
    ]
    batch = extract_mention_batch(list(extract_entities(articles).by_article.values()))
    assert batch.failures == []
    width = len(seed.body) + 2

    def read(article_id: str) -> set[tuple[object, ...]]:
        return {
            (e.kind, e.event_date, e.start_char % width, e.sentence)
            for e in batch.events
            if e.article_id == article_id
        }

    assert read("long") == read("alone") != set()
    assert sum(e.article_id == "long" for e in batch.events) == 12 * len(read("alone"))
