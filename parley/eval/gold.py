"""Labelled meetings: the gold sets the extraction and dedup figures are measured on.

Two formats are read into one ``GoldSet``:

- meeting-centric (``load_gold``): a folder with ``gold.jsonl`` (one labelled meeting a
  line, with every article that reports it), ``negatives.jsonl`` (articles that use meeting
  words but report no meeting) and, where every article was read exhaustively,
  ``labelled_ids.txt`` (``shared/eval/README.md``);
- article-centric (``load_labels``): ``labels.jsonl`` with one labelled article a line and
  a ``meeting_key`` per meeting, as labellers write it (``tests/data/meetings/BRIEF.md``),
  with ``split.tsv`` and the cross-batch ``key_aliases.tsv``; the labels of one key become
  one gold meeting.
"""

from __future__ import annotations

import csv
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
    part_of: str | None = None  # the meeting_id of the summit it was on the sidelines of
    evidence: tuple[tuple[str, str], ...] = ()  # (article id, the sentence that states it)

    def evidence_in(self, article_id: str) -> str:
        """The labelled sentence of this meeting in one article ("" when none)."""
        return next((s for a, s in self.evidence if a == article_id), "")


@dataclass(frozen=True)
class GoldSet:
    """Gold meetings and negative articles of a labelled set."""

    meetings: tuple[GoldMeeting, ...]
    negative_article_ids: tuple[str, ...]
    # Articles read exhaustively: any predicted meeting on them that matches no label counts.
    labelled_article_ids: tuple[str, ...] = ()

    @property
    def scored_article_ids(self) -> list[str]:
        """Articles on which every predicted link counts: gold, negative and exhaustively
        labelled articles."""
        ids = {a for g in self.meetings for a in g.article_ids} | set(self.negative_article_ids)
        return sorted(ids | set(self.labelled_article_ids))

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
            part_of=record.get("part_of"),
            evidence=tuple((record.get("evidence") or {}).items()),
        )
        for record in _records(gold_dir / "gold.jsonl")
    ]
    negatives = [record["article_id"] for record in _records(gold_dir / "negatives.jsonl")]
    labelled_ids = gold_dir / "labelled_ids.txt"
    labelled = labelled_ids.read_text().split() if labelled_ids.exists() else []
    return GoldSet(tuple(meetings), tuple(negatives), tuple(labelled))


def load_labels(folder: Path, split: str | None = None, aliases: Path | None = None) -> GoldSet:
    """Read the article-centric labels of ``folder`` (only the articles of ``split``, if
    given); ``aliases`` maps meeting keys that several batches gave one meeting to one key."""
    renamed = _aliases(aliases, folder.name) if aliases else {}
    split_of = {row["article_id"]: row["split"] for row in _tsv(folder / "split.tsv")}
    entries: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    labelled, negatives = [], []
    for record in _records(folder / "labels.jsonl"):
        article = record["article_id"]
        if split is not None and split_of[article] != split:
            continue
        labelled.append(article)
        if record.get("is_negative"):
            negatives.append(article)
        for meeting in record["meetings"]:
            entries[renamed.get(meeting["meeting_key"], meeting["meeting_key"])].append(
                (article, meeting)
            )
    meetings = tuple(_merged(key, found, renamed) for key, found in sorted(entries.items()))
    return GoldSet(meetings, tuple(negatives), tuple(labelled))


def _merged(key: str, found: list[tuple[str, dict]], renamed: dict[str, str]) -> GoldMeeting:
    """One gold meeting from every article's label of it: the union of the parties, the
    most precise date (then the most common), the most common kind of the reports."""
    reports = [m for _, m in found if not m.get("background")] or [m for _, m in found]
    dated = [m for m in reports if m.get("date")] or [m for _, m in found if m.get("date")]
    best_date = max(
        dated,
        key=lambda m: (m["date_precision"] == "day", _count(dated, m["date"]), m["date"]),
        default=None,
    )
    reporting = list(dict.fromkeys(a for a, m in found if not m.get("background")))
    part_of = next((m["part_of"] for _, m in found if m.get("part_of")), None)
    return GoldMeeting(
        meeting_id=key,
        kind=max(sorted({m["kind"] for m in reports}), key=lambda k: _count(reports, k, "kind")),
        participants=tuple(dict.fromkeys(p for _, m in found for p in m["participants"])),
        participant_countries=frozenset(c for _, m in found for c in m["participant_countries"]),
        date=dt.date.fromisoformat(best_date["date"]) if best_date else None,
        date_precision=best_date["date_precision"] if best_date else None,
        article_ids=tuple(reporting),
        weak_article_ids=tuple(
            dict.fromkeys(a for a, m in found if m.get("background") and a not in reporting)
        ),
        part_of=renamed.get(part_of, part_of) if part_of else None,
        evidence=tuple((a, m["evidence"]) for a, m in found if m.get("evidence")),
    )


def _count(labels: list[dict], value: str, field: str = "date") -> int:
    return sum(label.get(field) == value for label in labels)


def _aliases(path: Path, source: str) -> dict[str, str]:
    """key -> canonical key, for one source of ``key_aliases.tsv``."""
    return {r["key"]: r["canonical_key"] for r in _tsv(path) if r["source"] == source}


def _tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file with a header."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


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
