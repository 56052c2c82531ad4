"""A blocking check that fails on a new build stops the publish: the old file stays."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest
from dagster import DagsterInstance, materialize

from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.partitions import drops_partitions
from assets.publish import warehouse_tables
from assets.resources import ParleyPaths
from warehouse import staging
from warehouse.publish import PublishBlocked, publish_warehouse


def test_future_meeting_date_blocks_the_publish(paths: ParleyPaths) -> None:
    resources = {"paths": paths}
    per_drop = [staged_articles, staged_entity_mentions, staged_event_mentions]
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, ["seeds"])
        assert materialize(per_drop, instance=instance, partition_key="seeds", resources=resources)
        assert materialize([warehouse_tables], instance=instance, resources=resources)
    before = hashlib.sha256(paths.warehouse.read_bytes()).hexdigest()

    # Corrupt the staged mentions: every event dated a thousand years ahead.
    mentions = paths.staging.read("seeds", staging.EVENT_MENTIONS)
    future = [dataclasses.replace(m, event_date=dt.date(2999, 1, 1)) for m in mentions]
    paths.staging.write("seeds", staging.EVENT_MENTIONS, future)

    with pytest.raises(PublishBlocked, match="future"):
        publish_warehouse(paths.staging, paths.warehouse, dt.datetime.now(dt.UTC))
    assert hashlib.sha256(paths.warehouse.read_bytes()).hexdigest() == before
    assert not list(paths.warehouse.parent.glob(".*.building*"))
