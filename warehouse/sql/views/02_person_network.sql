-- Who met whom, how often, and when last? One row per unordered pair of people who took part
-- in the same meeting.
CREATE OR REPLACE VIEW report_person_network AS
WITH person AS (
    SELECT DISTINCT meeting_id, entity_id, canonical_name, country_iso3
    FROM meeting_participants
    WHERE entity_type = 'PERSON'
),
pair AS (
    SELECT
        a.entity_id AS person_a_id,
        a.canonical_name AS person_a,
        a.country_iso3 AS country_a,
        b.entity_id AS person_b_id,
        b.canonical_name AS person_b,
        b.country_iso3 AS country_b,
        m.meeting_id,
        m.meeting_date,
        m.kind,
        m.location,
        -- Latest dated meeting first; undated ones last, ties broken by id for a stable answer.
        row_number() OVER (
            PARTITION BY a.entity_id, b.entity_id
            ORDER BY m.meeting_date DESC NULLS LAST, m.meeting_id
        ) AS recency
    FROM person AS a
    JOIN person AS b ON b.meeting_id = a.meeting_id AND a.entity_id < b.entity_id
    JOIN meetings AS m ON m.meeting_id = a.meeting_id
)
SELECT
    person_a_id,
    any_value(person_a) AS person_a,
    any_value(country_a) AS country_a,
    person_b_id,
    any_value(person_b) AS person_b,
    any_value(country_b) AS country_b,
    count(*) AS n_meetings,
    count(*) FILTER (WHERE kind IN ('phone_call', 'video_call')) AS n_calls,
    min(meeting_date) AS first_met,
    max(meeting_date) AS last_met,
    any_value(meeting_id) FILTER (WHERE recency = 1) AS last_meeting_id,
    any_value(kind) FILTER (WHERE recency = 1) AS last_kind,
    any_value(location) FILTER (WHERE recency = 1) AS last_location
FROM pair
GROUP BY person_a_id, person_b_id
ORDER BY n_meetings DESC, last_met DESC NULLS LAST, person_a, person_b;
COMMENT ON VIEW report_person_network IS 'Who met whom: one row per unordered pair of people (person_a_id < person_b_id) who took part in the same meeting, with the number of meetings and the latest one.';
COMMENT ON COLUMN report_person_network.last_meeting_id IS 'The latest dated meeting of the pair (an undated one only if none is dated).';
