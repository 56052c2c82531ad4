"""Which drops need processing: new folders, changed contents, or unfinished runs.

Shared by the drop sensor and ``parley run`` so that both agree, and so that a drop processed
by one is not processed again by the other.
"""

from __future__ import annotations

from collections.abc import Sequence

from dagster import AssetKey, AssetRecordsFilter, DagsterInstance, EventLogRecord

from assets.ingest import STAGED_ARTICLES
from assets.mentions import STAGED_EVENT_MENTIONS
from parley.ingest.drops import Drop


def drops_needing_work(instance: DagsterInstance, drops: Sequence[Drop]) -> list[Drop]:
    """The drops whose contents were never fully processed in their current state."""
    return [drop for drop in drops if not _is_done(instance, drop)]


def _is_done(instance: DagsterInstance, drop: Drop) -> bool:
    """True when the drop's last step ran after an ingest that saw its current contents."""
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
