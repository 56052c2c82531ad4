"""The benchmark never runs the articles held out for evaluation, wherever it is run from."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bench import run as bench_run


def _shared_layout(root: Path) -> Path:
    corpus = root / "shared" / "corpora" / "wires" / "articles.jsonl.gz"
    corpus.parent.mkdir(parents=True)
    records = [
        {"id": "w-1", "body": "Baker met Miyazawa."},
        {"id": "w-2", "body": "Held out."},
        {"id": "w-3", "body": "Held out."},  # a re-send of the held-out wire
    ]
    with gzip.open(corpus, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
    (root / "shared" / "eval").mkdir()
    (root / "shared" / "eval" / "reserved_ids.txt").write_text("w-2\n")
    return corpus


def test_the_reserved_list_beside_the_corpus_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A checkout without ../shared beside it (a worktree elsewhere) reads the corpus's own.
    monkeypatch.setattr(bench_run, "RESERVED_IDS", tmp_path / "nowhere" / "reserved_ids.txt")
    corpus = _shared_layout(tmp_path)
    assert [r["id"] for r in bench_run.load_corpus(corpus, None)] == ["w-1"]


def test_without_a_reserved_list_every_article_is_used_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench_run, "RESERVED_IDS", tmp_path / "nowhere" / "reserved_ids.txt")
    corpus = _shared_layout(tmp_path)
    (tmp_path / "shared" / "eval" / "reserved_ids.txt").unlink()
    assert len(bench_run.load_corpus(corpus, None)) == 3
    assert "every article" in capsys.readouterr().err
