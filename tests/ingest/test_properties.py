"""Property-based tests: the parsers never crash and never lose an input."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.ingest.parse import InputRejected, ingest_drop, parse_jsonl_record, parse_seed_text

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
# Body text without markup or line structure that the parser treats specially.
plain_words = st.text(
    alphabet=st.characters(categories=["L", "N"], include_characters=" .,'-"),
    min_size=1,
    max_size=200,
).filter(lambda s: s.strip() and not s.strip().lower().startswith(("based on", "source")))


@given(st.text(max_size=500))
def test_seed_parser_only_ever_rejects(text: str) -> None:
    try:
        article = parse_seed_text(text, "x.txt", "d")
    except InputRejected as rejection:
        assert rejection.reason in {"missing_date", "bad_date", "future_date", "empty_body"}
    else:
        assert article.body == article.body.strip()
        assert article.body


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today()),
    plain_words,
    st.sampled_from([" ", "\n\n\n  "]),
)
def test_seed_round_trip(day: dt.date, body: str, gap: str) -> None:
    article = parse_seed_text(f"  date {day.isoformat()}{gap}{body}\n", "x.txt", "d")
    assert article.published_date == day
    assert article.body == body.strip()


@given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_jsonl_parser_only_ever_rejects(line: bytes) -> None:
    try:
        parse_jsonl_record(line, "d")
    except InputRejected as rejection:
        assert rejection.reason


@given(
    st.dictionaries(
        st.sampled_from(["id", "date", "body", "title", "dateline", "source", "url"]),
        json_values,
    )
)
def test_jsonl_record_of_any_shape(record: dict[str, object]) -> None:
    try:
        article = parse_jsonl_record(json.dumps(record).encode(), "d")
    except InputRejected:
        return
    assert article.source_ref.strip()
    assert article.body.strip()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.binary(max_size=200), min_size=1, max_size=5))
def test_every_file_of_a_drop_is_an_article_or_a_rejection(contents: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        drop = Path(folder)
        names = [f"f{i}.txt" for i in range(len(contents))]
        for name, content in zip(names, contents, strict=True):
            (drop / name).write_bytes(content)
        result = ingest_drop(drop, "d")
        accounted = [a.source_ref for a in result.articles] + [
            r.source_ref for r in result.rejected
        ]
        assert sorted(accounted) == names
