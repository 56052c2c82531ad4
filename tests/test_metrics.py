"""The shared scores: confusion counts, B-cubed and pairwise, on hand-computed cases."""

from __future__ import annotations

import pytest

from parley.metrics import Confusion, bcubed, f1, pairwise, ratio


def test_confusion_over_sets() -> None:
    score = Confusion()
    score.add_sets({"a", "b"}, {"b", "c"})
    score.add_sets(set(), {"d"})
    assert (score.tp, score.fp, score.fn) == (1, 1, 2)
    assert score.precision == 0.5 and score.recall == 1 / 3
    assert score.f1 == pytest.approx(0.4)


def test_confusion_over_decisions() -> None:
    score = Confusion()
    for expected, predicted in [(True, True), (True, False), (False, True), (False, False)]:
        score.add(expected, predicted)
    assert (score.tp, score.fp, score.fn, score.tn) == (1, 1, 1, 1)
    assert score.n == 4 and score.accuracy == 0.5


def test_empty_denominators_are_zero() -> None:
    assert ratio(3, 0) == 0.0 and f1(0.0, 0.0) == 0.0
    assert Confusion().precision == 0.0
    assert bcubed({}, {}) == (0.0, 0.0, 0.0)


def test_bcubed_of_a_merge_and_a_split() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    # a and b apart: recall suffers; everything together: precision suffers.
    assert bcubed({"a": "x", "b": "y", "c": "z"}, gold) == pytest.approx((1.0, 2 / 3, 0.8))
    merged = bcubed({"a": "x", "b": "x", "c": "x"}, gold)
    assert merged[:2] == pytest.approx((5 / 9, 1.0))


def test_pairwise_counts_same_cluster_pairs() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    assert pairwise({"a": "x", "b": "x", "c": "x"}, gold) == pytest.approx((1 / 3, 1.0, 0.5))
    assert pairwise({"a": "x", "b": "y", "c": "z"}, gold) == (0.0, 0.0, 0.0)
