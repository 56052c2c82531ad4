"""Progress: the passes report finished articles, and the lines and bars that show them."""

from __future__ import annotations

import io
import sys

import pytest
from dagster import DagsterInstance, materialize
from rich.console import Console

from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.partitions import drops_partitions
from assets.resources import ParleyPaths
from parley.entities import extract_entities
from parley.mentions import extract_event_mentions
from parley.progress import (
    ArticleTicker,
    NoProgress,
    ProgressLines,
    duration_text,
    finished_text,
    running_text,
    showing,
    shown,
)
from pipelines.progress import TerminalProgress
from tests.entities.test_parallel import sample_articles


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_lines_come_at_most_once_an_interval_and_at_the_end() -> None:
    lines: list[str] = []
    clock = FakeClock()
    progress = ProgressLines(lines.append, interval_s=10.0, clock=clock)
    with progress.stage("drop 'x' entities", 600) as advance:
        for _ in range(600):  # one article every 0.05 s: 30 s in all
            clock.now += 0.05
            advance(1)
    assert lines == [
        "drop 'x' entities: 200/600 articles, 20.0/s, about 20 s left",
        "drop 'x' entities: 400/600 articles, 20.0/s, about 10 s left",
        "drop 'x' entities: 600/600 articles, 20.0/s, about 0.0 s left",
        "drop 'x' entities: 600 articles in 30 s, 20.0/s",
    ]


def test_a_stage_without_a_count_says_when_it_starts_and_ends() -> None:
    lines: list[str] = []
    clock = FakeClock()
    with ProgressLines(lines.append, clock=clock).stage("publish", None):
        clock.now = 3.14
    assert lines == ["publish: started", "publish: done in 3.1 s"]


def test_a_stage_that_raises_says_it_failed() -> None:
    lines: list[str] = []
    clock = FakeClock()
    with pytest.raises(RuntimeError), ProgressLines(lines.append, clock=clock).stage("x", 10):
        clock.now = 2.0
        raise RuntimeError
    assert lines == ["x: failed after 2.0 s"]


def test_texts() -> None:
    assert running_text(0, 600, 0.0) == "0/600 articles"
    assert (
        running_text(1500, 19043, 60.0) == "1,500/19,043 articles, 25.0/s, about 11 min 42 s left"
    )
    assert finished_text(0, 0.0) == "0 articles in 0.0 s"
    assert [duration_text(s) for s in (0.04, 42.4, 200, 3900)] == [
        "0.0 s",
        "42 s",
        "3 min 20 s",
        "1 h 05 min",
    ]


def test_the_ticker_counts_an_article_once_the_loop_is_past_it() -> None:
    calls: list[int] = []
    ticker = ArticleTicker(["a", "b", "c", "d"], calls.append)
    for article_id in ["a", "a", "c", "c"]:  # b has no trigger sentence
        ticker.reached(article_id)
    assert sum(calls) == 2  # a and b are finished, c may have more sentences
    ticker.finish()
    assert calls == [2, 2]
    ArticleTicker(["a"], None).finish()  # no callback: nothing to call


def test_showing_is_the_innermost_block() -> None:
    outer, inner = NoProgress(), ProgressLines(print)
    assert shown() is None
    with showing(outer):
        with showing(inner):
            assert shown() is inner
        assert shown() is outer
    assert shown() is None


def test_the_passes_report_every_article_as_they_go() -> None:
    articles = sample_articles()[:40]
    entity_calls: list[int] = []
    batch = extract_entities(articles, progress=entity_calls.append)
    assert entity_calls == [1] * len(articles)
    mention_calls: list[int] = []
    extract_event_mentions(list(batch.by_article.values()), progress=mention_calls.append)
    assert sum(mention_calls) == len(articles)
    assert len(mention_calls) > 5 and min(mention_calls) > 0


def test_the_display_prints_other_output_above_the_bars() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, color_system=None)
    with TerminalProgress(console) as display:
        with display.stage("drop 'x' entities", 4) as advance:
            advance(2)
            print("a warning from a step", file=sys.stderr)
            advance(2)
        with display.stage("drop '[b]' (2 of 2)", None):  # a drop id is not rich markup
            pass
        with pytest.raises(RuntimeError), display.stage("publish", None):
            raise RuntimeError
    text = out.getvalue()
    assert "\na warning from a step\n" in text.replace("\r", "\n").replace("\x1b[2K", "")
    assert "✓ drop 'x' entities: 4 articles in" in text
    assert "✓ drop '[b]' (2 of 2): done in" in text
    assert "✗ publish: failed after" in text


def test_a_run_without_a_display_logs_its_progress_in_the_run_log(paths: ParleyPaths) -> None:
    # As a run launched from the UI or by a sensor: nothing is shown(), the lines go to the log.
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, ["seeds"])
        result = materialize(
            [staged_articles, staged_entity_mentions, staged_event_mentions],
            instance=instance,
            partition_key="seeds",
            resources={"paths": paths},
        )
        messages = [entry.user_message for entry in instance.all_logs(result.run_id)]
    assert any(m.startswith("drop 'seeds' entities: 2 articles in") for m in messages)
    assert any(m.startswith("drop 'seeds' event mentions: 2 articles in") for m in messages)
