"""Synthetic scale benchmark of the meeting clustering: ``python -m parley.meetings.bench``.

Generates meetings between random people (a tenth of them busy, in half of all meetings),
each reported 1-5 times with day, month or no date precision, one day to two days late,
from three outlets; clusters them from scratch and again with nothing new, and prints the
times and the B-cubed scores against the generated truth, next to the one-a-day baseline.
The data is easy (parties are always resolved), so the scores test the machinery, not the
judgement; the times are the point.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow as pa

from parley.meetings.cluster import baseline_one_a_day, build_meetings

KINDS = ("meeting", "meeting", "phone_call", "visit", "negotiation")
PRECISIONS = ("day", "day", "day", "month", None)
START = dt.date(2024, 1, 1)


def synthetic_inputs(con: duckdb.DuckDBPyConnection, n_meetings: int, seed: int) -> None:
    """Create the clustering input relations with ``n_meetings`` generated meetings."""
    rng = random.Random(seed)
    people = [f"person:p{i}" for i in range(max(30, n_meetings // 10))]
    busy = people[: len(people) // 10]
    articles: dict[str, list[object]] = {k: [] for k in ("article_id", "published_date", "outlet")}
    mentions: dict[str, list[object]] = {
        k: [] for k in ("mention_id", "article_id", "kind", "event_date", "date_precision")
    }
    parts: dict[str, list[object]] = {k: [] for k in ("mention_id", "entity_id")}
    n_articles = 0
    for meeting in range(n_meetings):
        pool = busy if rng.random() < 0.5 else people
        parties = rng.sample(pool, rng.choice((2, 2, 2, 3)))
        day = START + dt.timedelta(days=rng.randrange(365))
        kind = rng.choice(KINDS)
        for _ in range(rng.choice((1, 1, 2, 3, 5))):
            n_articles += 1
            article_id = f"a{n_articles}"
            articles["article_id"].append(article_id)
            articles["published_date"].append(day + dt.timedelta(days=rng.choice((0, 0, 1, 2))))
            articles["outlet"].append(rng.choice(("A", "B", None)))
            precision = rng.choice(PRECISIONS)
            mention_id = f"m{n_articles}_{meeting}"
            mentions["mention_id"].append(mention_id)
            mentions["article_id"].append(article_id)
            mentions["kind"].append(kind)
            mentions["event_date"].append(
                day if precision == "day" else day.replace(day=1) if precision else None
            )
            mentions["date_precision"].append(precision)
            for entity_id in parties:
                parts["mention_id"].append(mention_id)
                parts["entity_id"].append(entity_id)
    con.register("_bench_articles", pa.table(articles))
    con.execute(
        "CREATE OR REPLACE TABLE articles AS SELECT article_id, 'bench' AS drop_id, "
        "published_date, outlet, NULL::VARCHAR AS dateline, NULL::VARCHAR AS title "
        "FROM _bench_articles"
    )
    con.register("_bench_mentions", pa.table(mentions))
    con.execute(
        "CREATE OR REPLACE TABLE event_mentions AS SELECT mention_id, article_id, kind, "
        "event_date, date_precision, NULL::VARCHAR AS date_text, NULL::VARCHAR AS location, "
        "NULL::VARCHAR AS location_iso3, 's' AS sentence, 0 AS start_char, 1 AS end_char, "
        "0.9 AS confidence, []::VARCHAR[] AS topics, NULL::VARCHAR AS setting, "
        "false AS held_apart FROM _bench_mentions"
    )
    con.register("_bench_parts", pa.table(parts))
    con.execute(
        "CREATE OR REPLACE TABLE event_mention_participants AS SELECT mention_id, entity_id, "
        "'participant' AS role_in_event FROM _bench_parts"
    )
    con.execute(
        "CREATE OR REPLACE TABLE entities AS SELECT entity_id, entity_id AS canonical_name, "
        "'PERSON' AS entity_type, 'USA' AS country_iso3, count(*) AS n_mentions, "
        "count(*) AS n_articles FROM event_mention_participants GROUP BY entity_id"
    )
    con.execute(
        "CREATE OR REPLACE TABLE person_roles (entity_id VARCHAR, role VARCHAR, "
        "country_iso3 VARCHAR, first_seen DATE, last_seen DATE, n_articles BIGINT)"
    )
    for name in ("_bench_articles", "_bench_mentions", "_bench_parts"):
        con.unregister(name)


def bcubed_against_truth(con: duckdb.DuckDBPyConnection, table: str) -> tuple[float, float]:
    """B-cubed precision and recall of ``table`` (mention_id, meeting_id) vs the generator."""
    rows = con.execute(f"SELECT mention_id, meeting_id FROM {table}").fetchall()
    items = [(mention_id.split("_")[1], meeting_id) for mention_id, meeting_id in rows]
    gold, pred, both = Counter(g for g, _ in items), Counter(p for _, p in items), Counter(items)
    precision = sum(both[i] / pred[i[1]] for i in items) / len(items)
    recall = sum(both[i] / gold[i[0]] for i in items) / len(items)
    return precision, recall


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print what it measured."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=5000, help="meetings to generate")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    con = duckdb.connect()
    synthetic_inputs(con, args.meetings, args.seed)
    n_mentions = con.execute("SELECT count(*) FROM event_mentions").fetchall()[0][0]
    print(f"{args.meetings} meetings, {n_mentions} mentions")
    with tempfile.TemporaryDirectory() as state:
        for label in ("from scratch", "nothing new"):
            started = time.perf_counter()
            stats = build_meetings(con, Path(state), dt.datetime.now(dt.UTC))
            print(f"{label}: {time.perf_counter() - started:.1f} s  {stats}")
    baseline_one_a_day(con)
    compared = (("clustering", "mention_meeting"), ("one-a-day", "baseline_mention_meeting"))
    for name, table in compared:
        precision, recall = bcubed_against_truth(con, table)
        f1 = 2 * precision * recall / (precision + recall)
        print(f"{name}: B-cubed P {precision:.4f} R {recall:.4f} F1 {f1:.4f}")


if __name__ == "__main__":
    main()
