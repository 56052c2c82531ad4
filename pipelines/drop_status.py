"""Which drops need processing: new folders, changed contents, or unfinished runs.

Shared by the drop sensor and ``parley run`` so that both agree, and so that a drop processed
by one is not processed again by the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dagster import AssetKey, AssetRecordsFilter, DagsterInstance, EventLogRecord

from assets.ingest import STAGED_ARTICLES
from assets.mentions import STAGED_EVENT_MENTIONS
from parley.ingest.drops import Drop
from warehouse.staging import EVENT_MENTIONS, StagingArea


def drops_needing_work(
    instance: DagsterInstance, staging_area: StagingArea, drops: Sequence[Drop]
) -> list[Drop]:
    """The drops whose contents were never fully processed in their current state."""
    return [drop for drop in drops if not _is_done(instance, staging_area, drop)]


def publish_needed(staging_area: StagingArea, warehouse: Path) -> bool:
    """True when the warehouse is missing or a drop's staged results were written since the
    last publish (a publish failed or was killed after its drops were processed)."""
    return not warehouse.exists() or bool(staging_area.pending_changes())


def _is_done(instance: DagsterInstance, staging_area: StagingArea, drop: Drop) -> bool:
    """True when the drop's last step ran after an ingest that saw its current contents, and
    its results are in this staging area (the same instance may serve another warehouse)."""
    if not staging_area.table_path(drop.drop_id, EVENT_MENTIONS).exists():
        return False
    ingest = _latest(instance, STAGED_ARTICLES, drop.drop_id)
    last_step = _latest(instance, STAGED_EVENT_MENTIONS, drop.drop_id)
    if ingest is None or last_step is None or last_step.timestamp < ingest.timestamp:
        return False
    fingerprints = ingest.asset_materialization.metadata.get("drop_fingerprints")
    return fingerprints is not None and fingerprints.value.get(drop.drop_id) == drop.fingerprint


def _latest(
    instance: DagsterInstance, asset_key: AssetKey, partition: str
) -> EventLogRecord | None:
    """The newest materialization record of one partition of an asset, or None."""
    records = instance.fetch_materializations(
        AssetRecordsFilter(asset_key=asset_key, asset_partitions=[partition]), limit=1
    ).records
    return records[0] if records else None
