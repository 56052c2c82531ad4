"""Mentions: a drop's articles and entities -> the meetings each article states or announces."""

import datetime as dt

from dagster import AssetExecutionContext, AssetKey, BackfillPolicy, MaterializeResult, asset

from assets.entities import STAGED_ENTITY_MENTIONS
from assets.ingest import STAGED_ARTICLES
from assets.partitions import drops_partitions
from assets.progress import drop_stage
from assets.resources import ParleyPaths
from parley.mentions import extract_mention_batch
from parley.parallel import nlp_processes
from parley.records import group_entities
from warehouse import staging

STAGED_EVENT_MENTIONS = AssetKey(["staging", "event_mentions"])


@asset(
    key=STAGED_EVENT_MENTIONS,
    deps=[STAGED_ARTICLES, STAGED_ENTITY_MENTIONS],
    partitions_def=drops_partitions,
    backfill_policy=BackfillPolicy.single_run(),
    group_name="per_drop",
    kinds={"spacy", "parquet"},
)
def staged_event_mentions(context: AssetExecutionContext, paths: ParleyPaths) -> MaterializeResult:
    """Extract the meetings, calls and visits a drop's articles report or announce.

    Articles that failed in the entity stage are skipped; an article whose processing raises
    here is staged as a failure (published as a rejected input); the rest of the drop goes on.
    """
    now = dt.datetime.now(dt.UTC)
    n_mentions = n_participants = n_announcements = n_failed = 0
    for drop_id in context.partition_keys:
        read = paths.staging.read
        failed = {f.article_id for f in read(drop_id, staging.ENTITY_FAILURES)}
        articles = group_entities(
            [a for a in read(drop_id, staging.ARTICLES) if a.article_id not in failed],
            read(drop_id, staging.ENTITY_MENTIONS),
            read(drop_id, staging.ROLE_OBSERVATIONS),
        )
        with drop_stage(context, drop_id, "event mentions", len(articles)) as progress:
            batch = extract_mention_batch(
                articles, n_process=nlp_processes(len(articles)), progress=progress
            )
        paths.staging.write(drop_id, staging.EVENT_MENTIONS, batch.events)
        paths.staging.write(drop_id, staging.EVENT_PARTICIPANTS, batch.participants)
        paths.staging.write(drop_id, staging.PARTY_MENTIONS, batch.described)
        paths.staging.write(drop_id, staging.ANNOUNCEMENTS, batch.announcements)
        paths.staging.write(
            drop_id, staging.ANNOUNCEMENT_PARTICIPANTS, batch.announcement_participants
        )
        paths.staging.write(drop_id, staging.MENTION_FAILURES, batch.failures, stamp=now)
        for failure in batch.failures:
            context.log.warning(f"drop {drop_id!r}: {failure.source_ref}: {failure.detail}")
        n_mentions += len(batch.events)
        n_participants += len(batch.participants)
        n_announcements += len(batch.announcements)
        n_failed += len(batch.failures)
    return MaterializeResult(
        metadata={
            "dagster/row_count": n_mentions,
            "participants": n_participants,
            "announcements": n_announcements,
            "failed_articles": n_failed,
        }
    )
