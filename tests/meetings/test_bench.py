"""The synthetic benchmark runs and the clustering beats one-a-day on its data."""

from __future__ import annotations

import re

import pytest

from parley.meetings.bench import main


def test_bench_beats_one_a_day(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--meetings", "200", "--seed", "3"])
    out = capsys.readouterr().out
    f1 = dict(re.findall(r"^(clustering|one-a-day): B-cubed .* F1 ([0-9.]+)$", out, re.M))
    assert float(f1["clustering"]) > 0.9
    assert float(f1["clustering"]) > float(f1["one-a-day"])
