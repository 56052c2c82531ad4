"""Topics of a meeting, from keywords in its sentence and paragraph.

The vocabulary is small and fixed so that topics can be compared across sources and
years. A topic is assigned when one of its keywords (whole word, case-insensitive, simple
plural/inflection allowed by the patterns) occurs in the sentence that states the meeting
or in the paragraph around it.

| topic | keywords (examples) |
| --- | --- |
| trade | trade, tariffs, imports/exports, market access, dumping, sanctions on goods, quotas |
| security | security, stability, terrorism, maritime security, Indo-Pacific, Gulf attacks |
| defence | defence/defense, military, armed forces, arms sales, co-production, weapons |
| technology | technology, critical/emerging technologies, semiconductors, chips, AI, quantum |
| energy | energy, oil, gas, OPEC, crude, nuclear power, clean energy |
| finance | currency, exchange rates, dollar, yen, interest rates, monetary, central bank |
| debt | debt, loans, creditors, rescheduling, moratorium, IMF programme |
| agriculture | agriculture, farm, rice, beef, citrus, grain, wheat |
| supply_chains | supply chains |
| connectivity | connectivity, infrastructure, transport links |
| investment | investment, investors, credits for industry, aid |
| migration | mobility, migration, visas |
"""

from __future__ import annotations

import re

TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    "trade": (
        r"trade",
        r"trading partners?",
        r"tariffs?",
        r"imports?",
        r"exports?",
        r"dumping",
        r"market access",
        r"protectionis\w+",
        r"quotas?",
        r"trade deficits?",
        r"GATT",
    ),
    "security": (
        r"security",
        r"stability",
        r"terroris\w+",
        r"Indo-Pacific",
        r"maritime",
        r"regional issues",
        r"Gulf",
    ),
    "defence": (
        r"defen[cs]e",
        r"military",
        r"armed forces",
        r"arms",
        r"weapons?",
        r"co-production",
        r"interoperability",
        r"navy",
        r"naval",
    ),
    "technology": (
        r"technolog\w+",
        r"semiconductors?",
        r"microchips?",
        r"chips?",
        r"artificial intelligence",
        r"quantum",
        r"supercomputers?",
        r"iCET",
    ),
    "energy": (
        r"energy",
        r"oil",
        r"crude",
        r"gas",
        r"OPEC",
        r"petroleum",
        r"nuclear power",
    ),
    "finance": (
        r"currenc\w+",
        r"exchange rates?",
        r"dollar",
        r"yen",
        r"interest rates?",
        r"monetary",
        r"central bank",
        r"Louvre accord",
        r"foreign exchange",
    ),
    "debt": (
        r"debts?",
        r"loans?",
        r"creditors?",
        r"reschedul\w+",
        r"moratorium",
        r"IMF",
        r"International Monetary Fund",
    ),
    "agriculture": (
        r"agricultur\w+",
        r"farm\w*",
        r"rice",
        r"beef",
        r"citrus",
        r"grains?",
        r"wheat",
    ),
    "supply_chains": (r"supply chains?",),
    "connectivity": (r"connectivity", r"infrastructure"),
    "investment": (r"investments?", r"investors?", r"credits"),
    "migration": (r"mobility", r"migration", r"visas?"),
}

_TOPIC_RES: dict[str, re.Pattern[str]] = {
    topic: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
    for topic, words in TOPIC_KEYWORDS.items()
}
# Case-sensitive overrides: these acronyms are ordinary words in lower case.
_CASED = re.compile(r"\b(?:OPEC|GATT|IMF|iCET)\b")


def assign_topics(sentence: str, paragraph: str = "") -> tuple[str, ...]:
    """The topics whose keywords occur in the sentence or its paragraph, in vocabulary order."""
    text = f"{sentence}\n{paragraph}"
    topics = []
    for topic, pattern in _TOPIC_RES.items():
        for match in pattern.finditer(text):
            word = match.group(0)
            if word.upper() in {"OPEC", "GATT", "IMF", "ICET"} and not _CASED.fullmatch(word):
                continue
            topics.append(topic)
            break
    return tuple(topics)
