-- The published warehouse: the 13 tables of shared/CONTRACT.md section 3.
-- Built into a fresh DuckDB file by warehouse/publish.py on every publish, then renamed over
-- the published file, so readers always see a complete set of tables.

CREATE TABLE articles (
    article_id      VARCHAR PRIMARY KEY,
    source_ref      VARCHAR NOT NULL,
    drop_id         VARCHAR NOT NULL,
    published_date  DATE NOT NULL,
    title           VARCHAR,
    dateline        VARCHAR,
    outlet          VARCHAR,
    url             VARCHAR,
    body            VARCHAR NOT NULL,
    content_sha256  VARCHAR NOT NULL,
    duplicate_of    VARCHAR,
    input_flags     VARCHAR,
    ingested_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
COMMENT ON TABLE articles IS 'One row per accepted input record (a .txt file or a JSONL line), deduplicated by article_id across drops.';
COMMENT ON COLUMN articles.article_id IS 'Stable key: hash of source_ref and body; the same file dropped twice is one row.';
COMMENT ON COLUMN articles.source_ref IS 'The .txt file name relative to its drop folder, or the JSONL record id.';
COMMENT ON COLUMN articles.drop_id IS 'The drop (folder name, Dagster partition key) the article first arrived in.';
COMMENT ON COLUMN articles.published_date IS 'The date given by the input (date line or JSONL date).';
COMMENT ON COLUMN articles.outlet IS 'The outlet: JSONL outlet/source, or a trailing attribution line such as "Based On ANI Report".';
COMMENT ON COLUMN articles.content_sha256 IS 'SHA-256 of the body text.';
COMMENT ON COLUMN articles.duplicate_of IS 'article_id of the earliest article with an identical body, else NULL.';
COMMENT ON COLUMN articles.input_flags IS 'Repairs made while reading the input (e.g. non_utf8), else NULL.';

CREATE TABLE rejected_inputs (
    drop_id     VARCHAR NOT NULL,
    source_ref  VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    detail      VARCHAR,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
COMMENT ON TABLE rejected_inputs IS 'One row per input file or record that could not become an article. The rest of its drop went through.';
COMMENT ON COLUMN rejected_inputs.source_ref IS 'File name relative to the drop folder; for a JSONL record, file:line.';
COMMENT ON COLUMN rejected_inputs.reason IS 'Short reason code; see the Operations section of the README.';

CREATE TABLE entities (
    entity_id       VARCHAR PRIMARY KEY,
    canonical_name  VARCHAR NOT NULL,
    entity_type     VARCHAR NOT NULL,
    country_iso3    VARCHAR,
    n_mentions      BIGINT NOT NULL,
    n_articles      BIGINT NOT NULL
);
COMMENT ON TABLE entities IS 'One row per canonical entity (person, organisation, country, ...) found in the articles.';
COMMENT ON COLUMN entities.entity_id IS 'Deterministic key such as person:james-baker or gpe:USA.';
COMMENT ON COLUMN entities.entity_type IS 'PERSON, ORG, GPE, NORP, LOC, FAC or EVENT.';
COMMENT ON COLUMN entities.country_iso3 IS 'ISO 3166 alpha-3 of the country (for a person: the country they serve), else NULL. USSR is SUN.';

CREATE TABLE entity_aliases (
    entity_id  VARCHAR NOT NULL,
    alias      VARCHAR NOT NULL
);
COMMENT ON TABLE entity_aliases IS 'One row per surface form under which an entity was found.';

CREATE TABLE entity_mentions (
    article_id    VARCHAR NOT NULL,
    entity_id     VARCHAR NOT NULL,
    mention_text  VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL
);
COMMENT ON TABLE entity_mentions IS 'One row per entity occurrence in an article body.';
COMMENT ON COLUMN entity_mentions.label IS 'The NER or rule label that produced the mention.';
COMMENT ON COLUMN entity_mentions.start_char IS 'Offset of the mention in articles.body (characters, 0-based).';

CREATE TABLE person_roles (
    entity_id     VARCHAR NOT NULL,
    role          VARCHAR NOT NULL,
    country_iso3  VARCHAR,
    first_seen    DATE NOT NULL,
    last_seen     DATE NOT NULL,
    n_articles    BIGINT NOT NULL
);
COMMENT ON TABLE person_roles IS 'One row per (person, role) the texts give, e.g. External Affairs Minister of IND.';
COMMENT ON COLUMN person_roles.first_seen IS 'Publication date of the first article that gives the role.';

CREATE TABLE event_mentions (
    mention_id      VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    event_date      DATE,
    date_precision  VARCHAR,
    date_text       VARCHAR,
    location        VARCHAR,
    location_iso3   VARCHAR,
    sentence        VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    confidence      DOUBLE NOT NULL,
    meeting_id      VARCHAR
);
COMMENT ON TABLE event_mentions IS 'One row per meeting, call or visit that one article states took place.';
COMMENT ON COLUMN event_mentions.kind IS 'meeting, phone_call, video_call, visit, summit or negotiation.';
COMMENT ON COLUMN event_mentions.event_date IS 'The day it happened, resolved from the text against the dateline or publication date.';
COMMENT ON COLUMN event_mentions.date_precision IS 'day, month, or NULL when the text gives no usable date.';
COMMENT ON COLUMN event_mentions.date_text IS 'The words the date was resolved from.';
COMMENT ON COLUMN event_mentions.sentence IS 'The sentence that states the event.';
COMMENT ON COLUMN event_mentions.meeting_id IS 'The deduplicated meeting this report belongs to.';

CREATE TABLE event_mention_participants (
    mention_id     VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL,
    role_in_event  VARCHAR NOT NULL
);
COMMENT ON TABLE event_mention_participants IS 'One row per party to an event mention.';
COMMENT ON COLUMN event_mention_participants.role_in_event IS 'participant, host or visitor.';

CREATE TABLE meetings (
    meeting_id      VARCHAR PRIMARY KEY,
    kind            VARCHAR NOT NULL,
    meeting_date    DATE,
    date_precision  VARCHAR,
    location        VARCHAR,
    location_iso3   VARCHAR,
    headline        VARCHAR,
    n_mentions      BIGINT NOT NULL,
    n_articles      BIGINT NOT NULL,
    n_outlets       BIGINT NOT NULL,
    first_reported  DATE,
    last_reported   DATE
);
COMMENT ON TABLE meetings IS 'One row per real-world meeting, call or visit, deduplicated across articles and sources.';
COMMENT ON COLUMN meetings.meeting_id IS 'Stable across runs; a merged-away id is listed in meeting_id_redirects.';
COMMENT ON COLUMN meetings.meeting_date IS 'The day the meeting happened (1st of the month at month precision), not the day it was reported.';
COMMENT ON COLUMN meetings.first_reported IS 'Earliest publication date among the reporting articles.';

CREATE TABLE meeting_participants (
    meeting_id      VARCHAR NOT NULL,
    entity_id       VARCHAR NOT NULL,
    canonical_name  VARCHAR NOT NULL,
    entity_type     VARCHAR NOT NULL,
    country_iso3    VARCHAR,
    role            VARCHAR
);
COMMENT ON TABLE meeting_participants IS 'One row per participant of a meeting.';
COMMENT ON COLUMN meeting_participants.role IS 'The title the participant held at the time, if the texts give it.';

CREATE TABLE meeting_sources (
    meeting_id  VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    mention_id  VARCHAR NOT NULL
);
COMMENT ON TABLE meeting_sources IS 'One row per report (event mention) of a meeting, with its article.';

CREATE TABLE meeting_topics (
    meeting_id  VARCHAR NOT NULL,
    topic       VARCHAR NOT NULL
);
COMMENT ON TABLE meeting_topics IS 'One row per topic of a meeting, from the topic vocabulary in the README.';

CREATE TABLE meeting_id_redirects (
    old_meeting_id  VARCHAR PRIMARY KEY,
    meeting_id      VARCHAR NOT NULL,
    merged_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
COMMENT ON TABLE meeting_id_redirects IS 'One row per meeting id retired by a merge, pointing at the surviving id.';
