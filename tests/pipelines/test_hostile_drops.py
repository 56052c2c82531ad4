"""Hostile drops through a real `parley run` (in-process): it exits 0, and every input file or
JSONL line is an article or a rejected_inputs row.

The generated drops hold random bytes, names that are not UTF-8, JSON of random shapes and
sizes (nesting far past any limit included) and articles of random lengths. The model's limits
are lowered (pieces of the NER pass, sections of the mention pass, sentence length) so that
short texts, cheap to run, take the same paths as megabyte articles.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings

from parley.entities import batch as entity_batch
from parley.mentions import batch as mention_batch
from parley.mentions import text as mention_text
from pipelines.cli import main
from tests.hostile_drops import InputFile, drop_sets, write_drops

SEED = (Path(__file__).parents[2] / "seeds" / "003_14dd02e4b997a6a6.txt").read_text()
SEED_BODY = SEED.split("\n", 1)[1].strip().removesuffix("Based On ANI Report").strip()
GOOD_LINE = {"id": "good", "date": "2025-07-01", "body": "Jaishankar met Rubio in Washington."}


def parley_run(drops: Path, warehouse: Path, home: Path) -> int:
    """``parley run`` in this process, its environment changes undone afterwards."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("DAGSTER_HOME", "PARLEY_DROPS_DIR", "PARLEY_WAREHOUSE"):
            patch.delenv(name, raising=False)
        patch.setenv("DAGSTER_HOME", str(home))
        return main(["run", "--drops", str(drops), "--warehouse", str(warehouse)])


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The length limits of the NLP passes lowered, so that short texts are long ones."""
    monkeypatch.setattr(entity_batch, "MAX_PIECE_CHARS", 700)
    monkeypatch.setattr(mention_batch, "SECTION_CHARS", 1500)
    monkeypatch.setattr(mention_batch, "SECTION_LOOKBACK", 300)
    monkeypatch.setattr(mention_text, "MAX_SENTENCE_CHARS", 400)


def rows(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def assert_offsets_are_the_bodys(warehouse: Path) -> None:
    """Every published mention's text is the body's text at its offsets."""
    for table, text in (("entity_mentions", "m.mention_text"), ("event_mentions", "NULL")):
        wrong = rows(
            warehouse,
            f"SELECT m.article_id, m.start_char FROM {table} AS m JOIN articles AS a "
            "USING (article_id) WHERE m.start_char < 0 OR m.end_char > length(a.body) "
            f"OR m.start_char >= m.end_char OR substr(a.body, m.start_char + 1, "
            f"m.end_char - m.start_char) <> coalesce({text}, substr(a.body, m.start_char + 1, "
            "m.end_char - m.start_char))",
        )
        assert wrong == [], table


def test_the_three_cases_of_issue_14(tmp_path: Path, small_limits: None) -> None:
    drop = tmp_path / "drops" / "d1"
    drop.mkdir(parents=True)
    (drop / "good.txt").write_text(SEED)
    # 1. A file name that is not UTF-8.
    (Path(os.fsdecode(bytes(drop) + b"/bad\xff\xfe name.txt"))).write_text(SEED)
    # 2. 200,000 nested arrays on a line between good lines.
    lines = [
        json.dumps(GOOD_LINE),
        "[" * 200_000 + "]" * 200_000,
        json.dumps({**GOOD_LINE, "id": "good-2", "body": SEED_BODY}),
    ]
    (drop / "wire.jsonl").write_text("\n".join(lines) + "\n")
    # 3. A long article: 20 times the seed, many pieces and sections at the lowered limits.
    (drop / "long.txt").write_text("date 2025-07-02\n\n" + "\n\n".join([SEED_BODY] * 20))
    warehouse = tmp_path / "parley.duckdb"

    assert parley_run(tmp_path / "drops", warehouse, tmp_path / "home") == 0

    articles = {r for (r,) in rows(warehouse, "SELECT source_ref FROM articles")}
    assert articles == {"good.txt", "bad\\xff\\xfe name.txt", "good", "good-2", "long.txt"}
    rejected = rows(warehouse, "SELECT source_ref, reason FROM rejected_inputs")
    assert rejected == [("wire.jsonl:2", "too_deep")]
    assert_offsets_are_the_bodys(warehouse)
    # Each copy of the seed in the long article is read as the seed alone is.
    per_copy = rows(
        warehouse,
        "SELECT count(*), count(DISTINCT e.start_char) FROM event_mentions AS e "
        "JOIN articles AS a USING (article_id) WHERE a.source_ref = 'long.txt'",
    )
    alone = rows(
        warehouse,
        "SELECT count(*) FROM event_mentions AS e JOIN articles AS a USING (article_id) "
        "WHERE a.source_ref = 'good.txt'",
    )
    assert per_copy[0][0] == 20 * alone[0][0] > 0


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


def test_a_failure_in_one_drop_leaves_the_same_file_of_another_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drops = tmp_path / "drops"
    (drops / "d1").mkdir(parents=True)
    (drops / "d1" / "a.txt").write_text(SEED)
    warehouse, home = tmp_path / "parley.duckdb", tmp_path / "home"
    real_entities = entity_batch.extract_article_entities

    def entities_failing(article, doc):  # type: ignore[no-untyped-def]
        raise KeyError("entity rule bug")

    with monkeypatch.context() as patch:
        patch.setattr(entity_batch, "extract_article_entities", entities_failing)
        assert parley_run(drops, warehouse, home) == 0
    assert entity_batch.extract_article_entities is real_entities
    # The bug is fixed; a later drop brings the same file (the same article id).
    (drops / "d2").mkdir()
    (drops / "d2" / "a.txt").write_text(SEED)

    assert parley_run(drops, warehouse, home) == 0

    assert rows(warehouse, "SELECT drop_id, source_ref FROM articles") == [("d2", "a.txt")]
    assert rows(warehouse, "SELECT drop_id, reason FROM rejected_inputs") == [
        ("d1", "processing_error")
    ]
    assert rows(warehouse, "SELECT count(*) FROM meetings")[0][0] > 0


def accounted(warehouse: Path) -> Iterator[tuple[str, int]]:
    yield from rows(
        warehouse,
        "SELECT drop_id, count(*) FROM (SELECT drop_id FROM articles UNION ALL "
        "SELECT drop_id FROM rejected_inputs) GROUP BY drop_id",
    )


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drops=drop_sets)
def test_random_drops_through_parley_run(
    tmp_path_factory: pytest.TempPathFactory,
    small_limits: None,
    drops: dict[bytes, list[InputFile]],
) -> None:
    base = tmp_path_factory.mktemp("run")
    root = base / "drops"
    root.mkdir()
    expected = write_drops(root, drops)
    warehouse = base / "parley.duckdb"

    assert parley_run(root, warehouse, base / "home") == 0

    assert dict(accounted(warehouse)) == {k: v for k, v in expected.items() if v}
    assert rows(warehouse, "SELECT * FROM rejected_inputs WHERE reason = 'processing_error'") == []
    assert_offsets_are_the_bodys(warehouse)
