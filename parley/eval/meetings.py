"""Score a published warehouse against the hand-labelled Reuters meetings (dev set).

Implements the scoring method of ``shared/eval/README.md``:

- A predicted meeting *matches* a gold meeting on an article when it cites the article
  (``meeting_sources``), shares at least one participant (same surname, same name, or one
  name's words contained in the other's: "Moi" / "Daniel arap Moi", "Japan"), and its
  date is compatible: either date NULL, both day precision within one day, otherwise the
  same month.
- Extraction: every predicted (meeting, article) link on a gold or negative article counts.
  A link is a true positive when the meeting matches a gold meeting that lists the article
  in ``article_ids``; a link to a gold meeting's ``weak_article_ids`` only (an allusion) is
  neither rewarded nor penalised; anything else is a false positive. Recall is over the
  gold (meeting, article) pairs.
- Negatives: how many negative articles have any predicted meeting.
- Slots, over predicted meetings with a true-positive link (each against its best gold
  meeting: most shared participants, then nearest date): kind equal; date equal (same day
  when the gold is day precision, same month at month precision, NULL when the gold is
  NULL); the set of participant countries equal to the gold's.
- Dedup, over the gold (meeting, article) pairs: each pair lands in the predicted meeting
  that cites the article and matches the gold meeting (the lowest id if several; a pair
  with none is a singleton). B-cubed and pairwise precision/recall/F1 of that clustering
  against the gold meetings, and the ratio of distinct predicted meetings to gold meetings.

It reads only the contract tables ``meetings``, ``meeting_sources``,
``meeting_participants``, ``articles`` and ``event_mentions`` (gold article ids are the
input record ids, i.e. ``articles.source_ref``), so it measures whatever pipeline built
the warehouse. ``run_eval`` runs a pipeline into a temporary warehouse and scores it;
``score_mentions_one_meeting_each`` scores the mention extractor alone (one meeting per
mention, the contract's rule until dedup), for fast iteration.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import duckdb

from parley.meetings.cluster import baseline_one_a_day
from parley.records import Article, EntityMention, EventMention, EventParticipant

PREDICTED_LINKS_SQL = """
SELECT m.meeting_id, m.kind, m.meeting_date, m.date_precision, a.source_ref
FROM meetings AS m
JOIN meeting_sources AS s ON s.meeting_id = m.meeting_id
JOIN articles AS a ON a.article_id = s.article_id
WHERE list_contains(?, a.source_ref)
GROUP BY ALL
ORDER BY m.meeting_id, a.source_ref
"""
PARTICIPANTS_SQL = """
SELECT meeting_id, canonical_name, country_iso3
FROM meeting_participants
WHERE list_contains(?, meeting_id)
ORDER BY meeting_id, canonical_name
"""
EVIDENCE_SQL = """
SELECT s.meeting_id, a.source_ref, min(e.sentence) AS sentence
FROM meeting_sources AS s
JOIN articles AS a ON a.article_id = s.article_id
JOIN event_mentions AS e ON e.mention_id = s.mention_id
WHERE list_contains(?, a.source_ref)
GROUP BY s.meeting_id, a.source_ref
"""

# The one-a-day baseline is scored on the same event mentions as the pipeline: copied from the
# published file into memory, grouped by parley.meetings.cluster.baseline_one_a_day, and shaped
# into the three tables the scorer reads.
BASELINE_INPUT_TABLES = ("articles", "entities", "event_mentions", "event_mention_participants")
BASELINE_MEETINGS_SQL = """
CREATE TABLE meeting_sources AS
SELECT b.meeting_id, e.article_id, e.mention_id
FROM baseline_mention_meeting AS b JOIN event_mentions AS e USING (mention_id);

CREATE TABLE meetings AS
SELECT s.meeting_id, mode(e.kind) AS kind, mode(e.event_date) AS meeting_date,
       mode(e.date_precision) AS date_precision
FROM meeting_sources AS s JOIN event_mentions AS e USING (mention_id)
GROUP BY s.meeting_id;

