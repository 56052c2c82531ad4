"""Select the articles of parley's own labelled meeting set, and split off its unseen third.

Run once, before any label exists and before any rule is tuned on the set:

    .venv/bin/python tests/data/meetings/select_articles.py ../shared

It writes, for each source, ``<source>/articles.jsonl`` (a drop in the product's input format)
and ``<source>/split.tsv`` (article id, selection group, ``dev`` or ``unseen``). The choice is
mechanical and seeded: no article text was read to make it.

- Reuters-21578: wires that use meeting vocabulary, never one of
  ``shared/eval/reserved_ids.txt``, nor a re-send of one (same body, or same title within
  three days), nor one of the shared development sets: 200 drawn at random from those that name
  an office (minister, president, governor, delegation, ...), 80 from the rest (corporate and
  market wires: the precision side); then, as a second round once the first showed one wire in
  four holding a meeting, every other wire whose wording states a meeting strongly ("met
  with", "held talks", "paid a visit", ...). Labellers then searched the corpus for the
  other reports of each meeting they found and added those wires to the seed wire's group (see
  README.md), so the set holds several reports of one meeting, for dedup.
- White House readouts: 240 drawn at random from ``shared/corpora/whitehouse_readouts``, then
  (third round, when the Reuters pool proved thin) 120 more from the rest; grouped by ISO week
  (a trip's readouts stay together).

The unseen third is every selection group whose seeded hash is 0 mod 3: whole groups, so the
reports of one meeting never straddle the split. An added wire joins its seed's group; a wire
that two groups of different splits claim goes to the unseen side.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
SEED = 20261201
N_REUTERS_OFFICIAL = 200
N_REUTERS_OTHER = 80
N_READOUTS = 240
# Third round, once the first two showed the Reuters pool holds fewer meetings than hoped:
# more readouts, drawn from the ones not yet chosen.
N_MORE_READOUTS = 120

MEETING_VOCABULARY = re.compile(
    r"\b(met|meets|meeting with|held talks|hold talks|talks with|talks between|talked with"
    r"|conferred|telephoned|by telephone|phone call|telephone call|visited|visiting|on a visit"
    r"|summit|received|hosted|discussed with|negotiations with)\b",
    re.IGNORECASE,
)
STRONG_MEETING = re.compile(
    r"\b(met with|met (?:his|her|the|[A-Z])|held talks|talks with|meeting with|telephoned"
    r"|paid a visit|on a visit|on an official visit|visited|conferred with)\b"
)
OFFICIAL = re.compile(
    r"\b(minister|president|secretary|chancellor|premier|governor|king|envoy|ambassador"
    r"|delegation|leader|foreign|finance)\b",
    re.IGNORECASE,
)


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def excluded_reuters_ids(shared: Path, articles: list[dict]) -> set[str]:
    """Reserved ids, their re-sends, and every article of the shared development sets."""
    eval_dir = shared / "eval"
    reserved = set((eval_dir / "reserved_ids.txt").read_text().split())
    excluded = set(reserved)
    for name in ("reuters_meetings_dev", "reuters_meetings_dev2"):
        folder = eval_dir / name
        for gold in read_jsonl(folder / "gold.jsonl"):
            excluded |= set(gold["article_ids"]) | set(gold.get("weak_article_ids", []))
        excluded |= {n["article_id"] for n in read_jsonl(folder / "negatives.jsonl")}
        ids = folder / "labelled_ids.txt"
        if ids.exists():
            excluded |= set(ids.read_text().split())
    reserved_bodies = {a["body"] for a in articles if a["id"] in reserved}
    reserved_titles = defaultdict(list)
    for a in articles:
        if a["id"] in reserved:
            reserved_titles[a["title"]].append(dt.date.fromisoformat(a["date"]))
    for a in articles:
        day = dt.date.fromisoformat(a["date"])
        near_title = any(abs((day - d).days) <= 3 for d in reserved_titles.get(a["title"], []))
        if a["body"] in reserved_bodies or near_title:
            excluded.add(a["id"])
    return excluded


def is_unseen(group: str) -> bool:
    digest = hashlib.sha256(f"parley-unseen:{group}".encode()).hexdigest()
    return int(digest, 16) % 3 == 0


def write_source(folder: Path, chosen: list[tuple[str, dict]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    chosen = sorted(chosen, key=lambda ga: (ga[1]["date"], ga[1]["id"]))
    drop_fields = ("id", "date", "title", "dateline", "body", "outlet", "url")
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for _, a in chosen:
            record = {k: a[k] for k in drop_fields if a.get(k) is not None}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with (folder / "split.tsv").open("w", encoding="utf-8") as out:
        out.write("article_id\tgroup\tsplit\n")
        for group, a in chosen:
            out.write(f"{a['id']}\t{group}\t{'unseen' if is_unseen(group) else 'dev'}\n")


def main(shared: Path) -> None:
    rng = random.Random(SEED)
    reuters = read_jsonl(shared / "corpora/reuters21578/articles.jsonl.gz")
    excluded = excluded_reuters_ids(shared, reuters)
    pool = [a for a in reuters if a["id"] not in excluded and MEETING_VOCABULARY.search(a["body"])]
    official = [a for a in pool if OFFICIAL.search(a["body"])]
    other = [a for a in pool if not OFFICIAL.search(a["body"])]
    chosen = rng.sample(official, N_REUTERS_OFFICIAL) + rng.sample(other, N_REUTERS_OTHER)
    taken = {a["id"] for a in chosen}
    chosen += [a for a in pool if a["id"] not in taken and STRONG_MEETING.search(a["body"])]
    write_source(HERE / "reuters", [(a["id"], a) for a in chosen])

    readouts = read_jsonl(shared / "corpora/whitehouse_readouts/articles.jsonl.gz")
    sample = rng.sample(readouts, N_READOUTS)
    chosen_ids = {a["id"] for a in sample}
    rest = [a for a in readouts if a["id"] not in chosen_ids]
    sample += random.Random(SEED + 2).sample(rest, N_MORE_READOUTS)

    def week(a: dict) -> str:
        year, number, _ = dt.date.fromisoformat(a["date"]).isocalendar()
        return f"w-{year}-{number:02d}"

    write_source(HERE / "readouts", [(week(a), a) for a in sample])


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared"))
