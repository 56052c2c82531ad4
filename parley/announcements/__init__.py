"""Announced meetings linked to the meetings they announced (stage 4b, after dedup)."""
