-- The clustering inputs, normalised once: one row per party with a rarity weight, and one
-- row per event mention with its article facts and its previous meeting.

-- Rarity weight ln(1 + N / df): a participant named in few articles (a junior minister) says
-- more about which meeting a report is about than one named everywhere (a superpower).
-- N and df come from the history facts (corpus.sql); a person's name variants are one party.
CREATE OR REPLACE TEMP TABLE _mc_entity AS
WITH n AS (
    SELECT greatest(n_articles, 1)::DOUBLE AS n_articles FROM _mc_corpus
)
SELECT
    df.entity_id,
    coalesce(e.canonical_name, df.entity_id) AS canonical_name,
    coalesce(e.entity_type, upper(split_part(df.entity_id, ':', 1))) AS entity_type,
    coalesce(
        e.country_iso3,
        -- Only a country entity's key is a country code (gpe:USA); gpe:new-york is a city.
        CASE WHEN regexp_matches(df.entity_id, '^gpe:[A-Z]{3}$') THEN split_part(df.entity_id, ':', 2) END
    ) AS country_iso3,
    ln(1 + n.n_articles / greatest(coalesce(e.n_articles, 0), df.n_event_articles, 1)) AS weight
FROM _mc_entity_df AS df
LEFT JOIN entities AS e USING (entity_id)
CROSS JOIN n;

-- A date without a precision is taken as a day; an undated report is placed in the week
-- before its publication (reports describe meetings that already happened). A day taken
-- from the publication day, no date words said it (parley/mentions/event_date.py), is
-- `news_day`: the news may be the previous day's (overnight copy, a time zone behind).
CREATE OR REPLACE TEMP TABLE _mc_mention AS
SELECT
    m.mention_id,
    m.article_id,
    a.published_date,
    a.outlet,
    coalesce(m.kind, 'meeting') AS kind,
    m.event_date,
    CASE
        WHEN m.event_date IS NULL THEN NULL
        WHEN m.date_precision = 'month' THEN 'month'
        ELSE 'day'
    END AS date_precision,
    m.date_text IS NULL AND coalesce(m.date_precision, 'day') = 'day'
        AND m.event_date = a.published_date AS news_day,
    nullif(trim(m.location), '') AS location,
    m.location_iso3,
    coalesce(m.topics, []::VARCHAR[]) AS topics,
    m.setting,
    coalesce(m.held_apart, false) AS held_apart,
    coalesce(m.confidence, 0.0) AS confidence,
    m.start_char,
    m.sentence,
    p.meeting_id IS NULL AS is_new,
    p.meeting_id AS prev_meeting_id
FROM event_mentions AS m
LEFT JOIN articles AS a USING (article_id)
LEFT JOIN _mc_prev_assign AS p USING (mention_id);

-- Participants of each mention, with where the party's last name first occurs in the
-- mention's sentence (subject first, for headlines; NULL when the sentence words it
-- differently), a person's name variant resolved to the variant it stands for. Row order of
-- the input is not used: it is not stable across a DISTINCT.
CREATE OR REPLACE TEMP TABLE _mc_participant AS
WITH resolved AS (
    SELECT p.mention_id, coalesce(a.alias_of, p.entity_id) AS entity_id, p.role_in_event
    FROM event_mention_participants AS p
    LEFT JOIN _mc_person_alias AS a USING (entity_id)
)
SELECT
    p.mention_id,
    p.entity_id,
    min(p.role_in_event) AS role_in_event,
    nullif(
        strpos(
            lower(any_value(m.sentence)),
            lower(regexp_extract(any_value(e.canonical_name), '(\S+)$', 1))
        ),
        0
    ) AS position
FROM resolved AS p
JOIN _mc_mention AS m USING (mention_id)
JOIN _mc_entity AS e USING (entity_id)
GROUP BY p.mention_id, p.entity_id;
