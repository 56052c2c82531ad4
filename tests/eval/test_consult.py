"""Consult detection scoring on a few PETRARCH/PLOVER-style records."""

from __future__ import annotations

import json
from pathlib import Path

from parley.eval.consult import format_consult_report, load_scored_records, score_consult

RECORDS = [
    # PLOVER gold (CC BY-SA 4.0): a consult.
    {
        "id": "p:1",
        "subset": "plover_gsr",
        "date": None,
        "is_consult": True,
        "codes_follow_cameo_semantics": True,
        "text": "U.S. Secretary of State Warren Christopher telephoned Russian Foreign Minister "
        "Andrei Kozyrev on Tuesday to discuss efforts to forge a peace settlement.",
    },
    # A non-consult.
    {
        "id": "p:2",
        "subset": "plover_gsr",
        "date": None,
        "is_consult": False,
        "codes_follow_cameo_semantics": True,
        "text": "Yemen has rejected a U.S. request to interrogate detainees, a security "
        "official said Tuesday.",
    },
    # An announced meeting: CAMEO codes it as consult, our rules do not (counts as a miss).
    {
        "id": "g:1",
        "subset": "gsr_news",
        "date": "2008-08-06",
        "is_consult": True,
        "codes_follow_cameo_semantics": True,
        "text": "Barack Obama and Vladimir Putin will meet in Zurich to discuss their music tastes",
    },
    # Toy-dictionary subset: not scored.
    {
        "id": "t:1",
        "subset": "petrarch2_unittest",
        "date": None,
        "is_consult": True,
        "codes_follow_cameo_semantics": False,
        "text": "Arnor met Gondor.",
    },
]


def test_consult_scoring(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n")
    assert len(load_scored_records(path)) == 3
    report = score_consult(path)
    counts = report.overall
    assert (counts.tp, counts.fp, counts.fn, counts.tn) == (1, 0, 1, 1)
    assert counts.accuracy == 2 / 3
    assert report.by_subset["plover_gsr"].f1 == 1.0
    assert [e[0] for e in report.errors] == ["g:1"]
    assert "gsr_news" in format_consult_report(report)
