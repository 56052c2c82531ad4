"""Ingest: one drop folder -> staged articles and rejected inputs."""

import datetime as dt

from dagster import (
    AssetExecutionContext,
    AssetKey,
    BackfillPolicy,
    MaterializeResult,
    MetadataValue,
    asset,
)

from assets.partitions import drops_partitions
from assets.resources import ParleyPaths
from parley.ingest.drops import fingerprint_drop
from parley.ingest.parse import ingest_drop
from parley.records import RejectedInput
from warehouse import staging

STAGED_ARTICLES = AssetKey(["staging", "articles"])


@asset(
    key=STAGED_ARTICLES,
    partitions_def=drops_partitions,
    backfill_policy=BackfillPolicy.single_run(),
    group_name="per_drop",
    kinds={"python", "parquet"},
)
def staged_articles(context: AssetExecutionContext, paths: ParleyPaths) -> MaterializeResult:
    """Parse a drop's .txt and .jsonl(.gz) files into articles; rejects are kept with a reason."""
    now = dt.datetime.now(dt.UTC)
    n_articles = n_rejected = 0
    fingerprints: dict[str, str] = {}
    reasons: dict[str, int] = {}
    for drop_id in context.partition_keys:
        folder = paths.drop_folder(drop_id)
        fingerprints[drop_id] = fingerprint_drop(folder)
        result = ingest_drop(folder, drop_id)
        if not folder.is_dir():
            result.rejected.append(
                RejectedInput(drop_id, ".", "missing_drop", f"no folder at {folder}")
            )
        paths.staging.write(drop_id, staging.ARTICLES, result.articles, stamp=now)
        paths.staging.write(drop_id, staging.REJECTED_INPUTS, result.rejected, stamp=now)
        n_articles += len(result.articles)
        n_rejected += len(result.rejected)
        for rejection in result.rejected:
            reasons[rejection.reason] = reasons.get(rejection.reason, 0) + 1
        context.log.info(
            f"drop {drop_id!r}: {len(result.articles)} articles, {len(result.rejected)} rejected"
        )
    return MaterializeResult(
        metadata={
            "dagster/row_count": n_articles,
            "rejected_inputs": n_rejected,
            "rejection_reasons": MetadataValue.json(reasons),
            # Read by the drop sensor and `parley run` to tell a changed drop from a done one.
            "drop_fingerprints": MetadataValue.json(fingerprints),
        }
    )
