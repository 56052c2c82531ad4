-- Meeting-level tables from the mention -> meeting assignment.
CREATE OR REPLACE TABLE meeting_sources AS
SELECT mm.meeting_id, m.article_id, mm.mention_id
FROM mention_meeting AS mm
JOIN _mc_mention AS m USING (mention_id)
ORDER BY mm.meeting_id, m.article_id, mm.mention_id;

CREATE OR REPLACE TEMP TABLE _mc_member AS
SELECT mm.meeting_id, m.*
FROM mention_meeting AS mm
JOIN _mc_mention AS m USING (mention_id);

-- Best date: the most precise one, then the one most articles give, then the earliest.
CREATE OR REPLACE TEMP TABLE _mc_meeting_date AS
SELECT meeting_id, event_date, date_precision
FROM _mc_member
WHERE event_date IS NOT NULL
GROUP BY meeting_id, event_date, date_precision
QUALIFY row_number() OVER (
    PARTITION BY meeting_id
    ORDER BY date_precision = 'day' DESC, count(DISTINCT article_id) DESC, event_date
) = 1;

CREATE OR REPLACE TEMP TABLE _mc_meeting_kind AS
SELECT meeting_id, kind
FROM _mc_member
GROUP BY meeting_id, kind
QUALIFY row_number() OVER (
    PARTITION BY meeting_id
    ORDER BY count(DISTINCT article_id) DESC, max(confidence) DESC, kind
) = 1;

CREATE OR REPLACE TEMP TABLE _mc_meeting_location AS
SELECT meeting_id, location, any_value(location_iso3) FILTER (WHERE location_iso3 IS NOT NULL)
    AS location_iso3
FROM _mc_member
WHERE location IS NOT NULL
GROUP BY meeting_id, location
QUALIFY row_number() OVER (
    PARTITION BY meeting_id
    ORDER BY count(DISTINCT article_id) DESC, max(confidence) DESC, location
) = 1;

-- Participants, ordered for the headline: visitors first, hosts last, then in the order the
-- meeting's first report (earliest article, earliest sentence) names them, then the most
-- named.
CREATE OR REPLACE TEMP TABLE _mc_meeting_party AS
WITH lead_mention AS (
    SELECT meeting_id, mention_id
    FROM _mc_member
    QUALIFY row_number() OVER (
        PARTITION BY meeting_id ORDER BY published_date, article_id, start_char, mention_id
    ) = 1
),
lead_position AS (
    SELECT l.meeting_id, p.entity_id, p.position
    FROM lead_mention AS l
    JOIN _mc_participant AS p USING (mention_id)
)
SELECT
    mb.meeting_id,
    p.entity_id,
    e.canonical_name,
    e.entity_type,
    e.country_iso3,
    min(CASE p.role_in_event WHEN 'visitor' THEN 0 WHEN 'host' THEN 2 ELSE 1 END) AS role_rank,
    count(*) AS n_named,
    any_value(lp.position) AS lead_position
FROM _mc_member AS mb
JOIN _mc_participant AS p USING (mention_id)
JOIN _mc_entity AS e USING (entity_id)
LEFT JOIN lead_position AS lp ON lp.meeting_id = mb.meeting_id AND lp.entity_id = p.entity_id
GROUP BY mb.meeting_id, p.entity_id, e.canonical_name, e.entity_type, e.country_iso3;

CREATE OR REPLACE TEMP TABLE _mc_meeting_core AS
SELECT
    mb.meeting_id,
    k.kind,
    d.event_date AS meeting_date,
    d.date_precision,
    l.location,
    l.location_iso3,
    count(*) AS n_mentions,
    count(DISTINCT mb.article_id) AS n_articles,
    -- Articles without an outlet count together as one unknown outlet: never overstate how
    -- many independent sources confirm a meeting.
    count(DISTINCT coalesce(mb.outlet, '')) AS n_outlets,
    min(mb.published_date) AS first_reported,
    max(mb.published_date) AS last_reported
FROM _mc_member AS mb
JOIN _mc_meeting_kind AS k USING (meeting_id)
LEFT JOIN _mc_meeting_date AS d USING (meeting_id)
LEFT JOIN _mc_meeting_location AS l USING (meeting_id)
GROUP BY ALL;

