"""Stage one drop's records as the per-drop assets would, and publish them: for tests of the
publish step and of what reads the published file, without running the NLP."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from parley import staging
from parley.models import (
    Article,
    EntityMention,
    EventMention,
    EventParticipant,
    RejectedInput,
    RoleObservation,
    records_to_arrow,
)
from parley.staging import StagingArea
from warehouse.publish import publish_warehouse


def stage_and_publish(
    warehouse: Path,
    drop_id: str,
    articles: Sequence[Article],
    entity_mentions: Sequence[EntityMention] = (),
    event_mentions: Sequence[EventMention] = (),
    event_participants: Sequence[EventParticipant] = (),
    now: dt.datetime = dt.datetime(1987, 4, 8, tzinfo=dt.UTC),
) -> None:
    """Write the drop's staged tables beside ``warehouse`` and publish the warehouse."""
    ingested = pa.array([now] * len(articles), pa.timestamp("us", tz="UTC"))
    area = StagingArea.for_warehouse(warehouse)
    area.write(
        drop_id,
        staging.ARTICLES,
        records_to_arrow(list(articles), Article).append_column("ingested_at", ingested),
    )
    area.write(
        drop_id,
        staging.REJECTED_INPUTS,
        records_to_arrow([], RejectedInput).append_column("seen_at", ingested[:0]),
    )
    area.write(
        drop_id, staging.ENTITY_MENTIONS, records_to_arrow(list(entity_mentions), EntityMention)
    )
    area.write(drop_id, staging.ROLE_OBSERVATIONS, records_to_arrow([], RoleObservation))
    area.write(
        drop_id, staging.EVENT_MENTIONS, records_to_arrow(list(event_mentions), EventMention)
    )
    area.write(
        drop_id,
        staging.EVENT_PARTICIPANTS,
        records_to_arrow(list(event_participants), EventParticipant),
    )
    publish_warehouse(area, warehouse, now)
