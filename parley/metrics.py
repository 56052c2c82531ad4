"""The scores every evaluation reports: precision, recall, F1, B-cubed and pairwise.

One home for them, so the entity, consult, meeting and dedup evaluations cannot drift apart:

- ``Confusion`` counts decisions (true/false positives and negatives) and gives accuracy,
  precision, recall and F1; ``Confusion.add_sets`` counts a predicted set of items against
  an expected one (micro-averaging over articles).
- ``bcubed`` and ``pairwise`` score a clustering of items against the true clusters: the
  standard measures of coreference (Bagga and Baldwin 1998; pairs of same-cluster items).

A ratio with a zero denominator is 0.0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

Scores = tuple[float, float, float]  # precision, recall, F1


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, 0.0 when the denominator is 0."""
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall."""
    return ratio(2 * precision * recall, precision + recall)


@dataclass
class Confusion:
    """Counts of a binary decision, or of predicted against expected items."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, predicted: bool) -> None:
        """Count one decision."""
        if expected and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    def add_sets(self, predicted: set[Hashable], expected: set[Hashable]) -> None:
        """Count one unit's predicted items against its expected items."""
        self.tp += len(predicted & expected)
        self.fp += len(predicted - expected)
        self.fn += len(expected - predicted)

    @property
    def n(self) -> int:
        """Number of decisions counted (with ``add``)."""
        return self.tp + self.fp + self.fn + self.tn

    @property
    def accuracy(self) -> float:
        """Share of decisions that were right."""
        return ratio(self.tp + self.tn, self.n)

    @property
    def precision(self) -> float:
        """Share of predicted items that are right."""
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Share of expected items found."""
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1(self.precision, self.recall)


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> Scores:
    """B-cubed precision, recall and F1 of the clustering ``predicted`` (item -> cluster)
    against ``gold`` (item -> true cluster), over the items of ``gold``."""
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    by_predicted = _members(items, predicted)
    by_gold = _members(items, gold)
    precision = recall = 0.0
    for item in items:
        same = len(by_predicted[predicted[item]] & by_gold[gold[item]])
        precision += same / len(by_predicted[predicted[item]])
        recall += same / len(by_gold[gold[item]])
    precision, recall = precision / len(items), recall / len(items)
    return precision, recall, f1(precision, recall)


def pairwise(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> Scores:
    """Precision, recall and F1 over the pairs of items put in one cluster."""
    same_predicted = same_gold = both = 0
    for a, b in combinations(list(gold), 2):
        in_predicted = predicted[a] == predicted[b]
        in_gold = gold[a] == gold[b]
        same_predicted += in_predicted
        same_gold += in_gold
        both += in_predicted and in_gold
    precision, recall = ratio(both, same_predicted), ratio(both, same_gold)
    return precision, recall, f1(precision, recall)


def _members(
    items: Iterable[Hashable], clusters: Mapping[Hashable, Hashable]
) -> dict[Hashable, set[Hashable]]:
    members: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item in items:
        members[clusters[item]].add(item)
    return members
