"""Shared fixtures: a drops root holding the demo drop, and paths into a temp warehouse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assets.resources import ParleyPaths
from parley.settings import DEMO_DROP

# Columns every contract table must have (shared/CONTRACT.md section 3).
CONTRACT_COLUMNS: dict[str, set[str]] = {
    "articles": {
        "article_id",
        "source_ref",
        "drop_id",
        "published_date",
        "title",
        "dateline",
        "outlet",
        "body",
        "content_sha256",
        "duplicate_of",
        "ingested_at",
    },
    "rejected_inputs": {"drop_id", "source_ref", "reason", "detail", "seen_at"},
    "entities": {
        "entity_id",
        "canonical_name",
        "entity_type",
        "country_iso3",
        "n_mentions",
        "n_articles",
    },
    "entity_aliases": {"entity_id", "alias"},
    "entity_mentions": {
        "article_id",
        "entity_id",
        "mention_text",
        "label",
        "start_char",
        "end_char",
    },
    "person_roles": {
        "entity_id",
        "role",
        "country_iso3",
        "first_seen",
        "last_seen",
        "n_articles",
    },
    "event_mentions": {
        "mention_id",
        "article_id",
        "kind",
        "event_date",
        "date_precision",
        "date_text",
        "location",
        "location_iso3",
        "sentence",
        "start_char",
        "end_char",
        "confidence",
        "meeting_id",
    },
    "event_mention_participants": {"mention_id", "entity_id", "role_in_event"},
    "meetings": {
        "meeting_id",
        "kind",
        "meeting_date",
        "date_precision",
        "location",
        "location_iso3",
        "headline",
        "n_mentions",
        "n_articles",
        "n_outlets",
        "first_reported",
        "last_reported",
    },
    "meeting_participants": {
        "meeting_id",
        "entity_id",
        "canonical_name",
        "entity_type",
        "country_iso3",
        "role",
    },
    "meeting_sources": {"meeting_id", "article_id", "mention_id"},
    "meeting_topics": {"meeting_id", "topic"},
    "meeting_id_redirects": {"old_meeting_id", "meeting_id", "merged_at"},
}


@pytest.fixture
def drops_root(tmp_path: Path) -> Path:
    """A drops root with the demo articles as the drop ``seeds``."""
    root = tmp_path / "drops"
    shutil.copytree(DEMO_DROP, root / "seeds")
    return root


@pytest.fixture
def paths(drops_root: Path, tmp_path: Path) -> ParleyPaths:
    """The pipeline's paths resource over ``drops_root`` and a temporary warehouse."""
    return ParleyPaths(
        drops_dir=str(drops_root), warehouse_path=str(tmp_path / "wh" / "parley.duckdb")
    )
