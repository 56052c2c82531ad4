"""The curated people file (``parley/data/people.csv``): canonical names, aliases, offices.

One row per (person, office) with ISO dates; a person with several offices has several rows
(aliases may sit on any of them and are merged). ``office_iso3`` is empty for offices of
international organisations (IMF, World Bank, EC). There is no offline gazetteer of office
holders, so this file is grown from what the corpora show.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

from parley.names import name_key, slugify, surname_of

PEOPLE_FILE = "people.csv"


@dataclass(frozen=True)
class Office:
    """An office held between two dates (``end`` None: still in office)."""

    role: str
    office_iso3: str | None
    start: dt.date
    end: dt.date | None

    def valid_on(self, day: dt.date) -> bool:
        """True when the office was held on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class Person:
    """A curated person with their offices."""

    entity_id: str
    canonical_name: str
    country_iso3: str | None
    aliases: set[str] = field(default_factory=set)
    offices: list[Office] = field(default_factory=list)

    def office_on(self, day: dt.date) -> Office | None:
        """The office held on ``day`` (the latest-starting one if several)."""
        valid = [o for o in self.offices if o.valid_on(day)]
        return max(valid, key=lambda o: o.start) if valid else None


@dataclass(frozen=True)
class PeopleIndex:
    """Lookups over the curated people: by full alias and by surname."""

    people: dict[str, Person]
    by_alias: dict[str, list[Person]]
    by_surname: dict[str, list[Person]]
    by_first: dict[str, list[Person]]

    def find_alias(self, name: str) -> list[Person]:
        """People one of whose names is exactly ``name`` (case/accent-insensitive)."""
        return self.by_alias.get(name_key(name), [])

    def find_first_name(self, first_name: str) -> list[Person]:
        """People one of whose full aliases starts with ``first_name``."""
        return self.by_first.get(name_key(first_name), [])

    def find_surname(self, surname: str) -> list[Person]:
        """People whose surname (last name token) is ``surname``."""
        return self.by_surname.get(name_key(surname), [])

    def holder_of(self, role: str, country_iso3: str, day: dt.date) -> Person | None:
        """The one person holding ``role`` (as written in the file: "President") of
        ``country_iso3`` on ``day``; None when the file knows none or several."""
        wanted = role.lower()
        holders = [
            person
            for person in self.people.values()
            if any(
                o.role.lower() == wanted and o.office_iso3 == country_iso3 and o.valid_on(day)
                for o in person.offices
            )
        ]
        return holders[0] if len(holders) == 1 else None


def person_id(canonical_name: str) -> str:
    """entity_id of a person by canonical name."""
    return f"person:{slugify(canonical_name)}"


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text.strip() else None


@functools.cache
def people_index() -> PeopleIndex:
    """Load ``people.csv`` once per process."""
    text = resources.files("parley.data").joinpath(PEOPLE_FILE).read_text(encoding="utf-8")
    return build_index(csv.DictReader(text.splitlines()))


def build_index(rows: object) -> PeopleIndex:
    """Build the index from CSV rows (dicts with the people.csv columns)."""
    people: dict[str, Person] = {}
    for row in rows:  # type: ignore[attr-defined]
        name = row["canonical_name"].strip()
        pid = person_id(name)
        person = people.get(pid)
        if person is None:
            person = Person(pid, name, row["country_iso3"].strip() or None)
            people[pid] = person
        person.aliases.add(name)
        person.aliases.update(a.strip() for a in row["aliases"].split(";") if a.strip())
        start = _date(row["start"])
        if row["office"].strip() and start is not None:
            person.offices.append(
                Office(
                    role=row["office"].strip(),
                    office_iso3=row["office_iso3"].strip() or None,
                    start=start,
                    end=_date(row["end"]),
                )
            )
    by_alias: dict[str, list[Person]] = defaultdict(list)
    by_surname: dict[str, list[Person]] = defaultdict(list)
    by_first: dict[str, list[Person]] = defaultdict(list)
    for person in people.values():
        for key in {name_key(alias) for alias in person.aliases}:
            by_alias[key].append(person)
        surnames = {surname_of(a) for a in person.aliases if len(name_key(a).split()) > 1}
        surnames |= {name_key(a) for a in person.aliases if len(name_key(a).split()) == 1}
        for surname in surnames:
            by_surname[surname].append(person)
        for first in {name_key(a).split()[0] for a in person.aliases if " " in a.strip()}:
            by_first[first].append(person)
    return PeopleIndex(
        people=people, by_alias=dict(by_alias), by_surname=dict(by_surname), by_first=dict(by_first)
    )


def ruler_names() -> list[tuple[str, str]]:
    """(alias, entity_id) pairs to put in the entity ruler as PERSON patterns.

    All aliases are listed: the ruler only fixes the label (the NER model tags "Poehl" as
    ORG now and then); which person a surname means is decided later, with the article date.
    """
    index = people_index()
    return sorted(
        (alias, person.entity_id) for person in index.people.values() for alias in person.aliases
    )
