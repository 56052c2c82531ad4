"""An article whose processing raises, through a real `parley run` (in-process): it is a
rejected_inputs row, and the rest of its drop is published."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from parley.entities import batch as entity_batch
from parley.mentions import batch as mention_batch
from pipelines.cli import main

SEED = (Path(__file__).parents[2] / "seeds" / "003_14dd02e4b997a6a6.txt").read_text()


def parley_run(drops: Path, warehouse: Path, home: Path) -> int:
    """``parley run`` in this process, its environment changes undone afterwards."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("DAGSTER_HOME", "PARLEY_DROPS_DIR", "PARLEY_WAREHOUSE"):
            patch.delenv(name, raising=False)
        patch.setenv("DAGSTER_HOME", str(home))
        return main(["run", "--drops", str(drops), "--warehouse", str(warehouse)])


def rows(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_an_article_whose_processing_raises_is_a_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop = tmp_path / "drops" / "d1"
    drop.mkdir(parents=True)
    for name in ("a.txt", "b.txt", "c.txt"):
        (drop / name).write_text(SEED.replace("Jaishankar", f"Jaishankar ({name})", 1))
    real_entities = entity_batch.extract_article_entities
    real_events = mention_batch.events_in_sentence

    def entities_failing_on_a(article, doc):  # type: ignore[no-untyped-def]
        if article.source_ref == "a.txt":
            raise KeyError("entity rule bug")
        return real_entities(article, doc)

    def events_failing_on_b(doc, matcher, article, sentence, entities):  # type: ignore[no-untyped-def]
        if article.source_ref == "b.txt":
            raise IndexError("mention rule bug")
        return real_events(doc, matcher, article, sentence, entities)

    monkeypatch.setattr(entity_batch, "extract_article_entities", entities_failing_on_a)
    monkeypatch.setattr(mention_batch, "events_in_sentence", events_failing_on_b)
    warehouse = tmp_path / "parley.duckdb"

    assert parley_run(tmp_path / "drops", warehouse, tmp_path / "home") == 0

    assert rows(warehouse, "SELECT source_ref FROM articles") == [("c.txt",)]
    rejected = rows(
        warehouse, "SELECT source_ref, reason, detail FROM rejected_inputs ORDER BY source_ref"
    )
    assert [(ref, reason) for ref, reason, _ in rejected] == [
        ("a.txt", "processing_error"),
        ("b.txt", "processing_error"),
    ]
    assert rejected[0][2].startswith("entities: KeyError: 'entity rule bug' (")
    assert rejected[1][2].startswith("mentions: IndexError: mention rule bug (")
    # Nothing extracted from a failed article is published.
    ids = {a for (a,) in rows(warehouse, "SELECT DISTINCT article_id FROM entity_mentions")}
    ids |= {a for (a,) in rows(warehouse, "SELECT DISTINCT article_id FROM event_mentions")}
    assert len(ids) == 1
    assert rows(warehouse, "SELECT count(*) FROM meetings")[0][0] > 0
