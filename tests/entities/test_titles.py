"""Role spelling and title heads (no model needed)."""

from __future__ import annotations

import pytest

from parley.lexicon.titles import (
    ABBREVIATIONS,
    HEAD_WORDS,
    normalize_role,
    role_head,
    title_patterns,
)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Secretary of Defense", "Secretary of Defence"),
        ("Secretary of Defence", "Secretary of Defence"),
        ("National Security Adviser", "National Security Advisor"),
        ("finance minister", "Finance Minister"),
        ("Vice-Finance Minister", "Vice Finance Minister"),
        ("Secretary-General", "Secretary-General"),
        ("Secretary General", "Secretary-General"),
        ("Vice-President", "Vice President"),
        ("Sen.", "Senator"),
        ("Rep.", "Representative"),
        ("EAM", "External Affairs Minister"),
        ("Chancellor of the Exchequer", "Chancellor of the Exchequer"),
        ("minister for foreign affairs", "Minister for Foreign Affairs"),
        ("Treasury Secretary", "Treasury Secretary"),
        ("Secretary of the Treasury", "Secretary of the Treasury"),
    ],
)
def test_normalize_role(text: str, role: str) -> None:
    assert normalize_role(text) == role


@pytest.mark.parametrize(
    ("role", "head"),
    [
        ("Foreign Minister", "minister"),
        ("Secretary of State", "secretary"),
        ("Minister for Foreign Affairs", "minister"),
        ("Bank of Japan Governor", "governor"),
    ],
)
def test_role_head(role: str, head: str) -> None:
    assert role_head(role) == head


def test_every_title_pattern_holds_a_head_word_or_an_abbreviation() -> None:
    # The title ruler skips docs without any of these words (parley.entities.nlp.TitleRuler);
    # that is only right while every pattern needs one of them.
    def anchored(token: dict[str, object]) -> bool:
        if token.get("OP") in {"?", "*"}:
            return False
        lower, orth = token.get("LOWER"), token.get("ORTH")
        if isinstance(lower, dict):
            return set(lower["IN"]) <= HEAD_WORDS
        if isinstance(orth, dict):
            return set(orth["IN"]) <= set(ABBREVIATIONS)
        return lower in HEAD_WORDS or orth in ABBREVIATIONS

    for pattern in title_patterns():
        tokens = pattern["pattern"]
        assert isinstance(tokens, list)
        assert any(anchored(token) for token in tokens), pattern