CREATE TABLE meeting_participants AS
SELECT DISTINCT s.meeting_id, n.canonical_name, n.country_iso3
FROM meeting_sources AS s
JOIN event_mention_participants AS p USING (mention_id)
JOIN entities AS n USING (entity_id);
"""


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

    @property
    def all_article_ids(self) -> list[str]:
        """Every article the labels refer to, weak allusions included."""
        weak = {a for g in self.meetings for a in g.weak_article_ids}
        return sorted(set(self.scored_article_ids) | weak)


@dataclass(frozen=True)
class PredictedMeeting:
    """A warehouse meeting as the scorer sees it."""

    meeting_id: str
    kind: str
    date: dt.date | None
    date_precision: str | None
    participants: tuple[tuple[str, str | None], ...]  # (canonical_name, country_iso3)
    articles: tuple[str, ...]  # source_refs among the labelled articles


@dataclass
class EvalReport:
    """Extraction, negative, slot and dedup figures of one evaluation."""

    n_gold_meetings: int
    n_gold_links: int
    true_positive_links: int
    false_positive_links: int
    ignored_weak_links: int
    found_gold_links: int
    n_negatives: int
    negatives_with_meeting: list[str]
    n_slot_meetings: int
    kind_correct: int
    date_correct: int
    countries_correct: int
    bcubed: tuple[float, float, float]  # end to end: a missed report is its own meeting
    bcubed_found: tuple[float, float, float]  # over the reports the pipeline found
    pairwise: tuple[float, float, float]
    n_predicted_meetings_on_gold: int
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    slot_errors: list[str] = field(default_factory=list)

    @property
    def link_precision(self) -> float:
        """Share of counted predicted links that are right."""
        return _ratio(
            self.true_positive_links, self.true_positive_links + self.false_positive_links
        )

    @property
    def link_recall(self) -> float:
        """Share of gold (meeting, article) pairs found."""
        return _ratio(self.found_gold_links, self.n_gold_links)

    @property
    def link_f1(self) -> float:
        """Harmonic mean of link precision and recall."""
        return _f1(self.link_precision, self.link_recall)

    @property
    def kind_accuracy(self) -> float:
        """Share of matched predicted meetings with the gold kind."""
        return _ratio(self.kind_correct, self.n_slot_meetings)

    @property
    def date_accuracy(self) -> float:
        """Share of matched predicted meetings with the gold date (at the gold precision)."""
        return _ratio(self.date_correct, self.n_slot_meetings)

    @property
    def country_accuracy(self) -> float:
        """Share of matched predicted meetings with the gold set of participant countries."""
        return _ratio(self.countries_correct, self.n_slot_meetings)

    @property
    def meeting_ratio(self) -> float:
        """Distinct predicted meetings holding gold reports per gold meeting (1.0 is ideal)."""
        return _ratio(self.n_predicted_meetings_on_gold, self.n_gold_meetings)


def load_gold(gold_dir: Path) -> GoldSet:
    """Read ``gold.jsonl`` and ``negatives.jsonl`` of a labelled set."""
    meetings = []
    for line in (gold_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        meetings.append(
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
        )
    negatives = [
        json.loads(line)["article_id"]
        for line in (gold_dir / "negatives.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return GoldSet(tuple(meetings), tuple(negatives))


def score_warehouse(warehouse_path: Path, gold_dir: Path) -> EvalReport:
    """Score a published DuckDB warehouse against the labels in ``gold_dir``."""
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        return score_connection(con, load_gold(gold_dir))
    finally:
        con.close()


def score_one_a_day_baseline(warehouse_path: Path, gold_dir: Path) -> EvalReport:
    """Score the "one-a-day" grouping (same parties, date, kind) of the warehouse's mentions."""
    with duckdb.connect() as con:
        con.execute("ATTACH ? AS published (READ_ONLY)", [str(warehouse_path)])
        for table in BASELINE_INPUT_TABLES:
            con.execute(f"CREATE TABLE {table} AS FROM published.{table}")
        baseline_one_a_day(con)
        con.execute(BASELINE_MEETINGS_SQL)
        return score_connection(con, load_gold(gold_dir))


