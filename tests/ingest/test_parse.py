"""Parsing drops: the seed .txt format, JSONL, and rejections."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from parley.ingest.drops import fingerprint_drop, list_drops
from parley.ingest.parse import (
    InputRejected,
    article_id_for,
    content_hash,
    ingest_drop,
    parse_jsonl_record,
    parse_seed_text,
    split_attribution,
)
from parley.settings import DEMO_DROP

SAME_LINE_SEED = DEMO_DROP / "000_57db65beee13a947.txt"
PADDED_SEED = DEMO_DROP / "003_14dd02e4b997a6a6.txt"


def test_seed_with_body_on_the_date_line() -> None:
    article = parse_seed_text(SAME_LINE_SEED.read_text(), SAME_LINE_SEED.name, "seeds")
    assert article.published_date == dt.date(2024, 10, 31)
    assert article.body.startswith("National Security Advisor Jake Sullivan and Indian")
    assert article.body.endswith("including in the Indo-Pacific Quad.")
    assert article.outlet is None
    assert article.source_ref == "000_57db65beee13a947.txt"


def test_seed_with_body_after_blank_padding_and_attribution_line() -> None:
    article = parse_seed_text(PADDED_SEED.read_text(), PADDED_SEED.name, "seeds")
    assert article.published_date == dt.date(2025, 7, 2)
    assert article.body.startswith("External Affairs Minister S Jaishankar met US Secretary")
    assert article.outlet == "ANI"
    assert "Based On ANI Report" not in article.body
    assert article.body.endswith("between the two countries.")


@pytest.mark.parametrize(
    ("last_line", "outlet"),
    [
        ("Based On ANI Report", "ANI"),
        ("Based on PTI reports", "PTI"),
        ("Source: Xinhua", "Xinhua"),
        ("(With inputs from IANS)", "IANS"),
    ],
)
def test_attribution_lines(last_line: str, outlet: str) -> None:
    body, found = split_attribution(f"Leaders met on Monday.\n\n{last_line}\n")
    assert (body, found) == ("Leaders met on Monday.", outlet)


def test_a_sentence_is_not_an_attribution_line() -> None:
    text = "Officials said the talks were based on the 1987 accord and would continue next month."
    assert split_attribution(text) == (text, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("no date here\nbody", "missing_date"),
        ("date 2025-02-30 body", "bad_date"),
        ("date 31/10/2024 body", "bad_date"),
        ("date 2999-01-01 body", "future_date"),
        ("date 2025-07-02\n\n\n", "empty_body"),
    ],
)
def test_seed_rejections(text: str, reason: str) -> None:
    with pytest.raises(InputRejected) as caught:
        parse_seed_text(text, "x.txt", "d")
    assert caught.value.reason == reason


def test_article_id_is_stable_and_depends_on_name_and_text() -> None:
    sha = content_hash("body")
    assert article_id_for("a.txt", sha) == article_id_for("a.txt", sha)
    assert article_id_for("a.txt", sha) != article_id_for("b.txt", sha)
    assert article_id_for("a.txt", sha) != article_id_for("a.txt", content_hash("other"))


def _record(**fields: object) -> bytes:
    base: dict[str, object] = {"id": "reuters-1", "date": "1987-04-08", "body": "Baker met."}
    base.update(fields)
    return json.dumps({k: v for k, v in base.items() if v is not None}).encode()


def test_jsonl_record_fields() -> None:
    article = parse_jsonl_record(
        _record(title="G-7 TALKS", dateline="WASHINGTON, April 8", source="Reuters"), "d"
    )
    assert article.source_ref == "reuters-1"
    assert article.published_date == dt.date(1987, 4, 8)
    assert (article.title, article.dateline, article.outlet) == (
        "G-7 TALKS",
        "WASHINGTON, April 8",
        "Reuters",
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"{not json", "bad_json"),
        (b"[1, 2]", "bad_record"),
        (_record(id=None), "missing_id"),
        (_record(id=""), "missing_id"),
        (_record(date=None), "missing_date"),
        (_record(date="April 8"), "bad_date"),
        (_record(date=19870408), "bad_date"),
        (_record(body=None), "missing_body"),
        (_record(body=["a"]), "missing_body"),
        (_record(body="  "), "empty_body"),
        (_record(title=5), "bad_field_type"),
    ],
)
def test_jsonl_record_rejections(line: bytes, reason: str) -> None:
    with pytest.raises(InputRejected) as caught:
        parse_jsonl_record(line, "d")
    assert caught.value.reason == reason


def test_drop_keeps_good_records_and_accounts_for_every_bad_one(tmp_path: Path) -> None:
    drop = tmp_path / "mixed drop"
    drop.mkdir()
    lines = [_record(id="a"), b"{broken", _record(id="b"), _record(id="a", body="again")]
    with gzip.open(drop / "wire.jsonl.gz", "wb") as handle:
        handle.write(b"\n".join(lines) + b"\n")
    (drop / "seed.txt").write_text("date 2024-10-31 Sullivan and Doval held talks.")
    (drop / "notes.pdf").write_bytes(b"%PDF-1.4")
    (drop / "empty.txt").write_text("   \n")
    (drop / "link.txt").symlink_to(tmp_path / "elsewhere.txt")

    result = ingest_drop(drop, "mixed drop")

    assert sorted(a.source_ref for a in result.articles) == ["a", "b", "seed.txt"]
    rejected = {(r.source_ref, r.reason) for r in result.rejected}
    assert rejected == {
        ("wire.jsonl.gz:2", "bad_json"),
        ("wire.jsonl.gz:4", "duplicate_id"),
        ("notes.pdf", "unsupported_kind"),
        ("empty.txt", "empty"),
        ("link.txt", "symlink"),
    }


def test_list_drops_and_fingerprint_changes_with_content(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".partial").mkdir()
    (tmp_path / "loose.txt").write_text("not a drop")
    assert [d.drop_id for d in list_drops(tmp_path)] == ["a", "b"]
    before = fingerprint_drop(tmp_path / "a")
    (tmp_path / "a" / "new.txt").write_text("date 2025-01-01 x")
    assert fingerprint_drop(tmp_path / "a") != before
