"""Groups of states that meet as groups, and who their members were on a given day.

``parley/data/groups.csv`` lists each group's member states with the day they joined and
left, and where that is recorded (G-5 to G-24, OPEC, the EC and the EU, NATO, ASEAN, the
Quad, BRICS, the SCO, the GCC, the East Asia Summit, the Bucharest Nine, the C5+1). A member
may be another group of the file (the East Asia Summit counts ASEAN's members). The group's
names in text are organisation aliases (``data/organisations.csv``: "G-7", "Group of Seven"
-> G7); its entity is ``org:<slug of the canonical name>`` (``org:g7``).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

GROUPS_FILE = "groups.csv"


@dataclass(frozen=True)
class Membership:
    """One member of a group (a state, or another group) over a period."""

    member: str
    start: dt.date
    end: dt.date | None

    def valid_on(self, day: dt.date) -> bool:
        """True when the member belonged to the group on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@functools.cache
def memberships() -> dict[str, tuple[Membership, ...]]:
    """Group canonical name -> its memberships, loaded once per process."""
    text = resources.files("parley.data").joinpath(GROUPS_FILE).read_text("utf-8")
    found: dict[str, list[Membership]] = defaultdict(list)
    for row in csv.DictReader(text.splitlines()):
        end = dt.date.fromisoformat(row["end"]) if row["end"] else None
        found[row["group"]].append(
            Membership(row["member_iso3"], dt.date.fromisoformat(row["start"]), end)
        )
    return {group: tuple(rows) for group, rows in found.items()}


def is_group(canonical_name: str) -> bool:
    """True for the canonical name of a group of states ("G7", "OPEC", "Quad")."""
    return canonical_name in memberships()


def members_on(canonical_name: str, day: dt.date) -> frozenset[str]:
    """The member states of a group on ``day`` (empty for no group)."""
    return frozenset(
        state.member for state in state_memberships(canonical_name) if state.valid_on(day)
    )


def had_members_between(canonical_name: str, first: dt.date, last: dt.date) -> bool:
    """True when some state belonged to the group on a day from ``first`` to ``last``."""
    return any(
        state.start <= last and (state.end is None or first <= state.end)
        for state in state_memberships(canonical_name)
    )


@functools.cache
def state_memberships(canonical_name: str) -> tuple[Membership, ...]:
    """A group's member states over time, a member group's members counted for the period
    both memberships hold (ASEAN's states in the East Asia Summit)."""
    states: list[Membership] = []
    for membership in memberships().get(canonical_name, ()):
        if not is_group(membership.member):
            states.append(membership)
            continue
        for inner in state_memberships(membership.member):
            start = max(membership.start, inner.start)
            ends = [end for end in (membership.end, inner.end) if end is not None]
            end = min(ends) if ends else None
            if end is None or start <= end:
                states.append(Membership(inner.member, start, end))
    return tuple(states)


def group_membership_rows() -> list[tuple[str, str, dt.date, dt.date | None]]:
    """(group, member state, start, end) for every group: the table SQL joins on."""
    return [
        (group, state.member, state.start, state.end)
        for group in memberships()
        for state in state_memberships(group)
    ]
