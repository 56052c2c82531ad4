"""Score a published warehouse against labelled meetings (``shared/eval/README.md``).

- Extraction: every predicted (meeting, article) link on a gold or negative article counts.
  A link is a true positive when the meeting matches (``match``) a gold meeting that lists
  the article in ``article_ids``; a link to a gold meeting's ``weak_article_ids`` only (an
  allusion) is neither rewarded nor penalised; anything else is a false positive. Recall is
  over the gold (meeting, article) pairs.
- Negatives: how many negative articles have any predicted meeting.
- Slots, over predicted meetings with a true-positive link (each against its best gold
  meeting: most shared participants, then nearest date): kind equal; date equal at the
  gold's precision; the meeting's states (``meeting_countries``: its participants' states
  and the members of its groups) equal to the gold's participant countries; and the share
  of their participants left without a country.
- Dedup, over the gold (meeting, article) pairs: each pair lands in one predicted meeting
  that cites the article and matches the gold meeting (``_landing``); a pair with none is a
  singleton. B-cubed and pairwise scores (``parley.metrics``) of that clustering against
  the gold meetings, and the ratio of distinct predicted meetings to gold meetings (end
  to end, and over the gold meetings with a report found).

It reads only the contract tables ``meetings``, ``meeting_sources``,
``meeting_participants``, ``meeting_countries``, ``articles`` and ``event_mentions`` (gold
article ids are the input record ids, i.e. ``articles.source_ref``), so it measures
whatever built them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from parley import metrics
from parley.eval.gold import GoldMeeting, GoldSet
from parley.eval.match import (
    PredictedMeeting,
    date_correct,
    day_gap,
    is_multilateral,
    matches,
    shared_participants,
)
from parley.eval.queries import (
    COUNTRIES_SQL,
    EVIDENCE_SQL,
    PARTICIPANTS_SQL,
    PREDICTED_LINKS_SQL,
    has_table,
)
from parley.meetings.cluster import baseline_one_a_day
from parley.sqlfile import run_file

# The one-a-day baseline is scored on the same event mentions as the pipeline: read from the
# published file, grouped by parley.meetings.cluster.baseline_one_a_day, and shaped into the
# tables the scorer reads.
BASELINE_INPUT_TABLES = ("articles", "entities", "event_mentions", "event_mention_participants")
BASELINE_MEETINGS_FILE = Path(__file__).with_name("baseline_meetings.sql")

Link = tuple[str, str]  # (gold meeting id, article id)


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
    bcubed: metrics.Scores  # end to end: a missed report is its own meeting
    bcubed_found: metrics.Scores  # over the reports the pipeline found
    pairwise: metrics.Scores
    n_predicted_meetings_on_gold: int
    # Gold meetings with at least one report found: what the found reports' ratio is over.
    n_gold_meetings_found: int = 0
    # Multilateral gold meetings (a summit, or a group of states among the participants)
    # with a report found, and in all.
    multilateral: tuple[int, int] = (0, 0)
    # Participants of the matched meetings left without a country, and in all.
    without_country: tuple[int, int] = (0, 0)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # meeting, article, text
    slot_errors: list[str] = field(default_factory=list)

    @property
    def link_precision(self) -> float:
        """Share of counted predicted links that are right."""
        return metrics.ratio(
            self.true_positive_links, self.true_positive_links + self.false_positive_links
        )

    @property
    def link_recall(self) -> float:
        """Share of gold (meeting, article) pairs found."""
        return metrics.ratio(self.found_gold_links, self.n_gold_links)

    @property
    def link_f1(self) -> float:
        """Harmonic mean of link precision and recall."""
        return metrics.f1(self.link_precision, self.link_recall)

    @property
    def kind_accuracy(self) -> float:
        """Share of matched predicted meetings with the gold kind."""
        return metrics.ratio(self.kind_correct, self.n_slot_meetings)

    @property
    def date_accuracy(self) -> float:
        """Share of matched predicted meetings with the gold date (at the gold precision)."""
        return metrics.ratio(self.date_correct, self.n_slot_meetings)

    @property
    def country_accuracy(self) -> float:
        """Share of matched predicted meetings with the gold set of participant countries."""
        return metrics.ratio(self.countries_correct, self.n_slot_meetings)

    @property
    def share_without_country(self) -> float:
        """Share of the matched meetings' participants the pipeline gave no country."""
        return metrics.ratio(*self.without_country)

    @property
    def meeting_ratio(self) -> float:
        """Distinct predicted meetings holding gold reports per gold meeting (1.0 is ideal)."""
        return metrics.ratio(self.n_predicted_meetings_on_gold, self.n_gold_meetings)

    @property
    def found_meeting_ratio(self) -> float:
        """Distinct predicted meetings holding gold reports per gold meeting with a report
        found: the dedup's own ratio, which missed meetings do not lower (1.0 is ideal)."""
        return metrics.ratio(self.n_predicted_meetings_on_gold, self.n_gold_meetings_found)


