"""Stage one drop's records as the per-drop assets would, and publish them: for tests of the
publish step and of what reads the published file, without running the NLP."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from parley.records import (
    Announcement,
    AnnouncementParticipant,
    Article,
    EntityMention,
    EventMention,
    EventParticipant,
)
from warehouse import staging
from warehouse.publish import publish_warehouse
from warehouse.staging import StagingArea


def stage_and_publish(
    warehouse: Path,
    drop_id: str,
    articles: Sequence[Article],
    entity_mentions: Sequence[EntityMention] = (),
    event_mentions: Sequence[EventMention] = (),
    event_participants: Sequence[EventParticipant] = (),
    now: dt.datetime = dt.datetime(1987, 4, 8, tzinfo=dt.UTC),
    announcements: Sequence[Announcement] = (),
    announcement_participants: Sequence[AnnouncementParticipant] = (),
) -> None:
    """Write the drop's staged tables beside ``warehouse`` and publish the warehouse."""
    area = StagingArea.for_warehouse(warehouse)
    area.write(drop_id, staging.ARTICLES, articles, stamp=now)
    area.write(drop_id, staging.REJECTED_INPUTS, [], stamp=now)
    area.write(drop_id, staging.ENTITY_MENTIONS, entity_mentions)
    area.write(drop_id, staging.ROLE_OBSERVATIONS, [])
    area.write(drop_id, staging.EVENT_MENTIONS, event_mentions)
    area.write(drop_id, staging.EVENT_PARTICIPANTS, event_participants)
    area.write(drop_id, staging.ANNOUNCEMENTS, announcements)
    area.write(drop_id, staging.ANNOUNCEMENT_PARTICIPANTS, announcement_participants)
    publish_warehouse(area, warehouse, now)