def format_baseline_comparison(report: EvalReport, baseline: EvalReport) -> str:
    """Dedup figures of parley beside the one-a-day baseline on the same mentions."""
    rows = [
        ("B-cubed F1, found reports", report.bcubed_found[2], baseline.bcubed_found[2]),
        ("B-cubed F1, end to end", report.bcubed[2], baseline.bcubed[2]),
        ("pairwise F1", report.pairwise[2], baseline.pairwise[2]),
        ("predicted/gold meetings", report.meeting_ratio, baseline.meeting_ratio),
    ]
    lines = [
        "Dedup against the one-a-day baseline (same mentions)",
        "                              parley  one-a-day",
    ]
    lines += [f"  {name:<27} {ours:6.3f}  {theirs:9.3f}" for name, ours, theirs in rows]
    return "\n".join(lines)


def score_connection(con: duckdb.DuckDBPyConnection, gold: GoldSet) -> EvalReport:
    """Score the contract tables reachable through ``con``."""
    return score_predictions(_read_predictions(con, gold), gold, _read_evidence(con, gold))


def score_predictions(
    predicted: Sequence[PredictedMeeting],
    gold: GoldSet,
    evidence: dict[tuple[str, str], str] | None = None,
) -> EvalReport:
    """Score predicted meetings (with the labelled articles they cite) against gold."""
    evidence = evidence or {}
    scored = set(gold.scored_article_ids)
    gold_by_article: dict[str, list[GoldMeeting]] = defaultdict(list)
    weak_by_article: dict[str, list[GoldMeeting]] = defaultdict(list)
    for meeting in gold.meetings:
        for article in meeting.article_ids:
            gold_by_article[article].append(meeting)
        for article in meeting.weak_article_ids:
            weak_by_article[article].append(meeting)

    tp = fp = weak = 0
    found: set[tuple[str, str]] = set()
    landed: dict[tuple[str, str], list[str]] = defaultdict(list)
    slot_meetings: dict[str, list[GoldMeeting]] = defaultdict(list)
    false_positives = []
    for meeting in predicted:
        for article in meeting.articles:
            matches = [g for g in gold_by_article.get(article, []) if _matches(meeting, g)]
            if matches:
                tp += 1
                for g in matches:
                    found.add((g.meeting_id, article))
                    landed[(g.meeting_id, article)].append(meeting.meeting_id)
                    slot_meetings[meeting.meeting_id].append(g)
            elif any(_matches(meeting, g) for g in weak_by_article.get(article, [])):
                weak += 1
            elif article in scored:
                fp += 1
                false_positives.append(
                    (article, meeting.meeting_id, evidence.get((meeting.meeting_id, article), ""))
                )

    gold_links = [(g.meeting_id, a) for g in gold.meetings for a in g.article_ids]
    by_id = {m.meeting_id: m for m in predicted}
    kind_ok = date_ok = countries_ok = 0
    slot_errors = []
    for meeting_id, candidates in sorted(slot_meetings.items()):
        meeting = by_id[meeting_id]
        best = max(candidates, key=lambda g: (_shared(meeting, g), -_day_gap(meeting, g)))
        kind_ok += meeting.kind == best.kind
        date_ok += _date_correct(meeting, best)
        countries = {c for _, c in meeting.participants if c}
        countries_ok += countries == best.participant_countries
        if (
            meeting.kind != best.kind
            or not _date_correct(meeting, best)
            or countries != best.participant_countries
        ):
            slot_errors.append(
                f"{meeting_id} vs {best.meeting_id}: kind {meeting.kind}/{best.kind}, date "
                f"{meeting.date} {meeting.date_precision}/{best.date} {best.date_precision}, "
                f"countries {','.join(sorted(countries))}/"
                f"{','.join(sorted(best.participant_countries))}"
            )
    # A report may land in several predicted meetings of its article (one sentence giving two
    # mentions); it counts in the one that matches its gold meeting best, by the same rule as
    # the slots: most shared participants; then one that no other gold meeting of the article
    # matches better (of "Abe-Reagan" and "Abe-U.S.", the report of Abe meeting Congress is
    # not the one that shares Reagan); then nearest date; then id for a stable tie-break.
    gold_by_id = {g.meeting_id: g for g in gold.meetings}

    def claimed_by_another(meeting_id: str, link: tuple[str, str]) -> bool:
        own = _shared(by_id[meeting_id], gold_by_id[link[0]])
        return any(
            _shared(by_id[meeting_id], other) > own
            for other in gold_by_article[link[1]]
            if other.meeting_id != link[0]
        )

    clusters = {
        link: min(
            landed[link],
            key=lambda m: (
                -_shared(by_id[m], gold_by_id[link[0]]),
                claimed_by_another(m, link),
                _day_gap(by_id[m], gold_by_id[link[0]]),
                m,
            ),
        )
        for link in gold_links
        if landed.get(link)
    }
    found_links = [link for link in gold_links if link in clusters]
    negatives = sorted(
        a for a in gold.negative_article_ids if any(a in m.articles for m in predicted)
    )
    return EvalReport(
        n_gold_meetings=len(gold.meetings),
        n_gold_links=len(gold_links),
        true_positive_links=tp,
        false_positive_links=fp,
        ignored_weak_links=weak,
        found_gold_links=len(found),
        n_negatives=len(gold.negative_article_ids),
        negatives_with_meeting=negatives,
        n_slot_meetings=len(slot_meetings),
        kind_correct=kind_ok,
        date_correct=date_ok,
        countries_correct=countries_ok,
        bcubed=_bcubed(gold_links, clusters),
        bcubed_found=_bcubed(found_links, clusters),
        pairwise=_pairwise(gold_links, clusters),
        n_predicted_meetings_on_gold=len(set(clusters.values())),
        false_positives=false_positives,
        missed=[link for link in gold_links if link not in found],
        slot_errors=slot_errors,
    )