@dataclass(frozen=True)
class SetScores:
    """parley's figures on one labelled set, and the one-a-day baseline's on its mentions."""

    report: EvalReport
    baseline: EvalReport


def score_warehouse(warehouse_path: Path, gold: GoldSet) -> EvalReport:
    """Score a published DuckDB warehouse against a gold set."""
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        return score_connection(con, gold)


def baseline_connection(warehouse_path: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database whose contract tables hold the "one-a-day" grouping (same
    parties, date, kind) of the warehouse's mentions, to score like the warehouse."""
    con = duckdb.connect()
    con.execute("ATTACH ? AS published (READ_ONLY)", [str(warehouse_path)])
    for table in BASELINE_INPUT_TABLES:
        con.execute(f"CREATE TABLE {table} AS FROM published.{table}")
    con.execute("DETACH published")
    baseline_one_a_day(con)
    run_file(con, BASELINE_MEETINGS_FILE)
    return con


def score_connection(con: duckdb.DuckDBPyConnection, gold: GoldSet) -> EvalReport:
    """Score the contract tables reachable through ``con``."""
    return score_predictions(_read_predictions(con, gold), gold, _read_evidence(con, gold))


@dataclass
class _LinkCounts:
    """What the predicted links of the labelled articles did."""

    true_positives: int = 0
    false_positives: int = 0
    weak: int = 0
    found: set[Link] = field(default_factory=set)
    landed: dict[Link, list[str]] = field(default_factory=lambda: defaultdict(list))
    matched_gold: dict[str, list[GoldMeeting]] = field(default_factory=lambda: defaultdict(list))
    false_positive_rows: list[tuple[str, str, str]] = field(default_factory=list)


def score_predictions(
    predicted: Sequence[PredictedMeeting],
    gold: GoldSet,
    evidence: dict[tuple[str, str], str] | None = None,
) -> EvalReport:
    """Score predicted meetings (with the labelled articles they cite) against gold."""
    counts = _count_links(predicted, gold, evidence or {})
    gold_links = [(g.meeting_id, a) for g in gold.meetings for a in g.article_ids]
    by_id = {m.meeting_id: m for m in predicted}
    kind_ok, date_ok, countries_ok, without_country, slot_errors = _slots(
        counts.matched_gold, by_id
    )
    clusters = _landing(counts.landed, gold, by_id, gold_links)
    found_links = [link for link in gold_links if link in clusters]
    negatives = sorted(
        a for a in gold.negative_article_ids if any(a in m.articles for m in predicted)
    )
    return EvalReport(
        n_gold_meetings=len(gold.meetings),
        n_gold_links=len(gold_links),
        true_positive_links=counts.true_positives,
        false_positive_links=counts.false_positives,
        ignored_weak_links=counts.weak,
        found_gold_links=len(counts.found),
        n_negatives=len(gold.negative_article_ids),
        negatives_with_meeting=negatives,
        n_slot_meetings=len(counts.matched_gold),
        kind_correct=kind_ok,
        date_correct=date_ok,
        countries_correct=countries_ok,
        bcubed=_bcubed(gold_links, clusters),
        bcubed_found=_bcubed(found_links, clusters),
        pairwise=metrics.pairwise(*_clusterings(gold_links, clusters)),
        n_predicted_meetings_on_gold=len(set(clusters.values())),
        n_gold_meetings_found=len({meeting for meeting, _ in found_links}),
        multilateral=_multilateral(gold, counts.found),
        without_country=without_country,
        false_positives=counts.false_positive_rows,
        missed=[
            (m.meeting_id, a, m.evidence_in(a))
            for m in gold.meetings
            for a in m.article_ids
            if (m.meeting_id, a) not in counts.found
        ],
        slot_errors=slot_errors,
    )


def _multilateral(gold: GoldSet, found: set[Link]) -> tuple[int, int]:
    """(found, total) multilateral gold meetings that some article reports."""
    meetings = [m for m in gold.meetings if m.article_ids and is_multilateral(m)]
    hit = sum(any((m.meeting_id, a) in found for a in m.article_ids) for m in meetings)
    return hit, len(meetings)


def _count_links(
    predicted: Sequence[PredictedMeeting], gold: GoldSet, evidence: dict[tuple[str, str], str]
) -> _LinkCounts:
    """Count every predicted link on the labelled articles as right, weak or wrong."""
    scored = set(gold.scored_article_ids)
    counts = _LinkCounts()
    for meeting in predicted:
        for article in meeting.articles:
            found = [g for g in gold.reporting.get(article, []) if matches(meeting, g)]
            if found:
                counts.true_positives += 1
                for g in found:
                    counts.found.add((g.meeting_id, article))
                    counts.landed[(g.meeting_id, article)].append(meeting.meeting_id)
                    counts.matched_gold[meeting.meeting_id].append(g)
            elif any(matches(meeting, g) for g in gold.alluding.get(article, [])):
                counts.weak += 1
            elif article in scored:
                counts.false_positives += 1
                sentence = evidence.get((meeting.meeting_id, article), "")
                counts.false_positive_rows.append((article, meeting.meeting_id, sentence))
    return counts


def _slots(
    matched_gold: dict[str, list[GoldMeeting]], by_id: dict[str, PredictedMeeting]
) -> tuple[int, int, int, tuple[int, int], list[str]]:
    """Kind, date and country agreement of each matched meeting with its best gold meeting,
    and (without a country, all) of their participants."""
    kind_ok = date_ok = countries_ok = 0
    every_country = [c for m in matched_gold for _, c in by_id[m].participants]
    errors = []
    for meeting_id, candidates in sorted(matched_gold.items()):
        meeting = by_id[meeting_id]
        best = max(
            candidates, key=lambda g: (shared_participants(meeting, g), -day_gap(meeting, g))
        )
        countries = meeting.states()
        right = (
            meeting.kind == best.kind,
            date_correct(meeting, best),
            countries == best.participant_countries,
        )
        kind_ok += right[0]
        date_ok += right[1]
        countries_ok += right[2]
        if not all(right):
            errors.append(
                f"{meeting_id} vs {best.meeting_id}: kind {meeting.kind}/{best.kind}, date "
                f"{meeting.date} {meeting.date_precision}/{best.date} {best.date_precision}, "
                f"countries {','.join(sorted(countries))}/"
                f"{','.join(sorted(best.participant_countries))}"
            )
    without = (sum(1 for c in every_country if not c), len(every_country))
    return kind_ok, date_ok, countries_ok, without, errors


def _landing(
    landed: dict[Link, list[str]],
    gold: GoldSet,
    by_id: dict[str, PredictedMeeting],
    gold_links: list[Link],
) -> dict[Link, str]:
    """The one predicted meeting each found gold report lands in.

    A report may land in several predicted meetings of its article (one sentence giving two
    mentions); it counts in the one that matches its gold meeting best: most shared
    participants; then one that no other gold meeting of the article matches better (of
    "Abe-Reagan" and "Abe-U.S.", the report of Abe meeting Congress is not the one that
    shares Reagan); then nearest date; then id, for a stable tie-break.
    """
    gold_by_id = {g.meeting_id: g for g in gold.meetings}

    def claimed_by_another(meeting_id: str, link: Link) -> bool:
        own = shared_participants(by_id[meeting_id], gold_by_id[link[0]])
        return any(
            shared_participants(by_id[meeting_id], other) > own
            for other in gold.reporting[link[1]]
            if other.meeting_id != link[0]
        )

    return {
        link: min(
            landed[link],
            key=lambda m: (
                -shared_participants(by_id[m], gold_by_id[link[0]]),
                claimed_by_another(m, link),
                day_gap(by_id[m], gold_by_id[link[0]]),
                m,
            ),
        )
        for link in gold_links
        if landed.get(link)
    }


def _clusterings(
    links: list[Link], clusters: dict[Link, str]
) -> tuple[dict[Link, str], dict[Link, str]]:
    """(predicted, gold) cluster of every link; a report found nowhere is its own cluster."""
    predicted = {link: clusters.get(link, f"singleton:{link}") for link in links}
    return predicted, {link: link[0] for link in links}


def _bcubed(links: list[Link], clusters: dict[Link, str]) -> metrics.Scores:
    return metrics.bcubed(*_clusterings(links, clusters))


def _read_predictions(con: duckdb.DuckDBPyConnection, gold: GoldSet) -> list[PredictedMeeting]:
    """The meetings citing labelled articles, with their participants."""
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
    # The baseline's tables have no meeting_countries: its meetings keep their people's states.
    states: dict[str, frozenset[str]] = {}
    if has_table(con, "meeting_countries"):
        rows = con.execute(COUNTRIES_SQL, [list(meetings)]).fetchall()
        states = {meeting_id: frozenset(codes) for meeting_id, codes in rows}
    return [
        PredictedMeeting(
            meeting_id=meeting_id,
            kind=str(entry["kind"]),
            date=entry["date"],  # type: ignore[arg-type]
            date_precision=entry["precision"],  # type: ignore[arg-type]
            participants=tuple(people[meeting_id]),
            articles=tuple(entry["articles"]),  # type: ignore[arg-type]
            countries=states.get(meeting_id),
        )
        for meeting_id, entry in meetings.items()
    ]


def _read_evidence(con: duckdb.DuckDBPyConnection, gold: GoldSet) -> dict[tuple[str, str], str]:
    """(meeting, article) -> the sentence of its mention, to show with false positives."""
    rows = con.execute(EVIDENCE_SQL, [gold.all_article_ids]).fetchall()
    return {(meeting_id, article): sentence for meeting_id, article, sentence in rows}