-- The title each person held at the meeting (titles.sql).
CREATE OR REPLACE TABLE meeting_participants AS
WITH role_pick AS (
    FROM _mc_role_pick('_mc_meeting_party', '_mc_meeting_core', 'person_roles')
)
SELECT p.meeting_id, p.entity_id, p.canonical_name, p.entity_type, p.country_iso3, rp.role
FROM _mc_meeting_party AS p
LEFT JOIN role_pick AS rp USING (meeting_id, entity_id)
ORDER BY p.meeting_id, p.role_rank, p.lead_position NULLS LAST, p.n_named DESC,
    p.canonical_name;

CREATE OR REPLACE TABLE meeting_topics AS
SELECT DISTINCT meeting_id, unnest(topics) AS topic
FROM _mc_member
ORDER BY meeting_id, topic;

-- Headline: "<first party> met <others> in <place>". A state is left out of the names when
-- a person of that state is named (Japan is implied by Kiichi Miyazawa).
CREATE OR REPLACE TEMP TABLE _mc_meeting_headline AS
WITH named AS (
    -- A visit's host state is the place visited: "visited Tokyo", not "visited Tokyo and met
    -- Japan".
    SELECT p.*
    FROM _mc_meeting_party AS p
    JOIN _mc_meeting_core AS c USING (meeting_id)
    WHERE NOT (
        p.entity_type = 'GPE'
        AND (
            EXISTS (
                SELECT 1
                FROM _mc_meeting_party AS q
                WHERE q.meeting_id = p.meeting_id
                  AND q.entity_type <> 'GPE'
                  AND q.country_iso3 = p.country_iso3
            )
            OR (c.kind = 'visit' AND c.location IS NOT NULL
                AND (p.country_iso3 = c.location_iso3 OR p.canonical_name = c.location))
        )
    )
),
names AS (
    SELECT
        meeting_id,
        list(canonical_name ORDER BY entity_type = 'GPE', role_rank, lead_position NULLS LAST,
             n_named DESC, canonical_name) AS n
    FROM named
    GROUP BY meeting_id
),
parts AS (
    SELECT
        c.meeting_id,
        c.kind,
        c.location,
        nm.n[1] AS subject,
        CASE
            WHEN coalesce(len(nm.n), 0) <= 1 THEN NULL
            WHEN len(nm.n) = 2 THEN nm.n[2]
            WHEN len(nm.n) = 3 THEN nm.n[2] || ' and ' || nm.n[3]
            WHEN len(nm.n) = 4 THEN nm.n[2] || ', ' || nm.n[3] || ' and ' || nm.n[4]
            WHEN len(nm.n) = 5 THEN nm.n[2] || ', ' || nm.n[3] || ', ' || nm.n[4] || ' and 1 other'
            ELSE nm.n[2] || ', ' || nm.n[3] || ', ' || nm.n[4] || ' and '
                || (len(nm.n) - 4) || ' others'
        END AS objects,
        CASE WHEN c.location IS NOT NULL THEN ' in ' || c.location ELSE '' END AS at_place
    FROM _mc_meeting_core AS c
    LEFT JOIN names AS nm USING (meeting_id)
)
SELECT
    meeting_id,
    CASE
        WHEN subject IS NULL THEN
            CASE kind
                WHEN 'phone_call' THEN 'Phone call'
                WHEN 'video_call' THEN 'Video call'
                WHEN 'visit' THEN 'Visit'
                WHEN 'summit' THEN 'Summit'
                WHEN 'negotiation' THEN 'Talks'
                ELSE 'Meeting'
            END || at_place
        WHEN kind = 'phone_call' THEN
            subject || coalesce(' spoke by phone with ' || objects, ' held a phone call')
        WHEN kind = 'video_call' THEN
            subject || coalesce(' held a video call with ' || objects, ' held a video call')
        WHEN kind = 'visit' THEN
            subject || CASE
                WHEN location IS NOT NULL THEN ' visited ' || location
                    || coalesce(' and met ' || objects, '')
                ELSE coalesce(' visited ' || objects, ' made a visit')
            END
        WHEN kind = 'summit' THEN
            subject || coalesce(' attended a summit with ' || objects, ' attended a summit')
                || at_place
        WHEN kind = 'negotiation' THEN
            subject || coalesce(' held talks with ' || objects, ' held talks') || at_place
        ELSE subject || coalesce(' met ' || objects, ' held a meeting') || at_place
    END AS headline
FROM parts;

CREATE OR REPLACE TABLE meeting_id_redirects AS
SELECT old_meeting_id, meeting_id, merged_at
FROM _mc_state_redirects
ORDER BY old_meeting_id;