def format_report(report: EvalReport) -> str:
    """A plain-text summary of an evaluation, with the errors to look at."""
    lines = [
        "Meeting extraction (links = (meeting, article) pairs on gold and negative articles)",
        f"  link precision {report.link_precision:.3f}  recall {report.link_recall:.3f}  "
        f"F1 {report.link_f1:.3f}   (TP {report.true_positive_links}, "
        f"FP {report.false_positive_links}, gold found {report.found_gold_links}/"
        f"{report.n_gold_links}, weak links ignored {report.ignored_weak_links})",
        f"  negatives with a meeting: {len(report.negatives_with_meeting)} of "
        f"{report.n_negatives} {report.negatives_with_meeting or ''}",
        f"  slots over {report.n_slot_meetings} matched meetings: kind "
        f"{report.kind_accuracy:.3f}  date {report.date_accuracy:.3f}  countries "
        f"{report.country_accuracy:.3f}",
        "Dedup (gold reports -> predicted meetings)",
        "  B-cubed P/R/F1, found reports {:.3f} / {:.3f} / {:.3f}".format(*report.bcubed_found),
        "  B-cubed P/R/F1, end to end    {:.3f} / {:.3f} / {:.3f}".format(*report.bcubed),
        "  pairwise P/R/F1 {:.3f} / {:.3f} / {:.3f}".format(*report.pairwise),
        f"  predicted/gold meetings {report.n_predicted_meetings_on_gold}/"
        f"{report.n_gold_meetings} = {report.meeting_ratio:.2f}",
    ]
    if report.false_positives:
        lines.append("False positive links:")
        lines += [f"  {a} {m}: {s[:150]}" for a, m, s in report.false_positives]
    if report.missed:
        lines.append("Missed gold links:")
        lines += [f"  {g} in {a}" for g, a in report.missed]
    if report.slot_errors:
        lines.append("Slot errors:")
        lines += [f"  {e}" for e in report.slot_errors]
    return "\n".join(lines)


def print_report(report: EvalReport) -> None:
    """Print ``format_report`` to stdout."""
    print(format_report(report))


