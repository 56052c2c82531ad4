"""The head nouns of a phrase that can name a side of a meeting without naming a person."""

from __future__ import annotations

# Heads that denote people or delegations, so that a country or organisation inside the
# phrase can stand in for them.
PERSON_LIKE_HEADS = {
    "official", "negotiator", "delegation", "delegate", "representative", "leader",
    "minister", "envoy", "team", "businessman", "businessmen", "executive", "banker",
    "ambassador", "diplomat", "counterpart", "government", "authority", "president",
    "secretary", "chairman", "governor", "premier", "prince", "king", "queen", "chancellor",
    "lawmaker", "senator", "congressman", "member", "group", "mission", "creditor",
    "committee", "ministry", "department", "administration", "emissary", "advisor", "adviser",
    "aide", "counsellor", "undersecretary", "spokesman", "chief", "head", "general", "officer",
    "people", "man", "woman", "industrialist", "entrepreneur", "party", "side", "deputy",
}  # fmt: skip


# Heads of a side that is only described: the person-like heads, and groups of people or
# bodies that meet officials ("manufacturers", "families", "stakeholders", "the caucus").
DESCRIBED_HEADS = PERSON_LIKE_HEADS | {
    "manufacturer", "company", "bank", "producer", "exporter", "importer", "legislator",
    "mayor", "advocate", "expert", "stakeholder", "ceo", "family", "survivor", "activist",
    "worker", "union", "student", "teacher", "nurse", "farmer", "rancher", "investor", "ally",
    "council", "caucus", "panel", "association", "organization", "organisation", "lender",
    "donor", "partner", "employer", "industry", "community", "youth", "elder", "clergy",
    "parent", "doctor", "scientist", "researcher", "journalist", "athlete", "veteran",
    "mother", "father", "participant", "attendee", "director", "educator", "victim", "owner",
    "tenant", "landlord", "provider", "patient", "physician", "officer",
}  # fmt: skip
