"""Office titles: the token patterns of the title ruler and the normalised role names.

Titles are matched on LOWER/ORTH only (no part-of-speech), so the rules work in the NER-only
pipeline. A title is ``[modifier]* [department]* head [of/for department]``:
"Deputy Prime Minister", "Indian National Security Advisor" (the demonym is not part of the
title), "Secretary of State", "Minister for Foreign Affairs", "Chancellor of the Exchequer".
A bare one-word head ("President", "Chancellor") must be capitalised, so "the president of
the company" is not a title span.

Role spelling is normalised moderately by ``normalize_role``: words are title-cased (small
words stay lower case), "Defense" becomes "Defence" and "Adviser" becomes "Advisor" (one
spelling per office, so person_roles does not split one office over two spellings),
abbreviations are expanded ("Sen." -> "Senator", "EAM" -> "External Affairs Minister"),
and "Secretary General"/"Director General" take their hyphen. Everything else is kept as
written: "Treasury Secretary" and "Secretary of the Treasury" stay distinct.
"""

from __future__ import annotations

import re

# Words that form the head of a title; tuples are token sequences (spaCy splits hyphens).
HEADS: tuple[tuple[str, ...], ...] = (
    ("minister",),
    ("prime", "minister"),
    ("secretary",),
    ("state", "secretary"),
    ("under", "secretary"),
    ("undersecretary",),
    ("under", "-", "secretary"),
    ("secretary", "general"),
    ("secretary", "-", "general"),
    ("general", "secretary"),
    ("advisor",),
    ("adviser",),
    ("representative",),
    ("chancellor",),
    ("president",),
    ("vice", "president"),
    ("vice", "-", "president"),
    # "President-elect Javier Milei": the readouts' calls to leaders just elected
    ("president", "-", "elect"),
    ("prime", "minister", "-", "elect"),
    ("chairman",),
    ("chairwoman",),
    ("governor",),
    ("director",),
    ("managing", "director"),
    ("director", "general"),
    ("director", "-", "general"),
    ("ambassador",),
    ("envoy",),
    ("commissioner",),
    ("premier",),
    ("vice", "premier"),
    ("king",),
    ("queen",),
    ("crown", "prince"),
    ("emperor",),
    ("amir",),
    ("emir",),
    ("sultan",),
    ("speaker",),
    # "Leader Schumer", "Senate Democratic Leader Robert Byrd", "Soviet Leader Mikhail
    # Gorbachev": capitalised before a name, a leader is an office (88 of the 90 such
    # "Leader <Name>" in the two corpora; the others are a company, "Leader Development")
    ("leader",),
    ("majority", "leader"),
    ("minority", "leader"),
    ("senator",),
    ("sen.",),
    ("congressman",),
    ("congresswoman",),
    ("rep.",),
    ("treasurer",),
    ("chief", "of", "staff"),
    ("chief", "negotiator"),
    ("attorney", "general"),
    ("taoiseach",),
    ("pope",),
    ("patriarch",),
    ("first", "lady"),
    ("second", "gentleman"),
)

# Heads that may be followed by "of/for <department>" ("Secretary of State").
OF_HEADS: frozenset[str] = frozenset({"secretary", "minister", "chancellor", "commissioner"})

MODIFIERS: frozenset[str] = frozenset(
    {"deputy", "vice", "acting", "assistant", "junior", "senior", "first", "second", "associate"}
)

DEPARTMENT_WORDS: frozenset[str] = frozenset(
    {
        "finance", "foreign", "trade", "defence", "defense", "treasury", "agriculture",
        "agricultural", "energy", "oil", "gas", "petroleum", "commerce", "economy", "economics",
        "economic", "industry", "industrial", "interior", "home", "justice", "labor", "labour",
        "external", "affairs", "international", "planning", "budget", "transport",
        "transportation", "health", "education", "environment", "mines", "mining", "primary",
        "fisheries", "information", "national", "security", "communications", "posts",
        "telecommunications", "public", "works", "cabinet", "development", "cooperation",
        "european", "homeland", "science", "technology", "culture", "tourism", "housing",
        "social", "welfare", "employment", "monetary", "fiscal", "customs", "water", "power",
        "resources", "natural", "chief", "legal", "consumer", "corporate", "food",
        "forestry", "shipping", "aviation", "industries", "and",
    }
)  # fmt: skip

# Objects of "Secretary of ..." that are not department words.
OF_OBJECTS: frozenset[str] = DEPARTMENT_WORDS | {"state", "exchequer"}

# Abbreviated titles that only count in upper case.
ABBREVIATIONS: dict[str, str] = {"EAM": "External Affairs Minister"}

_SMALL_WORDS = frozenset({"of", "the", "for", "and"})
_SPELLING = {"defense": "Defence", "adviser": "Advisor", "undersecretary": "Under Secretary"}
_EXPANSIONS = {"sen.": "Senator", "rep.": "Representative"}
_HYPHENATED = (("Secretary General", "Secretary-General"), ("Director General", "Director-General"))

# Last words of heads ("minister", "secretary", "governor", "director", ...).
HEAD_WORDS: frozenset[str] = frozenset(head[-1] for head in HEADS)
# Heads of a state's government offices: an unprefixed one in a story from a capital is
# that capital's country's office (parley.entities.roles).
GOVERNMENT_OFFICE_HEADS: frozenset[str] = frozenset(
    {"minister", "secretary", "premier", "chancellor", "senator", "representative",
     "congressman", "congresswoman", "speaker", "treasurer", "ambassador", "leader",
     "taoiseach", "governor"}
)  # fmt: skip
# Heads of titles that only public office holds, national or international: a person titled
# so is an official even when the text gives no country ("Minister of State for Finance Tom
# Hockin", "Secretary-General"). Chairman, president and director are as much a company's
# titles as a state's, so they are in neither set.
PUBLIC_OFFICE_HEADS: frozenset[str] = GOVERNMENT_OFFICE_HEADS | {
    "undersecretary", "general", "advisor", "envoy", "commissioner", "king", "queen", "prince",
    "emperor", "amir", "emir", "sultan",
}  # fmt: skip