def run_eval(
    gold_dir: Path,
    run_pipeline: Callable[[Path, Path], None],
    articles_dir: Path | None = None,
    keep_dir: Path | None = None,
) -> tuple[EvalReport, EvalReport]:
    """Run a pipeline over the labelled articles into a fresh warehouse; score it and the
    one-a-day baseline on its mentions.

    ``run_pipeline(drops_root, warehouse_path)`` must build the warehouse (e.g. the
    ``parley run`` machinery); the articles (``articles_dir``, default ``gold_dir/drop``)
    are copied as one drop named ``reuters-dev``. With ``keep_dir`` the drops root and the
    warehouse are left there for inspection, else in a temporary directory that is removed.
    """
    source = articles_dir or gold_dir / "drop"
    with tempfile.TemporaryDirectory(prefix="parley-eval-") as tmp:
        work = keep_dir or Path(tmp)
        drops = work / "drops"
        shutil.copytree(source, drops / "reuters-dev", dirs_exist_ok=True)
        warehouse = work / "eval.duckdb"
        run_pipeline(drops, warehouse)
        return score_warehouse(warehouse, gold_dir), score_one_a_day_baseline(warehouse, gold_dir)


def build_one_meeting_per_mention(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    entity_mentions: Sequence[EntityMention],
    events: Sequence[EventMention],
    participants: Sequence[EventParticipant],
) -> None:
    """Create the scored contract tables in ``con`` with one meeting per event mention.

    The contract's rule until dedup lands; used to score the extractor alone. The meeting
    id is the mention id.
    """
    names: dict[str, EntityMention] = {}
    for mention in entity_mentions:
        names.setdefault(mention.entity_id, mention)
    con.execute("CREATE OR REPLACE TABLE articles (article_id VARCHAR, source_ref VARCHAR)")
    con.executemany(
        "INSERT INTO articles VALUES (?, ?)", [(a.article_id, a.source_ref) for a in articles]
    )
    con.execute(
        "CREATE OR REPLACE TABLE event_mentions (mention_id VARCHAR, article_id VARCHAR,"
        " sentence VARCHAR)"
    )
    con.execute(
        "CREATE OR REPLACE TABLE meetings (meeting_id VARCHAR, kind VARCHAR,"
        " meeting_date DATE, date_precision VARCHAR)"
    )
    con.execute(
        "CREATE OR REPLACE TABLE meeting_sources (meeting_id VARCHAR, article_id VARCHAR,"
        " mention_id VARCHAR)"
    )
    con.execute(
        "CREATE OR REPLACE TABLE meeting_participants (meeting_id VARCHAR, entity_id VARCHAR,"
        " canonical_name VARCHAR, country_iso3 VARCHAR)"
    )
    con.executemany(
        "INSERT INTO event_mentions VALUES (?, ?, ?)",
        [(e.mention_id, e.article_id, e.sentence) for e in events],
    )
    con.executemany(
        "INSERT INTO meetings VALUES (?, ?, ?, ?)",
        [(e.mention_id, e.kind, e.event_date, e.date_precision) for e in events],
    )
    con.executemany(
        "INSERT INTO meeting_sources VALUES (?, ?, ?)",
        [(e.mention_id, e.article_id, e.mention_id) for e in events],
    )
    rows = []
    for p in participants:
        entity = names.get(p.entity_id)
        rows.append(
            (
                p.mention_id,
                p.entity_id,
                entity.canonical_name if entity else p.entity_id,
                entity.country_iso3 if entity else None,
            )
        )
    con.executemany("INSERT INTO meeting_participants VALUES (?, ?, ?, ?)", rows)


def score_mentions_one_meeting_each(gold_dir: Path, articles_dir: Path | None = None) -> EvalReport:
    """Ingest, extract entities and mentions, and score with one meeting per mention."""
    from parley.entities import extract_entities
    from parley.ingest.parse import ingest_drop
    from parley.mentions.extract import extract_event_mentions

    articles = ingest_drop(articles_dir or gold_dir / "drop", "reuters-dev").articles
    batch = extract_entities(articles)
    events, participants = extract_event_mentions(articles, batch.mentions, batch.roles)
    con = duckdb.connect()
    try:
        build_one_meeting_per_mention(con, articles, batch.mentions, events, participants)
        return score_connection(con, load_gold(gold_dir))
    finally:
        con.close()


