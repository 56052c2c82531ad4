"""Score announced meetings against the ``announced`` labels of the development sets.

The labels (``tests/data/meetings/BRIEF.md``) list, per article, every meeting, call or visit
the article only announces, with its expected date and ``status`` (``announced`` or
``cancelled``). Sets scored, development splits only (no unseen article is read here):

- ``parley-reuters-dev``, ``parley-readouts-dev``: the ``dev`` articles of parley's own set,
  every one labelled exhaustively;
- ``readouts-dev``: the negatives of ``shared/eval/modern_readouts_dev`` (the only articles of
  that set whose announcements are recorded).

A predicted announcement is right when it matches a gold announcement of its article by the
meeting rule (``match``: a shared participant and a compatible date); a gold announcement is
found when some prediction matches it. Labellers write one announcement per counterpart
("Baker is expected to see Miyazawa, Stoltenberg and Lawson" is three), parley one per
trigger, so precision counts predictions and recall gold rows. Over the matched pairs: the
stated status, and the date at the gold's precision where the gold gives one.

Run the extractor alone (no Dagster): ``python -m parley.eval.announcements [--errors]``;
``parley eval`` scores the published ``meeting_announcements`` the same way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from parley import metrics
from parley.entities import extract_entities
from parley.eval.gold import GoldMeeting
from parley.eval.match import PredictedMeeting, date_correct, matches
from parley.eval.sets import OWN, SHARED_EVAL
from parley.ingest.parse import ingest_drop
from parley.mentions import extract_event_mentions

DEV = "dev"


@dataclass(frozen=True)
class GoldAnnouncement:
    """One labelled announcement of one article."""

    article_id: str
    kind: str
    participants: tuple[str, ...]
    expected_date: dt.date | None
    date_precision: str | None
    status: str
    evidence: str = ""

    def as_meeting(self) -> GoldMeeting:
        """The announcement in the shape the meeting matcher reads."""
        return GoldMeeting(
            meeting_id=f"{self.article_id}/{self.evidence[:40]}",
            kind=self.kind,
            participants=self.participants,
            participant_countries=frozenset(),
            date=self.expected_date,
            date_precision=self.date_precision,
            article_ids=(self.article_id,),
            weak_article_ids=(),
        )


@dataclass(frozen=True)
class PredictedAnnouncement:
    """A published (or extracted) announcement as the scorer sees it."""

    announcement_id: str
    article_id: str  # the article's source_ref: the labels' id
    kind: str
    participants: tuple[str, ...]
    expected_date: dt.date | None
    date_precision: str | None
    status: str
    sentence: str = ""

    def as_meeting(self) -> PredictedMeeting:
        """The announcement in the shape the meeting matcher reads (which knows days and
        months: a week counts in the month of its Thursday, as ISO weeks do)."""
        week = self.date_precision == "week" and self.expected_date is not None
        return PredictedMeeting(
            meeting_id=self.announcement_id,
            kind=self.kind,
            date=self.expected_date + dt.timedelta(days=3) if week else self.expected_date,
            date_precision="day" if self.date_precision == "day" else "month",
            participants=tuple((name, None) for name in self.participants),
            articles=(self.article_id,),
        )


@dataclass(frozen=True)
class AnnouncementSet:
    """A labelled set's articles and its announcement labels: (gold rows, the ids of the
    articles whose announcements are all labelled)."""

    name: str
    articles: Path
    load: Callable[[], tuple[list[GoldAnnouncement], list[str]]]

    @property
    def available(self) -> bool:
        """True when the set's articles are on this machine."""
        return self.articles.exists()


