"""Mentions: a drop's articles and entities -> meetings, calls and visits each article states."""

from dagster import AssetExecutionContext, AssetKey, BackfillPolicy, MaterializeResult, asset

from assets.entities import STAGED_ENTITY_MENTIONS
from assets.ingest import STAGED_ARTICLES
from assets.partitions import drops_partitions
from assets.progress import drop_stage
from assets.resources import ParleyPaths
from parley.mentions import extract_event_mentions
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
    """Extract the meetings, calls and visits that a drop's articles say took place."""
    n_mentions = n_participants = 0
    for drop_id in context.partition_keys:
        read = paths.staging.read
        articles = group_entities(
            read(drop_id, staging.ARTICLES),
            read(drop_id, staging.ENTITY_MENTIONS),
            read(drop_id, staging.ROLE_OBSERVATIONS),
        )
        with drop_stage(context, drop_id, "event mentions", len(articles)) as progress:
            found = extract_event_mentions(
                articles, n_process=nlp_processes(len(articles)), progress=progress
            )
        paths.staging.write(drop_id, staging.EVENT_MENTIONS, found.events)
        paths.staging.write(drop_id, staging.EVENT_PARTICIPANTS, found.participants)
        paths.staging.write(drop_id, staging.PARTY_MENTIONS, found.described)
        n_mentions += len(found.events)
        n_participants += len(found.participants)
    return MaterializeResult(
        metadata={"dagster/row_count": n_mentions, "participants": n_participants}
    )
