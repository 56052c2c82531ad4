-- The clustering inputs, normalised once: one row per participant entity with a rarity
-- weight, and one row per event mention with its article facts and its previous meeting.

-- Name variants of one person ("J.D. Vance" / "JD Vance", "Abdel Fattah Al-Sisi" / "Abdel
-- Fattah El-Sisi", "Jen Klein" / "Jennifer Klein", "Melanie L. Campbell" / "Melanie
-- Campbell", "Amir Sheikh Tamim bin Hamad Al-Thani" / "Amir Tamim bin Hamad al Thani") are
-- resolved to different entity ids in different articles. Two people are one when their
-- states do not differ, their names end in the same surname and begin with the same given
-- name, or one given name of 3+ letters begins the other (a short form); case, accents,
-- dots, hyphens, titles and middle initials do not count. Each person stands for the
-- variant named in most articles.
CREATE OR REPLACE TEMP TABLE _mc_person_alias AS
WITH person AS (
    SELECT
        entity_id,
        country_iso3,
        coalesce(n_articles, 0) AS n_articles,
        list_filter(
            string_split(
                regexp_replace(
                    regexp_replace(lower(strip_accents(canonical_name)), '[.''’]', '', 'g'),
                    '[^a-z0-9]+', ' ', 'g'
                ),
                ' '
            ),
            lambda t: t <> '' AND t NOT IN ('sheikh', 'amir', 'he', 'gentleman', 'lady', 'dr',
                                          'mr', 'mrs', 'ms', 'sir')
        ) AS tokens
    FROM entities
    WHERE entity_type = 'PERSON'
),
named AS (
    SELECT
        entity_id,
        country_iso3,
        n_articles,
        tokens[1] AS given,
        tokens[-1] AS surname
    FROM person
    WHERE len(tokens) >= 2
      AND tokens[1] NOT IN ('al', 'el', 'bin', 'ibn', 'de', 'da', 'di', 'van', 'von', 'le', 'la')
),
same AS (
    SELECT a.entity_id, b.entity_id AS alias_of, b.n_articles
    FROM named AS a
    JOIN named AS b
        ON b.surname = a.surname
       AND (a.country_iso3 IS NULL OR b.country_iso3 IS NULL OR a.country_iso3 = b.country_iso3)
       AND (
           a.given = b.given
           OR (len(a.given) >= 3 AND starts_with(b.given, a.given))
           OR (len(b.given) >= 3 AND starts_with(a.given, b.given))
       )
)
SELECT entity_id, alias_of
FROM same
QUALIFY row_number() OVER (
    PARTITION BY entity_id ORDER BY n_articles DESC, alias_of
) = 1;

-- Rarity weight ln(1 + N / df): a participant named in few articles (a junior minister) says
-- more about which meeting a report is about than one named everywhere (a superpower).
CREATE OR REPLACE TEMP TABLE _mc_entity AS
WITH n AS (
    SELECT greatest(count(*), 1)::DOUBLE AS n_articles FROM articles
),
df AS (
    SELECT coalesce(a.alias_of, p.entity_id) AS entity_id,
           count(DISTINCT m.article_id) AS n_event_articles
    FROM event_mention_participants AS p
    JOIN event_mentions AS m USING (mention_id)
    LEFT JOIN _mc_person_alias AS a USING (entity_id)
    GROUP BY ALL
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
FROM df
LEFT JOIN entities AS e USING (entity_id)
CROSS JOIN n;

-- A date without a precision is taken as a day; an undated report is placed in the week
-- before its publication (reports describe meetings that already happened).
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
    nullif(trim(m.location), '') AS location,
    m.location_iso3,
    coalesce(m.topics, []::VARCHAR[]) AS topics,
    m.setting,
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