# Heads of offices of a church, not of a government: no government's release makes them its
# own ("Ecumenical Patriarch Bartholomew" in a White House readout).
CHURCH_OFFICE_HEADS: frozenset[str] = frozenset({"pope", "patriarch"})

# Every word that can be part of a title; an ORG/PERSON span made only of these is a
# fragment of a title ("State" from "Secretary of State"), not an entity.
TITLE_WORDS: frozenset[str] = (
    frozenset(w for head in HEADS for w in head if w != "-")
    | MODIFIERS
    | DEPARTMENT_WORDS
    | {"state", "exchequer", "of", "for", "the", "eam"}
)


def title_patterns(label: str = "TITLE") -> list[dict[str, object]]:
    """Token patterns (for a SpanRuler) that match office titles.

    The Matcher tries every pattern at every token, so its cost grows with the number of
    patterns: every single-token head of a shape sits in one ``{"LOWER": {"IN": [...]}}``
    token instead of one pattern per head: 94 patterns instead of 230, half the title ruler's
    CPU on the Reuters corpus and the same 5,588 title spans (BENCHMARKS.md). All patterns
    carry the same label, so merging them cannot change which spans the ruler keeps.
    """
    modifiers = sorted(MODIFIERS)
    mods = {"LOWER": {"IN": modifiers}, "OP": "*"}
    first_dept = {"LOWER": {"IN": sorted(DEPARTMENT_WORDS - {"and"})}}
    more_dept = {"LOWER": {"IN": sorted(DEPARTMENT_WORDS)}, "OP": "*"}
    singles = sorted(head[0] for head in HEADS if len(head) == 1)
    multis = [head for head in HEADS if len(head) > 1]
    heads: list[list[dict[str, object]]] = [[{"LOWER": {"IN": singles}}]]
    heads += [[{"LOWER": word} for word in head] for head in multis]
    patterns: list[list[dict[str, object]]] = []
    for head_tokens in heads:
        # department + head, with optional modifiers: "Deputy Finance Minister"
        patterns.append([mods, first_dept, more_dept, *head_tokens])
        # hyphenated modifier: "Vice-Finance Minister"
        patterns.append(
            [{"LOWER": {"IN": modifiers}}, {"ORTH": "-"}, first_dept, more_dept, *head_tokens]
        )
        # modifier + head: "Deputy Secretary", "Vice President"
        patterns.append([{"LOWER": {"IN": modifiers}}, *head_tokens])
    # a bare one-word head must be capitalised ("Chancellor Helmut Kohl", not "the chairman")
    patterns.append([{"LOWER": {"IN": singles}, "IS_TITLE": True}])
    patterns.append([{"LOWER": {"IN": singles}, "IS_UPPER": True}])
    patterns += [[{"LOWER": word} for word in head] for head in multis]
    # "Secretary of State", "Minister for Foreign Affairs", "Chancellor of the Exchequer"
    of_heads: list[list[dict[str, object]]] = [
        [{"LOWER": {"IN": [word for word in singles if word in OF_HEADS]}}]
    ]
    of_heads += [[{"LOWER": word} for word in head] for head in multis if head[-1] in OF_HEADS]
    of_phrase = [
        {"LOWER": {"IN": ["of", "for"]}},
        {"LOWER": "the", "OP": "?"},
        {"LOWER": {"IN": sorted(OF_OBJECTS - {"and"})}},
        more_dept,
    ]
    # UK style: "Secretary of State for Trade and Industry"
    uk_phrase = [{"LOWER": "of"}, {"LOWER": "state"}, {"LOWER": "for"}, first_dept, more_dept]
    for head_tokens in of_heads:
        patterns.append([mods, *head_tokens, *of_phrase])
        patterns.append([mods, *head_tokens, *uk_phrase])
    patterns.append([{"ORTH": {"IN": sorted(ABBREVIATIONS)}}])
    return [{"label": label, "pattern": pattern} for pattern in patterns]


def normalize_role(text: str) -> str:
    """Canonical spelling of a title phrase ("U.S. trade representative" stays out)."""
    stripped = text.strip()
    if stripped in ABBREVIATIONS:
        return ABBREVIATIONS[stripped]
    words = re.sub(r"\s*-\s*", " - ", stripped).split()
    out: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _EXPANSIONS:
            out.append(_EXPANSIONS[lower])
        elif lower in _SPELLING:
            out.append(_SPELLING[lower])
        elif lower in _SMALL_WORDS and index > 0:
            out.append(lower)
        elif word == "-":
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:].lower() if not word.isupper() else word)
    role = " ".join(out).replace(" - ", " ")
    role = role.replace("Vice-President", "Vice President")
    for plain, hyphenated in _HYPHENATED:
        role = role.replace(plain, hyphenated)
    return role


def role_head(role: str) -> str:
    """The head word of a normalised role ("Foreign Minister" -> "minister")."""
    words = role.lower().replace("-", " ").split()
    if words and words[-1] in HEAD_WORDS:
        return words[-1]
    if "of" in words:
        return words[words.index("of") - 1]
    if "for" in words:
        return words[words.index("for") - 1]
    return words[-1] if words else ""