@dataclass
class AnnouncementReport:
    """Extraction figures of the announcements on one labelled set."""

    n_gold: int
    n_predicted: int
    true_positives: int
    found: int
    n_matched: int
    status_correct: int
    n_dated: int
    date_correct: int
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of predicted announcements that match a gold one."""
        return metrics.ratio(self.true_positives, self.n_predicted)

    @property
    def recall(self) -> float:
        """Share of gold announcements some prediction matches."""
        return metrics.ratio(self.found, self.n_gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return metrics.f1(self.precision, self.recall)


def _own(source: str) -> AnnouncementSet:
    folder = OWN / source
    return AnnouncementSet(
        f"parley-{source}-{DEV}", folder / "articles.jsonl", lambda: _own_labels(folder)
    )


def _own_labels(folder: Path) -> tuple[list[GoldAnnouncement], list[str]]:
    """The dev split's announcement labels; the unseen split's are never read."""
    split = {}
    for line in (folder / "split.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        article_id, _group, which, *_ = line.split("\t")
        split[article_id] = which
    gold, scored = [], []
    for record in _records(folder / "labels.jsonl"):
        if split[record["article_id"]] != DEV:
            continue
        scored.append(record["article_id"])
        gold += [_gold(record["article_id"], a) for a in record.get("announced") or []]
    return gold, scored


def _shared_negative_labels(folder: Path) -> tuple[list[GoldAnnouncement], list[str]]:
    """The announcements recorded on a shared set's negatives (its only articles with them)."""
    records = _records(folder / "negatives.jsonl")
    gold = [_gold(r["article_id"], a) for r in records for a in r.get("announced") or []]
    return gold, [r["article_id"] for r in records]


def _gold(article_id: str, label: dict) -> GoldAnnouncement:
    text = label.get("expected_date")
    precision = label.get("date_precision") or ("month" if text and len(text) == 7 else "day")
    date = (
        dt.date.fromisoformat(text + "-01" if text and len(text) == 7 else text) if text else None
    )
    return GoldAnnouncement(
        article_id=article_id,
        kind=label["kind"],
        participants=tuple(label["participants"]),
        expected_date=date,
        date_precision=precision if date else None,
        status=label.get("status") or "announced",
        evidence=" ".join(label.get("evidence", "").split()),
    )


ANNOUNCEMENT_SETS: tuple[AnnouncementSet, ...] = (
    _own("reuters"),
    _own("readouts"),
    AnnouncementSet(
        "readouts-dev",
        SHARED_EVAL / "modern_readouts_dev" / "articles.jsonl",
        lambda: _shared_negative_labels(SHARED_EVAL / "modern_readouts_dev"),
    ),
)


def score_announcements(
    predicted: Sequence[PredictedAnnouncement], gold: Sequence[GoldAnnouncement], scored: list[str]
) -> AnnouncementReport:
    """Score predictions on the labelled articles against their gold announcements."""
    on_scored = set(scored)
    predicted = [p for p in predicted if p.article_id in on_scored]
    by_article: dict[str, list[GoldAnnouncement]] = {}
    for g in gold:
        by_article.setdefault(g.article_id, []).append(g)
    true_positives, found, matched = 0, set(), []
    false_positives = []
    for p in predicted:
        hits = [
            g for g in by_article.get(p.article_id, []) if matches(p.as_meeting(), g.as_meeting())
        ]
        if hits:
            true_positives += 1
            found.update(id(g) for g in hits)
            matched.append((p, hits[0]))
        else:
            false_positives.append((p.article_id, p.sentence))
    dated = [(p, g) for p, g in matched if g.expected_date is not None]
    return AnnouncementReport(
        n_gold=len(gold),
        n_predicted=len(predicted),
        true_positives=true_positives,
        found=len(found),
        n_matched=len(matched),
        status_correct=sum(p.status == g.status for p, g in matched),
        n_dated=len(dated),
        date_correct=sum(date_correct(p.as_meeting(), g.as_meeting()) for p, g in dated),
        false_positives=false_positives,
        missed=[(g.article_id, g.evidence) for g in gold if id(g) not in found],
    )


PUBLISHED_SQL = """
SELECT n.announcement_id, a.source_ref, n.kind, n.expected_date, n.date_precision,
       n.stated_status, n.sentence,
       list(coalesce(e.canonical_name, p.entity_id) ORDER BY p.entity_id) AS participants
FROM meeting_announcements AS n
JOIN articles AS a USING (article_id)
JOIN announcement_participants AS p USING (announcement_id)
LEFT JOIN entities AS e USING (entity_id)
WHERE list_contains($articles, a.source_ref)
GROUP BY ALL
ORDER BY n.announcement_id
"""


