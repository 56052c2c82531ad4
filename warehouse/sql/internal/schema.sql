-- The publisher's own tables inside every warehouse file it writes: what the file was built
-- from, and what an incremental publish reads instead of the whole history. They are not part
-- of the contract; a reader can ignore the schema.
CREATE SCHEMA parley_internal;

CREATE TABLE parley_internal.build (
    signature VARCHAR NOT NULL,
    state_generation VARCHAR,
    version BIGINT NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL
);
COMMENT ON TABLE parley_internal.build IS 'One row: the code and schema signature, the meeting-id state generation and the publish number this file holds.';

CREATE TABLE parley_internal.drops (
    drop_id VARCHAR PRIMARY KEY,
    fingerprint VARCHAR NOT NULL
);
COMMENT ON TABLE parley_internal.drops IS 'One row per staged drop published here, with the digest of its staged files then.';

CREATE TABLE parley_internal.entity_tallies (
    entity_id VARCHAR PRIMARY KEY,
    names STRUCT(value VARCHAR, n BIGINT)[] NOT NULL,
    entity_types STRUCT(value VARCHAR, n BIGINT)[] NOT NULL,
    countries STRUCT(value VARCHAR, n BIGINT)[] NOT NULL
);
COMMENT ON TABLE parley_internal.entity_tallies IS 'Per entity, how many published mentions give each name, type and country: entities takes the most frequent.';

CREATE TABLE parley_internal.participant_entities (
    entity_id VARCHAR PRIMARY KEY,
    canonical_name VARCHAR,
    entity_type VARCHAR,
    country_iso3 VARCHAR,
    n_articles BIGINT
);
COMMENT ON TABLE parley_internal.participant_entities IS 'The entities rows of every event participant and of the name variant each stands for, for the meeting clustering.';

CREATE TABLE parley_internal.person_names (
    entity_id VARCHAR PRIMARY KEY,
    country_iso3 VARCHAR,
    n_articles BIGINT NOT NULL,
    given VARCHAR NOT NULL,
    surname VARCHAR NOT NULL,
    alias_of VARCHAR NOT NULL
);
COMMENT ON TABLE parley_internal.person_names IS 'Every person with a given name and a surname, and the name variant the meeting clustering takes them for (parley/meetings/sql/names.sql).';

CREATE TABLE parley_internal.announcement_windows (
    announcement_id VARCHAR PRIMARY KEY,
    published_date DATE NOT NULL,
    window_start DATE NOT NULL,
    window_end DATE NOT NULL
);
COMMENT ON TABLE parley_internal.announcement_windows IS 'Per announcement, its article''s day and the days the meeting it announced may fall on (parley/announcements/sql/windows.sql).';

CREATE TABLE parley_internal.check_results (
    table_name VARCHAR NOT NULL,
    check_name VARCHAR NOT NULL,
    blocking BOOLEAN NOT NULL,
    n_failures BIGINT NOT NULL,
    examples VARCHAR NOT NULL
);
COMMENT ON TABLE parley_internal.check_results IS 'The data checks run by the publish that wrote this file, over the rows it changed (all rows after a full build).';
