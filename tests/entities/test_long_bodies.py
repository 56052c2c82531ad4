"""Bodies past spaCy's limit run in pieces joined into one Doc; a failing article is set aside."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc

from parley.entities import batch as entity_batch
from parley.entities import extract_entities, get_entity_nlp, normalize_for_nlp
from parley.entities.batch import MAX_PIECE_CHARS, body_pieces
from parley.failures import docs_or_errors
from parley.records import Article
from tests.entities.conftest import make_article

DAY = dt.date(2025, 7, 2)


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(4, 50))
@example("a.  a", 4)  # a ". " that starts just before the second half
def test_pieces_join_into_the_text_and_end_at_the_best_break(text: str, limit: int) -> None:
    pieces = body_pieces(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces) or text == ""
    for piece in pieces[:-1]:
        reach = piece[limit // 2 :]
        if "\n" in reach:
            assert piece.endswith("\n")
        elif ". " in piece[limit // 2 - 1 :]:
            assert piece.endswith(". ")


def test_a_long_body_gives_the_entities_of_its_parts(seed_articles: list[Article]) -> None:
    seed = seed_articles[1]
    copies = 60  # ~140,000 characters, 14 pieces or more
    body = "\n\n".join([seed.body] * copies)
    assert len(body) > 10 * MAX_PIECE_CHARS
    long = make_article(body, seed.published_date, "long")
    alone = extract_entities([make_article(seed.body, seed.published_date, "alone")])
    batch = extract_entities([long])
    assert batch.failures == []
    for mention in batch.mentions:
        assert body[mention.start_char : mention.end_char] == mention.mention_text
    width = len(seed.body) + 2
    first = {(m.entity_id, m.start_char) for m in batch.mentions if m.end_char <= len(seed.body)}
    last = {
        (m.entity_id, m.start_char - (copies - 1) * width)
        for m in batch.mentions
        if m.start_char >= (copies - 1) * width
    }
    assert first == last == {(m.entity_id, m.start_char) for m in alone.mentions}
    assert {r.role for r in batch.roles} == {r.role for r in alone.roles}


def test_a_body_over_spacys_limit_goes_in_pieces_under_it() -> None:
    body = "The minister met his counterpart.\n\n" * 30_000
    assert len(body) > get_entity_nlp().max_length
    pieces = body_pieces(normalize_for_nlp(body), MAX_PIECE_CHARS)
    assert max(map(len, pieces)) <= MAX_PIECE_CHARS < get_entity_nlp().max_length
    assert all(p.endswith("\n") for p in pieces[:-1])


class FlakyNlp:
    """A stand-in for spaCy that raises on any text holding "boom"."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, text: str) -> str:
        if "boom" in text:
            raise ValueError(f"cannot read {text}")
        return text.upper()

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[str]:
        batch = list(texts)
        self.batches.append(batch)
        return iter([self(text) for text in batch])


def test_a_text_that_raises_fails_alone() -> None:
    nlp = FlakyNlp()
    results = list(docs_or_errors(nlp, ["a", "b", "boom", "c", "d"], batch_size=2))  # type: ignore[arg-type]
    assert results[:2] == ["A", "B"] and results[3:] == ["C", "D"]
    assert isinstance(results[2], ValueError)
    assert nlp.batches == [["a", "b"], ["boom", "c"], ["d"]]


def test_an_article_whose_rules_raise_is_a_failure(
    seed_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = entity_batch.extract_article_entities

    def failing(article: Article, doc: Doc) -> object:
        if article.article_id == seed_articles[0].article_id:
            raise ZeroDivisionError("rule bug")
        return real(article, doc)

    monkeypatch.setattr(entity_batch, "extract_article_entities", failing)
    batch = extract_entities(seed_articles)
    assert list(batch.by_article) == [seed_articles[1].article_id]
    assert {m.article_id for m in batch.mentions} == {seed_articles[1].article_id}
    (failure,) = batch.failures
    assert failure.article_id == seed_articles[0].article_id
    assert failure.source_ref == seed_articles[0].source_ref
    assert failure.detail.startswith("entities: ZeroDivisionError: rule bug (test_long_bodies")
