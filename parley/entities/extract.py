"""Raw spaCy entities -> canonical entity mentions and role observations.

Public API (plain functions, no Dagster):

- ``extract_entities(articles, batch_size=32, n_process=1) -> EntityBatch``: runs the
  NER-only pipeline over the bodies with ``nlp.pipe`` and returns all mentions and role
  observations, plus the per-article results in ``EntityBatch.by_article`` (article_id ->
  ``ArticleEntities``). With ``n_process`` > 1, worker processes do all of it on chunks of
  articles (``parley.parallel``: same result); that only pays on large drops with idle
  cores, since each worker loads the model.
- ``extract_article_entities(article, doc) -> ArticleEntities``: the same for one article
  whose body was already run through ``get_entity_nlp()`` or ``get_parse_nlp()``
  (both carry the same rulers). ``doc.text`` must be ``normalize_for_nlp(article.body)``
  (same length as the body, so character offsets agree).
- ``resolve_reference(entities, start_char, end_char, exclude_entity_id=None)
  -> EntityMention | None``: the person a title phrase or counterpart phrase at
  ``article.body[start_char:end_char]`` refers to ("his Indian counterpart", "the minister",
  "the Japanese finance minister"), by rule: persons of the same article whose role (seen in
  this article) has the phrase's head word and department words, and whose country matches a
  demonym in the phrase; "counterpart" means a person of another country than
  ``exclude_entity_id`` (the other party, which the caller knows). Of the candidates, the
  mention nearest before the phrase wins, else the nearest after. None when nothing fits.
- ``ArticleEntities.mention_at(start_char, end_char)``: the canonical mention overlapping a
  character span (to map a parse-pipeline entity to its entity_id).

Canonical ids: ``person:<slug>``, ``gpe:<ISO3>`` for countries (names, demonyms, and capitals
used for a government: "Washington and Tokyo agreed" but not "in Washington"), other places
``gpe:<slug>``, ``org:<slug>``, ``loc:<slug>``, ``fac:<slug>``, ``event:<slug>``; NORP that is
no country ("Arab", "Republican") stays ``norp:<slug>``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler
from spacy.tokens import Doc, Span

from parley.entities.countries import (
    canonical_country_name,
    country_by_capital,
    country_by_demonym,
    country_by_name,
    is_ambiguous_name,
)
from parley.entities.nlp import TITLES_KEY, get_entity_nlp
from parley.entities.people import (
    Person,
    name_key,
    people_index,
    person_id,
    slugify,
)
from parley.entities.titles import (
    DEPARTMENT_WORDS,
    HEADS,
    MODIFIERS,
    TITLE_WORDS,
    normalize_role,
    role_head,
)
from parley.parallel import chunked, map_in_workers
from parley.records import Article, EntityMention, RoleObservation

# Articles per task of a worker process: a multiple of the batch size, so that the workers'
# nlp.pipe batches are the batches of the one-process pass (the same docs), and small enough
# (~2 s of work) that the worker finishing first waits little for the last chunk.
ENTITY_CHUNK_ARTICLES = 128
_AMOUNT_LABELS = frozenset({"MONEY"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
_ID_PREFIX = {"ORG": "org", "LOC": "loc", "FAC": "fac", "EVENT": "event", "GPE": "gpe"}
_HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "gen.",
     "gen", "general", "col.", "lt.", "adm.", "prof.", "professor", "ambassador", "former",
     "ayatollah", "hojatoleslam", "sheikh", "sheik"}
)  # fmt: skip
_CONTEXT_WINDOW = 10  # tokens before a title searched for the country of its holder
_GOVERNMENT_HEADS = frozenset(
    {"minister", "secretary", "premier", "chancellor", "senator", "representative",
     "congressman", "congresswoman", "speaker", "treasurer", "ambassador", "leader",
     "taoiseach", "governor"}
)  # fmt: skip
_APPOSITIVE_CLOSE = frozenset({",", ".", ";", ":", ")", "--"})
_FORMER = frozenset({"former", "ex", "ex-", "late", "then"})
_CORPORATE_SUFFIXES = frozenset(
    {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "group", "ag", "sa"}
)
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
# Before a capital, these make it a place, not a government ("in Washington").
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "to", "into", "near", "outside", "via", "toward", "towards", "around",
     "across", "throughout", "through", "visit", "visited", "visiting", "arrived", "left",
     "leave", "leaving", "reach", "reached", "returned", "flew", "based", "headquartered",
     "downtown", "central", "of"}
)  # fmt: skip
_GOVERNMENT_BEFORE = frozenset({"with", "against", "between", "by", "urged", "pressed"})
_GOVERNMENT_AFTER = frozenset(
    {"said", "says", "say", "has", "have", "had", "is", "was", "will", "would", "wants",
     "wanted", "agreed", "agree", "agrees", "believes", "fears", "hopes", "accused", "accuses",
     "asked", "urged", "urges", "warned", "warns", "insists", "insisted", "refused",
     "rejected", "announced", "decided", "threatened", "should", "could", "may", "might",
     "must", "can", "cannot", "does", "did", "plans", "appears", "argues", "argued",
     "claims", "imposed", "retaliated", "objects", "opposed", "sought", "seeks", "pressed",
     "told", "denied", "responded", "criticized", "criticised", "complained", "demanded",
     "expects", "considers", "intends", "officials", "policymakers", "policy-makers",
     "government", "administration", "authorities", "negotiators", "diplomats", "sources"}
)  # fmt: skip
# An ORG beginning with a country/demonym and ending in one of these is a government body,
# so the prefix is also a mention of the country ("U.S. Treasury", "Japanese government").
_GOVERNMENT_BODY_WORDS = frozenset(
    {"government", "treasury", "administration", "congress", "senate", "house", "ministry",
     "department", "embassy", "army", "navy", "forces", "parliament", "cabinet",
     "authorities", "delegation", "officials", "negotiators", "diet", "bundestag"}
)  # fmt: skip
# Well-known organisations: surface form -> (canonical name, country ISO3 or None).
_ORG_ALIASES: dict[str, tuple[str, str | None]] = {
    "imf": ("International Monetary Fund", None),
    "international monetary fund": ("International Monetary Fund", None),
    "world bank": ("World Bank", None),
    "ec": ("European Community", None),
    "european community": ("European Community", None),
    "european economic community": ("European Community", None),
    "eec": ("European Community", None),
    "opec": ("OPEC", None),
    "organization of petroleum exporting countries": ("OPEC", None),
    "gatt": ("GATT", None),
    "general agreement on tariffs and trade": ("GATT", None),
    "oecd": ("OECD", None),
    "un": ("United Nations", None),
    "u.n.": ("United Nations", None),
    "united nations": ("United Nations", None),
    "nato": ("NATO", None),
    "fed": ("Federal Reserve", "USA"),
    "federal reserve": ("Federal Reserve", "USA"),
    "federal reserve board": ("Federal Reserve", "USA"),
    "bundesbank": ("Bundesbank", "DEU"),
    "bank of japan": ("Bank of Japan", "JPN"),
    "boj": ("Bank of Japan", "JPN"),
    "bank of england": ("Bank of England", "GBR"),
    "bank of france": ("Bank of France", "FRA"),
    "banque de france": ("Bank of France", "FRA"),
    "bank of canada": ("Bank of Canada", "CAN"),
    "pentagon": ("Pentagon", "USA"),
    "white house": ("White House", "USA"),
    "state department": ("State Department", "USA"),
    "miti": ("Ministry of International Trade and Industry", "JPN"),
    "quad": ("Quad", None),
}


@dataclass(frozen=True)
class RoleSpan:
    """A role observation with where its title and its person are in the body."""

    entity_id: str
    role: str
    country_iso3: str | None
    title_start: int
    title_end: int
    person_start: int
    person_end: int


@dataclass
class ArticleEntities:
    """Canonical entities of one article."""

    article: Article
    mentions: list[EntityMention]
    roles: list[RoleObservation]
    role_spans: list[RoleSpan]

    def mention_at(self, start_char: int, end_char: int) -> EntityMention | None:
        """The mention overlapping [start_char, end_char) the most (None if none)."""
        best: EntityMention | None = None
        best_overlap = 0
        for mention in self.mentions:
            overlap = min(end_char, mention.end_char) - max(start_char, mention.start_char)
            if overlap > best_overlap:
                best, best_overlap = mention, overlap
        return best

    def person_country(self, entity_id: str) -> str | None:
        """Country of a person as resolved in this article."""
        for mention in self.mentions:
            if mention.entity_id == entity_id:
                return mention.country_iso3
        return None


@dataclass
class EntityBatch:
    """Entity mentions and role observations of a batch of articles."""

    mentions: list[EntityMention] = field(default_factory=list)
    roles: list[RoleObservation] = field(default_factory=list)
    by_article: dict[str, ArticleEntities] = field(default_factory=dict)


@dataclass
class _Candidate:
    """An entity span being resolved (token offsets into the doc)."""

    start: int
    end: int
    label: str
    entity_type: str = ""
    entity_id: str = ""
    canonical_name: str = ""
    country_iso3: str | None = None
    person: Person | None = None
    capital_of: str | None = None


_LINE_WRAP = re.compile(r"(?<=\S)\n(?=\S)")


def normalize_for_nlp(body: str) -> str:
    """The body with hard line wraps ("James\\nBaker") turned into spaces, same length.

    Wire text wraps lines at ~65 characters, often inside a name, which splits the name
    into two entities and defeats the phrase patterns. Paragraph breaks (a newline next to
    other whitespace) are kept, and character offsets are unchanged.
    """
    return _LINE_WRAP.sub(" ", body)


def extract_entities(
    articles: Sequence[Article],
    batch_size: int = 32,
    n_process: int = 1,
    chunk_size: int = ENTITY_CHUNK_ARTICLES,
) -> EntityBatch:
    """Resolve the entities and roles of many articles (NER-only pipeline, small batches).

    With ``n_process`` > 1 the articles go in chunks of ``chunk_size`` to that many worker
    processes, which run the model and the rules (``parley.parallel``); the result is the
    same as in one process.
    """
    if n_process > 1:
        work = functools.partial(_entities_of_chunk, batch_size=batch_size)
        chunks = map_in_workers(work, chunked(articles, chunk_size), n_process, get_entity_nlp)
        results: Iterable[ArticleEntities] = itertools.chain.from_iterable(chunks)
    else:
        results = _article_entities(articles, batch_size)
    batch = EntityBatch()
    for result in results:
        batch.mentions.extend(result.mentions)
        batch.roles.extend(result.roles)
        batch.by_article[result.article.article_id] = result
    return batch


def _article_entities(articles: Sequence[Article], batch_size: int) -> Iterator[ArticleEntities]:
    """The entities of each article, in order, from this process's entity pipeline."""
    bodies = (normalize_for_nlp(a.body) for a in articles)
    docs = get_entity_nlp().pipe(bodies, batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield extract_article_entities(article, doc)


def _entities_of_chunk(articles: Sequence[Article], batch_size: int) -> list[ArticleEntities]:
    """A worker's task: the entities of a chunk of articles (plain picklable dataclasses)."""
    return list(_article_entities(articles, batch_size))


def extract_article_entities(article: Article, doc: Doc) -> ArticleEntities:
    """Resolve the entities and roles of one article from its processed body."""
    day = article.published_date
    candidates = _clean_candidates(doc, day)
    titles = list(doc.spans[TITLES_KEY]) if TITLES_KEY in doc.spans else []
    candidates += _title_prefix_countries(doc, titles, candidates, day)
    candidates += _uncovered_countries(doc, candidates, day)
    candidates.sort(key=lambda c: (c.start, c.end))
    extra: list[_Candidate] = []
    for candidate in candidates:
        extra += _resolve_non_person(doc, candidate, day)
    candidates = sorted(
        (c for c in candidates + extra if c.entity_type), key=lambda c: (c.start, c.end)
    )
    _surnames_as_people(doc, candidates)
    _mark_government_capitals(doc, candidates, day)
    _resolve_people(doc, [c for c in candidates if c.entity_type == "PERSON"], day, titles)
    role_spans = _roles(doc, titles, candidates, day, _dateline_country(article, day))
    _person_countries_from_roles(candidates, role_spans)
    mentions = [
        EntityMention(
            article_id=article.article_id,
            entity_id=c.entity_id,
            canonical_name=c.canonical_name,
            entity_type=c.entity_type,
            country_iso3=c.country_iso3,
            mention_text=article.body[doc[c.start].idx : doc[c.end - 1].idx + len(doc[c.end - 1])],
            label=c.label,
            start_char=doc[c.start].idx,
            end_char=doc[c.end - 1].idx + len(doc[c.end - 1].text),
        )
        for c in candidates
        if c.entity_id
    ]
    seen: set[tuple[str, str, str | None]] = set()
    roles: list[RoleObservation] = []
    for span in role_spans:
        key = (span.entity_id, span.role, span.country_iso3)
        if key not in seen:
            seen.add(key)
            roles.append(
                RoleObservation(article.article_id, span.entity_id, span.role, key[2], day)
            )
    return ArticleEntities(article, mentions, roles, role_spans)


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


def _clean_candidates(doc: Doc, day: dt.date) -> list[_Candidate]:
    """doc.ents of the kept labels, trimmed of determiners, possessives and honorifics."""
    out: list[_Candidate] = []
    for ent in doc.ents:
        if ent.label_ in _AMOUNT_LABELS or ent.label_ == "PERSON":
            # "1.5 Swiss francs", "65 billion U.S. Dlrs" (MONEY), "U.S. Dlrs" (PERSON):
            # the country word is a mention of its own
            prefix = _country_words(doc, ent.start, ent.end, day)
            if prefix is not None:
                out.append(_Candidate(prefix[0], prefix[1], "NORP"))
                if ent.label_ != "PERSON" or prefix[1] == ent.end:
                    continue
                ent = doc[prefix[1] : ent.end]  # the rest may still be a name
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in {"the", "a", "an"}:
            start += 1
        while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        while start < end and doc[start].is_punct:
            start += 1
        if ent.label_ == "PERSON":
            while start < end and (
                doc[start].lower_ in _HONORIFICS or doc[start].lower_ in TITLE_WORDS
            ):
                start += 1
        if start >= end:
            continue
        words = [t.lower_ for t in doc[start:end]]
        # a fragment of a title ("State" of "Secretary of State") is no entity
        if ent.label_ in {"ORG", "PERSON"} and all(w in TITLE_WORDS for w in words):
            continue
        out.append(_Candidate(start, end, ent.label_))
    return out


def _country_words(doc: Doc, start: int, end: int, day: dt.date) -> tuple[int, int] | None:
    """The first capitalised one- or two-word country name/demonym within [start, end)."""
    for i in range(start, end):
        if not (doc[i].is_title or doc[i].is_upper) or doc[i].like_num:
            continue
        for width in (2, 1):
            if i + width > end:
                continue
            text = doc[i : i + width].text
            if country_by_demonym(text, day) or country_by_name(text, day):
                return i, i + width
    return None


def _uncovered_countries(doc: Doc, candidates: list[_Candidate], day: dt.date) -> list[_Candidate]:
    """Country names and demonyms the model left untagged ("of Trinidad-Tobago").

    Only tokens outside every entity are looked at, so names inside an ORG ("Bank of
    Japan") stay part of it; country names that are also given names or common words
    ("Jordan", "Chad", "Turkey") are left to the model.
    """
    covered = {i for c in candidates for i in range(c.start, c.end)}
    covered |= {i for e in doc.ents for i in range(e.start, e.end)}
    out: list[_Candidate] = []
    i = 0
    while i < len(doc):
        if i in covered or not (doc[i].is_title or doc[i].is_upper) or doc[i].is_punct:
            i += 1
            continue
        for width in (3, 2, 1):
            end = i + width
            if end > len(doc) or any(j in covered for j in range(i, end)):
                continue
            text = doc[i:end].text
            if width == 1 and is_ambiguous_name(text):
                continue
            if country_by_name(text, day):
                out.append(_Candidate(i, end, "GPE"))
                i = end
                break
            if country_by_demonym(text, day):
                out.append(_Candidate(i, end, "NORP"))
                i = end
                break
        else:
            i += 1
    return out


def _title_prefix_countries(
    doc: Doc, titles: Iterable[Span], candidates: list[_Candidate], day: dt.date
) -> list[_Candidate]:
    """Demonyms/countries right before a title that NER left out ("Indian" NSA ...)."""
    covered = {i for c in candidates for i in range(c.start, c.end)}
    out: list[_Candidate] = []
    for title in titles:
        end = title.start
        if end > 0 and doc[end - 1].text in _POSSESSIVE:
            end -= 1
        for width in (2, 1):
            start = end - width
            if start < 0 or any(i in covered for i in range(start, end)):
                continue
            text = doc[start:end].text
            if country_by_demonym(text, day):
                out.append(_Candidate(start, end, "NORP"))
                covered.update(range(start, end))
                break
            if (doc[start].is_title or doc[start].is_upper) and country_by_name(text, day):
                out.append(_Candidate(start, end, "GPE"))
                covered.update(range(start, end))
                break
    return out


def _set_country(candidate: _Candidate, code: str) -> None:
    candidate.entity_type = "GPE"
    candidate.entity_id = f"gpe:{code}"
    candidate.canonical_name = canonical_country_name(code)
    candidate.country_iso3 = code


def _resolve_non_person(doc: Doc, candidate: _Candidate, day: dt.date) -> list[_Candidate]:
    """Give a non-person candidate its id; return extra candidates (a government prefix)."""
    label = candidate.label
    span = doc[candidate.start : candidate.end]
    text = span.text
    if label == "PERSON":
        if span.text.isupper() and len(span) == 1 and not people_index().find_alias(text):
            return []  # an acronym ("QFFM"), not a name
        if len(span) > 1 and span[-1].lower_.strip("<>") in _CORPORATE_SUFFIXES:
            candidate.entity_type = "ORG"  # "Giorgio Inc": the model took a company for a name
            candidate.entity_id = f"org:{slugify(text)}"
            candidate.canonical_name = display_name(text)
            return []
        place = country_by_name(text, day) or country_by_capital(text, day)
        if place and len(span) == 1 and not people_index().find_alias(text):
            candidate.label = "GPE"  # the model took a place for a name ("Berne")
            return _resolve_non_person(doc, candidate, day)
        candidate.entity_type = "PERSON"
        return []
    code = None
    if label in {"GPE", "NORP", "ORG", "LOC"}:
        code = country_by_name(text, day) or country_by_demonym(text, day)
    if code:
        _set_country(candidate, code)
        return []
    key = name_key(text)
    if label in {"GPE", "LOC", "ORG", "FAC"}:
        capital = country_by_capital(text, day)
        if capital and label != "ORG":
            candidate.capital_of = capital
    if label == "NORP":
        candidate.entity_type = "NORP"
        candidate.entity_id = f"norp:{slugify(text)}"
        candidate.canonical_name = display_name(text)
        return []
    if label == "ORG" and key in _ORG_ALIASES:
        name, country = _ORG_ALIASES[key]
        candidate.entity_type = "ORG"
        candidate.entity_id = f"org:{slugify(name)}"
        candidate.canonical_name = name
        candidate.country_iso3 = country
        return []
    candidate.entity_type = label
    candidate.entity_id = f"{_ID_PREFIX[label]}:{slugify(text)}"
    candidate.canonical_name = display_name(text)
    candidate.country_iso3 = candidate.capital_of
    if label == "ORG" and len(span) > 1:
        return _government_prefix(doc, candidate, day)
    return []


def _government_prefix(doc: Doc, candidate: _Candidate, day: dt.date) -> list[_Candidate]:
    """'U.S. Treasury' -> also a mention of the USA; the ORG gets the country."""
    body_words = (t.lower_ for t in doc[candidate.start + 1 : candidate.end])
    if not any(word in _GOVERNMENT_BODY_WORDS for word in body_words):
        return []
    for width in (2, 1):
        end = candidate.start + width
        if end >= candidate.end:
            continue
        text = doc[candidate.start : end].text
        code = country_by_name(text, day) or country_by_demonym(text, day)
        if code:
            candidate.country_iso3 = code
            prefix = _Candidate(candidate.start, end, candidate.label)
            _set_country(prefix, code)
            return [prefix]
    return []


def _mark_government_capitals(doc: Doc, candidates: list[_Candidate], day: dt.date) -> None:
    """A capital stands for its country's government only in a government context."""
    governed: dict[int, bool] = {}
    capitals = [c for c in candidates if c.capital_of]
    for candidate in capitals:
        before = doc[candidate.start - 1].lower_ if candidate.start > 0 else ""
        after = doc[candidate.end].text if candidate.end < len(doc) else ""
        if before in _PLACE_PREPOSITIONS:
            governed[id(candidate)] = False
            continue
        governed[id(candidate)] = (
            after in _POSSESSIVE
            or after.lower() in _GOVERNMENT_AFTER
            or before in _GOVERNMENT_BEFORE
        )
    # coordination: "Washington and Tokyo agreed" -> both are governments
    by_start = {c.start: c for c in candidates}
    for candidate in capitals:
        if candidate.end + 1 >= len(doc) or doc[candidate.end].lower_ not in {"and", ","}:
            continue
        other = by_start.get(candidate.end + 1)
        if other is None:
            continue
        other_is_country = other.entity_id.startswith("gpe:") and other.entity_id[4:].isupper()
        if other_is_country or governed.get(id(other)):
            before = doc[candidate.start - 1].lower_ if candidate.start > 0 else ""
            if before not in _PLACE_PREPOSITIONS:
                governed[id(candidate)] = True
        if governed.get(id(candidate)) and other.capital_of:
            governed[id(other)] = True
    for candidate in capitals:
        if governed.get(id(candidate)) and candidate.capital_of:
            _set_country(candidate, candidate.capital_of)


def _surnames_as_people(doc: Doc, candidates: list[_Candidate]) -> None:
    """A one-word GPE/ORG that is the surname of a person named in the article is that
    person ("Douglas told reporters" after "Roger Douglas", not the Isle of Man capital);
    so is a longer one that repeats a person's full name (the small model tags "head
    Michio Takeuchi" ORG and "President Michio Takeuchi" PERSON in one story)."""
    people = [c for c in candidates if c.entity_type == "PERSON" and c.end - c.start > 1]
    surnames = {name_key(doc[c.end - 1].text) for c in people}
    full_names = {_name_keys(doc, c) for c in people}
    for candidate in candidates:
        if candidate.entity_type not in {"GPE", "ORG", "NORP", "LOC"} or _is_country(candidate):
            continue
        one_word = candidate.end - candidate.start == 1
        if (one_word and name_key(doc[candidate.start].text) in surnames) or (
            not one_word and _name_keys(doc, candidate) in full_names
        ):
            candidate.entity_type = "PERSON"
            candidate.entity_id = ""
            candidate.capital_of = None
            candidate.country_iso3 = None


def _name_keys(doc: Doc, candidate: _Candidate) -> tuple[str, ...]:
    return tuple(name_key(token.text) for token in doc[candidate.start : candidate.end])


def _person_name(doc: Doc, candidate: _Candidate) -> str:
    return doc[candidate.start : candidate.end].text


def _curated_by_alias(name: str, day: dt.date) -> Person | None:
    matches = people_index().find_alias(name)
    if len(matches) > 1:
        valid = [p for p in matches if p.office_on(day)]
        matches = valid or matches
    return matches[0] if len(matches) == 1 else None


def _curated_fuzzy(name: str) -> Person | None:
    """A curated person whose full alias is a near spelling of ``name``.

    Same first name and a surname at Jaro-Winkler >= 0.9 ("Gustavo Petriccioli" ->
    "Gustavo Petricioli", "Otto Strich" -> "Otto Stich"), or same surname and a close
    token-set match ("Guilermno Perry Rubio").
    """
    tokens = name_key(name).split()
    index = people_index()
    best: tuple[float, Person] | None = None
    for person in index.find_surname(tokens[-1]):
        for alias in person.aliases:
            alias_tokens = name_key(alias).split()
            if len(alias_tokens) < 2 or alias_tokens[0][:1] != tokens[0][:1]:
                continue
            score = fuzz.token_set_ratio(" ".join(tokens), " ".join(alias_tokens))
            if score >= 90 and (best is None or score > best[0]):
                best = (score, person)
    if best is not None:
        return best[1]
    for person in index.find_first_name(tokens[0]):
        for alias in person.aliases:
            alias_tokens = name_key(alias).split()
            if len(alias_tokens) != len(tokens) or alias_tokens[0] != tokens[0]:
                continue
            score = JaroWinkler.similarity(alias_tokens[-1], tokens[-1])
            if score >= 0.9 and (best is None or score > best[0]):
                best = (score, person)
    return best[1] if best else None


def _curated_by_surname(surname: str, day: dt.date, role: str | None = None) -> Person | None:
    """The unique curated person with this surname in office on ``day``.

    When several are, a title attached to the name picks the one whose office it is
    ("Baker, the Treasury Secretary" in 1987 is James, not Howard Baker).
    """
    valid = [p for p in people_index().find_surname(surname) if p.office_on(day)]
    if len(valid) > 1 and role:
        words = set(role.lower().split()) - {"deputy", "vice"}
        valid = [
            p
            for p in valid
            if (office := p.office_on(day)) is not None
            and role_head(office.role) == role_head(role)
            and words <= set(office.role.lower().split())
        ]
    return valid[0] if len(valid) == 1 else None


def _apply_person(candidate: _Candidate, name: str, person: Person | None) -> None:
    candidate.entity_type = "PERSON"
    candidate.person = person
    if person is not None:
        candidate.entity_id = person.entity_id
        candidate.canonical_name = person.canonical_name
        candidate.country_iso3 = person.country_iso3
    else:
        candidate.entity_id = person_id(name)
        candidate.canonical_name = display_name(name)


def _core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Name tokens without middle initials ("ivan f boesky" -> "ivan boesky")."""
    return tuple(t for i, t in enumerate(tokens) if i in (0, len(tokens) - 1) or len(t) > 1)


def _copy_person(candidate: _Candidate, chosen: _Candidate) -> None:
    candidate.entity_type = "PERSON"
    candidate.person = chosen.person
    candidate.entity_id = chosen.entity_id
    candidate.canonical_name = chosen.canonical_name
    candidate.country_iso3 = chosen.country_iso3


def _nearest(fulls: list[_Candidate], candidate: _Candidate) -> _Candidate | None:
    """The full name nearest before the candidate, else the first one after it."""
    earlier = [f for f in fulls if f.start < candidate.start]
    return earlier[-1] if earlier else (fulls[0] if fulls else None)


def _attached_title(doc: Doc, candidate: _Candidate, titles: dict[int, Span]) -> Span | None:
    """The title right before a name, or in apposition after it ("Baker, the Treasury
    Secretary")."""
    before = titles.get(candidate.start)
    if before is not None:
        return before
    index = candidate.end
    if index < len(doc) and doc[index].text == ",":
        index += 1
        while index < len(doc) and doc[index].lower_ in {"the", "a", "an"}:
            index += 1
        for title in titles.values():
            closed = title.end >= len(doc) or doc[title.end].text in _APPOSITIVE_CLOSE
            if title.start == index and closed:
                return title
    return None


def _resolve_people(doc: Doc, people: list[_Candidate], day: dt.date, titles: list[Span]) -> None:
    """Full names first, then partial names via the article's full names or curated data."""
    titles_by_end = {t.end: t for t in titles}
    # suffix of an article full name (as a token tuple) -> the full-name candidates
    suffixes: dict[tuple[str, ...], list[_Candidate]] = defaultdict(list)
    # weaker keys: a middle token ("Hernandez" of "Arturo Hernandez Grisanti", Spanish
    # style) and the first token ("Rha" of "Rha Woong-bae", family name first)
    inner: dict[str, list[_Candidate]] = defaultdict(list)
    first: dict[str, list[_Candidate]] = defaultdict(list)
    cores: dict[tuple[str, ...], _Candidate] = {}
    partial: list[_Candidate] = []
    for candidate in people:
        name = _person_name(doc, candidate)
        tokens = tuple(name_key(name).split())
        if len(tokens) == 1:
            partial.append(candidate)
            continue
        same = cores.get(_core(tokens))
        curated = _curated_by_alias(name, day) or _curated_fuzzy(name)
        if curated is None and same is not None:
            _copy_person(candidate, same)
        else:
            _apply_person(candidate, name, curated)
        cores.setdefault(_core(tokens), candidate)
        for width in range(1, len(tokens) + 1):
            suffixes[tokens[-width:]].append(candidate)
        for token in tokens[1:-1]:
            inner[token].append(candidate)
        first[tokens[0]].append(candidate)
    for candidate in partial:
        name = _person_name(doc, candidate)
        key = name_key(name)
        fulls = suffixes.get((key,), [])
        for weaker in (inner, first):
            if not fulls:
                fulls = weaker.get(key, [])
                if len({f.entity_id for f in fulls}) > 1:
                    fulls = []  # ambiguous within the article
        chosen = _nearest(fulls, candidate)
        if chosen is not None:
            _copy_person(candidate, chosen)
            continue
        title = _attached_title(doc, candidate, titles_by_end)
        curated = _curated_by_surname(key, day, normalize_role(title.text) if title else None)
        if curated is not None:
            _apply_person(candidate, name, curated)
        elif title is not None or _looks_like_person(doc, candidate):
            _apply_person(candidate, name, None)
        else:
            candidate.entity_id = ""  # "Debtor", "Louvre", "Sputnik": lone words, no name


_SPEECH_VERBS = frozenset(
    {"said", "says", "say", "told", "added", "adds", "stated", "declared", "noted", "warned",
     "replied", "asked", "urged", "announced", "predicted"}
)  # fmt: skip


def _looks_like_person(doc: Doc, candidate: _Candidate) -> bool:
    """A lone unknown name counts when an honorific precedes it or it speaks.

    News introduces a person by full name; a single capitalised word that NER calls a
    PERSON, with no full name in the article and no curated match, is more often a
    mis-tagged thing ("Nominal GDP", "the Tower board") unless its context says person.
    """
    before = doc[candidate.start - 1].lower_ if candidate.start > 0 else ""
    after = doc[candidate.end].lower_ if candidate.end < len(doc) else ""
    return (
        before in _HONORIFICS
        or after in _SPEECH_VERBS
        or (
            after in _POSSESSIVE
            and candidate.end + 1 < len(doc)
            and doc[candidate.end + 1].lower_ in _SPEECH_VERBS
        )
    )


def _candidate_ending_at(candidates: list[_Candidate], end: int) -> _Candidate | None:
    for candidate in candidates:
        if candidate.end == end:
            return candidate
    return None


def _candidate_starting_at(candidates: list[_Candidate], start: int) -> _Candidate | None:
    for candidate in candidates:
        if candidate.start == start:
            return candidate
    return None


def _is_country(candidate: _Candidate | None) -> bool:
    return bool(candidate and candidate.entity_type == "GPE" and candidate.entity_id[4:].isupper())


def _context_country(doc: Doc, start: int, by_end: dict[int, list[_Candidate]]) -> str | None:
    """A country named shortly before a title in the same sentence, with no person between
    ("the Nigerian team, headed by Finance Minister Che Okongwu")."""
    for end in range(start, max(0, start - _CONTEXT_WINDOW), -1):
        if end < start and doc[end].text in {".", ";"}:
            return None
        for candidate in by_end.get(end, []):
            if candidate.entity_type == "PERSON":
                return None
            if _is_country(candidate):
                return candidate.country_iso3
    return None


def _dateline_country(article: Article, day: dt.date) -> str | None:
    """The country whose capital heads the dateline ("COPENHAGEN, March 17" -> DNK)."""
    if not article.dateline:
        return None
    city = article.dateline.split(",")[0].strip()
    return country_by_capital(city, day) or country_by_name(city, day)


def _roles(
    doc: Doc,
    titles: list[Span],
    candidates: list[_Candidate],
    day: dt.date,
    dateline_country: str | None = None,
) -> list[RoleSpan]:
    """Titles attached to a person: "Title Name" and "Name, [the] [Country's] Title"."""
    by_end: dict[int, list[_Candidate]] = defaultdict(list)
    by_start: dict[int, list[_Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_end[candidate.end].append(candidate)
        by_start[candidate.start].append(candidate)
    out: list[RoleSpan] = []
    for title in titles:
        role = normalize_role(title.text)
        left = title.start
        country: str | None = None
        org: _Candidate | None = None
        # prefixes, nearest first: an ORG right before the title ("Bundesbank President",
        # "U.S. Federal Reserve Chairman"), then a country ("U.S.", "Japan's")
        for step in range(2):
            end = left - 1 if left > 0 and doc[left - 1].text in _POSSESSIVE else left
            prefix = _candidate_ending_at(by_end.get(end, []), end)
            if prefix is None:
                break
            if _is_country(prefix) and country is None:
                country = prefix.country_iso3
            elif prefix.entity_type == "ORG" and step == 0 and end == left:
                # an ORG that ends in a demonym ("WASHINGTON - Japanese") is a country prefix
                tail = _country_words(doc, max(prefix.start, end - 2), end, day)
                if tail is not None:
                    country = country_by_demonym(doc[tail[0] : tail[1]].text, day) or (
                        country_by_name(doc[tail[0] : tail[1]].text, day)
                    )
                    break
                org = prefix
            else:
                break
            left = prefix.start
        if org is not None:
            role = f"{doc[org.start : org.end].text} {role}"
        # a modifier before the country belongs to the title: "Deputy U.S. Trade Representative"
        if left < title.start and left > 0 and doc[left - 1].lower_ in MODIFIERS:
            role = f"{doc[left - 1].text.capitalize()} {role}"
            left -= 1
        if left > 0 and doc[left - 1].lower_ in _FORMER:
            continue  # "former Japanese Foreign Minister Shintaro Abe": not his role now
        right = title.end
        if right + 1 < len(doc) and doc[right].lower_ == "of":
            of_country = _candidate_starting_at(by_start.get(right + 1, []), right + 1)
            if _is_country(of_country) and of_country is not None:
                country = country or of_country.country_iso3
                right = of_country.end
        person = next((c for c in by_start.get(right, []) if c.entity_type == "PERSON"), None)
        if person is None and (right >= len(doc) or doc[right].text in _APPOSITIVE_CLOSE):
            # "Baker, the Treasury Secretary, said" (not "with Bush, the Crown Prince paid")
            person = _appositive_person(doc, left, by_end)
        if person is None or not person.entity_id:
            continue
        if country is None and person.end + 1 < len(doc) and doc[person.end].lower_ == "of":
            # "Energy Minister Javier Espinosa of Ecuador"
            after = _candidate_starting_at(by_start.get(person.end + 1, []), person.end + 1)
            if _is_country(after) and after is not None:
                country = after.country_iso3
        if country is None:
            country = _office_country(person, role, day, org is not None)
        # an unprefixed government title of someone not in the curated file, in a story
        # filed from a capital, is that country's office ("Finance Minister Palle
        # Simonsen" datelined Copenhagen); corporate titles (President, Chairman) are not
        if (
            country is None
            and org is None
            and person.person is None
            and role_head(role) in _GOVERNMENT_HEADS
        ):
            country = _context_country(doc, title.start, by_end) or dateline_country
        out.append(
            RoleSpan(
                entity_id=person.entity_id,
                role=role,
                country_iso3=country,
                title_start=title.start_char,
                title_end=title.end_char,
                person_start=doc[person.start].idx,
                person_end=doc[person.end - 1].idx + len(doc[person.end - 1].text),
            )
        )
    return out


def _appositive_person(
    doc: Doc, left: int, by_end: dict[int, list[_Candidate]]
) -> _Candidate | None:
    """The person in "Baker, the Treasury Secretary" (title phrase starts at ``left``)."""
    index = left - 1
    while index >= 0 and doc[index].lower_ in {"the", "a", "an", "who", "is", "was", "now"}:
        index -= 1
    if index < 1 or doc[index].text != ",":
        return None
    return next((c for c in by_end.get(index, []) if c.entity_type == "PERSON"), None)


def _office_country(person: _Candidate, role: str, day: dt.date, org_prefix: bool) -> str | None:
    """Country of an unprefixed title: the curated office, else the person's country."""
    curated = person.person
    if curated is not None:
        head = role_head(role)
        for office in curated.offices:
            if office.valid_on(day) and role_head(office.role) == head:
                return office.office_iso3
    if org_prefix:
        return None
    return person.country_iso3


def _person_countries_from_roles(candidates: list[_Candidate], roles: list[RoleSpan]) -> None:
    """A person not in the curated file takes the country of a title seen with them."""
    role_country: dict[str, str] = {}
    for span in roles:
        if span.country_iso3:
            role_country.setdefault(span.entity_id, span.country_iso3)
    for candidate in candidates:
        if candidate.entity_type == "PERSON" and candidate.country_iso3 is None:
            candidate.country_iso3 = role_country.get(candidate.entity_id)


_HEAD_WORDS = frozenset(w for head in HEADS for w in head if w not in {"-", "of"})


def resolve_reference(
    entities: ArticleEntities,
    start_char: int,
    end_char: int,
    exclude_entity_id: str | None = None,
) -> EntityMention | None:
    """The person that a title/counterpart phrase in the article refers to, by rule."""
    body = entities.article.body
    direct = entities.mention_at(start_char, end_char)
    if direct is not None and direct.entity_type == "PERSON":
        return direct
    day = entities.article.published_date
    words = [w.strip(".,;:'\u2019\"").lower() for w in body[start_char:end_char].split()]
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in words if w]
    country = None
    for width in (2, 1):
        for i in range(len(words) - width + 1):
            phrase = " ".join(words[i : i + width])
            country = country or country_by_demonym(phrase, day) or country_by_name(phrase, day)
    heads = {w for w in words if w in _HEAD_WORDS}
    departments = {w for w in words if w in DEPARTMENT_WORDS and w != "and"}
    counterpart = "counterpart" in words or "counterparts" in words
    if not heads and not counterpart:
        return None
    excluded_country = entities.person_country(exclude_entity_id) if exclude_entity_id else None
    person_roles: dict[str, list[RoleSpan]] = defaultdict(list)
    for span in entities.role_spans:
        person_roles[span.entity_id].append(span)
    eligible: set[str] = set()
    for mention in entities.mentions:
        if mention.entity_type != "PERSON" or mention.entity_id == exclude_entity_id:
            continue
        pid = mention.entity_id
        countries = {mention.country_iso3} | {s.country_iso3 for s in person_roles[pid]}
        if country and country not in countries:
            continue
        if counterpart and excluded_country and excluded_country in countries and not country:
            continue
        if heads:
            role_words = [set(s.role.lower().replace("-", " ").split()) for s in person_roles[pid]]
            if not any(heads <= r and departments <= r for r in role_words):
                continue
        elif not (counterpart and (country or exclude_entity_id)):
            continue
        eligible.add(pid)
    if not eligible:
        return None
    people = [m for m in entities.mentions if m.entity_id in eligible]
    before = [m for m in people if m.end_char <= start_char]
    if before:
        return max(before, key=lambda m: m.end_char)
    after = [m for m in people if m.start_char >= end_char]
    return min(after, key=lambda m: m.start_char) if after else None
