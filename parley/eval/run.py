"""Run the pipeline over labelled sets and score what it published.

``run_eval(sets, run_pipeline)`` copies the labelled articles into a fresh drops root, lets
``run_pipeline`` (e.g. the ``parley run`` machinery, through Dagster) publish a warehouse,
and scores it and the one-a-day baseline on its mentions, set by set.
``score_mentions_one_meeting_each`` scores the extractor alone, without Dagster or dedup
(each mention its own meeting), for fast iteration on extraction rules.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb

from parley.entities import extract_entities
from parley.eval.match import PredictedMeeting
from parley.eval.score import (
    EvalReport,
    SetScores,
    baseline_connection,
    score_connection,
    score_predictions,
)
from parley.eval.sets import COMBINED_UNSEEN, LabelledSet, combined
from parley.ingest.parse import ingest_drop
from parley.mentions import extract_event_mentions

EVAL_DROP = "reuters-dev"


def run_eval(
    sets: Sequence[LabelledSet],
    run_pipeline: Callable[[Path, Path], None],
    keep_dir: Path | None = None,
    on_published: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> dict[str, SetScores]:
    """Run a pipeline once over the articles of every set, then score each set.

    ``run_pipeline(drops_root, warehouse_path)`` must build the warehouse; each distinct
    articles file or folder becomes one drop. With two or more unseen sets, their union is
    scored too, as ``parley-unseen``. With ``keep_dir`` the drops root and the warehouse are
    left there for inspection, else in a temporary directory that is removed.
    ``on_published`` is called with a read-only connection to the published warehouse, for
    further scores (the announcements). A ``keep_dir`` that holds anything is refused: the
    pipeline would add the drops to the staged state of the earlier run there, and the
    figures would be those of an incremental history, not of this code over the sets.
    """
    if keep_dir is not None and keep_dir.exists() and any(keep_dir.iterdir()):
        raise FileExistsError(f"{keep_dir} is not empty: keep each evaluation in a new folder")
    with tempfile.TemporaryDirectory(prefix="parley-eval-") as tmp:
        work = keep_dir or Path(tmp)
        drops = work / "drops"
        for index, source in enumerate(dict.fromkeys(s.articles for s in sets)):
            _copy_drop(source, drops / f"{index:02d}-{source.parent.name}")
        warehouse = work / "eval.duckdb"
        run_pipeline(drops, warehouse)
        golds = {s.name: s.load() for s in sets}
        unseen = {s.name: golds[s.name] for s in sets if s.unseen}
        if len(unseen) > 1:
            golds[COMBINED_UNSEEN] = combined(unseen)
        with (
            duckdb.connect(str(warehouse), read_only=True) as published,
            baseline_connection(warehouse) as baseline,
        ):
            if on_published is not None:
                on_published(published)
            return {
                name: SetScores(score_connection(published, gold), score_connection(baseline, gold))
                for name, gold in golds.items()
            }


def _copy_drop(source: Path, drop: Path) -> None:
    """A set's articles as one drop: a drop folder copied whole, a JSONL file copied in."""
    if source.is_dir():
        shutil.copytree(source, drop, dirs_exist_ok=True)
    else:
        drop.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, drop / source.name)


def score_mentions_one_meeting_each(labelled: LabelledSet) -> EvalReport:
    """Ingest, extract entities and mentions, and score with one meeting per mention."""
    folder = labelled.articles if labelled.articles.is_dir() else labelled.articles.parent
    articles = ingest_drop(folder, EVAL_DROP).articles
    batch = extract_entities(articles)
    mentions = extract_event_mentions(list(batch.by_article.values()))
    events, participants = mentions.events, mentions.participants
    names = {}
    for mention in [*batch.mentions, *mentions.described]:
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
    return score_predictions(predicted, labelled.load(), evidence)
