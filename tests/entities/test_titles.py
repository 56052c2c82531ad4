"""Role spelling and title heads (no model needed)."""

from __future__ import annotations

import pytest

from parley.entities.titles import normalize_role, role_head


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
