"""Consult detection, sentence by sentence, on the PETRARCH/PLOVER gold records.

``shared/corpora/petrarch_consult/records.jsonl`` holds single sentences with the CAMEO or
PLOVER codings that the event-data field expects. A sentence counts as a consult when any
expected coding is CAMEO 04x or PLOVER CONSULT; we predict a consult when the mention
extractor finds any meeting, call or visit in it. Only the subsets whose codes follow
CAMEO/PLOVER meaning are scored (``codes_follow_cameo_semantics`` true or "mostly").

The conventions differ on purpose in one place: CAMEO codes announced meetings ("will meet
in Zurich", "is scheduled to attend a summit") and departures "for meetings" as consults,
while our labelling rules (and PLOVER's manual) treat them as announcements, so those
records count against us here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from parley.metrics import Confusion
from parley.records import Article

# Date for records without one (PLOVER uses a placeholder; any fixed day works because
# the records are single sentences scored for detection only).
_UNDATED = dt.date(2000, 1, 1)


@dataclass
class ConsultReport:
    """Consult detection overall and per subset, with the misclassified sentences."""

    overall: Confusion
    by_subset: dict[str, Confusion]
    errors: list[tuple[str, bool, str]] = field(default_factory=list)  # id, expected, text


def load_scored_records(records_path: Path) -> list[dict[str, object]]:
    """The records whose codes follow CAMEO/PLOVER meaning."""
    records = []
    for line in records_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("codes_follow_cameo_semantics") in (True, "mostly"):
                records.append(record)
    return records


def score_consult(records_path: Path) -> ConsultReport:
    """Run entities and mention extraction on each scored sentence and count agreement."""
    from parley.entities import extract_entities
    from parley.mentions import extract_event_mentions

    records = load_scored_records(records_path)
    articles = [_article(record) for record in records]
    batch = extract_entities(articles)
    events = extract_event_mentions(list(batch.by_article.values())).events
    predicted = {event.article_id for event in events}
    report = ConsultReport(overall=Confusion(), by_subset={})
    for record, article in zip(records, articles, strict=True):
        expected = bool(record["is_consult"])
        got = article.article_id in predicted
        report.overall.add(expected, got)
        report.by_subset.setdefault(str(record["subset"]), Confusion()).add(expected, got)
        if expected != got:
            report.errors.append((str(record["id"]), expected, str(record["text"])))
    return report


def format_consult_report(report: ConsultReport) -> str:
    """A plain-text table of the consult figures and the misclassified sentences."""
    lines = [
        "Consult detection (sentence level)",
        "  subset              n    acc    P      R      F1",
    ]
    rows = [*sorted(report.by_subset.items()), ("all", report.overall)]
    for name, c in rows:
        lines.append(
            f"  {name:<18} {c.n:>3}  {c.accuracy:.3f}  {c.precision:.3f}  {c.recall:.3f}  "
            f"{c.f1:.3f}"
        )
    if report.errors:
        lines.append("Misclassified (expected consult?):")
        lines += [
            f"  {rid} {'yes' if exp else 'no'}: {text[:140]}" for rid, exp, text in report.errors
        ]
    return "\n".join(lines)


def _article(record: dict[str, object]) -> Article:
    text = str(record["text"])
    date = record.get("date")
    return Article(
        article_id=str(record["id"]),
        source_ref=str(record["id"]),
        drop_id="petrarch-consult",
        published_date=dt.date.fromisoformat(str(date)) if date else _UNDATED,
        title=None,
        dateline=None,
        outlet=None,
        body=text,
        content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
