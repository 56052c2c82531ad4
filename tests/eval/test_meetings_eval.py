"""The dev-set scorer: matching rules, link counting, slots, dedup metrics, warehouse I/O."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from parley.eval.gold import GoldMeeting, GoldSet, load_gold
from parley.eval.match import PredictedMeeting
from parley.eval.report import format_report, format_summary, print_report
from parley.eval.run import run_eval
from parley.eval.score import EvalReport, score_predictions, score_warehouse
from parley.eval.sets import LabelledSet
from parley.records import (
    Article,
    EntityMention,
    EventMention,
    EventParticipant,
)
from tests.staged import stage_and_publish

DEV = Path(__file__).resolve().parents[1] / "data" / "reuters_dev"

GOLD = GoldSet(
    meetings=(
        GoldMeeting(
            "baker-miyazawa",
            "meeting",
            ("James Baker", "Kiichi Miyazawa"),
            frozenset({"USA", "JPN"}),
            dt.date(1987, 4, 7),
            "day",
            ("a1", "a2", "a3"),
            ("w1",),
        ),
        GoldMeeting(
            "abe-reagan",
            "meeting",
            ("Shintaro Abe", "Ronald Reagan"),
            frozenset({"JPN", "USA"}),
            dt.date(1987, 4, 1),
            "month",
            ("a3",),
            (),
        ),
    ),
    negative_article_ids=("n1", "n2"),
)


def predicted(
    meeting_id: str,
    names: tuple[str, ...],
    articles: tuple[str, ...],
    date: dt.date | None = dt.date(1987, 4, 7),
    precision: str | None = "day",
    kind: str = "meeting",
    countries: tuple[str | None, ...] = ("USA", "JPN"),
) -> PredictedMeeting:
    return PredictedMeeting(
        meeting_id, kind, date, precision, tuple(zip(names, countries, strict=False)), articles
    )


def test_links_count_true_false_and_weak() -> None:
    report = score_predictions(
        [
            predicted("m1", ("Baker", "Miyazawa"), ("a1", "a2", "w1")),
            predicted("m2", ("Nakasone", "Reagan"), ("n1",)),  # on a negative: false positive
            predicted("m3", ("Baker", "Miyazawa"), ("a3",), dt.date(1987, 4, 12)),  # wrong day
            predicted("m4", ("Someone", "Else"), ("z9",)),  # unlabelled article: not counted
        ],
        GOLD,
    )
    assert (report.true_positive_links, report.false_positive_links) == (2, 2)
    assert report.ignored_weak_links == 1
    assert report.found_gold_links == 2 and report.n_gold_links == 4
    assert report.link_precision == pytest.approx(0.5)
    assert report.link_recall == pytest.approx(0.5)
    assert report.negatives_with_meeting == ["n1"]
    assert ("baker-miyazawa", "a3") in [(m, a) for m, a, _ in report.missed]


def test_date_compatibility_rules() -> None:
    month_pred = predicted("m1", ("Miyazawa",), ("a1",), dt.date(1987, 4, 1), "month")
    next_day = predicted("m2", ("Miyazawa",), ("a2",), dt.date(1987, 4, 8))
    undated = predicted("m3", ("Abe",), ("a3",), None, None)
    report = score_predictions([month_pred, next_day, undated], GOLD)
    assert report.true_positive_links == 3
    # Slots are strict: the day must be the gold day, the month precision the gold's.
    assert report.n_slot_meetings == 3
    assert report.date_correct == 0


def test_surname_and_contained_names_match() -> None:
    report = score_predictions(
        [predicted("m1", ("Abe", "United States"), ("a3",), dt.date(1987, 4, 1), "month")],
        GOLD,
    )
    assert report.true_positive_links == 1
    assert report.date_correct == 1 and report.kind_correct == 1


def test_slots_compare_kind_and_countries() -> None:
    report = score_predictions(
        [predicted("m1", ("Baker", "Miyazawa"), ("a1",), kind="phone_call", countries=("USA",))],
        GOLD,
    )
    assert (report.kind_correct, report.date_correct, report.countries_correct) == (0, 1, 0)
    no_country = score_predictions(
        [predicted("m1", ("Baker", "Miyazawa"), ("a1",), countries=("USA", None))], GOLD
    )
    assert no_country.without_country == (1, 2)
    assert no_country.share_without_country == 0.5


def test_the_countries_slot_reads_the_meeting_s_states_when_given() -> None:
    # A group's members come from meeting_countries, not from its participants' own states.
    people_only = predicted("m1", ("Baker", "Miyazawa"), ("a1",), countries=(None, None))
    assert score_predictions([people_only], GOLD).countries_correct == 0
    with_states = dataclasses.replace(people_only, countries=frozenset({"USA", "JPN"}))
    assert score_predictions([with_states], GOLD).countries_correct == 1


def test_bcubed_and_pairwise() -> None:
    # a1 and a2 land in one predicted meeting, a3 in another: a split of baker-miyazawa.
    report = score_predictions(
        [
            predicted("m1", ("Baker", "Miyazawa"), ("a1", "a2")),
            predicted("m2", ("Baker", "Miyazawa"), ("a3",)),
        ],
        GOLD,
    )
    precision, recall, _ = report.bcubed
    # Items: (bm,a1) (bm,a2) (bm,a3) (abe,a3); the last is missed (singleton).
    assert precision == pytest.approx(1.0)
    assert recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert report.pairwise[0] == pytest.approx(1.0)
    assert report.pairwise[1] == pytest.approx(1 / 3)
    assert report.n_predicted_meetings_on_gold == 2
    assert report.meeting_ratio == pytest.approx(1.0)
    # Over the meetings found (abe missed): baker-miyazawa is in two rows.
    assert report.n_gold_meetings_found == 1
    assert report.found_meeting_ratio == pytest.approx(2.0)


def test_merging_two_gold_meetings_costs_bcubed_precision() -> None:
    report = score_predictions(
        [predicted("m1", ("Baker", "Abe"), ("a3",), dt.date(1987, 4, 7))], GOLD
    )
    assert report.bcubed[0] < 1.0


def test_a_report_counts_in_the_meeting_no_other_gold_meeting_claims() -> None:
    # "Abe met President Ronald Reagan and U.S. Congressional leaders": two gold meetings
    # in one article; each prediction shares Abe with both, but one also shares Reagan.
    gold = GoldSet(
        meetings=(
            GoldMeeting(
                "abe-reagan", "meeting", ("Shintaro Abe", "Ronald Reagan"),
                frozenset({"JPN", "USA"}), dt.date(1987, 4, 1), "month", ("a1",), (),
            ),
            GoldMeeting(
                "abe-congress", "meeting", ("Shintaro Abe", "U.S. Congressional leaders"),
                frozenset({"JPN", "USA"}), dt.date(1987, 4, 1), "month", ("a1",), (),
            ),
        ),
        negative_article_ids=(),
    )  # fmt: skip
    april = dt.date(1987, 4, 1)
    report = score_predictions(
        [
            # The lower id shares Reagan: by id alone both reports would land in it.
            predicted("m1", ("Shintaro Abe", "Ronald Reagan"), ("a1",), april, "month"),
            predicted("m2", ("Shintaro Abe", "United States"), ("a1",), april, "month"),
        ],
        gold,
    )
    assert report.bcubed_found == pytest.approx((1.0, 1.0, 1.0))
    assert report.n_predicted_meetings_on_gold == 2


TINY_ARTICLE = Article("art-1", "a1", "d", dt.date(1987, 4, 7), None, None, None, "x", "h")
TINY_MENTIONS = [
    EntityMention(
        "art-1", "person:james-baker", "James Baker", "PERSON", "USA", "Baker", "PERSON", 0, 5
    ),
    EntityMention(
        "art-1",
        "person:kiichi-miyazawa",
        "Kiichi Miyazawa",
        "PERSON",
        "JPN",
        "Miyazawa",
        "PERSON",
        6,
        14,
    ),
]
TINY_EVENT = EventMention(
    "em-1",
    "art-1",
    "meeting",
    dt.date(1987, 4, 7),
    "day",
    "today",
    None,
    None,
    "Miyazawa met Baker today.",
    9,
    12,
    0.9,
)
TINY_PARTIES = [
    EventParticipant("em-1", "person:james-baker", "participant"),
    EventParticipant("em-1", "person:kiichi-miyazawa", "participant"),
]


def test_scores_a_duckdb_warehouse_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.duckdb"
    _publish_tiny(path)
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "gold.jsonl").write_text(
        '{"meeting_id": "bm", "kind": "meeting", "participants": ["James Baker"], '
        '"participant_countries": ["USA", "JPN"], "date": "1987-04-07", "date_precision": '
        '"day", "article_ids": ["a1"]}\n'
    )
    (gold_dir / "negatives.jsonl").write_text("")
    report = score_warehouse(path, load_gold(gold_dir))
    assert report.link_f1 == pytest.approx(1.0)
    assert report.country_accuracy == pytest.approx(1.0)
    assert "link precision 1.000" in format_report(report)
    print_report(report)
    assert "B-cubed" in capsys.readouterr().out

    def pipeline(drops: Path, warehouse: Path) -> None:
        assert [p.name for p in drops.glob("*/articles.jsonl")] == ["articles.jsonl"]
        _publish_tiny(warehouse)

    source = tmp_path / "drop" / "articles.jsonl"
    source.parent.mkdir()
    source.write_text("")
    tiny = LabelledSet("tiny", source, lambda: load_gold(gold_dir))
    scores = run_eval([tiny], pipeline)
    assert scores["tiny"].report.link_f1 == pytest.approx(1.0)
    # One mention, one meeting: the baseline groups it the same way.
    assert scores["tiny"].baseline.bcubed == pytest.approx((1.0, 1.0, 1.0))
    assert "one-a-day" in format_summary(scores)


def test_a_kept_folder_of_an_earlier_run_is_refused(tmp_path: Path) -> None:
    # The pipeline would stage the sets on top of the earlier run's state (an incremental
    # history whose figures differ from this code's over the sets).
    kept = tmp_path / "kept"
    (kept / "eval_staging").mkdir(parents=True)
    source = tmp_path / "drop" / "articles.jsonl"
    source.parent.mkdir()
    source.write_text("")
    tiny = LabelledSet("tiny", source, lambda: load_gold(DEV))
    with pytest.raises(FileExistsError, match="not empty"):
        run_eval([tiny], lambda drops, warehouse: None, kept)


def _publish_tiny(warehouse: Path) -> None:
    """A real published warehouse (staging + publish) holding the tiny meeting."""
    stage_and_publish(warehouse, "d", [TINY_ARTICLE], TINY_MENTIONS, [TINY_EVENT], TINY_PARTIES)


def test_dev_labels_load() -> None:
    gold = load_gold(DEV)
    assert len(gold.meetings) == 28 and len(gold.negative_article_ids) == 18
    assert len(gold.all_article_ids) == 58


@pytest.fixture(scope="module")
def dev_report() -> EvalReport:
    from parley.eval.run import score_mentions_one_meeting_each

    return score_mentions_one_meeting_each(LabelledSet("dev", DEV / "drop", lambda: load_gold(DEV)))


def test_dev_set_extraction_targets(dev_report: EvalReport) -> None:
    # Issue 4 targets, measured with one meeting per mention (extractor alone).
    assert dev_report.link_f1 >= 0.85
    assert len(dev_report.negatives_with_meeting) <= 2
    assert dev_report.kind_accuracy >= 0.85


def test_dev_set_date_accuracy_does_not_regress(dev_report: EvalReport) -> None:
    # The extractor alone is at 0.863 over 51 matched reports (0.898 over 49 before described
    # sides were found: the two reports found since, "business leaders" and "the group of
    # ministers", name no day near the trigger and take the month). The whole pipeline,
    # whose meetings take the best date of all their reports, is held to 0.90
    # (test_dev_targets.py).
    assert dev_report.date_accuracy >= 0.85
