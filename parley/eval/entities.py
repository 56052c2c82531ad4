"""Score the entity pass against the hand-labelled sample of Reuters articles.

``tests/data/entities/sample.jsonl`` holds, per article, the expected set of PERSON canonical
names and the set of countries (ISO3) the article mentions as countries, governments or
demonyms (labelling rules in ``tests/data/entities/README.md``). Scores are micro-averaged
over (article, person) and (article, country) pairs; names compare case- and
accent-insensitively.

Run: ``python -m parley.eval.entities [SAMPLE]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from parley.entities import extract_entities
from parley.entities.ids import is_country_id
from parley.metrics import Confusion
from parley.names import name_key
from parley.records import Article

DEFAULT_SAMPLE = Path(__file__).resolve().parents[2] / "tests/data/entities/sample.jsonl"


@dataclass
class EntityReport:
    """Scores of the entity pass on a labelled sample, with the per-article misses."""

    n_articles: int
    persons: Confusion
    countries: Confusion
    errors: list[dict[str, object]] = field(default_factory=list)

    def summary(self) -> str:
        """A short printable report."""
        lines = [f"articles: {self.n_articles}"]
        for name, score in (("PERSON", self.persons), ("country", self.countries)):
            lines.append(
                f"{name:8} precision {score.precision:.3f}  recall {score.recall:.3f}  "
                f"f1 {score.f1:.3f}  (tp {score.tp}, fp {score.fp}, fn {score.fn})"
            )
        return "\n".join(lines)


def load_sample(sample_path: Path | str) -> list[dict[str, object]]:
    """The labelled records of a sample file."""
    with Path(sample_path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _article(record: dict[str, object]) -> Article:
    return Article(
        article_id=str(record["article_id"]),
        source_ref=str(record["article_id"]),
        drop_id="eval",
        published_date=dt.date.fromisoformat(str(record["date"])),
        title=record.get("title"),  # type: ignore[arg-type]
        dateline=record.get("dateline"),  # type: ignore[arg-type]
        outlet="Reuters",
        body=str(record["body"]),
        content_sha256="",
    )


def score_entities(sample_path: Path | str = DEFAULT_SAMPLE) -> EntityReport:
    """Run the entity pass over the sample and score persons and countries."""
    records = load_sample(sample_path)
    batch = extract_entities([_article(r) for r in records])
    persons, countries = Confusion(), Confusion()
    errors: list[dict[str, object]] = []
    for record in records:
        result = batch.by_article[str(record["article_id"])]
        predicted_people = {
            name_key(m.canonical_name) for m in result.mentions if m.entity_type == "PERSON"
        }
        predicted_countries = {
            m.entity_id[4:] for m in result.mentions if is_country_id(m.entity_id)
        }
        expected_people = {name_key(str(p)) for p in record["persons"]}  # type: ignore[attr-defined]
        expected_countries = set(record["countries"])  # type: ignore[call-overload]
        persons.add_sets(predicted_people, expected_people)
        countries.add_sets(predicted_countries, expected_countries)
        if predicted_people != expected_people or predicted_countries != expected_countries:
            errors.append(
                {
                    "article_id": record["article_id"],
                    "person_fp": sorted(predicted_people - expected_people),
                    "person_fn": sorted(expected_people - predicted_people),
                    "country_fp": sorted(predicted_countries - expected_countries),
                    "country_fn": sorted(expected_countries - predicted_countries),
                }
            )
    return EntityReport(len(records), persons, countries, errors)


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and, with --errors, every article that differs)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", nargs="?", default=str(DEFAULT_SAMPLE))
    parser.add_argument("--errors", action="store_true", help="list the articles that differ")
    args = parser.parse_args(argv)
    report = score_entities(args.sample)
    print(report.summary())
    if args.errors:
        for error in report.errors:
            print(json.dumps(error))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
