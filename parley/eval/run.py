"""Run the pipeline over a labelled set and score what it published.

``run_eval(gold_dir, run_pipeline)`` copies the labelled articles into a fresh drops root,
lets ``run_pipeline`` (e.g. the ``parley run`` machinery, through Dagster) publish a
warehouse, and scores it and the one-a-day baseline on its mentions.
``score_mentions_one_meeting_each`` scores the extractor alone, without Dagster or dedup
(each mention its own meeting), for fast iteration on extraction rules.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from parley.entities import extract_entities
from parley.eval.gold import load_gold
from parley.eval.match import PredictedMeeting
from parley.eval.score import (
    EvalReport,
    score_one_a_day_baseline,
    score_predictions,
    score_warehouse,
)
from parley.ingest.parse import ingest_drop
from parley.mentions import extract_event_mentions

EVAL_DROP = "reuters-dev"


def run_eval(
    gold_dir: Path,
    run_pipeline: Callable[[Path, Path], None],
    articles_dir: Path | None = None,
    keep_dir: Path | None = None,
) -> tuple[EvalReport, EvalReport]:
    """Run a pipeline over the labelled articles into a fresh warehouse; score it and the
    one-a-day baseline on its mentions.

    ``run_pipeline(drops_root, warehouse_path)`` must build the warehouse; the articles
    (``articles_dir``, default ``gold_dir/drop``) are copied as one drop named
    ``reuters-dev``. With ``keep_dir`` the drops root and the warehouse are left there for
    inspection, else in a temporary directory that is removed.
    """
    source = articles_dir or gold_dir / "drop"
    with tempfile.TemporaryDirectory(prefix="parley-eval-") as tmp:
        work = keep_dir or Path(tmp)
        drops = work / "drops"
        shutil.copytree(source, drops / EVAL_DROP, dirs_exist_ok=True)
        warehouse = work / "eval.duckdb"
        run_pipeline(drops, warehouse)
        return score_warehouse(warehouse, gold_dir), score_one_a_day_baseline(warehouse, gold_dir)


def score_mentions_one_meeting_each(gold_dir: Path, articles_dir: Path | None = None) -> EvalReport:
    """Ingest, extract entities and mentions, and score with one meeting per mention."""
    articles = ingest_drop(articles_dir or gold_dir / "drop", EVAL_DROP).articles
    batch = extract_entities(articles)
    events, participants = extract_event_mentions(list(batch.by_article.values()))
    names = {}
    for mention in batch.mentions:
        names.setdefault(mention.entity_id, (mention.canonical_name, mention.country_iso3))
    source_refs = {a.article_id: a.source_ref for a in articles}
    parties: dict[str, list[tuple[str, str | None]]] = {}
    for p in participants:
        parties.setdefault(p.mention_id, []).append(names.get(p.entity_id, (p.entity_id, None)))
    predicted = [
        PredictedMeeting(
            meeting_id=e.mention_id,
            kind=e.kind,
            date=e.event_date,
            date_precision=e.date_precision,
            participants=tuple(sorted(parties.get(e.mention_id, []))),
            articles=(source_refs[e.article_id],),
        )
        for e in events
    ]
    evidence = {(e.mention_id, source_refs[e.article_id]): e.sentence for e in events}
    return score_predictions(predicted, load_gold(gold_dir), evidence)
