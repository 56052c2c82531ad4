"""The issue targets on the development set, measured as `parley eval` measures them.

The real pipeline (Dagster runs of process_drop and publish, on an ephemeral-folder instance)
over the labelled Reuters articles, scored against their labels (Reuters-21578,
Distribution 1.0; see tests/data/reuters_dev/README.md). A guard against regressions, not
a tuning loop: the labels are a development set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.eval.run import run_eval
from parley.eval.score import EvalReport
from parley.eval.sets import LABELLED_SETS
from pipelines.cli import INSTANCE_YAML
from pipelines.runner import run_pipeline


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory: pytest.TempPathFactory) -> tuple[EvalReport, EvalReport]:
    home = tmp_path_factory.mktemp("dagster_home")
    (home / "dagster.yaml").write_text(INSTANCE_YAML)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(home))

        def pipeline(drops_root: Path, warehouse: Path) -> None:
            summary = run_pipeline(drops_root, warehouse)
            assert not summary.failures, summary.failure_line()

        dev = next(s for s in LABELLED_SETS if s.name == "reuters-dev")
        scores = run_eval([dev], pipeline)["reuters-dev"]
        return scores.report, scores.baseline


def test_extraction_targets(dev_scores: tuple[EvalReport, EvalReport]) -> None:
    report, _ = dev_scores
    assert report.link_f1 >= 0.85
    assert len(report.negatives_with_meeting) <= 2
    assert report.date_accuracy >= 0.90
    assert report.kind_accuracy >= 0.85


def test_dedup_targets_and_the_baseline(dev_scores: tuple[EvalReport, EvalReport]) -> None:
    report, baseline = dev_scores
    assert report.bcubed_found[2] >= 0.95
    assert report.bcubed[2] >= 0.85
    assert 0.9 <= report.meeting_ratio <= 1.1
    assert report.bcubed_found[2] > baseline.bcubed_found[2]
    assert report.bcubed[2] > baseline.bcubed[2]
    assert abs(report.meeting_ratio - 1) < abs(baseline.meeting_ratio - 1)
