"""The person an unnamed official of a wire lead turns out to be, a few sentences on."""

from __future__ import annotations

from spacy.tokens import Token

from parley.mentions.references import References
from parley.records import EntityMention

# How far after an unnamed "a senior Japanese official" the name may come (characters).
_DELAYED_WINDOW = 400


def delayed_identification(
    token: Token,
    offset: int,
    entities: References,
    stand_in: EntityMention,
    exclude: set[str],
) -> EntityMention | None:
    """Wire leads name a person only later: "A senior Japanese trade official met ..." is
    the first person of that country named in the next sentences ("... Makoto Kuroda")."""
    singular_indefinite = token.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children
    )
    if not singular_indefinite or stand_in.country_iso3 is None:
        return None
    start = offset + token.idx
    for mention in entities.mentions:
        if mention.start_char <= start or mention.start_char > start + _DELAYED_WINDOW:
            continue
        resolved = entities.canonical(mention)
        if (
            resolved.entity_type == "PERSON"
            and resolved.country_iso3 == stand_in.country_iso3
            and resolved.entity_id not in exclude
        ):
            return resolved
    return None
