"""One normaliser for names and surface forms: every lookup key and slug is made here.

- ``fold``: accents removed, curly apostrophes made straight, lower case, whitespace
  collapsed: the key of the country and place tables ("Côte d'Ivoire" -> "cote d'ivoire").
- ``name_key``: ``fold`` with full stops read as spaces, the key of people's names ("S.
  Jaishankar" and "S Jaishankar" are one key).
- ``slugify``: the ASCII slug inside entity ids ("Karl Otto Poehl" -> "karl-otto-poehl").
- ``display_name``: one spelling per name for ids built from text ("WASHINGTON" ->
  "Washington").
"""

from __future__ import annotations

import functools
import re
import unicodedata


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free, whitespace-collapsed lookup key."""
    return " ".join(_without_accents(text).replace("\u2019", "'").lower().split())


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The key of a person's name: ``fold`` with full stops read as spaces."""
    plain = _without_accents(text).replace(".", " ").replace("\u2019", "'")
    return " ".join(plain.lower().split())


def slugify(text: str) -> str:
    """Deterministic ASCII slug ("Karl Otto Poehl" -> "karl-otto-poehl")."""
    return re.sub(r"[^a-z0-9]+", "-", name_key(text)).strip("-")


def surname_of(name: str) -> str:
    """Last token of a name key; particles ("de", "von") stay with the surname."""
    tokens = name_key(name).split()
    return tokens[-1] if tokens else ""


_LOWER_PARTICLES = frozenset(
    {"of", "the", "and", "for", "on", "de", "del", "da", "do", "di", "von", "van", "der", "bin",
     "al", "la", "le", "du", "y"}
)  # fmt: skip


def display_name(text: str) -> str:
    """One spelling per name for ids built from text: "WASHINGTON" and "Gulf war" become
    "Washington" and "Gulf War"; particles stay lower case, acronyms ("IMF") stay."""
    words = " ".join(text.split()).split(" ")
    shouted = text.isupper() and (len(words) > 1 or len(text) > 4)  # "NEW YORK", "OPEC" stays
    out = []
    for index, word in enumerate(words):
        if index > 0 and word.lower() in _LOWER_PARTICLES:
            out.append(word.lower())
        elif shouted or word.islower():
            out.append(word[:1].upper() + word[1:].lower())
        else:
            out.append(word)
    return " ".join(out)
