"""Labelled meetings: the gold sets the extraction and dedup figures are measured on.

A gold set is a folder with ``gold.jsonl`` (one labelled meeting a line, with every
article that reports it) and ``negatives.jsonl`` (articles that use meeting words but
report no meeting), in the format of ``shared/eval/README.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GoldMeeting:
    """One labelled meeting of ``gold.jsonl``."""

    meeting_id: str
    kind: str
    participants: tuple[str, ...]
    participant_countries: frozenset[str]
    date: dt.date | None
    date_precision: str | None
    article_ids: tuple[str, ...]
    weak_article_ids: tuple[str, ...]


@dataclass(frozen=True)
class GoldSet:
    """Gold meetings and negative articles of a labelled set."""

    meetings: tuple[GoldMeeting, ...]
    negative_article_ids: tuple[str, ...]

    @property
    def scored_article_ids(self) -> list[str]:
        """Articles on which every predicted link counts (gold and negative articles)."""
        ids = {a for g in self.meetings for a in g.article_ids} | set(self.negative_article_ids)
        return sorted(ids)

    @functools.cached_property
    def reporting(self) -> dict[str, list[GoldMeeting]]:
        """Article id -> the gold meetings it reports."""
        return _by_article((m, m.article_ids) for m in self.meetings)

    @functools.cached_property
    def alluding(self) -> dict[str, list[GoldMeeting]]:
        """Article id -> the gold meetings it only alludes to (weak links)."""
        return _by_article((m, m.weak_article_ids) for m in self.meetings)

    @property
    def all_article_ids(self) -> list[str]:
        """Every article the labels refer to, weak allusions included."""
        weak = {a for g in self.meetings for a in g.weak_article_ids}
        return sorted(set(self.scored_article_ids) | weak)


def load_gold(gold_dir: Path) -> GoldSet:
    """Read ``gold.jsonl`` and ``negatives.jsonl`` of a labelled set."""
    meetings = [
        GoldMeeting(
            meeting_id=record["meeting_id"],
            kind=record["kind"],
            participants=tuple(record["participants"]),
            participant_countries=frozenset(record["participant_countries"]),
            date=dt.date.fromisoformat(record["date"]) if record["date"] else None,
            date_precision=record["date_precision"],
            article_ids=tuple(record["article_ids"]),
            weak_article_ids=tuple(record.get("weak_article_ids") or ()),
        )
        for record in _records(gold_dir / "gold.jsonl")
    ]
    negatives = [record["article_id"] for record in _records(gold_dir / "negatives.jsonl")]
    return GoldSet(tuple(meetings), tuple(negatives))


def _by_article(
    pairs: Iterable[tuple[GoldMeeting, tuple[str, ...]]],
) -> dict[str, list[GoldMeeting]]:
    found: dict[str, list[GoldMeeting]] = defaultdict(list)
    for meeting, articles in pairs:
        for article in articles:
            found[article].append(meeting)
    return found


def _records(path: Path) -> list[dict]:
    """The JSON objects of a JSONL file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
