"""Entities: staged articles of a drop -> canonical entity mentions and role observations."""

import datetime as dt

from dagster import AssetExecutionContext, AssetKey, BackfillPolicy, MaterializeResult, asset

from assets.ingest import STAGED_ARTICLES
from assets.partitions import drops_partitions
from assets.progress import drop_stage
from assets.resources import ParleyPaths
from parley.entities import extract_entities
from parley.parallel import nlp_processes
from warehouse import staging

STAGED_ENTITY_MENTIONS = AssetKey(["staging", "entity_mentions"])


@asset(
    key=STAGED_ENTITY_MENTIONS,
    deps=[STAGED_ARTICLES],
    partitions_def=drops_partitions,
    backfill_policy=BackfillPolicy.single_run(),
    group_name="per_drop",
    kinds={"spacy", "parquet"},
)
def staged_entity_mentions(context: AssetExecutionContext, paths: ParleyPaths) -> MaterializeResult:
    """Find people, countries and organisations in a drop's articles, and the titles held.

    An article whose processing raises is staged as a failure (published as a rejected
    input); the rest of the drop goes on.
    """
    now = dt.datetime.now(dt.UTC)
    n_mentions = n_roles = n_failed = 0
    for drop_id in context.partition_keys:
        articles = paths.staging.read(drop_id, staging.ARTICLES)
        with drop_stage(context, drop_id, "entities", len(articles)) as progress:
            batch = extract_entities(
                articles, n_process=nlp_processes(len(articles)), progress=progress
            )
        paths.staging.write(drop_id, staging.ENTITY_MENTIONS, batch.mentions)
        paths.staging.write(drop_id, staging.ROLE_OBSERVATIONS, batch.roles)
        paths.staging.write(drop_id, staging.ENTITY_FAILURES, batch.failures, stamp=now)
        for failure in batch.failures:
            context.log.warning(f"drop {drop_id!r}: {failure.source_ref}: {failure.detail}")
        n_mentions += len(batch.mentions)
        n_roles += len(batch.roles)
        n_failed += len(batch.failures)
    return MaterializeResult(
        metadata={
            "dagster/row_count": n_mentions,
            "role_observations": n_roles,
            "failed_articles": n_failed,
        }
    )
