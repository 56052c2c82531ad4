"""The entity scorer: counts on a two-article sample, and the shipped sample's shape."""

from __future__ import annotations

import json
from pathlib import Path

from parley.eval.entities import DEFAULT_SAMPLE, load_sample, score_entities


def test_score_entities_on_a_small_sample(tmp_path: Path) -> None:
    records = [
        {
            "article_id": "a1",
            "date": "1987-04-07",
            "body": "Japanese Finance Minister Kiichi Miyazawa met U.S. Treasury Secretary "
            "James Baker in Washington.",
            "persons": ["Kiichi Miyazawa", "James Baker", "Paul Volcker"],
            "countries": ["JPN", "USA"],
        },
        {
            "article_id": "a2",
            "date": "1987-04-07",
            "body": "West German bankers were cautious.",
            "persons": [],
            "countries": ["FRA"],
        },
    ]
    sample = tmp_path / "sample.jsonl"
    sample.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = score_entities(sample)
    assert (report.persons.tp, report.persons.fp, report.persons.fn) == (2, 0, 1)
    assert (report.countries.tp, report.countries.fp, report.countries.fn) == (2, 1, 1)
    assert [e["article_id"] for e in report.errors] == ["a1", "a2"]
    assert "PERSON" in report.summary()


def test_shipped_sample_shape() -> None:
    records = load_sample(DEFAULT_SAMPLE)
    assert len(records) == 200
    assert len({r["article_id"] for r in records}) == 200
    for record in records:
        assert all(len(code) == 3 and code.isupper() for code in record["countries"])
