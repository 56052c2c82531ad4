"""Inputs built to break the ingest: names that are not UTF-8, JSON nested past any stack, text
that makes regexes backtrack. Each is an article or a rejection, quickly."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.ingest import parse
from parley.ingest.drops import drop_folder, escape_name, fingerprint_drop, list_drops
from parley.ingest.html import html_to_text, looks_like_html
from parley.ingest.json_value import MAX_JSON_DEPTH, TooDeep, load_json, nesting_exceeds
from parley.ingest.parse import ingest_drop, parse_jsonl_record, split_attribution
from tests.hostile_drops import InputFile, drop_sets, write_drops
from warehouse import staging

GOOD = "date 2025-07-02 Jaishankar met Rubio in Washington."
RECORD = {"id": "r1", "date": "2025-07-01", "body": "Baker met Miyazawa."}


def undecodable(folder: Path, name: bytes) -> Path:
    """The path of ``name`` (raw bytes) inside ``folder``."""
    return Path(os.fsdecode(os.path.join(bytes(folder), name)))


def test_a_name_that_is_not_utf8_is_ingested_under_its_escaped_name(tmp_path: Path) -> None:
    undecodable(tmp_path, b"bad\xff\xfe.txt").write_text(GOOD)
    undecodable(tmp_path, b"sub\xc3").mkdir()
    undecodable(tmp_path, b"sub\xc3/x\xed\xa0\x80.jsonl").write_text(json.dumps(RECORD))
    undecodable(tmp_path, b"notes.\xff").write_text(GOOD)
    result = ingest_drop(tmp_path, "d")
    assert sorted(a.source_ref for a in result.articles) == ["bad\\xff\\xfe.txt", "r1"]
    (rejected,) = result.rejected
    assert (rejected.source_ref, rejected.reason) == ("notes.\\xff", "unsupported_kind")
    assert rejected.detail == ".\\xff is not .txt or .jsonl"
    before = fingerprint_drop(tmp_path)
    undecodable(tmp_path, b"bad\xff\xfe.txt").write_text(GOOD + " Again.")
    assert fingerprint_drop(tmp_path) != before


def test_a_drop_folder_that_is_not_utf8_is_a_drop_with_an_escaped_id(tmp_path: Path) -> None:
    undecodable(tmp_path, b"drop\xff").mkdir()
    (tmp_path / "plain").mkdir()
    drops = list_drops(tmp_path)
    assert [d.drop_id for d in drops] == ["drop\\xff", "plain"]
    assert drop_folder(tmp_path, "drop\\xff") == undecodable(tmp_path, b"drop\xff")
    assert drop_folder(tmp_path, "plain") == tmp_path / "plain"
    assert drop_folder(tmp_path, "gone") == tmp_path / "gone"
    # A folder really named like the escaped id keeps the id; the other is not a drop.
    (tmp_path / "drop\\xff").mkdir()
    assert [d.path for d in list_drops(tmp_path)] == [tmp_path / "drop\\xff", tmp_path / "plain"]
    assert drop_folder(tmp_path, "drop\\xff") == tmp_path / "drop\\xff"


@given(st.text())
def test_escape_name_keeps_valid_names_and_escapes_only_bad_bytes(name: str) -> None:
    assert escape_name(name) == name
    raw = os.fsencode(name) + b"\xff"
    assert escape_name(os.fsdecode(raw)) == name + "\\xff"


def test_200000_nested_arrays_beside_good_lines(tmp_path: Path) -> None:
    lines = [json.dumps(RECORD), "[" * 200_000 + "]" * 200_000, json.dumps({**RECORD, "id": "r2"})]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n")
    started = time.monotonic()
    result = ingest_drop(tmp_path, "d")
    assert time.monotonic() - started < 5
    assert [a.source_ref for a in result.articles] == ["r1", "r2"]
    assert [(r.source_ref, r.reason) for r in result.rejected] == [("wire.jsonl:2", "too_deep")]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children),
    max_leaves=30,
)


def depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    return 0


@given(json_values, st.integers(0, 8), st.booleans())
def test_nesting_is_measured_exactly(value: object, limit: int, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    assert nesting_exceeds(text, limit) == (depth(value) > limit)


def test_a_line_just_within_the_depth_limit_is_decoded() -> None:
    assert load_json("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH) is not None
    with pytest.raises(TooDeep):
        load_json('{"a": ' * (MAX_JSON_DEPTH + 1) + "1" + "}" * (MAX_JSON_DEPTH + 1))
    # Brackets inside strings, escaped quotes included, are text.
    assert load_json(json.dumps({"body": '\\"[' * 100_000})) is not None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("1" * 5000, "bad_json"),  # more digits than Python converts
        ("[" * 10_000, "too_deep"),  # unterminated as well
        ('{"id": "' + "[" * 10_000, "bad_json"),  # brackets in an unterminated string
        ('{"id": "a", "date": ' + "[" * 50 + "]" * 50 + ', "body": "b"}', "bad_date"),
    ],
)
def test_hostile_lines_are_rejected_with_a_reason(line: str, reason: str) -> None:
    with pytest.raises(parse.InputRejected) as rejected:
        parse_jsonl_record(line.encode(), "d")
    assert rejected.value.reason == reason
    assert len(rejected.value.detail) < 200


def test_an_unpaired_surrogate_escape_is_replaced_and_flagged() -> None:
    line = json.dumps({**RECORD, "id": "a\ud800", "body": "Baker met \udfffMiyazawa."})
    article = parse_jsonl_record(line.encode(), "d")
    assert article.source_ref == "a\ufffd"
    assert article.body == "Baker met \ufffdMiyazawa."
    assert article.input_flags == "unpaired_surrogate"
    article.body.encode("utf-8")


def test_a_folder_that_cannot_be_listed_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = ingest_drop(tmp_path, "d")
    assert [a.source_ref for a in result.articles] == ["ok.txt"]
    assert [(r.source_ref, r.reason) for r in result.rejected] == [("locked", "unreadable")]


def test_an_unexpected_error_rejects_one_file_or_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "boom.txt"):
        (tmp_path / name).write_text(GOOD)
    lines = [json.dumps(RECORD), json.dumps({**RECORD, "id": "boom"})]
    (tmp_path / "w.jsonl").write_text("\n".join(lines))
    real_file, real_record = parse.parse_seed_file, parse.parse_jsonl_record

    def parse_file(path: Path, source_ref: str, drop_id: str) -> parse.Article:
        if source_ref == "boom.txt":
            raise AssertionError("parser bug")
        return real_file(path, source_ref, drop_id)

    def parse_record(raw_line: bytes, drop_id: str) -> parse.Article:
        if b"boom" in raw_line:
            raise AssertionError("parser bug")
        return real_record(raw_line, drop_id)

    monkeypatch.setattr(parse, "parse_seed_file", parse_file)
    monkeypatch.setattr(parse, "parse_jsonl_record", parse_record)
    result = ingest_drop(tmp_path, "d")
    assert sorted(a.source_ref for a in result.articles) == ["a.txt", "r1"]
    rejected = {r.source_ref: (r.reason, r.detail) for r in result.rejected}
    assert set(rejected) == {"boom.txt", "w.jsonl:2"}
    for reason, detail in rejected.values():
        assert reason == "processing_error"
        assert detail.startswith("AssertionError: parser bug (test_hostile_inputs.py:")


@pytest.mark.parametrize(
    "text",
    [
        "<a" * 300_000,  # unclosed tags: the stdlib parser rescans from each one
        "<p>" + "<![CDATA[" * 100_000,
        "<p" * 300_000,
        "<" + " " * 300_000,
        "<p>x</p>" + "</" * 300_000,
    ],
)
def test_markup_that_makes_parsers_backtrack_takes_linear_time(text: str) -> None:
    started = time.monotonic()
    if looks_like_html(text):
        html_to_text(text)
    html_to_text(text)
    assert time.monotonic() - started < 10


def test_a_long_last_line_is_not_searched_for_an_attribution() -> None:
    started = time.monotonic()
    body, outlet = split_attribution("text\nbased on " + " " * 200_000 + "x")
    assert outlet is None and body.endswith("x")
    assert time.monotonic() - started < 5


@settings(max_examples=100, deadline=None)
@given(drops=drop_sets)
def test_random_drops_are_ingested_into_staged_tables(
    tmp_path_factory: pytest.TempPathFactory, drops: dict[bytes, list[InputFile]]
) -> None:
    root = tmp_path_factory.mktemp("drops")
    expected = write_drops(root, drops)
    found = list_drops(root)
    assert {d.drop_id for d in found} == set(expected)
    now = dt.datetime.now(dt.UTC)
    for drop in found:
        result = ingest_drop(drop_folder(root, drop.drop_id), drop.drop_id)
        assert len(result.articles) + len(result.rejected) == expected[drop.drop_id]
        # Every string can be written: no lone surrogate from a name or a JSON escape.
        staging.ARTICLES.to_arrow(result.articles, drop.drop_id, now)
        staging.REJECTED_INPUTS.to_arrow(result.rejected, drop.drop_id, now)
        assert "processing_error" not in {r.reason for r in result.rejected}
