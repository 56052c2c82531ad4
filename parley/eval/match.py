"""When a predicted meeting is a gold meeting: the matching rules of ``shared/eval``.

A predicted meeting *matches* a gold meeting on an article when it cites the article, shares
at least one participant (same surname, same name, one name's words contained in the other's:
"Moi" / "Daniel arap Moi", "Japan"; or one organisation under two of its names: "GCC" / "Gulf
Cooperation Council"), and its date is compatible: either date NULL, both day precision
within one day, otherwise the same month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parley.eval.gold import GoldMeeting
from parley.lexicon.groups import is_group
from parley.lexicon.organisations import known_organisation
from parley.names import fold


@dataclass(frozen=True)
class PredictedMeeting:
    """A warehouse meeting as the scorer sees it."""

    meeting_id: str
    kind: str
    date: dt.date | None
    date_precision: str | None
    participants: tuple[tuple[str, str | None], ...]  # (canonical_name, country_iso3)
    articles: tuple[str, ...]  # source_refs among the labelled articles
    # Its states (meeting_countries), when the tables give them; else its people's.
    countries: frozenset[str] | None = None

    def states(self) -> frozenset[str]:
        """The states taking part: ``countries``, else the participants' own states."""
        if self.countries is not None:
            return self.countries
        return frozenset(c for _, c in self.participants if c)


def matches(meeting: PredictedMeeting, gold: GoldMeeting) -> bool:
    """True when the predicted meeting shares a participant and a compatible date."""
    return shared_participants(meeting, gold) > 0 and _date_compatible(meeting, gold)


def shared_participants(meeting: PredictedMeeting, gold: GoldMeeting) -> int:
    """How many predicted participants name one of the gold participants."""
    return sum(
        any(_same_party(name, gold_name) for gold_name in gold.participants)
        for name, _ in meeting.participants
    )


def date_correct(meeting: PredictedMeeting, gold: GoldMeeting) -> bool:
    """The gold's day at day precision, its month at month precision, NULL for NULL."""
    if gold.date is None:
        return meeting.date is None
    if meeting.date is None or meeting.date_precision != gold.date_precision:
        return False
    if gold.date_precision == "day":
        return meeting.date == gold.date
    return (meeting.date.year, meeting.date.month) == (gold.date.year, gold.date.month)


def day_gap(meeting: PredictedMeeting, gold: GoldMeeting) -> int:
    """Days between the two dates (0 when either is unknown)."""
    if meeting.date is None or gold.date is None:
        return 0
    return abs((meeting.date - gold.date).days)


def _same_party(predicted: str, gold: str) -> bool:
    # An organisation under another of its names is the same party ("Gulf Cooperation
    # Council" / "GCC", "Group of Seven" / "G7").
    a, b = _name_words(_organisation_name(predicted)), _name_words(_organisation_name(gold))
    if not a or not b:
        return False
    return a == b or a[-1] == b[-1] or set(a) <= set(b) or set(b) <= set(a)


def is_multilateral(gold: GoldMeeting) -> bool:
    """A summit, or a meeting with a group of states among its participants."""
    return gold.kind == "summit" or any(
        is_group(_organisation_name(name)) for name in gold.participants
    )


def _organisation_name(name: str) -> str:
    """The canonical name of a known organisation, else the name itself."""
    known = known_organisation(name)
    return known.canonical_name if known is not None else name


def _name_words(name: str) -> list[str]:
    """ASCII words of a name, lower case ("Pérez-Rubio" -> ["perez", "rubio"])."""
    ascii_name = fold(name).encode("ascii", "ignore").decode()
    return [w for w in re.split(r"[^0-9a-z]+", ascii_name) if w]


def _date_compatible(meeting: PredictedMeeting, gold: GoldMeeting) -> bool:
    if gold.date is None or meeting.date is None:
        return True
    if gold.date_precision == "day" and meeting.date_precision == "day":
        return abs((meeting.date - gold.date).days) <= 1
    return (meeting.date.year, meeting.date.month) == (gold.date.year, gold.date.month)
