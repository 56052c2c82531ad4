"""Build the clustering input relations in an in-memory DuckDB from small Python lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from parley.records import EventMention, EventParticipant
from warehouse.staging import EVENT_MENTIONS, EVENT_PARTICIPANTS

# Canonical names, types and countries of the entities the fixtures use.
ENTITIES: dict[str, tuple[str, str, str | None]] = {
    "person:james-baker": ("James Baker", "PERSON", "USA"),
    "person:kiichi-miyazawa": ("Kiichi Miyazawa", "PERSON", "JPN"),
    "person:jake-sullivan": ("Jake Sullivan", "PERSON", "USA"),
    "person:ajit-doval": ("Ajit Doval", "PERSON", "IND"),
    "person:s-jaishankar": ("S Jaishankar", "PERSON", "IND"),
    "person:marco-rubio": ("Marco Rubio", "PERSON", "USA"),
    "person:pete-hegseth": ("Pete Hegseth", "PERSON", "USA"),
    "person:penny-wong": ("Penny Wong", "PERSON", "AUS"),
    "person:yoko-kamikawa": ("Yoko Kamikawa", "PERSON", "JPN"),
    "person:dilson-funaro": ("Dilson Funaro", "PERSON", "BRA"),
    "person:edouard-balladur": ("Edouard Balladur", "PERSON", "FRA"),
    "person:jacques-de-larosiere": ("Jacques de Larosiere", "PERSON", "FRA"),
    "person:makoto-kuroda": ("Makoto Kuroda", "PERSON", "JPN"),
    "person:michael-smith": ("Michael Smith", "PERSON", "USA"),
    "person:j-d-vance": ("J.D. Vance", "PERSON", "USA"),
    "person:jd-vance": ("JD Vance", "PERSON", "USA"),
    "person:usha-vance": ("Usha Vance", "PERSON", "USA"),
    "person:narendra-modi": ("Narendra Modi", "PERSON", "IND"),
    # Name variants of people of no known state (so that no country links their reports).
    "person:jennifer-klein": ("Jennifer Klein", "PERSON", None),
    "person:jen-klein": ("Jen Klein", "PERSON", None),
    "person:melanie-l-campbell": ("Melanie L. Campbell", "PERSON", None),
    "person:melanie-campbell": ("Melanie Campbell", "PERSON", None),
    "org:us-senate": ("Senate", "ORG", "USA"),
    "org:white-house": ("White House", "ORG", "USA"),
    "org:quad": ("Quad", "ORG", None),
    "org:g7": ("G7", "ORG", None),
    "org:g6": ("G6", "ORG", None),
    "org:european-union": ("European Union", "ORG", None),
    "gpe:USA": ("United States", "GPE", "USA"),
    "gpe:JPN": ("Japan", "GPE", "JPN"),
    "gpe:IND": ("India", "GPE", "IND"),
}


@dataclass
class Corpus:
    """Articles, mentions and participants of a fixture, grouped by drop."""

    articles: list[dict[str, object]] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    participants: list[EventParticipant] = field(default_factory=list)
    roles: list[dict[str, object]] = field(default_factory=list)

    def article(
        self,
        article_id: str,
        published: str,
        outlet: str | None = "Reuters",
        drop_id: str = "drop-1",
    ) -> None:
        """Add an article."""
        self.articles.append(
            {
                "article_id": article_id,
                "drop_id": drop_id,
                "published_date": dt.date.fromisoformat(published),
                "outlet": outlet,
                "dateline": None,
                "title": None,
            }
        )

    def mention(
        self,
        mention_id: str,
        article_id: str,
        parties: list[str],
        date: str | None,
        kind: str = "meeting",
        precision: str | None = "day",
        location: str | None = None,
        location_iso3: str | None = None,
        topics: tuple[str, ...] = (),
        roles: dict[str, str] | None = None,
        setting: str | None = None,
        held_apart: bool = False,
    ) -> None:
        """Add an event mention and its participants."""
        self.mentions.append(
            EventMention(
                mention_id=mention_id,
                article_id=article_id,
                kind=kind,
                event_date=dt.date.fromisoformat(date) if date else None,
                date_precision=precision if date else None,
                date_text=None,
                location=location,
                location_iso3=location_iso3,
                # The sentence names the parties in the order given, as a report would.
                sentence=" and ".join(ENTITIES[e][0] for e in parties) + " met.",
                start_char=0,
                end_char=10,
                confidence=0.9,
                topics=topics,
                setting=setting,
                held_apart=held_apart,
            )
        )
        for entity_id in parties:
            role = (roles or {}).get(entity_id, "participant")
            self.participants.append(EventParticipant(mention_id, entity_id, role))

    def role(self, entity_id: str, role: str, first_seen: str, last_seen: str) -> None:
        """Add a person_roles row."""
        self.roles.append(
            {
                "entity_id": entity_id,
                "role": role,
                "country_iso3": ENTITIES[entity_id][2],
                "first_seen": dt.date.fromisoformat(first_seen),
                "last_seen": dt.date.fromisoformat(last_seen),
                "n_articles": 1,
            }
        )

    def connect(self, drops: set[str] | None = None) -> duckdb.DuckDBPyConnection:
        """An in-memory DuckDB holding the input relations (only ``drops``, when given)."""
        articles = [a for a in self.articles if drops is None or a["drop_id"] in drops]
        kept = {a["article_id"] for a in articles}
        mentions = [m for m in self.mentions if m.article_id in kept]
        kept_mentions = {m.mention_id for m in mentions}
        participants = [p for p in self.participants if p.mention_id in kept_mentions]
        con = duckdb.connect()
        con.register("_articles", pa.Table.from_pylist(articles, schema=_ARTICLES))
        con.execute("CREATE TABLE articles AS SELECT * FROM _articles")
        con.register("_mentions", EVENT_MENTIONS.to_arrow(mentions, "synthetic"))
        con.execute("CREATE TABLE event_mentions AS SELECT * EXCLUDE (drop_id) FROM _mentions")
        con.register("_parts", EVENT_PARTICIPANTS.to_arrow(participants, "synthetic"))
        con.execute(
            "CREATE TABLE event_mention_participants AS SELECT * EXCLUDE (drop_id) FROM _parts"
        )
        used = {p.entity_id for p in participants}
        entities = [
            {
                "entity_id": entity_id,
                "canonical_name": name,
                "entity_type": kind,
                "country_iso3": country,
                "n_mentions": 10,
                "n_articles": 5,
            }
            for entity_id, (name, kind, country) in ENTITIES.items()
            if entity_id in used
        ]
        con.register("_entities", pa.Table.from_pylist(entities, schema=_ENTITIES))
        con.execute("CREATE TABLE entities AS SELECT * FROM _entities")
        con.register("_roles", pa.Table.from_pylist(self.roles, schema=_ROLES))
        con.execute("CREATE TABLE person_roles AS SELECT * FROM _roles")
        for name in ("_articles", "_mentions", "_parts", "_entities", "_roles"):
            con.unregister(name)
        return con


_ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("drop_id", pa.string()),
        ("published_date", pa.date32()),
        ("outlet", pa.string()),
        ("dateline", pa.string()),
        ("title", pa.string()),
    ]
)
_ENTITIES = pa.schema(
    [
        ("entity_id", pa.string()),
        ("canonical_name", pa.string()),
        ("entity_type", pa.string()),
        ("country_iso3", pa.string()),
        ("n_mentions", pa.int64()),
        ("n_articles", pa.int64()),
    ]
)
_ROLES = pa.schema(
    [
        ("entity_id", pa.string()),
        ("role", pa.string()),
        ("country_iso3", pa.string()),
        ("first_seen", pa.date32()),
        ("last_seen", pa.date32()),
        ("n_articles", pa.int64()),
    ]
)
