"""Well-known organisations and the words that mark a company.

``parley/data/organisations.csv`` maps the surface forms news uses for international bodies,
central banks and government departments ("IMF", "the Fed", "Bank of Japan", "Pentagon") to
one canonical name and, for national bodies, their state; each row says where it was seen.
Organisations not listed keep their text as their id (``org:<slug>``).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

from parley.lexicon.groups import is_group
from parley.names import name_key

ORGANISATIONS_FILE = "organisations.csv"

# Legal-form words that end a company's name ("Giorgio Inc", "Lazard Freres and Co",
# "Montedison Spa"). Talks between companies are not diplomacy, and a PERSON-tagged span
# ending in one of them is a company the model took for a name.
LEGAL_FORMS = frozenset(
    {"inc", "corp", "corporation", "co", "cos", "ltd", "plc", "ag", "sa", "nv", "bv", "spa",
     "holdings", "company"}
)  # fmt: skip


@dataclass(frozen=True)
class Organisation:
    """A known organisation: its canonical name and its state (None: international)."""

    canonical_name: str
    country_iso3: str | None


@functools.cache
def organisations() -> dict[str, Organisation]:
    """Alias key (``name_key``) -> organisation, loaded once per process."""
    text = resources.files("parley.data").joinpath(ORGANISATIONS_FILE).read_text("utf-8")
    return {
        name_key(row["alias"]): Organisation(row["canonical_name"], row["country_iso3"] or None)
        for row in csv.DictReader(text.splitlines())
    }


def known_organisation(text: str) -> Organisation | None:
    """The organisation ``text`` names ("IMF", "The White House"), else None."""
    key = name_key(text)
    return organisations().get(key) or organisations().get(key.removeprefix("the "))


def is_legal_form(word: str) -> bool:
    """True for a word that marks a company name ("Inc.", "<Corp>", "PLC")."""
    return word.lower().strip("<>.") in LEGAL_FORMS


def group_surface_forms() -> list[tuple[str, str]]:
    """(text as news writes it, canonical name) for the aliases of groups of states: one
    word in capitals and capitalised ("OPEC", "Opec", "Quad"), names in title case ("Group
    of Seven") and with only their first word capitalised ("Cartagena group")."""
    forms: dict[str, str] = {}
    for alias_key, organisation in sorted(organisations().items()):
        if not is_group(organisation.canonical_name):
            continue
        words = alias_key.split()
        if len(words) == 1:
            texts = [alias_key.upper(), alias_key.capitalize()]
        else:
            texts = [" ".join(w if w in {"of", "the", "and"} else w.capitalize() for w in words)]
            # Wire copy lower-cases a common noun after the name: "the Cartagena group".
            texts.append(" ".join([words[0].capitalize(), *words[1:]]))
        for text in texts:
            forms.setdefault(text, organisation.canonical_name)
    return sorted(forms.items())
