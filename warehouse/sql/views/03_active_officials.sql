-- Who are the most active officials, whom do they meet, and what title do they hold now?
-- One row per person who took part in at least one meeting.
CREATE OR REPLACE VIEW report_active_officials AS
WITH person AS (
    SELECT DISTINCT mp.meeting_id, mp.entity_id, mp.canonical_name, mp.country_iso3, m.meeting_date
    FROM meeting_participants AS mp
    JOIN meetings AS m USING (meeting_id)
    WHERE mp.entity_type = 'PERSON'
),
counterpart AS (
    SELECT p.entity_id, o.entity_id AS other_id, o.country_iso3 AS other_country
    FROM person AS p
    JOIN meeting_participants AS o
        ON o.meeting_id = p.meeting_id AND o.entity_id <> p.entity_id
),
latest_role AS (
    SELECT entity_id, role AS latest_role
    FROM person_roles
    QUALIFY row_number() OVER (
        PARTITION BY entity_id ORDER BY last_seen DESC, n_articles DESC, role
    ) = 1
),
activity AS (
    SELECT
        entity_id,
        any_value(canonical_name) AS canonical_name,
        any_value(country_iso3) AS country_iso3,
        count(*) AS n_meetings,
        min(meeting_date) AS first_meeting,
        max(meeting_date) AS last_meeting
    FROM person
    GROUP BY entity_id
),
reach AS (
    SELECT
        entity_id,
        count(DISTINCT other_id) AS n_counterparts,
        count(DISTINCT other_country) FILTER (
            WHERE other_country IS DISTINCT FROM own.country_iso3
        ) AS n_foreign_countries
    FROM counterpart
    JOIN activity AS own USING (entity_id)
    GROUP BY entity_id
)
SELECT
    rank() OVER (ORDER BY a.n_meetings DESC) AS activity_rank,
    a.entity_id,
    a.canonical_name,
    a.country_iso3,
    r.latest_role,
    a.n_meetings,
    coalesce(x.n_counterparts, 0) AS n_counterparts,
    coalesce(x.n_foreign_countries, 0) AS n_foreign_countries,
    a.first_meeting,
    a.last_meeting
FROM activity AS a
LEFT JOIN reach AS x USING (entity_id)
LEFT JOIN latest_role AS r USING (entity_id)
ORDER BY activity_rank, a.canonical_name;
COMMENT ON VIEW report_active_officials IS 'Most active officials: one row per person who took part in a meeting, ranked by number of meetings, with counterparts, foreign countries met and latest known title.';
COMMENT ON COLUMN report_active_officials.latest_role IS 'The role the texts gave most recently (person_roles.last_seen); the full history is in report_official_roles.';
COMMENT ON COLUMN report_active_officials.n_foreign_countries IS 'Distinct countries of counterparts other than the official''s own.';

-- What titles has an official held, and when did the texts give them?
-- One row per (person, role, country) the texts give, with the meetings held in that role.
CREATE OR REPLACE VIEW report_official_roles AS
SELECT
    r.entity_id,
    e.canonical_name,
    r.role,
    r.country_iso3,
    r.first_seen,
    r.last_seen,
    r.n_articles,
    count(DISTINCT mp.meeting_id) AS n_meetings_in_role
FROM person_roles AS r
JOIN entities AS e USING (entity_id)
LEFT JOIN meeting_participants AS mp ON mp.entity_id = r.entity_id AND mp.role = r.role
GROUP BY ALL
ORDER BY e.canonical_name, r.first_seen, r.role;
COMMENT ON VIEW report_official_roles IS 'Roles of officials over time: one row per (person, role, country) the texts give, with the dates first and last seen and the meetings attended under that title.';
