"""Publish: the drops staged since the last publish -> the DuckDB warehouse, swapped in."""

import datetime as dt
from collections.abc import Iterator

from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    AutomationCondition,
    MaterializeResult,
    MetadataValue,
    multi_asset,
)

from assets.entities import STAGED_ENTITY_MENTIONS
from assets.ingest import STAGED_ARTICLES
from assets.mentions import STAGED_EVENT_MENTIONS
from assets.resources import ParleyPaths
from warehouse import schema
from warehouse.publish import PUBLISHED_TABLES, publish_warehouse

# Single writer: every run that publishes takes this pool, whose limit is 1 in the instance's
# dagster.yaml, so two runs never build the warehouse at once.
WAREHOUSE_WRITER_POOL = "warehouse_writer"

# Publish once the per-drop assets of any drop have been updated and none is running.
# Unlike plain eager(), a drop that failed or was never materialised does not block the
# publish of all the others.
PUBLISH_CONDITION = AutomationCondition.eager().without(~AutomationCondition.any_deps_missing())

WAREHOUSE_SPECS = [
    AssetSpec(
        AssetKey(table),
        description=schema.table(table).comment,
        deps=[STAGED_ARTICLES, STAGED_ENTITY_MENTIONS, STAGED_EVENT_MENTIONS],
        group_name="warehouse",
        kinds={"duckdb"},
        automation_condition=PUBLISH_CONDITION,
    )
    for table in PUBLISHED_TABLES
]


@multi_asset(specs=WAREHOUSE_SPECS, can_subset=False, pool=WAREHOUSE_WRITER_POOL)
def warehouse_tables(
    context: AssetExecutionContext, paths: ParleyPaths
) -> Iterator[MaterializeResult]:
    """Add the new drops (their meetings deduplicated against all others) to the warehouse
    and publish it atomically."""
    result = publish_warehouse(paths.staging, paths.warehouse, dt.datetime.now(dt.UTC))
    context.log.info(f"published {result.path} ({result.mode}: {result.detail})")
    for table in PUBLISHED_TABLES:
        yield MaterializeResult(
            asset_key=AssetKey(table),
            metadata={
                "dagster/row_count": result.row_counts[table],
                "warehouse": MetadataValue.path(str(result.path)),
                "publish": MetadataValue.text(f"{result.mode}: {result.detail}"),
                "preview": MetadataValue.md(result.previews[table]),
            },
        )
