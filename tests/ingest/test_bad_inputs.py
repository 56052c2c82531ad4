"""A drop of junk: every bad file or record is a rejection with a reason; the rest goes through."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from parley.ingest.parse import MAX_TEXT_BYTES, ingest_drop

GOOD = "date 2025-07-02 Jaishankar met Rubio in Washington."
# Curly quotes, an en dash, accents and an apostrophe: a file name a newsroom might send.
ODD_NAME = "\u201cquoted\u201d \u2013 \u00fcn\u00efcode 'name'.txt"


def make_bad_drop(root: Path) -> Path:
    """A drop holding one of each kind of bad input, plus good articles with odd names."""
    drop = root / 'drop "quoted" naïve'
    drop.mkdir(parents=True)
    (drop / "empty.txt").write_bytes(b"")
    (drop / "blank.txt").write_text("  \n\t\n")
    (drop / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (drop / "no date.txt").write_text("Jaishankar met Rubio.")
    (drop / "impossible date.txt").write_text("date 2025-13-45 Jaishankar met Rubio.")
    (drop / "latin1.txt").write_bytes("date 2025-07-02 Müller met Wong.".encode("latin-1"))
    (drop / "page.txt").write_text(f"date 2025-07-02 <html><body><p>{GOOD[16:]}</p></body></html>")
    with (drop / "huge.txt").open("wb") as handle:  # sparse: 40 MB on paper, nothing on disk
        handle.truncate(40 * 1024 * 1024)
    (drop / "report.docx").write_bytes(b"PK\x03\x04")
    (drop / "escape.txt").symlink_to(root / "outside.txt")
    (root / "outside.txt").write_text(GOOD)
    (drop / "sub dir").mkdir()
    (drop / "sub dir" / ODD_NAME).write_text(GOOD)
    lines = [
        json.dumps({"id": "ok-1", "date": "1987-04-08", "body": "Baker met Miyazawa."}),
        '{"id": "broken", "date": ',
        json.dumps({"date": "1987-04-08", "body": "No id."}),
        json.dumps({"id": "ok-1", "date": "1987-04-08", "body": "Duplicate id."}),
        json.dumps({"id": "wrong-type", "date": "1987-04-08", "body": 42}),
        json.dumps({"id": 7, "date": "1987-04-08", "body": "Integer ids are accepted."}),
        "x" * (MAX_TEXT_BYTES + 10),
    ]
    (drop / "wire.jsonl").write_text("\n".join(lines) + "\n")
    with gzip.open(drop / "truncated.jsonl.gz", "wb") as handle:
        handle.write(lines[0].replace("ok-1", "gz-1").encode() + b"\n")
    (drop / "truncated.jsonl.gz").write_bytes((drop / "truncated.jsonl.gz").read_bytes()[:-6])
    return drop


@pytest.fixture
def bad_drop(tmp_path: Path) -> Path:
    return make_bad_drop(tmp_path)


def test_each_bad_input_has_its_reason(bad_drop: Path) -> None:
    result = ingest_drop(bad_drop, bad_drop.name)
    reasons = {r.source_ref: r.reason for r in result.rejected}
    assert reasons == {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary",
        "no date.txt": "missing_date",
        "impossible date.txt": "bad_date",
        "huge.txt": "too_large",
        "report.docx": "unsupported_kind",
        "escape.txt": "symlink",
        "wire.jsonl:2": "bad_json",
        "wire.jsonl:3": "missing_id",
        "wire.jsonl:4": "duplicate_id",
        "wire.jsonl:5": "missing_body",
        "wire.jsonl:7": "too_large",
        "truncated.jsonl.gz": "unreadable",
    }
    assert all(r.detail for r in result.rejected)


def test_good_inputs_survive_next_to_bad_ones(bad_drop: Path) -> None:
    articles = {a.source_ref: a for a in ingest_drop(bad_drop, bad_drop.name).articles}
    assert set(articles) == {
        "latin1.txt",
        "page.txt",
        f"sub dir/{ODD_NAME}",
        "ok-1",
        "7",
        # A truncated gzip keeps what was read before the damage; the file is also rejected.
        "gz-1",
    }
    assert articles["latin1.txt"].input_flags.startswith("non_utf8")
    assert articles["page.txt"].body == "Jaishankar met Rubio in Washington."
    assert articles["page.txt"].input_flags == "html_stripped"
