"""The labelled sets ``parley eval`` reports, and which of them rules may be tuned on.

- ``reuters-dev``: 58 Reuters wires, 28 meetings, 18 hard negatives (``tests/data``); tuned on.
- ``reuters-dev2``: 200 random Reuters wires with meeting words (``shared/eval``); tuned on.
- ``readouts-dev``: 61 White House readouts (``shared/eval``); tuned on.
- ``parley-reuters-dev``, ``parley-readouts-dev``: two thirds of parley's own set
  (``tests/data/meetings``); tuned on.
- ``parley-reuters-unseen``, ``parley-readouts-unseen``: its unseen third; **not** tuned on.
- ``parley-unseen``: both unseen parts together, the figure that counts.

Unseen sets are reported as figures only: no article, sentence or error of theirs is printed,
so that nobody tunes a rule on them by accident. The shared sets are read from
``../shared/eval`` beside the repository when it is there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parley.eval.gold import GoldSet, load_gold, load_labels
from parley.settings import REPO_ROOT

DATA = REPO_ROOT / "tests" / "data"
OWN = DATA / "meetings"
SHARED_EVAL = REPO_ROOT.parent / "shared" / "eval"
KEY_ALIASES = OWN / "key_aliases.tsv"
COMBINED_UNSEEN = "parley-unseen"


@dataclass(frozen=True)
class LabelledSet:
    """A labelled set: its articles (a drop folder or a JSONL file) and how to read its
    labels; ``unseen`` sets were never looked at while writing rules."""

    name: str
    articles: Path
    load: Callable[[], GoldSet]
    unseen: bool = False

    @property
    def available(self) -> bool:
        """True when the set's articles are on this machine."""
        return self.articles.exists()


def _own(source: str, split: str) -> LabelledSet:
    folder = OWN / source
    return LabelledSet(
        f"parley-{source}-{split}",
        folder / "articles.jsonl",
        lambda: load_labels(folder, split, KEY_ALIASES),
        unseen=split == "unseen",
    )


def _shared(name: str, folder: Path, articles: Path | None = None) -> LabelledSet:
    return LabelledSet(name, articles or folder / "articles.jsonl", lambda: load_gold(folder))


LABELLED_SETS: tuple[LabelledSet, ...] = (
    _shared("reuters-dev", DATA / "reuters_dev", DATA / "reuters_dev" / "drop"),
    _shared("reuters-dev2", SHARED_EVAL / "reuters_meetings_dev2"),
    _shared("readouts-dev", SHARED_EVAL / "modern_readouts_dev"),
    _own("reuters", "dev"),
    _own("readouts", "dev"),
    _own("reuters", "unseen"),
    _own("readouts", "unseen"),
)


def combined(parts: dict[str, GoldSet]) -> GoldSet:
    """One gold set of several (meeting ids prefixed by their set, so none collide)."""
    meetings = [
        dataclasses.replace(
            meeting,
            meeting_id=f"{name}/{meeting.meeting_id}",
            part_of=f"{name}/{meeting.part_of}" if meeting.part_of else None,
        )
        for name, gold in parts.items()
        for meeting in gold.meetings
    ]
    return GoldSet(
        tuple(meetings),
        tuple(a for gold in parts.values() for a in gold.negative_article_ids),
        tuple(a for gold in parts.values() for a in gold.labelled_article_ids),
    )