def _read_predictions(con: duckdb.DuckDBPyConnection, gold: GoldSet) -> list[PredictedMeeting]:
    rows = con.execute(PREDICTED_LINKS_SQL, [gold.all_article_ids]).fetchall()
    meetings: dict[str, dict[str, object]] = {}
    for meeting_id, kind, date, precision, source_ref in rows:
        entry = meetings.setdefault(
            meeting_id, {"kind": kind, "date": date, "precision": precision, "articles": []}
        )
        entry["articles"].append(source_ref)  # type: ignore[union-attr]
    people: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for meeting_id, name, country in con.execute(PARTICIPANTS_SQL, [list(meetings)]).fetchall():
        people[meeting_id].append((name, country))
    return [
        PredictedMeeting(
            meeting_id=meeting_id,
            kind=str(entry["kind"]),
            date=entry["date"],  # type: ignore[arg-type]
            date_precision=entry["precision"],  # type: ignore[arg-type]
            participants=tuple(people[meeting_id]),
            articles=tuple(entry["articles"]),  # type: ignore[arg-type]
        )
        for meeting_id, entry in meetings.items()
    ]


def _read_evidence(con: duckdb.DuckDBPyConnection, gold: GoldSet) -> dict[tuple[str, str], str]:
    rows = con.execute(EVIDENCE_SQL, [gold.all_article_ids]).fetchall()
    return {(meeting_id, article): sentence for meeting_id, article, sentence in rows}


def _matches(meeting: PredictedMeeting, gold: GoldMeeting) -> bool:
    return _shared(meeting, gold) > 0 and _date_compatible(meeting, gold)


def _shared(meeting: PredictedMeeting, gold: GoldMeeting) -> int:
    return sum(
        any(_same_party(name, gold_name) for gold_name in gold.participants)
        for name, _ in meeting.participants
    )


def _same_party(predicted: str, gold: str) -> bool:
    a, b = _name_words(predicted), _name_words(gold)
    if not a or not b:
        return False
    return a == b or a[-1] == b[-1] or set(a) <= set(b) or set(b) <= set(a)


def _name_words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return [w for w in "".join(c if c.isalnum() else " " for c in folded).split() if w]


def _date_compatible(meeting: PredictedMeeting, gold: GoldMeeting) -> bool:
    if gold.date is None or meeting.date is None:
        return True
    if gold.date_precision == "day" and meeting.date_precision == "day":
        return abs((meeting.date - gold.date).days) <= 1
    return (meeting.date.year, meeting.date.month) == (gold.date.year, gold.date.month)


def _date_correct(meeting: PredictedMeeting, gold: GoldMeeting) -> bool:
    if gold.date is None:
        return meeting.date is None
    if meeting.date is None or meeting.date_precision != gold.date_precision:
        return False
    if gold.date_precision == "day":
        return meeting.date == gold.date
    return (meeting.date.year, meeting.date.month) == (gold.date.year, gold.date.month)


def _day_gap(meeting: PredictedMeeting, gold: GoldMeeting) -> int:
    if meeting.date is None or gold.date is None:
        return 0
    return abs((meeting.date - gold.date).days)


def _bcubed(
    items: list[tuple[str, str]], clusters: dict[tuple[str, str], str]
) -> tuple[float, float, float]:
    predicted = {item: clusters.get(item, f"singleton:{item}") for item in items}
    by_pred: dict[str, set[tuple[str, str]]] = defaultdict(set)
    by_gold: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for item in items:
        by_pred[predicted[item]].add(item)
        by_gold[item[0]].add(item)
    if not items:
        return 0.0, 0.0, 0.0
    precision = recall = 0.0
    for item in items:
        same = len(by_pred[predicted[item]] & by_gold[item[0]])
        precision += same / len(by_pred[predicted[item]])
        recall += same / len(by_gold[item[0]])
    precision, recall = precision / len(items), recall / len(items)
    return precision, recall, _f1(precision, recall)


def _pairwise(
    items: list[tuple[str, str]], clusters: dict[tuple[str, str], str]
) -> tuple[float, float, float]:
    predicted = {item: clusters.get(item, f"singleton:{item}") for item in items}
    same_pred = same_gold = both = 0
    for a, b in combinations(items, 2):
        p = predicted[a] == predicted[b]
        g = a[0] == b[0]
        same_pred += p
        same_gold += g
        both += p and g
    precision, recall = _ratio(both, same_pred), _ratio(both, same_gold)
    return precision, recall, _f1(precision, recall)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