def published_announcements(
    con: duckdb.DuckDBPyConnection, article_ids: list[str]
) -> list[PredictedAnnouncement]:
    """The announcements a published warehouse holds for the given articles (source_refs)."""
    rows = con.execute(PUBLISHED_SQL, {"articles": article_ids}).fetchall()
    return [
        PredictedAnnouncement(
            announcement_id=row[0],
            article_id=row[1],
            kind=row[2],
            expected_date=row[3],
            date_precision=row[4],
            status=row[5],
            sentence=row[6],
            participants=tuple(row[7]),
        )
        for row in rows
    ]


def score_published_announcements(
    con: duckdb.DuckDBPyConnection, set_names: Collection[str]
) -> dict[str, AnnouncementReport]:
    """Score the published announcements on each announcement set among ``set_names``
    whose articles went into the warehouse (``parley eval``)."""
    reports = {}
    for labelled in ANNOUNCEMENT_SETS:
        if labelled.name in set_names:
            gold, scored = labelled.load()
            reports[labelled.name] = score_announcements(
                published_announcements(con, scored), gold, scored
            )
    return reports


def extracted_announcements(articles: Path) -> list[PredictedAnnouncement]:
    """Ingest, extract entities and mentions, and return the announcements (no Dagster)."""
    folder = articles if articles.is_dir() else articles.parent
    parsed = ingest_drop(folder, "eval").articles
    batch = extract_entities(parsed)
    found = extract_event_mentions(list(batch.by_article.values()))
    names = {}
    for mention in [*batch.mentions, *found.described]:
        names.setdefault(mention.entity_id, mention.canonical_name)
    parties: dict[str, list[str]] = {}
    for p in found.announcement_participants:
        parties.setdefault(p.announcement_id, []).append(names.get(p.entity_id, p.entity_id))
    source_refs = {a.article_id: a.source_ref for a in parsed}
    return [
        PredictedAnnouncement(
            announcement_id=a.announcement_id,
            article_id=source_refs[a.article_id],
            kind=a.kind,
            participants=tuple(parties.get(a.announcement_id, [])),
            expected_date=a.expected_date,
            date_precision=a.date_precision,
            status=a.status,
            sentence=a.sentence,
        )
        for a in found.announcements
    ]


def format_announcement_summary(reports: dict[str, AnnouncementReport]) -> str:
    """One line per labelled set: announcement precision, recall, status and date."""
    lines = [
        "Announcements (meeting_announcements against the dev labels' announced entries)",
        f"{'set':<24} {'gold':>5} {'pred':>5} {'P':>5} {'R':>5} {'F1':>5}  "
        f"{'status':>7} {'date':>7}",
    ]
    for name, r in reports.items():
        status = f"{r.status_correct}/{r.n_matched}"
        dates = f"{r.date_correct}/{r.n_dated}"
        lines.append(
            f"{name:<24} {r.n_gold:>5} {r.n_predicted:>5} {r.precision:5.3f} "
            f"{r.recall:5.3f} {r.f1:5.3f}  {status:>7} {dates:>7}"
        )
    return "\n".join(lines)


def format_announcement_errors(report: AnnouncementReport) -> str:
    """The false positives and misses of one set (development sets only)."""
    lines = ["False positive announcements:"]
    lines += [f"  {a}: {s[:160]}" for a, s in report.false_positives]
    lines.append("Missed announcements:")
    lines += [f"  {a}: {s[:160]}" for a, s in report.missed]
    return "\n".join(lines)


def _records(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main(argv: list[str] | None = None) -> None:
    """Score the extractor's announcements on every available development set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list false positives and misses")
    args = parser.parse_args(argv)
    reports = {}
    for labelled in (s for s in ANNOUNCEMENT_SETS if s.available):
        gold, scored = labelled.load()
        reports[labelled.name] = score_announcements(
            extracted_announcements(labelled.articles), gold, scored
        )
    print(format_announcement_summary(reports))
    if args.errors:
        for name, report in reports.items():
            print(f"\n== {name}\n{format_announcement_errors(report)}")


if __name__ == "__main__":
    main()
