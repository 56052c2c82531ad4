"""The topic vocabulary (no model needed)."""

from __future__ import annotations

from parley.mentions.topics import TOPIC_KEYWORDS, assign_topics


def test_seed_sentence_topics() -> None:
    sentence = (
        "The meeting focused on advancing the India-US bilateral partnership across several "
        "key sectors: trade, security, critical technologies, connectivity, energy, and "
        "mobility."
    )
    assert assign_topics(sentence) == (
        "trade",
        "security",
        "technology",
        "energy",
        "connectivity",
        "migration",
    )


def test_paragraph_adds_topics() -> None:
    assert assign_topics("They met.", "Defence ties and clean energy supply chains.") == (
        "defence",
        "energy",
        "supply_chains",
    )


def test_acronyms_need_their_capitals() -> None:
    assert "debt" in assign_topics("an IMF programme")
    assert "energy" not in assign_topics("the opec of nothing")


def test_no_topic() -> None:
    assert assign_topics("The prince met Vice President George Bush on Monday.") == ()


def test_vocabulary_is_small_and_documented() -> None:
    import parley.mentions.topics as module

    assert len(TOPIC_KEYWORDS) <= 15
    assert all(f"| {topic} |" in (module.__doc__ or "") for topic in TOPIC_KEYWORDS)
